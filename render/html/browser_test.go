package html

// The HTML edition in headless Chromium (chromedp), as render/site's page
// is tested: axe-core finds no serious or critical violation in any
// layout's publication, at a desktop's and a phone's width; screenshots
// are saved into $BUDGETPUB_SCREENSHOTS when set. Chromium is looked for
// on PATH and axe-core in .ci/node/node_modules/axe-core (where .ci/run
// installs it) or at $BUDGETPUB_AXE; without them the test skips, unless
// BUDGETPUB_REQUIRE_TOOLS=1 (as CI sets): then it fails.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetpub/budgetpub/render/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// widths are the window widths the page is checked and shot at: a
// desktop's and a phone's.
var widths = []struct {
	name          string
	width, height int
}{{"desktop", 1280, 900}, {"phone", 375, 812}}

// checkPage loads the page from a file in Chromium at each width, runs
// axe-core on it and returns its violations; with shots set it saves
// screenshots named shots-<width>-….png: the top of the page, and the
// first of each kind of element worth looking at (a two-sided table, a
// chart, a form).
func checkPage(t *testing.T, page []byte, shots string) []browsertest.Violation {
	t.Helper()
	bctx, done := browsertest.Open(t, filepath.Join("..", ".."), page, "edition.html", 1280, 900, 180*time.Second)
	defer done()
	var all []browsertest.Violation
	for _, w := range widths {
		// A headless window is at least 500 px wide: the phone's width
		// is emulated.
		if _, err := chromedp.Run(bctx, chromedp.EmulateViewport(int64(w.width), int64(w.height))); err != nil {
			t.Fatal(err)
		}
		vs := browsertest.Violations(t, bctx)
		all = append(all, vs...)
		// Responsive: the page itself never scrolls sideways (a wide
		// table scrolls in its own region).
		wide, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if wide > 0 {
			t.Errorf("at %d px the page is %d px wider than the window", w.width, wide)
		}
		if shots == "" {
			continue
		}
		save := func(name string, png []byte) {
			if err := os.WriteFile(shots+"-"+w.name+"-"+name+".png", png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)); err != nil {
			t.Fatal(err)
		}
		top, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		save("top", top)
		for _, el := range []struct{ name, sel string }{
			{"facts", "main > section"},
			{"table", "section.part div.scroll"},
			{"chart", "figure.chart"},
			{"form", "div.scroll:has(table.form)"},
		} {
			n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll(`+"`"+el.sel+"`"+`).length`))
			if err != nil || n == 0 {
				continue
			}
			// The first match only: a search for several nodes shoots
			// everything between them.
			if _, err := chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(`+"`"+el.sel+"`"+`).id = "shot"`)); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(bctx, chromedp.Screenshot("#shot"))
			if err != nil {
				t.Fatal(err)
			}
			save(el.name, png)
			if _, err := chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("shot").removeAttribute("id")`)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return all
}

// TestAccessible: every layout's HTML edition has no serious or critical
// axe-core violation at either width; lesser ones are logged.
func TestAccessible(t *testing.T) {
	browsertest.Chrome(t)
	dir := os.Getenv("BUDGETPUB_SCREENSHOTS")
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			page, err := Bytes(f.pub, Options{JSON: "部门.json", CSV: "部门.csv", PDF: "部门.pdf", Workbook: "部门.xlsx"})
			if err != nil {
				t.Fatal(err)
			}
			shots := ""
			if dir != "" {
				shots = filepath.Join(dir, "html-"+f.name)
			}
			for _, v := range checkPage(t, page, shots) {
				var nodes []string
				for _, n := range v.Nodes {
					nodes = append(nodes, n.HTML)
				}
				msg := v.ID + " (" + v.Impact + "): " + v.Help + "\n\t" + strings.Join(nodes, "\n\t")
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Error("axe: " + msg)
				} else {
					t.Log("axe: " + msg)
				}
			}
		})
	}
}
