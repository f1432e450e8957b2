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

// TestGlossaryAddSharedTerm: an entry whose term another entry prefers
// too is added, as glossary add adds it, and the page after it says what
// glossary lint will warn of: both entries, where the other one's term
// is, and what to do.
func TestGlossaryAddSharedTerm(t *testing.T) {
	a, ws := qaWorkspace(t)
	ministerGlossary(t, ws)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/glossary")
	csrf := csrfRe.FindStringSubmatch(page)[1]

	res, _ := c.do("POST", "/glossary/add", url.Values{"csrf": {csrf}, "id": {"vizier"}, "kind": {"person"},
		"term-en": {"vizier"}, "term-ru": {"визирь"}, "term-kk": {"уәзір"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("adding an entry that shares a term: status %d, want 303", res.StatusCode)
	}
	_, page = c.follow(res)
	notes := text(regexp.MustCompile(`(?s)<ul class="notes".*?</ul>`).FindString(page))
	for _, want := range []string{"added vizier to glossary/people.yaml",
		`entry vizier has the same kk term "уәзір" as entry minister at glossary/people.yaml:`,
		"merge the two into one entry"} {
		if !strings.Contains(notes, want) {
			t.Errorf("the page after adding does not say %q:\n%s", want, notes)
		}
	}
	data, err := os.ReadFile(filepath.Join(ws.Path(ws.Config.Glossary), "people.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "id: vizier") {
		t.Errorf("the entry was not written:\n%s", data)
	}
}

// TestGlossaryAddKindOther: a person's name added with the kind the form
// starts with (other) is added, and the page after it says that such a
// name declines otherwise and what to change, as glossary add does.
func TestGlossaryAddKindOther(t *testing.T) {
	a, ws := qaWorkspace(t)
	ministerGlossary(t, ws)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/glossary")
	csrf := csrfRe.FindStringSubmatch(page)[1]
	for _, tc := range []struct{ kind, id string }{{"other", "kassymov"}, {"person", "kassymova"}} {
		res, _ := c.do("POST", "/glossary/add", url.Values{"csrf": {csrf}, "id": {tc.id}, "kind": {tc.kind},
			"term-en": {"Arman Kassymov"}, "term-ru": {"Арман Касымов"}, "term-kk": {"Арман Қасымов"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: status %d, want 303", tc.kind, res.StatusCode)
		}
		_, page = c.follow(res)
		notes := text(regexp.MustCompile(`(?s)<ul class="notes".*?</ul>`).FindString(page))
		const want = "looks like a person's name, but the entry was added as"
		if got := strings.Contains(notes, want); got != (tc.kind == "other") {
			t.Errorf("kind %s: the page says %q: %v, want %v:\n%s", tc.kind, want, got, tc.kind == "other", notes)
		}
		if tc.kind == "other" && !strings.Contains(notes, "change kind: other to kind: person in glossary/terms.yaml") {
			t.Errorf("the page does not say what to change:\n%s", notes)
		}
	}
}
