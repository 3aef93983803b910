package render

import "github.com/budgetpub/budgetpub/input"

// FieldKind is how the workbench's form takes a field.
type FieldKind int

const (
	FieldText   FieldKind = iota // one line
	FieldLong                    // a paragraph or more
	FieldAmount                  // an amount in the file's unit
	FieldCount                   // a whole number
)

// A FormField is one field of the workbench's fill-in form: what a
// layout's tables cannot give (概况, prior-year figures, reasons, 政府采购,
// 资产, 说明), declared by the layout (Profile.Form) with its label and
// group as the clerk reads them and where it lives in the Document. Its
// Name is its key path (procurement.goods); one of Text, Amount and Count
// reaches its value.
type FormField struct {
	Name, Label, Group string
	Kind               FieldKind
	Help               string
	Hint               func(s *Summary) string // the computed figure the field explains
	Text               func(d *input.Document) *input.Text
	Amount             func(d *input.Document) *input.Amount
	Count              func(d *input.Document) *input.Count
}

// TextField is a field of a text: one line, or several (long).
func TextField(name, label, group string, long bool, of func(d *input.Document) *input.Text) FormField {
	k := FieldText
	if long {
		k = FieldLong
	}
	return FormField{Name: name, Label: label, Group: group, Kind: k, Text: of}
}

// AmountField is a field of an amount.
func AmountField(name, label, group string, of func(d *input.Document) *input.Amount) FormField {
	return FormField{Name: name, Label: label, Group: group, Kind: FieldAmount, Amount: of}
}

// CountField is a field of a count.
func CountField(name, label, group string, of func(d *input.Document) *input.Count) FormField {
	return FormField{Name: name, Label: label, Group: group, Kind: FieldCount, Count: of}
}

// Pos is where the field's value stands in the file (zero when absent).
func (f FormField) Pos(d *input.Document) input.Pos {
	switch {
	case f.Text != nil:
		return f.Text(d).Pos
	case f.Amount != nil:
		return f.Amount(d).Pos
	default:
		return f.Count(d).Pos
	}
}

// ChangeHint is a reason's hint: the change it explains, from the
// publication's summary (none when its layout has not that figure).
func ChangeHint(cur func(s *Summary) Known, prior func(s *Summary) Prior, what string) func(s *Summary) string {
	return func(s *Summary) string {
		k := cur(s)
		if !k.Set {
			return ""
		}
		c := FormatChange(k.Value, prior(s), "上年")
		if c == "" {
			return what + "本年" + FormatAmount(k.Value) + "；填写上年数后显示比上年增减。原因："
		}
		return what + c + "，主要原因是："
	}
}
