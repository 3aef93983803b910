package gopdf

import "io"

// budgetpub patch 8: the plumbing of a tagged PDF (see PATCHES.md). gopdf
// knows nothing of structure; these let the caller put marked-content
// operators into a page's stream, add objects of its own, and add entries
// to the catalog and to a page's dictionary. What the structure is, and
// the objects' text, are the caller's.

// cacheContentRaw is operators written into a page's stream as given.
type cacheContentRaw struct{ ops string }

func (c *cacheContentRaw) write(w io.Writer, protection *PDFProtection) error {
	_, err := io.WriteString(w, c.ops)
	return err
}

// AddRawContent appends operators to the current page's content stream as
// they are (each ending with a newline): marked content such as
// "/P <</MCID 0>> BDC\n" … "EMC\n". The caller keeps them balanced.
func (gp *GoPdf) AddRawContent(ops string) {
	gp.getContent().listCache.append(&cacheContentRaw{ops: ops})
}

// CurrentPageObjID is the object number of the current page.
func (gp *GoPdf) CurrentPageObjID() int {
	return gp.curr.IndexOfPageObj + 1
}

// SetPageExtra adds entries, written as given, to the current page's
// dictionary: "/StructParents 3 /Tabs /S".
func (gp *GoPdf) SetPageExtra(entries string) {
	gp.pdfObjs[gp.curr.IndexOfPageObj].(*PageObj).extra = entries
}

// SetCatalogExtra adds entries, written as given, to the catalog:
// "/StructTreeRoot 90 0 R /MarkInfo <</Marked true>> /Lang (zh-CN)".
func (gp *GoPdf) SetCatalogExtra(entries string) {
	gp.pdfObjs[gp.indexOfCatalogObj].(*CatalogObj).extra = entries
}

// AddRawObj adds an object whose body (a dictionary, without "obj" and
// "endobj") is data, and returns its object number. Objects are numbered
// in the order they are added: one added after another has the next
// number, so that the caller can refer to objects it adds later.
func (gp *GoPdf) AddRawObj(data string) int {
	return gp.addObj(rawObj(data)) + 1
}

// rawObj is an object added by AddRawObj: its body as given.
type rawObj string

func (rawObj) init(func() *GoPdf) {}
func (rawObj) getType() string    { return "Raw" }
func (o rawObj) write(w io.Writer, objID int) error {
	if _, err := io.WriteString(w, string(o)); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// AddInternalLinkWithExtra adds a link to an anchor as AddInternalLink
// does, with entries written as given in its annotation's dictionary
// ("/StructParent 40 /Contents (…)"), and returns the annotation's object
// number.
func (gp *GoPdf) AddInternalLinkWithExtra(anchor string, x, y, w, h float64, extra string) int {
	gp.UnitsToPointsVar(&x, &y, &w, &h)
	gp.addLink(linkOption{x: x, y: gp.config.PageSize.H - y, w: w, h: h, anchor: anchor, extra: extra})
	return len(gp.pdfObjs) // the annotation is the last object added
}
