package serve

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// The cookies of the workbench. All are HttpOnly and SameSite=Strict: a
// page of another site can neither read them nor make the browser send
// them.
const (
	tokenCookie   = "tilmash_token"
	sessionCookie = "tilmash_session"
	langCookie    = "tilmash_lang"
)

// csp allows the page's own stylesheet and script and nothing else: no
// inline script or style, no frames, no form posted elsewhere.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

type ctxKey int

const (
	ctxLang ctxKey = iota
	ctxSession
)

// guard runs before every handler: it sets the security headers, refuses
// a request for a host that is not this server (DNS rebinding), checks the
// token, and settles the session and the UI language.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		lang := s.chooseLang(w, r)
		ctx := context.WithValue(r.Context(), ctxLang, lang)
		r = r.WithContext(ctx)
		if s.opt.Token == "" && !loopbackHost(hostOf(r.Host)) {
			// Without a token the server trusts whoever can reach
			// loopback, so it answers only a request addressed to
			// loopback: a site that rebinds its name to 127.0.0.1 gets
			// nothing.
			s.fail(w, r, http.StatusMisdirectedRequest, "serve.error.host", map[string]any{"Host": r.Host})
			return
		}
		if s.opt.Token != "" {
			if q := r.URL.Query().Get("token"); q != "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) && s.tokenOK(q) {
				// The token comes once in the URL the command printed;
				// it moves into a cookie and out of the address bar and
				// the history.
				http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: q, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
				u := *r.URL
				qs := u.Query()
				qs.Del("token")
				u.RawQuery = qs.Encode()
				http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
			if !s.authorized(r) {
				s.fail(w, r, http.StatusUnauthorized, "serve.error.token", nil)
				return
			}
		}
		sess := ""
		if c, err := r.Cookie(sessionCookie); err == nil && validSession(c.Value) {
			sess = c.Value
		} else if r.Method == http.MethodGet {
			sess = newSession()
			http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: sess, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, ctxSession, sess)))
	})
}

func hostOf(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return strings.Trim(h, "[]")
	}
	return strings.Trim(hostport, "[]")
}

// tokenOK compares a token with the server's in constant time (of their
// hashes, so the length does not show either).
func (s *Server) tokenOK(t string) bool {
	a := sha256.Sum256([]byte(t))
	b := sha256.Sum256([]byte(s.opt.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// authorized: the token cookie, or an Authorization: Bearer header for a
// script.
func (s *Server) authorized(r *http.Request) bool {
	if c, err := r.Cookie(tokenCookie); err == nil && s.tokenOK(c.Value) {
		return true
	}
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && s.tokenOK(t) {
		return true
	}
	return false
}

func newSession() string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func validSession(v string) bool {
	b, err := base64.RawURLEncoding.DecodeString(v)
	return err == nil && len(b) == 24
}

// csrfToken is the form token of a session: an HMAC of the session id
// with the server's key. A page of another site can neither read the
// session cookie nor compute the token.
func (s *Server) csrfToken(session string) string {
	if session == "" {
		return ""
	}
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("csrf\x00" + session))
	return hex.EncodeToString(m.Sum(nil))
}

// csrfOK checks a POST: its session, its form token, and that the browser
// does not say it comes from another site.
func (s *Server) csrfOK(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return false
	}
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host {
			return false
		}
	}
	sess, _ := r.Context().Value(ctxSession).(string)
	want := s.csrfToken(sess)
	got := r.PostFormValue("csrf")
	return want != "" && hmac.Equal([]byte(got), []byte(want))
}

// sameOrigin says the browser sent r from a page of this server: the
// Sec-Fetch-Site header a page cannot set, or, from a browser without it,
// an Origin of this host. A forged form from another site is neither.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin"
	}
	o := r.Header.Get("Origin")
	if o == "" || o == "null" {
		return false
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// chooseLang picks the UI language: ?lang= (remembered in a cookie), the
// cookie, then Accept-Language, then the server's own (Options.UILang).
func (s *Server) chooseLang(w http.ResponseWriter, r *http.Request) string {
	if q := r.URL.Query().Get("lang"); q != "" {
		if l, ok := knownLang(q); ok {
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 365 * 24 * 3600})
			return l
		}
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := knownLang(c.Value); ok {
			return l
		}
	}
	return acceptLanguage(r.Header.Get("Accept-Language"), s.opt.UILang)
}
