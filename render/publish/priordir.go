package publish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/importer"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
)

// Priors are last year's master inputs of a folder (batch and import
// --prior-dir), read once: each file's department code, name and year,
// kept for finding the file of a workbook's department. Only what names a
// file is kept; a file found is read again, whole, when it is carried in.
type Priors struct {
	Dir   string
	files []priorFile
	// Unusable are the files of Dir that cannot serve as last year's: a
	// master input that cannot be read, a workbook (which has no texts to
	// carry). Said once, by the command.
	Unusable []Skipped
}

// priorFile is one of last year's master inputs: where, its department,
// its year, and why it cannot be carried in when it does not decode
// (problem: its first error).
type priorFile struct {
	path, code, name string
	year             int
	problem          string
}

// PriorDirError is a --prior-dir that cannot be used at all: missing, not
// a folder, or without a master input.
type PriorDirError struct{ Msg string }

func (e *PriorDirError) Error() string { return e.Msg }

// ReadPriors reads the master inputs (.yaml, .yml) found in dir and its
// subfolders, jobs at a time, each within ReadInput's limit: of each, the
// department's code and name and the year — decoded, or read as plain YAML
// when it does not decode (it is then refused if a workbook's department
// comes to it). Workbooks in dir are Unusable: a workbook has no texts to
// carry.
func ReadPriors(ctx context.Context, res *Resources, dir string, jobs int) (*Priors, error) {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return nil, &PriorDirError{fmt.Sprintf("--prior-dir %s：找不到这个文件夹：请给出存放上年主输入文件（.yaml）的文件夹", dir)}
	}
	found, _, err := CollectInputs([]string{dir})
	if err != nil {
		return nil, &PriorDirError{fmt.Sprintf("--prior-dir %s：无法读取：%s", dir, pairwrite.OSCause(err))}
	}
	p := &Priors{Dir: dir}
	var yamls []string
	for _, f := range found {
		if IsWorkbook(f) {
			p.Unusable = append(p.Unusable, Skipped{f, "上年的工作簿没有概况、说明和绩效目标表可以带入，未使用：请放上年的主输入文件（.yaml）"})
		} else {
			yamls = append(yamls, f)
		}
	}
	if len(yamls) == 0 {
		return nil, &PriorDirError{fmt.Sprintf("--prior-dir %s 中没有主输入文件（.yaml 或 .yml）：请给出存放上年主输入文件的文件夹", dir)}
	}
	files := make([]*priorFile, len(yamls))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(jobs, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				files[i] = readPrior(res, yamls[i])
			}
		}()
	}
feed:
	for i := range yamls {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for i, f := range files {
		if f.name == "" {
			p.Unusable = append(p.Unusable, Skipped{yamls[i], "无法作为上年文件读取：" + f.problem})
			continue
		}
		p.files = append(p.files, *f)
	}
	sort.SliceStable(p.Unusable, func(i, j int) bool { return p.Unusable[i].Path < p.Unusable[j].Path })
	return p, nil
}

// readPrior reads one of last year's files for its department and year.
func readPrior(res *Resources, path string) (f *priorFile) {
	f = &priorFile{path: path}
	defer func() {
		if p := recover(); p != nil {
			f.name, f.problem = "", fmt.Sprintf("程序内部错误（%v）", p)
		}
	}()
	data, err := ReadInput(path)
	if err != nil {
		f.problem = err.Error()
		return f
	}
	doc, err := input.Decode(path, data, res.Catalog)
	if err == nil {
		f.code, f.name, f.year = strings.TrimSpace(doc.Department.Code.Value), strings.TrimSpace(doc.Department.Name.Value), doc.Year
		return f
	}
	f.problem = firstLine(err.Error())
	if id := plainIdentity(path, data); id != nil {
		f.code, f.name, f.year = strings.TrimSpace(id.Code), strings.TrimSpace(id.Name), id.Year
	}
	return f
}

// find is last year's file of the department id names (id.Year is the
// workbook's): the one of its code, else — when the workbook or the file
// has no code — of its name, of the year before id.Year. nil when there is
// none. Two files of the year before, or files of the department of other
// years only, are an error, in Chinese, naming them and the fix: the file
// carried in is never a guess.
func (p *Priors) find(id Identity) (*priorFile, error) {
	code, name := strings.TrimSpace(id.Code), strings.TrimSpace(id.Name)
	var cands []*priorFile
	how := ""
	if code != "" {
		for i := range p.files {
			if p.files[i].code == code {
				cands = append(cands, &p.files[i])
			}
		}
		how = "部门编码 " + code
	}
	if len(cands) == 0 && name != "" {
		for i := range p.files {
			if f := &p.files[i]; f.name == name && (code == "" || f.code == "") {
				cands = append(cands, f)
			}
		}
		how = "部门名称“" + name + "”"
	}
	want := id.Year - 1
	var same, other []*priorFile
	for _, f := range cands {
		if f.year == want {
			same = append(same, f)
		} else {
			other = append(other, f)
		}
	}
	switch {
	case len(same) == 1:
		return same[0], nil
	case len(same) > 1:
		fix := "请只留下其中一个"
		if code == "" {
			fix += "，或在工作簿的表头写明部门编码（“部门名称：[编码]" + name + "”）、在上年文件中写明 department.code，以便区分"
		}
		return nil, fmt.Errorf("--prior-dir %s 中有 %d 个文件都是本部门（%s）%d 年的主输入文件：%s，无法判断带入哪一个，未导入：%s",
			p.Dir, len(same), how, want, priorPaths(same), fix)
	case len(other) > 0:
		var years []string
		for _, f := range other {
			years = append(years, fmt.Sprintf("%s 是 %d 年的", f.path, f.year))
		}
		return nil, fmt.Errorf("--prior-dir %s 中本部门（%s）的主输入文件 %s，而工作簿是 %d 年的，上年文件应为 %d 年的，未导入：请把本部门 %d 年的主输入文件放入 %s",
			p.Dir, how, strings.Join(years, "、"), id.Year, want, want, p.Dir)
	}
	return nil, nil
}

func priorPaths(fs []*priorFile) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.path)
	}
	return strings.Join(out, "、")
}

// PriorUse is what Carrier found for one workbook: the file carried in, or
// the note that none was found (Missing, a finding of severity note).
type PriorUse struct {
	File    string
	Missing *render.Finding
}

// PriorMissingID is the note of a workbook imported with --prior-dir for
// which no file of last year was found.
const PriorMissingID = render.PriorNotFound

// Carrier is the ImportOptions.Amend that carries in last year's file of
// the workbook book's department, found in p (Priors.find) and read as
// import --prior reads it (ReadLastYear, LastYear.Carry), and what it
// found (use, filled in as the import runs). A file that cannot be found
// without guessing, or cannot be carried in, refuses the workbook, naming
// it; none found is no refusal — the workbook is imported as without
// --prior-dir — but a note.
func (p *Priors) Carrier(res *Resources, book string) (amend func(*input.Document, *input.FormatOptions) error, use *PriorUse) {
	use = &PriorUse{}
	amend = func(doc *input.Document, o *input.FormatOptions) error {
		id := Identity{Code: doc.Department.Code.Value, Name: doc.Department.Name.Value, Year: doc.Year}
		f, err := p.find(id)
		if err != nil {
			return input.Errors{{File: book, Msg: err.Error()}}
		}
		if f == nil {
			use.Missing = &render.Finding{ID: PriorMissingID, Severity: render.SeverityNote, File: book,
				Message: fmt.Sprintf("--prior-dir %s 中没有本部门 %d 年的主输入文件（按%s查找），未带入上年的文字、单位类型、项目类别、绩效目标表和上年数：本部门去年公开过的，请把它 %d 年的主输入文件放入 %s（部门编码或名称与工作簿相同）后重新运行；新设的部门不用理会",
					p.Dir, id.Year-1, priorHow(id), id.Year-1, p.Dir)}
			return nil
		}
		if f.problem != "" {
			return input.Errors{{File: book, Msg: fmt.Sprintf("本部门的上年文件 %s 无法读取（%s），未导入：请先改正它（budgetpub check %s），再重新运行", f.path, f.problem, f.path)}}
		}
		ly, err := ReadLastYear(res, f.path)
		if err != nil {
			if IsFault(err) {
				return err
			}
			return input.Errors{{File: book, Msg: "本部门的上年文件不能带入：" + firstLine(err.Error())}}
		}
		if err := ly.Carry(doc, o); err != nil {
			return input.Errors{{File: book, Msg: err.Error()}}
		}
		use.File = f.path
		return nil
	}
	return amend, use
}

// priorHow says what a workbook's last-year file was looked for by.
func priorHow(id Identity) string {
	var by []string
	if c := strings.TrimSpace(id.Code); c != "" {
		by = append(by, "部门编码 "+c)
	}
	if n := strings.TrimSpace(id.Name); n != "" {
		by = append(by, "部门名称“"+n+"”")
	}
	return strings.Join(by, "、")
}

// readWorkbook reads a workbook batch imports, within its limit.
func readWorkbook(path string) ([]byte, error) { return ReadFile(path, importer.MaxBookSize) }

// carriedFingerprint is the 输入指纹 of a workbook imported with last
// year's file carried in: the first 16 hex digits of the SHA-256 of both
// files' SHA-256, so that a reviewer's 通过 is asked again when either
// changes. "" when either cannot be read.
func carriedFingerprint(book, prior string) string {
	h := sha256.New()
	for _, p := range []string{book, prior} {
		data, err := ReadFile(p, maxInputSize)
		if err != nil {
			return ""
		}
		sum := sha256.Sum256(data)
		h.Write(sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
