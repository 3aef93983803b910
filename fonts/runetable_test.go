package fonts

import (
	"sync"
	"testing"
)

// TestRuneTable: a value stored is the value loaded, 0 included, for a
// character of the BMP and beyond it; nothing stored is nothing loaded;
// documents storing and loading at once see each other's values.
func TestRuneTable(t *testing.T) {
	var tab RuneTable
	cases := []struct {
		r rune
		v uint64
	}{{'财', 0}, {'a', 1}, {0xFFFF, 1 << 62}, {0x20000, 0}, {0x2A6D6, 7}, {-1, 3}}
	for _, c := range cases {
		if _, ok := tab.Load(c.r); ok {
			t.Errorf("%U: loaded before it was stored", c.r)
		}
		tab.Store(c.r, c.v)
		if v, ok := tab.Load(c.r); !ok || v != c.v {
			t.Errorf("%U: loaded %d %v, stored %d", c.r, v, ok, c.v)
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := rune(0x4E00); r < 0x4E00+2000; r++ {
				tab.Store(r, uint64(r))
				if v, ok := tab.Load(r); !ok || v != uint64(r) {
					t.Errorf("%U: %d %v", r, v, ok)
				}
				tab.Store(r+0x30000, uint64(r))
			}
		}()
	}
	wg.Wait()
}
