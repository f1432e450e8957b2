package glossary

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// corpora is ../shared/corpora beside the repository. A fresh clone does not
// have it; the tests that read it skip.
var corpora = filepath.Join("..", "..", "..", "shared", "corpora")

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		testenv.Missing(t, path, "the shared corpora, schemas and eval scripts stand beside the repository (../shared)")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func corpusMatcher(t *testing.T) *Matcher {
	t.Helper()
	g, probs, err := Load(filepath.Join("testdata", "corpus"), workspaceLangs)
	if err != nil || len(probs) > 0 {
		t.Fatalf("testdata/corpus: %v %s", err, lintReport(probs))
	}
	return Compile(g)
}

// checkCorpus runs CheckGroup over line-aligned files and returns, per
// entry, how often it was found in the source and the findings.
func checkCorpus(t *testing.T, m *Matcher, dir string) (map[string]int, []Finding) {
	en := readLines(t, filepath.Join(dir, "en.txt"))
	ru := readLines(t, filepath.Join(dir, "ru.txt"))
	kk := readLines(t, filepath.Join(dir, "kk.txt"))
	if len(en) != len(ru) || len(en) != len(kk) {
		t.Fatalf("%s: %d/%d/%d lines", dir, len(en), len(ru), len(kk))
	}
	found := map[string]int{}
	var all []Finding
	for i := range en {
		for _, id := range m.FindTerms("en", en[i]) {
			found[id]++
		}
		fs := m.CheckGroup("en", map[string]string{"en": en[i], "ru": ru[i], "kk": kk[i]})
		for j := range fs {
			fs[j].Doc, fs[j].Group = filepath.Base(dir), i+1
		}
		all = append(all, fs...)
	}
	return found, all
}

func logFindings(t *testing.T, found map[string]int, fs []Finding) map[string]int {
	t.Helper()
	var ids []string
	for id := range found {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("found in English: %-16s %d lines", id, found[id])
	}
	kinds := map[string]int{}
	for _, f := range fs {
		kinds[f.Kind+" "+f.Lang]++
		t.Logf("%s:%d %s", f.Doc, f.Group, f.Error())
	}
	return kinds
}

// TestCorpusUDHR runs a small glossary over the line-aligned UDHR. Every
// English mention of the United Nations and the General Assembly must be
// found in Russian and Kazakh across their inflected forms; what else is
// reported is logged (run with -v) and summed up in the package's report.
func TestCorpusUDHR(t *testing.T) {
	m := corpusMatcher(t)
	found, fs := checkCorpus(t, m, filepath.Join(corpora, "udhr"))
	kinds := logFindings(t, found, fs)
	t.Logf("findings by kind: %v", kinds)
	if found["un"] < 4 || found["general-assembly"] < 1 || found["udhr"] < 2 {
		t.Errorf("English mentions found: %v", found)
	}
	for _, f := range fs {
		if f.Kind == FindingMissing && (f.EntryID == "un" || f.EntryID == "general-assembly" || f.EntryID == "udhr") {
			t.Errorf("false alarm: %s:%d %s", f.Doc, f.Group, f.Error())
		}
	}
	// The Kazakh UDHR writes its hyphens as U+2010 (мүше‐мемлекеттер) and
	// has no mixed-script words: no look-alike may be reported.
	if kinds[FindingHomoglyph+" kk"]+kinds[FindingHomoglyph+" ru"] != 0 {
		t.Errorf("look-alikes reported in the UDHR: %v", kinds)
	}
}

// TestCorpusNTREX runs it over the news sentences of NTREX, where the
// Kazakh inflects names (Қытайдың, Лондонда, Германияға). What it reports
// there are omissions in the translations (a dropped "in London"), names
// translated another way (Құрама Корольдік for the UK) and derived words
// the closed suffixes of namedOtherwise do not make.
// The dev part has no mixed-script word, so no look-alike may be reported.
func TestCorpusNTREX(t *testing.T) {
	m := corpusMatcher(t)
	found, fs := checkCorpus(t, m, filepath.Join(corpora, "ntrex-dev"))
	kinds := logFindings(t, found, fs)
	t.Logf("findings by kind: %v", kinds)
	for _, f := range fs {
		if f.Kind == FindingHomoglyph {
			t.Errorf("look-alike false alarm: %s:%d %s", f.Doc, f.Group, f.Error())
		}
	}
	if found["trump"] < 10 || found["china"] < 5 {
		t.Errorf("English mentions found: %v", found)
	}
	// Kazakh inflected forms of names found in the translations.
	kk := readLines(t, filepath.Join(corpora, "ntrex-dev", "kk.txt"))
	forms := map[string]int{}
	for _, line := range kk {
		for _, mt := range m.Find("kk", line) {
			forms[mt.Text]++
		}
	}
	var list []string
	for f, n := range forms {
		list = append(list, f+"×"+strconv.Itoa(n))
	}
	sort.Strings(list)
	t.Logf("Kazakh forms found: %s", strings.Join(list, " "))
	for _, want := range []string{"Қытайдың", "Қытайдағы", "Лондонда", "Германияға"} {
		if forms[want] == 0 {
			t.Errorf("%s not found in the Kazakh NTREX", want)
		}
	}
}

// TestCorpusTatoebaKazakh reports the words of Tatoeba's Kazakh that mix
// Latin and Cyrillic letters (Latin i for і), and checks each correction
// is all Cyrillic.
func TestCorpusTatoebaKazakh(t *testing.T) {
	lines := readLines(t, filepath.Join(corpora, "tatoeba", "en-kk.kk.txt"))
	words, linesHit := 0, 0
	examples := map[string]string{}
	for _, line := range lines {
		fs := Homoglyphs("kk", line)
		if len(fs) > 0 {
			linesHit++
		}
		for _, f := range fs {
			words++
			examples[f.Text] = f.Expected
			if f.Expected == "" {
				t.Logf("no correction for %q in %q", f.Text, line)
				continue
			}
			if lat, _, _ := mixesScripts(f.Expected); lat > 0 {
				t.Errorf("correction %q of %q still has Latin letters", f.Expected, f.Text)
			}
		}
	}
	t.Logf("Tatoeba kk: %d of %d lines, %d words with look-alikes, %d distinct", linesHit, len(lines), words, len(examples))
	var keys []string
	for k := range examples {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.Logf("e.g. %s", strings.Join(keys[:min(12, len(keys))], " "))
	if examples["Бiлгiм"] != "Білгім" {
		t.Errorf("Бiлгiм not corrected to Білгім: %q", examples["Бiлгiм"])
	}
	// Every other language of Tatoeba: nothing mixes scripts except real
	// look-alikes, which the log shows.
	for _, f := range []string{"en-kk.en.txt", "en-ru.en.txt", "en-ru.ru.txt"} {
		n := 0
		for _, line := range readLines(t, filepath.Join(corpora, "tatoeba", f)) {
			lang := strings.TrimSuffix(filepath.Ext(strings.TrimSuffix(f, ".txt")), "")[1:]
			for _, h := range Homoglyphs(lang, line) {
				n++
				t.Logf("%s: %s", f, h.Error())
			}
		}
		t.Logf("%s: %d look-alike words", f, n)
	}
}

// TestTokenIDsAgreeOnNTREX runs the matcher's tokeniser and the keyer over
// every NTREX sentence with the corpus glossary and the synthetic
// 10,000-entry one: real text takes the paths that the look-ups before
// hashing (langTrie.pre, the table of short keys) decide, and no key may be
// missed or found where the keyer's has another id.
func TestTokenIDsAgreeOnNTREX(t *testing.T) {
	big := Compile(synthGlossary(1000, 1))
	for _, m := range []*Matcher{corpusMatcher(t), big} {
		for _, lang := range []string{"en", "ru", "kk"} {
			for _, line := range readLines(t, filepath.Join(corpora, "ntrex-dev", lang+".txt")) {
				checkTokenIDs(t, m, lang, line)
			}
		}
	}
}

// TestShortKeys looks every key of at most eight bytes up in the table of
// short keys, and some words that are no key.
func TestShortKeys(t *testing.T) {
	m := corpusMatcher(t)
	for _, lang := range []string{"en", "ru", "kk"} {
		tr := m.trieFor(lang)
		tr.preOnce.Do(tr.buildPre)
		n := 0
		for id := range int32(tr.nKeys) {
			key := tr.key(id)
			if len(key) > 8 {
				continue
			}
			n++
			if got := tr.findShort(shortValue([]byte(key)), uint(len(key))); got != id {
				t.Errorf("%s %q: findShort gives %d, want %d", lang, key, got, id)
			}
		}
		if n == 0 {
			t.Errorf("%s: no short key to test", lang)
		}
		for _, w := range []string{"zzzz", "жжжж", "q", "the", "of", "сша", "ақш", "қр"} {
			if got, want := tr.findShort(shortValue([]byte(w)), uint(len(w))), tr.lookup(w); got != want {
				t.Errorf("%s %q: findShort gives %d, lookup %d", lang, w, got, want)
			}
		}
	}
}
