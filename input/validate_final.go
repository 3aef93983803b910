package input

import "fmt"

// The rules of the block final (a 决算's own figures): each line's code a
// 7-digit 项 of one of the 30 categories, named by the catalog or the file
// (resolveNames); a known kind of income or source; one line a code and
// kind (revenue) or a code and source (balances, budgets). Amounts are
// non-negative like every other (the decoder's rule).

// finalAccounts checks final's lines and resolves their sources (Src).
func (v *validator) finalAccounts() {
	f := &v.doc.Final
	seenRev := map[string]Pos{}
	for _, r := range f.Revenue {
		okCode := v.finalCode(r.Code, "final.revenue")
		kind, okKind := v.revenueKind(r.Kind)
		if !okCode || !okKind {
			continue
		}
		key := r.Code.Value + "|" + kind.Key()
		if p, dup := seenRev[key]; dup {
			v.errorf(r.Code.Pos, "final.revenue 中科目 %s 的%s（%s）重复（第 %d 行已有）：同一科目、同一收入类别只写一行，请合并", r.Code.Value, kind.Title(), kind.Key(), p.Line)
		}
		seenRev[key] = r.Code.Pos
	}

	seenBal := map[string]Pos{}
	coded := map[Source]map[bool]Pos{} // by source: balances with a code, and without
	for i, b := range f.Balances {
		okCode := b.Code.Value == "" || v.finalCode(b.Code, "final.balances")
		src, known := v.source(b.Source)
		if known && okCode {
			if coded[src] == nil {
				coded[src] = map[bool]Pos{}
			}
			has := b.Code.Value != ""
			if p, other := coded[src][!has]; other {
				v.errorf(b.Pos, "final.balances 中%s的结转和结余既有逐科目的行，又有不写科目的合计行（第 %d 行）：请逐科目填写（写 code），或只写一行合计（不写 code）", src.Title(), p.Line)
			}
			coded[src][has] = b.Pos
		}
		f.Balances[i].Src = src
		if known && !src.Fiscal() {
			v.errorf(b.Source.Pos, "final.balances 只列财政拨款结转和结余（%s），不能有 %s（%s）：非财政拨款的结转和结余写在 final.non_fiscal", sourceKeyList(FiscalSources), src.Key(), src.Title())
		}
		if !okCode || !known {
			continue
		}
		key := fmt.Sprintf("%s|%d", b.Code.Value, src)
		at := b.Code.Pos
		if b.Code.Value == "" {
			at = b.Pos
		}
		if p, dup := seenBal[key]; dup {
			v.errorf(at, "final.balances 中科目 %s、资金来源 %s 重复（第 %d 行已有）：请合并为一行", b.Code.Value, src.Title(), p.Line)
		}
		seenBal[key] = at
	}

	seenBud := map[string]Pos{}
	for i, b := range f.Budgets {
		okCode := v.finalCode(b.Code, "final.budgets")
		src, known := v.source(b.Source)
		f.Budgets[i].Src = src
		if okCode && !b.Initial.Set && !b.Adjusted.Set {
			v.errorf(b.Pos, "final.budgets 中科目 %s 的一行没有金额：请填写 initial（年初预算），预算调整过的再填写 adjusted（全年预算），或删去这一行", b.Code.Value)
		}
		if !okCode || !known {
			continue
		}
		key := fmt.Sprintf("%s|%d", b.Code.Value, src)
		if p, dup := seenBud[key]; dup {
			v.errorf(b.Code.Pos, "final.budgets 中科目 %s、资金来源 %s 重复（第 %d 行已有）：请合并为一行", b.Code.Value, src.Title(), p.Line)
		}
		seenBud[key] = b.Code.Pos
	}
}

// finalCode checks the code of a line of final: a 7-digit 项 of one of
// the 30 categories, as an expenditure line's.
func (v *validator) finalCode(t Text, block string) bool {
	if !v.code(t, 7, block+" 中的支出功能分类科目编码（项）") {
		return false
	}
	if c := t.Value; !isCategory(c[:3]) {
		v.errorf(t.Pos, "支出功能分类科目 %s 的类级编码 %s 不是预算收支总表的30个支出类别之一", c, c[:3])
		return false
	}
	return true
}

// revenueKind checks a kind of revenue: one of RevenueKindKeys.
func (v *validator) revenueKind(t Text) (RevenueKind, bool) {
	k, ok := ParseRevenueKind(t.Value)
	if !ok {
		hint := ""
		if h := nearest(t.Value, RevenueKindKeys()); h != "" {
			hint = "（是否应为 " + h + "？）"
		}
		v.errorf(t.Pos, "未知的收入类别 kind %q%s：请写 %s", t.Value, hint, revenueKindList("、"))
	}
	return k, ok
}

// finalCodes are the codes of final's lines, for resolveNames.
func (d *Document) finalCodes() []Text {
	var out []Text
	for _, r := range d.Final.Revenue {
		out = append(out, r.Code)
	}
	for _, b := range d.Final.Balances {
		if b.Code.Value != "" {
			out = append(out, b.Code)
		}
	}
	for _, b := range d.Final.Budgets {
		out = append(out, b.Code)
	}
	return out
}
