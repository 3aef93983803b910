package main

import (
	"bytes"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// TestStaticBinary builds budgetpub as docs/scale.md's container recipe
// does (CGO_ENABLED=0), checks that it is a static executable (no program
// interpreter, no shared library), and runs it in an empty root — no /etc,
// no /tmp, no fonts, no time-zone files, no environment but TZ —, as in a
// FROM scratch image: it renders the sample byte for byte as this process
// does, and honours TZ for “today” (two zones 26 hours apart give two
// dates). Linux, as root (chroot).
func TestStaticBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a static budgetpub and runs it in an empty root")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root (chroot)")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			t.Fatal("go is not on PATH")
		}
		t.Skip("go is not on PATH")
	}
	t.Parallel()
	root := t.TempDir()
	cmd := exec.Command(gobin, "build", "-trimpath", "-o", filepath.Join(root, "budgetpub"), ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, b)
	}
	f, err := elf.Open(filepath.Join(root, "budgetpub"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the binary has a %v program header: it is dynamically linked", p.Type)
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs %v", libs)
	}
	f.Close()
	sample, err := os.ReadFile("../../input/datong-gov-office-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "a.yaml"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	jail := func(env string, args ...string) {
		t.Helper()
		cmd := exec.Command("/budgetpub", args...)
		cmd.Env = []string{env}
		cmd.Dir = "/"
		cmd.SysProcAttr = &syscall.SysProcAttr{Chroot: root}
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("budgetpub %v in an empty root: %v\n%s", args, err, b)
		}
	}
	jail("TZ=Asia/Shanghai", "render", "/a.yaml", "-o", "/out")
	here := filepath.Join(t.TempDir(), "here")
	if code, _, stderr := runCmd("render", filepath.Join(root, "a.yaml"), "-o", here); code != 0 {
		t.Fatal(stderr)
	}
	for _, name := range []string{"a.pdf", "a.xlsx"} {
		a, _ := os.ReadFile(filepath.Join(root, "out", name))
		b, _ := os.ReadFile(filepath.Join(here, name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s made in the empty root (%d bytes) is not this process's (%d bytes)", name, len(a), len(b))
		}
	}
	dateRe := regexp.MustCompile(`<time datetime="([0-9-]+)">`)
	var dates []string
	for i, zone := range []string{"Pacific/Kiritimati", "Etc/GMT+12"} { // UTC+14, UTC−12
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		before := time.Now().In(loc).Format(time.DateOnly)
		out := fmt.Sprintf("/site%d", i)
		jail("TZ="+zone, "batch", "/a.yaml", "-o", out, "--site")
		after := time.Now().In(loc).Format(time.DateOnly)
		page, err := os.ReadFile(filepath.Join(root, out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		m := dateRe.FindSubmatch(page)
		if m == nil || string(m[1]) != before && string(m[1]) != after {
			t.Errorf("TZ=%s: the page is dated %q, want %s (today there)", zone, m, before)
		}
		if m != nil {
			dates = append(dates, string(m[1]))
		}
	}
	if len(dates) == 2 && dates[0] == dates[1] {
		t.Errorf("two zones 26 hours apart gave one date, %s: TZ is not honoured", dates[0])
	}
}
