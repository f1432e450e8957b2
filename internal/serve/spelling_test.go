package serve_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

const hunspellInstall = "apt-get install hunspell hunspell-ru"

// spellTexts is a short article whose Russian has one misspelt word
// (праектов) and whose second paragraph is spelt right.
var spellTexts = map[string]string{
	"en": "The council approved 95 projects.\n\nThe talks resume in May.\n",
	"ru": "Совет одобрил 95 праектов.\n\nПереговоры продолжатся в мае.\n",
}

// spellWorkspace imports and aligns spellTexts as document "news" in a
// workspace of en and ru, with cfg (when not empty) as its tilmash.yaml,
// served by an app with its own pool of spellers, as cmd/tilmash gives
// tilmash serve, that spells with spellDictionaries.
func spellWorkspace(t *testing.T, cfg string) (*fixture, *qa.Spellers) {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if cfg == "" {
		cfg = "languages: [en, ru]\nsource: en\n"
	}
	if err := os.WriteFile(ws.Path("tilmash.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if ws, err = workspace.Open(ws.Root); err != nil {
		t.Fatal(err)
	}
	a := app.New("test")
	pool := qa.NewSpellers(4)
	t.Cleanup(func() { pool.Close() })
	a.Spellers = pool
	a.DicPath = spellDictionaries(t)
	for _, l := range []string{"en", "ru"} {
		if _, err := a.Import(ws, "news", l, []byte(spellTexts[l]), l+".txt", "", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Align(ws, "news"); err != nil {
		t.Fatal(err)
	}
	return fixtureOn(t, a, ws), pool
}

// spellDictionaries writes the dictionaries en_US and ru_RU of
// spellTexts' words, but for its misspelling праектов, and returns their
// folder, for an App's DicPath: hunspell finds in spellWorkspace what it
// finds with the installed dictionaries (праектов, and маее when an edit
// writes it), and starts at once. The workbench's tests are of what it
// does with hunspell's verdicts; the installed dictionaries' own are
// qa's (TestSpelling, TestSpellingEvaluation). Loading the installed
// Russian one (146,000 lines, 0.15 CPU-s a hunspell, two a check when a
// word is reported: one for the verdicts, one for suggestions) made
// these tests' 2.1 CPU-s.
func spellDictionaries(t *testing.T) string {
	t.Helper()
	words := map[string][]string{}
	for lang, dict := range map[string]string{"en": "en_US", "ru": "ru_RU"} {
		w := strings.FieldsFunc(spellTexts[lang], func(r rune) bool { return !unicode.IsLetter(r) })
		w = slices.DeleteFunc(w, func(w string) bool { return w == "праектов" })
		slices.Sort(w)
		words[dict] = slices.Compact(w)
	}
	return testenv.Dictionaries(t, words)
}

// needSpelling skips (or fails, under TILMASH_TEST_REQUIRE_ALL) without
// hunspell.
func needSpelling(t *testing.T) {
	t.Helper()
	testenv.Command(t, "hunspell", hunspellInstall)
}

// spelt returns the words of the spelling findings findings.json gives
// for document id.
func spelt(t *testing.T, c *client, id string) []string {
	t.Helper()
	_, body := c.get("/doc/" + id + "/findings.json")
	var out struct {
		Findings []struct{ Check, Text string }
		Notes    []string
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("findings.json: %v\n%s", err, body)
	}
	var words []string
	for _, f := range out.Findings {
		if f.Check == "spelling" {
			words = append(words, f.Text)
		}
	}
	return words
}

// hunspellStarts puts first on PATH a hunspell that counts its starts,
// then runs the real one; the count returned is of the starts so far.
func hunspellStarts(t *testing.T) func() int {
	t.Helper()
	real := testenv.Command(t, "hunspell", hunspellInstall)
	dir := t.TempDir()
	log := filepath.Join(dir, "starts")
	script := "#!/bin/sh\necho start >>'" + log + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "hunspell"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(filepath.ListSeparator)+os.Getenv("PATH"))
	return func() int {
		data, err := os.ReadFile(log)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return strings.Count(string(data), "start")
	}
}

// TestWorkbenchSpells: the workbench shows a misspelt Russian word as a
// spelling finding, on the document page (marked on its group) and in
// findings.json, as tilmash check does; the workspace page counts what
// status counts, without it. An edit is checked with the hunspell
// process the first page started, kept in the app's pool between
// requests, and its report names the misspelling it made. A word added
// to glossary/words.ru.txt is no longer a finding, with no restart.
func TestWorkbenchSpells(t *testing.T) {
	needSpelling(t)
	starts := hunspellStarts(t)
	f, pool := spellWorkspace(t, "")
	c := f.client()
	en, _ := locale.New("en")
	msg := func(word string) string {
		return strings.SplitN(en.Text("qa.spelling.unknown-no-suggestion", map[string]any{"Text": word, "Lang": "ru"}), " dictionary", 2)[0]
	}

	_, page := c.get("/doc/news")
	if !strings.Contains(text(page), msg("праектов")) {
		t.Fatalf("the document page does not show the misspelt word:\n%s", text(page))
	}
	if got := spelt(t, c, "news"); !slices.Equal(got, []string{"праектов"}) {
		t.Errorf("findings.json spelling findings %q, want праектов", got)
	}
	if pool.Idle() != 1 {
		t.Errorf("after a page the pool keeps %d spellers, want the Russian one", pool.Idle())
	}
	first := starts()
	if first == 0 {
		t.Fatal("no hunspell started")
	}
	_, ws := c.get("/")
	if strings.Contains(text(ws), "1 warning") || !strings.Contains(text(ws), "0 findings") {
		t.Errorf("the workspace page should count what status counts (no spelling):\n%s", text(ws))
	}

	// An edit of group 2 that misspells another word: only that group is
	// spelt, by the speller kept.
	csrf, version := formKeys(t, page)
	res, _ := c.post("news", csrf, version, "op", "edit", "group", "2", "lang", "ru", "sentence", "1", "text", "Переговоры продолжатся в маее.")
	_, after := c.follow(res)
	if !strings.Contains(text(after), msg("маее")) {
		t.Errorf("the edit's page does not show the new misspelling:\n%s", text(after))
	}
	if got := spelt(t, c, "news"); !slices.Equal(got, []string{"праектов", "маее"}) {
		t.Errorf("after the edit, spelling findings %q, want праектов and маее", got)
	}
	if n := starts(); n != first {
		t.Errorf("hunspell started %d times after the first page's %d: the speller was not kept between requests", n, first)
	}

	// A word the workspace accepts.
	if err := os.MkdirAll(f.ws.Path("glossary"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.ws.Path(filepath.Join("glossary", "words.ru.txt")), []byte("праектов\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := spelt(t, c, "news"); !slices.Equal(got, []string{"маее"}) {
		t.Errorf("with праектов in words.ru.txt, spelling findings %q, want маее only", got)
	}
	_, page = c.get("/doc/news")
	if strings.Contains(text(page), msg("праектов")) {
		t.Errorf("the document page still shows a word of words.ru.txt")
	}
}

// TestWorkbenchSpellingOff: tilmash.yaml's checks: spelling: enabled:
// false leaves spelling out of the workbench, and starts no hunspell;
// left on (or severity only), it is in.
func TestWorkbenchSpellingOff(t *testing.T) {
	needSpelling(t)
	for _, c := range []struct {
		name, checks string
		want         []string
	}{
		{"on", "checks:\n  spelling: {severity: warning}\n", []string{"праектов"}},
		{"off", "checks:\n  spelling: {enabled: false}\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			starts := hunspellStarts(t)
			f, _ := spellWorkspace(t, "languages: [en, ru]\nsource: en\n"+c.checks)
			if got := spelt(t, f.client(), "news"); !slices.Equal(got, c.want) {
				t.Errorf("spelling findings %q, want %q", got, c.want)
			}
			if n := starts(); (n == 0) != (c.want == nil) {
				t.Errorf("hunspell started %d times", n)
			}
		})
	}
}

// TestWorkbenchWithoutHunspell: without hunspell the workbench shows the
// other findings as before, and says once, in the language of the page,
// that spelling is not checked and why.
func TestWorkbenchWithoutHunspell(t *testing.T) {
	f, _ := spellWorkspace(t, "")
	t.Setenv("PATH", t.TempDir())
	c := f.client()
	for _, lang := range []string{"en", "ru", "kk"} {
		loc, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		c.header.Set("Accept-Language", lang)
		want := loc.Text("qa.spelling.no-hunspell", nil)
		_, page := c.get("/doc/news")
		if n := strings.Count(text(page), want); n != 1 {
			t.Errorf("%s: the document page says %d times %q, want once", lang, n, want)
		}
		_, findings := c.get("/doc/news/findings")
		if n := strings.Count(text(findings), want); n != 1 {
			t.Errorf("%s: the findings page says %d times %q, want once", lang, n, want)
		}
	}
	if got := spelt(t, c, "news"); len(got) != 0 {
		t.Errorf("without hunspell: spelling findings %q", got)
	}
}

// TestWorkbenchBoundsChecks: editors opening many documents at once do
// not start hunspell for each: the checks run at most one a processor,
// so no more spellers start than that many checks need.
//
// The count is of hunspell processes, not of what they find: the
// dictionaries are the sample's words only (see sampleDictionaries), so
// that each start is hunspell's own, not loading the installed word
// lists (146,000 Russian and 54,000 Kazakh lines): the six starts took
// 0.7 CPU-s.
func TestWorkbenchBoundsChecks(t *testing.T) {
	needSpelling(t)
	starts := hunspellStarts(t)
	dicts := sampleDictionaries(t)
	const docs = 12
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	id := func(i int) string { return fmt.Sprintf("doc-%02d", i) }
	for i := range docs {
		if err := reviewtest.Add(ws, id(i), reviewtest.OneToOne); err != nil {
			t.Fatal(err)
		}
	}
	page := func(c *client, i int) {
		if res, _ := c.get("/doc/" + id(i)); res.StatusCode != 200 {
			t.Errorf("%s: status %d", id(i), res.StatusCode)
		}
	}
	newApp := func() *app.App {
		a := app.New("test")
		a.Spellers = qa.NewSpellers(4)
		a.DicPath = dicts
		t.Cleanup(func() { a.Spellers.Close() })
		return a
	}
	page(fixtureOn(t, newApp(), ws).client(), 0)
	one := starts()
	if one == 0 {
		t.Fatal("a page started no hunspell")
	}
	c := fixtureOn(t, newApp(), ws).client()
	var wg sync.WaitGroup
	for i := range docs {
		wg.Add(1)
		go func() { defer wg.Done(); page(c, i) }()
	}
	wg.Wait()
	if n, most := starts()-one, one*runtime.GOMAXPROCS(0); n > most {
		t.Errorf("%d pages at once started hunspell %d times; one page starts it %d times, at most %d checks run at once: want at most %d", docs, n, one, runtime.GOMAXPROCS(0), most)
	}
	// The pages were spelt as with the installed dictionaries, which
	// flag nothing in the sample: no finding, so no speller for
	// suggestions either.
	if got := spelt(t, c, id(0)); len(got) != 0 {
		t.Errorf("the sample's own dictionaries flag %q", got)
	}
}

// sampleDictionaries writes the dictionaries ru_RU and kk_KZ of the
// sample article's words (reviewtest.Texts), each as it is written, and
// returns their folder, for an App's DicPath: hunspell knows every word
// of the sample, as with the installed dictionaries, and starts at once.
func sampleDictionaries(t *testing.T) string {
	t.Helper()
	words := map[string][]string{}
	for lang, dict := range map[string]string{"ru": "ru_RU", "kk": "kk_KZ"} {
		w := strings.FieldsFunc(reviewtest.Texts[lang], func(r rune) bool { return !unicode.IsLetter(r) })
		slices.Sort(w)
		words[dict] = slices.Compact(w)
	}
	return testenv.Dictionaries(t, words)
}
