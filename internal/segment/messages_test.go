package segment

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"gopkg.in/yaml.v3"
)

// message is what the CLI needs of an error to localize it.
type message interface {
	MessageID() string
	TemplateData() map[string]any
	Hint() string
}

// sampleErrors returns one error of every kind the package reports.
func sampleErrors(t *testing.T) []message {
	t.Helper()
	_, langErr := DefaultRules("de")
	var out []message
	var le *LanguageError
	if !errors.As(langErr, &le) {
		t.Fatal("DefaultRules(de) did not give a *LanguageError")
	}
	out = append(out, le)
	for _, code := range []string{"syntax", "root", "version", "break", "rule-set"} {
		out = append(out, &SRXError{File: "house.srx", Line: 3, Column: 7, Code: code, Detail: "x"})
	}
	out = append(out, &SRXError{Code: "no-languages", Detail: "en, kk, ru"})
	out = append(out,
		&RuleError{File: "house.srx", Line: 9, Column: 5, Place: "languagerule en, rule 2", Field: "beforebreak", Pattern: "[a", Err: errors.New("missing closing ]")},
		&RuleError{Place: "en rule 1", Field: "beforebreak", Pattern: "(?<=a)b", Err: errors.New("invalid named capture")},
	)
	for _, code := range []string{"key", "language", "value"} {
		out = append(out, &ConfigError{Line: 2, Column: 3, Code: code, Key: "abbrevations", Known: overrideKeys})
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
		for _, id := range []string{e.MessageID(), e.Hint()} {
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
