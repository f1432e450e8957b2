package serve_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/testenv/pgtest"
)

// TestConcordance: without a memory the page says how to build one (and
// makes none); with one, a search shows each group that holds the query
// in every language, the hit marked, whether it is confirmed, and a link
// to the group in its document.
func TestConcordance(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	res, page := c.get("/concordance?q=Lawyers")
	if res.StatusCode != 200 || !strings.Contains(text(page), "tilmash tm rebuild") {
		t.Fatalf("without a memory: status %d\n%s", res.StatusCode, text(page))
	}
	if strings.Contains(page, `<mark>`) {
		t.Fatal("a page without a memory shows hits")
	}

	m, _, err := serve.NewTestApp("test").RebuildMemory(context.Background(), f.ws, app.TMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	_, page = c.get("/concordance?q=Lawyers")
	for _, want := range []string{
		`<a href="/doc/news?g=4">news · Group 4</a>`,
		`<mark>Lawyers</mark> for the fishermen welcomed the decision.`,
		`Адвокаты рыбаков приветствовали это решение.`,
		`Балықшылардың адвокаттары бұл шешімді құптады.`,
		`<span class="status">confirmed</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s:\n%s", want, page)
		}
	}
	// The link leads to the group's anchor.
	res, _ = c.get("/doc/news?g=4")
	if loc := res.Header.Get("Location"); loc != "/doc/news#g4" {
		t.Errorf("the hit's link goes to %q", loc)
	}
	// A group that is not confirmed says so; a Russian word finds the
	// query whatever its capitals, in the language asked for.
	_, page = c.get("/concordance?q=" + "судья&in=ru")
	if !strings.Contains(page, `<mark>Судья</mark> запросил`) || !strings.Contains(page, `<span class="status">not confirmed</span>`) {
		t.Errorf("search in Russian:\n%s", page)
	}
	_, page = c.get("/concordance?q=zzzqqq")
	if !strings.Contains(text(page), "zzzqqq") || strings.Contains(page, "<mark>") {
		t.Errorf("a search without hits:\n%s", text(page))
	}
}

// TestConcordanceServerDown: the team's memory is on a server that does
// not answer (or refuses the password). The page said only what failed;
// the command line's hint (here: no server answered at that address,
// check that it runs) was left out, so an editor in the browser had no
// what-to-do. The password never shows.
func TestConcordanceServerDown(t *testing.T) {
	f := newFixture(t, serve.Options{TM: app.TMOptions{URL: "postgres://newsroom@127.0.0.1:1/tilmash", Password: "s3cret-pass"}})
	c := f.client()
	for _, lang := range []struct{ code, msg, hint string }{
		{"en", "cannot open the translation memory postgres://newsroom@127.0.0.1:1/tilmash", "no PostgreSQL server answered at 127.0.0.1:1"},
		{"ru", "не удаётся открыть память переводов", "не ответил сервер PostgreSQL"},
		{"kk", "аударма жадын ашу мүмкін емес", "PostgreSQL сервері жауап бермеді"},
	} {
		c.get("/?lang=" + lang.code)
		res, page := c.get("/concordance?q=Lawyers")
		if res.StatusCode != 200 || !strings.Contains(text(page), lang.msg) || !strings.Contains(text(page), lang.hint) {
			t.Errorf("%s: status %d; the page should say %q and hint %q:\n%s", lang.code, res.StatusCode, lang.msg, lang.hint, text(page))
		}
		if strings.Contains(page, "s3cret-pass") {
			t.Errorf("%s: the page shows the password", lang.code)
		}
	}
}

// TestConcordanceWhileAnotherUpdates: the team's memory on PostgreSQL, and
// another translator's update holds it. The page waited for it (and then
// failed); it now shows the hits of the memory as it is, saying why.
func TestConcordanceWhileAnotherUpdates(t *testing.T) {
	memURL, conn := pgtest.Schema(t, "tm_serve")
	ctx := context.Background()
	opt := app.TMOptions{URL: memURL, LockWait: 200 * time.Millisecond}
	f := newFixture(t, serve.Options{TM: opt})
	m, _, err := serve.NewTestApp("test").RebuildMemory(ctx, f.ws, opt)
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	c := f.client()
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	if res, _ := c.post("news", csrf, version, "op", "note", "group", "4", "note", "check the date"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("note: status %d", res.StatusCode)
	}
	pgtest.HoldUpdates(t, conn)
	res, page := c.get("/concordance?q=Lawyers")
	if res.StatusCode != 200 || !strings.Contains(page, `<mark>Lawyers</mark>`) || !strings.Contains(text(page), "is being updated by") ||
		!strings.Contains(text(page), "without this workspace's latest changes") {
		t.Errorf("concordance while another update holds the memory: status %d\n%s", res.StatusCode, text(page))
	}
}

// TestConcordanceSharedNotes: the team's memory keeps a colleague's newer
// version of a document this workspace has not pulled. tm commands said so
// (pull it); the workbench said nothing, so a translator searching in the
// browser took the colleague's text for this workspace's. The page now
// tells it as the command line does, in the interface's language.
func TestConcordanceSharedNotes(t *testing.T) {
	memURL, _ := pgtest.Schema(t, "tm_serve")
	ctx := context.Background()
	opt := app.TMOptions{URL: memURL}
	a := serve.NewTestApp("test")
	// The colleague's workspace publishes first; this one agrees with it.
	other := newFixture(t, serve.Options{TM: opt})
	m, _, err := a.RebuildMemory(ctx, other.ws, opt)
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	f := newFixture(t, serve.Options{TM: opt})
	c := f.client()
	_, page := c.get("/concordance?q=Lawyers")
	if strings.Contains(page, `class="warn shared"`) {
		t.Fatalf("a workspace that agrees with the memory is warned:\n%s", text(page))
	}
	// The colleague notes a group and updates the memory.
	oc := other.client()
	_, page = oc.get("/doc/news")
	csrf, version := formKeys(t, page)
	if res, _ := oc.post("news", csrf, version, "op", "note", "group", "4", "note", "check the date"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("note: status %d", res.StatusCode)
	}
	oc.get("/concordance?q=Lawyers")
	for _, lang := range []struct{ code, want string }{
		{"en", "has not pulled yet (1): news; the memory keeps that machine's version: pull it (git pull)"},
		{"ru", "(1): news;"},
		{"kk", "әлі алынбаған құжаттар (1): news;"},
	} {
		c.get("/?lang=" + lang.code)
		res, page := c.get("/concordance?q=Lawyers")
		if res.StatusCode != 200 || !strings.Contains(page, `<mark>Lawyers</mark>`) || !strings.Contains(page, `class="warn shared"`) ||
			!strings.Contains(text(page), lang.want) {
			t.Errorf("%s: status %d; the page should say %q:\n%s", lang.code, res.StatusCode, lang.want, text(page))
		}
	}
}
