package fonts

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestBundledCoversTheReference(t *testing.T) {
	s, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := os.ReadFile("../cmd/budgetpub/testdata/reference.txt")
	if err != nil {
		t.Fatal(err)
	}
	if m := s.Missing(string(ref)); len(m) != 0 {
		t.Errorf("bundled fonts lack %q", string(m))
	}
	if again, _ := Bundled(); again != s {
		t.Error("Bundled parsed the fonts twice")
	}
}

func TestRunsAndMissing(t *testing.T) {
	s, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	runs, err := s.Runs(Body, "预算5,103.42万元")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].Family != s.Family(Body) || s.Family(Body) != "BPDFAA+NotoSerifSC-Regular" || runs[0].Text != "预算5,103.42万元" {
		t.Errorf("runs %+v", runs)
	}
	// U+E000 is a private-use character no bundled face draws.
	_, err = s.Runs(Body, "单位\ue000名称")
	var me *MissingError
	if !errors.As(err, &me) || me.Rune != '\ue000' || !strings.Contains(err.Error(), "U+E000") {
		t.Errorf("missing glyph: %v", err)
	}
	if m := s.Missing("甲\ue000乙\ue000"); len(m) != 1 || m[0] != '\ue000' {
		t.Errorf("Missing = %q", string(m))
	}
}

func TestLoadRefusesOtherFormats(t *testing.T) {
	for name, head := range map[string]string{"a.ttc": "ttcf", "b.otf": "OTTO", "c.ttf": "junk"} {
		_, err := Load(Options{Heading: File{Name: name, Data: []byte(head + strings.Repeat("\x00", 64))}})
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestUserFaceWithFallback(t *testing.T) {
	// The bundled sans file stands in for a user's 黑体.
	s, err := Load(Options{Body: File{Name: "heiti.ttf", Data: sansMedium}})
	if err != nil {
		t.Fatal(err)
	}
	runs, err := s.Runs(Body, "正文")
	if err != nil || len(runs) != 1 || runs[0].Family != s.Family(Body) || s.Family(Body) != "BPDFAA+NotoSansSC-Medium" {
		t.Errorf("runs %+v, %v", runs, err)
	}
	// The user's body face replaces the bundled serif, which stays as a
	// fallback; the bundled sans is the heading face and a fallback.
	if f := s.Families(); len(f) != 4 || f[3] != "BPDFAD+NotoSerifSC-Regular" {
		t.Errorf("families %v", f)
	}
	if b, _ := Bundled(); len(b.Families()) != 3 {
		t.Errorf("bundled families %v: a fallback is embedded twice", b.Families())
	}
}
