package input

import "strings"

// Source is a funding source (资金来源). Its properties — the key written
// in the input, the column order, the titles the tables print, whether it is
// 财政拨款 — are in sourceTable below and nowhere else: no other file names a
// source by its key.
type Source uint8

// The five funding sources, in column order.
const (
	GeneralPublic  Source = iota // 一般公共预算
	GovernmentFund               // 政府性基金预算
	StateCapital                 // 国有资本经营预算
	SpecialAccount               // 财政专户管理资金
	UnitFunds                    // 单位资金
	numSources
)

// sourceTable holds every property of the sources, in column order.
var sourceTable = [numSources]struct {
	key    string // the key of the master input
	title  string // the column and row title most tables print, and the sentences' word
	fiscal bool   // 财政拨款 (tables 4, 10, 11, 13 and the fiscal columns of 12)
}{
	GeneralPublic:  {key: "general_public", title: "一般公共预算", fiscal: true},
	GovernmentFund: {key: "government_fund", title: "政府性基金预算", fiscal: true},
	StateCapital:   {key: "state_capital", title: "国有资本经营预算", fiscal: true},
	SpecialAccount: {key: "special_account", title: "财政专户管理资金"},
	UnitFunds:      {key: "unit_funds", title: "单位资金"},
}

// AllSources are the five sources in column order.
var AllSources = []Source{GeneralPublic, GovernmentFund, StateCapital, SpecialAccount, UnitFunds}

// FiscalSources are the three 财政拨款 sources in column order.
var FiscalSources = []Source{GeneralPublic, GovernmentFund, StateCapital}

// nonFiscalSources are the sources not of 财政拨款, in column order.
func nonFiscalSources() []Source {
	var out []Source
	for _, s := range AllSources {
		if !s.Fiscal() {
			out = append(out, s)
		}
	}
	return out
}

// DefaultSource is the source of a line or amount that names none.
const DefaultSource = GeneralPublic

// Key is the source's key in the master input, e.g. general_public.
func (s Source) Key() string { return sourceTable[s].key }

// Title is the source's title: 一般公共预算 ….
func (s Source) Title() string { return sourceTable[s].title }

// Fiscal tells whether the source is 财政拨款.
func (s Source) Fiscal() bool { return sourceTable[s].fiscal }

func (s Source) String() string { return s.Key() }

// ParseSource finds the source of a key.
func ParseSource(key string) (Source, bool) {
	for _, s := range AllSources {
		if sourceTable[s].key == key {
			return s, true
		}
	}
	return 0, false
}

// SourceKeys are the sources' keys in column order.
func SourceKeys() []string {
	keys := make([]string, len(AllSources))
	for i, s := range AllSources {
		keys[i] = s.Key()
	}
	return keys
}

// sourceList is "key title | key title …" for messages and comments.
func sourceList(sources []Source, sep string) string {
	parts := make([]string, len(sources))
	for i, s := range sources {
		parts[i] = s.Key() + " " + s.Title()
	}
	return strings.Join(parts, sep)
}

// sourceKeyList is "key、key、key".
func sourceKeyList(sources []Source) string {
	parts := make([]string, len(sources))
	for i, s := range sources {
		parts[i] = s.Key()
	}
	return strings.Join(parts, "、")
}
