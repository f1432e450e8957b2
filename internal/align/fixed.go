package align

import (
	"fmt"
	"runtime"
	"slices"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// Fixed beads. A person who confirmed a group has decided that its sentences translate each other,
// and re-aligning the document must keep the group as it is. A fixed bead with sentences on both
// sides splits the alignment in two: whatever lies before it on both sides is aligned apart from
// whatever lies after. A fixed bead with an empty side (a sentence the translation deliberately
// leaves out) does not: the search has to decide where the empty side sits among the sentences of
// that side, and it does so inside one alignment, as it places a 1-0 bead, so the sentences of the
// other side stay next to their translations. The search treats such a bead as one transition of
// the dynamic programme that no other bead may cut into (see cons).

// Fixed is a bead an alignment must contain as it is, such as a group a person confirmed. Src and
// Tgt hold its sentence indices, consecutive and increasing. One side may be empty: the bead then
// has no sentence on that side, and the aligner chooses where it sits. Fixed beads keep their
// order, and no other bead takes one of their sentences.
type Fixed struct {
	Src, Tgt []int
}

// pin is one side of a fixed bead: sentences lo..hi−1 (none when lo == hi: the bead sits exactly
// between sentences lo−1 and lo), or, when free, no sentence, at a place between lo and hi
// (inclusive) that the search chooses. Bounds on a free side keep fixed beads in order.
type pin struct {
	lo, hi int
	free   bool
}

// wide reports whether the side is pinned and holds sentences.
func (p pin) wide() bool { return !p.free && p.hi > p.lo }

func (p pin) shift(d int) pin { return pin{lo: p.lo + d, hi: p.hi + d, free: p.free} }

func (p pin) indices() []int {
	if p.free {
		return []int{}
	}
	return span(p.lo, p.hi)
}

// fixedBead is a Fixed in the form the search uses: its source and target sides.
type fixedBead struct{ src, tgt pin }

// pinOf is the pin of a side given as sentence indices: free when there are none.
func pinOf(idx []int) (pin, error) {
	if len(idx) == 0 {
		return pin{free: true}, nil
	}
	for k := 1; k < len(idx); k++ {
		if idx[k] != idx[k-1]+1 {
			return pin{}, fmt.Errorf("sentences %v are not consecutive", idx)
		}
	}
	return pin{lo: idx[0], hi: idx[len(idx)-1] + 1}, nil
}

func fixedBeads(fixed []Fixed) ([]fixedBead, error) {
	out := make([]fixedBead, len(fixed))
	for k, f := range fixed {
		var err error
		if out[k].src, err = pinOf(f.Src); err != nil {
			return nil, fmt.Errorf("fixed bead %d: source %w", k, err)
		}
		if out[k].tgt, err = pinOf(f.Tgt); err != nil {
			return nil, fmt.Errorf("fixed bead %d: target %w", k, err)
		}
	}
	return out, nil
}

// bound checks that the fixed beads are in order and inside n source and m target sentences, and
// sets the bounds of their free sides: a free side lies between the pinned sides of the fixed
// beads before and after it.
func bound(fixed []fixedBead, n, m int) error {
	for k, f := range fixed {
		if f.src.free && f.tgt.free {
			return fmt.Errorf("fixed bead %d has no sentence", k)
		}
	}
	for _, s := range []struct {
		side func(*fixedBead) *pin
		n    int
		name string
	}{
		{func(f *fixedBead) *pin { return &f.src }, n, "source"},
		{func(f *fixedBead) *pin { return &f.tgt }, m, "target"},
	} {
		last := 0
		for k := range fixed {
			p := s.side(&fixed[k])
			if p.free {
				p.lo = last
				continue
			}
			if p.lo < last || p.hi < p.lo || p.hi > s.n {
				return fmt.Errorf("fixed bead %d: %s sentences %d..%d out of order or past %d", k, s.name, p.lo, p.hi-1, s.n)
			}
			last = p.hi
		}
		next := s.n
		for k := len(fixed) - 1; k >= 0; k-- {
			if p := s.side(&fixed[k]); p.free {
				p.hi = next
			} else {
				next = p.lo
			}
		}
	}
	return nil
}

// collectAfterPass is the number of sentences of the two sides from which pairFixed has the
// garbage of the first pass collected before the second: in a shorter document the heap it saves
// costs less than a collection.
const collectAfterPass = 10000

// pairFixed aligns src with tgt so that the alignment holds every fixed bead. A fixed bead pinned
// on both sides cuts the problem in two; the parts between such cuts are aligned apart, each with
// the fixed beads inside it.
func pairFixed(src, tgt []Sentence, opt Options, fixed []fixedBead) []Bead {
	opt.Lexicon = withSeed(opt)
	fs, ft, vs, vt := extractSides(src, tgt, opt)
	maxDF := lexMaxDF // keys of senses keyWeights gives no weight are left out (see withLexKeys)
	if len(fixed) > 0 {
		maxDF = 0 // parts of the document weigh their keys apart
	}
	ks, kt := withLexKeys(fs, ft, vs, vt, opt.SrcLang, opt.TgtLang, opt.Lexicon, maxDF)
	// Without fixed beads, the search of each pass and the margin after it weigh the keys of the
	// whole document alike: the table is made once for both (two tables of counts and one of
	// weights over every key of the document, a two-hundredth of align-files at 20,000 sentences).
	wt := wholeWeights(ks, kt, opt.Lexicon, fixed)
	beads := pairParts(src, tgt, fs, ft, ks, kt, opt, fixed, nil, nil, wt)
	if opt.NoRealign {
		return splitOutmatched(ks, kt, wt, opt.Lexicon, opt, beads)
	}
	if len(src)+len(tgt) >= collectAfterPass {
		// The first pass's search (its sides, bands and paths, tens of MB at 20,000 sentences a
		// side) is garbage now, but the collector last counted the live heap during it and set
		// its goal at twice that: the second pass would grow the heap to that goal before the
		// next collection, and every page the heap grows by is fresh memory, a page fault each
		// (at 20,000 sentences a side, 16,000 faults and 69 MB peak without this, 11,000 and
		// 51 MB with it, for a collection that marks some 15 MB).
		runtime.GC()
	}
	path := stepsOf(beads)
	wide := unsureRows(beads, path, len(src))
	if wide == nil && !doubtful(beads) {
		return beads // nothing the second pass could change (see mergePasses), nor the margin
	}
	// The margin weighs the similarities with the lexicon the second pass learns, which knows
	// the document's own words (see margin.go).
	lex := learnFrom(fs, ft, vs, vt, beads, opt)
	if lex != nil {
		ks, kt = withLexKeys(fs, ft, vs, vt, opt.SrcLang, opt.TgtLang, lex, maxDF)
		wt = wholeWeights(ks, kt, lex, fixed)
		if wide != nil {
			opt.Lexicon = lex
			again := pairParts(src, tgt, fs, ft, ks, kt, opt, fixed, path, wide, wt)
			beads = mergePasses(beads, again, realignBelow)
		}
	} else {
		lex = opt.Lexicon
	}
	return splitOutmatched(ks, kt, wt, lex, opt, beads)
}

// wholeWeights is docWeights(ks, kt, lex) when pairParts searches the document whole (no fixed
// beads) and it has sentences on both sides, else nil: the parts between fixed beads weigh their
// keys apart, and a search with a side empty weighs none.
func wholeWeights(ks, kt [][]uint32, lex *lexicon.Lexicon, fixed []fixedBead) *weightTable {
	if len(fixed) > 0 || len(ks) == 0 || len(kt) == 0 {
		return nil
	}
	return docWeights(ks, kt, lex)
}

// pairParts is one pass of pairFixed, with the features of both sides and the anchor keys of
// their sentences (features.keys and the lexicon's, see withLexKeys). prev, if not nil, is the
// path of the first pass, which the second searches around in the rows where wide is true (see
// solve). wt, if not nil, is docWeights(ks, kt, opt.Lexicon), for a search without fixed beads.
func pairParts(src, tgt []Sentence, fs, ft []features, ks, kt [][]uint32, opt Options, fixed []fixedBead, prev []step, wide []bool, wt *weightTable) []Bead {
	if len(fixed) == 0 {
		return solve(src, tgt, fs, ft, ks, kt, opt, newModelFor(opt), nil, prev, wide, wt)
	}
	fixed = slices.Clone(fixed)
	if err := bound(fixed, len(src), len(tgt)); err != nil {
		panic("align: " + err.Error()) // callers build fixed beads from an alignment that verified
	}
	var out []Bead
	i0, j0 := 0, 0
	var inner []fixedBead
	part := func(i1, j1 int) {
		for k := range inner {
			inner[k].src = inner[k].src.shift(-i0)
			inner[k].tgt = inner[k].tgt.shift(-j0)
		}
		for _, b := range solve(src[i0:i1], tgt[j0:j1], fs[i0:i1], ft[j0:j1], ks[i0:i1], kt[j0:j1], opt, newModelFor(opt), inner, stepsIn(prev, i0, i1, j0, j1), rowsIn(wide, i0, i1), nil) {
			out = append(out, Bead{Src: shift(b.Src, i0), Tgt: shift(b.Tgt, j0), Score: b.Score})
		}
		inner = nil
	}
	for _, f := range fixed {
		if f.src.free || f.tgt.free {
			inner = append(inner, f)
			continue
		}
		part(f.src.lo, f.tgt.lo)
		if f.src.hi > f.src.lo || f.tgt.hi > f.tgt.lo {
			out = append(out, Bead{Src: f.src.indices(), Tgt: f.tgt.indices(), Score: 1})
		}
		i0, j0 = f.src.hi, f.tgt.hi
	}
	part(len(src), len(tgt))
	return out
}

// stepsOf turns beads that cover both sides in order into a path.
func stepsOf(beads []Bead) []step {
	out := make([]step, 0, len(beads))
	i, j := 0, 0
	for _, b := range beads {
		di, dj := len(b.Src), len(b.Tgt)
		sh := uint8(noShape)
		if k := slices.Index(shapes[:], shape{di, dj}); k >= 0 {
			sh = uint8(k)
		}
		out = append(out, step{i: i + di, j: j + dj, pi: i, pj: j, shape: sh})
		i, j = i+di, j+dj
	}
	return out
}

// stepsIn returns the steps of path inside the part [i0, i1) × [j0, j1), shifted to the part's
// origin; nil for a nil path.
func stepsIn(path []step, i0, i1, j0, j1 int) []step {
	if path == nil {
		return nil
	}
	out := []step{}
	for _, s := range path {
		if s.pi >= i0 && s.i <= i1 && s.pj >= j0 && s.j <= j1 {
			out = append(out, step{i: s.i - i0, j: s.j - j0, pi: s.pi - i0, pj: s.pj - j0, shape: s.shape})
		}
	}
	return out
}

// rowsIn returns rows i0..i1 of wide; nil for nil.
func rowsIn(wide []bool, i0, i1 int) []bool {
	if wide == nil {
		return nil
	}
	return wide[i0 : i1+1]
}

// cons holds the fixed beads of one search, each with exactly one free side, as the search uses
// them. A bead pinned to source sentences a..b−1 is a row transition: it moves from cell (a, j) to
// (b, j) for any j within its free side's bounds. A bead pinned to target sentences c..d−1 is a
// column transition, from (i, c) to (i, d). A side pinned to no sentence, at position p, is a wall:
// no bead may span across p, so the path passes through that row (or column) and the other
// aligner of a three-way alignment can place a group there. Ordinary beads may not take a
// sentence of a fixed bead.
type cons struct {
	fixed []fixedBead
	// srcMax[i] is the most source sentences an ordinary bead that ends in row i may take;
	// tgtMax[j] likewise for target sentences.
	srcMax, tgtMax []uint8
	// rowStart[a] and rowEnd[b] are the row transition that starts in row a and ends in row b,
	// −1 if none; colStart and colEnd likewise for column transitions.
	rowStart, rowEnd, colStart, colEnd []int32
}

const (
	fixedRow = 253 // back-pointer of a row transition
	fixedCol = 254 // back-pointer of a column transition
)

func newCons(fixed []fixedBead, n, m int) *cons {
	if len(fixed) == 0 {
		return nil
	}
	c := &cons{
		fixed:  fixed,
		srcMax: maxTake(fixed, n, func(f fixedBead) pin { return f.src }),
		tgtMax: maxTake(fixed, m, func(f fixedBead) pin { return f.tgt }),
	}
	none := func(n int) []int32 {
		s := make([]int32, n)
		for k := range s {
			s[k] = -1
		}
		return s
	}
	c.rowStart, c.rowEnd, c.colStart, c.colEnd = none(n+1), none(n+1), none(m+1), none(m+1)
	for t, f := range fixed {
		switch {
		case f.src.wide():
			c.rowStart[f.src.lo], c.rowEnd[f.src.hi] = int32(t), int32(t)
		case f.tgt.wide():
			c.colStart[f.tgt.lo], c.colEnd[f.tgt.hi] = int32(t), int32(t)
		}
	}
	return c
}

// maxTake returns, for every end position i of one side, the most sentences an ordinary bead that
// ends there may take: none of a fixed bead's, and none across a wall.
func maxTake(fixed []fixedBead, n int, side func(fixedBead) pin) []uint8 {
	owned := make([]bool, n)
	wall := make([]bool, n+1)
	for _, f := range fixed {
		p := side(f)
		switch {
		case p.free:
		case p.hi > p.lo:
			for i := p.lo; i < p.hi; i++ {
				owned[i] = true
			}
		default:
			wall[p.lo] = true
		}
	}
	out := make([]uint8, n+1)
	for i := 1; i <= n; i++ {
		switch {
		case owned[i-1]:
			out[i] = 0
		case wall[i-1]:
			out[i] = 1
		default:
			out[i] = min(3, out[i-1]+1)
		}
	}
	return out
}

// allows reports whether an ordinary bead of shape sh may end in cell (i, j).
func (c *cons) allows(sh shape, i, j int) bool {
	return c == nil || sh.di <= int(c.srcMax[i]) && sh.dj <= int(c.tgtMax[j])
}

// rowInto returns the row transition that ends in cell (i, j), if any, and the row it starts in.
func (c *cons) rowInto(i, j int) (int, bool) {
	if c == nil {
		return 0, false
	}
	t := c.rowEnd[i]
	if t < 0 {
		return 0, false
	}
	f := c.fixed[t]
	return f.src.lo, f.tgt.lo <= j && j <= f.tgt.hi
}

// colInto returns the column transition that ends in cell (i, j), if any, and the column it
// starts in.
func (c *cons) colInto(i, j int) (int, bool) {
	if c == nil {
		return 0, false
	}
	t := c.colEnd[j]
	if t < 0 {
		return 0, false
	}
	f := c.fixed[t]
	return f.tgt.lo, f.src.lo <= i && i <= f.src.hi
}

// rowFrom returns the row transition that starts in cell (i, j), if any, and the row it ends in.
func (c *cons) rowFrom(i, j int) (int, bool) {
	if c == nil {
		return 0, false
	}
	t := c.rowStart[i]
	if t < 0 {
		return 0, false
	}
	f := c.fixed[t]
	return f.src.hi, f.tgt.lo <= j && j <= f.tgt.hi
}

// colFrom returns the column transition that starts in cell (i, j), if any, and the column it
// ends in.
func (c *cons) colFrom(i, j int) (int, bool) {
	if c == nil {
		return 0, false
	}
	t := c.colStart[j]
	if t < 0 {
		return 0, false
	}
	f := c.fixed[t]
	return f.tgt.hi, f.src.lo <= i && i <= f.src.hi
}

// unmatchedFixed is unmatched for a search with fixed beads: one side is empty, so every
// sentence of the other is a bead of its own, except that a fixed bead's sentences stay together.
func unmatchedFixed(n, m int, c *cons) []Bead {
	if c == nil {
		return unmatched(n, m)
	}
	var out []Bead
	for i := 0; i < n; {
		if t := c.rowStart[i]; t >= 0 {
			f := c.fixed[t]
			out = append(out, Bead{Src: f.src.indices(), Tgt: []int{}, Score: 1})
			i = f.src.hi
			continue
		}
		out = append(out, Bead{Src: []int{i}, Tgt: []int{}, Score: 1})
		i++
	}
	for j := 0; j < m; {
		if t := c.colStart[j]; t >= 0 {
			f := c.fixed[t]
			out = append(out, Bead{Src: []int{}, Tgt: f.tgt.indices(), Score: 1})
			j = f.tgt.hi
			continue
		}
		out = append(out, Bead{Src: []int{}, Tgt: []int{j}, Score: 1})
		j++
	}
	return out
}
