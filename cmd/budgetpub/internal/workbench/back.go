package workbench

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/publish"
)

// A department of a batch opened to be corrected (打开修改) is a workspace
// like any other, which remembers where it came from: its head says so,
// with a button back to the batch; when its text is rendered, or when it
// goes back changed, the batch's department is run again with it, as the
// batch ran it (publish.Batch, the batch's options, into the batch's
// folder), and its row of the review is replaced: status, figures,
// findings, PDF, and the master input the zip holds.

// batchOrigin is the batch's department a workspace was opened from.
type batchOrigin struct {
	batch  string  // the batch's id
	n      int     // the department's number in it, from 1
	name   string  // its name as uploaded
	pushed version // the text the batch last ran
	note   string  // what the last run in the batch came to, for the workspace's head
	ran    bool    // the batch ran a text of this workspace
}

// fromView is the workspace's head's line of its batch.
type fromView struct {
	Batch, Name, Note string
	N                 int
	Changed           bool // the text is not the one the batch ran
}

// batchOpen opens one department of the batch in a workspace of its own,
// to correct it, with the batch's options; the browser's workspace already
// opened for it, when there is one.
func (s *Server) batchOpen(w http.ResponseWriter, r *http.Request, sp *space) {
	form, err := postForm(w, r, maxFormBytes)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	b := sp.batch
	b.mu.Lock()
	n := len(b.names)
	var name string
	i := -1
	if k, err := fmt.Sscanf(form.Get("n"), "%d", &i); err != nil || k != 1 || i < 1 || i > n {
		i = -1
	} else {
		name = b.names[i-1]
	}
	opts := s.cfg.Options
	opts.Strict, opts.OpenData = b.opts.Strict, b.opts.OpenData
	b.mu.Unlock()
	if i < 0 {
		s.fail(w, r, http.StatusBadRequest, "没有这个部门")
		return
	}
	for _, o := range s.spaces.mine(client(r)) {
		o.mu.Lock()
		same := o.from != nil && o.from.batch == sp.id && o.from.n == i
		o.mu.Unlock()
		if same {
			http.Redirect(w, r, workspaceRoute+o.id+"/", http.StatusSeeOther)
			return
		}
	}
	text, err := sp.readFile(filepath.Join("in", fmt.Sprintf("%04d.yaml", i)))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "这个部门的工作簿没能导入，无法打开：请按它的问题改正工作簿后重新上传")
		return
	}
	var notes []string
	if t, enc, err := input.ToUTF8(name, text); err == nil {
		if enc != input.EncodingUTF8 {
			notes = append(notes, fmt.Sprintf("%s 按 %s 编码读取，工作台中保存和下载的主输入文件为 UTF-8 编码", name, enc))
		}
		text = t
	}
	from := &batchOrigin{batch: sp.id, n: i, name: name, pushed: versionOf(text)}
	s.openFrom(w, r, trimExt(name)+".yaml", text, input.FormatOptions{}, notes, from, &opts)
}

// errBatchGone: the batch a workspace came from is closed.
var errBatchGone = errors.New("那批文件已关闭，或因长时间未使用已被清除：请下载这个部门的主输入文件，在“财政部门批量处理”页重新上传")

// pushToBatch runs the batch's department again with the workspace's text
// (of version ver), when the workspace was opened from a batch and the
// batch did not run this text yet, and replaces its row of the review.
// What came of it is noted for the workspace's head.
func (s *Server) pushToBatch(ctx context.Context, r *http.Request, sp *space, text []byte, ver version) error {
	sp.mu.Lock()
	var from batchOrigin
	if sp.from != nil {
		from = *sp.from
	}
	sp.mu.Unlock()
	if from.batch == "" || from.pushed == ver {
		return nil
	}
	row, err := s.runAgain(ctx, r, from, text)
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.from == nil {
		return err
	}
	if err != nil {
		sp.from.note = "批量处理中的这个部门没有更新：" + err.Error()
		return err
	}
	sp.from.pushed, sp.from.ran = ver, true
	sp.from.note = fmt.Sprintf("已于 %s 按修改后的内容重新处理，批量处理结果中它现在是“%s”。", time.Now().Format("15:04"), row.Status())
	return nil
}

// runAgain runs department from.n of the batch again with text and puts
// its row in place.
func (s *Server) runAgain(ctx context.Context, r *http.Request, from batchOrigin, text []byte) (publish.Row, error) {
	bs := s.spaces.get(from.batch, client(r))
	if bs == nil || bs.batch == nil {
		if bs != nil {
			bs.release()
		}
		return publish.Row{}, errBatchGone
	}
	defer bs.release()
	b := bs.batch
	b.rerun.Lock()
	defer b.rerun.Unlock()
	b.mu.Lock()
	ready := !b.active && !b.queued && b.rows != nil && from.n >= 1 && from.n <= len(b.rows)
	b.mu.Unlock()
	if !ready {
		return publish.Row{}, &httpError{http.StatusConflict, "这批文件还在处理中：请等处理结束后再点“返回批量处理”，修改才会带回批量处理"}
	}
	name := filepath.Join("in", fmt.Sprintf("%04d.yaml", from.n))
	if err := bs.writeFile(name, text); err != nil {
		return publish.Row{}, fmt.Errorf("无法保存到批量处理中：%s", publish.OSCause(err))
	}
	var rows []publish.Row
	o := s.batchRunOptions(bs, 1)
	if err := s.work(ctx, func() { rows = publish.Batch(context.Background(), s.cfg.Resources, []string{bs.path(name)}, o, nil) }); err != nil {
		return publish.Row{}, err
	}
	b.mu.Lock()
	rs := append([]publish.Row(nil), b.rows...)
	rs[from.n-1] = rows[0]
	ed := make([]bool, len(rs))
	copy(ed, b.edited)
	ed[from.n-1] = true
	b.rows, b.edited = rs, ed
	b.mu.Unlock()
	if err := s.makeReview(bs); err != nil {
		s.logf("批量处理的汇总表：%v", err)
	}
	return rows[0], nil
}

// backToBatch goes back to the batch the workspace was opened from,
// running its department again first when the text changed since the
// batch ran it; the batch's page says what came of it, at its row.
func (s *Server) backToBatch(w http.ResponseWriter, r *http.Request, sp *space) {
	if _, err := postForm(w, r, maxFormBytes); err != nil {
		s.failErr(w, r, err)
		return
	}
	sp.mu.Lock()
	var from batchOrigin
	if sp.from != nil {
		from = *sp.from
	}
	sp.mu.Unlock()
	if from.batch == "" {
		s.fail(w, r, http.StatusNotFound, "这个工作区不是从批量处理打开的")
		return
	}
	text, ver, err := sp.text()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.pushToBatch(r.Context(), r, sp, text, ver); err != nil {
		s.failTo(w, r, statusOf(err), "没有返回批量处理："+err.Error(), workspaceRoute+sp.id+"/", "回到这个部门")
		return
	}
	to := fmt.Sprintf("/b/%s/", from.batch)
	sp.mu.Lock()
	ran := sp.from != nil && sp.from.ran
	sp.mu.Unlock()
	if ran {
		to += fmt.Sprintf("?updated=%d", from.n)
	}
	http.Redirect(w, r, to+fmt.Sprintf("#d-%d", from.n), http.StatusSeeOther)
}

// statusOf is an error's status: an httpError's own, 410 for a batch gone,
// 503 when busy, else 500.
func statusOf(err error) int {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status
	case err == errBatchGone:
		return http.StatusGone
	case err == errBusy:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
