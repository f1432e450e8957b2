package serve

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestEditKeepsSnapshot: an edit through the server keeps the document as
// it wrote it, so that the page the edit leads to shows it without
// reading and parsing the files again (the long part of a page of a long
// document); what is kept is what the files hold, and its version is the
// one the next edit must name.
func TestEditKeepsSnapshot(t *testing.T) {
	ws, err := reviewtest.Workspace(t.TempDir(), "news", reviewtest.OneToOne)
	if err != nil {
		t.Fatal(err)
	}
	// Spelling off, as in the package's other page tests (withoutSpelling):
	// the pages' findings are not what is kept, and the installed Russian
	// and Kazakh dictionaries took a third of the test's CPU to load.
	cfg, err := os.ReadFile(ws.Path("tilmash.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws.Path("tilmash.yaml"), append(cfg, "checks:\n  spelling: {enabled: false}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if ws, err = workspace.Open(ws.Root); err != nil || ws.Config.Checks.On("spelling") {
		t.Fatalf("spelling still on (%v)", err)
	}
	s, err := New(Options{App: NewTestApp("test"), WS: ws})
	if err != nil {
		t.Fatal(err)
	}
	var cookies []*http.Cookie
	do := func(method, target string, form url.Values) *httptest.ResponseRecorder {
		t.Helper()
		var r *http.Request
		if form != nil {
			r = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		} else {
			r = httptest.NewRequest(method, target, nil)
		}
		r.Host = "127.0.0.1:8750"
		for _, c := range cookies {
			r.AddCookie(c)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		cookies = append(cookies, w.Result().Cookies()...)
		return w
	}
	kept := func() *snapEntry {
		s.cache.mu.Lock()
		defer s.cache.mu.Unlock()
		if len(s.cache.snaps) != 1 {
			t.Fatalf("%d snapshots kept, want 1", len(s.cache.snaps))
		}
		return s.cache.snaps[0]
	}
	keys := func(page string) (string, string) {
		m := regexp.MustCompile(`name="csrf" value="([^"]*)"`).FindStringSubmatch(page)
		v := regexp.MustCompile(`name="version" value="([^"]*)"`).FindStringSubmatch(page)
		if m == nil || v == nil {
			t.Fatalf("the page has no edit forms:\n%s", page)
		}
		return m[1], v[1]
	}
	edits := []url.Values{
		{"op": {"note"}, "group": {"2"}, "note": {"seen"}},
		{"op": {"edit"}, "group": {"3"}, "sentence": {"1"}, "lang": {"ru"}, "text": {"Судья запросил новые улики."}},
		{"op": {"merge"}, "group": {"4"}},
		{"op": {"confirm"}, "group": {"5"}},
	}
	w := do("GET", "/doc/news", nil)
	for _, form := range edits {
		csrf, version := keys(w.Body.String())
		form.Set("csrf", csrf)
		form.Set("version", version)
		res := do("POST", "/doc/news/edit", form)
		if res.Code != http.StatusSeeOther {
			t.Fatalf("%s: status %d\n%s", form.Get("op"), res.Code, res.Body)
		}
		after := kept()
		if after.version == version {
			t.Fatalf("%s: the snapshot kept is the one before the edit", form.Get("op"))
		}
		d, err := document.Open(ws, "news")
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := review.Load(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(after.snap.Raw, fresh.Raw) || !reflect.DeepEqual(after.snap.Alignment, fresh.Alignment) ||
			!reflect.DeepEqual(after.snap.Texts, fresh.Texts) || after.version != app.Version(fresh) {
			t.Fatalf("%s: the snapshot kept is not what the files hold", form.Get("op"))
		}
		w = do("GET", strings.Split(res.Header().Get("Location"), "#")[0], nil)
		if w.Code != 200 {
			t.Fatalf("status %d", w.Code)
		}
		if kept() != after {
			t.Fatalf("%s: the page after the edit read the document again", form.Get("op"))
		}
		if _, v := keys(w.Body.String()); v != after.version {
			t.Fatalf("%s: the page shows version %s, the files are %s", form.Get("op"), v, after.version)
		}
	}
}
