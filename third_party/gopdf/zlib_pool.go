package gopdf

// budgetpub patch (see PATCHES.md): zlib writers are reused. A new
// compress/flate writer allocates and zeroes about 1 MB of state, and gopdf
// made one for every content stream and every font: for a document of 40
// pages that was most of its allocation and a sixth of its time. Reset
// makes a writer equivalent to a new one, so the output is the same bytes.

import (
	"compress/zlib"
	"io"
	"sync"
)

var zlibPools sync.Map // compression level → *sync.Pool of *zlib.Writer

// getZlibWriter is a zlib writer of that level writing to w: a reused one,
// reset, or a new one.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	p, _ := zlibPools.LoadOrStore(level, &sync.Pool{})
	if z, ok := p.(*sync.Pool).Get().(*zlib.Writer); ok {
		z.Reset(w)
		return z, nil
	}
	return zlib.NewWriterLevel(w, level)
}

// putZlibWriter gives a closed writer back for reuse.
func putZlibWriter(z *zlib.Writer, level int) {
	p, _ := zlibPools.LoadOrStore(level, &sync.Pool{})
	p.(*sync.Pool).Put(z)
}
