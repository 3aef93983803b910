package publish

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/goregular"
)

// Every file the program is told to read — input, catalog, templates,
// fonts, a summary to merge — must be a regular file under its limit: a FIFO, /dev/zero or a
// folder is refused at once, naming it.
func TestNamedFilesMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here")
	}
	tmplFifo := filepath.Join(dir, "tmpl")
	if err := os.MkdirAll(tmplFifo, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(tmplFifo, "part3.tmpl"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, cfg := range map[string]Config{
		"catalog FIFO":       {Catalog: fifo},
		"catalog /dev/zero":  {Catalog: "/dev/zero"},
		"template FIFO":      {Templates: tmplFifo},
		"font FIFO":          {FontBody: fifo},
		"font /dev/zero":     {FontHeading: "/dev/zero"},
		"font that is a dir": {FontTitle: dir},
	} {
		done := make(chan error, 1)
		go func() { _, err := Load(cfg); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "不是普通文件") {
				t.Errorf("%s: %v", name, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Load hangs", name)
		}
	}
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, "/dev/zero", dir} {
		if r := File(res, path, Options{}); r.Err == nil || !strings.Contains(r.Err.Error(), "不是普通文件") {
			t.Errorf("input %s: %v", path, r.Err)
		}
	}
	for _, path := range []string{fifo, "/dev/zero"} { // a summary to merge, named
		done := make(chan error, 1)
		go func() { _, err := MergeSummaries([]string{path}); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "不是普通文件") {
				t.Errorf("summary %s: %v", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("summary %s: the merge hangs", path)
		}
	}
}

// mutated is goregular with bytes changed, and cut short.
func mutated(off1 uint32, b1 byte, off2 uint32, b2 byte, cut uint32) []byte {
	data := append([]byte(nil), goregular.TTF...)
	data[int(off1)%len(data)] ^= b1
	data[int(off2)%len(data)] ^= b2
	if c := int(cut) % (len(data) + 1); c > 0 {
		data = data[:c]
	}
	return data
}

// renderWithFont loads a user's body font and renders a small department.
func renderWithFont(t testing.TB, data []byte) (*Result, error) {
	path := filepath.Join(t.TempDir(), "mutated.ttf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Load(Config{FontBody: path})
	if err != nil {
		return nil, err
	}
	return Department(res, "d.yaml", []byte(strings.ReplaceAll(checkedDoc, "测试", "Test ")), Options{}), nil
}

// A damaged font (one changed byte of a valid file is enough for the PDF
// library to panic on it) is refused when loaded, or the department that
// meets it fails with a fault naming the font; it never panics.
func TestDamagedFont(t *testing.T) {
	faults := 0
	for _, off := range []uint32{388, 130950, 12, 600, 20000} {
		r, err := renderWithFont(t, mutated(off, 0xff, 0, 0, 0))
		switch {
		case err != nil:
			if !strings.Contains(err.Error(), "mutated.ttf") {
				t.Errorf("offset %d: load error %v does not name the font", off, err)
			}
		case r.Err != nil:
			if !IsFault(r.Err) || !strings.Contains(r.Err.Error(), "mutated.ttf") {
				t.Errorf("offset %d: %v, want a fault naming the font", off, r.Err)
			}
			faults++
		}
	}
	if faults == 0 {
		t.Error("no mutation reached the PDF library: the test no longer covers the fault path")
	}
}

// FuzzFont renders a department with a mutated TrueType font: whatever the
// bytes, the result is a PDF, a refusal naming the font, or a fault — never
// a panic or a hang. Its seeds run as a normal test.
func FuzzFont(f *testing.F) {
	f.Add(uint32(388), byte(0xff), uint32(0), byte(0), uint32(0))
	f.Add(uint32(130950), byte(0xff), uint32(77), byte(1), uint32(0))
	f.Add(uint32(5000), byte(0x80), uint32(6000), byte(0x7f), uint32(90000))
	f.Add(uint32(0), byte(0), uint32(0), byte(0), uint32(1000))
	f.Fuzz(func(t *testing.T, off1 uint32, b1 byte, off2 uint32, b2 byte, cut uint32) {
		r, err := renderWithFont(t, mutated(off1, b1, off2, b2, cut))
		if err != nil {
			if !strings.Contains(err.Error(), "mutated.ttf") {
				t.Fatalf("load error %v does not name the font", err)
			}
			return
		}
		if r.Err != nil {
			if IsFault(r.Err) && !strings.Contains(r.Err.Error(), "mutated.ttf") {
				t.Fatalf("fault %v does not name the font", r.Err)
			}
			return
		}
		if !strings.HasPrefix(string(r.PDF), "%PDF-") {
			t.Fatalf("not a PDF: %.20q", r.PDF)
		}
	})
}
