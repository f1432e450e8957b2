package serve_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGlossaryAdd: the glossary page's form adds an entry as tilmash
// glossary add does. A search that finds nothing opens the form filled
// from the query; the entry is written into the file of its kind and the
// page then finds it by an inflected form (the checker was rebuilt).
func TestGlossaryAdd(t *testing.T) {
	a, ws := qaWorkspace(t)
	ministerGlossary(t, ws)
	c := fixtureOn(t, a, ws).client()

	_, page := c.get("/glossary?q=" + url.QueryEscape("Ақтөбе"))
	for _, want := range []string{`<details class="gl-add" id="add" open>`, `name="id" value="aqtobe"`, `name="term-kk" value="Ақтөбе"`, `name="term-ru" value=""`} {
		if !strings.Contains(page, want) {
			t.Errorf("a search that found nothing: the page lacks %s", want)
		}
	}
	if _, page := c.get("/glossary?q=minister"); strings.Contains(page, `id="add" open`) {
		t.Error("a search that found an entry opens the form")
	}
	csrf := csrfRe.FindStringSubmatch(page)[1]

	res, _ := c.do("POST", "/glossary/add", url.Values{"csrf": {csrf}, "id": {"aktobe"}, "kind": {"place"},
		"term-en": {"Aktobe"}, "term-ru": {"Актобе"}, "forbidden-ru": {"Актюбинск\r\n\r\n"}, "term-kk": {"Ақтөбе"}, "variants-kk": {""},
		"note": {"the city in western Kazakhstan"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("adding an entry: status %d, want 303", res.StatusCode)
	}
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/glossary?") || !strings.HasSuffix(loc, "#e-aktobe") {
		t.Errorf("adding an entry goes to %s, want its row on the glossary page", loc)
	}
	_, page = c.follow(res)
	if !strings.Contains(page, `<tr id="e-aktobe">`) || !strings.Contains(text(page), "added aktobe to glossary/places.yaml") {
		t.Errorf("the page after adding does not show the entry and what was done:\n%s", text(page))
	}
	data, err := os.ReadFile(filepath.Join(ws.Path(ws.Config.Glossary), "places.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"id: aktobe", "kind: place", "Актюбинск", "western Kazakhstan"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("places.yaml lacks %q:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), "variants") {
		t.Errorf("an empty field was written:\n%s", data)
	}
	// Found by a form the rules generate: the page's checker is the new
	// glossary's.
	if _, page := c.get("/glossary?q=" + url.QueryEscape("Ақтөбеде")); !strings.Contains(page, `<tr id="e-aktobe">`) {
		t.Errorf("searching an inflected form of the new entry does not find it:\n%s", text(page))
	}
}

// TestGlossaryAddRefused: an entry that cannot be added comes back in the
// form with what is wrong (where, for a problem of the glossary), the
// glossary files are left as they were, and what was typed is escaped.
func TestGlossaryAddRefused(t *testing.T) {
	a, ws := qaWorkspace(t)
	ministerGlossary(t, ws)
	dir := ws.Path(ws.Config.Glossary)
	// minister forbids «министер» in Kazakh: an entry that takes it as its
	// own form brings a conflict.
	people := filepath.Join(dir, "people.yaml")
	if err := os.WriteFile(people, []byte("terms:\n  - id: minister\n    en: {term: minister}\n    ru: {term: министр}\n    kk: {term: уәзір, forbidden: [министр]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, dir)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/glossary")
	csrf := csrfRe.FindStringSubmatch(page)[1]

	for _, tc := range []struct {
		name string
		form url.Values
		want []string
	}{
		{"no id", url.Values{"kind": {"place"}, "term-en": {"Aktobe"}}, []string{"Give the entry an id"}},
		{"bad id", url.Values{"id": {"Ak tobe"}, "kind": {"place"}, "term-en": {"Aktobe"}}, []string{"Ak tobe"}},
		{"bad kind", url.Values{"id": {"aktobe"}, "kind": {"river"}, "term-en": {"Aktobe"}}, []string{"Choose what the entry names: person, place"}},
		{"no forms", url.Values{"id": {"aktobe"}, "kind": {"place"}}, []string{"aktobe"}},
		{"duplicate", url.Values{"id": {"minister"}, "kind": {"person"}, "term-en": {"Minister"}}, []string{"glossary/people.yaml:2:", "already has an entry minister"}},
		{"conflict", url.Values{"id": {"ministry"}, "kind": {"person"}, "term-en": {"minister"}, "term-ru": {"министр"}, "term-kk": {"министр"}},
			[]string{"entry ministry was not added", "glossary/people.yaml:", "Correct the forms below"}},
		{"too long", url.Values{"id": {"aktobe"}, "kind": {"place"}, "term-en": {strings.Repeat("A", 501)}}, []string{"more than 500 bytes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := url.Values{"csrf": {csrf}, "note": {`"><script>alert(1)</script>`}}
			for k, v := range tc.form {
				f[k] = v
			}
			res, page := c.do("POST", "/glossary/add", f)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422:\n%s", res.StatusCode, text(page))
			}
			notes := regexp.MustCompile(`(?s)<ul class="notes".*?</ul>`).FindString(page)
			for _, want := range tc.want {
				if !strings.Contains(text(notes), want) {
					t.Errorf("the refusal does not say %q:\n%s", want, text(notes))
				}
			}
			if strings.Contains(page, "<script>alert") {
				t.Error("a field is written back unescaped")
			}
			if !strings.Contains(page, `id="add" open`) || (tc.form.Get("term-en") != "" && !strings.Contains(page, `name="term-en" value="`+tc.form.Get("term-en")+`"`)) {
				t.Error("the refused entry is not back in the form")
			}
			if after := snapshotDir(t, dir); after != before {
				t.Errorf("a refused entry changed the glossary folder:\n%s", after)
			}
		})
	}

	// A form from another site, or without the token, writes nothing.
	res, _ := c.do("POST", "/glossary/add", url.Values{"id": {"aktobe"}, "kind": {"place"}, "term-en": {"Aktobe"}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("a form without the token: status %d, want 403", res.StatusCode)
	}
	if after := snapshotDir(t, dir); after != before {
		t.Errorf("a form without the token changed the glossary folder:\n%s", after)
	}

	// A page of this server drawn before it started again (its token is
	// of the server before): nothing is written, what was typed is back.
	c.header.Set("Sec-Fetch-Site", "same-origin")
	res, page = c.do("POST", "/glossary/add", url.Values{"csrf": {"from-before"}, "id": {"aktobe"}, "kind": {"place"}, "term-en": {"Aktobe"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text(page), "started again") || !strings.Contains(page, `name="term-en" value="Aktobe"`) {
		t.Errorf("a form of a page drawn before serve started again: status %d, want 422 with the entry back in the form:\n%s", res.StatusCode, text(page))
	}
	if after := snapshotDir(t, dir); after != before {
		t.Errorf("a form from before a restart changed the glossary folder:\n%s", after)
	}
}

// TestGlossaryAddSaysInRussian: what the page says after adding comes from
// the catalogue of the page's language.
func TestGlossaryAddSaysInRussian(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/glossary?lang=ru")
	if !strings.Contains(page, "Добавить запись") {
		t.Fatalf("the Russian page has no form to add an entry:\n%s", text(page))
	}
	csrf := csrfRe.FindStringSubmatch(page)[1]
	res, _ := c.do("POST", "/glossary/add", url.Values{"csrf": {csrf}, "id": {"aktobe"}, "kind": {"place"},
		"term-en": {"Aktobe"}, "term-ru": {"Актобе"}, "term-kk": {"Ақтөбе"}})
	_, page = c.follow(res)
	if !strings.Contains(text(page), "запись aktobe добавлена в glossary/places.yaml") {
		t.Errorf("the Russian page does not say the entry was added:\n%s", text(page))
	}
}

// snapshotDir is every file of dir with its bytes, to compare.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(e.Name() + "\n" + string(data) + "\n")
	}
	return b.String()
}
