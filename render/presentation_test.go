package render

import "testing"

// TestLabel: a table's label is its profile's LabelFormat with its number,
// and nothing when the profile's LabelFormat is "".
func TestLabel(t *testing.T) {
	for _, tc := range []struct{ format, want string }{
		{"预算公开表%d", "预算公开表5"},
		{"", ""},
	} {
		d := &TableDecl{Number: 5, labelFormat: tc.format}
		if got := d.Label(); got != tc.want {
			t.Errorf("LabelFormat %q: Label() = %q, want %q", tc.format, got, tc.want)
		}
	}
}
