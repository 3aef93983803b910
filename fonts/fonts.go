// Package fonts holds the fonts budgetpub embeds in its PDFs: Noto Serif SC
// (body and tables, bold for titles) and Noto Sans SC (headings), under the
// SIL Open Font License (OFL-*.txt beside them). A Set is parsed once per
// process and shared between documents; a user may replace any face with
// their own TrueType file (e.g. their office's 仿宋_GB2312 or 黑体), the
// bundled faces then serving as fallbacks for characters it lacks.
package fonts

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/sfnt"
)

//go:embed NotoSerifSC-Regular.ttf
var serifRegular []byte

//go:embed NotoSerifSC-Bold.ttf
var serifBold []byte

//go:embed NotoSansSC-Medium.ttf
var sansMedium []byte

// Role is what a face is used for.
type Role string

// The roles of a publication's text.
const (
	Body    Role = "body"    // 正文与表格（宋体）
	Title   Role = "title"   // 标题（小标宋）
	Heading Role = "heading" // 各级标题（黑体）
)

// Roles lists every role in a fixed order.
var Roles = []Role{Body, Title, Heading}

// face is one parsed TrueType font.
type face struct {
	name     string // for messages: a file name or the bundled font's name
	user     bool   // a user's file, not a bundled face
	data     []byte
	font     *sfnt.Font
	coverage RuneTable // whether the face draws a character (1) or not (0), once looked up
}

// has tells whether the face draws r. Safe for concurrent use: a set is
// shared by every document of a batch.
func (f *face) has(r rune) bool {
	if v, ok := f.coverage.Load(r); ok {
		return v == 1
	}
	var buf sfnt.Buffer
	i, err := f.font.GlyphIndex(&buf, r)
	ok := err == nil && i != 0
	v := uint64(0)
	if ok {
		v = 1
	}
	f.coverage.Store(r, v)
	return ok
}

// Set is a parsed font set: one face per role plus fallbacks, and a gopdf
// container that documents copy their fonts from.
type Set struct {
	Container *gopdf.FontContainer
	roles     map[Role]*face
	fallbacks []*face // tried in order for a character the role's face lacks
	family    map[*face]string
	families  []string // every registered family, in order
}

// Options replaces bundled faces with a user's TrueType files; a File
// without data keeps the bundled face.
type Options struct {
	Body, Title, Heading File
}

// File is a font file's name (for messages) and content.
type File struct {
	Name string
	Data []byte
}

// MaxFileSize bounds a user's font file (a complete CJK face is 10–30 MB).
const MaxFileSize = 64 << 20

var (
	bundledOnce sync.Once
	bundled     *Set
	bundledErr  error
)

// Bundled returns the set of embedded fonts, parsed on first use.
func Bundled() (*Set, error) {
	bundledOnce.Do(func() { bundled, bundledErr = Load(Options{}) })
	return bundled, bundledErr
}

// Load parses a font set: the bundled faces, with any replaced by the files
// named in opts. Only TrueType (glyf) fonts load; a .ttc collection or a
// CFF-based .otf is refused with a clear error.
func Load(opts Options) (*Set, error) {
	serif, err := parse("NotoSerifSC-Regular.ttf", serifRegular)
	if err != nil {
		return nil, err
	}
	bold, err := parse("NotoSerifSC-Bold.ttf", serifBold)
	if err != nil {
		return nil, err
	}
	sans, err := parse("NotoSansSC-Medium.ttf", sansMedium)
	if err != nil {
		return nil, err
	}
	s := &Set{
		Container: &gopdf.FontContainer{},
		roles:     map[Role]*face{Body: serif, Title: bold, Heading: sans},
		fallbacks: []*face{serif, sans, bold},
		family:    map[*face]string{},
	}
	for _, role := range Roles {
		file := map[Role]File{Body: opts.Body, Title: opts.Title, Heading: opts.Heading}[role]
		if file.Data == nil {
			continue
		}
		f, err := parse(file.Name, file.Data)
		if err != nil {
			return nil, err
		}
		if err := tryOut(f); err != nil {
			return nil, err
		}
		f.user = true
		s.roles[role] = f
	}
	// Each distinct face is registered once, the roles' faces first: a
	// fallback that is also a role's face draws under that family.
	for _, f := range append([]*face{s.roles[Body], s.roles[Title], s.roles[Heading]}, s.fallbacks...) {
		if _, done := s.family[f]; done {
			continue
		}
		fam := subsetTag(len(s.families)) + "+" + f.psName()
		if err := s.add(fam, f); err != nil {
			return nil, err
		}
		s.family[f] = fam
		s.families = append(s.families, fam)
	}
	return s, nil
}

// subsetTag is the six-letter tag PDF puts before the name of a subset
// font (ISO 32000-1, 9.6.4): fixed per position, so output stays identical.
func subsetTag(i int) string {
	return fmt.Sprintf("BPDF%c%c", 'A'+rune(i/26%26), 'A'+rune(i%26))
}

// psName is the face's PostScript name, reduced to the characters a PDF
// font name may hold.
func (f *face) psName() string {
	n, err := f.font.Name(nil, sfnt.NameIDPostScript)
	var b strings.Builder
	for _, r := range n {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	if err != nil || b.Len() == 0 {
		return "Font"
	}
	return b.String()
}

func (s *Set) add(family string, f *face) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = damaged(f.name, r)
		}
	}()
	if err := s.Container.AddTTFFontData(family, f.data); err != nil {
		return fmt.Errorf("字体 %s 无法载入（只支持 TrueType 字体）：%w", f.name, err)
	}
	return nil
}

// damaged is the error of a font file the PDF library could not read.
func damaged(name string, cause any) error {
	return fmt.Errorf("字体文件 %s 已损坏或无法使用（%v）：请换用完好的 TrueType（.ttf）字体", name, cause)
}

// tryOut draws a line in a user's face into a PDF in memory, so that a
// damaged file is refused when it is loaded rather than in the middle of
// a batch. (A fault that only some glyph shows is still caught where each
// department is rendered.)
func tryOut(f *face) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = damaged(f.name, r)
		}
	}()
	var pdf gopdf.GoPdf
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.AddPage()
	if err := pdf.AddTTFFontData("T", f.data); err != nil {
		return fmt.Errorf("字体 %s 无法载入（只支持 TrueType 字体）：%w", f.name, err)
	}
	if err := pdf.SetFont("T", "", 12); err != nil {
		return damaged(f.name, err)
	}
	var sample []rune
	for _, r := range "部门预算公开表合计一二三0123456789.,%（）ABC" {
		if f.has(r) {
			sample = append(sample, r)
		}
	}
	if len(sample) > 0 {
		if err := pdf.Cell(nil, string(sample)); err != nil {
			return damaged(f.name, err)
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return damaged(f.name, err)
	}
	return nil
}

// UserFiles names the user's font files of the set, for a message about
// a fault the PDF library met.
func (s *Set) UserFiles() []string {
	var out []string
	for _, role := range Roles {
		if f := s.roles[role]; f.user {
			out = append(out, f.name)
		}
	}
	return out
}

// parse reads a TrueType font, refusing collections and CFF outlines.
func parse(name string, data []byte) (*face, error) {
	if len(data) >= 4 && string(data[:4]) == "ttcf" {
		return nil, fmt.Errorf("字体 %s 是字体集合（.ttc）：请先提取出其中一个 .ttf 字体", name)
	}
	if len(data) >= 4 && string(data[:4]) == "OTTO" {
		return nil, fmt.Errorf("字体 %s 是 CFF 轮廓的 OpenType 字体：只支持 TrueType（.ttf）字体", name)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("字体文件 %s 无法解析（不是完好的 TrueType 字体）：%w", name, err)
	}
	return &face{name: name, data: data, font: f}, nil
}

// Families lists every family a document must register, in a fixed order.
func (s *Set) Families() []string {
	return append([]string(nil), s.families...)
}

// Family is the family a role's text is drawn in.
func (s *Set) Family(role Role) string {
	return s.family[s.roles[role]]
}

// Run is a piece of text drawn in one family.
type Run struct {
	Family string
	Text   string
}

// Runs splits text of a role into runs, each in the first family that draws
// all of its characters: the role's face, else a fallback. A character no
// face has is an error naming it; nothing is ever dropped.
func (s *Set) Runs(role Role, text string) ([]Run, error) {
	var runs []Run
	start := 0 // where the current run began
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		fam, ok := s.FamilyOf(role, r)
		if !ok {
			return nil, &MissingError{Rune: r, Text: text}
		}
		if n := len(runs); n > 0 && runs[n-1].Family == fam {
			runs[n-1].Text = text[start : i+size]
		} else {
			start = i
			runs = append(runs, Run{Family: fam, Text: text[i : i+size]})
		}
		i += size
	}
	return runs, nil
}

// FamilyOf is the family that draws r in a role: the role's face, else the
// first fallback that has it; false when no face has it.
func (s *Set) FamilyOf(role Role, r rune) (string, bool) {
	main := s.roles[role]
	if isLayoutRune(r) || main.has(r) {
		return s.family[main], true
	}
	for _, f := range s.fallbacks {
		if f.has(r) {
			return s.family[f], true
		}
	}
	return "", false
}

// Missing returns the characters of text that no face of the set draws.
func (s *Set) Missing(text string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if isLayoutRune(r) || seen[r] {
			continue
		}
		found := false
		for _, f := range append([]*face{s.roles[Body], s.roles[Title], s.roles[Heading]}, s.fallbacks...) {
			if f.has(r) {
				found = true
				break
			}
		}
		if !found {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// isLayoutRune is a character the layout consumes (line breaks, tabs).
func isLayoutRune(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }

// MissingError is a character no font of the set can draw.
type MissingError struct {
	Rune rune
	Text string
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("字符 “%c”（U+%04X）在所有字体中都没有字形：请换用包含该字的字体，或改写文字“%s”", e.Rune, e.Rune, e.Text)
}
