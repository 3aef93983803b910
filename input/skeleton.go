package input

import (
	"bytes"
	_ "embed"
	"strings"
	"text/template"
)

// Skeleton is a complete, commented master input with every block and
// example lines (commented out) for a clerk to fill in. As it is, it
// decodes and checks clean: an empty publication.
func Skeleton(year int, name string) []byte {
	if name == "" {
		name = "某某部门"
	}
	var b bytes.Buffer
	if err := skeleton.Execute(&b, map[string]any{"Year": year, "Prior": year - 1, "Name": name,
		"Sources": strings.Replace(sourceList(AllSources, "\n#           | "), DefaultSource.Title(), DefaultSource.Title()+"（默认）", 1)}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

//go:embed skeleton.yaml.tmpl
var skeletonText string

var skeleton = template.Must(template.New("skeleton").Parse(skeletonText))
