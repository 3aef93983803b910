package publish

// SkipReason says why a file of that name is not taken as an input, as
// batch says it for a file found in a folder: the reason and the fix, ""
// when it is an input (.yaml, .yml, a .xlsx workbook); ignore when it is
// hidden (.name) or an Office lock file (~$name), never mentioned. The
// workbench's bureau page names the files of an upload it skips with it.
func SkipReason(name string) (reason string, ignore bool) { return skipReason(name) }
