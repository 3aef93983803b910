package workbench

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/workbook"
)

// upload is one file of a multipart form: its name as the browser gave it
// (shown, never a path) and its bytes.
type upload struct {
	field, name string
	data        []byte
}

// fileKind is what an uploaded file is, by its first bytes.
type fileKind int

const (
	kindYAML   fileKind = iota
	kindBook            // .xlsx (a zip holding xl/workbook.xml)
	kindZip             // another zip: a bureau's bundle
	kindOldXLS          // the old binary .xls
)

// sniff tells an upload's kind from its bytes (and, for a zip, whether it
// is a workbook).
func sniff(data []byte) fileKind {
	switch {
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return kindOldXLS
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			for _, f := range zr.File {
				if f.Name == "xl/workbook.xml" {
					return kindBook
				}
			}
		}
		return kindZip
	}
	return kindYAML
}

// limitFor is the size limit of an upload of that kind.
func limitFor(k fileKind) int64 {
	if k == kindYAML {
		return input.MaxFileSize
	}
	return workbook.MaxBookSize
}

var errMalformed = &httpError{http.StatusBadRequest, "上传的内容不完整或格式不对：请重新选择文件上传"}

// readForm reads a multipart form of at most total bytes: its text fields
// and its files, each file at most perFile bytes (keeping at most maxFiles
// of them). A file over its limit is refused with its name.
func readForm(w http.ResponseWriter, r *http.Request, total, perFile int64, maxFiles int) (map[string]string, []upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, total)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, errMalformed
	}
	fields := map[string]string{}
	var files []upload
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
		b, err := readPart(part, perFile)
		if err != nil {
			if errors.Is(err, errPartTooBig) {
				return nil, nil, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("文件 %s 过大（上限 %d MB）", display, perFile>>20)}
			}
			return nil, nil, tooBig(err, total)
		}
		if len(b) == 0 {
			continue // an empty file input
		}
		if len(files) == maxFiles {
			return nil, nil, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多上传 %d 个文件", maxFiles)}
		}
		files = append(files, upload{field: name, name: display, data: b})
	}
	return fields, files, nil
}

var errPartTooBig = errors.New("part too big")

func readPart(p *multipart.Part, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(p, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, errPartTooBig
	}
	return b, nil
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
// folders; other files are skipped and counted), each read at most to its
// limit whatever the zip says of its size.
func eachInZip(name string, zr *zip.Reader, each func(name string, data []byte) error) (int, error) {
	skipped := 0
	for _, f := range zr.File {
		base := displayName(f.Name, "")
		lower := strings.ToLower(base)
		if f.FileInfo().IsDir() || base == "" || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") ||
			!(strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") || strings.HasSuffix(lower, ".xlsx")) {
			if !f.FileInfo().IsDir() {
				skipped++
			}
			continue
		}
		limit := int64(input.MaxFileSize)
		if strings.HasSuffix(lower, ".xlsx") {
			limit = workbook.MaxBookSize
		}
		rc, err := f.Open()
		if err != nil {
			return 0, &httpError{http.StatusBadRequest, fmt.Sprintf("%s 中的 %s 无法解压：%v", name, base, err)}
		}
		b, err := io.ReadAll(io.LimitReader(rc, limit+1))
		rc.Close()
		if err != nil {
			return 0, &httpError{http.StatusBadRequest, fmt.Sprintf("%s 中的 %s 无法解压：压缩包已损坏", name, base)}
		}
		if int64(len(b)) > limit {
			return 0, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("%s 中的 %s 过大（上限 %d MB）", name, base, limit>>20)}
		}
		if err := each(base, b); err != nil {
			return 0, err
		}
	}
	return skipped, nil
}
