package publish

import (
	"context"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/budgetpub/budgetpub/input"
	"gopkg.in/yaml.v3"
)

// A batch names each department's files (workbook, PDF, open data) by an
// output name: a path inside the output folder, slash-separated, without
// extension. By default it is the input's stem (局.yaml → 局); with
// --keep-folders it is put in the subfolder the input was found in under
// the folder named (各部门/城区/教育局.yaml → 城区/教育局); with --name it is
// made from the document (its department code, name and year) by a
// template. The names of the whole list are made before any department is
// rendered — by every shard, over the whole list —, so that two inputs of
// one name are found wherever they fall and the later one is refused.

// NameTemplate is --name: a file name made of the document's department
// code, name and year ({code}-{name}-{year}).
type NameTemplate struct {
	text  string
	parts []namePart
}

// namePart is a literal text, or a placeholder (key set).
type namePart struct{ text, key string }

// namePlaceholders are --name's placeholders and what they stand for.
var namePlaceholders = []struct{ key, what string }{
	{"code", "部门编码"}, {"name", "部门名称"}, {"year", "年度"},
}

func placeholderList() string {
	var out []string
	for _, p := range namePlaceholders {
		out = append(out, "{"+p.key+"}（"+p.what+"）")
	}
	return strings.Join(out, "、")
}

// badNameRunes are the characters no file name may hold on Windows (and /
// nowhere): a name holding one would be a path, or could not be made.
const badNameRunes = `/\:*?"<>|`

// ParseNameTemplate reads --name. Its mistakes — an unknown placeholder, a
// brace not closed, a character no file name may hold, a name hidden or
// one that would end in a dot or a space, no placeholder that tells
// departments apart — are said in Chinese, with the fix.
func ParseNameTemplate(s string) (*NameTemplate, error) {
	t := &NameTemplate{text: s}
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("--name 不能为空：请写作如 '{code}-{name}-{year}'，可用 %s", placeholderList())
	}
	rest := s
	distinct := false
	for rest != "" {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			t.parts = append(t.parts, namePart{text: rest})
			break
		}
		if open > 0 {
			t.parts = append(t.parts, namePart{text: rest[:open]})
		}
		if rest[open] == '}' {
			return nil, fmt.Errorf("--name %s 中的 } 前面没有 {：占位符写作 %s", s, placeholderList())
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return nil, fmt.Errorf("--name %s 中的 { 没有配对的 }：占位符写作 %s", s, placeholderList())
		}
		key := rest[open+1 : open+end]
		known := false
		for _, p := range namePlaceholders {
			known = known || p.key == key
		}
		if !known {
			return nil, fmt.Errorf("--name %s 中的 {%s} 不认识：只能用 %s", s, key, placeholderList())
		}
		distinct = distinct || key == "code" || key == "name"
		t.parts = append(t.parts, namePart{key: key})
		rest = rest[open+end+1:]
	}
	for _, p := range t.parts {
		if p.key != "" {
			continue
		}
		if msg := badInName(p.text); msg != "" {
			return nil, fmt.Errorf("--name %s 中%s：文件名不能含有这些字符（要按子文件夹分开输出，请加 --keep-folders）", s, msg)
		}
	}
	if first := t.parts[0]; first.key == "" {
		for _, lead := range []string{".", "~$"} {
			if strings.HasPrefix(first.text, lead) {
				return nil, fmt.Errorf("--name %s 以“%s”开头：这样的文件是隐藏文件或 Office 的临时文件，会被忽略：请去掉它", s, lead)
			}
		}
	}
	if last := t.parts[len(t.parts)-1]; last.key == "" && strings.TrimRight(last.text, ". ") != last.text {
		return nil, fmt.Errorf("--name %s 以点或空格结尾：Windows 会把它去掉，文件名就与所写的不同了：请去掉结尾的点和空格", s)
	}
	if !distinct {
		return nil, fmt.Errorf("--name %s 中没有 {code} 或 {name}：各部门的输出文件会同名：请写作如 '{code}-{name}-{year}'", s)
	}
	return t, nil
}

// String is the template as given.
func (t *NameTemplate) String() string { return t.text }

// uses tells whether the template has the placeholder key.
func (t *NameTemplate) uses(key string) bool {
	for _, p := range t.parts {
		if p.key == key {
			return true
		}
	}
	return false
}

// Identity is what a document says of its department that names its files.
type Identity struct {
	Code, Name string
	Year       int
}

// maxNameBytes bounds a name --name makes: with its extension and the
// temporaries' suffix (pairwrite) it stays within the 255 bytes a file name
// may have.
const maxNameBytes = 180

// Name is the file name (without extension) the template makes of a
// department, or why it cannot be one, in Chinese, with the fix.
func (t *NameTemplate) Name(id Identity) (string, error) {
	if t.uses("code") && strings.TrimSpace(id.Code) == "" {
		return "", fmt.Errorf("没有部门编码（department.code），无法按 --name %s 命名输出文件：请在主输入文件中写上部门编码（department: {name: %s, code: \"…\"}；工作簿在表头写作“部门名称：[编码]%s”），或改用不含 {code} 的 --name", t.text, id.Name, id.Name)
	}
	var b strings.Builder
	for _, p := range t.parts {
		switch p.key {
		case "":
			b.WriteString(p.text)
		case "code":
			b.WriteString(strings.TrimSpace(id.Code))
		case "name":
			b.WriteString(strings.TrimSpace(id.Name))
		case "year":
			fmt.Fprint(&b, id.Year)
		}
	}
	name := b.String()
	fix := "请改正部门名称或编码，或改用不含它的 --name"
	switch {
	case badInName(name) != "":
		return "", fmt.Errorf("按 --name %s 得出的文件名“%s”中%s，不能用作文件名：%s", t.text, clip(name), badInName(name), fix)
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$"):
		return "", fmt.Errorf("按 --name %s 得出的文件名“%s”是隐藏文件或 Office 临时文件的名字：%s", t.text, clip(name), fix)
	case strings.TrimRight(name, ". ") != name:
		return "", fmt.Errorf("按 --name %s 得出的文件名“%s”以点或空格结尾，Windows 会把它去掉：%s", t.text, clip(name), fix)
	case reservedName(name):
		return "", fmt.Errorf("按 --name %s 得出的文件名“%s”是 Windows 保留的设备名，不能用作文件名：%s", t.text, clip(name), fix)
	case len(name) > maxNameBytes:
		return "", fmt.Errorf("按 --name %s 得出的文件名“%s”过长（%d 字节，最多 %d 字节）：请改用短一些的 --name，如 '{code}-{year}'", t.text, clip(name), len(name), maxNameBytes)
	}
	return name, nil
}

// badInName says which character of s no file name may hold ("" when
// none): a separator, one Windows refuses, or a control character.
func badInName(s string) string {
	for _, r := range s {
		switch {
		case strings.ContainsRune(badNameRunes, r):
			return "有“" + string(r) + "”"
		case unicode.IsControl(r):
			return fmt.Sprintf("有控制字符 U+%04X", r)
		}
	}
	return ""
}

// reservedName tells a name Windows keeps for a device (CON, NUL, COM1 …),
// whatever follows its first dot.
func reservedName(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9' {
		return true
	}
	return false
}

// Plan is the output names of a batch's list: each input's, or why it has
// none and is refused. Every shard makes the same plan of the same list.
type Plan struct {
	names    map[string]string // input → output name
	problems map[string]planProblem
	order    []string // the output names, in the list's order
}

// planProblem is why an input is refused before it is rendered: its name
// is another's (msg), or cannot be made of the document (errs).
type planProblem struct {
	msg  string
	errs input.Errors
}

// Names are the output names of the list, in its order (those made).
func (p *Plan) Names() []string { return p.order }

// PlanBatch makes the output names of every input of the list (all, before
// sharding) as o asks: the input's stem, in its subfolder with
// o.KeepFolders, or made by o.Name of each document (read — a workbook
// imported — o.Jobs at a time; when ctx is done, the rest are not read).
// Two inputs of one name (letter case aside: Windows and macOS do not tell
// them apart) are found over the whole list: the later is refused, naming
// the earlier.
func PlanBatch(ctx context.Context, res *Resources, all []string, o BatchOptions) *Plan {
	p := &Plan{names: map[string]string{}, problems: map[string]planProblem{}}
	names := make([]string, len(all))
	errs := make([]error, len(all))
	if o.Name == nil {
		for i, f := range all {
			names[i] = Stem(f)
		}
	} else {
		ids := identities(ctx, res, all, o)
		for i, id := range ids {
			if id == nil {
				continue // unread: its run says why
			}
			names[i], errs[i] = o.Name.Name(*id)
		}
	}
	seen := map[string]int{}
	for i, f := range all {
		if errs[i] != nil {
			p.problems[f] = planProblem{errs: input.Errors{{File: f, Msg: errs[i].Error()}}}
			continue
		}
		if names[i] == "" {
			continue
		}
		name := path.Join(subfolder(f, o), names[i])
		key := strings.ToLower(name)
		if k, ok := seen[key]; ok {
			p.problems[f] = planProblem{msg: collision(f, all[k], name, o)}
			continue
		}
		seen[key] = i
		p.names[f] = name
		p.order = append(p.order, name)
	}
	return p
}

// collision says that file's output name is earlier's.
func collision(file, earlier, name string, o BatchOptions) string {
	msg := fmt.Sprintf("输出文件名与 %s 相同（%s），未生成：", earlier, name)
	switch {
	case o.Name != nil:
		return msg + fmt.Sprintf("两个文件按 --name %s 得出同一个名字：是同一部门的两个文件时，请移走其中一个；不是时，在 --name 中加入 {code}，或加 --keep-folders 按子文件夹分开", o.Name)
	case !o.KeepFolders && filepath.Dir(file) != filepath.Dir(earlier):
		return msg + "请给其中一个文件改名，或加 --keep-folders 按子文件夹分开输出"
	}
	return msg + "请给其中一个文件改名"
}

// subfolder is the folder of file's outputs inside the output folder,
// slash-separated: with o.KeepFolders, where it was found under the
// folder named (o.Folders), else "".
func subfolder(file string, o BatchOptions) string {
	if !o.KeepFolders {
		return ""
	}
	under, ok := o.Folders[file]
	if !ok {
		return ""
	}
	rel, err := filepath.Rel(under, filepath.Dir(file))
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// identities reads what each document says of its department (nil for one
// that cannot be read: its run says why), o.Jobs at a time.
func identities(ctx context.Context, res *Resources, all []string, o BatchOptions) []*Identity {
	ids := make([]*Identity, len(all))
	inParallel(ctx, len(all), o.Jobs, nil, func(i int) { ids[i] = identify(res, all[i], o.Priors) })
	return ids
}

// errIdentified stops an import once the document's department is known.
var errIdentified = errors.New("identified")

// identify is what the input at path says of its department: a master
// input decoded (or, when it does not decode, its year and department read
// as plain YAML, so that its earlier files can still be found), a workbook
// imported as batch imports it — its code, when the workbook has none,
// the one last year's file carries in (priors). nil when it cannot be
// read.
func identify(res *Resources, path string, priors *Priors) (id *Identity) {
	defer func() {
		if recover() != nil {
			id = nil // a fault: the department's run reports it
		}
	}()
	if !IsWorkbook(path) {
		data, err := ReadInput(path)
		if err != nil {
			return nil
		}
		if doc, err := input.Decode(path, data, res.Catalog); err == nil {
			return &Identity{Code: doc.Department.Code.Value, Name: doc.Department.Name.Value, Year: doc.Year}
		}
		return plainIdentity(path, data)
	}
	data, err := readWorkbook(path)
	if err != nil {
		return nil
	}
	amend := func(doc *input.Document, _ *input.FormatOptions) error {
		id = &Identity{Code: doc.Department.Code.Value, Name: doc.Department.Name.Value, Year: doc.Year}
		if id.Code == "" && priors != nil {
			if m, err := priors.find(*id); err != nil {
				id = nil // refused for its last-year file: its run says why
			} else if m != nil {
				id.Code = m.code
			}
		}
		return errIdentified
	}
	if _, err := ImportBook(res, path, data, ImportOptions{Amend: amend}); !errors.Is(err, errIdentified) {
		return nil
	}
	return id
}

// plainIdentity reads a master input's year and department as plain YAML,
// for a file that does not decode (nil when even that fails).
func plainIdentity(path string, data []byte) *Identity {
	text, _, err := input.ToUTF8(path, data)
	if err != nil {
		return nil
	}
	var h struct {
		Year       int `yaml:"year"`
		Department struct {
			Name string `yaml:"name"`
			Code string `yaml:"code"`
		} `yaml:"department"`
	}
	if yaml.Unmarshal(text, &h) != nil || h.Department.Name == "" || h.Year == 0 {
		return nil
	}
	return &Identity{Code: h.Department.Code, Name: h.Department.Name, Year: h.Year}
}

// clip shortens a text quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
