package opendata

import (
	"bytes"
	"fmt"
	"strings"
)

// Meta is what a publisher adds to a batch's data package (DataPackageWith).
type Meta struct {
	Title     string  // the package's title; empty: made from the year
	Publisher string  // the publishing body, as a contributor of role publisher
	Licence   Licence // the licence of the data
	Created   string  // when the package was made, RFC 3339 (2025-03-01T00:00:00Z)
}

// Licence is a data package's licence: an Open Definition / SPDX id, the
// URL of its text and its title.
type Licence struct{ Name, Path, Title string }

// DefaultLicence is the licence a published batch's open data carries when
// the publisher names none: Creative Commons Attribution 4.0 (reuse with
// attribution), as open government data commonly is.
var DefaultLicence = Licence{Name: "CC-BY-4.0", Path: "https://creativecommons.org/licenses/by/4.0/", Title: "Creative Commons Attribution 4.0"}

// Licences are the licences known by their id; another is given by its URL.
var Licences = map[string]Licence{
	"CC-BY-4.0":    DefaultLicence,
	"CC0-1.0":      {Name: "CC0-1.0", Path: "https://creativecommons.org/publicdomain/zero/1.0/", Title: "CC0 1.0"},
	"ODC-BY-1.0":   {Name: "ODC-BY-1.0", Path: "https://opendatacommons.org/licenses/by/1-0/", Title: "Open Data Commons Attribution License 1.0"},
	"ODC-PDDL-1.0": {Name: "ODC-PDDL-1.0", Path: "https://opendatacommons.org/licenses/pddl/1-0/", Title: "Open Data Commons Public Domain Dedication and License 1.0"},
}

// Combine concatenates departments' CSV files, as CSV wrote them, in the
// order given into one: the byte-order mark and the header row once, then
// every data row of each file unchanged. A file that does not start with
// CSV's byte-order mark and header is refused.
func Combine(files [][]byte) ([]byte, error) {
	head := BOM + strings.Join(Header(), ",") + "\r\n"
	var b bytes.Buffer
	b.WriteString(head)
	for i, f := range files {
		rest, ok := bytes.CutPrefix(f, []byte(head))
		if !ok {
			return nil, fmt.Errorf("opendata: CSV file %d does not start with the header CSV writes", i+1)
		}
		if len(rest) > 0 && !bytes.HasSuffix(rest, []byte("\r\n")) {
			return nil, fmt.Errorf("opendata: CSV file %d does not end with a line end", i+1)
		}
		b.Write(rest)
	}
	return b.Bytes(), nil
}
