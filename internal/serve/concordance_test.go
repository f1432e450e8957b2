package serve_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/serve"
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

	m, _, err := app.New("test").RebuildMemory(context.Background(), f.ws, app.TMOptions{})
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
