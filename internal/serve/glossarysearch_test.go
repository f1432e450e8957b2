package serve_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestGlossarySearchFindsTextForms: the glossary page's search finds an
// entry by a word as a text writes it, an inflected form the matcher
// generates (министра, уәзірге), or a sentence pasted whole; not only by
// a part of a form the glossary file spells out. Before, an editor who
// searched for the word in front of them (Тоқаевқа) was told no entry
// matched, though the page lists that very form among the entry's.
func TestGlossarySearchFindsTextForms(t *testing.T) {
	a, ws := qaWorkspace(t)
	ministerGlossary(t, ws)
	c := fixtureOn(t, a, ws).client()
	for _, q := range []string{"министра", "уәзірге", "The minister's words", "Министр сказал", "minister"} {
		if _, page := c.get("/glossary?q=" + url.QueryEscape(q)); !strings.Contains(page, `<tr id="e-minister">`) {
			t.Errorf("searching %q does not find the entry minister:\n%s", q, text(page))
		}
	}
	if _, page := c.get("/glossary?q=министерство"); strings.Contains(page, `<tr id="e-minister">`) {
		t.Errorf("searching %q finds the entry minister", "министерство")
	}
}
