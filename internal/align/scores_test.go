package align

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// TestScoresGolden pins the exact output of Pair and Three, beads and scores to six decimals, on a
// generated bitext of 700 sentences with editorial drift (runs of dropped and added sentences,
// merges and splits, paragraphs), in five configurations: the default two passes, the second pass
// turned off, a lexicon given, fixed beads, and fixed beads with a free side; and of Three. It exists to catch any change of behaviour in work
// meant only to make alignment faster: rewrite testdata/scores.golden with -update only for a
// change meant to alter the alignment (and say so in its commit).
func TestScoresGolden(t *testing.T) {
	src, tgt, en, ru, kk := driftBitext(700)
	var out strings.Builder
	run := func(name string, beads []Bead) {
		if err := checkBeads(beads, len(src), len(tgt)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fmt.Fprintf(&out, "# %s\n", name)
		for _, b := range beads {
			fmt.Fprintf(&out, "%v %v %.6f\n", b.Src, b.Tgt, b.Score)
		}
	}
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	two := Pair(src, tgt, opt)
	run("two passes", two)
	opt.NoRealign = true
	one := Pair(src, tgt, opt)
	run("one pass", one)
	if slices.EqualFunc(one, two, func(a, b Bead) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
		t.Error("the second pass changed nothing: the document does not exercise it")
	}
	lex := lexicon.New("en", "ru")
	for k := 0; k < 40; k++ {
		lex.Add(driftWord(k, false), driftWord(k, true), 0.5+float64(k%5)/10)
	}
	run("lexicon", Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", Lexicon: lex}))
	var fixed []Fixed
	for k := 100; k < len(two); k += 150 {
		fixed = append(fixed, Fixed{Src: two[k].Src, Tgt: two[k].Tgt})
	}
	run("fixed", Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", Fixed: fixed}))
	// Fixed beads with one side empty have a free side, which the search places itself (the
	// row and column transitions of fixed.go).
	fixed = nil
	for _, b := range two {
		if len(b.Src) == 0 || len(b.Tgt) == 0 {
			fixed = append(fixed, Fixed{Src: b.Src, Tgt: b.Tgt})
		}
	}
	run("fixed, free sides", Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", Fixed: fixed}))
	// A fixed bead of more source rows than the search keeps in its ring of rows.
	long := Fixed{Src: []int{300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310}, Tgt: []int{}}
	run("fixed, long free side", Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", Fixed: []Fixed{long}}))
	groups := Three(en, ru, kk, ThreeOptions{})
	fmt.Fprintf(&out, "# three\n")
	for _, g := range groups {
		fmt.Fprintf(&out, "%v %v %v %.6f %v\n", g.En, g.Ru, g.Kk, g.Score, g.Flagged)
	}

	const file = "testdata/scores.golden"
	if *update {
		if err := os.WriteFile(file, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for k := range min(len(g), len(w)) {
			if g[k] != w[k] {
				t.Fatalf("%s differs from line %d: got %q, want %q (run with -update only if the change is meant)", file, k+1, g[k], w[k])
			}
		}
		t.Fatalf("%s: got %d lines, want %d", file, len(g), len(w))
	}
}

// driftWord is word k of the generated vocabulary in English or (ru) its Russian translation:
// pseudo-words of distinct alphabets, so that only the lexicon, names and numbers link them.
func driftWord(k int, ru bool) string {
	rng := rand.New(rand.NewPCG(uint64(k), 77))
	letters := []rune("bdfhjklmnpqrstvwxzaeiou")
	if ru {
		letters = []rune("бвгджзклмнпрстфхцчшщаеиоуыэюя")
	}
	w := make([]rune, 4+rng.IntN(6))
	for i := range w {
		w[i] = letters[rng.IntN(len(letters))]
	}
	return string(w)
}

// driftBitext returns n English sentences and a Russian translation that drifts the way edited
// news does (see bench/editset.py): runs of 2-5 sentences dropped, runs of unrelated sentences
// added, two sentences merged or one split, in paragraphs of 2-5 sentences. Words come from a
// Zipfian vocabulary, so that a document's topic words recur and the second pass can learn them;
// names are transliterated and numbers copied. en, ru and kk are a three-way version of the same
// text, where the Russian and the Kazakh drift independently.
func driftBitext(n int) (src, tgt []Sentence, en, ru, kk []Sentence) {
	rng := rand.New(rand.NewPCG(11, 12))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(13, 14)), 1.3, 4, 2999)
	translit := strings.NewReplacer("b", "б", "d", "д", "k", "к", "l", "л", "m", "м", "n", "н", "r", "р", "s", "с", "t", "т", "v", "в", "a", "а", "o", "о", "e", "е", "i", "и", "u", "у", "B", "Б", "D", "Д", "K", "К", "L", "Л", "M", "М", "N", "Н", "R", "Р", "S", "С", "T", "Т", "V", "В")
	names := []string{"Barton", "Kerimov", "Lindstrom", "Madsen", "Nurlanov", "Ravel", "Sandoval", "Tokarev", "Vidal", "Dorsett"}
	type pair struct{ en, ru string }
	sentence := func() pair {
		var e, r []string
		for k := 3 + rng.IntN(18); k > 0; k-- {
			switch x := rng.IntN(30); {
			case x == 0:
				num := fmt.Sprint(rng.IntN(5000))
				e, r = append(e, num), append(r, num)
			case x == 1:
				nm := names[rng.IntN(len(names))]
				e, r = append(e, nm), append(r, translit.Replace(nm))
			default:
				w := int(zipf.Uint64())
				e, r = append(e, driftWord(w, false)), append(r, driftWord(w, true))
			}
		}
		if rng.IntN(4) == 0 {
			r = append(r, driftWord(int(zipf.Uint64()), true)) // a translator's extra word
		}
		end := "."
		if rng.IntN(12) == 0 {
			end = "?"
		}
		return pair{strings.Join(e, " ") + end, strings.Join(r, " ") + end}
	}
	orig := make([]pair, n)
	for i := range orig {
		orig[i] = sentence()
	}
	// drift returns the edited translation of orig, with its paragraphs.
	drift := func(seed uint64) (out []Sentence) {
		rng := rand.New(rand.NewPCG(seed, 15))
		para := 0
		for i := 0; i < n; i++ {
			if rng.IntN(4) == 0 {
				para++
			}
			switch x := rng.IntN(100); {
			case x < 2: // a run of 2-5 dropped
				i += 1 + rng.IntN(4)
			case x < 4: // a run of 2-5 unrelated ones added, a paragraph of their own
				para++
				for k := 2 + rng.IntN(4); k > 0; k-- {
					out = append(out, Sentence{Text: sentence().ru, Para: para})
				}
				para++
				i--
			case x < 6 && i+1 < n: // two merged
				out = append(out, Sentence{Text: orig[i].ru + " " + orig[i+1].ru, Para: para})
				i++
			case x < 7: // dropped
			default:
				out = append(out, Sentence{Text: orig[i].ru, Para: para})
			}
		}
		return out
	}
	para := 0
	for i, p := range orig {
		if i%4 == 0 {
			para++
		}
		src = append(src, Sentence{Text: p.en, Para: para})
	}
	tgt = drift(1)
	en, ru, kk = src[:n/2], drift(2)[:n/2], drift(3)[:n/2]
	return src, tgt, en, ru, kk
}
