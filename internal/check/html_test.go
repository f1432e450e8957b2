package check_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/sheet"
)

var updateHTML = flag.Bool("update-html", false, "rewrite the HTML report golden file")

// htmlReports checks a TSV with a number error, a forbidden form, a
// typography warning and hostile text, and a consistency finding.
func htmlReports(t *testing.T) []*check.Report {
	t.Helper()
	c := testChecker(t)
	var buf bytes.Buffer
	w := sheet.NewTSV(&buf, true)
	w.WriteAll([][]string{
		{"en", "ru", "kk"},
		{"The council approved 95 <b>projects</b> & more.", "Совет одобрил 59 <b>проектов</b> & др.", "Кеңес 95 жобаны мақұлдады."},
		{`Tokayev said "enough" </script><script>alert(1)</script>.`, `Токаев сказал "хватит".`, "Токаев «жетер» деді."},
		{"The talks will go on next week.", "Переговоры продолжатся на следующей неделе.", "Келіссөздер келесі аптада жалғасады."},
		{"The talks will go on next week.", "Переговоры возобновятся через неделю.", "Келіссөздер келесі аптада жалғасады."},
	})
	tsv := buf.String()
	s := check.NewSuite(c, "en", []string{"en", "ru", "kk"}, check.Config{Checks: []string{"terms", "numbers", "typography", "consistency"}})
	defer s.Close()
	r, err := s.TSV(0, "memory<1>.tsv", strings.NewReader(tsv), []string{"en", "ru", "kk"})
	if err != nil {
		t.Fatal(err)
	}
	r.Findings = append(r.Findings, s.Consistency()...)
	return []*check.Report{r}
}

func labels(t *testing.T, lang string) func(string, map[string]any) string {
	l, err := locale.New(lang)
	if err != nil {
		t.Fatal(err)
	}
	return l.Text
}

// TestWriteHTMLGolden compares the report with testdata/report.html
// (-update-html rewrites it).
func TestWriteHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := check.WriteHTML(&b, htmlReports(t), check.HTMLOptions{Lang: "en", Labels: labels(t, "en"), Workspace: "house"}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.html")
	if *updateHTML {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("report differs from %s (run with -update-html and review the diff):\n%s", golden, b.String())
	}
}

// TestWriteHTMLEscapes: texts, names and messages from files are escaped;
// the page has no script and fetches nothing.
func TestWriteHTMLEscapes(t *testing.T) {
	for _, lang := range []string{"en", "ru", "kk"} {
		var b bytes.Buffer
		if err := check.WriteHTML(&b, htmlReports(t), check.HTMLOptions{Lang: lang, Labels: labels(t, lang), Workspace: `<ws "x">`}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		for _, bad := range []string{"<script", "<b>", "</b>", "src=", "href=\"http", "<ws", "url("} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: the page contains %q", lang, bad)
			}
		}
		for _, good := range []string{"&lt;b&gt;", "&lt;/script&gt;", "memory&lt;1&gt;.tsv", "<mark>59</mark>", "&amp; др.", `<html lang="` + lang + `">`} {
			if !strings.Contains(page, good) {
				t.Errorf("%s: the page lacks %q", lang, good)
			}
		}
	}
}

// TestWriteHTMLWholeTextExcerpts: a document not aligned yet whose
// paragraphs do not pair up is checked as whole texts; a finding then
// shows, beside the spot, the part of the other text that corresponds,
// as the text report does, not both whole texts (a 1.5 KB article gave a
// 36 KB page). A sentence's finding still shows the sentences whole (the
// golden report).
func TestWriteHTMLWholeTextExcerpts(t *testing.T) {
	en := "The first paragraph of the report sets the scene with enough words to be long, and then it goes on for a while longer so that it is long.\n\n" +
		"A second paragraph, about the beach and the water and the boats, is also fairly long, with more words in it than needed for anything.\n\n" +
		"Then the witness said the shark came close to Tokayev, and everyone got out of the water quickly and safely, with the help of the lifeguards.\n\n" +
		"The last paragraph of the report closes the story with more words, and says the beach was shut for two days for the investigation."
	ru := "Первый абзац отчёта описывает обстановку достаточно подробно, чтобы быть длинным, и продолжается ещё некоторое время.\n\n" +
		"Второй абзац, о пляже, воде и лодках, тоже довольно длинный, и в нём больше слов, чем нужно. Свидетель сказал, что \"Акула подплыла близко\", и все быстро вышли из воды.\n\n" +
		"Последний абзац отчёта завершает историю и сообщает, что пляж закрыли на два дня для расследования."
	s := check.NewSuite(testChecker(t), "en", []string{"en", "ru"}, check.Config{Checks: []string{"terms", "typography"}})
	defer s.Close()
	u := check.Unit{Number: 1, Texts: map[string]string{"en": en, "ru": ru},
		Pos:   map[string]check.Position{"en": {File: "en.txt", Line: 1, Column: 1}, "ru": {File: "ru.txt", Line: 1, Column: 1}},
		Exact: map[string]bool{"en": true, "ru": true}}
	r := &check.Report{Name: "story", Format: "document", Source: "en", Scope: check.ScopeText, Units: 1}
	r.Findings = s.Units(0, "story", "en", check.ScopeText, []check.Unit{u})
	kinds := map[string]bool{}
	for _, f := range r.Findings {
		kinds[f.Kind] = true
	}
	if !kinds[glossary.FindingMissing] || !kinds["typography"] {
		t.Fatalf("the sample's findings are not a missing term and a typography finding: %v", kinds)
	}
	var b bytes.Buffer
	if err := check.WriteHTML(&b, []*check.Report{r}, check.HTMLOptions{Lang: "en", Labels: labels(t, "en"), Workspace: "house"}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, far := range []string{"The first paragraph", "The last paragraph", "Первый абзац", "Последний абзац"} {
		if strings.Contains(page, far) {
			t.Errorf("the page shows %q, far from every finding", far)
		}
	}
	// The typography finding's spot in Russian, and the English that
	// corresponds; the missing term in English, and the Russian there.
	for _, near := range []string{"<mark>&#34;</mark>Акула", "the shark came close", "<mark>Tokayev</mark>", "Свидетель сказал", "…"} {
		if !strings.Contains(page, near) {
			t.Errorf("the page lacks %q:\n%s", near, page)
		}
	}
}
