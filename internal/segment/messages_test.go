package segment

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/tilmash/tilmash/internal/locale"
	"gopkg.in/yaml.v3"
)

// sampleErrors returns one error of every kind the package reports.
func sampleErrors(t *testing.T) []*locale.Error {
	t.Helper()
	_, langErr := DefaultRules("de")
	var out []*locale.Error
	var le *locale.Error
	if !errors.As(langErr, &le) {
		t.Fatal("DefaultRules(de) did not give a *locale.Error")
	}
	out = append(out, le)
	for _, code := range []string{"syntax", "root", "version", "break", "rule-set"} {
		out = append(out, srxError(locale.Pos{File: "house.srx", Line: 3, Column: 7}, code, "x"))
	}
	out = append(out, srxError(locale.Pos{}, "no-languages", "en, kk, ru"))
	out = append(out,
		ruleError(locale.Pos{File: "house.srx", Line: 9, Column: 5}, "languagerule en, rule 2", "beforebreak", "[a", errors.New("missing closing ]")),
		ruleError(locale.Pos{}, "en rule 1", "beforebreak", "(?<=a)b", errors.New("invalid named capture")),
	)
	for _, code := range []string{"key", "language", "value"} {
		out = append(out, newConfigError(2, 3, code, "abbrevations", "", overrideKeys))
	}
	return out
}

// TestMessagesInCatalogue checks that every message and hint id the
// package's errors use is in locales/segment.{en,ru,kk}.yaml, that the
// three files hold the same ids, and that each template runs on the
// error's data without leaving a placeholder unfilled.
func TestMessagesInCatalogue(t *testing.T) {
	cats := map[string]map[string]string{}
	for _, lang := range Languages() {
		data, err := os.ReadFile(filepath.Join("..", "..", "locales", "segment."+lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Fatalf("segment.%s.yaml: %v", lang, err)
		}
		cats[lang] = m
	}
	for id := range cats["en"] {
		for _, lang := range []string{"ru", "kk"} {
			if _, ok := cats[lang][id]; !ok {
				t.Errorf("segment.%s.yaml lacks %s", lang, id)
			}
		}
	}
	if len(cats["ru"]) != len(cats["en"]) || len(cats["kk"]) != len(cats["en"]) {
		t.Errorf("catalogue sizes differ: en %d, ru %d, kk %d", len(cats["en"]), len(cats["ru"]), len(cats["kk"]))
	}
	for _, e := range sampleErrors(t) {
		for _, id := range []string{e.ID, e.Hint} {
			for lang, cat := range cats {
				src, ok := cat[id]
				if !ok {
					t.Errorf("segment.%s.yaml lacks %s", lang, id)
					continue
				}
				tmpl, err := template.New(id).Option("missingkey=error").Parse(src)
				if err != nil {
					t.Errorf("%s %s: %v", lang, id, err)
					continue
				}
				var b strings.Builder
				if err := tmpl.Execute(&b, e.TemplateData()); err != nil {
					t.Errorf("%s %s: %v", lang, id, err)
				}
				if strings.Contains(b.String(), "<no value>") || strings.HasSuffix(b.String(), ".") {
					t.Errorf("%s %s renders as %q", lang, id, b.String())
				}
			}
		}
	}
}
