package serve_test

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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

// TestGlossarySearchWholeQueryFirst: the entry a form of which is the
// whole query comes first (Алматы облысында: the region), before an entry
// the query only holds a form of (Алматы, sorted before it). Before, the
// city came first with its 56 Kazakh forms, the region below it.
func TestGlossarySearchWholeQueryFirst(t *testing.T) {
	a, ws := qaWorkspace(t)
	const gl = "terms:\n" +
		"  - id: almaty\n    kind: place\n    en: {term: Almaty}\n    ru: {term: Алматы, inflect: none}\n    kk: {term: Алматы}\n" +
		"  - id: almaty-region\n    kind: place\n    en: {term: Almaty Region}\n    ru: {term: Алматинская область}\n    kk: {term: Алматы облысы}\n"
	if err := os.MkdirAll(ws.Path(ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws.Path(ws.Config.Glossary), "places.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
	c := fixtureOn(t, a, ws).client()
	for q, want := range map[string][]string{
		"Алматы облысында": {"almaty-region", "almaty"},
		"Алматы":           {"almaty", "almaty-region"},
		"Almaty Region's":  {"almaty-region"},
	} {
		_, page := c.get("/glossary?q=" + url.QueryEscape(q))
		var got []string
		for _, m := range regexp.MustCompile(`<tr id="e-([^"]+)">`).FindAllStringSubmatch(page, -1) {
			got = append(got, m[1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("searching %q lists %q, want %q", q, got, want)
		}
	}
}

// TestGlossarySearchNearSurname: a surname searched as a text writes it
// alone, with an ending (Сапарова, Сапаровқа), finds the entry of the
// whole name (Нұрлан Сапаров) as glossary show offers it, and the page
// says the entries shown are the nearest; the form that adds an entry is
// not opened with the inflected word. Before, the search found nothing
// and offered to add Сапарова as a new entry, a duplicate.
func TestGlossarySearchNearSurname(t *testing.T) {
	a, ws := qaWorkspace(t)
	const gl = "terms:\n" +
		"  - id: saparov\n    kind: person\n    en: {term: Nurlan Saparov}\n    ru: {term: Нурлан Сапаров}\n    kk: {term: Нұрлан Сапаров}\n" +
		"  - id: minister\n    en: {term: minister}\n    ru: {term: министр}\n    kk: {term: уәзір}\n"
	if err := os.MkdirAll(ws.Path(ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws.Path(ws.Config.Glossary), "people.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
	c := fixtureOn(t, a, ws).client()
	for _, q := range []string{"Сапарова", "Сапаровқа", "Saparova"} {
		_, page := c.get("/glossary?q=" + url.QueryEscape(q))
		if !strings.Contains(page, `<tr id="e-saparov">`) {
			t.Errorf("searching %q does not find the entry saparov:\n%s", q, text(page))
		}
		if strings.Contains(page, `<tr id="e-minister">`) {
			t.Errorf("searching %q lists the entry minister", q)
		}
		if strings.Contains(page, `id="add" open`) {
			t.Errorf("searching %q opens the form that adds it as a new entry", q)
		}
		if !strings.Contains(page, `id="near"`) {
			t.Errorf("searching %q: the page does not say the entries are the nearest ones:\n%s", q, text(page))
		}
	}
	// A word no entry is near: the form opens as before, no nearest entries.
	_, page := c.get("/glossary?q=" + url.QueryEscape("Ақтөбе"))
	if !strings.Contains(page, `id="add" open`) || strings.Contains(page, `id="near"`) || strings.Contains(page, `<tr id="e-`) {
		t.Errorf("searching a word no entry is near:\n%s", text(page))
	}
	// An entry that matches: no word of nearness.
	if _, page := c.get("/glossary?q=" + url.QueryEscape("сапаров")); strings.Contains(page, `id="near"`) {
		t.Errorf("a search that matches says the entries are only the nearest")
	}
}
