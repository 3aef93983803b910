package pdf_test

import (
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
}
