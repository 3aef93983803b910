package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
)

// StaleFolder is where a batch moves the previous files of a department it
// could not render this time, so that they are not taken for this year's.
const StaleFolder = "未更新的旧文件"

// moveAside moves a department's previous files (every kind of
// deptfiles.All: its workbook, PDF, open data and HTML edition — never the
// kit's index.html), if any — the files of its output name name (Plan) in dir —, into
// the output folder's StaleFolder (in the subfolder of the name's, with
// --keep-folders), and returns that folder ("" when there was nothing to
// move). The StaleFolder must be a real folder of dir: one that is a link
// (or a file) is refused, never followed, and nothing is moved; every move
// goes through an os.Root of dir, so nothing is ever moved out of it.
func moveAside(dir, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	sub, stem := path.Split(name)
	sub = strings.TrimSuffix(sub, "/")
	folder := filepath.Join(dir, filepath.FromSlash(sub))
	in, err := pairwrite.OpenFolder(dir, sub, false)
	if err != nil {
		return "", nil // no folder, nothing to move
	}
	defer in.Close()
	stale := path.Join(StaleFolder, sub)
	moved := false
	err = pairwrite.WithFolderLock(folder, in, func() error {
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil
		}
		defer root.Close()
		for _, k := range deptfiles.All() {
			from := k.Name(stem)
			if sub == "" && strings.EqualFold(from, SiteFile) {
				continue // the publishing kit's page, not a department's
			}
			if fi, err := in.Lstat(from); err != nil || !fi.Mode().IsRegular() {
				continue
			}
			fi, err := root.Lstat(StaleFolder)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				if err := root.Mkdir(StaleFolder, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
					return fmt.Errorf("无法创建 %s：%s", filepath.Join(dir, StaleFolder), pairwrite.OSCause(err))
				}
			case err != nil:
				return fmt.Errorf("无法使用 %s：%s", filepath.Join(dir, StaleFolder), pairwrite.OSCause(err))
			case !fi.IsDir():
				return fmt.Errorf("%s 不是一个普通文件夹（是链接或文件），上次生成的文件未移入：请删去它后重新运行", filepath.Join(dir, StaleFolder))
			}
			if sub != "" {
				if err := root.MkdirAll(filepath.FromSlash(stale), 0o755); err != nil {
					return fmt.Errorf("无法创建 %s：%s", filepath.Join(dir, filepath.FromSlash(stale)), pairwrite.OSCause(err))
				}
			}
			if err := root.Rename(filepath.FromSlash(path.Join(sub, from)), filepath.FromSlash(path.Join(stale, from))); err != nil {
				return fmt.Errorf("无法把 %s 移入 %s：%s", filepath.Join(folder, from), filepath.Join(dir, filepath.FromSlash(stale)), pairwrite.OSCause(err))
			}
			moved = true
		}
		return nil
	})
	if !moved {
		return "", err
	}
	return filepath.Join(dir, filepath.FromSlash(stale)), err
}

// setAside moves the row's previous files aside (moveAside) and says
// where, or why they could not be.
func setAside(row Row, dir string) Row {
	if row.out == "" {
		row.Problem += "；它的输出文件名（--name）无法由文件得出，上次生成的文件（如有）未能移入 " + StaleFolder + "：请自行移走"
		return row
	}
	moved, err := moveAside(dir, row.out)
	row.MovedTo = moved
	if err != nil {
		row.Problem += "；上次生成的文件未能移走：" + err.Error()
	}
	return row
}
