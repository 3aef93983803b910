package pdf

import (
	"fmt"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render"
)

// No row that heads others (a 类 or 款, a unit) ends a page without its
// first child: on the sample and on generated departments of many sizes,
// whose tables run over pages at every offset, each heading row starts on
// the page its next row starts on.
func TestHeadingRowsKeepTheirFirstChild(t *testing.T) {
	m := testMetrics(t)
	pubs := map[string]*render.Publication{"sample": samplePublication(t)}
	for seed := int64(1); seed <= 24; seed++ {
		data := synth.Generate(synth.Options{Seed: seed, Projects: 10 + int(seed)*7, AllSources: seed%2 == 0})
		doc, err := input.Decode(fmt.Sprintf("synth-%d.yaml", seed), data, nil)
		if err != nil {
			t.Fatal(err)
		}
		pub, err := render.Build(doc)
		if err != nil {
			t.Fatal(err)
		}
		pubs[doc.File] = pub
	}
	headings, broken := 0, 0
	for name, pub := range pubs {
		doc, err := layout(pub, m)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(doc.rows); i++ {
			r, next := doc.rows[i], doc.rows[i+1]
			if next.table != r.table || r.table.Rows[next.row].Level <= r.table.Rows[r.row].Level {
				continue
			}
			headings++
			if next.page != r.page {
				broken++
				t.Errorf("%s: 表%d row %d (%q) ends page %d without its first child", name, r.table.Number, r.row,
					r.table.Rows[r.row].Cells[0].Printed(), r.page+1)
			}
		}
	}
	if headings < 500 {
		t.Errorf("only %d heading rows were laid out", headings)
	}
}
