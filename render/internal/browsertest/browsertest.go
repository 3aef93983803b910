// Package browsertest opens a page in headless Chromium (chromedp) with
// axe-core loaded, for the tests of the pages budgetpub writes (the
// season's site, the HTML edition): Chromium is looked for on PATH and
// axe-core in .ci/node/node_modules/axe-core (where .ci/run installs it)
// or at $BUDGETPUB_AXE; without them a test skips, unless
// BUDGETPUB_REQUIRE_TOOLS=1 (as CI sets): then it fails. Only tests use
// it.
package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// NeedTool skips the test for a missing tool, or fails it under
// BUDGETPUB_REQUIRE_TOOLS=1.
func NeedTool(t *testing.T, what, hint string) {
	t.Helper()
	if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is missing and BUDGETPUB_REQUIRE_TOOLS=1 (%s)", what, hint)
	}
	t.Skipf("%s is missing (%s); skipped", what, hint)
}

// Chrome is the Chromium to drive; with -short the test skips.
func Chrome(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: drives Chromium")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	NeedTool(t, "chromium", "apt-get install -y chromium")
	return ""
}

// axeScript is axe-core's script; root is the repository's root as seen
// from the test's folder.
func axeScript(t *testing.T, root string) string {
	t.Helper()
	p := os.Getenv("BUDGETPUB_AXE")
	if p == "" {
		p = filepath.Join(root, ".ci", "node", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		NeedTool(t, "axe-core ("+p+")", "npm install --prefix .ci/node axe-core@4")
	}
	return string(data)
}

// Violation is what a test reports of one of axe-core's violations.
type Violation struct {
	ID, Impact, Help string
	Nodes            []struct{ HTML string }
}

// Open writes page to a file named name in a temporary folder, opens it in
// headless Chromium at width × height with axe-core loaded, and returns
// the browser's context and the function that closes it. root is the
// repository's root from the test's folder.
func Open(t *testing.T, root string, page []byte, name string, width, height int, timeout time.Duration) (context.Context, func()) {
	t.Helper()
	bin, axe := Chrome(t), axeScript(t, root)
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(width, height), chromedp.Flag("lang", "zh-CN"))...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	done := func() { cancelBrowser(); cancelAlloc(); cancel() }
	if _, err := chromedp.Run(bctx, chromedp.Navigate("file://"+file)); err != nil {
		done()
		t.Fatalf("opening the page in %s: %v", bin, err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		done()
		t.Fatalf("loading axe-core: %v", err)
	}
	return bctx, done
}

// Violations runs axe-core on the open page.
func Violations(t *testing.T, ctx context.Context) []Violation {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe's result: %v: %s", err, out)
	}
	return vs
}
