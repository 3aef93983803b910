package publish

import (
	"fmt"
	"testing"
)

// The shards of a list partition it exactly, for any number of shards.
func TestShardsPartitionTheList(t *testing.T) {
	var files []string
	for i := 0; i < 23; i++ {
		files = append(files, fmt.Sprintf("f%02d.yaml", i))
	}
	for _, n := range []int{1, 2, 3, 7, 23, 30} {
		seen := map[string]int{}
		for i := 1; i <= n; i++ {
			for _, f := range Shard(files, i, n) {
				seen[f]++
			}
		}
		if len(seen) != len(files) {
			t.Errorf("n=%d: shards cover %d of %d files", n, len(seen), len(files))
		}
		for f, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: %s in %d shards", n, f, c)
			}
		}
	}
}
