package serve_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestConcordanceNone: a search that finds nothing says so in words, in
// every interface language; it said "0 groups hold …", "… есть в 0
// группах", "… 0 топта бар".
func TestConcordanceNone(t *testing.T) {
	f := newFixture(t, serve.Options{})
	m, _, err := serve.NewTestApp("test").RebuildMemory(context.Background(), f.ws, app.TMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	c := f.client()
	for lang, want := range map[string]string{
		"en": "no group holds zzzqqq",
		"ru": "zzzqqq не найдено ни в одной группе",
		"kk": "zzzqqq ешбір топта кездеспейді",
	} {
		_, page := c.get("/concordance?q=zzzqqq&lang=" + lang)
		if got := text(page); !strings.Contains(got, want) || strings.Contains(got, " 0 ") {
			t.Errorf("%s: the page lacks %q:\n%s", lang, want, got)
		}
	}
	_, page := c.get("/concordance?q=Lawyers&lang=en")
	if !strings.Contains(text(page), "1 group holds Lawyers") {
		t.Errorf("a search with a hit:\n%s", text(page))
	}
}
