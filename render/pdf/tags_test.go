package pdf

import "testing"

func TestPDFText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "<FEFF>"},
		{"a", "<FEFF0061>"},
		{"饼图：", "<FEFF997C56FEFF1A>"},
		{"𠀀", "<FEFFD840DC00>"}, // beyond the BMP: a surrogate pair
	} {
		if got := pdfText(tc.in); got != tc.want {
			t.Errorf("pdfText(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestHeadingRole(t *testing.T) {
	for l, want := range []string{"H1", "H2", "H3", "H4", "H5", "H6", "H6"} {
		if got := headingRole(l); got != want {
			t.Errorf("headingRole(%d) = %s, want %s", l, got, want)
		}
	}
}

// The tagger marks each element's content with the next MCID of the page
// and closes a sequence before the next; artifacts are not in the parent
// tree.
func TestTagger(t *testing.T) {
	var ops []string
	tg := &tagger{gp: recorder(func(s string) { ops = append(ops, s) })}
	p := &selem{role: "P"}
	td := &selem{role: "TD"}
	tg.startPage(7)
	tg.content(p, artLayout)
	tg.content(p, artLayout) // the same sequence goes on
	tg.content(nil, artLayout)
	tg.content(td, artLayout)
	tg.content(nil, artFooter)
	tg.endPage()
	want := []string{"/P <</MCID 0>> BDC\n", "EMC\n/Artifact BMC\n", "EMC\n/TD <</MCID 1>> BDC\n",
		"EMC\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n", "EMC\n"}
	if len(ops) != len(want) {
		t.Fatalf("ops %q, want %q", ops, want)
	}
	for i := range ops {
		if ops[i] != want[i] {
			t.Errorf("op %d = %q, want %q", i, ops[i], want[i])
		}
	}
	if len(tg.parents[0]) != 2 || tg.parents[0][0] != p || tg.parents[0][1] != td {
		t.Errorf("parent tree %v", tg.parents)
	}
	if len(p.kids) != 1 || p.kids[0].mcid != 0 || len(td.kids) != 1 || td.kids[0].mcid != 1 {
		t.Errorf("kids: P %v, TD %v", p.kids, td.kids)
	}
}

type recorder func(string)

func (r recorder) AddRawContent(ops string) { r(ops) }
