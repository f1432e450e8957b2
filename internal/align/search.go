package align

import (
	"math"
)

// The search is a dynamic programme over cells (i, j): "the first i source and j target sentences
// are aligned". A bead of shape (di, dj) moves from cell (i−di, j−dj) to (i, j). Filling the whole
// n×m table would cost quadratic time and memory, which at 20,000 sentences a side is 400 million
// cells. Instead each row i only holds the cells j in [lo[i], hi[i]], a band of a few dozen cells
// around a guide path: first the diagonal, then the path found in the previous pass. When the
// best path runs along the edge of its band, the true path may lie outside, so the band is
// doubled around that path and the pass repeated. Time and memory are O((n+m)·w) for band width w.

// band is the set of cells the search may visit: row i holds columns lo[i]..hi[i].
type band struct {
	lo, hi []int32 // per row 0..n, inclusive
	off    []int   // off[i] is the index of cell (i, lo[i]) in a flat per-cell array; off[n+1] = total
	m      int     // number of target sentences (the last column)
}

func (b *band) contains(i, j int) bool {
	return i >= 0 && i < len(b.lo) && j >= int(b.lo[i]) && j <= int(b.hi[i])
}

func (b *band) cells() int { return b.off[len(b.off)-1] }

// newBand builds a band of half-width w around a guide given as, for every row i in 0..n, the
// range of columns [gmin[i], gmax[i]] the guide passes through. The band always holds (0, 0) and
// (n, m), its edges never decrease, and adjacent rows overlap enough for every shape's step.
func newBand(gmin, gmax []int, m, w int) *band {
	n := len(gmin) - 1
	b := &band{lo: make([]int32, n+1), hi: make([]int32, n+1), off: make([]int, n+2), m: m}
	for i := 0; i <= n; i++ {
		b.lo[i] = int32(max(0, gmin[i]-w))
		b.hi[i] = int32(min(m, gmax[i]+w))
	}
	b.lo[0], b.hi[n] = 0, int32(m)
	for i := 1; i <= n; i++ { // hi non-decreasing
		b.hi[i] = max(b.hi[i], b.hi[i-1])
	}
	for i := n - 1; i >= 0; i-- { // lo non-decreasing
		b.lo[i] = min(b.lo[i], b.lo[i+1])
	}
	for i := 0; i <= n; i++ {
		b.off[i+1] = b.off[i] + int(b.hi[i]-b.lo[i]+1)
	}
	return b
}

// diagonalGuide is the straight line from (0, 0) to (n, m).
func diagonalGuide(n, m int) (gmin, gmax []int) {
	gmin, gmax = make([]int, n+1), make([]int, n+1)
	for i := 0; i <= n; i++ {
		gmin[i] = int(int64(i) * int64(m) / int64(max(n, 1)))
		gmax[i] = int(int64(i+1) * int64(m) / int64(max(n, 1)))
		if i == n {
			gmax[i] = m
		}
	}
	return gmin, gmax
}

// pathGuide turns a path (a sequence of beads) into a guide: each row's column range on the path.
// Rows inside a multi-row bead take the columns the bead spans.
func pathGuide(path []step, n int) (gmin, gmax []int) {
	gmin, gmax = make([]int, n+1), make([]int, n+1)
	for i := range gmin {
		gmin[i] = math.MaxInt
		gmax[i] = -1
	}
	put := func(i, j int) {
		gmin[i] = min(gmin[i], j)
		gmax[i] = max(gmax[i], j)
	}
	put(0, 0)
	for _, s := range path {
		sh := shapes[s.shape]
		for r := s.i - sh.di; r <= s.i; r++ {
			put(r, s.j-sh.dj)
			put(r, s.j)
		}
	}
	return gmin, gmax
}

// step is one bead of a path: the cell it ends in and its shape.
type step struct {
	i, j  int
	shape uint8
}

const noShape = 255

// viterbi returns the cheapest path through the band from (0, 0) to (n, m), in order, and
// whether it hugs the band: passes within margin columns of an edge that is not the table's edge.
func (a *aligner) viterbi(b *band, margin int) (path []step, hugs bool) {
	n := len(b.lo) - 1
	back := make([]uint8, b.cells())
	// Costs are only needed for the last four rows (the tallest shape spans three).
	var rows [4][]float64
	widest := 0
	for i := 0; i <= n; i++ {
		widest = max(widest, int(b.hi[i]-b.lo[i]+1))
	}
	for k := range rows {
		rows[k] = make([]float64, widest)
	}
	inf := math.Inf(1)
	for i := 0; i <= n; i++ {
		lo, hi := int(b.lo[i]), int(b.hi[i])
		row := rows[i%4]
		bp := back[b.off[i]:b.off[i+1]]
		for j := lo; j <= hi; j++ {
			best, bk := inf, uint8(noShape)
			if i == 0 && j == 0 {
				best = 0
			}
			for k, sh := range shapes {
				pi, pj := i-sh.di, j-sh.dj
				if pi < 0 || pj < int(b.lo[max(pi, 0)]) || pj > int(b.hi[max(pi, 0)]) {
					continue
				}
				prev := rows[pi%4][pj-int(b.lo[pi])]
				if prev == inf {
					continue
				}
				if c := prev + a.beadCost(k, i, j); c < best {
					best, bk = c, uint8(k)
				}
			}
			row[j-lo] = best
			bp[j-lo] = bk
		}
	}
	// Walk back from (n, m).
	i, j := n, b.m
	for i > 0 || j > 0 {
		k := back[b.off[i]+j-int(b.lo[i])]
		if k == noShape {
			panic("align: band has no path to its end") // newBand guarantees connectivity
		}
		path = append(path, step{i: i, j: j, shape: k})
		if near(b, i, j, margin) {
			hugs = true
		}
		i -= shapes[k].di
		j -= shapes[k].dj
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	return path, hugs
}

// near reports whether (i, j) lies within margin columns of an edge of the band that is not an
// edge of the whole table.
func near(b *band, i, j, margin int) bool {
	lo, hi := int(b.lo[i]), int(b.hi[i])
	return (lo > 0 && j-lo < margin) || (hi < b.m && hi-j < margin)
}

// bandedPath runs viterbi in a band of half-width w around the guide, doubling the band around the
// latest path while the path hugs the band's edge.
func (a *aligner) bandedPath(gmin, gmax []int, w int) []step {
	n, m := len(gmin)-1, a.tgt.n
	for {
		b := newBand(gmin, gmax, m, w)
		path, hugs := a.viterbi(b, max(3, w/8))
		full := b.cells() >= (n+1)*(m+1)
		if !hugs || full {
			return path
		}
		gmin, gmax = pathGuide(path, n)
		w *= 2
	}
}

// posteriors returns, for each bead of path, the probability of that bead under the model with
// costs read as negative log-probabilities scaled by temperature: the sum over all paths in a
// narrow band around path that use the bead, divided by the sum over all paths (forward-backward).
// This is the bead's confidence: near 1 when no nearby alternative comes close.
func (a *aligner) posteriors(path []step, w int, temperature float64) []float64 {
	n := a.src.n
	gmin, gmax := pathGuide(path, n)
	b := newBand(gmin, gmax, a.tgt.n, w)
	cells := b.cells()
	alpha := make([]float64, cells)
	beta := make([]float64, cells)
	at := func(v []float64, i, j int) *float64 { return &v[b.off[i]+j-int(b.lo[i])] }
	inv := 1 / temperature
	for i := 0; i <= n; i++ {
		for j := int(b.lo[i]); j <= int(b.hi[i]); j++ {
			acc := math.Inf(-1)
			if i == 0 && j == 0 {
				acc = 0
			}
			for k, sh := range shapes {
				pi, pj := i-sh.di, j-sh.dj
				if !b.contains(pi, pj) {
					continue
				}
				prev := *at(alpha, pi, pj)
				if math.IsInf(prev, -1) {
					continue
				}
				acc = logAdd(acc, prev-a.beadCost(k, i, j)*inv)
			}
			*at(alpha, i, j) = acc
		}
	}
	for i := n; i >= 0; i-- {
		for j := int(b.hi[i]); j >= int(b.lo[i]); j-- {
			acc := math.Inf(-1)
			if i == n && j == b.m {
				acc = 0
			}
			for k, sh := range shapes {
				ni, nj := i+sh.di, j+sh.dj
				if !b.contains(ni, nj) {
					continue
				}
				next := *at(beta, ni, nj)
				if math.IsInf(next, -1) {
					continue
				}
				acc = logAdd(acc, next-a.beadCost(k, ni, nj)*inv)
			}
			*at(beta, i, j) = acc
		}
	}
	z := *at(alpha, n, b.m)
	out := make([]float64, len(path))
	for k, s := range path {
		sh := shapes[s.shape]
		pi, pj := s.i-sh.di, s.j-sh.dj
		lp := *at(alpha, pi, pj) - a.beadCost(int(s.shape), s.i, s.j)*inv + *at(beta, s.i, s.j) - z
		out[k] = math.Min(1, math.Exp(lp))
	}
	return out
}

// logAdd returns log(e^x + e^y) without overflow.
func logAdd(x, y float64) float64 {
	if x < y {
		x, y = y, x
	}
	if math.IsInf(y, -1) {
		return x
	}
	return x + math.Log1p(math.Exp(y-x))
}
