package html

// The HTML edition in headless Chromium (chromedp), as render/site's page
// is tested: axe-core finds no serious or critical violation in any
// layout's publication, at a desktop's and a phone's width; screenshots
// are saved into $BUDGETPUB_SCREENSHOTS when set. Chromium is looked for
// on PATH and axe-core in .ci/node/node_modules/axe-core (where .ci/run
// installs it) or at $BUDGETPUB_AXE; without them the test skips, unless
// BUDGETPUB_REQUIRE_TOOLS=1 (as CI sets): then it fails.

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func needTool(t *testing.T, what, hint string) {
	t.Helper()
	if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is missing and BUDGETPUB_REQUIRE_TOOLS=1 (%s)", what, hint)
	}
	t.Skipf("%s is missing (%s); skipped", what, hint)
}

func chrome(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: drives Chromium")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	needTool(t, "chromium", "apt-get install -y chromium")
	return ""
}

func axeScript(t *testing.T) string {
	t.Helper()
	p := os.Getenv("BUDGETPUB_AXE")
	if p == "" {
		p = filepath.Join("..", "..", ".ci", "node", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		needTool(t, "axe-core ("+p+")", "npm install --prefix .ci/node axe-core@4")
	}
	return string(data)
}

// axeViolation is what the test reports of a violation.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct{ HTML string }
}

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
func checkPage(t *testing.T, page []byte, shots string) []axeViolation {
	t.Helper()
	bin, axe := chrome(t), axeScript(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "edition.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900), chromedp.Flag("lang", "zh-CN"))...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if _, err := chromedp.Run(bctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatalf("opening the page in %s: %v", bin, err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	var all []axeViolation
	for _, w := range widths {
		// A headless window is at least 500 px wide: the phone's width
		// is emulated.
		if _, err := chromedp.Run(bctx, chromedp.EmulateViewport(int64(w.width), int64(w.height))); err != nil {
			t.Fatal(err)
		}
		out, err := chromedp.Run(bctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("running axe-core: %v", err)
		}
		var vs []axeViolation
		if err := json.Unmarshal([]byte(out), &vs); err != nil {
			t.Fatalf("axe's result: %v: %s", err, out)
		}
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
	chrome(t)
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
