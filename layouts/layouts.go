// Package layouts is every layout budgetpub knows: importing it registers
// each profile (render.Register), so a document's layout: and --layout may
// name it. A new layout is a package of its own under layouts/ and one
// import line here.
package layouts

import (
	// shanxi-13, the default: the 13 tables of 部门预算公开.
	_ "github.com/budgetpub/budgetpub/layouts/shanxi13"
	// shanghai-9 and shanghai-9-unit: Shanghai's 9 tables of 部门预算 and
	// of a unit's 单位预算.
	_ "github.com/budgetpub/budgetpub/layouts/shanghai9"
	// final-9: the 9 tables of a 部门决算.
	_ "github.com/budgetpub/budgetpub/layouts/final9"
)
