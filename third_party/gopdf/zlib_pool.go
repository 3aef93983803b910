package gopdf

// budgetpub patch (see PATCHES.md): zlib writers are reused, and they are
// github.com/klauspost/compress's. A new compress/flate writer allocates and
// zeroes about 1 MB of state, and gopdf made one for every content stream
// and every font: for a document of 40 pages that was most of its
// allocation and a sixth of its time. Reset makes a writer equivalent to a
// new one, so the output is the same bytes. klauspost/compress is a drop-in
// zlib twice as fast as the standard library's at the same level, with
// smaller output.

import (
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// zlibFree are the writers given back, by level: a list of at most
// zlibKeep each, kept across garbage collections (a sync.Pool is emptied by
// every collection, and a batch collects several times a department).
var (
	zlibMu   sync.Mutex
	zlibFree = map[int][]*zlib.Writer{}
)

const zlibKeep = 8

// getZlibWriter is a zlib writer of that level writing to w: a reused one,
// reset, or a new one.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	zlibMu.Lock()
	if free := zlibFree[level]; len(free) > 0 {
		z := free[len(free)-1]
		zlibFree[level] = free[:len(free)-1]
		zlibMu.Unlock()
		z.Reset(w)
		return z, nil
	}
	zlibMu.Unlock()
	return zlib.NewWriterLevel(w, level)
}

// putZlibWriter gives a closed writer back for reuse.
func putZlibWriter(z *zlib.Writer, level int) {
	zlibMu.Lock()
	defer zlibMu.Unlock()
	if len(zlibFree[level]) < zlibKeep {
		zlibFree[level] = append(zlibFree[level], z)
	}
}
