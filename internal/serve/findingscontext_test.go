package serve_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/workspace"
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
	ministerGlossary(t, ws)
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

// TestFindingMarkSaysWhatTheFindingSays: a glossary finding's mark in the
// text says what the finding beside the group says. The mark said the
// marker's words ("use “Қасым-Жомарт Тоқаев”", the entry's term) where the
// finding said "use “Тоқаевқа”" (the form the sentence needs): two
// corrections for one word, one of them wrong in the sentence.
func TestFindingMarkSaysWhatTheFindingSays(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws = withoutSpelling(t, ws)
	const gl = "terms:\n  - id: tokayev\n    kind: person\n" +
		"    en: {term: Kassym-Jomart Tokayev, variants: [Tokayev]}\n" +
		"    ru: {term: Касым-Жомарт Токаев, variants: [Токаев]}\n" +
		"    kk: {term: Қасым-Жомарт Тоқаев, variants: [Тоқаев], forbidden: [Токаев]}\n"
	if err := os.MkdirAll(ws.Path(ws.Config.Glossary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws.Path(ws.Config.Glossary), "people.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
	a := serve.NewTestApp("test")
	for l, txt := range map[string]string{
		"en": "The party gave Tokayev a free hand.\n",
		"ru": "Партия развязала Токаеву руки.\n",
		"kk": "Партия Токаевқа еркіндік берді.\n",
	} {
		if _, err := a.Import(ws, "party", l, []byte(txt), l+".txt", "", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Align(ws, "party"); err != nil {
		t.Fatal(err)
	}
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/doc/party")
	row := groupRows(t, page)[1]
	finding := regexp.MustCompile(`<div class="finding error" data-check="terms"[^>]*><span class="level">[^<]*</span> ([^<]*)`).FindStringSubmatch(row)
	mark := regexp.MustCompile(`<mark class="finding" title="([^"]*)">Токаевқа</mark>`).FindStringSubmatch(row)
	if finding == nil || mark == nil {
		t.Fatalf("group 1 has no forbidden-form finding, or no mark on Токаевқа:\n%s", row)
	}
	if strings.TrimSpace(finding[1]) != mark[1] {
		t.Errorf("the mark says %q, the finding %q", mark[1], finding[1])
	}
}

// TestMissingTermMarkedInSource: a term the translation lacks (a missing
// finding) is marked as a finding on the source's words, with what the
// finding says; it was underlined like any other term, so that the red
// finding beside the group pointed at nothing in the text.
func TestMissingTermMarkedInSource(t *testing.T) {
	a, ws := qaWorkspace(t)
	ministerGlossary(t, ws)
	c := fixtureOn(t, a, ws).client()
	_, page := c.get("/doc/prices")
	row := groupRows(t, page)[2]
	finding := regexp.MustCompile(`<div class="finding error" data-check="terms"[^>]*><span class="level">[^<]*</span> ([^<]*)`).FindStringSubmatch(row)
	if finding == nil {
		t.Fatalf("group 2 has no missing-term finding:\n%s", row)
	}
	want := `<mark class="finding" title="` + strings.TrimSpace(finding[1]) + `">minister</mark>`
	if !strings.Contains(row, want) {
		t.Errorf("the source's term is not marked with the finding %s:\n%s", want, row)
	}
}
