package serve_test

import (
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestGlossaryPageNoGlossary: in a workspace with no glossary entry yet,
// the glossary page says so and how to start one (tilmash glossary add, or
// a YAML file in the glossary folder), in the interface's language; it
// said "no entry matches", as if a search had missed. With entries, a
// search that finds none still says that.
func TestGlossaryPageNoGlossary(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	for _, tc := range []struct{ lang, want string }{
		{"en", "The glossary has no entries yet"},
		{"ru", "В глоссарии пока нет записей"},
		{"kk", "Глоссарийде әзірге жазба жоқ"},
	} {
		for _, q := range []string{"", "?q=budget"} {
			c.get("/?lang=" + tc.lang)
			_, body := c.get("/glossary" + q)
			got := text(body)
			if !strings.Contains(got, tc.want) || !strings.Contains(got, "tilmash glossary add") || !strings.Contains(got, "glossary/") {
				t.Errorf("%s %q: the page does not say there is no glossary and how to start one:\n%s", tc.lang, q, got)
			}
		}
	}
	c.get("/?lang=en")
	if err := os.MkdirAll(f.ws.Path(f.ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	entry := "terms:\n  - id: aral\n    kind: place\n    en: {term: Aral}\n    ru: {term: Арал}\n    kk: {term: Арал}\n"
	if err := os.WriteFile(f.ws.Path(f.ws.Config.Glossary, "places.yaml"), []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	_, body := c.get("/glossary?q=budget")
	if got := text(body); !strings.Contains(got, "No entry matches") || strings.Contains(got, "no entries yet") {
		t.Errorf("a search that finds nothing in a glossary with entries:\n%s", got)
	}
}

// TestGlossaryPageKinds: an entry's kind is named in the interface's
// language; the page showed the YAML's word (place, person) in Russian and
// Kazakh too.
func TestGlossaryPageKinds(t *testing.T) {
	f := newFixture(t, serve.Options{})
	if err := os.MkdirAll(f.ws.Path(f.ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	entry := "terms:\n  - id: aral\n    kind: place\n    en: {term: Aral}\n    ru: {term: Арал}\n    kk: {term: Арал}\n"
	if err := os.WriteFile(f.ws.Path(f.ws.Config.Glossary, "places.yaml"), []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	c := f.client()
	for lang, want := range map[string]string{"en": "place", "ru": "место", "kk": "жер"} {
		_, body := c.get("/glossary?lang=" + lang)
		if !strings.Contains(body, `<span class="status">`+want+`</span>`) {
			t.Errorf("%s: the kind is not %q:\n%s", lang, want, text(body))
		}
	}
}
