package fonts

import (
	"sync"
	"sync/atomic"
)

// RuneTable keeps a value per character for the caches every document of a
// process shares (whether a face draws a character, its advance width): a
// character of the Basic Multilingual Plane — nearly every character of a
// publication — is one atomic array slot, read without a lock; the rest are
// in a locked map. Safe for concurrent use; the zero value is empty.
type RuneTable struct {
	bmp   [0x10000]atomic.Uint64 // value+1; 0: not stored
	mu    sync.Mutex
	other map[rune]uint64
}

// Load is r's value, and whether one was stored.
func (t *RuneTable) Load(r rune) (uint64, bool) {
	if r >= 0 && r < 0x10000 {
		v := t.bmp[r].Load()
		return v - 1, v != 0
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.other[r]
	return v, ok
}

// Store sets r's value; v may be anything but the largest uint64.
func (t *RuneTable) Store(r rune, v uint64) {
	if r >= 0 && r < 0x10000 {
		t.bmp[r].Store(v + 1)
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.other == nil {
		t.other = map[rune]uint64{}
	}
	t.other[r] = v
}
