package align

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/tilmash/tilmash/internal/lexicon"
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
	// Fixed lists groups the alignment must hold as they are, in document order, such as groups
	// a person confirmed. Only their En, Ru and Kk are read. A group may lack any two of the
	// three languages; where the missing side sits is for the aligner to choose, as for a
	// sentence left untranslated. The result holds each of them as one group with score 1.
	Fixed []Group
	// Lexicons are passed to Pair as Options.Lexicon, each to the pair of its languages (in
	// either order).
	Lexicons []*lexicon.Lexicon
	// NoRealign is passed to Pair as Options.NoRealign.
	NoRealign bool
	// Lengths is passed to Pair as Options.Lengths.
	Lengths []LengthModel
}

// DefaultFlagBelow is the score under which Three flags a group when ThreeOptions.FlagBelow is 0.
// On the perturbed NTREX sets (en-ru and en-kk, 1,075 beads), 4.9% of the beads scored below 0.7
// and they held 19 of the 21 wrong beads; above 0.7, 97-100% of the beads were right.
const DefaultFlagBelow = 0.7

// Three aligns English with Russian and Kazakh, using English as the pivot: it aligns en–ru and
// en–kk with Pair, then merges the two alignments. A group ends only where both alignments end a
// bead at the same English sentence; where Russian and Kazakh disagree about a boundary (say the
// Russian translator merged two sentences and the Kazakh did not), the group grows to the
// smallest span that contains the beads of both. Without fixed groups, Russian is also aligned with
// Kazakh, and where the three alignments contradict each other about an English sentence, a sure
// path through the other translation overrules a weaker pivot bead (see arbitrate); the pair is
// then aligned again holding that decision; last, a pivot bead's target sentence that shares no
// name, number or loanword with an English sentence and its other translation, which share
// several, is taken for a desk's addition (see strangers, and lexStrangers for the words of the
// lexicons), and a pivot bead that took two English sentences the other translation has apart
// for one, weak or without one's names and numbers, is split (see dropMerges). Russian and Kazakh sentences with no English
// counterpart at the same place are aligned with each other and form groups with no English.
//
// Every sentence of the three sides is in exactly one group, and groups are in document order on
// all three sides. Any side may be empty. To re-align the stretch between two confirmed groups,
// pass the sentences of that stretch and shift the indices of the result; confirmed groups that
// lack a language go in opt.Fixed. Three panics if those are not in order or not inside the
// three sides.
//
// A fixed group becomes a fixed bead of both pairwise alignments. One without English has no
// English position until an alignment places it: en–ru places the groups with Russian, and en–kk
// then meets them at the same English position (with a wall there if they have no Kazakh); en–kk
// places the groups with Kazakh only, and en–ru is run again with walls at their positions if it
// ended no bead there. At each English position, the Russian–Kazakh alignment of the sentences
// without English there holds the fixed groups placed at that position.
func Three(en, ru, kk []Sentence, opt ThreeOptions) []Group {
	flagBelow := opt.FlagBelow
	if flagBelow == 0 {
		flagBelow = DefaultFlagBelow
	}
	options := func(src, tgt string) Options {
		o := Options{SrcLang: src, TgtLang: tgt, Terms: opt.Terms, Band: opt.Band, NoRealign: opt.NoRealign, Lengths: opt.Lengths}
		for _, l := range opt.Lexicons {
			if l != nil && (l.SrcLang == src && l.TgtLang == tgt || l.SrcLang == tgt && l.TgtLang == src) {
				o.Lexicon = l
			}
		}
		return o
	}
	fx, err := newFixedGroups(opt.Fixed)
	if err != nil {
		panic("align: " + err.Error())
	}
	var ruBeads, kkBeads []Bead
	if len(fx.groups) == 0 {
		// No fixed groups: align Russian with Kazakh as well, and let each pair's alignment be
		// checked by the other two (see arbitrate).
		var rkBeads []Bead
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			ruBeads = pairFixed(en, ru, options("en", "ru"), nil)
		}()
		go func() {
			defer wg.Done()
			rkBeads = pairFixed(ru, kk, options("ru", "kk"), nil)
		}()
		kkBeads = pairFixed(en, kk, options("en", "kk"), nil)
		wg.Wait()
		ruBeads, kkBeads = settle(ruBeads, kkBeads, rkBeads, len(en), len(ru), len(kk), func(o int, beads []Bead, pins []pivotPin) []Bead {
			if o == 0 {
				return repair(en, ru, options("en", "ru"), beads, pins)
			}
			return repair(en, kk, options("en", "kk"), beads, pins)
		})
		ke, kr, kks := newAnchorKeys("en", en, opt.Terms), newAnchorKeys("ru", ru, opt.Terms), newAnchorKeys("kk", kk, opt.Terms)
		// rkRu[j] and rkKk[j]: the ru–kk bead of Russian j and of Kazakh j.
		rkRu, rkKk := make([]int, len(ru)), make([]int, len(kk))
		for k, b := range rkBeads {
			for _, j := range b.Src {
				rkRu[j] = k
			}
			for _, j := range b.Tgt {
				rkKk[j] = k
			}
		}
		ruBeads, kkBeads = strangers(ruBeads, kkBeads, len(en), ke, kr, kks, func(t, o int) bool { return rkRu[t] == rkKk[o] }),
			strangers(kkBeads, ruBeads, len(en), ke, kks, kr, func(t, o int) bool { return rkKk[t] == rkRu[o] })
		// lexOf returns the lexicon keys of English and tgt (lexKeys), worked out when first asked.
		lexOf := func(tgt []Sentence, o Options) func() ([][]uint32, [][]uint32) {
			var le, lt [][]uint32
			return func() ([][]uint32, [][]uint32) {
				if le == nil {
					le, lt = lexKeys(en, tgt, o)
				}
				return le, lt
			}
		}
		lexRu, lexKk := lexOf(ru, options("en", "ru")), lexOf(kk, options("en", "kk"))
		ruBeads, kkBeads = dropMerges(ruBeads, kkBeads, en, ru, ke, kr, kks, lexRu), dropMerges(kkBeads, ruBeads, en, kk, ke, kks, kr, lexKk)
		if lexCandidates(ruBeads, kkBeads, len(en)) || lexCandidates(kkBeads, ruBeads, len(en)) {
			re, rr := lexRu()
			ee, ek := lexKk()
			ruBeads, kkBeads = lexStrangers(ruBeads, kkBeads, len(en), re, rr, ee, ek, kr), lexStrangers(kkBeads, ruBeads, len(en), ee, ek, re, rr, kks)
		}
	} else if fx.needRuFirst() {
		ruBeads = pairFixed(en, ru, options("en", "ru"), fx.pairwise(0))
		fx.place(ruBeads, 0, len(en))
		kkBeads = pairFixed(en, kk, options("en", "kk"), fx.pairwise(1))
	} else {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			ruBeads = pairFixed(en, ru, options("en", "ru"), fx.pairwise(0))
		}()
		kkBeads = pairFixed(en, kk, options("en", "kk"), fx.pairwise(1))
		wg.Wait()
	}
	if fx.place(kkBeads, 1, len(en)) {
		// Groups with Kazakh only now have a place; en–ru must end a bead there too.
		cr := newCuts(ruBeads, len(en), len(ru))
		for _, g := range fx.groups {
			if g.en.free && !cr.at(g.at) {
				ruBeads = pairFixed(en, ru, options("en", "ru"), fx.pairwise(0))
				break
			}
		}
	}
	ruKk := func(p, r0, r1, k0, k1 int) []Bead {
		o := options("ru", "kk")
		o.unpivoted = true
		return pairFixed(ru[r0:r1], kk[k0:k1], o, fx.at(p, r0, k0))
	}
	out := combine(ruBeads, kkBeads, len(en), len(ru), len(kk), flagBelow, ruKk)
	fx.mark(out)
	return out
}

// fixedGroups are the fixed groups of a three-way alignment, as pins on each side, with the
// English position of those without English once an alignment has placed them.
type fixedGroups struct {
	groups []fixedGroup
}

type fixedGroup struct {
	en    pin
	other [2]pin // Russian, Kazakh
	at    int    // the English position of a group without English; −1 until placed
}

func newFixedGroups(groups []Group) (*fixedGroups, error) {
	fx := &fixedGroups{groups: make([]fixedGroup, len(groups))}
	for k, g := range groups {
		f := &fx.groups[k]
		f.at = -1
		for _, s := range []struct {
			p   *pin
			idx []int
		}{{&f.en, g.En}, {&f.other[0], g.Ru}, {&f.other[1], g.Kk}} {
			var err error
			if *s.p, err = pinOf(s.idx); err != nil {
				return nil, fmt.Errorf("fixed group %d: %w", k, err)
			}
		}
		if f.en.free && f.other[0].free && f.other[1].free {
			return nil, fmt.Errorf("fixed group %d has no sentence", k)
		}
	}
	return fx, nil
}

// needRuFirst reports whether a group without English has Russian: en–ru must then place it
// before en–kk runs.
func (fx *fixedGroups) needRuFirst() bool {
	for _, g := range fx.groups {
		if g.en.free && !g.other[0].free {
			return true
		}
	}
	return false
}

// pairwise returns the fixed beads of the alignment of English with the other language o (0
// Russian, 1 Kazakh). A group without English sits at its English position once it has one; a
// group with neither English nor that language, and no position yet, is left to the other
// alignment.
func (fx *fixedGroups) pairwise(o int) []fixedBead {
	var out []fixedBead
	for _, g := range fx.groups {
		en := g.en
		if en.free && g.at >= 0 {
			en = pin{lo: g.at, hi: g.at}
		}
		if en.free && g.other[o].free {
			continue
		}
		out = append(out, fixedBead{src: en, tgt: g.other[o]})
	}
	return out
}

// place records the English positions the alignment of English with language o gave to the
// groups without English that have sentences in o. It reports whether it placed any group that
// has no Russian.
func (fx *fixedGroups) place(beads []Bead, o, n int) bool {
	var before []int // before[j]: English sentences before the bead of target sentence j
	placed := false
	for k := range fx.groups {
		g := &fx.groups[k]
		if !g.en.free || g.at >= 0 || g.other[o].free {
			continue
		}
		if before == nil {
			before = make([]int, 0, n)
			i := 0
			for _, b := range beads {
				for range b.Tgt {
					before = append(before, i)
				}
				i += len(b.Src)
			}
		}
		g.at = before[g.other[o].lo]
		placed = placed || g.other[0].free
	}
	return placed
}

// at returns the fixed beads of the Russian–Kazakh alignment of the sentences without English at
// English position p, which start at Russian r0 and Kazakh k0.
func (fx *fixedGroups) at(p, r0, k0 int) []fixedBead {
	var out []fixedBead
	for _, g := range fx.groups {
		if g.en.free && g.at == p {
			out = append(out, fixedBead{src: g.other[0].shift(-r0), tgt: g.other[1].shift(-k0)})
		}
	}
	return out
}

// mark gives the groups that are fixed groups score 1 and no flag: a person has checked them.
func (fx *fixedGroups) mark(groups []Group) {
	t := 0
	for k := range groups {
		if t == len(fx.groups) {
			return
		}
		f := fx.groups[t]
		g := &groups[k]
		if slices.Equal(g.En, f.en.indices()) && slices.Equal(g.Ru, f.other[0].indices()) && slices.Equal(g.Kk, f.other[1].indices()) {
			g.Score, g.Flagged = 1, false
			t++
		}
	}
}

// combine merges an en–ru and an en–kk alignment of n English, nr Russian and nk Kazakh
// sentences into groups (see Three). ruKk aligns the Russian sentences r0..r1−1 with the Kazakh
// sentences k0..k1−1 that have no English counterpart at English position p; its bead indices
// count from r0 and k0.
func combine(ruBeads, kkBeads []Bead, n, nr, nk int, flagBelow float64, ruKk func(p, r0, r1, k0, k1 int) []Bead) []Group {
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
		for _, b := range ruKk(p, r0, r1, k0, k1) {
			g := Group{En: []int{}, Ru: shift(b.Src, r0), Kk: shift(b.Tgt, k0)}
			g.Score = min(b.Score, minOver(cr.tgtScore, g.Ru), minOver(ck.tgtScore, g.Kk))
			g.Flagged = len(g.Reasons(flagBelow)) > 0 // always: no English
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
		g.Flagged = len(g.Reasons(flagBelow)) > 0
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
	case "align.flag.no-lang":
		return fmt.Sprintf("no sentence in %s", r.data["Lang"])
	}
	for k, id := range runIDs {
		if id == r.id {
			return fmt.Sprintf("%v %s sentences in a row have no %s counterpart", r.data["Count"], langNames[k[0]], langNames[k[1]])
		}
	}
	return r.id
}

// Reasons lists why g is flagged ([FlagReasons] over its English,
// Russian and Kazakh sides). flagBelow is the threshold Three used (0
// means DefaultFlagBelow). It is empty for a group that is not flagged.
func (g Group) Reasons(flagBelow float64) []Reason {
	return FlagReasons(g.Score, flagBelow, Side{Lang: "en", Sentences: len(g.En)}, Side{Lang: "ru", Sentences: len(g.Ru)}, Side{Lang: "kk", Sentences: len(g.Kk)})
}

// Side is one language of a group or bead: its code and how many
// sentences it holds there.
type Side struct {
	Lang      string
	Sentences int
	// Run is, for an empty side, how many sentences in a row, of this group and of its
	// neighbours that lack the same language, have no counterpart in it: a paragraph one
	// translation dropped or added. Below 2 the reason is the plain one (align.flag.no-LANG).
	Run int
}

// FlagReasons is the flagged rule, the one place it is computed: a group
// (of Three) or a bead (of Pair, as align aligns a two-language workspace)
// is flagged for a person to review when a side is empty (a sentence one
// translation dropped or added) or its score is below flagBelow (0 means
// DefaultFlagBelow). It returns why, in a fixed order: empty sides first,
// in the order given, then a low score; empty means not flagged. The HTML
// export shows these reasons on a flagged group.
func FlagReasons(score, flagBelow float64, sides ...Side) []Reason {
	if flagBelow == 0 {
		flagBelow = DefaultFlagBelow
	}
	var out []Reason
	present := ""
	for _, s := range sides {
		if s.Sentences > 0 {
			present = s.Lang
			break
		}
	}
	for _, s := range sides {
		if s.Sentences > 0 {
			continue
		}
		if id, ok := runIDs[[2]string{present, s.Lang}]; ok && s.Run >= 2 {
			out = append(out, Reason{id: id, data: map[string]any{"Count": s.Run}})
			continue
		}
		switch s.Lang {
		case "en", "ru", "kk":
			out = append(out, Reason{id: "align.flag.no-" + s.Lang})
		default:
			out = append(out, Reason{id: "align.flag.no-lang", data: map[string]any{"Lang": s.Lang}})
		}
	}
	if score < flagBelow {
		out = append(out, Reason{id: "align.flag.low-score", data: map[string]any{"Score": math.Round(score*100) / 100}})
	}
	return out
}

var langNames = map[string]string{"en": "English", "ru": "Russian", "kk": "Kazakh"}

// runIDs are the reasons for a run of sentences of one language (the first) without counterpart
// in another (the second): "4 Kazakh sentences in a row have no English counterpart".
var runIDs = map[[2]string]string{
	{"ru", "en"}: "align.flag.run-ru-no-en",
	{"kk", "en"}: "align.flag.run-kk-no-en",
	{"en", "ru"}: "align.flag.run-en-no-ru",
	{"kk", "ru"}: "align.flag.run-kk-no-ru",
	{"en", "kk"}: "align.flag.run-en-no-kk",
	{"ru", "kk"}: "align.flag.run-ru-no-kk",
}

// NeedsReview reports whether the flagged rule flags a group ([FlagReasons]).
func NeedsReview(score, flagBelow float64, sides ...Side) bool {
	return len(FlagReasons(score, flagBelow, sides...)) > 0
}

// A pivotPin is an English sentence whose counterpart in one translation the arbitration decided:
// the target sentences tgt (none when the translation dropped it), with the confidence of the
// evidence that decided it. With noEn, it is the other way round: the target sentences tgt have
// no English (the translation added them), and en is the English sentence they were paired with,
// which the pin follows in the order of the pins.
type pivotPin struct {
	en    int
	tgt   []int
	score float64
	noEn  bool
}

// arbitrateAbove is how sure a path through the other two alignments must be (the lower of its two
// bead scores) to overrule a pivot pair's bead. Tuned on the dev half of bench/threeway.py: at 0.7
// ru–kk's own mistakes (an addition paired with a kept sentence because the lengths fit) overruled
// right beads as often as they mended wrong ones.
const arbitrateAbove = 0.8

// arbitrate checks the en–ru (ru) and en–kk (kk) alignments of n English sentences against the
// Russian–Kazakh one (rk) of nr Russian and nk Kazakh sentences. Where an English sentence has a
// bead of its own in both, the three form a triangle: its Russian and its Kazakh must be one bead
// of rk (or, where one translation dropped it, the other's sentence must have no counterpart in
// rk). Where they are not, one of the three alignments is wrong. The en–kk bead is overruled when
// the path through Russian (the en–ru bead, then the ru–kk bead of its Russian sentence) is sure
// of itself (both scores at least arbitrateAbove) and surer than the en–kk bead; the English
// sentence then gets the Kazakh sentence (or none) that path gives it. The en–ru bead likewise,
// through Kazakh; where both could be overruled, the one the other path beats by more. A path
// whose rk bead gives more than one sentence is not used: ru–kk's wrong beads are often of that
// kind (an addition merged with a kept sentence). Russian and Kazakh are close
// (shared Cyrillic names, numbers, loanwords), so ru–kk often holds the evidence a pivot pair
// lacks. Two weaker rules follow (see splits and uncorroborated): a pivot bead that merged the
// translation with sentences ru–kk leaves alone gives way to a path surer than it, and a weak
// pivot bead that nothing corroborates, against a sure bead of the other pair, is undone; so is
// a very weak pivot bead of any shape that nothing supports (see unsupported). An English
// sentence that a pivot bead holds with others leaves it for the sentence a sure path through
// the other translation gives it outside that bead (see leaves); one that the other two
// alignments show the translation dropped leaves it for no counterpart (see drops). Where a
// decision leaves a target sentence without English that the evidence shows to be an addition, it
// is pinned so too (see appendAddition, splitPins and unpaired). It returns the pins for en–ru and
// en–kk, in English order.
func arbitrate(ru, kk, rk []Bead, n, nr, nk int) (pinRu, pinKk []pivotPin) {
	return arbitrateSince(ru, kk, rk, n, nr, nk, ru, kk)
}

// arbitrateSince is arbitrate over en–ru and en–kk alignments that may have been aligned again
// holding pins; firstRu and firstKk are the alignments as first made, holding none. A path
// through the other translation does not take a target sentence from another English sentence
// that the pivot alignment holds it with alone, in a bead that is not weak (supportedAbove) and
// that the first alignment made too: the two desks dropped different sentences, and ru–kk, with no
// English to go by, paired what was left in order, sure of itself. Over the drifts of the dev
// half of bench/threeway.py such paths took a sentence from the right English sentence three
// times in four. A bead only the alignment held to pins made is no such evidence: aligned again,
// a pair solves each part between pins on its own, and may pair a sentence with the wrong
// English sentence that the first alignment had right.
func arbitrateSince(ru, kk, rk []Bead, n, nr, nk int, firstRu, firstKk []Bead) (pinRu, pinKk []pivotPin) {
	byEn := func(beads []Bead) []enBead {
		out := make([]enBead, n)
		for k := range beads {
			b := &beads[k]
			for _, i := range b.Src {
				out[i] = enBead{b, len(b.Src) == 1}
			}
		}
		return out
	}
	// rkOf[j] is the ru–kk bead of Russian j, kkOf[j] that of Kazakh j.
	rkOf, kkOf := make([]*Bead, nr), make([]*Bead, nk)
	for k := range rk {
		b := &rk[k]
		for _, j := range b.Src {
			rkOf[j] = b
		}
		for _, j := range b.Tgt {
			kkOf[j] = b
		}
	}
	// through returns the counterparts the third alignment gives to sentences idx of one
	// translation: the other side of their rk bead, if that bead holds exactly idx on their side.
	through := func(idx []int, of []*Bead, side func(*Bead) []int, other func(*Bead) []int) (*Bead, []int, bool) {
		if len(idx) == 0 || of[idx[0]] == nil {
			return nil, nil, false
		}
		b := of[idx[0]]
		if !slices.Equal(side(b), idx) || len(other(b)) > 1 {
			return nil, nil, false
		}
		return b, other(b), true
	}
	// local reports whether pinning English i to target sentence(s) tgt overrules only beads of
	// the pivot alignment beads (those that hold i, tgt and every bead between them) that are
	// less sure than score: a path through the third alignment may mend a weak stretch, not move
	// a sentence across sure beads.
	local := func(beads []Bead, i int, tgt []int, score float64) bool {
		if len(tgt) == 0 {
			return true
		}
		lo, hi := -1, -1
		for k, b := range beads {
			if slices.Contains(b.Src, i) || slices.Contains(b.Tgt, tgt[0]) {
				if lo < 0 {
					lo = k
				}
				hi = k
			}
		}
		for _, b := range beads[lo : hi+1] {
			if b.Score >= score {
				return false
			}
		}
		return true
	}
	src := func(b *Bead) []int { return b.Src }
	tgt := func(b *Bead) []int { return b.Tgt }
	er, ek := byEn(ru), byEn(kk)
	// enOfRu(idx) and enOfKk(idx) return the pivot bead of Russian or Kazakh sentences idx.
	byTgt := func(beads []Bead, m int) func([]int) *Bead {
		of := make([]*Bead, m)
		for k := range beads {
			for _, j := range beads[k].Tgt {
				of[j] = &beads[k]
			}
		}
		return func(idx []int) *Bead { return of[idx[0]] }
	}
	enOfRu, enOfKk := byTgt(ru, nr), byTgt(kk, nk)
	// held reports whether the pivot alignment (enOf) holds target sentence tgt alone with another
	// English sentence than i, in a bead that is not weak and that the first alignment (first)
	// made too.
	held := func(enOf func([]int) *Bead, first []Bead, i int, tgt []int) bool {
		if len(tgt) != 1 {
			return false
		}
		b := enOf(tgt)
		return b != nil && len(b.Src) == 1 && len(b.Tgt) == 1 && b.Src[0] != i && b.Score >= supportedAbove &&
			slices.ContainsFunc(first, func(f Bead) bool { return slices.Equal(f.Src, b.Src) && slices.Equal(f.Tgt, b.Tgt) })
	}
	// ruAlone(j) and kkAlone(j) report whether rk leaves Russian or Kazakh j alone.
	ruAlone := func(j int) bool { b := rkOf[j]; return b != nil && len(b.Src) == 1 && len(b.Tgt) == 0 }
	kkAlone := func(j int) bool { b := kkOf[j]; return b != nil && len(b.Tgt) == 1 && len(b.Src) == 0 }
	for i := range n {
		a, b := er[i], ek[i]
		if !a.ok && b.ok {
			ck, viaKk, okKk := through(b.bead.Tgt, kkOf, tgt, src)
			if okKk && leaves(a.bead, b.bead, ck, viaKk) && local(ru, i, viaKk, min(b.bead.Score, ck.Score)) {
				pinRu = append(pinRu, pivotPin{en: i, tgt: viaKk, score: min(b.bead.Score, ck.Score)})
			}
		}
		if a.ok && !b.ok {
			cr, viaRu, okRu := through(a.bead.Tgt, rkOf, src, tgt)
			if okRu && leaves(b.bead, a.bead, cr, viaRu) && local(kk, i, viaRu, min(a.bead.Score, cr.Score)) {
				pinKk = append(pinKk, pivotPin{en: i, tgt: viaRu, score: min(a.bead.Score, cr.Score)})
			}
		}
		if !a.ok || !b.ok {
			continue
		}
		cr, viaRu, okRu := through(a.bead.Tgt, rkOf, src, tgt) // Kazakh of i through Russian
		ck, viaKk, okKk := through(b.bead.Tgt, kkOf, tgt, src) // Russian of i through Kazakh
		if okRu && slices.Equal(viaRu, b.bead.Tgt) || okKk && slices.Equal(viaKk, a.bead.Tgt) {
			continue // consistent
		}
		if len(a.bead.Tgt) == 0 && len(b.bead.Tgt) == 0 {
			continue
		}
		// Either pair's bead is overruled only by a path through the other two that is more
		// sure of itself than the bead is.
		var viaRuScore, viaKkScore float64
		if okRu {
			viaRuScore = min(a.bead.Score, cr.Score)
		}
		if okKk {
			viaKkScore = min(b.bead.Score, ck.Score)
		}
		switch {
		case okRu && splits(b.bead, viaRu, viaRuScore, kkAlone):
			pinKk = append(pinKk, splitPins(i, b.bead, viaRu, viaRuScore)...)
		case okKk && splits(a.bead, viaKk, viaKkScore, ruAlone):
			pinRu = append(pinRu, splitPins(i, a.bead, viaKk, viaKkScore)...)
		case okRu && viaRuScore >= arbitrateAbove && viaRuScore > b.bead.Score &&
			(!okKk || viaRuScore-b.bead.Score >= viaKkScore-a.bead.Score) && local(kk, i, viaRu, viaRuScore) && !held(enOfKk, firstKk, i, viaRu):
			pinKk = append(pinKk, pivotPin{en: i, tgt: viaRu, score: viaRuScore})
			if len(viaRu) == 0 {
				pinKk = appendAddition(pinKk, i, b.bead, ck, viaKk, okKk, enOfRu)
			}
		case okKk && viaKkScore >= arbitrateAbove && viaKkScore > a.bead.Score && local(ru, i, viaKk, viaKkScore) && !held(enOfRu, firstRu, i, viaKk):
			pinRu = append(pinRu, pivotPin{en: i, tgt: viaKk, score: viaKkScore})
			if len(viaKk) == 0 {
				pinRu = appendAddition(pinRu, i, a.bead, cr, viaRu, okRu, enOfKk)
			}
		case uncorroborated(a.bead, b.bead, rkOf, kkOf) && !(okKk && len(viaKk) > 0 && viaKkScore > a.bead.Score):
			pinRu = append(pinRu, unpaired(i, a.bead, ruAlone)...)
		case uncorroborated(b.bead, a.bead, kkOf, rkOf) && !(okRu && len(viaRu) > 0 && viaRuScore > b.bead.Score):
			pinKk = append(pinKk, unpaired(i, b.bead, kkAlone)...)
		}
	}
	pinRu = append(pinRu, unsupported(er, ek, rkOf, kkOf, pinRu, ruAlone)...)
	pinKk = append(pinKk, unsupported(ek, er, kkOf, rkOf, pinKk, kkAlone)...)
	pinRu = append(pinRu, drops(er, ek, kkOf, src, pinRu)...)
	pinKk = append(pinKk, drops(ek, er, rkOf, tgt, pinKk)...)
	slices.SortStableFunc(pinRu, func(x, y pivotPin) int { return x.en - y.en })
	slices.SortStableFunc(pinKk, func(x, y pivotPin) int { return x.en - y.en })
	return pinRu, pinKk
}

// leaves reports whether English sentence i of a pivot bead that holds more English sentences
// (pivot) should leave it for the target sentence via that the path through the other translation
// gives it: the other pivot alignment's bead of i alone (other), then the third alignment's bead
// (third) of its sentence. The path must be sure (both beads at least arbitrateAbove), surer than
// the pivot bead, and give i one sentence outside the pivot bead.
func leaves(pivot, other, third *Bead, via []int) bool {
	score := min(other.Score, third.Score)
	return len(via) == 1 && len(other.Tgt) == 1 && score >= arbitrateAbove && score > pivot.Score && !slices.Contains(pivot.Tgt, via[0])
}

// settleRounds is how many times settle arbitrates. A second round mends about as much again as
// the first on the dev half of bench/threeway.py (over 12 drifts); a third changed nothing.
const settleRounds = 2

// settle arbitrates the en–ru (ru) and en–kk (kk) alignments of n English sentences against the
// Russian–Kazakh one (rk) of nr Russian and nk Kazakh sentences (see arbitrate), and has realign
// align a pair again holding its pins: realign(0, ru, pins) for en–ru, realign(1, kk, pins) for
// en–kk, the two at once. Then it arbitrates the realigned pairs again: a pair aligned holding a
// pin often pairs a sentence the pin freed with a neighbour for want of better, a weak bead the
// same rules undo. Pins of earlier rounds hold; a later round adds pins only for English
// sentences they leave alone, and a pair is realigned only if it gained pins. It returns the
// final en–ru and en–kk alignments.
func settle(ru, kk, rk []Bead, n, nr, nk int, realign func(o int, beads []Bead, pins []pivotPin) []Bead) ([]Bead, []Bead) {
	var pinRu, pinKk []pivotPin
	firstRu, firstKk := ru, kk
	for range settleRounds {
		newRu, newKk := arbitrateSince(ru, kk, rk, n, nr, nk, firstRu, firstKk)
		var moreRu, moreKk bool
		pinRu, moreRu = addPins(pinRu, newRu)
		pinKk, moreKk = addPins(pinKk, newKk)
		if !moreRu && !moreKk {
			break
		}
		var wg sync.WaitGroup
		if moreRu {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ru = realign(0, ru, pinRu)
			}()
		}
		if moreKk {
			kk = realign(1, kk, pinKk)
		}
		wg.Wait()
	}
	return ru, kk
}

// addPins adds to the pins of earlier rounds (old) the new ones (add) of English sentences that
// old leaves alone, in English order, and reports whether it added any.
func addPins(old, add []pivotPin) ([]pivotPin, bool) {
	out := slices.Clone(old)
	for _, p := range add {
		if !slices.ContainsFunc(old, func(q pivotPin) bool { return q.en == p.en }) {
			out = append(out, p)
		}
	}
	if len(out) == len(old) {
		return old, false
	}
	slices.SortStableFunc(out, func(x, y pivotPin) int { return x.en - y.en })
	return out, true
}

// enBead is the bead of a pivot alignment that holds an English sentence.
type enBead struct {
	bead *Bead
	ok   bool // the bead holds this English sentence alone
}

// unsupportedBelow and supportedAbove: see unsupported. Against a pivot bead that weak, the
// other pivot's bead need not be sure, only not weak (the score under which a group is flagged):
// at 0.95, as uncorroborated asks, it left additions paired with English sentences whose other
// translation the other pair held at 0.85-0.95. Any value from 0.6 to 0.8 gave about the same
// figures on 18 drifts of the dev half of bench/threeway.py.
const (
	unsupportedBelow = 0.5
	supportedAbove   = 0.7
)

// unsupported returns pins that undo the weak beads of one pivot alignment that nothing else
// supports. pivot gives the bead of the pivot alignment that holds each English
// sentence, other that of the other pivot alignment; pivotOf and otherOf give the third
// alignment's bead of a sentence of each translation; done holds the pins arbitrate already
// made. An English sentence is unpaired when its pivot bead has target sentences and is weak
// (below unsupportedBelow), the other pivot alignment holds the English sentence alone with
// sentences of its own in a bead that is not weak (at least supportedAbove), and the third alignment puts
// none of the pivot bead's target sentences in a bead with any of the other bead's. That is
// what a desk that dropped a run of sentences and added a run of its own leaves: the pivot
// alignment pairs the two runs for want of anything better, in whatever shapes their lengths
// fit, and nothing else agrees. Unlike uncorroborated, it reads beads of any shape, and a path
// through the other translation does not save the bead: so weak a bead is no evidence. A
// third-alignment bead as weak still links: two weak alignments that agree are evidence (taking
// such links for none mended as many groups as it broke over 18 drifts of the dev half).
func unsupported(pivot, other []enBead, pivotOf, otherOf []*Bead, done []pivotPin, alone func(int) bool) []pivotPin {
	var out []pivotPin
	for i := range pivot {
		p, o := pivot[i].bead, other[i]
		if p == nil || o.bead == nil || len(p.Tgt) == 0 || p.Score >= unsupportedBelow || !o.ok || len(o.bead.Tgt) == 0 || o.bead.Score < supportedAbove {
			continue
		}
		if slices.ContainsFunc(done, func(x pivotPin) bool { return x.en == i || slices.Contains(p.Src, x.en) }) {
			continue
		}
		linked := false
		for _, t := range p.Tgt {
			if b := pivotOf[t]; b != nil && slices.ContainsFunc(o.bead.Tgt, func(u int) bool { return otherOf[u] == b }) {
				linked = true
			}
		}
		if linked {
			continue
		}
		if len(p.Src) == 1 && len(p.Tgt) == 1 {
			out = append(out, unpaired(i, p, alone)...)
		} else {
			out = append(out, pivotPin{en: i, tgt: []int{}, score: 1 - p.Score})
		}
	}
	return out
}

// drops returns pins that take out of a pivot bead of several English sentences those that its
// translation dropped. pivot gives the bead of the pivot alignment that holds each English
// sentence, other that of the other pivot alignment; otherOf gives the third alignment's bead of
// a sentence of the other translation, and pivotSide that bead's sentences in the pivot's
// translation; done holds the pins arbitrate already made. Where the other pivot alignment holds
// each English sentence of the bead alone with one sentence of its own (not weak: supportedAbove),
// and the third alignment pairs exactly one of those with all the bead's target sentences and
// leaves the others alone, the English sentences of those others have no counterpart in the
// pivot's translation: it dropped them, and the pivot pair took a kept translation for the
// translation of two sentences (its length fits no worse). The English sentence of the pair keeps
// the bead's target sentences.
func drops(pivot, other []enBead, otherOf []*Bead, pivotSide func(*Bead) []int, done []pivotPin) []pivotPin {
	var out []pivotPin
	for i := range pivot {
		p := pivot[i].bead
		if p == nil || len(p.Src) < 2 || p.Src[0] != i || len(p.Tgt) == 0 {
			continue
		}
		if slices.ContainsFunc(done, func(x pivotPin) bool { return slices.Contains(p.Src, x.en) }) {
			continue
		}
		linked, alone, ok := -1, 0, true
		score := 1.0
		for _, e := range p.Src {
			o := other[e]
			if !o.ok || len(o.bead.Tgt) != 1 || o.bead.Score < supportedAbove || otherOf[o.bead.Tgt[0]] == nil {
				ok = false
				break
			}
			r := otherOf[o.bead.Tgt[0]]
			score = min(score, o.bead.Score, r.Score)
			switch ps := pivotSide(r); {
			case len(ps) == 0:
				alone++
			case linked < 0 && slices.Equal(ps, p.Tgt):
				linked = e
			default:
				ok = false
			}
		}
		if !ok || linked < 0 || alone == 0 {
			continue
		}
		for _, e := range p.Src {
			if e == linked {
				out = append(out, pivotPin{en: e, tgt: p.Tgt, score: score})
			} else {
				out = append(out, pivotPin{en: e, tgt: []int{}, score: score})
			}
		}
	}
	return out
}

// uncorroboratedBelow and corroboratedAbove: see uncorroborated.
const (
	uncorroboratedBelow = 0.7
	corroboratedAbove   = 0.95
)

// uncorroborated reports whether a pivot bead of one English sentence and one target sentence
// (pivot) is weak (below uncorroboratedBelow) while the other pivot alignment is sure (at least
// corroboratedAbove) of its own bead of the English sentence and one sentence (other), and the
// third alignment does not hold the two target sentences in one bead (arbitrate asks only where
// it does not pair them alone; pivotOf and otherOf give the third alignment's bead of a sentence
// of each side). A desk that dropped a sentence and added one of its own at the same place leaves
// such a bead: the addition fits where the translation would be, the pivot alignment pairs it for
// want of anything better, and nothing else agrees. (Arbitrate does not undo the bead where the
// path through the other translation gives the English sentence another counterpart, surer than
// the bead: that path, even if too weak to pin, may be right.)
func uncorroborated(pivot, other *Bead, pivotOf, otherOf []*Bead) bool {
	return len(pivot.Tgt) == 1 && pivot.Score < uncorroboratedBelow && len(other.Tgt) == 1 && other.Score >= corroboratedAbove &&
		pivotOf[pivot.Tgt[0]] != otherOf[other.Tgt[0]]
}

// unpaired returns the pins that undo a pivot bead of English i and one target sentence, as sure
// as the bead was unsure: the English sentence without counterpart, and, if the third alignment
// leaves the target sentence alone too (alone), the target sentence without English (an
// addition). Otherwise it may be a neighbour's translation, and the alignment places it again.
func unpaired(i int, pivot *Bead, alone func(int) bool) []pivotPin {
	score := 1 - pivot.Score
	out := []pivotPin{{en: i, tgt: []int{}, score: score}}
	if alone(pivot.Tgt[0]) {
		out = append(out, pivotPin{en: i, tgt: pivot.Tgt, score: score, noEn: true})
	}
	return out
}

// splitAbove is how sure a path through the other translation must be to split a pivot bead that
// merged its English sentence's translation with sentences the third alignment leaves alone (see
// splits). Tuned on the dev half of bench/threeway.py and two other drifts of it (--seed).
const splitAbove = 0.5

// splits reports whether a pivot bead of one English sentence and two or more target sentences
// should give way to the path through the other translation, which gives the English sentence
// only one of them, via, with the confidence score: where one desk added a sentence next to a
// kept one, the pivot alignment often takes both for one translation split in two (their lengths
// add up about right), while the alignment of the two translations leaves the addition alone.
// It must leave every other sentence of the bead alone (alone), and be surer than the bead and
// than splitAbove.
func splits(pivot *Bead, via []int, score float64, alone func(int) bool) bool {
	if len(pivot.Tgt) < 2 || len(via) != 1 || !slices.Contains(pivot.Tgt, via[0]) || score <= pivot.Score || score < splitAbove {
		return false
	}
	for _, t := range pivot.Tgt {
		if t != via[0] && !alone(t) {
			return false
		}
	}
	return true
}

// splitPins returns the pins of a split (see splits): English i with via, the other target
// sentences of the pivot bead without English, in target order.
func splitPins(i int, pivot *Bead, via []int, score float64) []pivotPin {
	var out []pivotPin
	for _, t := range pivot.Tgt {
		if t == via[0] {
			out = append(out, pivotPin{en: i, tgt: via, score: score})
		} else {
			out = append(out, pivotPin{en: i, tgt: []int{t}, score: score, noEn: true})
		}
	}
	return out
}

// appendAddition is the second half of overruling a pivot bead old that paired English i with a
// target sentence t when the path through the other translation says English i has no
// counterpart: t is then the translation of a neighbour or an addition of its own desk, and
// aligned again without a decision it tends to merge into a neighbour's bead (its lengths fit no
// worse). Where the third alignment pairs t alone with one sentence o of the other translation
// (its bead via, if ok) whose pivot bead (enOf) has no English, both at least arbitrateAbove, the
// two desks added the same passage: t is pinned as having no English too.
func appendAddition(pins []pivotPin, i int, old, via *Bead, o []int, ok bool, enOf func([]int) *Bead) []pivotPin {
	if len(old.Tgt) != 1 || !ok || len(o) != 1 {
		return pins
	}
	ob := enOf(o)
	if ob == nil || len(ob.Src) != 0 || min(ob.Score, via.Score) < arbitrateAbove {
		return pins
	}
	return append(pins, pivotPin{en: i, tgt: old.Tgt, score: min(ob.Score, via.Score), noEn: true})
}

// repair aligns en with tgt again holding the pins, if there are any, and gives each pinned bead
// the score of its evidence. Pins are in English order, a pin with noEn after the pin of its
// English sentence. Pins that cannot all hold in one alignment (their target sentences out of
// order) are dropped, those with noEn first.
func repair(en, tgt []Sentence, opt Options, beads []Bead, pins []pivotPin) []Bead {
	fixedOf := func(pins []pivotPin) []fixedBead {
		fixed := make([]fixedBead, len(pins))
		for k, p := range pins {
			t, _ := pinOf(p.tgt) // consecutive: the side of one bead
			fixed[k] = fixedBead{src: pin{lo: p.en, hi: p.en + 1}, tgt: t}
			if p.noEn {
				fixed[k].src = pin{free: true}
			}
		}
		if bound(slices.Clone(fixed), len(en), len(tgt)) != nil {
			return nil
		}
		return fixed
	}
	fixed := fixedOf(pins)
	if fixed == nil && len(pins) > 0 {
		pins = slices.DeleteFunc(slices.Clone(pins), func(p pivotPin) bool { return p.noEn })
		fixed = fixedOf(pins)
	}
	if len(fixed) == 0 {
		return beads
	}
	out := pairFixed(en, tgt, opt, fixed)
	for x := range out {
		b := &out[x]
		for _, p := range pins {
			if p.noEn && len(b.Src) == 0 && slices.Equal(b.Tgt, p.tgt) ||
				!p.noEn && len(b.Src) == 1 && b.Src[0] == p.en && slices.Equal(b.Tgt, p.tgt) {
				b.Score = p.score
			}
		}
	}
	return out
}
