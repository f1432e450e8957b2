package serve

import (
	"bytes"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/text/language"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
)

// uiLang is a language of the interface, named in itself for the switch.
type uiLang struct{ Code, Name string }

var uiLangs = []uiLang{{"en", "English"}, {"ru", "Русский"}, {"kk", "Қазақша"}}

func knownLang(v string) (string, bool) {
	for _, l := range uiLangs {
		if l.Code == v {
			return v, true
		}
	}
	return "", false
}

// langMatcher is built on first use, not at every start of tilmash.
var langMatcher = lazy.Value[language.Matcher]{New: func() language.Matcher { return language.NewMatcher(locale.Supported()) }}

// acceptLanguage picks en, ru or kk from an Accept-Language header,
// fallback when nothing matches.
func acceptLanguage(h, fallback string) string {
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return fallback
	}
	_, i, conf := langMatcher.Get().Match(tags...)
	if conf == language.No {
		return fallback
	}
	base, _ := locale.Supported()[i].Base()
	return base.String()
}

// templateIDs are the catalogue ids the templates name ({{.T "id"}}). They
// are listed here, in Go, so that the catalogue test counts them as used;
// TestTemplateIDs checks that this list and the templates agree.
var templateIDs = []string{
	"serve.words.add", "serve.words.add.title",
	"check.severity.error", "check.severity.warning", "review.edge-first", "review.edge-last",
	"serve.doc.already-confirmed", "serve.doc.confirm", "serve.doc.edit", "serve.doc.findings-link", "serve.doc.first", "serve.doc.go",
	"serve.doc.goto", "serve.doc.group", "serve.doc.keys", "serve.doc.last", "serve.doc.merge", "serve.doc.no-sentence",
	"serve.doc.move-next", "serve.doc.move-prev", "serve.doc.next", "serve.doc.note", "serve.doc.note-save",
	"serve.doc.prev", "serve.doc.range", "serve.doc.redo", "serve.doc.range-confirm", "serve.doc.range-unconfirm",
	"serve.doc.score", "serve.doc.sentence", "serve.doc.split", "serve.doc.unconfirm", "serve.doc.undo",
	"serve.cc.any-lang", "serve.cc.heading", "serve.cc.lang", "serve.cc.no-memory", "serve.cc.search",
	"serve.findings.back", "serve.findings.check", "serve.findings.checks", "serve.findings.entry",
	"serve.findings.flagged", "serve.findings.lang", "serve.findings.severity", "serve.findings.none", "serve.findings.what", "serve.gl.extra", "serve.gl.find",
	"serve.gl.forbidden", "serve.gl.forms", "serve.gl.generated", "serve.gl.heading", "serve.gl.id",
	"serve.gl.add.heading", "serve.gl.add.id", "check.add.flag.id", "serve.gl.add.intro", "serve.gl.add.kind", "serve.gl.add.one-a-line", "serve.gl.add.submit", "serve.gl.add.term",
	"serve.gl.empty", "serve.gl.empty.hint", "serve.gl.more", "serve.gl.near", "serve.gl.none", "serve.gl.note", "serve.gl.problems", "serve.gl.search",
	"serve.gl.variants", "serve.legend.check", "serve.legend.finding", "serve.legend.flagged", "serve.legend.term",
	"serve.nav.concordance", "serve.nav.glossary", "serve.nav.lang", "serve.nav.workspace", "serve.title",
	"serve.ws.alignment", "serve.ws.document", "serve.ws.findings", "serve.ws.heading", "serve.ws.none",
	"serve.ws.not-aligned", "serve.ws.not-imported", "serve.ws.stale", "serve.ws.unchecked", "serve.ws.words",
	"tm.confirmed", "tm.search.found", "tm.search.none", "tm.unconfirmed",
}

// pageSet holds the parsed templates, one set per page, each with the
// layout.
type pageSet struct{ pages map[string]*template.Template }

func parsePages() (*pageSet, error) {
	layout, err := fs.ReadFile(assets, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	ps := &pageSet{pages: map[string]*template.Template{}}
	files, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		body, err := fs.ReadFile(assets, f)
		if err != nil {
			return nil, err
		}
		t, err := template.New("layout").Parse(string(layout))
		if err == nil {
			_, err = t.New(name).Parse(string(body))
		}
		if err != nil {
			return nil, err
		}
		ps.pages[name] = t
	}
	return ps, nil
}

// base is what every page's layout shows.
type base struct {
	loc     *locale.Localizer
	memo    map[string]string // T of ids without values: a page names each many times
	Lang    string
	Title   string
	Page    string // the page's template name, for the script
	UILangs []langLink
	Notes   []note
	CSRF    string
	// draft is what the change this page answers carried, when it was
	// refused (see flash).
	draft *draft
}

type langLink struct {
	Code, Name, URL string
	Current         bool
}

// T renders catalogue message id; kv are its values as name, value pairs.
// A Count value picks the plural form.
func (b *base) T(id string, kv ...any) string {
	if len(kv) == 0 {
		if s, ok := b.memo[id]; ok {
			return s
		}
		if b.memo == nil {
			b.memo = map[string]string{}
		}
		b.memo[id] = b.loc.Text(id, nil)
		return b.memo[id]
	}
	var data map[string]any
	if len(kv) > 0 {
		data = map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			if k, ok := kv[i].(string); ok {
				data[k] = kv[i+1]
			}
		}
	}
	return b.loc.Text(id, data)
}

// newBase starts the layout of page for r.
func (s *Server) newBase(r *http.Request, page, title string) base {
	lang, _ := r.Context().Value(ctxLang).(string)
	if lang == "" {
		lang = "en"
	}
	sess, _ := r.Context().Value(ctxSession).(string)
	b := base{loc: s.locs[lang], Lang: lang, Title: title, Page: page, CSRF: s.csrfToken(sess)}
	for _, l := range uiLangs {
		u := url.URL{Path: r.URL.Path}
		q := r.URL.Query()
		q.Del("m")
		q.Set("lang", l.Code)
		u.RawQuery = q.Encode()
		b.UILangs = append(b.UILangs, langLink{Code: l.Code, Name: l.Name, URL: u.RequestURI(), Current: l.Code == lang})
	}
	f := s.takeFlash(r.URL.Query().Get("m"))
	b.Notes, b.draft = f.Notes, f.Draft
	return b
}

// render writes page with data, status code status. The page is rendered
// into memory first, so a template error never sends half a page.
func (s *Server) render(w http.ResponseWriter, status int, page string, data any) {
	var buf bytes.Buffer
	t := s.pages.pages[page]
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		http.Error(w, "template: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorPage is the page of a refused or failed request.
type errorPage struct {
	base
	Message, Hint  string
	Link, LinkText string
	// Note says more of the state the error is about: the findings
	// of a document not aligned yet.
	Note string
}

// fail answers with an error page: the catalogue message id and a link
// back to the workspace.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, id string, data map[string]any) {
	b := s.newBase(r, "error", "")
	b.Title = b.loc.Text("serve.error.heading", nil)
	p := &errorPage{base: b, Message: b.loc.Text(id, data), Link: "/", LinkText: b.loc.Text("serve.error.back", nil)}
	s.answerError(w, r, status, p)
}

// answerError sends an error page, or for a JSON address
// (/doc/ID/findings.json) the same message as JSON, {"error", "hint"}:
// a script that asks for JSON is not given an HTML page to parse.
func (s *Server) answerError(w http.ResponseWriter, r *http.Request, status int, p *errorPage) {
	if !strings.HasSuffix(r.URL.Path, ".json") {
		s.render(w, status, "error", p)
		return
	}
	data, err := json.Marshal(struct {
		Error string `json:"error"`
		Hint  string `json:"hint,omitempty"`
	}{p.Message, p.Hint})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(data, '\n'))
}

// failErr answers with an error page for err, localized when it names a
// catalogue message.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, status int, err error) {
	s.answerError(w, r, status, s.errPage(r, err))
}

// errPage is the error page of failErr, for a caller to add a Note to.
func (s *Server) errPage(r *http.Request, err error) *errorPage {
	b := s.newBase(r, "error", "")
	b.Title = b.loc.Text("serve.error.heading", nil)
	msg, hint, _ := b.loc.Explain(err)
	return &errorPage{base: b, Message: msg, Hint: hint, Link: "/", LinkText: b.loc.Text("serve.error.back", nil)}
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	b := s.newBase(r, "error", "")
	// Not "Not done": nothing was asked to be done.
	b.Title = b.loc.Text("serve.error.not-found-heading", nil)
	p := &errorPage{base: b, Message: b.loc.Text("serve.error.not-found", nil), Link: "/", LinkText: b.loc.Text("serve.error.back", nil)}
	s.answerError(w, r, http.StatusNotFound, p)
}

// unrouted answers a request no route of mux took: 405 with the methods
// the page takes (Allow) when it is a page asked with another method (PUT
// or DELETE on a document), else 404. The catch-all route that renders the
// localized 404 page matches every method, so mux's own 405 never comes.
func (s *Server) unrouted(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range [...]string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); m != r.Method && pattern != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) == 0 {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	s.fail(w, r, http.StatusMethodNotAllowed, "serve.error.method", map[string]any{"Method": r.Method, "Allow": strings.Join(allow, ", ")})
}

// static serves the embedded stylesheet and script, and nothing else.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	var ctype string
	switch name {
	case "workbench.css":
		ctype = "text/css; charset=utf-8"
	case "workbench.js":
		ctype = "text/javascript; charset=utf-8"
	default:
		s.notFound(w, r)
		return
	}
	data, err := fs.ReadFile(assets, "static/"+name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(data)
}
