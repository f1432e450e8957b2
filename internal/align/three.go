package align

import (
	"fmt"
	"math"
	"sync"
)

// Group is one unit of a three-way alignment: English sentences and their Russian and Kazakh
// counterparts. Each side holds sentence indices in increasing order and may be empty (never nil).
type Group struct {
	En, Ru, Kk []int
	// Score is the confidence in the group, in [0, 1]: the lowest score of the pairwise beads it
	// was built from.
	Score float64
	// Flagged marks groups a person should review: a low score, or a side left empty (a
	// sentence that one translation dropped or added).
	Flagged bool
}

// ThreeOptions configure Three.
type ThreeOptions struct {
	// Terms, if not nil, turns glossary matches into anchors.
	Terms TermFinder
	// FlagBelow flags groups whose score is below it; 0 means DefaultFlagBelow.
	FlagBelow float64
	// Band is passed to Pair as Options.Band.
	Band int
}

// DefaultFlagBelow is the score under which Three flags a group when ThreeOptions.FlagBelow is 0.
// On the perturbed NTREX sets (en-ru and en-kk, 1,075 beads), 4.9% of the beads scored below 0.7
// and they held 19 of the 21 wrong beads; above 0.7, 97-100% of the beads were right.
const DefaultFlagBelow = 0.7

// Three aligns English with Russian and Kazakh, using English as the pivot: it aligns en–ru and
// en–kk with Pair, then merges the two alignments. A group ends only where both alignments end a
// bead at the same English sentence; where Russian and Kazakh disagree about a boundary (say the
// Russian translator merged two sentences and the Kazakh did not), the group grows to the
// smallest span that contains the beads of both. Russian and Kazakh sentences with no English
// counterpart at the same place are aligned with each other and form groups with no English.
//
// Every sentence of the three sides is in exactly one group, and groups are in document order on
// all three sides. Any side may be empty. To re-align the stretch between two confirmed groups,
// pass the sentences of that stretch and shift the indices of the result.
func Three(en, ru, kk []Sentence, opt ThreeOptions) []Group {
	flagBelow := opt.FlagBelow
	if flagBelow == 0 {
		flagBelow = DefaultFlagBelow
	}
	var ruBeads, kkBeads []Bead
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ruBeads = Pair(en, ru, Options{SrcLang: "en", TgtLang: "ru", Terms: opt.Terms, Band: opt.Band})
	}()
	kkBeads = Pair(en, kk, Options{SrcLang: "en", TgtLang: "kk", Terms: opt.Terms, Band: opt.Band})
	wg.Wait()
	ruKk := func(r0, r1, k0, k1 int) []Bead {
		return Pair(ru[r0:r1], kk[k0:k1], Options{SrcLang: "ru", TgtLang: "kk", Terms: opt.Terms, Band: opt.Band})
	}
	return combine(ruBeads, kkBeads, len(en), len(ru), len(kk), flagBelow, ruKk)
}

// combine merges an en–ru and an en–kk alignment of n English, nr Russian and nk Kazakh
// sentences into groups (see Three). ruKk aligns the Russian sentences r0..r1−1 with the Kazakh
// sentences k0..k1−1 that have no English counterpart at the same place; its bead indices count
// from r0 and k0.
func combine(ruBeads, kkBeads []Bead, n, nr, nk int, flagBelow float64, ruKk func(r0, r1, k0, k1 int) []Bead) []Group {
	cr, ck := newCuts(ruBeads, n, nr), newCuts(kkBeads, n, nk)
	var out []Group
	// addUnmatched groups the Russian and Kazakh sentences that sit at English position p
	// without an English counterpart.
	addUnmatched := func(p int) {
		r0, r1 := cr.lo[p], cr.hi[p]
		k0, k1 := ck.lo[p], ck.hi[p]
		if r0 == r1 && k0 == k1 {
			return
		}
		for _, b := range ruKk(r0, r1, k0, k1) {
			g := Group{En: []int{}, Ru: shift(b.Src, r0), Kk: shift(b.Tgt, k0), Flagged: true}
			g.Score = min(b.Score, minOver(cr.tgtScore, g.Ru), minOver(ck.tgtScore, g.Kk))
			out = append(out, g)
		}
	}
	prev := 0
	addUnmatched(0)
	for p := 1; p <= n; p++ {
		if !cr.at(p) || !ck.at(p) {
			continue
		}
		g := Group{En: span(prev, p), Ru: span(cr.hi[prev], cr.lo[p]), Kk: span(ck.hi[prev], ck.lo[p])}
		g.Score = min(minOver(cr.srcScore, g.En), minOver(ck.srcScore, g.En),
			minOver(cr.tgtScore, g.Ru), minOver(ck.tgtScore, g.Kk))
		g.Flagged = g.Score < flagBelow || len(g.Ru) == 0 || len(g.Kk) == 0
		out = append(out, g)
		addUnmatched(p)
		prev = p
	}
	return out
}

// cuts describes one pairwise alignment from the pivot's point of view: where its beads end
// along the English side, and how confident each sentence's bead is.
type cuts struct {
	// lo[p] and hi[p] are the first and last target positions of the bead ends at English
	// position p (between English sentences p−1 and p); they differ when target-only beads sit
	// there. Both are −1 if p is inside a bead.
	lo, hi []int
	// srcScore[i] and tgtScore[j] are the scores of the beads that hold English sentence i and
	// target sentence j.
	srcScore, tgtScore []float64
}

func newCuts(beads []Bead, n, m int) *cuts {
	c := &cuts{lo: make([]int, n+1), hi: make([]int, n+1), srcScore: make([]float64, n), tgtScore: make([]float64, m)}
	for p := range c.lo {
		c.lo[p], c.hi[p] = -1, -1
	}
	p, q := 0, 0
	c.lo[0], c.hi[0] = 0, 0
	for _, b := range beads {
		for _, i := range b.Src {
			c.srcScore[i] = b.Score
		}
		for _, j := range b.Tgt {
			c.tgtScore[j] = b.Score
		}
		p += len(b.Src)
		q += len(b.Tgt)
		if c.lo[p] < 0 {
			c.lo[p] = q
		}
		c.hi[p] = q
	}
	return c
}

// at reports whether a bead of the alignment ends at English position p.
func (c *cuts) at(p int) bool { return c.lo[p] >= 0 }

// minOver returns the lowest of score[i] for i in idx, or 1 if idx is empty.
func minOver(score []float64, idx []int) float64 {
	s := 1.0
	for _, i := range idx {
		s = min(s, score[i])
	}
	return s
}

func span(a, b int) []int {
	out := make([]int, 0, max(0, b-a))
	for i := a; i < b; i++ {
		out = append(out, i)
	}
	return out
}

func shift(idx []int, by int) []int {
	out := make([]int, len(idx))
	for k, i := range idx {
		out[k] = i + by
	}
	return out
}

// Reason says why a group is flagged for review. The command line renders it in the user's
// language through its message id (ids and texts are in locales/align.*.yaml).
type Reason struct {
	id   string
	data map[string]any
}

// MessageID names the localized message for r.
func (r Reason) MessageID() string { return r.id }

// TemplateData returns the values for the message template.
func (r Reason) TemplateData() map[string]any { return r.data }

// String returns the reason in English.
func (r Reason) String() string {
	switch r.id {
	case "align.flag.low-score":
		return fmt.Sprintf("low alignment confidence (%.2f)", r.data["Score"])
	case "align.flag.no-en":
		return "no English sentence corresponds"
	case "align.flag.no-ru":
		return "no Russian translation"
	case "align.flag.no-kk":
		return "no Kazakh translation"
	}
	return r.id
}

// Reasons lists why g is flagged, in a fixed order: empty sides first, then a low score.
// flagBelow is the threshold Three used (0 means DefaultFlagBelow). It is empty for a group
// that is not flagged.
func (g Group) Reasons(flagBelow float64) []Reason {
	if flagBelow == 0 {
		flagBelow = DefaultFlagBelow
	}
	var out []Reason
	for _, side := range []struct {
		idx []int
		id  string
	}{{g.En, "align.flag.no-en"}, {g.Ru, "align.flag.no-ru"}, {g.Kk, "align.flag.no-kk"}} {
		if len(side.idx) == 0 {
			out = append(out, Reason{id: side.id})
		}
	}
	if g.Score < flagBelow {
		out = append(out, Reason{id: "align.flag.low-score", data: map[string]any{"Score": math.Round(g.Score*100) / 100}})
	}
	return out
}
