package app

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/lexicon"
)

func TestParseLengths(t *testing.T) {
	for _, tc := range []struct {
		rest string
		want align.LengthModel
		ok   bool
	}{
		{"# lengths 0.93 2.5 40\nriver\tрека\t0.2\n", align.LengthModel{Src: "en", Tgt: "ru", Ratio: 0.93, Var: 2.5, Pairs: 40}, true},
		{"# lengths 1.1484375 3.2e-01 7\n", align.LengthModel{Src: "en", Tgt: "ru", Ratio: 1.1484375, Var: 0.32, Pairs: 7}, true},
		{"# lengths none\nriver\tрека\t0.2\n", align.LengthModel{}, true},
		{"river\tрека\t0.2\n", align.LengthModel{}, false},       // stored before lengths were
		{"# lengths x0.93 2.5 40\n", align.LengthModel{}, false}, // damaged number
		{"# lengths 0.93 2.5\n", align.LengthModel{}, false},     // a field missing
		{"# lengths 0 2.5 40\n", align.LengthModel{}, false},     // no ratio
		{"# lengths 0.93 -1 40\n", align.LengthModel{}, false},   // negative variance
		{"# lengths NaN 2.5 40\n", align.LengthModel{}, false},   // not a number
		{"# lengths +Inf 2.5 40\n", align.LengthModel{}, false},  // infinite
		{"# lengths 0.93 2.5 0\n", align.LengthModel{}, false},   // fitted on nothing
		{"", align.LengthModel{}, false},                         // cut short
	} {
		got, ok := parseLengths([]byte(tc.rest), "en", "ru")
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseLengths(%q) = %+v, %v; want %+v, %v", tc.rest, got, ok, tc.want, tc.ok)
		}
	}
}

// TestLearnReview checks that learnReview learns, from the texts of confirmed groups, the lexicon
// a lexicon.Learner observing every pair learns (what align learned before it counted through
// lexicon.LearnIDs), byte for byte as stored: over random pairs of frequent and rare words,
// words too short to count, empty sides and sides longer than the learner's bound on words.
func TestLearnReview(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	words := func(letters []rune, n int) []string {
		var out []string
		for k := range n {
			out = append(out, string([]rune{letters[k%len(letters)], letters[k/len(letters)%len(letters)], letters[3], letters[1], letters[k%5]}))
		}
		return append(out, "of", "в") // too short to have a stem
	}
	en, ru := words([]rune("abcdefghijklmnopqrstuvwxyz"), 300), words([]rune("абвгдежзийклмнопрстуфхцчшщ"), 300)
	var pairs [][2]string
	for range 600 {
		n := rng.IntN(14)
		if rng.IntN(50) == 0 {
			n = 120 // beyond the learner's bound
		}
		var s, g []string
		for range n {
			k := min(len(en)-1, int(rng.ExpFloat64()*float64(len(en))/8))
			s = append(s, en[k])
			if rng.IntN(4) > 0 {
				g = append(g, ru[k])
			} else {
				g = append(g, ru[rng.IntN(len(ru))])
			}
		}
		pairs = append(pairs, [2]string{strings.Join(s, " "), strings.Join(g, ", ")})
	}
	l := lexicon.NewLearner("en", "ru")
	for _, p := range pairs {
		l.Observe(p[0], p[1])
	}
	want := lexicon.New("en", "ru")
	for _, e := range l.Lexicon(lexicon.DefaultMinCount, lexicon.DefaultMinDice, lexicon.DefaultPerWord).Entries() {
		want.Add(e.Src, e.Tgt, e.Weight*reviewWeight)
	}
	dump := func(x *lexicon.Lexicon) string {
		var b strings.Builder
		if err := x.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	got, exp := dump(learnReview("en", "ru", pairs)), dump(want)
	if got != exp {
		t.Errorf("learnReview =\n%s\nwant (Learner)\n%s", got, exp)
	}
	if strings.Count(exp, "\n") < 50 {
		t.Errorf("the pairs teach almost nothing (%d lines): the test compares nothing", strings.Count(exp, "\n"))
	}
}
