// Command gendept writes synthetic departments' master inputs (input/synth)
// for benchmarks and batch trials:
//
//	go run ./cmd/gendept -n 100 -o /tmp/depts [-projects 2000] [-seed 1]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/budgetpub/budgetpub/input/synth"
)

func main() {
	n := flag.Int("n", 10, "how many departments")
	out := flag.String("o", "depts", "folder to write them into")
	projects := flag.Int("projects", 0, "projects per department (0: 20–80, varied)")
	seed := flag.Int64("seed", 1, "seed of the first department")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; i < *n; i++ {
		s := *seed + int64(i)
		data := synth.Generate(synth.Options{Seed: s, Projects: *projects})
		path := filepath.Join(*out, fmt.Sprintf("dept-%05d.yaml", s))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("wrote %d departments into %s\n", *n, *out)
}
