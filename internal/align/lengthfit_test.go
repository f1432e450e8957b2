package align

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// filler returns n characters of lowercase filler words in the alphabet of lang: no numbers,
// names or lexicon words, so that only lengths tell sentences apart.
func filler(rnd *rand.Rand, lang string, n int) string {
	letters := []rune("abcdefghijklmnoprstuvwy")
	if lang != "en" {
		letters = []rune("абвгдежзиклмнопрстуфхцчшыэюя")
	}
	var b strings.Builder
	w := 0
	for c := 0; c < n; c++ {
		if w >= 3 && rnd.IntN(6) == 0 {
			b.WriteByte(' ')
			w = 0
		}
		b.WriteRune(letters[rnd.IntN(len(letters))])
		w++
	}
	return b.String() + "."
}

func TestFitLengths(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	pairs := func(n int, ratio float64) [][2]string {
		var out [][2]string
		for range n {
			l := 40 + rnd.IntN(120)
			out = append(out, [2]string{filler(rnd, "en", l), filler(rnd, "ru", int(math.Round(ratio*float64(l))))})
		}
		return out
	}
	prior := priorFor("en", "ru")
	for _, tc := range []struct {
		name      string
		pairs     [][2]string
		ok        bool
		lo, hi    float64 // bounds of the fitted ratio
		varBelowP bool    // exact ratios: the variance falls below the prior's
	}{
		{"too few pairs", pairs(minLengthPairs-1, 0.7), false, 0, 0, false},
		{"empty texts are not pairs", append(pairs(minLengthPairs-1, 0.7), [2]string{"", "Текст."}, [2]string{"Text.", " "}), false, 0, 0, false},
		{"a terse desk, few pairs: between the prior and the data", pairs(30, 0.7), true, 0.85, 1.0, true},
		{"a terse desk, many pairs: near the data", pairs(600, 0.7), true, 0.7, 0.75, true},
		{"a wordy desk", pairs(600, 1.5), true, 1.45, 1.5, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := FitLengths("en", "ru", tc.pairs)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tc.ok, m)
			}
			if !ok {
				return
			}
			if m.Src != "en" || m.Tgt != "ru" || m.Pairs != len(tc.pairs) {
				t.Errorf("model %+v: want en→ru over %d pairs", m, len(tc.pairs))
			}
			if m.Ratio < tc.lo || m.Ratio > tc.hi {
				t.Errorf("ratio %.3f, want in [%.2f, %.2f]", m.Ratio, tc.lo, tc.hi)
			}
			if tc.varBelowP && !(m.Var > 0 && m.Var < prior.Var) {
				t.Errorf("variance %.3f, want in (0, %.2f)", m.Var, prior.Var)
			}
		})
	}
}

func TestLengthsFor(t *testing.T) {
	m := LengthModel{Src: "en", Tgt: "kk", Ratio: 0.8, Var: 2, Pairs: 50}
	if got := lengthsFor([]LengthModel{m}, "en", "kk"); got != (lengthPrior{Ratio: 0.8, Var: 2}) {
		t.Errorf("en→kk: %+v", got)
	}
	got := lengthsFor([]LengthModel{m}, "kk", "en")
	if math.Abs(got.Ratio-1.25) > 1e-12 || math.Abs(got.Var-2/0.512) > 1e-9 {
		t.Errorf("kk→en (inverted): %+v, want ratio 1.25, variance %.4f", got, 2/0.512)
	}
	if got := lengthsFor([]LengthModel{m}, "en", "ru"); got != priorFor("en", "ru") {
		t.Errorf("en→ru with only an en-kk model: %+v, want the built-in prior", got)
	}
}

// TestLearnedLengthsAlign shows what a length model learned from a desk's confirmed groups is
// for: a desk that translates tersely writes sentences the built-in news prior expects to be
// half as long again, and a short article cannot re-estimate that on its own. With nothing but
// lengths to go by, the prior makes beads of the wrong shapes; the learned model keeps them
// 1-1.
func TestLearnedLengthsAlign(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	const ratio = 0.7
	var train [][2]string
	for range 200 {
		l := 30 + rnd.IntN(150)
		train = append(train, [2]string{filler(rnd, "en", l), filler(rnd, "kk", int(ratio*float64(l)))})
	}
	m, ok := FitLengths("en", "kk", train)
	if !ok {
		t.Fatal("no model fitted on 200 pairs")
	}
	type doc struct{ en, kk []Sentence }
	var docs []doc
	for range 20 {
		var d doc
		for range 8 {
			l := 30 + rnd.IntN(150)
			d.en = append(d.en, Sentence{Text: filler(rnd, "en", l)})
			d.kk = append(d.kk, Sentence{Text: filler(rnd, "kk", int(ratio*float64(l)))})
		}
		docs = append(docs, d)
	}
	// missed counts the gold beads (sentence k with sentence k) the alignment did not make.
	missed := func(opt Options) (n int) {
		for _, d := range docs {
			n += len(d.en)
			for _, b := range Pair(d.en, d.kk, opt) {
				if len(b.Src) == 1 && slices.Equal(b.Src, b.Tgt) {
					n-- // a gold bead made
				}
			}
		}
		return n
	}
	base := Options{SrcLang: "en", TgtLang: "kk", NoSeed: true}
	learned := base
	learned.Lengths = []LengthModel{m}
	before, after := missed(base), missed(learned)
	t.Logf("learned ratio %.3f, variance %.3f; gold beads missed: prior %d, learned %d (of 160)", m.Ratio, m.Var, before, after)
	if after >= before || after > 4 {
		t.Errorf("gold beads missed with the learned model %d, with the prior %d: want fewer, and at most 4", after, before)
	}
}
