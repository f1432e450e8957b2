package serve_test

import (
	"os"
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

// TestCacheSeesEdits: the server keeps parsed documents and their
// summaries, yet every page shows the files as they are: after an edit
// through the server, and after another program rewrites the alignment
// in place with a change of the same size.
func TestCacheSeesEdits(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	_, ws := c.get("/")
	if !strings.Contains(text(ws), "6 groups: 2 confirmed, 2 flagged") {
		t.Fatalf("workspace page:\n%s", text(ws))
	}
	csrf, version := formKeys(t, page)

	// An edit through the server.
	res, _ := c.post("news", csrf, version, "op", "note", "group", "2", "note", "seen by the server")
	if res.StatusCode != 303 {
		t.Fatalf("edit: status %d", res.StatusCode)
	}
	_, page = c.get("/doc/news")
	if !strings.Contains(page, "seen by the server") {
		t.Fatal("the page after an edit through the server does not show it")
	}
	_, v2 := formKeys(t, page)
	if v2 == version {
		t.Fatal("the version did not change with the edit")
	}

	// Another program rewrites the alignment in place: the same size, the
	// same file, only its content (and time) differ.
	file := f.ws.Path(document.Folder, "news", document.AlignmentName)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "seen by the server", "SEEN BY THE OTHERS", 1)
	if len(edited) != len(data) || edited == string(data) {
		t.Fatal("the test's edit is not a same-size change")
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, later, later); err != nil {
		t.Fatal(err)
	}
	_, page = c.get("/doc/news")
	if !strings.Contains(page, "SEEN BY THE OTHERS") || strings.Contains(page, "seen by the server") {
		t.Fatal("the page does not show the alignment as another program left it")
	}
	if _, v3 := formKeys(t, page); v3 == v2 {
		t.Fatal("the version did not change with the edit on disk")
	}

	// The workspace page's counts follow a confirmation made by tilmash
	// in a terminal (through the app, not this server).
	d, err := document.Open(f.ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	_, v3 := formKeys(t, page)
	confirmAll := func(a *document.Alignment) (review.Op, error) {
		return review.SetStatus{Groups: []int{1, 2, 3, 4, 5, 6}, Confirm: true}, nil
	}
	if _, err := serve.NewTestApp("test").Edit(d, app.EditRequest{Version: v3, Build: confirmAll}); err != nil {
		t.Fatal(err)
	}
	_, ws = c.get("/")
	if !strings.Contains(text(ws), "6 groups: 6 confirmed, 0 flagged") {
		t.Fatalf("workspace page after a confirmation on disk:\n%s", text(ws))
	}
}

// TestCacheSeesJournal: a document kept by the server is read again when
// its journal changes even though its files do not: a damaged newest
// entry shows the journal's warning on the next page, as it did on the
// first view.
func TestCacheSeesJournal(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	res, _ := c.post("news", csrf, version, "op", "note", "group", "2", "note", "journaled")
	if res.StatusCode != 303 {
		t.Fatalf("edit: status %d", res.StatusCode)
	}
	_, page = c.get("/doc/news")
	if !strings.Contains(page, "journaled") || strings.Contains(text(page), "000001.yaml") {
		t.Fatalf("the page after the edit:\n%s", text(page))
	}
	d, err := document.Open(f.ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	newest, ok, err := d.Journal().NewestFile()
	if err != nil || !ok {
		t.Fatalf("no journal entry after the edit: %v", err)
	}
	if err := os.WriteFile(f.ws.Path(newest), []byte("step: [damaged\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, page = c.get("/doc/news")
	if !strings.Contains(text(page), "000001.yaml") {
		t.Fatalf("the page does not warn of the damaged journal entry:\n%s", text(page))
	}
}

// TestCacheSeesMeta: the workspace page, which reads a document's
// meta.yaml only when the document's files changed, shows a title
// another program wrote into it, and the error of a meta.yaml broken by
// hand.
func TestCacheSeesMeta(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	_, ws := c.get("/")
	if strings.Contains(text(ws), "A title written by hand") {
		t.Fatal("the title is there before it is written")
	}
	file := f.ws.Path(document.Folder, "news", "meta.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^(    title: ).*$`).ReplaceAllString(string(data), "${1}A title written by hand")
	if edited == string(data) {
		t.Fatalf("no title in meta.yaml:\n%s", data)
	}
	later := time.Now().Add(2 * time.Second)
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(file, later, later); err != nil {
			t.Fatal(err)
		}
		later = later.Add(2 * time.Second)
	}
	write(edited)
	if _, ws = c.get("/"); !strings.Contains(text(ws), "A title written by hand") {
		t.Fatalf("workspace page after meta.yaml changed:\n%s", text(ws))
	}
	write("versions: [\n")
	if res, _ := c.get("/"); res.StatusCode != 500 {
		t.Fatalf("workspace page with a broken meta.yaml: status %d", res.StatusCode)
	}
}

// TestWorkspacePageFromStatus: a server started after tilmash status
// takes the documents' rows from the status cache; its workspace page is
// the one a server that counted everything itself shows: titles,
// sentences, words, the alignment's state and the findings, a stale text
// and a document not aligned among them.
func TestWorkspacePageFromStatus(t *testing.T) {
	f := newFixture(t, serve.Options{})
	// A name the translations leave out: findings in every document.
	glossary := "terms:\n  - id: aral\n    kind: place\n    en: {term: Aral}\n    ru: {term: Аралия}\n    kk: {term: Аралия}\n"
	if err := os.MkdirAll(f.ws.Path(f.ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.ws.Path(f.ws.Config.Glossary, "places.yaml"), []byte(glossary), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := reviewtest.Long(f.ws, "long", 12); err != nil {
		t.Fatal(err)
	}
	if err := reviewtest.Long(f.ws, "unaligned", 6); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(f.ws.Path(document.Folder, "unaligned", document.AlignmentName)); err != nil {
		t.Fatal(err)
	}
	stale := f.ws.Path(document.Folder, "long", "ru.txt")
	data, err := os.ReadFile(stale)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, append(data, "Ещё одно предложение.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, counted := f.client().get("/")
	a := serve.NewTestApp("test")
	if _, err := a.Status(f.ws, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(f.ws.Path(workspace.LocalFolder, app.StatusCacheName)); err != nil {
		t.Fatalf("status wrote no cache: %v", err)
	}
	_, fromStatus := fixtureOn(t, a, f.ws).client().get("/")
	if text(fromStatus) != text(counted) {
		t.Fatalf("workspace page from the status cache:\n%s\ncounted by the server:\n%s", text(fromStatus), text(counted))
	}
	for _, want := range []string{"6 groups: 2 confirmed, 2 flagged", "12 groups", "2 errors", "not aligned yet", "the text changed since import"} {
		if !strings.Contains(text(counted), want) {
			t.Errorf("the page lacks %q:\n%s", want, text(counted))
		}
	}
}
