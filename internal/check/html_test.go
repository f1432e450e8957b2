package check_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
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
