package align

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchBitext returns n English sentences and their Russian translations, with about one target
// sentence in 40 dropped and one in 30 joined to the next, so the alignment is not a plain
// diagonal. It repeats the shared corpora (NTREX, UDHR, Tatoeba) when they exist, and otherwise
// generates sentences of random words and numbers with realistic lengths.
//
// gold is the true alignment, as beads of source and target indices.
func benchBitext(tb testing.TB, n int) (src, tgt []Sentence, gold [][2][]int) {
	en, ru := corpusLines(tb)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; len(src) < n; i++ {
		k := i % len(en)
		src = append(src, Sentence{Text: en[k]})
		switch r := rng.IntN(120); {
		case r < 3: // dropped
			gold = append(gold, [2][]int{{i}, {}})
		case r < 7 && len(tgt) > 0 && len(gold[len(gold)-1][0]) == 1 && len(gold[len(gold)-1][1]) == 1:
			// joined to the previous target sentence, whose bead becomes 2-1
			tgt[len(tgt)-1].Text += " " + ru[k]
			gold[len(gold)-1][0] = append(gold[len(gold)-1][0], i)
		default:
			tgt = append(tgt, Sentence{Text: ru[k]})
			gold = append(gold, [2][]int{{i}, {len(tgt) - 1}})
		}
	}
	return src, tgt, gold
}

func corpusLines(tb testing.TB) (en, ru []string) {
	dir := filepath.Join(sharedDir, "corpora")
	read := func(p string) []string {
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			return nil
		}
		return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	}
	for _, p := range [][2]string{
		{"ntrex-dev/en.txt", "ntrex-dev/ru.txt"},
		{"udhr/en.txt", "udhr/ru.txt"},
		{"tatoeba/en-ru.en.txt", "tatoeba/en-ru.ru.txt"},
	} {
		a, b := read(p[0]), read(p[1])
		if len(a) == len(b) {
			en, ru = append(en, a...), append(ru, b...)
		}
	}
	if len(en) > 0 {
		return en, ru
	}
	// No corpora: sentences of pseudo-words, the target a little longer, sharing numbers.
	rng := rand.New(rand.NewPCG(3, 4))
	word := func(alphabet []rune) string {
		w := make([]rune, 2+rng.IntN(9))
		for i := range w {
			w[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(w)
	}
	lat := []rune("abcdefghijklmnopqrstuvwxyz")
	cyr := []rune("абвгдежзийклмнопрстуфхцчшщыэюя")
	for range 2000 {
		k := 3 + rng.IntN(30)
		var a, b []string
		for range k {
			a = append(a, word(lat))
			b = append(b, word(cyr))
		}
		if rng.IntN(3) == 0 {
			num := fmt.Sprint(rng.IntN(3000))
			a = append(a, num)
			b = append(b, num)
		}
		en = append(en, strings.Join(a, " ")+".")
		ru = append(ru, strings.Join(b, " ")+" "+word(cyr)+".")
	}
	return en, ru
}

func benchmarkPair(b *testing.B, n int) {
	src, tgt, _ := benchBitext(b, n)
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Pair(src, tgt, opt)
	}
}

func BenchmarkPair1k(b *testing.B)  { benchmarkPair(b, 1000) }
func BenchmarkPair10k(b *testing.B) { benchmarkPair(b, 10000) }

func BenchmarkPair20k(b *testing.B) { benchmarkPair(b, 20000) }

// BenchmarkExtract20k measures feature extraction alone (both sides, with stems numbered for the
// second pass), the part of Pair that reads text.
func BenchmarkExtract20k(b *testing.B) {
	src, tgt, _ := benchBitext(b, 20000)
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		extractSides(src, tgt, opt)
	}
}

// BenchmarkRefine20k measures the refining search of the first pass alone (viterbi with the bead
// weights, in a band of refineBand around the guide's path) and the posteriors.
func BenchmarkRefine20k(b *testing.B) {
	a := searchAligner(b, 20000, false)
	path, _, _ := a.guidePath(defaultBand)
	a.reestimate(path)
	gmin, gmax := pathGuide(path, a.src.n)
	b.ResetTimer()
	for b.Loop() {
		width := make([]int, a.src.n+1)
		for i := range width {
			width[i] = refineBand
		}
		p, band := a.bandedPathIn(gmin, gmax, width, nShapes, true)
		a.posteriors(band, p)
	}
}

// BenchmarkMargins20k measures the margin's split of outmatched beads (splitOutmatched) over the
// first pass's alignment, with the keys and lexicon of the second.
func BenchmarkMargins20k(b *testing.B) {
	src, tgt, _ := benchBitext(b, 20000)
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	opt.Lexicon = withSeed(opt)
	fs, ft, vs, vt := extractSides(src, tgt, opt)
	ks, kt := withLexKeys(fs, ft, vs, vt, opt.SrcLang, opt.TgtLang, opt.Lexicon, lexMaxDF)
	beads := pairParts(src, tgt, fs, ft, ks, kt, opt, nil, nil, nil, nil)
	lex := learnFrom(fs, ft, vs, vt, beads, opt)
	ks, kt = withLexKeys(fs, ft, vs, vt, opt.SrcLang, opt.TgtLang, lex, lexMaxDF)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		splitOutmatched(ks, kt, nil, lex, opt, beads)
	}
}
