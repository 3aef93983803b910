// Package xlsxtest builds workbooks for the tests of the programs that read
// them: small plain ones, and the hostile shapes a reader must survive —
// rows reaching column XFD, tall sheets, rows and cells without their r=
// references, many merged ranges, shared-string tables of millions of
// strings, parts of hundreds of megabytes of zeros. Each part is written
// into the zip as it is made, so a part of hundreds of megabytes unzipped is
// a file of kilobytes and is never held whole.
package xlsxtest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Part is one part of a workbook: its name in the zip and what writes it.
type Part struct {
	Name  string
	Write func(w io.Writer)
}

// Sheet is a worksheet: its name and what writes its XML (Worksheet makes
// one).
type Sheet struct {
	Name  string
	Write func(w io.Writer)
}

// Book is a workbook to build (Bytes) or to add to another (Add).
type Book struct {
	Sheets []Sheet
	// Strings writes xl/sharedStrings.xml (StringTable makes one); nil: none.
	Strings func(w io.Writer)
	// Title and Description go into docProps/core.xml.
	Title, Description string
	Extra              []Part // other parts, written as given
	Store              bool   // every part stored, not deflated (quicker to make)
}

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relWS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relSST = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)

// Bytes is the workbook as an .xlsx file.
func (b Book) Bytes() []byte {
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	put := func(z *zip.Writer, name string, write func(w io.Writer)) { putMethod(z, name, write, b.Store) }
	var types, sheets, rels strings.Builder
	types.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	for i, s := range b.Sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(s.Name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>`, i+1, relWS, i+1)
	}
	if b.Strings != nil {
		types.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="%s" Target="sharedStrings.xml"/>`, relSST)
	}
	types.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`)
	put(z, "[Content_Types].xml", text(types.String()))
	put(z, "_rels/.rels", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`))
	put(z, "docProps/core.xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`+escape(b.Title)+`</dc:title><dc:description>`+escape(b.Description)+`</dc:description></cp:coreProperties>`))
	put(z, "xl/workbook.xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="`+nsMain+`" xmlns:r="`+nsRels+`"><sheets>`+sheets.String()+`</sheets></workbook>`))
	put(z, "xl/_rels/workbook.xml.rels", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`))
	b.finish(z, put, "sheet", b.Strings != nil)
	return out.Bytes()
}

// finish writes the sheets (xl/worksheets/<prefix>N.xml), the shared
// strings when asked and the extra parts, and closes the zip.
func (b Book) finish(z *zip.Writer, put func(*zip.Writer, string, func(io.Writer)), prefix string, strings bool) {
	for i, s := range b.Sheets {
		put(z, fmt.Sprintf("xl/worksheets/%s%d.xml", prefix, i+1), s.Write)
	}
	if strings {
		put(z, "xl/sharedStrings.xml", b.Strings)
	}
	for _, p := range b.Extra {
		put(z, p.Name, p.Write)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
}

// Add returns book, an .xlsx file, with b's sheets after its own (named in
// its workbook.xml, its relationships and content types), b's shared
// strings in place of its own, and b's extra parts; its other parts are
// copied as they are, still compressed.
func Add(book []byte, b Book) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	var types, sheets, rels strings.Builder
	for i, s := range b.Sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/added%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rIdAdded%d"/>`, escape(s.Name), 900+i, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rIdAdded%d" Type="%s" Target="worksheets/added%d.xml"/>`, i+1, relWS, i+1)
	}
	hasSST := false
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/sharedStrings.xml") {
			hasSST = true
		}
	}
	if b.Strings != nil && !hasSST {
		types.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		fmt.Fprintf(&rels, `<Relationship Id="rIdAddedS" Type="%s" Target="sharedStrings.xml"/>`, relSST)
	}
	insert := func(f *zip.File, before, what string) {
		data := read(f)
		i := strings.LastIndex(data, before)
		if i < 0 {
			panic(f.Name + " lacks " + before)
		}
		put(z, f.Name, text(data[:i]+what+data[i:]))
	}
	for _, f := range zr.File {
		switch {
		case f.Name == "[Content_Types].xml":
			insert(f, "</Types>", types.String())
		case f.Name == "xl/workbook.xml":
			insert(f, "</sheets>", sheets.String())
		case f.Name == "xl/_rels/workbook.xml.rels":
			insert(f, "</Relationships>", rels.String())
		case strings.EqualFold(f.Name, "xl/sharedStrings.xml") && b.Strings != nil:
			put(z, f.Name, b.Strings)
		default:
			if err := z.Copy(f); err != nil {
				panic(err)
			}
		}
	}
	b.finish(z, put, "added", b.Strings != nil && !hasSST)
	return out.Bytes()
}

// Edit returns book with the part named name rewritten by edit, which
// reads the old part and writes the new.
func Edit(book []byte, name string, edit func(old string, w io.Writer)) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		if f.Name != name {
			if err := z.Copy(f); err != nil {
				panic(err)
			}
			continue
		}
		found = true
		old := read(f)
		put(z, name, func(w io.Writer) { edit(old, w) })
	}
	if !found {
		panic("no part " + name)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

// AppendRows is an edit (for Edit) that writes rows into a worksheet just
// before the end of its sheetData.
func AppendRows(rows func(w io.Writer)) func(old string, w io.Writer) {
	return func(old string, w io.Writer) {
		i := strings.LastIndex(old, "</sheetData>")
		if i < 0 {
			panic("no sheetData")
		}
		io.WriteString(w, old[:i])
		rows(w)
		io.WriteString(w, old[i:])
	}
}

// Worksheet writes a worksheet: its rows, then its merged ranges (either
// may be nil).
func Worksheet(rows, merged func(w io.Writer)) func(w io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="`+nsMain+`" xmlns:r="`+nsRels+`"><sheetData>`)
		if rows != nil {
			rows(w)
		}
		io.WriteString(w, `</sheetData>`)
		if merged != nil {
			io.WriteString(w, `<mergeCells>`)
			merged(w)
			io.WriteString(w, `</mergeCells>`)
		}
		io.WriteString(w, `</worksheet>`)
	}
}

// Grid writes rows of inline-string cells from A1 (an empty string: no cell).
func Grid(rows ...[]string) func(w io.Writer) {
	return func(w io.Writer) {
		for r, row := range rows {
			fmt.Fprintf(w, `<row r="%d">`, r+1)
			for c, v := range row {
				if v != "" {
					fmt.Fprintf(w, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, Column(c+1), r+1, escape(v))
				}
			}
			io.WriteString(w, `</row>`)
		}
	}
}

// Repeat writes n rows, from row first, each made by row(w, number).
func Repeat(first, n int, row func(w io.Writer, r int)) func(w io.Writer) {
	return func(w io.Writer) {
		bw := bufio.NewWriterSize(w, 64<<10)
		for i := 0; i < n; i++ {
			row(bw, first+i)
		}
		if err := bw.Flush(); err != nil {
			panic(err)
		}
	}
}

// FarRight is a row of one short text in the sheet's last column, XFD.
func FarRight(w io.Writer, r int) {
	fmt.Fprintf(w, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, r, r)
}

// EmptyFormulaFarRight is a row of one empty formula cell in XFD.
func EmptyFormulaFarRight(w io.Writer, r int) {
	fmt.Fprintf(w, `<row r="%d"><c r="XFD%d"><f></f></c></row>`, r, r)
}

// Unnumbered is a row with neither its r= nor its cells' r=: three cells.
func Unnumbered(w io.Writer, r int) {
	fmt.Fprintf(w, `<row><c t="inlineStr"><is><t>行%d</t></is></c><c><v>%d</v></c><c t="s"><v>0</v></c></row>`, r, r)
}

// Merges writes n merged ranges of two cells each, A1:B1, A2:B2 …
func Merges(n int) func(w io.Writer) {
	return func(w io.Writer) {
		bw := bufio.NewWriterSize(w, 64<<10)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(bw, `<mergeCell ref="A%d:B%d"/>`, i, i)
		}
		if err := bw.Flush(); err != nil {
			panic(err)
		}
	}
}

// StringTable writes a shared-string table of n copies of s (the count
// attributes say n).
func StringTable(n int, s string) func(w io.Writer) {
	return func(w io.Writer) {
		bw := bufio.NewWriterSize(w, 64<<10)
		fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="%s" count="%d" uniqueCount="%d">`, nsMain, n, n)
		item := `<si><t>` + escape(s) + `</t></si>`
		for i := 0; i < n; i++ {
			bw.WriteString(item)
		}
		bw.WriteString(`</sst>`)
		if err := bw.Flush(); err != nil {
			panic(err)
		}
	}
}

// Zeros writes n zero bytes.
func Zeros(n int64) func(w io.Writer) {
	return func(w io.Writer) {
		buf := make([]byte, 1<<20)
		for n > 0 {
			k := min(n, int64(len(buf)))
			if _, err := w.Write(buf[:k]); err != nil {
				panic(err)
			}
			n -= k
		}
	}
}

// Column is the letters of column c (1-based): 1 A, 27 AA, 16384 XFD.
func Column(c int) string {
	s := ""
	for c > 0 {
		c--
		s = string(rune('A'+c%26)) + s
		c /= 26
	}
	return s
}

func text(s string) func(w io.Writer) {
	return func(w io.Writer) { io.WriteString(w, s) }
}

func put(z *zip.Writer, name string, write func(w io.Writer)) { putMethod(z, name, write, false) }

func putMethod(z *zip.Writer, name string, write func(w io.Writer), store bool) {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate}
	if store {
		h.Method = zip.Store
	}
	w, err := z.CreateHeader(h)
	if err != nil {
		panic(err)
	}
	write(w)
}

func read(f *zip.File) string {
	r, err := f.Open()
	if err != nil {
		panic(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
