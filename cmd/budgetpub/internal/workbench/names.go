package workbench

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names the browser sends (an upload's file name) are shown and put into
// download names, never used as a path: every file of a workspace has a
// fixed name of ours.

const maxNameRunes = 80

// displayName is an uploaded file's name as shown and used in messages:
// its last element (either slash), without control or format characters,
// at most maxNameRunes characters; empty becomes def.
func displayName(name, def string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	var b strings.Builder
	n := 0
	for _, r := range name {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if n++; n > maxNameRunes {
			break
		}
		b.WriteRune(r)
	}
	out := strings.TrimSpace(b.String())
	if out == "" || out == "." || out == ".." || out == "/" {
		return def
	}
	return out
}

// safeStem is a name good as a file name on Windows, macOS and Linux, for
// downloads and the entries of a zip: letters (Chinese too), digits and
// - _ . （ ） [ ] ( ) kept, anything else an underscore; no leading dot, no
// reserved device name, at most 60 characters; empty becomes def.
func safeStem(name, def string) string {
	var b strings.Builder
	n := 0
	for _, r := range name {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.（）[]()【】", r)
		if !ok {
			r = '_'
		}
		if n++; n > 60 {
			break
		}
		b.WriteRune(r)
	}
	out := strings.Trim(b.String(), "._ ")
	if out == "" {
		return def
	}
	base := strings.ToUpper(strings.SplitN(out, ".", 2)[0])
	switch base {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		out = "_" + out
	}
	return out
}

// trimExt is name without its extension (.yaml, .yml, .xlsx).
func trimExt(name string) string {
	for _, ext := range []string{".yaml", ".yml", ".xlsx"} {
		if len(name) > len(ext) && strings.EqualFold(name[len(name)-len(ext):], ext) {
			return name[:len(name)-len(ext)]
		}
	}
	return name
}

// disposition is a Content-Disposition header for a file name: an ASCII
// fallback and the UTF-8 name (RFC 6266, RFC 5987).
func disposition(kind, name string) string {
	ascii := make([]rune, 0, len(name))
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '/' {
			r = '_'
		}
		ascii = append(ascii, r)
	}
	return fmt.Sprintf(`%s; filename="%s"; filename*=UTF-8''%s`, kind, string(ascii), url.PathEscape(name))
}
