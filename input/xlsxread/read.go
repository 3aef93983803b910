// Package xlsxread reads the cells of .xlsx workbooks within stated bounds
// of memory and time, whatever the file holds. It is the one reader of
// every workbook the program is given — an import's 13 tables, a
// --catalog workbook, a batch summary to merge — built on archive/zip and
// encoding/xml tokens, never holding a part or a sheet as structs (excelize
// stays the writer):
//
//   - only the parts it needs are read (the package's relationships,
//     workbook.xml and its relationships, the shared-string table, the
//     worksheets asked for, docProps/core.xml and custom.xml), each after its declared
//     unzipped size is checked against Limits (archive/zip then holds the
//     part to that size);
//   - a worksheet is a stream of rows: a cell right of Limits.Columns is
//     skipped, never padded to; a row or cell without its r= reference is
//     numbered from the one before, in constant time;
//   - shared strings are bounded in count and bytes, the cells a Grid keeps
//     and the merged ranges in count over the workbook, one cell's text and
//     one XML token in bytes;
//   - the context is polled as it reads, so a request's import ends with the
//     request.
//
// A limit hit is a *LimitError naming the limit, the part and, where known,
// the sheet and the cell; a file that is not a workbook, or is damaged, is a
// *FormatError. Callers say both in Chinese (LimitError.Chinese).
package xlsxread

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// Limits bound what one Book reads. A zero field is no bound, except
// Columns (zero: 64) and Token (zero: 1 MiB).
type Limits struct {
	Entries    int   // entries of the zip
	Sheets     int   // sheets the workbook lists
	Part       int64 // bytes of one part read, unzipped
	Unzipped   int64 // bytes of all the parts read, unzipped, together
	Strings    int   // shared strings
	StringText int64 // bytes of the shared strings' text, together
	CellText   int   // bytes of one cell's text (a shared string's too)
	Columns    int   // columns kept of a row; a cell right of them is skipped
	Rows       int   // rows a Grid keeps of a sheet; the rows below are read, not kept
	Cells      int   // cells Grids keep over the workbook, the empty ones they pad with included
	Merged     int   // merged ranges read over the workbook
	Token      int   // bytes of one XML token (a tag, a run of text, a comment)
}

// Limit names a bound of Limits.
type Limit int

// The limits a LimitError can name.
const (
	LimitEntries Limit = iota + 1
	LimitSheets
	LimitPart
	LimitUnzipped
	LimitStrings
	LimitStringText
	LimitCellText
	LimitCells
	LimitMerged
	LimitToken
)

var limitNames = map[Limit]string{
	LimitEntries: "zip entries", LimitSheets: "sheets", LimitPart: "bytes of one part unzipped",
	LimitUnzipped: "bytes unzipped", LimitStrings: "shared strings", LimitStringText: "bytes of shared strings",
	LimitCellText: "bytes of one cell", LimitCells: "cells", LimitMerged: "merged ranges", LimitToken: "bytes of one XML token",
}

// LimitError is a workbook over one of the Limits, like encoding/csv's
// ParseError: which limit, its value, and where.
type LimitError struct {
	Limit Limit
	Max   int64
	Part  string // the zip part, e.g. xl/worksheets/sheet3.xml
	Sheet string // the sheet's name, when in one
	Cell  string // the cell, e.g. XFD12, when known
}

func (e *LimitError) Error() string {
	at := e.Part
	if e.Sheet != "" {
		at += " (" + e.Sheet
		if e.Cell != "" {
			at += "!" + e.Cell
		}
		at += ")"
	}
	if at != "" {
		at += ": "
	}
	return fmt.Sprintf("xlsxread: %smore than %d %s", at, e.Max, limitNames[e.Limit])
}

// Chinese says the limit and where it was hit, for a clerk: what is over
// which bound, in which sheet and cell. Callers add the file and the fix.
func (e *LimitError) Chinese() string {
	where := ""
	if e.Sheet != "" {
		where = "工作表“" + e.Sheet + "”"
		if e.Cell != "" {
			where += "的 " + e.Cell
		}
	}
	mb := func(n int64) string {
		if n >= 1<<20 {
			return fmt.Sprintf("%d MB", n>>20)
		}
		return fmt.Sprintf("%d 字节", n)
	}
	switch e.Limit {
	case LimitEntries:
		return fmt.Sprintf("压缩包中的文件超过 %d 个（Excel 工作簿只有几十个）", e.Max)
	case LimitSheets:
		return fmt.Sprintf("工作表超过 %d 张", e.Max)
	case LimitPart:
		switch {
		case where != "":
		case strings.Contains(strings.ToLower(e.Part), "sharedstrings"):
			where = "共享字符串表（" + e.Part + "）"
		default:
			where = "其中的 " + e.Part + " "
		}
		return fmt.Sprintf("%s解压后超过 %s", where, mb(e.Max))
	case LimitUnzipped:
		return fmt.Sprintf("工作簿的表格解压后超过 %s", mb(e.Max))
	case LimitStrings:
		return fmt.Sprintf("共享字符串表超过 %d 项", e.Max)
	case LimitStringText:
		return fmt.Sprintf("共享字符串表的文字超过 %s", mb(e.Max))
	case LimitCellText:
		if where == "" {
			return fmt.Sprintf("共享字符串表中有一项超过 %s（Excel 一个单元格最多 32767 个字符）", mb(e.Max))
		}
		return fmt.Sprintf("%s 的文字超过 %s（Excel 一个单元格最多 32767 个字符）", where, mb(e.Max))
	case LimitCells:
		return fmt.Sprintf("单元格超过 %d 个（读到%s时）", e.Max, where)
	case LimitMerged:
		return fmt.Sprintf("合并单元格超过 %d 处（读到%s时）", e.Max, where)
	case LimitToken:
		if where == "" {
			where = e.Part
		}
		return fmt.Sprintf("%s中有一段超过 %s的内容，不是电子表格软件写出的", where, mb(e.Max))
	}
	return e.Error()
}

// FormatError is a file that is not a workbook, or a damaged one.
type FormatError struct {
	Part string // the part that could not be read; "" for the zip itself
	Err  error
}

func (e *FormatError) Error() string {
	if e.Part == "" {
		return "xlsxread: not an .xlsx workbook: " + e.Err.Error()
	}
	return "xlsxread: " + e.Part + ": " + e.Err.Error()
}

func (e *FormatError) Unwrap() error { return e.Err }

// Book is an open workbook. It is not safe for concurrent use.
type Book struct {
	ctx      context.Context
	lim      Limits
	parts    map[string]*zip.File
	lower    map[string]*zip.File
	sheets   []sheetRef
	sstPart  string
	sst      []string
	sstRead  bool
	unzipped int64
	cells    int
	merged   int
}

type sheetRef struct{ name, part string }

// Open reads a workbook's list of sheets. ctx (nil: none) is polled by
// every read of the Book.
func Open(ctx context.Context, data []byte, lim Limits) (*Book, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if lim.Columns <= 0 {
		lim.Columns = 64
	}
	if lim.Token <= 0 {
		lim.Token = 1 << 20
	}
	// archive/zip makes a File of every central-directory header it finds,
	// whatever the directory's count says: count them first.
	if lim.Entries > 0 && bytes.Count(data, []byte("PK\x01\x02")) > lim.Entries {
		return nil, &LimitError{Limit: LimitEntries, Max: int64(lim.Entries)}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &FormatError{Err: err}
	}
	b := &Book{ctx: ctx, lim: lim, parts: map[string]*zip.File{}, lower: map[string]*zip.File{}}
	for _, f := range zr.File {
		name := strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
		if _, dup := b.parts[name]; !dup {
			b.parts[name] = f
		}
		if _, dup := b.lower[strings.ToLower(name)]; !dup {
			b.lower[strings.ToLower(name)] = f
		}
	}
	wbPath := "xl/workbook.xml"
	if rels, err := b.rels("_rels/.rels"); err != nil {
		return nil, err
	} else {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.target, "/")
				break
			}
		}
	}
	if b.file(wbPath) == nil {
		return nil, &FormatError{Part: wbPath, Err: errors.New("no workbook part")}
	}
	dir := path.Dir(wbPath)
	rels, err := b.rels(path.Join(dir, "_rels", path.Base(wbPath)+".rels"))
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels {
		p := resolve(dir, r.target)
		targets[r.id] = p
		if strings.HasSuffix(r.typ, "/sharedStrings") && b.sstPart == "" {
			b.sstPart = p
		}
	}
	if b.sstPart == "" || b.file(b.sstPart) == nil {
		b.sstPart = "xl/sharedStrings.xml"
	}
	err = b.scan(wbPath, func(d *decoder, t xml.StartElement) error {
		if t.Name.Local != "sheet" {
			return nil
		}
		if b.lim.Sheets > 0 && len(b.sheets) >= b.lim.Sheets {
			return &LimitError{Limit: LimitSheets, Max: int64(b.lim.Sheets), Part: wbPath}
		}
		var name, id string
		for _, a := range t.Attr {
			switch {
			case a.Name.Local == "name":
				name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				id = a.Value
			}
		}
		if p, ok := targets[id]; ok && b.file(p) != nil {
			b.sheets = append(b.sheets, sheetRef{name, p})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// resolve is the part a relationship's target names, from the folder of
// the part whose relationship it is.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(dir+"/"+target), "/")
}

// Sheets are the names of the workbook's sheets, in its order.
func (b *Book) Sheets() []string {
	out := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = s.name
	}
	return out
}

// Props are a workbook's document properties: the title and the
// description (docProps/core.xml), and the custom properties
// (docProps/custom.xml) by name, each value as its text, at most
// MaxCustomProps of them (the first).
type Props struct {
	Title, Description string
	Custom             map[string]string
}

// MaxCustomProps bounds the custom properties Props keeps.
const MaxCustomProps = 64

// Props reads the title, the description and the custom properties; a
// workbook without them has empty ones. Each is one part read within the
// Limits, a value within Limits.CellText.
func (b *Book) Props() (Props, error) {
	var p Props
	if b.file("docProps/core.xml") != nil {
		err := b.scan("docProps/core.xml", func(d *decoder, t xml.StartElement) error {
			var dst *string
			switch t.Name.Local {
			case "title":
				dst = &p.Title
			case "description":
				dst = &p.Description
			default:
				return nil
			}
			s, err := d.text(t.Name.Local, "", "")
			*dst = s
			return err
		})
		if err != nil {
			return p, err
		}
	}
	if b.file("docProps/custom.xml") == nil {
		return p, nil
	}
	err := b.scan("docProps/custom.xml", func(d *decoder, t xml.StartElement) error {
		if t.Name.Local != "property" {
			return nil
		}
		name := ""
		for _, a := range t.Attr {
			if a.Name.Local == "name" {
				name = a.Value
			}
		}
		s, err := d.text("property", "", "")
		if err != nil || name == "" || len(p.Custom) >= MaxCustomProps {
			return err
		}
		if p.Custom == nil {
			p.Custom = map[string]string{}
		}
		if _, seen := p.Custom[name]; !seen {
			p.Custom[name] = s
		}
		return nil
	})
	return p, err
}

// file is a part by name, its letter case as given or any.
func (b *Book) file(name string) *zip.File {
	if f := b.parts[name]; f != nil {
		return f
	}
	return b.lower[strings.ToLower(name)]
}

// open opens a part for reading, within the limits of one part and of all.
func (b *Book) open(name, sheet string) (*decoder, func(), error) {
	f := b.file(name)
	if f == nil {
		return nil, nil, &FormatError{Part: name, Err: errors.New("part missing")}
	}
	size := int64(f.UncompressedSize64)
	if f.UncompressedSize64 > 1<<62 {
		size = 1 << 62
	}
	if b.lim.Part > 0 && size > b.lim.Part {
		return nil, nil, &LimitError{Limit: LimitPart, Max: b.lim.Part, Part: name, Sheet: sheet}
	}
	b.unzipped += size
	if b.lim.Unzipped > 0 && b.unzipped > b.lim.Unzipped {
		return nil, nil, &LimitError{Limit: LimitUnzipped, Max: b.lim.Unzipped, Part: name, Sheet: sheet}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, &FormatError{Part: name, Err: err}
	}
	g := &guard{r: rc, max: int64(b.lim.Token) + 8<<10, part: name, sheet: sheet, limit: b.lim.Token}
	g.left = g.max
	x := xml.NewDecoder(g)
	x.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, err
		}
		return enc.NewDecoder().Reader(in), nil
	}
	d := &decoder{x: x, g: g, b: b, part: name, sheet: sheet}
	return d, func() { _ = rc.Close() }, nil
}

// scan calls fn on every start tag of a part.
func (b *Book) scan(name string, fn func(d *decoder, t xml.StartElement) error) error {
	d, done, err := b.open(name, "")
	if err != nil {
		return err
	}
	defer done()
	for {
		tok, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if t, ok := tok.(xml.StartElement); ok {
			if err := fn(d, t); err != nil {
				return err
			}
		}
	}
}

type rel struct{ id, typ, target string }

// rels reads a relationships part; a missing one has none.
func (b *Book) rels(name string) ([]rel, error) {
	if b.file(name) == nil {
		return nil, nil
	}
	var out []rel
	err := b.scan(name, func(d *decoder, t xml.StartElement) error {
		if t.Name.Local != "Relationship" {
			return nil
		}
		if b.lim.Entries > 0 && len(out) >= b.lim.Entries {
			return &LimitError{Limit: LimitEntries, Max: int64(b.lim.Entries), Part: name}
		}
		var r rel
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "Id":
				r.id = a.Value
			case "Type":
				r.typ = a.Value
			case "Target":
				r.target = a.Value
			}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// guard holds the XML decoder to Limits.Token bytes a token: it may read
// at most max bytes before it next returns one (reset by decoder.next).
type guard struct {
	r           io.Reader
	left, max   int64
	part, sheet string
	limit       int
}

func (g *guard) Read(p []byte) (int, error) {
	if g.left <= 0 {
		return 0, &LimitError{Limit: LimitToken, Max: int64(g.limit), Part: g.part, Sheet: g.sheet}
	}
	if int64(len(p)) > g.left {
		p = p[:g.left]
	}
	n, err := g.r.Read(p)
	g.left -= int64(n)
	return n, err
}

// decoder is a part's token stream.
type decoder struct {
	x           *xml.Decoder
	g           *guard
	b           *Book
	part, sheet string
	tokens      int
}

// next is the next token; the decoder's errors are a FormatError (a
// limit's stays a LimitError), and the context is polled every 16 384
// tokens.
func (d *decoder) next() (xml.Token, error) {
	d.tokens++
	if d.tokens&(1<<14-1) == 0 {
		if err := d.b.ctx.Err(); err != nil {
			return nil, err
		}
	}
	tok, err := d.x.RawToken()
	d.g.left = d.g.max
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		var le *LimitError
		if errors.As(err, &le) {
			return nil, le
		}
		return nil, &FormatError{Part: d.part, Err: err}
	}
	return tok, nil
}

// skip reads to the end of the element whose start was just read.
func (d *decoder) skip() error {
	depth := 1
	for depth > 0 {
		tok, err := d.next()
		if err == io.EOF {
			return &FormatError{Part: d.part, Err: io.ErrUnexpectedEOF}
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// text reads the text of the element whose start was just read, to its
// end: the character data of the element itself or, when want is set, of
// the elements named want within it, skipping those named skip; at most
// Limits.CellText bytes.
func (d *decoder) text(elem, want, skip string) (string, error) {
	var sb strings.Builder
	depth, in := 1, want == ""
	var inDepth int
	for {
		tok, err := d.next()
		if err == io.EOF {
			return "", &FormatError{Part: d.part, Err: io.ErrUnexpectedEOF}
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case skip != "" && t.Name.Local == skip:
				if err := d.skip(); err != nil {
					return "", err
				}
				depth--
			case want != "" && t.Name.Local == want && !in:
				in, inDepth = true, depth
			}
		case xml.EndElement:
			if want != "" && in && depth == inDepth {
				in = false
			}
			depth--
			if depth == 0 {
				return sb.String(), nil
			}
		case xml.CharData:
			if in {
				if d.b.lim.CellText > 0 && sb.Len()+len(t) > d.b.lim.CellText {
					return "", &LimitError{Limit: LimitCellText, Max: int64(d.b.lim.CellText), Part: d.part, Sheet: d.sheet}
				}
				sb.Write(t)
			}
		}
	}
}

// sharedStrings reads the shared-string table, once, when a cell first
// needs it.
func (b *Book) sharedStrings() ([]string, error) {
	if b.sstRead {
		return b.sst, nil
	}
	b.sstRead = true
	if b.file(b.sstPart) == nil {
		return nil, nil
	}
	var text int64
	err := b.scan(b.sstPart, func(d *decoder, t xml.StartElement) error {
		switch t.Name.Local {
		case "sst":
			for _, a := range t.Attr {
				if a.Name.Local == "uniqueCount" {
					if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
						b.sst = make([]string, 0, min(n, max(b.lim.Strings, 1), 1<<16))
					}
				}
			}
		case "si":
			if b.lim.Strings > 0 && len(b.sst) >= b.lim.Strings {
				return &LimitError{Limit: LimitStrings, Max: int64(b.lim.Strings), Part: b.sstPart}
			}
			s, err := d.text("si", "t", "rPh")
			if err != nil {
				return err
			}
			s = unescape(s)
			if text += int64(len(s)); b.lim.StringText > 0 && text > b.lim.StringText {
				return &LimitError{Limit: LimitStringText, Max: b.lim.StringText, Part: b.sstPart}
			}
			b.sst = append(b.sst, s)
		}
		return nil
	})
	if err != nil {
		b.sst = nil
		return nil, err
	}
	return b.sst, nil
}

// unescape decodes the _xHHHH_ escapes of a spreadsheet's text, as
// excelize does: _x005F_ is a _, others the character of their code.
func unescape(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var sb strings.Builder
	for i >= 0 {
		sb.WriteString(s[:i])
		rest := s[i:]
		if len(rest) >= 7 && rest[6] == '_' && isHex(rest[2:6]) {
			if rest[:7] == "_x005F_" {
				sb.WriteByte('_')
			} else if v, err := strconv.Unquote(`"\u` + rest[2:6] + `"`); err == nil {
				sb.WriteString(v)
			}
			s = rest[7:]
		} else {
			sb.WriteString(rest[:2])
			s = rest[2:]
		}
		i = strings.Index(s, "_x")
	}
	sb.WriteString(s)
	return sb.String()
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
