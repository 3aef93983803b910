package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// contentTypes is the package part that must come first in the archive.
const contentTypes = "[Content_Types].xml"

// zipTime is the modification time stamped on every archive entry, so that the
// archive does not depend on when it was written.
var zipTime = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// sortedZip is an excelize.ZipWriter that collects the package parts in memory
// and, on Close, writes them to w in a fixed order: [Content_Types].xml first,
// then the others sorted by name, each with the same modification time.
// excelize's own writer emits entries in an order that can vary between runs.
type sortedZip struct {
	w      io.Writer
	parts  map[string]*bytes.Buffer
	closed bool
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

// newSortedZip returns a sortedZip writing to w; its signature fits
// excelize.File.SetZipWriter.
func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

// Create starts a new part; creating the same name twice is an error.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.closed {
		return nil, fmt.Errorf("xlsx: zip part %q created after close", name)
	}
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("xlsx: zip part %q written twice", name)
	}
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS adds every regular file of fsys as a part.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// Close writes the collected parts as a zip archive.
func (z *sortedZip) Close() error {
	if z.closed {
		return nil
	}
	z.closed = true
	names := make([]string, 0, len(z.parts))
	for name := range z.parts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return partLess(names[i], names[j]) })
	zw := zip.NewWriter(z.w)
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := w.Write(z.parts[name].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// partLess orders part names: [Content_Types].xml first, then by name.
func partLess(a, b string) bool {
	if a == contentTypes || b == contentTypes {
		return a == contentTypes && b != contentTypes
	}
	return a < b
}
