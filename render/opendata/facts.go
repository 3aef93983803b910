package opendata

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The figures of 第三部分 are written field by field from render.Facts, in
// the order of its declaration, under the field's name in snake_case
// (GPCurrent → gp_current, EquipmentOver500k → equipment_over_500k): a
// field added there appears here, and in the schema, without a change to
// this package. Decimals are exact decimal strings, counts numbers, texts
// strings, flags booleans, prior-year figures {value, set} and lists of
// named amounts [{name, amount}].

// factKind is how a field of render.Facts is written.
type factKind int

const (
	factUnknown factKind = iota
	factDecimal
	factPrior
	factItems
	factStrings
	factInt
	factString
	factBool
	factRecords // a list of a layout's own records (shanghai-9's Subjects): each an object of its fields
	factRecord  // one record of a layout's own (final-9's ThreePublic): an object of its fields
)

var (
	decimalType = reflect.TypeOf(decimal.Decimal{})
	priorType   = reflect.TypeOf(render.Prior{})
	itemsType   = reflect.TypeOf([]render.Item{})
	stringsType = reflect.TypeOf([]string{})
)

func kindOf(t reflect.Type) factKind {
	switch t {
	case decimalType:
		return factDecimal
	case priorType:
		return factPrior
	case itemsType:
		return factItems
	case stringsType:
		return factStrings
	}
	switch t.Kind() {
	case reflect.Int:
		return factInt
	case reflect.String:
		return factString
	case reflect.Bool:
		return factBool
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct && recordKnown(t.Elem()) {
			return factRecords
		}
	case reflect.Struct:
		if recordKnown(t) {
			return factRecord
		}
	}
	return factUnknown
}

// factField is one exported field of render.Facts with its JSON key.
type factField struct {
	index int
	name  string // the Go name
	key   string // the JSON key
	kind  factKind
}

// factFields lists the exported fields of a profile's facts in order.
func factFields(factsType reflect.Type) []factField {
	var out []factField
	if factsType == nil {
		return nil
	}
	for i := 0; i < factsType.NumField(); i++ {
		f := factsType.Field(i)
		if !f.IsExported() {
			continue
		}
		out = append(out, factField{index: i, name: f.Name, key: snake(f.Name), kind: kindOf(f.Type)})
	}
	return out
}

// FactKeys are the JSON keys of the figures of the default layout's
// 第三部分, in order.
func FactKeys() []string {
	var out []string
	for _, f := range factFields(defaultProfile().Wording.Data) {
		out = append(out, f.key)
	}
	return out
}

// defaultProfile is the default layout's profile.
func defaultProfile() *render.Profile {
	p, ok := render.ProfileByID(input.DefaultLayout)
	if !ok {
		panic("opendata: the default layout " + input.DefaultLayout + " is not registered (import budgetpub/layouts)")
	}
	return p
}

// profileOf is the publication's profile, the default layout's for one
// made by hand.
func profileOf(pub *render.Publication) *render.Profile {
	if pub.Profile != nil {
		return pub.Profile
	}
	return defaultProfile()
}

// recordKnown tells whether every exported field of a record is of a kind
// the open data writes (records nest: a record's field may be a record or
// a list of them).
func recordKnown(t reflect.Type) bool {
	for _, ff := range factFields(t) {
		if ff.kind == factUnknown {
			return false
		}
	}
	return true
}

// factsJSON writes a publication's facts (a pointer to its profile's
// struct) field by field.
func factsJSON(f any) (object, error) {
	return structJSON(reflect.Indirect(reflect.ValueOf(f)))
}

// structJSON writes a struct's exported fields under their snake_case
// keys, in order.
func structJSON(v reflect.Value) (object, error) {
	out := object{}
	for _, ff := range factFields(v.Type()) {
		fv := v.Field(ff.index)
		var val any
		switch ff.kind {
		case factRecords:
			recs := []object{}
			for i := range fv.Len() {
				o, err := structJSON(fv.Index(i))
				if err != nil {
					return nil, err
				}
				recs = append(recs, o)
			}
			val = recs
		case factRecord:
			o, err := structJSON(fv)
			if err != nil {
				return nil, err
			}
			val = o
		case factDecimal:
			val = Exact(fv.Interface().(decimal.Decimal))
		case factPrior:
			p := fv.Interface().(render.Prior)
			val = object{{"value", Exact(p.Value)}, {"set", p.Set}}
		case factItems:
			items := []object{}
			for _, it := range fv.Interface().([]render.Item) {
				items = append(items, object{{"name", it.Name}, {"amount", Exact(it.Amount)}})
			}
			val = items
		case factStrings:
			val = append([]string{}, fv.Interface().([]string)...)
		case factInt:
			val = fv.Int()
		case factString:
			val = fv.String()
		case factBool:
			val = fv.Bool()
		default:
			return nil, fmt.Errorf("opendata: Facts.%s has a type (%s) the open data does not know how to write", ff.name, fv.Type())
		}
		out = append(out, member{ff.key, val})
	}
	return out, nil
}

// snake writes a Go name in snake_case: GPCurrent → gp_current,
// FiscalGP → fiscal_gp, EquipmentOver500k → equipment_over_500k.
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			prev := rs[i-1]
			switch {
			case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)),
				unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]),
				unicode.IsDigit(r) && !unicode.IsDigit(prev):
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// factDescription is what a field of a profile's facts is, in Chinese
// (Profile.Wording.About), or its name.
func factDescription(p *render.Profile, name string) string {
	if d, ok := p.Wording.About[name]; ok {
		return d
	}
	return "第三部分的数字（" + p.ID + " 的 Facts." + name + "）"
}
