package html

import "testing"

// BenchmarkBytes: the HTML edition of the sample (shanxi-13), for its cost
// beside the PDF's.
func BenchmarkBytes(b *testing.B) {
	p := fixtures(b)[0].pub
	for b.Loop() {
		if _, err := Bytes(p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
