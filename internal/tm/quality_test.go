package tm_test

import (
	"context"
	"flag"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/tm/storetest"
	"github.com/tilmash/tilmash/internal/tm/tmbench"
)

// heldOut are the ntrex-dev lines kept out of the memory: sentences with
// no earlier version.
const heldOutFrom, heldOutTo = 453, 603

var number = regexp.MustCompile(`\d+`)

// qualityAll makes TestQuality edit every group; by default it edits
// every fifth, to stay fast.
var qualityAll = flag.Bool("quality.all", false, "TestQuality: edit every group, not every fifth")

// TestQuality is the evaluation of fuzzy matching on real text, with
// floors: a slightly edited sentence (a word replaced, a number changed,
// two words swapped) finds its original as the top match at least 98% of
// the time, and a sentence with no earlier version gets no match of 70% or
// more at least 99% of the time. The memory holds the corpora's other
// groups plus 5,000 synthetic ones made of the same words.
func TestQuality(t *testing.T) {
	dir := testenv.Shared(t, "corpora")
	c, err := tmbench.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	m := newMemory(t, storetest.NewWorkspace(t, nil))
	var units []tm.Unit
	for i := range c.Sents["en"] {
		if i >= heldOutFrom && i < heldOutTo {
			continue
		}
		units = append(units, c.Unit(i, "doc/corpus", i+1))
	}
	syn := tmbench.NewSynthetic(c.Without(heldOutFrom, heldOutTo), 1)
	changes := append(syn.Changes("noise", 500, 10), tm.Change{Source: tm.Source{Name: "doc/corpus", Units: len(units)}, Units: units})
	if err := m.Store.Apply(ctx, false, tm.Changes(changes...)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	every := 5
	if *qualityAll {
		every = 1
	}
	probes := editedProbes(units, every, rng, func(lang string) string {
		return syn.Sentence(lang)[:0] + strings.Fields(syn.Sentence(lang))[0]
	})
	top, err := topRates(ctx, m, probes, func(p qualityProbe, ms []tm.Match) {
		if testing.Verbose() {
			t.Logf("%s %s: %q → %v", p.kind, p.lang, p.sentence, ms)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	found, total := 0, 0
	for kind, n := range top {
		t.Logf("edited (%s): original on top %d/%d = %.2f%%", kind, n[0], n[1], 100*float64(n[0])/float64(n[1]))
		found += n[0]
		total += n[1]
	}
	if rate := float64(found) / float64(total); rate < 0.98 {
		t.Errorf("edited sentences: original on top %.2f%%, floor 98%%", 100*rate)
	}

	clean, novel := 0, 0
	for i := heldOutFrom; i < heldOutTo; i++ {
		for _, l := range tmbench.Langs {
			s := c.Sents[l][i]
			if len(tm.Words(s)) < 3 {
				continue
			}
			res, err := m.Lookup(ctx, []string{s}, tm.LookupOptions{Lang: l, Min: 70})
			if err != nil {
				t.Fatal(err)
			}
			novel++
			if len(res[0].Matches) == 0 {
				clean++
			} else {
				t.Logf("new sentence matched: %q → %d%% %q", s, res[0].Matches[0].Score, res[0].Matches[0].Unit.TextIn(l))
			}
		}
	}
	rate := float64(clean) / float64(novel)
	t.Logf("new sentences without a match ≥ 70%%: %d/%d = %.2f%%", clean, novel, 100*rate)
	if rate < 0.99 {
		t.Errorf("new sentences: %.2f%% without a match, floor 99%%", 100*rate)
	}
}

// qualityProbe is an edited sentence and the text it was made from.
type qualityProbe struct {
	kind, lang, sentence, original string
}

// editedProbes edits the texts of every every-th unit that have five
// words or more: a word replaced by word(lang), two neighbouring words
// swapped, the first number changed.
func editedProbes(units []tm.Unit, every int, rng *rand.Rand, word func(lang string) string) []qualityProbe {
	var probes []qualityProbe
	for ui, u := range units {
		if ui%every != 0 {
			continue
		}
		for _, v := range u.Variants {
			words := strings.Fields(v.Text)
			if len(words) < 5 {
				continue
			}
			// A word replaced by a word of another sentence.
			w := append([]string(nil), words...)
			i := rng.IntN(len(w))
			w[i] = word(v.Lang)
			probes = append(probes, qualityProbe{"word", v.Lang, strings.Join(w, " "), v.Text})
			// Two neighbouring words swapped.
			w = append([]string(nil), words...)
			k := rng.IntN(len(w) - 1)
			w[k], w[k+1] = w[k+1], w[k]
			probes = append(probes, qualityProbe{"order", v.Lang, strings.Join(w, " "), v.Text})
			// A number changed.
			if loc := number.FindStringIndex(v.Text); loc != nil {
				n, _ := strconv.Atoi(v.Text[loc[0]:loc[1]])
				probes = append(probes, qualityProbe{"number", v.Lang, v.Text[:loc[0]] + strconv.Itoa(n+1) + v.Text[loc[1]:], v.Text})
			}
		}
	}
	return probes
}

// topRates looks up every probe and counts, by kind, how often the top
// match is the original: [found, probes]. miss sees the others.
func topRates(ctx context.Context, m *tm.Memory, probes []qualityProbe, miss func(qualityProbe, []tm.Match)) (map[string][2]int, error) {
	top := map[string][2]int{}
	for _, p := range probes {
		res, err := m.Lookup(ctx, []string{p.sentence}, tm.LookupOptions{Lang: p.lang, Min: 1, Max: 1})
		if err != nil {
			return nil, err
		}
		n := top[p.kind]
		n[1]++
		if ms := res[0].Matches; len(ms) > 0 && ms[0].Unit.TextIn(p.lang) == p.original {
			n[0]++
		} else if miss != nil {
			miss(p, ms)
		}
		top[p.kind] = n
	}
	return top, nil
}
