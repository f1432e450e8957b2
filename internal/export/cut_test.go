package export

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

var cutDocs = flag.Int("cut-docs", 12, "random documents the sentence cut's property test exports")

// TestHeadingMarksNotExported: the segmenter keeps a heading's Markdown
// marks in its sentence ("## The inquiry"); the bilingual exports write
// the heading as a CAT tool's filter sees it, without them.
func TestHeadingMarksNotExported(t *testing.T) {
	d, a := newDoc(t, "article", news, articleGroups)
	heads := map[string][]string{
		"en": {"Videos from Zarechnoye", "The inquiry"},
		"ru": {"Видео из Заречного", "Проверка"},
		"kk": {"Заречныйдан видеолар", "Тексеру"},
	}
	cases := []struct {
		format, units string
		langs         []string
	}{
		{"tmx", UnitsSentences, langs3}, {"tmx", UnitsGroups, langs3},
		{"xliff", "", []string{"en", "kk"}}, {"xliff12", "", []string{"en", "ru"}},
		{"csv", "", langs3}, {"tsv", "", langs3},
	}
	for _, c := range cases {
		opt := Options{Units: c.units}
		if PairFormat(c.format) {
			opt.Langs, opt.Target = c.langs, c.langs[1]
		}
		out := string(render(t, c.format, d, a, opt))
		for _, l := range c.langs {
			for _, h := range heads[l] {
				if !strings.Contains(out, h) {
					t.Errorf("%s %s: the heading %q is missing", c.format, c.units, h)
				}
				for _, marks := range []string{"# ", "## "} {
					if strings.Contains(out, marks+h) {
						t.Errorf("%s %s: %q keeps its Markdown marks", c.format, c.units, marks+h)
					}
				}
			}
		}
	}
}

// TestTMXParagraphMarksOfHeadings: a heading whose sentence holds its marks
// is marked h1/h2 in x-paragraph (it was "p" when the marks moved out of
// the text), so import-tmx puts the marks back.
func TestTMXParagraphMarksOfHeadings(t *testing.T) {
	d, a := newDoc(t, "article", news, articleGroups)
	m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{Units: UnitsGroups})), "x.tmx")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"h1", "p", "", "h2", "p"}
	for i, u := range m.Units {
		for _, l := range langs3 {
			if got, _ := u.Variant(l).Prop(tmx.ParagraphProp); got != want[i] {
				t.Errorf("group %d %s: x-paragraph = %q, want %q", i+1, l, got, want[i])
			}
		}
	}
}

// TestCutRoundTrip: FromTMX reads a sentence-cut TMX back into the same
// texts, groups and sentences: the cut's extra units are left out, and
// x-sentences gives back the sentences of each group.
func TestCutRoundTrip(t *testing.T) {
	for _, units := range []string{UnitsSentences, UnitsGroups} { // the partial file holds no group
		d, a := newDoc(t, "article", news, articleGroups)
		data := render(t, "tmx", d, a, Options{Units: units})
		m, err := tmx.Read(bytes.NewReader(data), "article.tmx")
		if err != nil {
			t.Fatal(err)
		}
		mem, err := document.FromTMX(m, "article.tmx", langs3, "en")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range langs3 {
			if mem.Texts[l] != news[l] {
				t.Errorf("%s %s:\n got %q\nwant %q", units, l, mem.Texts[l], news[l])
			}
		}
		if len(mem.Alignment.Groups) != len(a.Groups) {
			t.Fatalf("%s: %d groups, want %d", units, len(mem.Alignment.Groups), len(a.Groups))
		}
		for i, g := range mem.Alignment.Groups {
			for _, l := range langs3 {
				if got, want := sentTexts(g.Sents[l]), sentTexts(a.Groups[i].Sents[l]); !slices.Equal(got, want) {
					t.Errorf("%s group %d %s: sentences %q, want %q", units, i+1, l, got, want)
				}
			}
		}
		if units == UnitsSentences && mem.Derived == 0 && !bytes.Contains(render(t, "tmx", d, a, Options{Units: UnitsPartial}), []byte("x-partial")) {
			t.Errorf("the sentence cut of the article has no cut units")
		}
	}
}

// TestCutProperties exports random documents in the sentence cut and
// checks what a CAT tool relies on: every source sentence is the whole
// source of some unit of the sentence cut or of the partial file; no unit has an empty text; a unit cut from a group
// holds only that group's sentences (a source sentence of it, and for each
// target a run of the group's sentences in order); every unit with a
// source sentence has every target language its group has.
func TestCutProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(19))
	for n := range *cutDocs {
		texts, groups := randomDoc(rng)
		d, a := newDoc(t, "random-"+strconv.Itoa(n), texts, groups)
		m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{})), "random.tmx")
		if err != nil {
			t.Fatal(err)
		}
		// The partial units go to a file of their own: never in the
		// default cut, and only they in UnitsPartial's.
		pm, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{Units: UnitsPartial})), "random.partial.tmx")
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range m.Units {
			if _, partial := u.Prop(tmx.PartialProp); partial {
				t.Errorf("doc %d unit %s: a partial unit in the sentence cut", n, u.ID)
			}
		}
		for _, u := range pm.Units {
			if _, partial := u.Prop(tmx.PartialProp); !partial {
				t.Errorf("doc %d unit %s: a unit that is not partial in the partial file", n, u.ID)
			}
		}
		sources := map[string]bool{}
		for _, u := range append(m.Units, pm.Units...) {
			for _, v := range u.Variants {
				if v.Text == "" {
					t.Fatalf("doc %d unit %s: empty %s text", n, u.ID, v.Lang)
				}
			}
			if v := u.Variant("en"); v != nil {
				sources[v.Text] = true
			}
			gv, cut := u.Prop(tmx.CutProp)
			if pv, partial := u.Prop(tmx.PartialProp); partial {
				gv, cut = pv, true
			}
			if !cut {
				continue
			}
			gi, err := strconv.Atoi(gv)
			if err != nil || gi < 1 || gi > len(a.Groups) {
				t.Fatalf("doc %d unit %s: group %q", n, u.ID, gv)
			}
			g := a.Groups[gi-1]
			if src := u.Variant("en"); src == nil || !slices.Contains(sentTexts(g.Sents["en"]), src.Text) {
				t.Errorf("doc %d unit %s: its source is no sentence of group %d", n, u.ID, gi)
			}
			for _, l := range []string{"ru", "kk"} {
				v := u.Variant(l)
				if (v != nil) != (len(g.Sents[l]) > 0) {
					t.Errorf("doc %d unit %s: %s variant present %v, group %d has %d %s sentences", n, u.ID, l, v != nil, gi, len(g.Sents[l]), l)
					continue
				}
				if v != nil && !isRun(v.Text, sentTexts(g.Sents[l])) {
					t.Errorf("doc %d unit %s: %s text %q is not a run of group %d's sentences", n, u.ID, l, v.Text, gi)
				}
			}
		}
		for gi, g := range a.Groups {
			for _, s := range sentTexts(g.Sents["en"]) {
				if !sources[s] {
					t.Errorf("doc %d group %d: source sentence %q is the whole source of no unit", n, gi+1, s)
				}
			}
		}
	}
}

// isRun reports whether text is consecutive sentences of ss joined by a
// space.
func isRun(text string, ss []string) bool {
	for i := range ss {
		for j := i + 1; j <= len(ss); j++ {
			if strings.Join(ss[i:j], " ") == text {
				return true
			}
		}
	}
	return false
}

var randomWords = map[string][]string{
	"en": {"the", "president", "prison", "report", "said", "video", "court", "officers", "reform", "torture", "Almaty", "Tokayev", "inquiry", "complaint"},
	"ru": {"президент", "тюрьма", "доклад", "сказал", "видео", "суд", "сотрудники", "реформа", "пытки", "Алматы", "Токаев", "проверка", "жалоба"},
	"kk": {"президент", "түрме", "баяндама", "айтты", "бейнежазба", "сот", "қызметкерлер", "реформа", "азаптау", "Алматы", "Тоқаев", "тексеру", "шағым"},
}

// randomDoc makes a document of random groups: 0–3 sentences a language
// (mostly 1–2), some headings, sentences with numbers the aligner can use
// as anchors, paragraphs of a few groups.
func randomDoc(rng *rand.Rand) (map[string]string, []groupSpec) {
	var groups []groupSpec
	texts := map[string]*strings.Builder{"en": {}, "ru": {}, "kk": {}}
	start := map[string]bool{"en": true, "ru": true, "kk": true}
	num := 0
	sentence := func(l string) string {
		num++
		ws := randomWords[l]
		var parts []string
		for range 3 + rng.Intn(8) {
			parts = append(parts, ws[rng.Intn(len(ws))])
		}
		parts = append(parts, strconv.Itoa(num*7+rng.Intn(3)))
		r := []rune(strings.Join(parts, " "))
		return strings.ToUpper(string(r[:1])) + string(r[1:]) + "."
	}
	for gi := range 6 + rng.Intn(8) {
		var spec groupSpec
		spec.status = document.Aligned
		heading := gi == 0 || rng.Intn(6) == 0
		for li, l := range langs3 {
			b := texts[l]
			if heading {
				s := "## " + strings.TrimSuffix(sentence(l), ".")
				if b.Len() > 0 {
					b.WriteString("\n\n")
				}
				b.WriteString(s + "\n\n")
				start[l] = true
				spec.sents[li] = []string{s}
				continue
			}
			n := []int{0, 1, 1, 1, 2, 2, 3}[rng.Intn(7)]
			if l == "en" && n == 0 {
				n = 2
			}
			for range n {
				s := sentence(l)
				if !start[l] {
					b.WriteString(" ")
				}
				b.WriteString(s)
				start[l] = false
				spec.sents[li] = append(spec.sents[li], s)
			}
		}
		groups = append(groups, spec)
	}
	out := map[string]string{}
	for l, b := range texts {
		out[l] = strings.TrimSpace(b.String()) + "\n"
	}
	return out, groups
}

// cutToolkit: Translate Toolkit reads the sentence cut with one unit per
// group and one per source sentence of each group of several, and xmllint
// finds it valid (TestSchemas); so does the group cut, one unit a group.
// (A check of TestTranslateToolkit, which reads every file in one run.)
func cutToolkit(t *testing.T) toolkitCheck {
	d, a := newDoc(t, "article", news, articleGroups)
	// The one group of several English sentences has one Russian
	// sentence: its units are partial, in the partial file alone.
	want := map[string]int{UnitsGroups: len(a.Groups), UnitsSentences: len(a.Groups), UnitsPartial: 2}
	var files [][2]string
	for _, units := range Units {
		file := filepath.Join(t.TempDir(), "article.tmx")
		if err := os.WriteFile(file, render(t, "tmx", d, a, Options{Units: units}), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, [2]string{"tmx", file})
	}
	return toolkitCheck{"cut", files, func(t *testing.T, read [][][2]string) {
		for i, units := range Units {
			got := read[i]
			if len(got) != want[units] {
				t.Errorf("%s: Translate Toolkit read %d units, want %d", units, len(got), want[units])
			}
			if units == UnitsPartial {
				// Group 2's first sentence has a unit of its own with the
				// whole Russian sentence (and the first Kazakh one).
				pair := [2]string{"Forty videos appeared online on 26 July 2019.", "26 июля 2019 года в сети появились сорок видео, на которых охранники избивают заключённых."}
				if !slices.Contains(got, pair) {
					t.Errorf("%s: no unit %q in %s", units, pair, fmt.Sprint(got))
				}
			}
		}
	}}
}

// TestCutsKept: the TMX files publish writes of one document (every
// language, each pair, the partial units) share one Cuts, which cuts each
// group once per target language and gives the bytes of a fresh cut.
func TestCutsKept(t *testing.T) {
	d, a := newDoc(t, "article", news, articleGroups)
	opts := []Options{
		{},
		{Units: UnitsPartial},
		{Langs: []string{"en", "ru"}},
		{Langs: []string{"en", "kk"}},
		{Langs: []string{"en", "ru"}, Units: UnitsPartial},
		{Langs: []string{"en", "kk"}, Units: UnitsPartial},
	}
	cuts := NewCuts()
	for _, o := range opts {
		fresh := render(t, "tmx", d, a, o)
		o.Cuts = cuts
		if kept := render(t, "tmx", d, a, o); !bytes.Equal(kept, fresh) {
			t.Errorf("%+v: with Cuts\n%s\nwithout\n%s", o, kept, fresh)
		}
	}
	// Only group 2 has several English sentences: one cut for ru, one
	// for kk, however many files.
	if len(cuts.pieces) != 2 {
		t.Errorf("%d cuts kept, want 2: %v", len(cuts.pieces), cuts.pieces)
	}
	// The next file takes the kept pieces, not a new cut: a score
	// changed in them is the one it writes.
	for _, ps := range cuts.pieces {
		for i := range ps {
			ps[i].Score = 0.123
		}
	}
	kept := render(t, "tmx", d, a, Options{Langs: []string{"en", "kk"}, Cuts: cuts})
	if !bytes.Contains(kept, []byte(`<prop type="x-score">0.123</prop>`)) {
		t.Errorf("the kept cut was not used:\n%s", kept)
	}
}
