package app

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
)

var realignRuns = flag.Int("realign-runs", 80, "documents TestRealignProperties generates (each re-aligned three times; a soak run asks for thousands)")

// cutLines is a stand-in segmenter: a sentence a line.
func cutLines(_, text string, base int) []document.Piece {
	var out []document.Piece
	pos := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			i := pos + strings.Index(line, t)
			out = append(out, document.Piece{Sentence: document.Sentence{Start: base + i, End: base + i + len(t), Text: t}})
		}
		pos += len(line)
	}
	return out
}

// parallelDoc makes a document of n units in langs: an English sentence
// and its translations, each with a number of its own that a translation
// keeps. Now and then a translation leaves a unit out, or the translations
// add a sentence with no English, with two whole units before the next
// such unit: the aligner is sure of such a document, so any sentence that
// crosses a confirmed group is Realign's doing. It returns the texts and the true alignment, a
// group per unit, all aligned.
func parallelDoc(rng *rand.Rand, n int, langs []string) (map[string]string, *document.Alignment) {
	alphabets := map[string]string{"en": "abcdefghijklmnopqrstuvwxyz", "ru": "абвгдежзийклмнопрстуфхцчшщыэюя", "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщыіэюя"}
	texts := map[string]*strings.Builder{}
	for _, l := range langs {
		texts[l] = &strings.Builder{}
	}
	a := &document.Alignment{Document: "d", Pivot: "en", Languages: langs, Sources: map[string]string{}}
	whole := 0 // units that must have every language before the next that may not
	for k := range n {
		has := map[string]bool{}
		for _, l := range langs {
			has[l] = true
		}
		switch r := rng.IntN(10); {
		case whole > 0 || len(langs) == 1:
			whole--
		case r < 1:
			has[langs[1]] = false
		case r < 2 && len(langs) > 2:
			has[langs[2]] = false
		case r < 3:
			has["en"] = false
		}
		for _, l := range langs {
			if !has[l] {
				whole = 2
			}
		}
		words := make([]int, 4+rng.IntN(10))
		for w := range words {
			words[w] = 2 + rng.IntN(9)
		}
		g := &document.Group{Status: document.Aligned, Score: 1, Sents: map[string][]document.Sentence{}}
		for _, l := range langs {
			g.Sents[l] = []document.Sentence{}
			if !has[l] {
				continue
			}
			letters := []rune(alphabets[l])
			var s []string
			for w, size := range words {
				if w == len(words)/2 {
					s = append(s, fmt.Sprint(1000+37*k))
				}
				word := make([]rune, size)
				for c := range word {
					word[c] = letters[rng.IntN(len(letters))]
				}
				s = append(s, string(word))
			}
			text := strings.Join(s, " ") + "."
			b := texts[l]
			g.Sents[l] = append(g.Sents[l], document.Sentence{Start: b.Len(), End: b.Len() + len(text), Text: text})
			b.WriteString(text + "\n")
		}
		if !wholeGroup(g, langs) {
			g.Status = document.Flagged
		}
		a.Groups = append(a.Groups, g)
	}
	out := map[string]string{}
	for _, l := range langs {
		out[l] = texts[l].String()
		a.Sources[l] = document.Hash(out[l])
	}
	return out, a
}

// wholeGroup reports whether g has sentences in every language.
func wholeGroup(g *document.Group, langs []string) bool {
	for _, l := range langs {
		if len(g.Sents[l]) == 0 {
			return false
		}
	}
	return true
}

// position returns, for each confirmed group of a (by pointer), the number
// of sentences of each language before it.
func position(a *document.Alignment) map[*document.Group]map[string]int {
	out := map[*document.Group]map[string]int{}
	count := map[string]int{}
	for _, g := range a.Groups {
		if g.Status == document.Confirmed {
			out[g] = map[string]int{}
			for l, c := range count {
				out[g][l] = c
			}
		}
		for l, s := range g.Sents {
			count[l] += len(s)
		}
	}
	return out
}

// snapshot is a deep copy of the confirmed groups, to compare byte for byte
// after a run.
func snapshot(a *document.Alignment) []document.Group {
	var out []document.Group
	for _, g := range a.Groups {
		if g.Status == document.Confirmed {
			c := *g
			c.Sents = map[string][]document.Sentence{}
			for l, s := range g.Sents {
				c.Sents[l] = append([]document.Sentence{}, s...)
			}
			out = append(out, c)
		}
	}
	return out
}

// TestRealignProperties re-aligns random documents with the real aligner
// after random confirmations, many of them of groups that lack a language,
// several times over. After every run: every sentence of every language is
// in exactly one group, in order; the confirmed groups come out byte for
// byte as they went in, in order; and no sentence crosses a confirmed
// group: each has as many sentences of each language before it as it had
// in the alignment the run started from (a confirmed omission stays between
// the translations of its neighbours).
func TestRealignProperties(t *testing.T) {
	for run := range *realignRuns {
		realignCase(t, uint64(run))
	}
}

// FuzzRealign is TestRealignProperties from a fuzzed seed.
func FuzzRealign(f *testing.F) {
	f.Add(uint64(1))
	f.Add(uint64(77))
	f.Fuzz(func(t *testing.T, seed uint64) { realignCase(t, seed) })
}

func realignCase(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 99))
	langs := [][]string{{"en", "ru", "kk"}, {"en", "kk"}, {"en", "ru"}}[rng.IntN(3)]
	n := 1 + rng.IntN(40)
	texts, a := parallelDoc(rng, n, langs)
	for round := range 3 {
		for _, g := range a.Groups {
			p := 0.2
			if !wholeGroup(g, langs) {
				p = 0.6
			}
			switch {
			case rng.Float64() < p:
				g.Status = document.Confirmed
			case g.Status == document.Confirmed && rng.IntN(2) == 0:
				g.Status = document.Aligned
			}
		}
		before, confirmed := position(a), snapshot(a)
		b, err := document.Realign(a, "d", "en", langs, texts, cutLines, func(p map[string][]document.Piece, fixed []map[string][]int) []document.Proposal {
			return group("en", langs, p, fixed, learned{})
		})
		if err != nil {
			t.Fatalf("seed %d round %d (%v, %d units): %v", seed, round, langs, n, err)
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("seed %d round %d (%v, %d units): %s\nbefore:\n%s\nafter:\n%s", seed, round, langs, n, fmt.Sprintf(format, args...), render(a), render(b))
		}
		if errs := b.Verify("b", texts); len(errs) > 0 {
			fail("%v", errs[0])
		}
		for _, l := range langs {
			got := []document.Sentence{}
			for _, g := range b.Groups {
				got = append(got, g.Sents[l]...)
			}
			if want := cutLines(l, texts[l], 0); !reflect.DeepEqual(pieceSentences(want), got) {
				fail("%s: the groups hold %d sentences, the text %d", l, len(got), len(want))
			}
		}
		if after := snapshot(b); !reflect.DeepEqual(after, confirmed) {
			fail("confirmed groups changed")
		}
		for g, at := range position(b) {
			if !reflect.DeepEqual(at, before[g]) {
				fail("a confirmed group has %v sentences before it, had %v", at, before[g])
			}
		}
		a = b
	}
}

func pieceSentences(ps []document.Piece) []document.Sentence {
	out := []document.Sentence{}
	for _, p := range ps {
		out = append(out, p.Sentence)
	}
	return out
}

func render(a *document.Alignment) string {
	var b strings.Builder
	for k, g := range a.Groups {
		fmt.Fprintf(&b, "%3d %-9s", k+1, g.Status)
		for _, l := range a.Languages {
			var nums []string
			for _, s := range g.Sents[l] {
				for _, f := range strings.Fields(s.Text) {
					if f[0] >= '0' && f[0] <= '9' {
						nums = append(nums, f)
					}
				}
			}
			fmt.Fprintf(&b, " %s[%s]", l, strings.Join(nums, " "))
		}
		b.WriteString("\n")
	}
	return b.String()
}
