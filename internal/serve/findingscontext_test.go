package serve_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFindingsPageContext: the findings page shows each finding in its
// sentence, the words it is about marked, so that an editor sees which
// number and which quotation mark are meant without opening every group.
// Before, it gave the message alone ("the quotation mark “ is not used in
// kk text"), not the sentence.
func TestFindingsPageContext(t *testing.T) {
	a, ws := qaWorkspace(t)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/doc/prices/findings")
	rows := regexp.MustCompile(`(?s)<tr class="(?:error|warning)" data-check="[a-z]+">.*?</tr>`).FindAllString(page, -1)
	want := map[string]string{
		"numbers":    `<p class="context" lang="ru">Цены выросли на <mark>7</mark> процентов в 2024 году.</p>`,
		"typography": `<p class="context" lang="kk">Министр дүйсенбі күні <mark>“</mark>әрекет етеміз” деді.</p>`,
	}
	seen := map[string]bool{}
	for _, r := range rows {
		check := regexp.MustCompile(`data-check="([a-z]+)"`).FindStringSubmatch(r)[1]
		w, ok := want[check]
		if !ok || seen[check] {
			continue
		}
		seen[check] = true
		if !strings.Contains(r, w) {
			t.Errorf("the %s finding is not shown in its sentence %s:\n%s", check, w, r)
		}
	}
	for check := range want {
		if !seen[check] {
			t.Errorf("no %s finding on the page:\n%s", check, text(page))
		}
	}
}

// TestFindingLinksEntry: a glossary finding links to its entry on the
// glossary page, from the findings page and from its group, so that an
// editor checks what the glossary says (its forms, variants, note) before
// correcting the text. Before, the entry's id was only named.
func TestFindingLinksEntry(t *testing.T) {
	a, ws := qaWorkspace(t)
	const gl = "terms:\n  - id: minister\n    en: {term: minister}\n    ru: {term: министр}\n    kk: {term: уәзір}\n"
	if err := os.MkdirAll(ws.Path(ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws.Path(ws.Config.Glossary), "people.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
	c := fixtureOn(t, a, ws).client()
	const link = `href="/glossary?q=minister#e-minister"`
	_, fpage := c.get("/doc/prices/findings?lang=ru")
	row := regexp.MustCompile(`(?s)<tr class="error" data-check="terms">.*?</tr>`).FindString(fpage)
	if !strings.Contains(row, link) || !strings.Contains(text(row), "запись глоссария minister") {
		t.Errorf("the findings page's glossary finding does not link its entry:\n%s", row)
	}
	_, page := c.get("/doc/prices")
	if !strings.Contains(groupRows(t, page)[2], link) {
		t.Errorf("group 2's glossary finding does not link its entry:\n%s", groupRows(t, page)[2])
	}
	if _, gpage := c.get("/glossary?q=minister"); !strings.Contains(gpage, `<tr id="e-minister">`) {
		t.Errorf("the link does not lead to the entry:\n%s", text(gpage))
	}
}
