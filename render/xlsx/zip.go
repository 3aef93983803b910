package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash"
	"hash/crc32"
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
//
// Each part is kept compressed, compressed as it is written (excelize writes
// one part after another): a review sheet of tens of thousands of rows is
// tens of megabytes of XML, but a few megabytes deflated.
type sortedZip struct {
	w      io.Writer
	parts  map[string]*zipPart
	cur    *zipPart
	fw     *flate.Writer // reused from part to part
	closed bool
}

// zipPart is one part, deflated, with what its zip header needs.
type zipPart struct {
	data bytes.Buffer
	crc  hash.Hash32
	size uint64
}

// Write compresses p into the current part.
func (z *sortedZip) write(p []byte) (int, error) {
	c := z.cur
	c.crc.Write(p)
	c.size += uint64(len(p))
	return z.fw.Write(p)
}

// partWriter is the io.Writer of a part: it writes while the part is the
// current one.
type partWriter struct {
	z    *sortedZip
	part *zipPart
}

func (w partWriter) Write(p []byte) (int, error) {
	if w.z.cur != w.part {
		return 0, fmt.Errorf("xlsx: zip part written after the next was created")
	}
	return w.z.write(p)
}

// finish ends the current part's compressed stream.
func (z *sortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	err := z.fw.Close()
	z.cur = nil
	return err
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

// newSortedZip returns a sortedZip writing to w; its signature fits
// excelize.File.SetZipWriter.
func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, parts: map[string]*zipPart{}}
}

// Create starts a new part; creating the same name twice is an error.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.closed {
		return nil, fmt.Errorf("xlsx: zip part %q created after close", name)
	}
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("xlsx: zip part %q written twice", name)
	}
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{crc: crc32.NewIEEE()}
	z.parts[name] = p
	z.cur = p
	if z.fw == nil {
		fw, err := flate.NewWriter(&p.data, flate.DefaultCompression)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
	return partWriter{z, p}, nil
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
	if err := z.finish(); err != nil {
		return err
	}
	z.closed = true
	names := make([]string, 0, len(z.parts))
	for name := range z.parts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return partLess(names[i], names[j]) })
	zw := zip.NewWriter(z.w)
	for _, name := range names {
		p := z.parts[name]
		h := &zip.FileHeader{Name: name, Method: zip.Deflate,
			CRC32: p.crc.Sum32(), CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size}
		//lint:ignore SA1019 CreateRaw writes these fields as they are and ignores Modified (msDosTime)
		h.ModifiedDate, h.ModifiedTime = msDosTime(zipTime)
		w, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// msDosTime is t as the date and time fields of a zip header. They are
// deprecated in favour of Modified, but only CreateHeader sets them from
// Modified (adding an extended-timestamp field, other bytes); CreateRaw
// writes them as given and ignores Modified, so a raw entry's time is
// these fields.
func msDosTime(t time.Time) (date, tm uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}

// partLess orders part names: [Content_Types].xml first, then by name.
func partLess(a, b string) bool {
	if a == contentTypes || b == contentTypes {
		return a == contentTypes && b != contentTypes
	}
	return a < b
}
