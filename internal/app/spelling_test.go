package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

// hunspellStarts puts first on PATH a hunspell that notes the dictionary
// of each start, then runs the real one. It returns what was started
// since the last call, sorted, each dictionary once.
func hunspellStarts(t *testing.T) func() []string {
	t.Helper()
	starts := hunspellStartLog(t)
	return func() []string {
		// By dictionary name: a speller starts hunspell over a quick
		// copy of the dictionary (a path ending in its name) and, for
		// suggestions, over another copy.
		out := starts()
		for i, d := range out {
			out[i] = filepath.Base(d)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
}

// hunspellStartLog is hunspellStarts with every start, by the path of
// the dictionary copy it was given: one started twice is there twice, in
// the order of the starts.
func hunspellStartLog(t *testing.T) func() []string {
	t.Helper()
	real := testenv.Command(t, "hunspell", "apt-get install hunspell hunspell-ru hunspell-kk hunspell-en-us")
	dir := t.TempDir()
	log := filepath.Join(dir, "starts")
	script := "#!/bin/sh\nfor a; do [ \"$prev\" = -d ] && echo \"$a\" >>'" + log + "'; prev=$a; done\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "hunspell"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(filepath.ListSeparator)+os.Getenv("PATH"))
	return func() []string {
		data, err := os.ReadFile(log)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		os.Remove(log)
		return strings.Fields(string(data))
	}
}

// spellApp is an App whose spelling check looks first (its DicPath) in
// the dictionaries en_US, ru_RU and kk_KZ of the words the tests that
// count hunspell's starts spell right (spellWorkspace's, and in
// TestPublishKeepsSpellers the same), and no other: their misspelt words
// (мақұлдадфыв, праектов) are unknown, as in the installed dictionaries,
// where every start loaded 2 to 3.4 MB of words for a sentence (0.1 to
// 0.2 CPU-s a start).
func spellApp(t *testing.T) *App {
	t.Helper()
	a := New("test")
	a.DicPath = testenv.Dictionaries(t, map[string][]string{
		"en_US": {"The", "council", "approved", "projects"},
		"ru_RU": {"Совет", "одобрил", "проектов"},
		"kk_KZ": {"Кеңес", "жобаны"},
	})
	return a
}

// spellWorkspace is a workspace (en ru kk, source en) with one document
// in English, Kazakh and, with ru, Russian, whose Kazakh has a word no
// dictionary knows. strict makes spelling an error in tilmash.yaml.
func spellWorkspace(t *testing.T, strict, ru bool) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	if strict {
		cfg := "languages: [en, ru, kk]\nsource: en\nchecks:\n  spelling: {severity: error}\n"
		if err := os.WriteFile(ws.Path("tilmash.yaml"), []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		if ws, err = workspace.Open(ws.Root); err != nil {
			t.Fatal(err)
		}
	}
	texts := map[string]string{"en": "The council approved 95 projects.\n", "kk": "Кеңес 95 жобаны мақұлдадфыв.\n"}
	if ru {
		texts["ru"] = "Совет одобрил 95 проектов.\n"
	}
	for lang, text := range texts {
		if _, err := document.Import(ws, "news", lang, []byte(text), lang+".txt", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

// spellingFindings returns the words of the spelling findings of a check
// run, by language.
func spellingFindings(run CheckRun) []string {
	var out []string
	for _, r := range run.Reports {
		for _, f := range r.Findings {
			if f.Check == "spelling" {
				out = append(out, f.Lang+":"+f.Text)
			}
		}
	}
	return out
}

// TestCheckSpellsOnlyTranslations: check loads the dictionary of each
// language a checked document has a translation in, and no other: not
// the source language's (translations are spelt, the source is what they
// are compared with), not that of a language no document has. It still
// finds the misspelt Kazakh word. A TSV file may hold any language: every
// workspace language's dictionary is loaded for it, and its misspelt
// Russian is found.
func TestCheckSpellsOnlyTranslations(t *testing.T) {
	starts := hunspellStarts(t)
	ws := spellWorkspace(t, false, false)
	ap := spellApp(t)
	read := func(arg string) ([]byte, error) { return os.ReadFile(filepath.Join(ws.Root, arg)) }
	for _, args := range [][]string{nil, {"news"}} {
		run, err := ap.Check(ws, args, CheckOptions{}, read)
		if err != nil {
			t.Fatal(err)
		}
		if got := spellingFindings(run); !slices.Equal(got, []string{"kk:мақұлдадфыв"}) {
			t.Errorf("check %v: spelling findings %q, want the Kazakh word", args, got)
		}
		if got := starts(); !slices.Equal(got, []string{"kk_KZ"}) {
			t.Errorf("check %v started hunspell with %q, want kk_KZ only", args, got)
		}
	}

	tsv := "en\tru\nThe council approved 95 projects.\tСовет одобрил 95 праектов.\n"
	if err := os.WriteFile(ws.Path("rows.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	run, err := ap.Check(ws, []string{"rows.tsv"}, CheckOptions{}, read)
	if err != nil {
		t.Fatal(err)
	}
	if got := spellingFindings(run); !slices.Equal(got, []string{"ru:праектов"}) {
		t.Errorf("check rows.tsv: spelling findings %q, want the Russian word", got)
	}
	if got := starts(); !slices.Equal(got, []string{"en_US", "kk_KZ", "ru_RU"}) {
		t.Errorf("check rows.tsv started hunspell with %q, want every language", got)
	}

	// A document named that is not there fails the check, with or after
	// others, before anything is spelt: no dictionary is loaded for it.
	for _, args := range [][]string{{"nosuch"}, {"news", "nosuch"}, {"rows.tsv", "nosuch"}} {
		if _, err := ap.Check(ws, args, CheckOptions{}, read); err == nil || !strings.Contains(err.Error(), "nosuch") {
			t.Errorf("check %v: %v, want an error naming nosuch", args, err)
		}
		if got := starts(); len(got) != 0 {
			t.Errorf("check %v started hunspell with %q before it failed", args, got)
		}
	}
}

// TestGateSpellsOnlyWhenSpellingBlocks: publish's gate runs only the
// checks whose findings are errors. Spelling is a warning by default: no
// dictionary is loaded and the misspelt document is published. When
// tilmash.yaml makes spelling an error, the gate spells the Russian and
// Kazakh translations (not the English source) and holds the document
// back for the misspelt Kazakh word.
func TestGateSpellsOnlyWhenSpellingBlocks(t *testing.T) {
	starts := hunspellStarts(t)
	for _, strict := range []bool{false, true} {
		ws := spellWorkspace(t, strict, true)
		res, heard := publish(t, spellApp(t), ws, false)
		wantHeld, wantStarts := 0, []string(nil)
		if strict {
			wantHeld, wantStarts = 1, []string{"kk_KZ", "ru_RU"}
		}
		if res.Held != wantHeld {
			t.Errorf("strict=%v: %d held back, want %d\n%s", strict, res.Held, wantHeld, strings.Join(heard, "\n"))
		}
		if got := starts(); !slices.Equal(got, wantStarts) {
			t.Errorf("strict=%v: publish started hunspell with %q, want %q", strict, got, wantStarts)
		}
	}
}
