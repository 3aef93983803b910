package templates

import "testing"

func TestGlossary(t *testing.T) {
	g := Glossary()
	if len(g) != 12 || g[0].Term != "基本支出" || g[11].Term != "财政拨款" {
		t.Fatalf("glossary: %d terms, %+v", len(g), g)
	}
	for _, e := range g {
		if e.Text == "" {
			t.Errorf("%s has no text", e.Term)
		}
	}
}
