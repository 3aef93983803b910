package site

// The page in headless Chromium (chromedp): axe-core finds no
// accessibility violation, and a screenshot at 1366 px wide is saved into
// $BUDGETPUB_SCREENSHOTS when set. Chromium is looked for on PATH and
// axe-core in .ci/node/node_modules/axe-core (where .ci/run installs it) or
// at $BUDGETPUB_AXE; without them the test skips, unless
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

// checkPage loads the page from a folder in Chromium, runs axe-core on it
// and returns its violations; with shot set it saves a full-page screenshot.
func checkPage(t *testing.T, page []byte, shot string) []axeViolation {
	t.Helper()
	bin, axe := chrome(t), axeScript(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "index.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(1366, 900), chromedp.Flag("lang", "zh-CN"))...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if _, err := chromedp.Run(bctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatalf("opening the page in %s: %v", bin, err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	out, err := chromedp.Run(bctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	if shot != "" {
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe's result: %v: %s", err, out)
	}
	return vs
}

func TestPageAccessible(t *testing.T) {
	page, err := Index(samplePage())
	if err != nil {
		t.Fatal(err)
	}
	shot := ""
	if dir := os.Getenv("BUDGETPUB_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		shot = filepath.Join(dir, "site-index.png")
	}
	for _, v := range checkPage(t, page, shot) {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, n.HTML)
		}
		t.Errorf("axe: %s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
	}
}
