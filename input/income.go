package input

import "strings"

// IncomeKind is the kind of income that money not of 财政拨款 comes from —
// special_account and unit_funds lines split into the columns 事业收入,
// 事业单位经营收入 and 其他收入 where a layout prints them (Shanghai's
// 收入预算总表). Its properties — the key written in the input, the title
// the tables print, the column order — are in incomeKindTable below and
// nowhere else.
type IncomeKind uint8

// The income kinds, in column order.
const (
	IncomeBusiness  IncomeKind = iota // 事业收入
	IncomeOperating                   // 事业单位经营收入
	IncomeOther                       // 其他收入
	numIncomeKinds
)

// incomeKindTable holds every property of the income kinds, in column order.
var incomeKindTable = [numIncomeKinds]struct {
	key   string // the key of the master input
	title string // the column and row title the tables print
}{
	IncomeBusiness:  {key: "business", title: "事业收入"},
	IncomeOperating: {key: "operating", title: "事业单位经营收入"},
	IncomeOther:     {key: "other", title: "其他收入"},
}

// AllIncomeKinds are the income kinds in column order.
var AllIncomeKinds = []IncomeKind{IncomeBusiness, IncomeOperating, IncomeOther}

// Key is the kind's key in the master input: business, operating, other.
func (k IncomeKind) Key() string { return incomeKindTable[k].key }

// Title is the kind's title: 事业收入 ….
func (k IncomeKind) Title() string { return incomeKindTable[k].title }

func (k IncomeKind) String() string { return k.Key() }

// ParseIncomeKind finds the income kind of a key.
func ParseIncomeKind(key string) (IncomeKind, bool) {
	for _, k := range AllIncomeKinds {
		if incomeKindTable[k].key == key {
			return k, true
		}
	}
	return 0, false
}

// IncomeKindKeys are the kinds' keys in column order.
func IncomeKindKeys() []string {
	keys := make([]string, len(AllIncomeKinds))
	for i, k := range AllIncomeKinds {
		keys[i] = k.Key()
	}
	return keys
}

// incomeKindList is "key title | key title …" for messages and comments.
func incomeKindList(sep string) string {
	parts := make([]string, len(AllIncomeKinds))
	for i, k := range AllIncomeKinds {
		parts[i] = k.Key() + " " + k.Title()
	}
	return strings.Join(parts, sep)
}

// IncomeKind is the kind of income of a line's money (income_kind), and
// whether the line gives one: only lines of special_account and
// unit_funds may (Decode refuses it on a 财政拨款 line).
func (e Expenditure) IncomeKind() (IncomeKind, bool) {
	if e.Income.Value == "" {
		return 0, false
	}
	return ParseIncomeKind(e.Income.Value)
}
