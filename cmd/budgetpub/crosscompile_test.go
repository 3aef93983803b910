package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestCrossCompile builds budgetpub.exe for Windows (amd64) and budgetpub
// for macOS (arm64), as the README tells a user to, and checks each is an
// executable of its system: the binary needs nothing installed (fonts,
// templates and assets are embedded), so this is what a clerk is given.
func TestCrossCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: cross-compiles budgetpub twice")
	}
	t.Parallel()
	gobin, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			t.Fatal("go is not on PATH")
		}
		t.Skip("go is not on PATH")
	}
	dir := t.TempDir()
	for _, c := range []struct {
		goos, goarch, out string
		magic             []byte
	}{
		{"windows", "amd64", "budgetpub.exe", []byte("MZ")},
		{"darwin", "arm64", "budgetpub", []byte{0xcf, 0xfa, 0xed, 0xfe}}, // Mach-O 64-bit, little-endian
	} {
		out := filepath.Join(dir, c.goos, c.out)
		cmd := exec.Command(gobin, "build", "-o", out, ".")
		cmd.Env = append(os.Environ(), "GOOS="+c.goos, "GOARCH="+c.goarch, "CGO_ENABLED=0")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOOS=%s GOARCH=%s go build: %v\n%s", c.goos, c.goarch, err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, c.magic) {
			t.Errorf("%s/%s: %s is not an executable of that system (starts % x)", c.goos, c.goarch, c.out, b[:4])
		}
		if len(b) < 20<<20 {
			t.Errorf("%s/%s: %s is only %d bytes: are the fonts embedded?", c.goos, c.goarch, c.out, len(b))
		}
	}
}
