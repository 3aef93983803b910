package review

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/render/xlsx"
)

// Coverage is the part of a batch's list of input files that a summary
// covers: shard Shard of Shards of a list of Files files, the list known
// by its fingerprint. A batch's summary records it as data, in custom
// document properties (Props), and says it in its description (String),
// so that merging the shards' summaries can check that each shard of a
// list is there once and that the rows are the list's, and put them back
// in the list's order. A summary of an earlier version has the
// description only, read back by its words (coverageOf).
type Coverage struct {
	List          string // the list's fingerprint (listFingerprint)
	Files         int    // files in the whole list
	Shard, Shards int    // 1-based; 1 of 1 is the whole list
}

// NewCoverage is the coverage of shard i of n of the list all (n ≤ 1: the
// whole list).
func NewCoverage(all []string, i, n int) Coverage {
	if n <= 1 {
		i, n = 1, 1
	}
	return Coverage{List: listFingerprint(all), Files: len(all), Shard: i, Shards: n}
}

// listFingerprint is 16 hex digits of the SHA-256 of the list's paths,
// with forward slashes (a list sharded over Windows and Linux machines is
// one list), each ended by a newline.
func listFingerprint(files []string) string {
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(filepath.ToSlash(f)))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Size is how many departments the shard has: every Shards-th file of the
// list from the Shard-th (Shard).
func (c Coverage) Size() int {
	if c.Shard > c.Files {
		return 0
	}
	return (c.Files - c.Shard + c.Shards) / c.Shards
}

// Whole reports whether the coverage is the whole list.
func (c Coverage) Whole() bool { return c.Shards == 1 }

// String is the coverage as the summary's description says it.
func (c Coverage) String() string {
	return fmt.Sprintf("budgetpub 批量汇总：输入文件清单 %s（%d 个文件）的第 %d/%d 份", c.List, c.Files, c.Shard, c.Shards)
}

// Part names the shard in a message: 清单 3f2a…（12 个文件）的第 2/4 份.
func (c Coverage) Part() string {
	return fmt.Sprintf("清单 %s（%d 个文件）的第 %d/%d 份", c.List, c.Files, c.Shard, c.Shards)
}

// The custom document properties a summary's coverage is recorded in.
const (
	propList   = "budgetpub-list"   // the list's fingerprint
	propFiles  = "budgetpub-files"  // files in the whole list
	propShard  = "budgetpub-shard"  // 1-based
	propShards = "budgetpub-shards" // 1: the whole list
)

// props is the coverage as the summary's custom properties.
func (c Coverage) props() map[string]string {
	return map[string]string{propList: c.List, propFiles: strconv.Itoa(c.Files), propShard: strconv.Itoa(c.Shard), propShards: strconv.Itoa(c.Shards)}
}

// listHex is a list's fingerprint.
var listHex = regexp.MustCompile(`^[0-9a-f]{16}$`)

// coverageOf reads a summary's coverage back: from its custom properties,
// or, when it has none (a summary of an earlier version), from its
// description's words.
func coverageOf(p xlsx.BookProps) (Coverage, bool) {
	list, ok := p.Custom[propList]
	if !ok {
		return parseCoverage(p.Description)
	}
	num := func(name string) int {
		s := p.Custom[name]
		if len(s) == 0 || len(s) > 9 || strings.Trim(s, "0123456789") != "" {
			return -1
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	c := Coverage{List: list, Files: num(propFiles), Shard: num(propShard), Shards: num(propShards)}
	if !listHex.MatchString(c.List) || c.Files < 0 || c.Shards < 1 || c.Shard < 1 || c.Shard > c.Shards {
		return Coverage{}, false
	}
	return c, true
}

var coverageText = regexp.MustCompile(`^budgetpub 批量汇总：输入文件清单 ([0-9a-f]{16})（([0-9]{1,9}) 个文件）的第 ([0-9]{1,9})/([0-9]{1,9}) 份$`)

// parseCoverage reads a summary's description back: the coverage of a
// summary written before it was data.
func parseCoverage(s string) (Coverage, bool) {
	m := coverageText.FindStringSubmatch(s)
	if m == nil {
		return Coverage{}, false
	}
	files, _ := strconv.Atoi(m[2])
	i, _ := strconv.Atoi(m[3])
	n, _ := strconv.Atoi(m[4])
	if n < 1 || i < 1 || i > n {
		return Coverage{}, false
	}
	return Coverage{List: m[1], Files: files, Shard: i, Shards: n}, true
}
