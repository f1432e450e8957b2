package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the loader: it must not panic, every
// problem must point inside the file, and every loaded entry must have an
// id and only forms it can compile.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{filepath.Join("testdata", "glossary"), filepath.Join("testdata", "lint", "bad")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("terms:\n  - &a {id: x, en: {term: X}}\n  - *a\n"))
	f.Add([]byte("terms:\n  - <<: {id: y}\n    en: {term: Y}\n"))
	f.Add([]byte("---\nterms: []\n---\nterms: [{id: z, kk: {term: Ж}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, probs := Parse("f.yaml", data, workspaceLangs)
		// YAML also breaks lines at a lone CR.
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 2
		for _, p := range probs {
			if p.File != "f.yaml" || p.Line < 1 || p.Line > lines || p.Column < 1 || p.Code == "" || p.Error() == "" {
				t.Errorf("bad problem %+v", p)
			}
		}
		ids := map[string]bool{}
		for _, e := range g.Entries {
			if e.ID == "" || ids[e.ID] {
				t.Errorf("entry id %q empty or repeated", e.ID)
			}
			ids[e.ID] = true
		}
		// Sequential, so one input always runs the same code.
		m := compile(g, false)
		for _, e := range g.Entries {
			for lang, form := range e.Langs {
				if form.Term != "" && len(m.Find(lang, form.Term)) == 0 && strings.ContainsFunc(form.Term, isWordRune) && utf8.ValidString(form.Term) {
					t.Errorf("entry %s: term %q does not match itself", e.ID, form.Term)
				}
			}
		}
	})
}

// FuzzFind feeds arbitrary text to the matcher and the look-alike check:
// no panic, offsets inside the text on rune boundaries, Text equal to the
// slice it claims, matches in order and not overlapping.
func FuzzFind(f *testing.F) {
	for _, table := range [][]findCase{kazakhCases, russianCases, englishCases} {
		for _, c := range table {
			f.Add(c.lang, c.text)
		}
	}
	f.Add("kk", "Aлмaты\u0301 \xff\xfe Бiлгiм\u00ad-ҚР-\u2011дың ’s")
	f.Add("ru", "Ёлка Алма\u2212Ата e\u0301 ﬁ ß")
	m := fixture(f)
	f.Fuzz(func(t *testing.T, lang, text string) {
		prevStart, prevEnd := -1, 0
		for _, mt := range m.Find(lang, text) {
			// Several entries may share one span; spans never overlap.
			same := mt.Start == prevStart && mt.End == prevEnd
			if !same && mt.Start < prevEnd {
				t.Errorf("match %+v overlaps the one ending at %d", mt, prevEnd)
			}
			checkSpan(t, text, mt.Start, mt.End, mt.Text)
			prevStart, prevEnd = mt.Start, mt.End
		}
		checkTokenIDs(t, m, lang, text)
		for _, h := range Homoglyphs(lang, text) {
			checkSpan(t, text, h.Start, h.End, h.Text)
		}
		for _, fd := range m.CheckGroup(lang, map[string]string{lang: text, "en": text, "kk": text}) {
			checkSpan(t, fd.Segment, fd.Start, fd.End, fd.Text)
		}
	})
}

func checkSpan(t *testing.T, text string, start, end int, got string) {
	t.Helper()
	if start < 0 || end > len(text) || start >= end {
		t.Fatalf("span [%d,%d) outside text of %d bytes", start, end, len(text))
	}
	if text[start:end] != got {
		t.Errorf("Text %q != text[%d:%d] %q", got, start, end, text[start:end])
	}
	if utf8.ValidString(text) && (!utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end])) {
		t.Errorf("span [%d,%d) splits a rune", start, end)
	}
}

// checkTokenIDs checks the matcher's one-pass tokeniser against the
// keyer that builds glossary keys: same tokens, and each token's id is the
// id of its key (or -1 when the key is in no form); and when it says the
// text has no hidden character, hiddenChars finds none.
func checkTokenIDs(t *testing.T, m *Matcher, lang, text string) {
	t.Helper()
	tr := m.trieFor(lang)
	if tr == nil {
		return
	}
	k := newKeyer(lang)
	want := k.tokenize(text, nil)
	toks, ids, hidden := tr.tokenIDs(newKeyer(lang), text, nil, nil)
	if !hidden && len(hiddenChars(lang, text)) > 0 {
		t.Fatalf("tokenIDs saw no hidden character, hiddenChars finds %v", hiddenChars(lang, text))
	}
	if len(toks) != len(want) {
		t.Fatalf("%d tokens, keyer gives %d", len(toks), len(want))
	}
	for i, w := range want {
		if toks[i].start != w.start || toks[i].end != w.end || toks[i].mixed != w.mixed {
			t.Fatalf("token %d = %+v, keyer gives %+v", i, toks[i], w)
		}
		if id := tr.lookup(w.key); ids[i] != id {
			t.Fatalf("token %q: id %d, key %q has id %d", text[w.start:w.end], ids[i], w.key, id)
		}
	}
}
