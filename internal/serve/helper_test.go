package serve_test

import (
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
)

// fixture is a workspace with the sample document "news" (six groups,
// one sentence per language; groups 1 and 4 confirmed, 3 and 6 flagged)
// and its server. The workspace spells nothing (see withoutSpelling).
type fixture struct {
	t   *testing.T
	ws  *workspace.Workspace
	srv *serve.Server
}

func newFixture(t *testing.T, opt serve.Options) *fixture {
	t.Helper()
	ws, err := reviewtest.Workspace(t.TempDir(), "news", reviewtest.OneToOne)
	if err != nil {
		t.Fatal(err)
	}
	ws = withoutSpelling(t, ws)
	opt.App, opt.WS = serve.NewTestApp("test"), ws
	s, err := serve.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, ws: ws, srv: s}
}

// fixtureOn is a fixture for the server of a workspace a test built itself
// (with its own documents and app), rather than the sample "news".
func fixtureOn(t *testing.T, a *app.App, ws *workspace.Workspace) *fixture {
	t.Helper()
	s, err := serve.New(serve.Options{App: a, WS: ws})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, ws: ws, srv: s}
}

// alignStep journals a step of document id as align would (review.done.align),
// one that changes group 6: a step the page's undo and redo leave to the command line.
func (f *fixture) alignStep(id string) {
	f.t.Helper()
	ch, err := document.Begin(f.ws, id)
	if err != nil {
		f.t.Fatal(err)
	}
	a := f.alignment(id)
	a.Groups[5].Status = document.Aligned
	if err := ch.SetAlignment(a); err != nil {
		f.t.Fatal(err)
	}
	if _, err := ch.Commit("review.done.align", nil, time.Time{}); err != nil {
		f.t.Fatal(err)
	}
}

// alignment reads a document's alignment from disk.
func (f *fixture) alignment(id string) *document.Alignment {
	f.t.Helper()
	d, err := document.Open(f.ws, id)
	if err != nil {
		f.t.Fatal(err)
	}
	snap, err := review.Load(d)
	if err != nil {
		f.t.Fatal(err)
	}
	if probs := snap.Verify(); len(probs) > 0 {
		f.t.Fatalf("%s does not verify: %v", id, probs)
	}
	return snap.Alignment
}

// client is a browser: it keeps cookies and talks to the handler in
// process, addressed to loopback.
type client struct {
	t   testing.TB
	h   http.Handler
	jar *cookiejar.Jar
	// header is sent with every request.
	header http.Header
}

func (f *fixture) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: f.t, h: f.srv, jar: jar, header: http.Header{}}
}

var base = &url.URL{Scheme: "http", Host: "127.0.0.1:8750", Path: "/"}

// do sends a request and returns the response with its body read.
func (c *client) do(method, target string, form url.Values) (*http.Response, string) {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	target, _, _ = strings.Cut(target, "#") // a browser keeps the fragment to itself
	r := httptest.NewRequest(method, target, body)
	r.Host = base.Host
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range c.header {
		r.Header[k] = v
	}
	for _, ck := range c.jar.Cookies(base) {
		r.AddCookie(ck)
	}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, r)
	res := w.Result()
	c.jar.SetCookies(base, res.Cookies())
	data, _ := io.ReadAll(res.Body)
	return res, string(data)
}

func (c *client) get(target string) (*http.Response, string) { return c.do("GET", target, nil) }

// follow GETs where a 303 points.
func (c *client) follow(res *http.Response) (*http.Response, string) {
	c.t.Helper()
	if res.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("status %d, want 303", res.StatusCode)
	}
	return c.get(res.Header.Get("Location"))
}

var (
	csrfRe    = regexp.MustCompile(`name="csrf" value="([^"]*)"`)
	versionRe = regexp.MustCompile(`name="version" value="([^"]*)"`)
)

// formKeys returns the CSRF token and the document version a page's forms
// carry.
func formKeys(t testing.TB, page string) (csrf, version string) {
	t.Helper()
	m, v := csrfRe.FindStringSubmatch(page), versionRe.FindStringSubmatch(page)
	if m == nil || v == nil {
		t.Fatalf("page has no edit forms:\n%s", page)
	}
	return m[1], v[1]
}

// post sends an edit of document id as a page's form would.
func (c *client) post(id, csrf, version string, kv ...string) (*http.Response, string) {
	form := url.Values{"csrf": {csrf}, "version": {version}}
	for i := 0; i+1 < len(kv); i += 2 {
		form.Set(kv[i], kv[i+1])
	}
	return c.do("POST", "/doc/"+id+"/edit", form)
}

// text is a page's visible text, roughly: tags dropped, entities decoded.
func text(page string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " "))
}

func mustRequest(t *testing.T, method, target, host string) *http.Request {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	r.Host = host
	return r
}

func record(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// withoutSpelling switches the spelling check of ws off in its
// tilmash.yaml (checks: spelling: enabled: false, as a workspace without
// hunspell's dictionaries would) and returns the workspace opened again.
// The fixtures of the tests that are not about spelling use it: with
// spelling on, their pages started hunspell (a tenth of a second of CPU
// or more a dictionary) for findings none of them looks at. The
// workbench's spelling has tests of its own, on spellWorkspace's
// workspaces; TestConcurrentEditors and TestEditKeepsSnapshot keep it on,
// so that pages spelt by many editors at once and after edits are still
// run.
func withoutSpelling(t *testing.T, ws *workspace.Workspace) *workspace.Workspace {
	t.Helper()
	file := filepath.Join(ws.Root, "tilmash.yaml")
	cfg, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(cfg), "checks:") {
		t.Fatalf("withoutSpelling: %s has checks: already:\n%s", file, cfg)
	}
	if err := os.WriteFile(file, append(cfg, "checks:\n  spelling: {enabled: false}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err = workspace.Open(ws.Root)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Config.Checks.On("spelling") {
		t.Fatal("withoutSpelling: spelling is still on")
	}
	return ws
}
