package workbench

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/importer"
	"github.com/budgetpub/budgetpub/render/publish"
)

// upload is one file of a multipart form: its name as the browser gave it
// (shown, never a path), its kind, and the file it was streamed into (in
// the request's own temporary folder); its bytes are read by load, when
// needed (under a worker).
type upload struct {
	field, name string
	kind        fileKind
	path        string
	data        []byte
}

// load reads the upload's bytes into data.
func (u *upload) load() error {
	if u.data != nil {
		return nil
	}
	b, err := os.ReadFile(u.path)
	if err != nil {
		return fmt.Errorf("无法读取上传的文件 %s：%w", u.name, err)
	}
	u.data = b
	return nil
}

// fileKind is what an uploaded file is, by its first bytes.
type fileKind int

const (
	kindYAML   fileKind = iota
	kindBook            // .xlsx (a zip holding xl/workbook.xml)
	kindZip             // another zip: a bureau's bundle
	kindOldXLS          // the old binary .xls
)

// kindOf tells an upload's kind from its first bytes: a zip is kindZip
// until isWorkbook finds it holds a workbook.
func kindOf(head []byte) fileKind {
	switch {
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0")):
		return kindOldXLS
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return kindZip
	}
	return kindYAML
}

// isWorkbook reports whether the zip at path is a workbook.
func isWorkbook(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// limitFor is the size limit of an upload of that kind.
func limitFor(k fileKind) int64 {
	if k == kindYAML {
		return input.MaxFileSize
	}
	return importer.MaxBookSize
}

// fileError is a problem of one uploaded file (too big, an old .xls):
// the start page shows it among the file's problems.
type fileError struct{ httpError }

func (e *fileError) Unwrap() error { return &e.httpError }

func tooBigFile(name string, limit int64) error {
	return &fileError{httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("%s 过大（上限 %d MB）：请确认选对了文件", name, limit>>20)}}
}

func oldXLS(name string) error {
	return &fileError{httpError{http.StatusBadRequest, name + " 是旧格式的 .xls 工作簿：请用 Excel 或 WPS 打开，“另存为” Excel 工作簿（.xlsx）后再上传"}}
}

var errMalformed = &httpError{http.StatusBadRequest, "上传的内容不完整或格式不对：请重新选择文件上传"}

// peekKind is the kind of the file a part brings, from its first bytes,
// and a reader of the whole part.
func peekKind(part io.Reader) (fileKind, io.Reader) {
	br := bufio.NewReaderSize(part, 512)
	head, _ := br.Peek(8)
	return kindOf(head), br
}

// copyLimited streams src into a new file dst, at most limit bytes: over
// it, dst is removed and over is true.
func copyLimited(dst string, src io.Reader, limit int64) (n int64, over bool, err error) {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, false, err
	}
	n, err = io.Copy(f, io.LimitReader(src, limit+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil || n > limit {
		_ = os.Remove(dst)
	}
	return n, n > limit, err
}

// uploading takes one of the upload slots (2 × Workers: every upload
// streams to disk, and is bounded in number so that the disk it takes is
// too), waiting for one at most s.wait; release it when done.
func (s *Server) uploading(r *http.Request) (release func(), err error) {
	t := time.NewTimer(s.wait)
	defer t.Stop()
	select {
	case s.uploads <- struct{}{}:
		return func() { <-s.uploads }, nil
	case <-r.Context().Done():
		return nil, r.Context().Err()
	case <-t.C:
		return nil, &httpError{http.StatusServiceUnavailable, fmt.Sprintf("服务器正忙：同时上传的文件已满（最多 %d 个），请稍后再试", cap(s.uploads))}
	}
}

// readForm reads a multipart form of at most total bytes, holding an
// upload slot: its text fields, and its files (at most maxFiles), each
// streamed into a temporary folder of the request under its kind's limit,
// the kind known from its first bytes, so that no file is read beyond it
// and none is held in memory. done releases the slot and removes the
// folder. An old .xls is refused at its first bytes.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request, total int64, maxFiles int) (fields map[string]string, files []*upload, done func(), err error) {
	release, err := s.uploading(r)
	if err != nil {
		return nil, nil, nil, err
	}
	dir, err := os.MkdirTemp(s.cfg.Root, "up-")
	if err != nil {
		release()
		return nil, nil, nil, err
	}
	done = func() {
		_ = os.RemoveAll(dir)
		release()
	}
	fields, files, err = readParts(w, r, dir, total, maxFiles)
	if err != nil {
		done()
		return nil, nil, nil, err
	}
	return fields, files, done, nil
}

func readParts(w http.ResponseWriter, r *http.Request, dir string, total int64, maxFiles int) (map[string]string, []*upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, total)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, errMalformed
	}
	fields := map[string]string{}
	var files []*upload
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, tooBig(err, total)
		}
		name := part.FormName()
		if part.FileName() == "" {
			b, err := io.ReadAll(io.LimitReader(part, maxFormBytes+1))
			if err != nil {
				return nil, nil, tooBig(err, total)
			}
			if len(b) > maxFormBytes {
				return nil, nil, &httpError{http.StatusRequestEntityTooLarge, "表单中的文字过长"}
			}
			fields[name] = string(b)
			continue
		}
		display := displayName(part.FileName(), "上传的文件")
		kind, body := peekKind(part)
		if kind == kindOldXLS {
			return nil, nil, oldXLS(display)
		}
		u := &upload{field: name, name: display, kind: kind, path: filepath.Join(dir, fmt.Sprintf("%d", len(files)+1))}
		n, over, err := copyLimited(u.path, body, limitFor(kind))
		switch {
		case err != nil:
			return nil, nil, tooBig(err, total)
		case over:
			return nil, nil, tooBigFile(display, limitFor(kind))
		case n == 0:
			_ = os.Remove(u.path)
			continue // an empty file input
		case len(files) == maxFiles:
			return nil, nil, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多上传 %d 个文件", maxFiles)}
		}
		if kind == kindZip && isWorkbook(u.path) {
			u.kind = kindBook
		}
		files = append(files, u)
	}
	return fields, files, nil
}

// tooBig is the error of a body that could not be read: over the request's
// limit, or cut off.
func tooBig(err error, total int64) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("上传的内容过大（上限 %d MB）", total>>20)}
	}
	return errMalformed
}

// eachInZip calls each with the master inputs and workbooks of a zip (any
// folders), by their names as the zip's maker meant them (entryName: GBK
// too); every other file is skip'ed, with batch's reason and fix, except
// hidden files and Office lock files, not mentioned. each gets the entry's
// name and a function writing the entry into a file, at most to its limit
// whatever the zip says of its size.
func eachInZip(name string, zr *zip.Reader, each func(entry string, book bool, write func(dst string) error) error, skip func(path, reason string)) error {
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		path := entryPath(entryName(&f.FileHeader))
		base := displayName(path, "")
		if base == "" || hiddenPath(path) {
			continue
		}
		reason, ignore := publish.SkipReason(base)
		switch {
		case ignore:
			continue
		case reason != "":
			skip(name+"/"+path, kindWord(base)+reason)
			continue
		}
		book := strings.HasSuffix(strings.ToLower(base), ".xlsx")
		limit := int64(input.MaxFileSize)
		if book {
			limit = importer.MaxBookSize
		}
		write := func(dst string) error {
			rc, err := f.Open()
			if err != nil {
				return &httpError{http.StatusBadRequest, fmt.Sprintf("%s 中的 %s 无法解压：%v", name, path, err)}
			}
			defer rc.Close()
			_, over, err := copyLimited(dst, rc, limit)
			switch {
			case over:
				return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("%s 中的 %s 过大（上限 %d MB）", name, path, limit>>20)}
			case err != nil:
				return &httpError{http.StatusBadRequest, fmt.Sprintf("%s 中的 %s 无法解压：压缩包已损坏", name, path)}
			}
			return nil
		}
		if err := each(base, book, write); err != nil {
			return err
		}
	}
	return nil
}

// entryPath is a zip entry's path as shown: its folders and name, each
// cleaned as an uploaded name is (displayName), joined by /; nothing of it
// is ever used as a path.
func entryPath(name string) string {
	var parts []string
	for _, p := range strings.Split(strings.ReplaceAll(name, "\\", "/"), "/") {
		if p = displayName(p, ""); p != "" && p != "." && p != ".." {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "/")
}

// hiddenPath tells whether a zip entry is in a hidden folder (a Mac's
// __MACOSX, .git …): never mentioned, as batch ignores them.
func hiddenPath(path string) bool {
	parts := strings.Split(path, "/")
	for _, p := range parts[:len(parts)-1] {
		if strings.HasPrefix(p, ".") || p == "__MACOSX" {
			return true
		}
	}
	return false
}

// kindWord says what a skipped archive is before batch's reason: the
// page reads a zip's files, not those of a zip in it or of another
// archive (batch names documents and other spreadsheets itself).
func kindWord(name string) string {
	lower := strings.ToLower(name)
	for _, k := range []struct{ ext, word string }{
		{".zip", "压缩包中的压缩包（不再展开，请解压后上传）"}, {".rar", "RAR 压缩包（只能读取 zip：请解压后上传，或重新压缩为 zip）"},
		{".7z", "7z 压缩包（只能读取 zip：请解压后上传，或重新压缩为 zip）"},
	} {
		if strings.HasSuffix(lower, k.ext) {
			return k.word + "："
		}
	}
	return ""
}
