package yamlx_test

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// TestLocateSyntax: a syntax error is placed on the line at fault, with a
// column, where yaml.v3 names the line its block started on (0-based) or
// no column at all.
func TestLocateSyntax(t *testing.T) {
	tests := []struct {
		name, doc string
		line, col int
		id        string // catalogue id of the problem, or yaml.v3's words
	}{
		{"a key indented one space too few, far below", "terms:\n  - id: a\n    en: {term: A}\n    ru: {term: А}\n  - id: b\n    en: {term: B}\n   ru: {term: Б}\n",
			7, 4, "yaml.syntax.expected-dash"},
		{"a key indented one space too many", "terms:\n  - id: a\n    en: {term: A}\n     ru: {term: А}\n", 4, 6, "yaml.syntax.expected-key"},
		{"a plain value indented too far", "terms:\n  - id: a\n    note: a\n     kind: place\n", 4, 6, "yaml.syntax.colon-in-value"},
		{"text after a quoted value", "terms:\n  - id: a\n    note: \"a\" b\n", 3, 5, "yaml.syntax.expected-key"},
		{"a colon inside a value", "terms:\n  - id: a\n    note: Capital: Astana\n", 3, 5, "yaml.syntax.colon-in-value"},
		{"a flow mapping left open", "terms:\n  - id: a\n    en: {term: A\n    ru: {term: А}\n", 3, 9, "yaml.syntax.expected-brace"},
		{"a flow list left open", "terms:\n  - id: a\n    en: {term: A, variants: [B, C}\n", 3, 29, "yaml.syntax.expected-bracket"},
		{"a tab in the indentation", "terms:\n  - id: a\n\tnote: x\n", 3, 1, "yaml.syntax.tab"},
		{"a key without its colon", "terms:\n  - id: a\n    note\n    kind: place\n", 3, 5, "yaml.syntax.expected-colon"},
		{"an unknown escape", "terms:\n  - id: a\n    note: \"a \\d b\"\n", 3, 5, "yaml.syntax.escape"},
		{"@ starts a value", "terms:\n  - id: a\n    note: @home\n", 3, 5, "yaml.syntax.bad-start"},
		{"CRLF lines", "terms:\r\n  - id: a\r\n    en: {term: A}\r\n   ru: {term: А}\r\n", 4, 4, "yaml.syntax.expected-dash"},
		{"no final newline", "terms:\n  - id: a\n   ru: x", 3, 4, "yaml.syntax.expected-dash"},
	}
	for _, tt := range tests {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tt.doc), &n)
		se := yamlx.LocateSyntax("g.yaml", []byte(tt.doc), err)
		if se == nil {
			t.Errorf("%s: no syntax error for %v", tt.name, err)
			continue
		}
		id := se.Problem
		if m, ok := se.Detail().(locale.Msg); ok {
			id = m.ID
		}
		if se.Line != tt.line || se.Column != tt.col || id != tt.id {
			t.Errorf("%s: %d:%d %s (%s), want %d:%d %s", tt.name, se.Line, se.Column, id, se.Problem, tt.line, tt.col, tt.id)
		}
		if !errors.Is(se, err) {
			t.Errorf("%s: the SyntaxError does not wrap yaml.v3's", tt.name)
		}
	}
	for _, err := range []error{nil, errors.New("yaml: unmarshal errors:\n  line 2: cannot unmarshal !!seq into string"), errors.New("yaml: invalid leading UTF-8 octet")} {
		if se := yamlx.LocateSyntax("g.yaml", []byte("a: b\n"), err); se != nil {
			t.Errorf("LocateSyntax(%v) = %v, want nil", err, se)
		}
	}
}

// TestSyntaxDetailTranslated: each problem worded by the catalogue reads
// in en, ru and kk, and one it does not word stays yaml.v3's.
func TestSyntaxDetailTranslated(t *testing.T) {
	problems := []string{
		"did not find expected key", "did not find expected '-' indicator", "mapping values are not allowed in this context",
		"block sequence entries are not allowed in this context", "found character that cannot start any token",
		"found a tab character that violates indentation", "found a tab character where an indentation space is expected",
		"could not find expected ':'", "did not find expected ',' or '}'", "did not find expected ',' or ']'",
		"found unknown escape character", "did not find expected node content", "found unexpected end of stream",
		"did not find expected comment or line break", "did not find expected alphabetic or numeric character", "found undefined tag handle",
	}
	seen := map[string]map[string]string{}
	for _, lang := range []string{"en", "ru", "kk"} {
		l, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		seen[lang] = map[string]string{}
		for _, p := range problems {
			m, ok := yamlx.SyntaxDetail(p).(locale.Msg)
			if !ok {
				t.Errorf("%q has no catalogue message", p)
				continue
			}
			got := l.Text(m.ID, nil)
			if got == m.ID || got == "" || strings.Contains(got, "did not find") {
				t.Errorf("%s: %s: %q", lang, m.ID, got)
			}
			seen[lang][m.ID] = got
		}
	}
	for id, en := range seen["en"] {
		if seen["ru"][id] == en || seen["kk"][id] == en {
			t.Errorf("%s: ru or kk is the English %q", id, en)
		}
	}
	if d := yamlx.SyntaxDetail("exceeded max depth of 10000"); d != "exceeded max depth of 10000" {
		t.Errorf("an unknown problem became %v", d)
	}
}

// FuzzLocateSyntax: whatever the file, a located error is on one of its
// lines, at a column inside it, and has the problem yaml.v3 gave.
func FuzzLocateSyntax(f *testing.F) {
	for _, s := range []string{"terms:\n  - id: a\n   ru: x\n", "a: {b: [c\n", "\tx: y\n", "a: \"\\q\"\n", "a: b: c\n", "- a\nb: c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(doc), &n)
		se := yamlx.LocateSyntax("f.yaml", []byte(doc), err)
		if se == nil {
			return
		}
		lines := strings.SplitAfter(doc, "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		if se.Line < 1 || se.Line > max(1, len(lines)) || se.Column < 1 {
			t.Fatalf("%q: %d:%d outside the file (%d lines)", doc, se.Line, se.Column, len(lines))
		}
		if len(lines) > 0 && se.Column > len([]rune(lines[se.Line-1]))+1 {
			t.Fatalf("%q: column %d past line %d", doc, se.Column, se.Line)
		}
		if !strings.HasSuffix(err.Error(), se.Problem) {
			t.Fatalf("%q: problem %q, yaml.v3 said %v", doc, se.Problem, err)
		}
	})
}
