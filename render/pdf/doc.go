// Package pdf writes the publication as a paginated PDF: cover, 目录 with
// real page numbers and links, the parts with their headings and paragraphs,
// the 13 tables (multi-row merged headers, wrapped cells, page breaks that
// repeat the header rows unless a table prints it once, landscape pages for
// wide tables), bookmarks, and page numbers in the footer from 第一部分 on. It lays out text and tables
// itself — gopdf only draws — and breaks Chinese lines by the rules of
// linebreak.go. The PDF is tagged (tags.go): a structure tree in reading
// order — headings H1–H3, paragraphs, the 目录 as TOC with its links, each
// table one Table with its header cells' scope and spans, each pie a Figure
// with its figures as alternative text, the goal forms as tables — with
// the rules, page numbers and draft notice as artifacts, /Lang zh-CN and
// the title in the title bar. Identical input gives identical bytes.
package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/render"
	"github.com/signintech/gopdf"
)

// Write lays out and writes the PDF of p, drawn with the font set fs.
func Write(w io.Writer, p *render.Publication, fs *fonts.Set) error {
	b, err := Bytes(p, fs)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Bytes lays out the PDF of p in memory.
func Bytes(p *render.Publication, fs *fonts.Set) ([]byte, error) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// Page streams are mostly text operators: the fastest deflate level
	// compresses them nearly as well as the default at a fraction of the
	// time (the default took 43% of a render in the profile).
	gp.SetCompressLevel(zlib.BestSpeed)
	gp.SetInfo(gopdf.PdfInfo{
		Title:    p.Department + " " + p.Title,
		Author:   p.Department,
		Subject:  p.Title,
		Creator:  "budgetpub",
		Producer: "budgetpub",
	})
	for _, fam := range fs.Families() {
		if err := gp.AddTTFFontFromFontContainer(fam, fs.Container); err != nil {
			return nil, fmt.Errorf("字体 %s 无法载入：%w", fam, err)
		}
	}
	m := newMetrics(gp, fs)
	doc, err := layout(p, m)
	if err != nil {
		return nil, err
	}
	if err := draw(gp, doc, m); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// About a PDF's size: 256 KB of fonts, 8 KB a page, 80 bytes a
	// structure element (with its line in the cross-reference table).
	buf.Grow(256<<10 + 8<<10*len(doc.body) + 80*doc.elements)
	if _, err := gp.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
