package pdf_test

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// The outline is a valid tree (PDF 32000-1 12.3.3, what pdfcpu's strict
// validation checks): every item with children has a nonzero /Count — the
// negative of its children's number, since items are shown closed — and
// the outline's root counts the items visible when the document opens,
// the top-level ones. gopdf wrote no /Count on items (patch 6).
func TestOutlineCounts(t *testing.T) {
	_, data := samplePDF(t)
	outlineValid(t, data)
	// Each layout's outline: a 单位预算's last part has sections, so the
	// last item added is a child, not the root's /Last (patch 7).
	for _, f := range []string{"../../layouts/shanghai9/testdata/unit-sh.yaml", "../../layouts/final9/testdata/final.yaml"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := decodeAndRender(f, src)
		if r.err != nil {
			t.Fatal(r.err)
		}
		outlineValid(t, r.pdf)
	}
}

// outlineValid checks a PDF's outline tree.
func outlineValid(t *testing.T, data []byte) {
	t.Helper()
	objRe := regexp.MustCompile(`(?s)\n(\d+) 0 obj\s*<<(.*?)>>`)
	items := map[int]string{}
	var root string
	rootID := 0
	for _, m := range objRe.FindAllSubmatch(data, -1) {
		id, _ := strconv.Atoi(string(m[1]))
		body := string(m[2])
		switch {
		case regexp.MustCompile(`/Type /Outlines\b`).MatchString(body):
			root, rootID = body, id
		case regexp.MustCompile(`/Title <FEFF`).MatchString(body):
			items[id] = body
		}
	}
	if root == "" || len(items) < 10 {
		t.Fatalf("outline root %q, %d items", root, len(items))
	}
	ref := func(body, key string) int {
		m := regexp.MustCompile(`/` + key + ` (\d+) 0 R`).FindStringSubmatch(body)
		if m == nil {
			return 0
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	count := func(body string) (int, bool) {
		m := regexp.MustCompile(`/Count (-?\d+)`).FindStringSubmatch(body)
		if m == nil {
			return 0, false
		}
		n, _ := strconv.Atoi(m[1])
		return n, true
	}
	children := map[int]int{}
	for _, body := range items {
		children[ref(body, "Parent")]++
	}
	for id, body := range items {
		n, has := count(body)
		switch {
		case children[id] > 0 && (!has || n != -children[id]):
			t.Errorf("item %d has %d children and /Count %d (set %v)", id, children[id], n, has)
		case children[id] == 0 && has:
			t.Errorf("item %d has no children but /Count %d", id, n)
		case (ref(body, "First") != 0) != (children[id] > 0):
			t.Errorf("item %d: /First %d with %d children", id, ref(body, "First"), children[id])
		}
	}
	if n, _ := count(root); n != children[rootID] || n == 0 {
		t.Errorf("the outline's /Count is %d, want its %d top-level items", n, children[rootID])
	}
	// Each list of siblings runs from its parent's /First to its /Last:
	// the first has no /Prev, the last no /Next.
	bodies := map[int]string{rootID: root}
	for id, b := range items {
		bodies[id] = b
	}
	for id, body := range bodies {
		if children[id] == 0 {
			continue
		}
		first, last := ref(body, "First"), ref(body, "Last")
		if ref(items[first], "Prev") != 0 || ref(items[first], "Parent") != id {
			t.Errorf("%d's /First %d is not its first child", id, first)
		}
		if ref(items[last], "Next") != 0 || ref(items[last], "Parent") != id {
			t.Errorf("%d's /Last %d is not its last child (root %d)", id, last, rootID)
		}
		n := 0
		for c := first; c != 0 && n <= len(items); c = ref(items[c], "Next") {
			n++
		}
		if n != children[id] {
			t.Errorf("%d: %d children by /Next from /First, %d by /Parent", id, n, children[id])
		}
	}
}
