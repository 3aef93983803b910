package publish

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// Skeleton is init's blank master input for a layout (input.DefaultLayout
// when ""): input's skeleton naming the layout and showing the keys only
// some layouts use that its profile declares (render.Profile.InputKeys).
func Skeleton(year int, name, layout string) []byte {
	if layout == "" {
		layout = input.DefaultLayout
	}
	return input.SkeletonWith(input.SkeletonOptions{Year: year, Name: name, Layout: layout, LayoutKeys: InputKeys(layout)})
}

// InputKeys are the keys only some layouts use that a layout's profile
// declares (render.Profile.InputKeys): what a file written for it shows
// (input.FormatOptions.LayoutKeys). None for a layout that is not
// registered.
func InputKeys(layout string) []string {
	if p, ok := render.ProfileByID(layout); ok {
		return p.InputKeys
	}
	return nil
}
