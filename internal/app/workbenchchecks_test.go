package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestWorkbenchChecks: the workbench runs the quick checks and spelling
// (as check does), never consistency; tilmash.yaml turning spelling off
// is honoured; status's quick checks stay without spelling.
func TestWorkbenchChecks(t *testing.T) {
	for _, c := range []struct {
		name, checks string
		spelling     bool
	}{
		{"default", "", true},
		{"severity", "checks:\n  spelling: {severity: error}\n", true},
		{"off", "checks:\n  spelling: {enabled: false}\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws, err := workspace.Init(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			cfg := "languages: [en, ru, kk]\nsource: en\n" + c.checks
			if err := os.WriteFile(ws.Path("tilmash.yaml"), []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			if ws, err = workspace.Open(ws.Root); err != nil {
				t.Fatal(err)
			}
			wb, quick := WorkbenchChecks(ws).Checks, QuickChecks(ws).Checks
			if got := slices.Contains(wb, "spelling"); got != c.spelling {
				t.Errorf("workbench spelling %v, want %v (%q)", got, c.spelling, wb)
			}
			if slices.Contains(wb, "consistency") || slices.Contains(quick, "spelling") {
				t.Errorf("workbench %q, quick %q", wb, quick)
			}
			if rest := slices.DeleteFunc(slices.Clone(wb), func(n string) bool { return n == "spelling" }); !slices.Equal(rest, quick) {
				t.Errorf("workbench %q is not the quick checks %q and spelling", wb, quick)
			}
		})
	}
}

// TestWorkbenchSpellsGlossaryTerms: the workbench spells as check does:
// a misspelt word is a finding, a word of a glossary form the dictionary
// does not know is not (alone, where the matcher finds no term), in the
// page's check and in an edit's report; with the glossary from the
// compiled cache, as a large one is read.
func TestWorkbenchSpellsGlossaryTerms(t *testing.T) {
	testenv.Command(t, "hunspell", "apt-get install hunspell hunspell-ru")
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws.Path("tilmash.yaml"), []byte("languages: [en, ru]\nsource: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if ws, err = workspace.Open(ws.Root); err != nil {
		t.Fatal(err)
	}
	writeGlossary(t, ws, "places.yaml", "terms:\n  - id: zarqa\n    kind: other\n    en: {term: zarqa fund}\n    ru: {term: фонд зарква, inflect: none}\n")
	a := New("test")
	a.Spellers = qa.NewSpellers(2)
	defer a.Spellers.Close()
	// Glossaries of any size through the compiled cache: built by one
	// loader, read (lazily for checks) by another, as by a later process.
	newCacheLoader("v1").Load(ws)
	gc := newCacheLoader("v1")
	a.Glossary, a.CheckGlossary = gc.Load, gc.LoadForChecks
	if c, err := a.CheckGlossary(ws); err != nil || c == nil || c.Glossary.Entries != nil {
		t.Fatalf("the glossary for checks is not lazy: %v", err)
	}
	texts := map[string]string{"en": "The zarqa approved 95 projects.\n", "ru": "Эта зарква одобрила 95 праектов.\n"}
	for _, l := range []string{"en", "ru"} {
		if _, err := a.Import(ws, "news", l, []byte(texts[l]), l+".txt", "", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Align(ws, "news"); err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "news")
	if err != nil {
		t.Fatal(err)
	}
	al, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	res := a.WorkbenchCheck(d, al, AlignCheck{})
	if res.Err != nil || len(res.Notes) > 0 {
		t.Skipf("SKIP: spelling did not run: %v %v", res.Err, res.Notes)
	}
	var words []string
	for _, f := range res.Findings {
		if f.Check == "spelling" {
			words = append(words, f.Text)
		}
	}
	if !slices.Equal(words, []string{"праектов"}) {
		t.Errorf("spelling findings %q, want праектов only (зарква is a word of the glossary's фонд зарква)", words)
	}
	marks, ok := a.groupFindings(ws, "news", al, []int{1}, true)
	if !ok {
		t.Fatal("the workbench's group check did not run")
	}
	for _, m := range marks {
		if m.Kind == "spelling" && m.Text != "праектов" {
			t.Errorf("an edit's report finds %q misspelt", m.Text)
		}
	}
}
