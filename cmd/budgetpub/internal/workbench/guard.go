package workbench

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// guard wraps every request: a fault becomes a Chinese page (never a stack
// trace), the response headers forbid framing by others, sniffing and
// caching, the Host must be a loopback name when the server is on loopback,
// the access token must come with every request when one is set, every
// browser gets its random id, and every POST must carry the CSRF token of
// that id and come from this origin.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.logf("内部错误：%s %s：%v", r.Method, r.URL.Path, p)
				s.fail(w, r, http.StatusInternalServerError, "工作台内部出错，这一步没有完成：请重试；如果再次出现，请把这一步的操作告诉维护人员")
			}
		}()
		h := w.Header()
		h.Set("Content-Security-Policy", contentPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if s.cfg.Loopback && !loopbackHost(r.Host) {
			s.logf("拒绝：Host %q 不是本机地址", r.Host)
			s.fail(w, r, http.StatusForbidden, "工作台只接受本机地址（127.0.0.1 或 localhost）的访问")
			return
		}
		if s.cfg.Token != "" && !s.tokenOK(w, r) {
			return
		}
		if !s.clientOK(w, r) {
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.csrfOK(w, r) {
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// tokenOK checks the access token: in the Authorization header, in the
// cookie, or in ?token= (then the cookie is set and the browser sent to the
// same address without the token, so it is not left in the history).
func (s *Server) tokenOK(w http.ResponseWriter, r *http.Request) bool {
	given := ""
	if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") {
		given = strings.TrimPrefix(a, "Bearer ")
	} else if c, err := r.Cookie(tokenCookie); err == nil {
		given = c.Value
	}
	if q := r.URL.Query().Get("token"); q != "" && r.Method == http.MethodGet {
		if !sameSecret(q, s.cfg.Token) {
			s.refuseToken(w, r)
			return false
		}
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: q, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		u := *r.URL
		v := u.Query()
		v.Del("token")
		u.RawQuery = v.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	if !sameSecret(given, s.cfg.Token) {
		s.refuseToken(w, r)
		return false
	}
	return true
}

func (s *Server) refuseToken(w http.ResponseWriter, r *http.Request) {
	s.logf("拒绝：%s %s 没有正确的访问令牌", r.Method, r.URL.Path)
	s.fail(w, r, http.StatusUnauthorized, "需要访问令牌：请使用启动工作台时显示的完整地址（带 ?token=…）打开")
}

func sameSecret(a, b string) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// clientOK gives a browser without one its random id (a cookie): workspaces
// belong to it and the CSRF token is made from it.
func (s *Server) clientOK(w http.ResponseWriter, r *http.Request) bool {
	if c, err := r.Cookie(sessionCookie); err == nil && validID(c.Value) {
		return true
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.fail(w, r, http.StatusForbidden, "浏览器没有带上工作台的 Cookie：请允许本站点使用 Cookie，然后从首页重新开始")
		return false
	}
	id := newID()
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: id}) // for this request's own pages
	return true
}

// client is the request's browser id (set by clientOK).
func client(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// csrfToken is the token the forms of a browser carry.
func (s *Server) csrfToken(r *http.Request) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(client(r)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// csrfOK checks a POST: from this origin (when the browser says), with the
// token of the browser's id in the header, the address (multipart forms
// carry it in their action) or an urlencoded form's csrf field. Only in the
// last case is the body read here, and then parsed whole, so the handler's
// postForm finds it parsed; otherwise the body is left to the handler.
func (s *Server) csrfOK(w http.ResponseWriter, r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || !strings.EqualFold(u.Host, r.Host) {
			s.logf("拒绝：来自 %q 的 %s %s", o, r.Method, r.URL.Path)
			s.fail(w, r, http.StatusForbidden, "拒绝来自其他网站的提交")
			return false
		}
	}
	given := r.Header.Get(csrfHeader)
	if given == "" {
		given = r.URL.Query().Get(csrfField) // multipart forms carry it in their action
	}
	if given == "" && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			s.fail(w, r, http.StatusBadRequest, "提交的表单过大或不完整：请重新填写后提交")
			return false
		}
		given = r.PostForm.Get(csrfField)
	}
	if !sameSecret(given, s.csrfToken(r)) {
		s.logf("拒绝：%s %s 的表单令牌不对", r.Method, r.URL.Path)
		s.fail(w, r, http.StatusForbidden, "表单已过期或不是从工作台页面提交的：请刷新页面后重新提交")
		return false
	}
	return true
}

// newID is a random id of 128 bits, URL-safe.
func newID() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// validID is an id newID could have made.
func validID(s string) bool {
	if len(s) != 22 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
