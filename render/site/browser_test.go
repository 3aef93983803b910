package site

// The page in headless Chromium (chromedp): axe-core finds no
// accessibility violation, and a screenshot at 1366 px wide is saved into
// $BUDGETPUB_SCREENSHOTS when set. Chromium is looked for on PATH and
// axe-core in .ci/node/node_modules/axe-core (where .ci/run installs it) or
// at $BUDGETPUB_AXE; without them the test skips, unless
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

// checkPage loads the page from a folder in Chromium, runs axe-core on it
// and returns its violations; with shot set it saves a full-page screenshot.
func checkPage(t *testing.T, page []byte, shot string) []browsertest.Violation {
	t.Helper()
	ctx, done := browsertest.Open(t, filepath.Join("..", ".."), page, "index.html", 1366, 900, 90*time.Second)
	defer done()
	vs := browsertest.Violations(t, ctx)
	if shot != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
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
