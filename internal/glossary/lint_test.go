package glossary

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update after checking):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

var workspaceLangs = []string{"en", "ru", "kk"}

func lintReport(probs []Problem) string {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString(p.Code)
		b.WriteString("\t")
		b.WriteString(p.Error())
		b.WriteString("\n")
	}
	return b.String()
}

func TestLintGolden(t *testing.T) {
	g, probs, err := Load(filepath.Join("testdata", "lint", "bad"), workspaceLangs)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("lint", "bad.golden"), lintReport(probs))
	// Every code is exercised by the fixture, so the golden file shows each
	// message at least once.
	seen := map[string]bool{}
	for _, p := range probs {
		seen[p.Code] = true
	}
	for _, code := range allLintCodes {
		if !seen[code] {
			t.Errorf("fixture does not exercise %s", code)
		}
	}
	// The readable entries are still loaded; the duplicate is dropped.
	var ids []string
	for _, e := range g.Entries {
		ids = append(ids, e.ID)
	}
	if got := strings.Join(ids, " "); got != "tokayev Nazarbayev Nursultan almaty shymkent bad-alma-ata almaty-city" {
		t.Errorf("entries = %s", got)
	}
}

var allLintCodes = []string{
	CodeMalformedYAML, CodeUnclosedQuote, CodeUnknownField, CodeDuplicateField, CodeWantMapping, CodeWantList, CodeWantText,
	CodeMissingID, CodeInvalidID, CodeDuplicateID, CodeInvalidKind, CodeMissingLanguage, CodeMissingTerm,
	CodeEmptyForm, CodeInvalidInflect, CodeFormConflict, CodeSelfConflict, CodeLookAlike, CodeLookAlikeUnfixable,
	CodeSharedTerm,
}

// TestLintLookAlike: an accepted form whose word mixes Latin and Cyrillic
// letters is a problem at its place, with the form in one alphabet when
// every stray letter has a twin; a forbidden form is left alone, and so
// are words of one alphabet joined by a hyphen.
func TestLintLookAlike(t *testing.T) {
	tests := []struct{ name, forms, want string }{
		{"kk term with Latin T, o, a", "kk: {term: Toқaев}", "x.yaml:6:16: entry e: kk form \"Toқaев\" mixes Latin and Cyrillic letters: write \"Тоқаев\""},
		{"ru variant with Latin e", "ru: {term: Токаев, variants: [Тoкаев, Tokaeв]}", "x.yaml:5:35: entry e: ru form \"Тoкаев\" mixes Latin and Cyrillic letters: write \"Токаев\"\n" +
			"x.yaml:5:43: entry e: ru form \"Tokaeв\" mixes Latin and Cyrillic letters"},
		{"en term with Cyrillic у", "en: {term: Almatу}", "x.yaml:4:16: entry e: en form \"Almatу\" mixes Latin and Cyrillic letters: write \"Almaty\""},
		{"kk extra form, second word", "kk: {term: Тоқаев, forms: [Президент Тоқаевқa]}", "x.yaml:6:32: entry e: kk form \"Президент Тоқаевқa\" mixes Latin and Cyrillic letters: write \"Президент Тоқаевқа\""},
		{"forbidden is left alone", "kk: {term: Тоқаев, forbidden: [Toкaев]}", ""},
		{"a hyphen joins two alphabets", "kk: {term: BBC-ге}", ""},
		{"Latin words in Cyrillic text", "kk: {term: Penal Reform International ұйымы}", ""},
	}
	for _, tt := range tests {
		forms := map[string]string{"en": "en: {term: Tokayev}", "ru": "ru: {term: Токаев}", "kk": "kk: {term: Тоқаев}"}
		forms[tt.forms[:2]] = tt.forms
		doc := "terms:\n  - id: e\n    kind: person\n    " + forms["en"] + "\n    " + forms["ru"] + "\n    " + forms["kk"] + "\n"
		_, probs := Parse("x.yaml", []byte(doc), workspaceLangs)
		var got []string
		for _, p := range probs {
			got = append(got, p.Error())
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("%s:\n%s\ngot  %q\nwant %q", tt.name, doc, g, tt.want)
		}
	}
}

func TestLintClean(t *testing.T) {
	_, probs, err := Load(filepath.Join("testdata", "glossary"), workspaceLangs)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Errorf("clean fixture has problems:\n%s", lintReport(probs))
	}
}

func TestLoadErrors(t *testing.T) {
	if _, _, err := Load(filepath.Join("testdata", "no-such-dir"), workspaceLangs); err == nil {
		t.Error("Load of a missing folder: no error")
	}
}

func TestLoadAnyLanguage(t *testing.T) {
	// Without workspace languages, any language code is a form and none is
	// required; other keys are still unknown.
	g, probs := Parse("x.yaml", []byte("terms:\n  - id: a\n    de: {term: Almaty}\n    nte: x\n    Note: y\n"), nil)
	if len(g.Entries) != 1 || g.Entries[0].Langs["de"] == nil {
		t.Fatalf("entries = %+v", g.Entries)
	}
	var codes []string
	for _, p := range probs {
		codes = append(codes, p.Code+"@"+p.Field)
	}
	// nte is a valid ISO 639-3 code, so it reads as a language whose form
	// is not a mapping; Note is not lower case, so it is unknown.
	if got := strings.Join(codes, " "); got != CodeWantMapping+"@nte "+CodeUnknownField+"@Note" {
		t.Errorf("problems = %s", got)
	}
}

// TestLintUnclosedQuote: a quotation mark left open makes the YAML parser
// run to the end of the file, which is where it says the error is; lint
// names the mark instead, whatever lies between. Marks inside words,
// comments, escaped or doubled quotes are not taken for it, and an error
// of another kind keeps the parser's position.
func TestLintUnclosedQuote(t *testing.T) {
	const tail = "    en: {term: A}\n    ru: {term: А}\n    kk: {term: А}\n\n  - id: b\n    kind: place\n    en: {term: B}\n    ru: {term: Б}\n    kk: {term: Б}\n"
	tests := []struct{ name, doc, want string }{
		{"double quote in a note", "terms:\n  - id: a\n    note: \"never closed\n" + tail,
			`x.yaml:3:11: malformed YAML: the quotation mark " opened here is never closed`},
		{"single quote, after a doubled one", "terms:\n  - id: a\n    note: 'it''s open\n" + tail,
			`x.yaml:3:11: malformed YAML: the quotation mark ' opened here is never closed`},
		{"in a flow mapping, after apostrophes and a comment", "# don't \"quote\" me\nterms:\n  - id: a\n    note: Almaty's mayor\n    en: {term: \"Almaty \\\"mayor\\\"\"}\n    kk: {term: Б, variants: ['Алматы]}\n" + tail,
			`x.yaml:6:30: malformed YAML: the quotation mark ' opened here is never closed`},
		{"another error keeps its place", "terms:\n  - id: a\n    en: {term: Broken\n    ru: {term: Сломано}\n",
			"x.yaml:3:9: malformed YAML: a { is not closed: a comma or } was expected"},
	}
	for _, tt := range tests {
		_, probs := Parse("x.yaml", []byte(tt.doc), workspaceLangs)
		var got []string
		for _, p := range probs {
			got = append(got, p.Error())
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("%s:\n%s\ngot  %q\nwant %q", tt.name, tt.doc, g, tt.want)
		}
	}
}

// TestInflectStem: inflect: stem is a Kazakh hint (Үлкен Алматы), not a
// Russian one.
func TestInflectStem(t *testing.T) {
	src := "terms:\n  - id: lake\n    kind: place\n    en: {term: Big Almaty Lake}\n    ru: {term: Большое Алматинское озеро, inflect: stem}\n    kk: {term: Үлкен Алматы, inflect: stem}\n"
	_, probs := Parse("lake.yaml", []byte(src), workspaceLangs)
	if len(probs) != 1 || probs[0].Code != CodeInvalidInflect || probs[0].Lang != "ru" {
		t.Fatalf("want one invalid-inflect problem for ru, got %v", probs)
	}
}
