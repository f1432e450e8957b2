package serve_test

import (
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/locales"
)

func TestRoutes(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for _, tc := range []struct {
		path   string
		status int
		want   string // in the body
		ctype  string
	}{
		{"/", 200, `href="/doc/news"`, "text/html"},
		{"/doc/news", 200, `id="g6"`, "text/html"},
		{"/doc/news/findings", 200, `href="/doc/news#g3"`, "text/html"},
		{"/glossary", 200, "<h1>Glossary</h1>", "text/html"},
		{"/static/workbench.js", 200, "keydown", "text/javascript"},
		{"/static/workbench.css", 200, "mark.term", "text/css"},
		{"/static/nothing.js", 404, "no such page", "text/html"},
		{"/nowhere", 404, "no such page", "text/html"},
		{"/doc/missing", 404, "no such page", "text/html"},
		{"/doc/News", 404, "no such page", "text/html"},
		// The JSON address answers its errors in JSON, for the script
		// that asked.
		{"/doc/news/findings.json", 200, `"document": "news"`, "application/json"},
		{"/doc/missing/findings.json", 404, `{"error":"there is no such page or document"}`, "application/json"},
		{"/doc/News/findings.json", 404, `"error"`, "application/json"},
		{"/doc/news/edit", 405, "does not take GET requests, only POST", "text/html"},
		// Traversal, plain and encoded: nothing outside the workspace,
		// nor any file of it, is ever served.
		{"/doc/..%2f..%2fetc%2fpasswd", 404, "no such page", "text/html"},
		{"/doc/%2e%2e", 404, "no such page", "text/html"},
		{"/doc/news%2f..%2f..%2ftilmash.yaml", 404, "no such page", "text/html"},
		{"/doc/%2e%2e%2ftilmash.yaml/findings", 404, "no such page", "text/html"},
		{"/static/..%2f..%2ftilmash.yaml", 404, "no such page", "text/html"},
		{"/static/%2e%2e%2fserver.go", 404, "no such page", "text/html"},
		{"/documents/news/meta.yaml", 404, "no such page", "text/html"},
		{"/tilmash.yaml", 404, "no such page", "text/html"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res, body := c.get(tc.path)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, tc.status, body)
			}
			if !strings.Contains(body, tc.want) {
				t.Errorf("body lacks %q:\n%s", tc.want, body)
			}
			if ct := res.Header.Get("Content-Type"); tc.ctype != "" && !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tc.ctype)
			}
			for h, want := range map[string]string{
				"Content-Security-Policy": "frame-ancestors 'none'",
				"X-Content-Type-Options":  "nosniff",
				"X-Frame-Options":         "DENY",
			} {
				if !strings.Contains(res.Header.Get(h), want) {
					t.Errorf("%s: %q, want %q", h, res.Header.Get(h), want)
				}
			}
			if strings.Contains(body, "languages:") || strings.Contains(body, "root:x:") {
				t.Errorf("a file was served:\n%s", body)
			}
		})
	}
}

// TestMethodNotAllowed: a page asked with a method it does not take is
// 405 with the methods it takes (Allow), localized; a path that is no page
// stays 404 whatever the method.
func TestMethodNotAllowed(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for _, tc := range []struct {
		method, path, allow string
		status              int
	}{
		{"PUT", "/doc/news", "GET", 405},
		{"DELETE", "/doc/news", "GET", 405},
		{"POST", "/doc/news", "GET", 405},
		{"PUT", "/doc/news/edit", "POST", 405},
		{"DELETE", "/glossary", "GET", 405},
		{"PUT", "/nowhere", "", 404},
		{"DELETE", "/tilmash.yaml", "", 404},
	} {
		res, body := c.do(tc.method, tc.path, nil)
		if res.StatusCode != tc.status || res.Header.Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d, Allow %q; want %d, %q\n%s", tc.method, tc.path, res.StatusCode, res.Header.Get("Allow"), tc.status, tc.allow, body)
		}
		if tc.status == 405 && !strings.Contains(body, "does not take "+tc.method+" requests, only "+tc.allow) {
			t.Errorf("%s %s: body lacks the reason:\n%s", tc.method, tc.path, body)
		}
	}
	if _, body := c.do("PUT", "/doc/news", nil); !strings.Contains(body, "<h1>") {
		t.Errorf("the 405 is not the workbench's page:\n%s", body)
	}
}

// TestTraversalUncleanPath: a path with literal dot segments is cleaned by
// the mux, which redirects, and the cleaned path serves nothing.
func TestTraversalUncleanPath(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for _, p := range []string{"/doc/../tilmash.yaml", "/static/../../etc/passwd", "/doc/news/../../tilmash.yaml"} {
		res, body := c.get(p)
		for res.StatusCode == http.StatusMovedPermanently || res.StatusCode == http.StatusTemporaryRedirect {
			res, body = c.get(res.Header.Get("Location"))
		}
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404\n%s", p, res.StatusCode, body)
		}
	}
}

func TestCSP(t *testing.T) {
	f := newFixture(t, serve.Options{})
	res, body := f.client().get("/doc/news")
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	// No inline script, style or handler that the policy would block.
	for _, re := range []string{`<script>`, `<script [^>]*>[^<]`, `<style`, ` style=`, ` on[a-z]+=`, `javascript:`} {
		if regexp.MustCompile(re).MatchString(body) {
			t.Errorf("page has inline code matching %s", re)
		}
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", res.Header.Get("Cache-Control"))
	}
}

// TestHostCheck: without a token the server answers only requests
// addressed to loopback (DNS rebinding).
func TestHostCheck(t *testing.T) {
	f := newFixture(t, serve.Options{})
	for host, want := range map[string]int{
		"127.0.0.1:8750": 200, "localhost:8750": 200, "[::1]:8750": 200, "127.0.0.1": 200,
		"evil.example:8750": http.StatusMisdirectedRequest, "192.168.1.5:8750": http.StatusMisdirectedRequest,
	} {
		r := mustRequest(t, "GET", "/", host)
		w := record(f.srv, r)
		if w.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, w.Code, want)
		}
	}
}

func TestToken(t *testing.T) {
	const token = "s3cret-token-0123456789"
	f := newFixture(t, serve.Options{Token: token})
	c := f.client()
	res, body := c.get("/")
	if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "token is required") {
		t.Fatalf("no token: status %d\n%s", res.StatusCode, body)
	}
	for _, p := range []string{"/doc/news", "/glossary", "/static/workbench.js", "/?token=wrong", "/?token=" + token[:len(token)-1]} {
		if res, _ := c.get(p); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", p, res.StatusCode)
		}
	}
	if res, _ := c.post("news", "x", "y", "op", "confirm", "group", "2"); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST without token: status %d, want 401", res.StatusCode)
	}
	// The token once in the URL: a cookie, and a redirect that drops it.
	res, _ = c.get("/doc/news?token=" + url.QueryEscape(token) + "&page=1")
	if res.StatusCode != http.StatusSeeOther || strings.Contains(res.Header.Get("Location"), "token") {
		t.Fatalf("token in URL: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	var ck *http.Cookie
	for _, k := range res.Cookies() {
		if k.Name == "tilmash_token" {
			ck = k
		}
	}
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode {
		t.Fatalf("token cookie %+v: want HttpOnly, SameSite=Strict", ck)
	}
	if res, body := c.get("/doc/news"); res.StatusCode != 200 {
		t.Fatalf("with the cookie: status %d\n%s", res.StatusCode, body)
	}
	// A script sends it as a bearer token; a token server answers any host.
	r := mustRequest(t, "GET", "/", "tilmash.newsroom.lan:8750")
	r.Header.Set("Authorization", "Bearer "+token)
	if w := record(f.srv, r); w.Code != 200 {
		t.Errorf("bearer token: status %d", w.Code)
	}
}

func TestCSRF(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	other := f.client()
	other.get("/")
	for _, tc := range []struct {
		name   string
		c      *client
		csrf   string
		header map[string]string
	}{
		{"missing", c, "", nil},
		{"wrong", c, strings.Repeat("0", len(csrf)), nil},
		{"another session's", other, csrf, nil},
		{"cross-site", c, csrf, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"foreign origin", c, csrf, map[string]string{"Origin": "http://evil.example"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.header {
				tc.c.header.Set(k, v)
			}
			defer func() { tc.c.header = http.Header{} }()
			res, body := tc.c.post("news", tc.csrf, version, "op", "confirm", "group", "2")
			if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "security token") {
				t.Fatalf("status %d, want 403\n%s", res.StatusCode, body)
			}
		})
	}
	if g := f.alignment("news").Groups[1]; g.Status == document.Confirmed {
		t.Fatal("a refused POST confirmed group 2")
	}
	res, _ := c.post("news", csrf, version, "op", "confirm", "group", "2")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("with the token: status %d", res.StatusCode)
	}
	if g := f.alignment("news").Groups[1]; g.Status != document.Confirmed {
		t.Fatal("group 2 not confirmed")
	}
}

func TestBodyLimit(t *testing.T) {
	f := newFixture(t, serve.Options{MaxBody: 4096})
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	res, body := c.post("news", csrf, version, "op", "note", "group", "1", "note", strings.Repeat("x", 5000))
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413\n%s", res.StatusCode, body)
	}
	if f.alignment("news").Groups[0].Note != "" {
		t.Fatal("the note was written")
	}
}

// TestEdits runs every operation through the forms, one after another,
// each on the version the previous one left, and checks the files.
func TestEdits(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	type check func(t *testing.T, groups []*document.Group)
	status := func(n int, want document.Status) check {
		return func(t *testing.T, gs []*document.Group) {
			if gs[n-1].Status != want {
				t.Errorf("group %d is %s, want %s", n, gs[n-1].Status, want)
			}
		}
	}
	count := func(want int) check {
		return func(t *testing.T, gs []*document.Group) {
			if len(gs) != want {
				t.Errorf("%d groups, want %d", len(gs), want)
			}
		}
	}
	sents := func(n int, lang string, want int) check {
		return func(t *testing.T, gs []*document.Group) {
			if got := len(gs[n-1].Sents[lang]); got != want {
				t.Errorf("group %d has %d %s sentences, want %d", n, got, lang, want)
			}
		}
	}
	for _, tc := range []struct {
		name   string
		form   []string
		said   string // in the page the redirect leads to
		checks []check
	}{
		{"confirm", []string{"op", "confirm", "group", "2"}, "confirmed group 2", []check{status(2, document.Confirmed)}},
		{"unconfirm", []string{"op", "unconfirm", "group", "2"}, "took back the confirmation of group 2", []check{status(2, document.Aligned)}},
		{"confirm a range", []string{"op", "confirm-range", "range", "2-3,5"}, "confirmed groups 2-3,5", []check{status(2, document.Confirmed), status(3, document.Confirmed), status(5, document.Confirmed), status(6, document.Flagged)}},
		{"unconfirm a range", []string{"op", "unconfirm-range", "range", "5"}, "took back", []check{status(5, document.Aligned)}},
		{"merge", []string{"op", "merge", "group", "2"}, "merged groups 2 and 3", []check{count(5), sents(2, "en", 2), status(2, document.Aligned)}},
		{"split", []string{"op", "split", "group", "2", "lang", "en", "sentence", "2"}, "split group 2", []check{count(6), sents(2, "en", 1), sents(3, "en", 1), sents(2, "ru", 2), status(3, document.Flagged)}},
		{"move to the previous group", []string{"op", "move-prev", "group", "3", "lang", "en"}, "moved the only sentence of group 3 (en) into group 2", []check{count(5), sents(2, "en", 2)}},
		{"move to the next group", []string{"op", "move-next", "group", "2", "lang", "ru"}, "moved the last ru sentence of group 2", []check{sents(2, "ru", 1), sents(3, "ru", 2)}},
		{"edit a sentence", []string{"op", "edit", "group", "1", "lang", "en", "sentence", "1", "text", "Court hears the Aral fishers"}, "corrected en sentence 1 of group 1", []check{
			func(t *testing.T, gs []*document.Group) {
				if got := gs[0].Sents["en"][0].Text; got != "Court hears the Aral fishers" {
					t.Errorf("sentence is %q", got)
				}
			}, status(1, document.Confirmed)}},
		{"note", []string{"op", "note", "group", "4", "note", "<script>alert(1)</script> check"}, "set the note of group 4", []check{
			func(t *testing.T, gs []*document.Group) {
				if gs[3].Note != "<script>alert(1)</script> check" {
					t.Errorf("note is %q", gs[3].Note)
				}
			}}},
		{"undo", []string{"op", "undo"}, "undid step", []check{func(t *testing.T, gs []*document.Group) {
			if gs[3].Note != "" {
				t.Errorf("the note is still %q", gs[3].Note)
			}
		}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, page := c.get("/doc/news")
			csrf, version := formKeys(t, page)
			res, body := c.post("news", csrf, version, tc.form...)
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("status %d, want 303\n%s", res.StatusCode, body)
			}
			res, body = c.follow(res)
			for res.StatusCode == http.StatusSeeOther {
				res, body = c.follow(res)
			}
			if !strings.Contains(text(body), tc.said) {
				t.Errorf("the page does not say %q:\n%s", tc.said, text(body))
			}
			gs := f.alignment("news").Groups
			for _, ck := range tc.checks {
				ck(t, gs)
			}
			if t.Failed() {
				for i, g := range gs {
					t.Logf("group %d %s en %d ru %d kk %d", i+1, g.Status, len(g.Sents["en"]), len(g.Sents["ru"]), len(g.Sents["kk"]))
				}
			}
		})
	}
	// Everything a document holds is escaped on the page.
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	c.post("news", csrf, version, "op", "note", "group", "1", "note", `"><script>alert(1)</script>`)
	_, page = c.get("/doc/news")
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the note is not escaped")
	}
}

// TestRefused: an edit the rules refuse goes back to the group with the
// reason; nothing changes.
func TestRefused(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for _, tc := range []struct {
		form []string
		said string
	}{
		{[]string{"op", "merge", "group", "6"}, "last group"},
		{[]string{"op", "merge", "group", "9"}, "no group 9"},
		{[]string{"op", "confirm-range", "range", "5-2"}, "5-2"},
		{[]string{"op", "split", "group", "2", "lang", "en", "sentence", "3"}, "no en sentence 3"},
		{[]string{"op", "edit", "group", "2", "lang", "en", "sentence", "1", "text", "  "}, "empty"},
		{[]string{"op", "move-prev", "group", "2", "lang", "de"}, "de"},
		{[]string{"op", "explode", "group", "2"}, "unknown change explode"},
	} {
		_, page := c.get("/doc/news")
		csrf, version := formKeys(t, page)
		res, _ := c.post("news", csrf, version, tc.form...)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%v: status %d, want 303", tc.form, res.StatusCode)
		}
		res, body := c.follow(res)
		for res.StatusCode == http.StatusSeeOther {
			res, body = c.follow(res)
		}
		if !strings.Contains(body, `class="error"`) || !strings.Contains(text(body), tc.said) {
			t.Errorf("%v: the page does not show the refusal %q:\n%s", tc.form, tc.said, text(body))
		}
	}
	if gs := f.alignment("news").Groups; len(gs) != 6 || gs[1].Status != document.Aligned {
		t.Error("a refused edit changed the document")
	}
}

func TestLanguages(t *testing.T) {
	f := newFixture(t, serve.Options{})
	for _, tc := range []struct {
		accept, query, lang, want string
	}{
		{"", "", "en", "Take back the confirmation"},
		{"ru-RU,ru;q=0.9,en;q=0.5", "", "ru", "Снять подтверждение"},
		{"kk-KZ", "", "kk", "Расталуын алып тастау"},
		{"de-DE,kk;q=0.5", "", "kk", "Растау"},
		{"fr", "", "en", "Confirm"},
		{"ru", "?lang=kk", "kk", "Келесісімен біріктіру"},
	} {
		c := f.client()
		c.header.Set("Accept-Language", tc.accept)
		res, page := c.get("/doc/news" + tc.query)
		if res.StatusCode != 200 || !strings.Contains(page, `<html lang="`+tc.lang+`">`) || !strings.Contains(page, tc.want) {
			t.Errorf("Accept-Language %q %s: want %s with %q:\n%s", tc.accept, tc.query, tc.lang, tc.want, text(page))
		}
	}
	// A server started in Kazakh (tilmash serve under LANG=kk_KZ.UTF-8)
	// shows its pages in Kazakh to a browser that asks for none of its
	// languages; one that does still gets what it asks for.
	kk := newFixture(t, serve.Options{UILang: "kk"})
	for _, tc := range []struct{ accept, lang string }{{"", "kk"}, {"fr", "kk"}, {"en-US,en;q=0.9", "en"}, {"ru", "ru"}} {
		c := kk.client()
		c.header.Set("Accept-Language", tc.accept)
		if _, page := c.get("/doc/news"); !strings.Contains(page, `<html lang="`+tc.lang+`">`) {
			t.Errorf("server in kk, Accept-Language %q: want the page in %s", tc.accept, tc.lang)
		}
	}
	// The switch is remembered.
	c := f.client()
	c.get("/?lang=ru")
	if _, page := c.get("/glossary"); !strings.Contains(page, `<html lang="ru">`) {
		t.Error("the language switch is not remembered")
	}
}

func TestPaging(t *testing.T) {
	f := newFixture(t, serve.Options{PageSize: 100})
	if err := reviewtest.Long(f.ws, "long", 250); err != nil {
		t.Fatal(err)
	}
	c := f.client()
	res, page := c.get("/doc/long?page=3")
	if res.StatusCode != 200 || !strings.Contains(page, `id="g201"`) || !strings.Contains(page, `id="g250"`) || strings.Contains(page, `id="g200"`) {
		t.Fatalf("page 3 does not hold groups 201–250:\n%s", text(page))
	}
	if !strings.Contains(page, `href="/doc/long?page=2" rel="prev"`) {
		t.Error("no link to page 2")
	}
	res, _ = c.get("/doc/long?g=150")
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/doc/long?page=2#g150" {
		t.Errorf("jump to group 150: %d %q", res.StatusCode, loc)
	}
	// An edit on page 3 comes back to page 3.
	_, page = c.get("/doc/long?page=3")
	csrf, version := formKeys(t, page)
	res, _ = c.post("long", csrf, version, "op", "confirm", "group", "203")
	if loc := res.Header.Get("Location"); !regexp.MustCompile(`^/doc/long\?page=3&m=[0-9a-f]+#g203$`).MatchString(loc) {
		t.Errorf("after the edit: %q", loc)
	}
	if f.alignment("long").Groups[202].Status != document.Confirmed {
		t.Error("group 203 not confirmed")
	}
}

// TestTemplateIDs: the ids the templates name are the list in render.go
// (so the catalogue test sees them used), and each is in every catalogue.
func TestTemplateIDs(t *testing.T) {
	inTemplates := map[string]bool{}
	re := regexp.MustCompile(`\.T "([a-z0-9.-]+)"`)
	err := fs.WalkDir(os.DirFS("templates"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("templates/" + p)
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			inTemplates[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	listed := serve.TemplateIDs()
	for id := range inTemplates {
		if !slices.Contains(listed, id) {
			t.Errorf("templates name %s: add it to templateIDs", id)
		}
	}
	for _, id := range listed {
		if !inTemplates[id] {
			t.Errorf("templateIDs lists %s, which no template names", id)
		}
	}
	ids, err := locale.IDs(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	for lang, all := range ids {
		for _, id := range listed {
			area, _, _ := strings.Cut(id, ".")
			if !slices.Contains(all, area+":"+id) {
				t.Errorf("%s: %s is not in locales/%s.%s.yaml", lang, id, area, lang)
			}
		}
	}
}

// TestUndoLeavesAlign: the undo button takes back changes of the groups,
// not the align that made them: the page says to use tilmash undo, and
// the groups stay (before, the undo took the alignment away and the page
// it led to was a 409 "not aligned").
func TestUndoLeavesAlign(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	f.alignStep("news")
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	res, _ := c.post("news", csrf, version, "op", "undo", "group", "1")
	res, page = c.follow(res)
	if res.StatusCode != 200 || !strings.Contains(text(page), "tilmash undo news") {
		t.Fatalf("status %d, the page after the undo:\n%s", res.StatusCode, text(page))
	}
	if got := f.alignment("news").Groups[5].Status; got != document.Aligned {
		t.Errorf("group 6 is %s after a refused undo, want aligned", got)
	}
}

// TestRedo: the redo button puts back what the undo button took back, says
// so, and, with nothing undone, says there is nothing to redo instead of
// changing anything; the page carries the button and its key only while
// there is a step to redo, as a new change ends that history.
func TestRedo(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	step := func(form ...string) string {
		t.Helper()
		_, page := c.get("/doc/news")
		csrf, version := formKeys(t, page)
		res, body := c.post("news", csrf, version, form...)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%v: status %d, want 303\n%s", form, res.StatusCode, body)
		}
		for res.StatusCode == http.StatusSeeOther {
			res, body = c.follow(res)
		}
		return text(body)
	}
	redoButton := func(want bool, when string) {
		t.Helper()
		_, page := c.get("/doc/news")
		if got := strings.Contains(page, `value="redo" id="redo" data-key="r"`); got != want {
			t.Errorf("%s: redo button %v, want %v", when, got, want)
		}
	}
	redoButton(false, "nothing undone")
	if got := step("op", "redo", "group", "4"); !strings.Contains(got, "nothing to redo in news") {
		t.Errorf("a redo with nothing undone says:\n%s", got)
	}
	// said as a hint, not as an error: nothing to redo is no mistake
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	res, page := c.post("news", csrf, version, "op", "redo", "group", "4")
	for res.StatusCode == http.StatusSeeOther {
		res, page = c.follow(res)
	}
	if !strings.Contains(page, `<li class="hint">nothing to redo in news`) {
		t.Errorf("nothing to redo is not said as a hint:\n%s", page)
	}
	step("op", "note", "group", "4", "note", "check the date")
	if got := step("op", "undo", "group", "4"); !strings.Contains(got, "(or r) puts it back") {
		t.Errorf("the page after the undo does not say redo puts it back:\n%s", got)
	}
	if n := f.alignment("news").Groups[3].Note; n != "" {
		t.Fatalf("the note is %q after the undo", n)
	}
	redoButton(true, "after the undo")
	if got := step("op", "redo", "group", "4"); !strings.Contains(got, "redid step") {
		t.Errorf("the page after the redo says:\n%s", got)
	}
	if n := f.alignment("news").Groups[3].Note; n != "check the date" {
		t.Errorf("the note is %q after the redo, want it back", n)
	}
	redoButton(false, "after the redo")
	// An undo, then a new change: nothing left to redo.
	step("op", "undo", "group", "4")
	redoButton(true, "after the second undo")
	step("op", "confirm", "group", "2")
	redoButton(false, "after a new change")
}

// TestRedoLeavesAlign: as the undo button leaves an align to tilmash
// undo, the redo button leaves an undone align to tilmash redo: the page
// says so and the groups stay as they are.
func TestRedoLeavesAlign(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	f.alignStep("news")
	d, err := document.Open(f.ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := serve.NewTestApp("test").Undo(d, 1, false); err != nil {
		t.Fatal(err)
	}
	before := f.alignment("news").Groups[5].Status
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	res, _ := c.post("news", csrf, version, "op", "redo", "group", "1")
	res, page = c.follow(res)
	if res.StatusCode != 200 || !strings.Contains(text(page), "is not a change of the groups") {
		t.Fatalf("status %d, the page after the redo:\n%s", res.StatusCode, text(page))
	}
	if got := f.alignment("news").Groups[5].Status; got != before {
		t.Errorf("group 6 is %s after a refused redo, want %s", got, before)
	}
}

// TestUnalignedSentences: a corrected Russian version with a sentence
// added (import --force) leaves that sentence in no group until align.
// The page showed the groups as if they held the whole text, and export
// leaves the sentence out; the page now says so, as import, status and
// export do, and says nothing once the document is aligned again.
func TestUnalignedSentences(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	if strings.Contains(text(page), "in no group") {
		t.Fatalf("an aligned document's page speaks of sentences in no group:\n%s", text(page))
	}
	d, err := document.Open(f.ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	texts, err := d.Texts()
	if err != nil {
		t.Fatal(err)
	}
	ru := strings.TrimRight(texts["ru"], "\n") + "\n\nРедакция добавила это предложение.\n"
	a := serve.NewTestApp("test")
	if _, err := a.Import(f.ws, "news", "ru", []byte(ru), "ru.txt", "", document.ImportOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	_, page = c.get("/doc/news")
	if got := text(page); !strings.Contains(got, "1 sentence of the ru text of news is in no group yet") ||
		!strings.Contains(got, "run tilmash align news to put them into groups") {
		t.Errorf("the page after a version with an added sentence:\n%s", got)
	}
	if _, err := a.Align(f.ws, "news"); err != nil {
		t.Fatal(err)
	}
	if _, page = c.get("/doc/news"); strings.Contains(text(page), "in no group") {
		t.Errorf("the page after align still speaks of sentences in no group:\n%s", text(page))
	}
}

// TestNotFoundHeading: a page or document that does not exist is headed
// "Not found" in the interface's language, not "Not done" (nothing was
// asked to be done); a refused change keeps "Not done".
func TestNotFoundHeading(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for lang, want := range map[string]string{"en": "Not found", "ru": "Не найдено", "kk": "Табылмады"} {
		for _, path := range []string{"/doc/missing", "/nowhere"} {
			res, body := c.get(path + "?lang=" + lang)
			if res.StatusCode != 404 || !strings.Contains(body, "<h1>"+want+"</h1>") || !strings.Contains(body, "<title>"+want+" — ") {
				t.Errorf("%s in %s: %d, want 404 headed %q:\n%s", path, lang, res.StatusCode, want, body)
			}
		}
	}
	res, body := c.get("/doc/news/edit?lang=en")
	if res.StatusCode != 405 || !strings.Contains(body, "<h1>Not done</h1>") {
		t.Errorf("GET of an edit: %d\n%s", res.StatusCode, body)
	}
}
