package final9

import (
	"fmt"
	"text/template"

	"github.com/budgetpub/budgetpub/render"
)

// parts lays a 决算 out: 第一部分 概况, 第二部分 the tables, 第三部分 情况说明,
// 第四部分 名词解释.
func parts(b *render.Builder, w *template.Template) ([]*render.Part, error) {
	d := b.Doc
	name := d.Department.Name.Value
	tables := &render.Part{ID: render.PartTables, Title: fmt.Sprintf("第二部分 %s%d年度部门决算表", name, d.Year)}
	for _, tb := range b.Pub.Tables {
		tables.Sections = append(tables.Sections, &render.Section{ID: string(tb.ID), TOC: render.ChineseNumber(tb.Number) + "、" + tb.Title, Table: tb})
	}
	return []*render.Part{tables}, nil
}
