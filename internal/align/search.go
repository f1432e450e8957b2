package align

import (
	"math"
	"math/bits"
	"slices"

	"github.com/tilmash/tilmash/internal/lazy"
)

// The search is a dynamic programme over cells (i, j): "the first i source and j target sentences
// are aligned". A bead of shape (di, dj) moves from cell (i−di, j−dj) to (i, j). Filling the whole
// n×m table would cost quadratic time and memory, which at 20,000 sentences a side is 400 million
// cells, so only documents of up to about 200 sentences a side are searched whole. Otherwise each
// row i holds only the cells j in [lo[i], hi[i]], a band of a few dozen cells:
//
//  1. guidePath finds a first path with the common shapes in a band that follows the cheapest
//     cell of the previous row, like a beam. If the path runs along the band's edge (a long
//     omission left the beam behind), bandedPath searches again in a fixed band around it,
//     doubling the band wherever the new path hugs its edge.
//  2. Pair re-estimates the length model on that path, and bandedPath searches a narrow band
//     around it with all shapes and the full cost, keeping the bead weights.
//  3. posteriors runs forward-backward over the same band for the bead scores.
//
// Time and memory are O((n+m)·w) for band width w.

// band is the set of cells the search may visit: row i holds columns lo[i]..hi[i].
type band struct {
	lo, hi []int32 // per row 0..n, inclusive
	off    []int   // off[i] is the index of cell (i, lo[i]) in a flat per-cell array; off[n+1] = total
	m      int     // number of target sentences (the last column)
	// The weights exp(−cost/temperature) of the beads, kept by viterbi for posteriors (see
	// weight): bit k of mask[c] is set when the bead of shape k that ends in cell c has one, and
	// linked[c*nLinked+slot[k]] holds it for the shapes with sentences on both sides, as its
	// place in expTable (every weight is an entry of the table, see expTab.at). The others cost
	// only their shape and paragraph terms, which posteriors works out again: this keeps 14 bytes
	// a cell instead of 64 (the weights themselves, as float32, were 24 of 26 bytes, and the
	// fresh memory they filled a quarter of weighInto's time).
	mask   []uint16
	linked []uint16
}

// nLinked is the number of shapes with sentences on both sides, and slot[k] the index of shape k
// among them (−1 for a shape with one side empty).
const nLinked = 6

var slot = func() (s [nShapes]int8) {
	n := int8(0)
	for k, sh := range shapes {
		s[k] = -1
		if sh.di > 0 && sh.dj > 0 {
			s[k] = n
			n++
		}
	}
	if n != nLinked {
		panic("align: nLinked does not match shapes")
	}
	return s
}()

// weight returns the weight kept for the bead of shape k that ends in cell (i, j), the band's
// cell c; 0 if none.
func (a *aligner) weight(b *band, c, k, i, j int) float32 {
	if b.mask[c]&(1<<k) == 0 {
		return 0
	}
	if s := slot[k]; s >= 0 {
		return expTable.Get()[b.linked[c*nLinked+int(s)]]
	}
	if !a.paras {
		return a.nullWeight[k]
	}
	return a.frameWeight(k, i, j)
}

// frameWeight is the weight of the bead of shape k, with one side empty, that ends in cell (i, j).
func (a *aligner) frameWeight(k, i, j int) float32 {
	sh := shapes[k]
	return expNeg(a.frameCost(k, a.src.breaksInside(i, sh.di), a.src.paraEnd(i), a.src.paraEnd(i-sh.di), j) / temperature)
}

// setNullCosts fills a.nullCost and a.nullWeight, the cost and weight of each shape with one side
// empty when there are no paragraph terms: then they are the same in every cell.
func (a *aligner) setNullCosts() {
	for k, sh := range shapes {
		if sh.di == 0 || sh.dj == 0 {
			a.nullCost[k] = a.m.shape[k]
			a.nullWeight[k] = expNeg(a.nullCost[k] / temperature)
		}
	}
}

// prevRows holds, for the cells of row i, where the bead of each shape that ends there starts:
// the costs of its row (from the ring of the last rows) and that row's columns.
type prevRows struct {
	lo, hi [nShapes]int // an empty range (lo > hi) when the shape does not fit in i rows
	// win[k] holds the costs of the cells lo[k]..hi[k] of the row a bead of shape k starts in
	// (none when it does not fit), and the bead that ends in column j starts in cell j−base[k]
	// of it, base[k] being lo[k] + shapes[k].dj: one unsigned comparison with its length then
	// tells whether the bead fits the band, and spares the bounds check of the read.
	win  [nShapes][]float64
	base [nShapes]int
	// scratch of bestInto, kept here so that it is not cleared for every cell
	prev, cost [nShapes]float64
}

func (p *prevRows) fill(b *band, rows *[ring][]float64, i int) {
	if i >= maxRun {
		p.fillFit(b, rows, i)
		return
	}
	for k, sh := range shapes {
		pi := i - sh.di
		if pi < 0 {
			p.lo[k], p.hi[k] = math.MaxInt, math.MinInt
			p.win[k], p.base[k] = nil, 0
			continue
		}
		lo, hi := int(b.lo[pi]), int(b.hi[pi])
		p.lo[k], p.hi[k] = lo, hi
		p.win[k], p.base[k] = rows[pi&(ring-1)][:hi-lo+1], lo+sh.dj
	}
}

// fillFit is fill for a row i ≥ maxRun, where every shape fits. Small enough to be inlined, which
// the search's loops call it for (fill is not): p is then the caller's variable, on its stack,
// and writing the slices into it needs no write barrier. While the collector marked, the
// barriers of these writes cost more than the rest of fill.
func (p *prevRows) fillFit(b *band, rows *[ring][]float64, i int) {
	for k, sh := range shapes {
		pi := i - sh.di
		lo, hi := int(b.lo[pi]), int(b.hi[pi])
		p.lo[k], p.hi[k] = lo, hi
		p.win[k], p.base[k] = rows[pi&(ring-1)][:hi-lo+1], lo+sh.dj
	}
}

// at returns the cost of the cell a bead of shape k that ends in cell (i, j) starts from, or
// +Inf if the bead does not fit the band or the fixed beads. Small enough to be inlined: the
// search asks for every bead.
func (p *prevRows) at(c *cons, k, i, j int) float64 {
	x, w := j-p.base[k], p.win[k]
	if uint(x) >= uint(len(w)) || c != nil && !c.allows(shapes[k], i, j) {
		return posInf
	}
	return w[x]
}

var posInf = math.Inf(1)

func (b *band) contains(i, j int) bool {
	return i >= 0 && i < len(b.lo) && j >= int(b.lo[i]) && j <= int(b.hi[i])
}

func (b *band) cells() int { return b.off[len(b.off)-1] }

// newBand builds a band around a guide given as, for every row i in 0..n, the range of columns
// [gmin[i], gmax[i]] the guide passes through, widened by w[i] columns on each side. The band
// always holds (0, 0) and (n, m), and its edges never decrease, so every cell can be reached.
func newBand(gmin, gmax []int, m int, w []int) *band {
	n := len(gmin) - 1
	b := &band{lo: make([]int32, n+1), hi: make([]int32, n+1), off: make([]int, n+2), m: m}
	for i := 0; i <= n; i++ {
		b.lo[i] = int32(max(0, gmin[i]-w[i]))
		b.hi[i] = int32(min(m, gmax[i]+w[i]))
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
		for r := s.pi; r <= s.i; r++ {
			put(r, s.pj)
			put(r, s.j)
		}
	}
	return gmin, gmax
}

// step is one bead of a path: the cell it ends in, the cell it starts from, and its shape (an
// index into shapes, or fixedRow or fixedCol for a fixed bead).
type step struct {
	i, j, pi, pj int
	shape        uint8
}

const noShape = 255

// negligible is how many temperature-scaled nats above the best a bead's cost may lie before its
// posterior weight is taken as 0: e^−25 is about 10^−11.
const negligible = 25

// viterbi returns the cheapest path through the band from (0, 0) to (n, m), in order, and the
// rows where it hugs the band: passes within margin columns of an edge that is not the table's
// edge. Only the first nshape shapes are tried: a guide pass uses the common ones. With keep, it
// stores every bead's weight exp(−cost/temperature) in b for posteriors. It reports false when
// the band holds no path (the fixed beads can make a band too narrow).
func (a *aligner) viterbi(b *band, margin, nshape int, keep bool) (path []step, hugs []int, ok bool) {
	n := len(b.lo) - 1
	back := make([]uint8, b.cells())
	if keep {
		b.mask = make([]uint16, b.cells())
		b.linked = make([]uint16, b.cells()*nLinked)
	}
	// Costs are only needed for the last rows a shape can span (see ring).
	var rows [ring][]float64
	widest := 0
	for i := 0; i <= n; i++ {
		widest = max(widest, int(b.hi[i]-b.lo[i]+1))
	}
	for k := range rows {
		rows[k] = make([]float64, widest)
	}
	inf := math.Inf(1)
	fx := a.fixedRows(n)
	var r srcRow
	var p prevRows
	a.setNullCosts()
	et := expTable.Get()
	var lc linkedCosts
	if keep && a.cons == nil {
		lc.make(widest)
	}
	for i := 0; i <= n; i++ {
		lo, hi := int(b.lo[i]), int(b.hi[i])
		row := rows[i%ring]
		bp := back[b.off[i]:b.off[i+1]]
		a.fillRow(&r, i)
		if i >= maxRun {
			p.fillFit(b, &rows, i) // inlined, see fillFit
		} else {
			p.fill(b, &rows, i)
		}
		if keep && a.cons == nil {
			a.weighRow(&r, &p, b, et, &lc, row, bp, lo, hi)
			continue
		}
		for j := lo; j <= hi; j++ {
			best, bk := inf, uint8(noShape)
			if i == 0 && j == 0 {
				best = 0
			}
			if a.cons != nil {
				best, bk = fx.into(a.cons, b, i, j, row, best, bk)
			}
			if keep {
				best, bk = a.weighInto(&r, &p, b, et, j, best, bk)
			} else {
				best, bk = a.bestInto(&r, &p, nil, lo, j, nshape, best, bk)
			}
			row[j-lo] = best
			bp[j-lo] = bk
		}
		fx.keep(a.cons, i, row[:hi-lo+1])
	}
	path, ok = a.walkBack(b, back, margin, &hugs)
	return path, hugs, ok
}

// weighInto improves best, bk (the cost of cell (r.i, j) so far and its back-pointer) with the
// beads of every shape that end there, in shape order, a shape winning only if strictly cheaper,
// and keeps the weight of each bead in b for posteriors.
func (a *aligner) weighInto(r *srcRow, p *prevRows, b *band, et *expTab, j int, best float64, bk uint8) (float64, uint8) {
	c0 := b.off[r.i] + j - int(b.lo[r.i])
	mask := uint16(0)
	for k := range nShapes {
		prev := p.at(a.cons, k, r.i, j)
		if math.IsInf(prev, 1) {
			continue
		}
		// A bead dearer than the best way into this cell by more than negligible (scaled) nats
		// has no posterior weight to speak of: skip its anchors.
		limit := best - prev + negligible*temperature
		var c float64
		var weighs bool // the bead has a weight (not 0)
		var x int       // its place in et
		if s := slot[k]; s < 0 && !a.paras {
			c, weighs = a.nullCost[k], a.nullWeight[k] != 0
		} else if c = a.rowCost(r, k, j, limit); c < limit {
			x, weighs = et.index(c / temperature) // only a bead within limit keeps one
		}
		if c < limit && weighs {
			mask |= 1 << k
			if s := slot[k]; s >= 0 {
				b.linked[c0*nLinked+int(s)] = uint16(x)
			}
		}
		if c < best-prev {
			best, bk = prev+c, uint8(k)
		}
	}
	b.mask[c0] = mask
	return best, bk
}

// linkedCosts holds, for the cells of one row, the costs of the beads of each shape with
// sentences on both sides (cost[slot[k]][j−lo] for shape k), worked out a shape at a time (see
// weighRow).
type linkedCosts struct {
	cost  [nLinked][]float64
	place [nLinked][]int32 // the place of each bead's weight in expTable, −1 for none
	// frame[k] and frameWeighs[k]: the cost of the bead of shape k with one side empty, and
	// whether it has a weight, when there are paragraph terms (see weighRow)
	frame       [nShapes][]float64
	frameWeighs [nShapes][]bool
}

// growFrames makes room in frame and frameWeighs for rows of width cells.
func (lc *linkedCosts) growFrames(width int) {
	if len(lc.frame[1]) >= width {
		return
	}
	width = max(width, len(lc.cost[0]))
	for k := range lc.frame {
		if slot[k] < 0 {
			lc.frame[k], lc.frameWeighs[k] = make([]float64, width), make([]bool, width)
		}
	}
}

// grow makes room for rows of width cells.
func (lc *linkedCosts) grow(width int) {
	if len(lc.cost[0]) < width {
		lc.make(max(width, 2*len(lc.cost[0])))
	}
}

func (lc *linkedCosts) make(width int) {
	for s := range lc.cost {
		lc.cost[s], lc.place[s] = make([]float64, width), make([]int32, width)
	}
}

// weighRow is weighInto for every cell lo..hi of row r.i of a search without fixed beads, with
// the same results: row and bp get each cell's cost and back-pointer, and b the beads' weights.
// It first works out the exact cost of every bead with sentences on both sides, a shape at a
// time along the row, and then takes the shapes of each cell in order as weighInto does. The
// exact cost of a bead that weighInto's limit would have stopped early is no smaller than the
// limit, so it neither wins nor keeps a weight there either; in the refining search almost no
// bead is stopped early (the limit lies negligible nats above the best), so nothing is lost by
// not stopping.
func (a *aligner) weighRow(r *srcRow, p *prevRows, b *band, et *expTab, lc *linkedCosts, row []float64, bp []uint8, lo, hi int) {
	i := r.i
	for k, sh := range shapes {
		s := slot[k]
		if s < 0 {
			continue
		}
		if jl, jh := max(lo, p.lo[k]+sh.dj), min(hi, p.hi[k]+sh.dj); jl <= jh {
			cs, xs := lc.cost[s][jl-lo:jh-lo+1], lc.place[s][jl-lo:jh-lo+1]
			a.linkedRow(r, k, cs, jl)
			for x, c := range cs {
				// the bead's place in et, −1 if it has no weight (see weighInto)
				xs[x] = -1
				if y, ok := et.index(c / temperature); ok {
					xs[x] = int32(y)
				}
			}
		}
	}
	// The beads with one side empty cost their shape, or with paragraph terms their frameCost,
	// which depends on the column: then worked out along the row too (rowCost without a limit).
	paras := a.paras
	var nullCost [nShapes]float64
	var nullWeighs [nShapes]bool
	for k, sh := range shapes {
		if slot[k] >= 0 {
			continue
		}
		nullCost[k], nullWeighs[k] = a.nullCost[k], a.nullWeight[k] != 0
		if !paras {
			continue
		}
		lc.growFrames(hi - lo + 1)
		fc, fw := lc.frame[k][:hi-lo+1], lc.frameWeighs[k][:hi-lo+1]
		for j := max(lo, p.lo[k]+sh.dj); j <= min(hi, p.hi[k]+sh.dj); j++ {
			fc[j-lo] = a.rowCost(r, k, j, posInf)
			_, fw[j-lo] = et.index(fc[j-lo] / temperature)
		}
	}
	if !paras {
		a.weighCells(p, b, lc, row, bp, i, lo, hi, &nullCost, &nullWeighs)
		return
	}
	c0 := b.off[i] - lo
	for j := lo; j <= hi; j++ {
		best, bk := posInf, uint8(noShape)
		if i == 0 && j == 0 {
			best = 0
		}
		mask := uint16(0)
		for k := range nShapes {
			prev := p.at(nil, k, i, j)
			if math.IsInf(prev, 1) {
				continue
			}
			limit := best - prev + negligible*temperature
			var c float64
			var weighs bool
			var x int
			s := slot[k]
			if s >= 0 {
				c = lc.cost[s][j-lo]
				x = int(lc.place[s][j-lo])
				weighs = x >= 0
			} else if !paras {
				c, weighs = nullCost[k], nullWeighs[k]
			} else {
				c, weighs = lc.frame[k][j-lo], lc.frameWeighs[k][j-lo]
			}
			if c < limit && weighs {
				mask |= 1 << k
				if s >= 0 {
					b.linked[(c0+j)*nLinked+int(s)] = uint16(x)
				}
			}
			if c < best-prev {
				best, bk = prev+c, uint8(k)
			}
		}
		b.mask[c0+j] = mask
		row[j-lo] = best
		bp[j-lo] = bk
	}
}

// weighCells is the last step of weighRow without paragraph terms, where a bead with one side empty
// costs its shape (nullCost, whether it has a weight nullWeighs): every cell lo..hi of row i takes
// the beads of the sixteen shapes in shape order, written out, so that what each shape reads is
// known where it is read (weighRow's loop over the shapes, looking up each one's slot and kind, was
// a third of the refining search). The same costs are compared in the same order as weighRow's
// loop, so the cells get the same costs, back-pointers and weights.
func (a *aligner) weighCells(p *prevRows, b *band, lc *linkedCosts, row []float64, bp []uint8, i, lo, hi int, nullCost *[nShapes]float64, nullWeighs *[nShapes]bool) {
	w := hi - lo + 1
	cost0, cost1, cost2, cost3, cost4, cost5 := lc.cost[0][:w], lc.cost[1][:w], lc.cost[2][:w], lc.cost[3][:w], lc.cost[4][:w], lc.cost[5][:w]
	place0, place1, place2, place3, place4, place5 := lc.place[0][:w], lc.place[1][:w], lc.place[2][:w], lc.place[3][:w], lc.place[4][:w], lc.place[5][:w]
	c0 := b.off[i] - lo
	for j := lo; j <= hi; j++ {
		best, bk := posInf, uint8(noShape)
		if i == 0 && j == 0 {
			best = 0
		}
		mask := uint16(0)
		linked := (*[nLinked]uint16)(b.linked[(c0+j)*nLinked:])
		if pc := p.at(nil, 0, i, j); !math.IsInf(pc, 1) { // 1-1
			c, x := cost0[j-lo], place0[j-lo]
			if c < best-pc+negligible*temperature && x >= 0 {
				mask |= 1 << 0
				linked[0] = uint16(x)
			}
			if c < best-pc {
				best, bk = pc+c, 0
			}
		}
		if pc := p.at(nil, 1, i, j); !math.IsInf(pc, 1) { // 1-0
			if c := nullCost[1]; c < best-pc+negligible*temperature && nullWeighs[1] {
				mask |= 1 << 1
			}
			if c := nullCost[1]; c < best-pc {
				best, bk = pc+c, 1
			}
		}
		if pc := p.at(nil, 2, i, j); !math.IsInf(pc, 1) { // 0-1
			if c := nullCost[2]; c < best-pc+negligible*temperature && nullWeighs[2] {
				mask |= 1 << 2
			}
			if c := nullCost[2]; c < best-pc {
				best, bk = pc+c, 2
			}
		}
		if pc := p.at(nil, 3, i, j); !math.IsInf(pc, 1) { // 2-1
			c, x := cost1[j-lo], place1[j-lo]
			if c < best-pc+negligible*temperature && x >= 0 {
				mask |= 1 << 3
				linked[1] = uint16(x)
			}
			if c < best-pc {
				best, bk = pc+c, 3
			}
		}
		if pc := p.at(nil, 4, i, j); !math.IsInf(pc, 1) { // 1-2
			c, x := cost2[j-lo], place2[j-lo]
			if c < best-pc+negligible*temperature && x >= 0 {
				mask |= 1 << 4
				linked[2] = uint16(x)
			}
			if c < best-pc {
				best, bk = pc+c, 4
			}
		}
		if pc := p.at(nil, 5, i, j); !math.IsInf(pc, 1) { // 2-2
			c, x := cost3[j-lo], place3[j-lo]
			if c < best-pc+negligible*temperature && x >= 0 {
				mask |= 1 << 5
				linked[3] = uint16(x)
			}
			if c < best-pc {
				best, bk = pc+c, 5
			}
		}
		if pc := p.at(nil, 6, i, j); !math.IsInf(pc, 1) { // 3-1
			c, x := cost4[j-lo], place4[j-lo]
			if c < best-pc+negligible*temperature && x >= 0 {
				mask |= 1 << 6
				linked[4] = uint16(x)
			}
			if c < best-pc {
				best, bk = pc+c, 6
			}
		}
		if pc := p.at(nil, 7, i, j); !math.IsInf(pc, 1) { // 1-3
			c, x := cost5[j-lo], place5[j-lo]
			if c < best-pc+negligible*temperature && x >= 0 {
				mask |= 1 << 7
				linked[5] = uint16(x)
			}
			if c < best-pc {
				best, bk = pc+c, 7
			}
		}
		if pc := p.at(nil, 8, i, j); !math.IsInf(pc, 1) { // 2-0
			if c := nullCost[8]; c < best-pc+negligible*temperature && nullWeighs[8] {
				mask |= 1 << 8
			}
			if c := nullCost[8]; c < best-pc {
				best, bk = pc+c, 8
			}
		}
		if pc := p.at(nil, 9, i, j); !math.IsInf(pc, 1) { // 3-0
			if c := nullCost[9]; c < best-pc+negligible*temperature && nullWeighs[9] {
				mask |= 1 << 9
			}
			if c := nullCost[9]; c < best-pc {
				best, bk = pc+c, 9
			}
		}
		if pc := p.at(nil, 10, i, j); !math.IsInf(pc, 1) { // 4-0
			if c := nullCost[10]; c < best-pc+negligible*temperature && nullWeighs[10] {
				mask |= 1 << 10
			}
			if c := nullCost[10]; c < best-pc {
				best, bk = pc+c, 10
			}
		}
		if pc := p.at(nil, 11, i, j); !math.IsInf(pc, 1) { // 5-0
			if c := nullCost[11]; c < best-pc+negligible*temperature && nullWeighs[11] {
				mask |= 1 << 11
			}
			if c := nullCost[11]; c < best-pc {
				best, bk = pc+c, 11
			}
		}
		if pc := p.at(nil, 12, i, j); !math.IsInf(pc, 1) { // 0-2
			if c := nullCost[12]; c < best-pc+negligible*temperature && nullWeighs[12] {
				mask |= 1 << 12
			}
			if c := nullCost[12]; c < best-pc {
				best, bk = pc+c, 12
			}
		}
		if pc := p.at(nil, 13, i, j); !math.IsInf(pc, 1) { // 0-3
			if c := nullCost[13]; c < best-pc+negligible*temperature && nullWeighs[13] {
				mask |= 1 << 13
			}
			if c := nullCost[13]; c < best-pc {
				best, bk = pc+c, 13
			}
		}
		if pc := p.at(nil, 14, i, j); !math.IsInf(pc, 1) { // 0-4
			if c := nullCost[14]; c < best-pc+negligible*temperature && nullWeighs[14] {
				mask |= 1 << 14
			}
			if c := nullCost[14]; c < best-pc {
				best, bk = pc+c, 14
			}
		}
		if pc := p.at(nil, 15, i, j); !math.IsInf(pc, 1) { // 0-5
			if c := nullCost[15]; c < best-pc+negligible*temperature && nullWeighs[15] {
				mask |= 1 << 15
			}
			if c := nullCost[15]; c < best-pc {
				best, bk = pc+c, 15
			}
		}
		b.mask[c0+j] = mask
		row[j-lo] = best
		bp[j-lo] = bk
	}
}

// alphaLoop sets row to the alphas the forward pass of posteriors makes for the cells lo..hi of
// row i, before the scaling, and returns their largest: for each cell, the alpha of the cell each
// bead that ends there starts from, from[k][j+shift[k]] for shape k, times the bead's weight and
// fk[k], the factor of that row's scale, added in shape order; and then, with fixed beads, what
// fixed adds to the sum.
func (a *aligner) alphaLoop(b *band, et *expTab, from *[nShapes][]float64, shift *[nShapes]int, fk *[nShapes]float64, row []float64, i, lo, hi int, fixed func(j int, acc float64) float64) float64 {
	mx := 0.0
	for j := lo; j <= hi; j++ {
		c := b.off[i] + j - lo
		acc := 0.0
		if i == 0 && j == 0 {
			acc = 1
		}
		for mask := b.mask[c]; mask != 0; mask &= mask - 1 {
			k := bits.TrailingZeros16(mask)
			if p := from[k][j+shift[k]]; p != 0 {
				// weight(b, c, k, i, j), its common cases inlined
				w := a.nullWeight[k]
				if s := slot[k]; s >= 0 {
					w = et[b.linked[c*nLinked+int(s)]]
				} else if a.paras {
					w = a.frameWeight(k, i, j)
				}
				acc += p * fk[k] * float64(w)
			}
		}
		if fixed != nil {
			acc = fixed(j, acc)
		}
		row[j-lo] = acc
		mx = max(mx, acc)
	}
	return mx
}

// alphaCells is alphaLoop without fixed beads or paragraph terms, where a bead with one side empty
// weighs nullWeight: the sixteen shapes are written out in shape order, as alphaLoop's loop over a
// cell's mask bits takes them (looking up each bead's slot and kind, a third of the forward pass),
// and the same terms are added in the same order.
func (a *aligner) alphaCells(b *band, et *expTab, from *[nShapes][]float64, shift *[nShapes]int, fk *[nShapes]float64, row []float64, i, lo, hi int) float64 {
	linked, nullWeight := b.linked, &a.nullWeight
	mx := 0.0
	for j := lo; j <= hi; j++ {
		c := b.off[i] + j - lo
		acc := 0.0
		if i == 0 && j == 0 {
			acc = 1
		}
		m := b.mask[c]
		if m&(1<<0) != 0 { // 1-1
			if p := from[0][j+shift[0]]; p != 0 {
				acc += p * fk[0] * float64(et[linked[c*nLinked]])
			}
		}
		if m&(1<<1) != 0 { // 1-0
			if p := from[1][j+shift[1]]; p != 0 {
				acc += p * fk[1] * float64(nullWeight[1])
			}
		}
		if m&(1<<2) != 0 { // 0-1
			if p := from[2][j+shift[2]]; p != 0 {
				acc += p * fk[2] * float64(nullWeight[2])
			}
		}
		if m&(1<<3) != 0 { // 2-1
			if p := from[3][j+shift[3]]; p != 0 {
				acc += p * fk[3] * float64(et[linked[c*nLinked+1]])
			}
		}
		if m&(1<<4) != 0 { // 1-2
			if p := from[4][j+shift[4]]; p != 0 {
				acc += p * fk[4] * float64(et[linked[c*nLinked+2]])
			}
		}
		if m&(1<<5) != 0 { // 2-2
			if p := from[5][j+shift[5]]; p != 0 {
				acc += p * fk[5] * float64(et[linked[c*nLinked+3]])
			}
		}
		if m&(1<<6) != 0 { // 3-1
			if p := from[6][j+shift[6]]; p != 0 {
				acc += p * fk[6] * float64(et[linked[c*nLinked+4]])
			}
		}
		if m&(1<<7) != 0 { // 1-3
			if p := from[7][j+shift[7]]; p != 0 {
				acc += p * fk[7] * float64(et[linked[c*nLinked+5]])
			}
		}
		if m&(1<<8) != 0 { // 2-0
			if p := from[8][j+shift[8]]; p != 0 {
				acc += p * fk[8] * float64(nullWeight[8])
			}
		}
		if m&(1<<9) != 0 { // 3-0
			if p := from[9][j+shift[9]]; p != 0 {
				acc += p * fk[9] * float64(nullWeight[9])
			}
		}
		if m&(1<<10) != 0 { // 4-0
			if p := from[10][j+shift[10]]; p != 0 {
				acc += p * fk[10] * float64(nullWeight[10])
			}
		}
		if m&(1<<11) != 0 { // 5-0
			if p := from[11][j+shift[11]]; p != 0 {
				acc += p * fk[11] * float64(nullWeight[11])
			}
		}
		if m&(1<<12) != 0 { // 0-2
			if p := from[12][j+shift[12]]; p != 0 {
				acc += p * fk[12] * float64(nullWeight[12])
			}
		}
		if m&(1<<13) != 0 { // 0-3
			if p := from[13][j+shift[13]]; p != 0 {
				acc += p * fk[13] * float64(nullWeight[13])
			}
		}
		if m&(1<<14) != 0 { // 0-4
			if p := from[14][j+shift[14]]; p != 0 {
				acc += p * fk[14] * float64(nullWeight[14])
			}
		}
		if m&(1<<15) != 0 { // 0-5
			if p := from[15][j+shift[15]]; p != 0 {
				acc += p * fk[15] * float64(nullWeight[15])
			}
		}
		row[j-lo] = acc
		mx = max(mx, acc)
	}
	return mx
}

// betaRow holds what the backward pass of posteriors reads for the cells of row i: for shape k,
// the row i+di the beads that start in row i end in, whose columns the beads from columns
// jlo[k]..jhi[k] of row i reach (none when past the last row); the bead from column j ends in the
// band's cell cell[k]+j, and nrow[k][bj[k]+j] is the beta there, to be scaled by fk[k].
type betaRow struct {
	jlo, jhi, cell, bj [nShapes]int
	fk                 [nShapes]float64
	nrow               [nShapes][]float64
}

// betaLoop sets row to the sums the backward pass of posteriors makes for the cells lo..hi of row
// i, from the last, before the scaling: for each cell, the beta of the cell each bead that starts
// there ends in, times its weight and the factor of that row's scale, added in shape order, and
// then, with fixed beads, what fixed adds to the sum.
func (a *aligner) betaLoop(b *band, et *expTab, q *betaRow, row []float64, i, n, lo, hi int, fixed func(j int, acc float64) float64) {
	for j := hi; j >= lo; j-- {
		acc := 0.0
		if i == n && j == b.m {
			acc = 1
		}
		for k := range nShapes {
			if j < q.jlo[k] || j > q.jhi[k] {
				continue
			}
			nc := q.cell[k] + j
			if b.mask[nc]&(1<<k) == 0 {
				continue
			}
			bn := q.nrow[k][q.bj[k]+j]
			if bn == 0 {
				continue
			}
			w := a.nullWeight[k] // weight(b, nc, k, i+di, j+dj), as in the forward pass
			if s := slot[k]; s >= 0 {
				w = et[b.linked[nc*nLinked+int(s)]]
			} else if a.paras {
				w = a.frameWeight(k, i+shapes[k].di, j+shapes[k].dj)
			}
			if w != 0 {
				acc += bn * q.fk[k] * float64(w)
			}
		}
		if fixed != nil {
			acc = fixed(j, acc)
		}
		row[j-lo] = acc
	}
}

// betaCells is betaLoop without fixed beads or paragraph terms, where a bead with one side empty
// weighs nullWeight: the sixteen shapes are written out, in betaLoop's order (whose loop looked up
// each shape's slot and kind for every cell, a sixth of posteriors' time); the same terms are
// added in the same order.
func (a *aligner) betaCells(b *band, et *expTab, q *betaRow, row []float64, i, n, lo, hi int) {
	mask, linked, nullWeight := b.mask, b.linked, &a.nullWeight
	for j := hi; j >= lo; j-- {
		acc := 0.0
		if i == n && j == b.m {
			acc = 1
		}
		if j >= q.jlo[0] && j <= q.jhi[0] { // 1-1
			if nc := q.cell[0] + j; mask[nc]&(1<<0) != 0 {
				if bn := q.nrow[0][q.bj[0]+j]; bn != 0 {
					if w := et[linked[nc*nLinked]]; w != 0 {
						acc += bn * q.fk[0] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[1] && j <= q.jhi[1] { // 1-0
			if nc := q.cell[1] + j; mask[nc]&(1<<1) != 0 {
				if bn := q.nrow[1][q.bj[1]+j]; bn != 0 {
					if w := nullWeight[1]; w != 0 {
						acc += bn * q.fk[1] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[2] && j <= q.jhi[2] { // 0-1
			if nc := q.cell[2] + j; mask[nc]&(1<<2) != 0 {
				if bn := q.nrow[2][q.bj[2]+j]; bn != 0 {
					if w := nullWeight[2]; w != 0 {
						acc += bn * q.fk[2] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[3] && j <= q.jhi[3] { // 2-1
			if nc := q.cell[3] + j; mask[nc]&(1<<3) != 0 {
				if bn := q.nrow[3][q.bj[3]+j]; bn != 0 {
					if w := et[linked[nc*nLinked+1]]; w != 0 {
						acc += bn * q.fk[3] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[4] && j <= q.jhi[4] { // 1-2
			if nc := q.cell[4] + j; mask[nc]&(1<<4) != 0 {
				if bn := q.nrow[4][q.bj[4]+j]; bn != 0 {
					if w := et[linked[nc*nLinked+2]]; w != 0 {
						acc += bn * q.fk[4] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[5] && j <= q.jhi[5] { // 2-2
			if nc := q.cell[5] + j; mask[nc]&(1<<5) != 0 {
				if bn := q.nrow[5][q.bj[5]+j]; bn != 0 {
					if w := et[linked[nc*nLinked+3]]; w != 0 {
						acc += bn * q.fk[5] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[6] && j <= q.jhi[6] { // 3-1
			if nc := q.cell[6] + j; mask[nc]&(1<<6) != 0 {
				if bn := q.nrow[6][q.bj[6]+j]; bn != 0 {
					if w := et[linked[nc*nLinked+4]]; w != 0 {
						acc += bn * q.fk[6] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[7] && j <= q.jhi[7] { // 1-3
			if nc := q.cell[7] + j; mask[nc]&(1<<7) != 0 {
				if bn := q.nrow[7][q.bj[7]+j]; bn != 0 {
					if w := et[linked[nc*nLinked+5]]; w != 0 {
						acc += bn * q.fk[7] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[8] && j <= q.jhi[8] { // 2-0
			if nc := q.cell[8] + j; mask[nc]&(1<<8) != 0 {
				if bn := q.nrow[8][q.bj[8]+j]; bn != 0 {
					if w := nullWeight[8]; w != 0 {
						acc += bn * q.fk[8] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[9] && j <= q.jhi[9] { // 3-0
			if nc := q.cell[9] + j; mask[nc]&(1<<9) != 0 {
				if bn := q.nrow[9][q.bj[9]+j]; bn != 0 {
					if w := nullWeight[9]; w != 0 {
						acc += bn * q.fk[9] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[10] && j <= q.jhi[10] { // 4-0
			if nc := q.cell[10] + j; mask[nc]&(1<<10) != 0 {
				if bn := q.nrow[10][q.bj[10]+j]; bn != 0 {
					if w := nullWeight[10]; w != 0 {
						acc += bn * q.fk[10] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[11] && j <= q.jhi[11] { // 5-0
			if nc := q.cell[11] + j; mask[nc]&(1<<11) != 0 {
				if bn := q.nrow[11][q.bj[11]+j]; bn != 0 {
					if w := nullWeight[11]; w != 0 {
						acc += bn * q.fk[11] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[12] && j <= q.jhi[12] { // 0-2
			if nc := q.cell[12] + j; mask[nc]&(1<<12) != 0 {
				if bn := q.nrow[12][q.bj[12]+j]; bn != 0 {
					if w := nullWeight[12]; w != 0 {
						acc += bn * q.fk[12] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[13] && j <= q.jhi[13] { // 0-3
			if nc := q.cell[13] + j; mask[nc]&(1<<13) != 0 {
				if bn := q.nrow[13][q.bj[13]+j]; bn != 0 {
					if w := nullWeight[13]; w != 0 {
						acc += bn * q.fk[13] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[14] && j <= q.jhi[14] { // 0-4
			if nc := q.cell[14] + j; mask[nc]&(1<<14) != 0 {
				if bn := q.nrow[14][q.bj[14]+j]; bn != 0 {
					if w := nullWeight[14]; w != 0 {
						acc += bn * q.fk[14] * float64(w)
					}
				}
			}
		}
		if j >= q.jlo[15] && j <= q.jhi[15] { // 0-5
			if nc := q.cell[15] + j; mask[nc]&(1<<15) != 0 {
				if bn := q.nrow[15][q.bj[15]+j]; bn != 0 {
					if w := nullWeight[15]; w != 0 {
						acc += bn * q.fk[15] * float64(w)
					}
				}
			}
		}
		row[j-lo] = acc
	}
}

// lazyOrder[n] lists the first n shapes, those with one side empty first, then the others, each
// group in shape order (see bestInto).
var lazyOrder = func() (o [nShapes + 1][]int) {
	for n := range o {
		for pass := range 2 {
			for k, sh := range shapes[:n] {
				if (sh.di == 0 || sh.dj == 0) == (pass == 0) {
					o[n] = append(o[n], k)
				}
			}
		}
	}
	return o
}()

// bestInto improves best, bk (the cost of cell (r.i, j) so far and its back-pointer) with the
// beads of the first nshape shapes that end there. The result is that of trying the shapes in
// order, a shape winning only if strictly cheaper than the best before it, but the beads without
// counterpart, which cost only their shape and paragraph terms, are worked out first: the best of
// them bounds what a dearer bead must beat, so that in a wide band most 1-1 and merge beads stop
// after their length term (see rowCost). A bead that cannot come within boundSlack of the bound
// cannot win, nor decide which bead wins, so it is left out of the comparison.
//
// lens, if not nil, holds the shape, paragraph and length terms of the row's beads with sentences
// on both sides, from column lo on (see lengthRow), when there are no paragraph terms.
func (a *aligner) bestInto(r *srcRow, p *prevRows, lens *linkedCosts, lo, j, nshape int, best float64, bk uint8) (float64, uint8) {
	prev, cost := &p.prev, &p.cost // only entries with their bit in known are read
	var known uint32               // bit k: cost[k] is the exact cost of shape k
	bound := best
	for _, k := range lazyOrder[nshape] {
		pc := p.at(a.cons, k, r.i, j)
		if math.IsInf(pc, 1) {
			continue
		}
		limit := bound - pc + boundSlack
		if !a.paras {
			// rowCost's first steps, without the call: a bead with one side empty costs its
			// shape (a.nullCost), and the bound on the terms after the shape already puts most
			// others past the limit.
			if sh := shapes[k]; sh.di == 0 || sh.dj == 0 {
				if c := a.nullCost[k]; c < limit {
					prev[k], cost[k] = pc, c
					known |= 1 << k
					bound = min(bound, pc+c)
				}
				continue
			} else if a.m.shape[k]+r.pre[sh.di] >= limit+boundSlack {
				continue
			} else if lens != nil {
				// rowCost from its length term on, which rowCost's own first steps reach
				// exactly as above; and rowRest's first step, without the call: the bound on
				// the terms after the length puts a third of the beads past the limit
				lc := lens.cost[slot[k]][j-lo]
				if lc+r.rest[sh.di] >= limit+boundSlack {
					continue
				}
				if c := a.rowRest(r, k, j, limit, lc); c < limit {
					prev[k], cost[k] = pc, c
					known |= 1 << k
					bound = min(bound, pc+c)
				}
				continue
			}
		}
		if c := a.rowCost(r, k, j, limit); c < limit {
			prev[k], cost[k] = pc, c
			known |= 1 << k
			bound = min(bound, pc+c)
		}
	}
	for k := range nshape {
		if known&(1<<k) != 0 && cost[k] < best-prev[k] {
			best, bk = prev[k]+cost[k], uint8(k)
		}
	}
	return best, bk
}

// guideCells sets row and bp, for the cells lo..hi of row r.i of a search without fixed beads or
// paragraph terms, with lens given, as guidePath has it, to the cost and back-pointer that
// bestInto(r, p, lens, lo, j, guideShapes, best, noShape) gives each cell j in turn (best 0 in
// cell (0, 0), +Inf elsewhere), and returns the cheapest cell's cost and column (the first of
// equals). The guide's five shapes are written out in bestInto's order (1-0 and 0-1, then 1-1, 2-1
// and 1-2), so that what each shape reads is known where it is read, and what the row fixes (the
// cells each bead starts from, the length terms, the bounds of the shape and the source side) is
// read once a row, not once a cell: bestInto's loop over the shapes, looking up each shape's
// sizes, slot and bound, and then over them again for the result, was two fifths of its time, and
// a call a cell a tenth of the rest. The same costs are compared in the same order, so each cell
// gets the same cost and shape.
func (a *aligner) guideCells(r *srcRow, p *prevRows, lens *linkedCosts, row []float64, bp []uint8, lo, hi int) (float64, int) {
	i, w := r.i, hi-lo+1
	row, bp = row[:w], bp[:w]
	// the costs of the cells the beads of each shape start from (see prevRows.at); the 0-1 bead
	// starts in this row, in a cell already set
	win0, win1, win2, win3, win4 := p.win[0], p.win[1], p.win[2], p.win[3], p.win[4]
	base0, base1, base2, base3, base4 := p.base[0], p.base[1], p.base[2], p.base[3], p.base[4]
	null1, null2 := a.nullCost[1], a.nullCost[2]
	len0, len3, len4 := lens.cost[slot[0]][:w], lens.cost[slot[3]][:w], lens.cost[slot[4]][:w]
	pre0, pre3, pre4 := a.m.shape[0]+r.pre[1], a.m.shape[3]+r.pre[2], a.m.shape[4]+r.pre[1]
	rest1, rest2 := r.rest[1], r.rest[2]
	rowBest, arg := posInf, lo
	for j := lo; j <= hi; j++ {
		x := j - lo
		best := posInf
		if i == 0 && j == 0 {
			best = 0
		}
		bound := best
		// the cost each shape adds and the cell it starts from, for the shapes with a cost below
		// its limit (see bestInto); +Inf for the others
		var c0, c1, c2, c3, c4 = posInf, posInf, posInf, posInf, posInf
		var p0, p1, p2, p3, p4 float64
		if y := j - base1; uint(y) < uint(len(win1)) { // 1-0
			if pc := win1[y]; !math.IsInf(pc, 1) {
				if c := null1; c < bound-pc+boundSlack {
					p1, c1 = pc, c
					bound = min(bound, pc+c)
				}
			}
		}
		if y := j - base2; uint(y) < uint(len(win2)) { // 0-1
			if pc := win2[y]; !math.IsInf(pc, 1) {
				if c := null2; c < bound-pc+boundSlack {
					p2, c2 = pc, c
					bound = min(bound, pc+c)
				}
			}
		}
		// The beads with sentences on both sides: bestInto's bounds on the terms after the shape
		// and after the length, then rowRest.
		if y := j - base0; uint(y) < uint(len(win0)) { // 1-1
			if pc := win0[y]; !math.IsInf(pc, 1) {
				limit := bound - pc + boundSlack
				if lc := len0[x]; !(pre0 >= limit+boundSlack || lc+rest1 >= limit+boundSlack) {
					if c := a.rowRest(r, 0, j, limit, lc); c < limit {
						p0, c0 = pc, c
						bound = min(bound, pc+c)
					}
				}
			}
		}
		if y := j - base3; uint(y) < uint(len(win3)) { // 2-1
			if pc := win3[y]; !math.IsInf(pc, 1) {
				limit := bound - pc + boundSlack
				if lc := len3[x]; !(pre3 >= limit+boundSlack || lc+rest2 >= limit+boundSlack) {
					if c := a.rowRest(r, 3, j, limit, lc); c < limit {
						p3, c3 = pc, c
						bound = min(bound, pc+c)
					}
				}
			}
		}
		if y := j - base4; uint(y) < uint(len(win4)) { // 1-2
			if pc := win4[y]; !math.IsInf(pc, 1) {
				limit := bound - pc + boundSlack
				if lc := len4[x]; !(pre4 >= limit+boundSlack || lc+rest1 >= limit+boundSlack) {
					if c := a.rowRest(r, 4, j, limit, lc); c < limit {
						p4, c4 = pc, c
					}
				}
			}
		}
		// bestInto's choice in shape order; a shape not kept costs +Inf (from a prev of 0),
		// which is below no best − prev, as bestInto leaves it out
		bk := uint8(noShape)
		if c0 < best-p0 {
			best, bk = p0+c0, 0
		}
		if c1 < best-p1 {
			best, bk = p1+c1, 1
		}
		if c2 < best-p2 {
			best, bk = p2+c2, 2
		}
		if c3 < best-p3 {
			best, bk = p3+c3, 3
		}
		if c4 < best-p4 {
			best, bk = p4+c4, 4
		}
		row[x], bp[x] = best, bk
		if best < rowBest {
			rowBest, arg = best, j
		}
	}
	return rowBest, arg
}

// fixedRows keeps, for the row transitions of a search, the costs of the row each starts in,
// which the ring of the last four rows no longer holds when the transition ends.
type fixedRows [][]float64

func (a *aligner) fixedRows(n int) fixedRows {
	if a.cons == nil {
		return nil
	}
	return make(fixedRows, len(a.cons.fixed))
}

// keep stores the costs of row i if a row transition starts there.
func (fx fixedRows) keep(c *cons, i int, row []float64) {
	if c != nil && c.rowStart[i] >= 0 {
		fx[c.rowStart[i]] = slices.Clone(row)
	}
}

// into improves best, the cost of cell (i, j) so far, with the fixed transitions that end there.
// row holds the costs of row i computed so far; a fixed bead costs nothing of its own.
func (fx fixedRows) into(c *cons, b *band, i, j int, row []float64, best float64, bk uint8) (float64, uint8) {
	if r, ok := c.rowInto(i, j); ok && j >= int(b.lo[r]) && j <= int(b.hi[r]) {
		if v := fx[c.rowEnd[i]][j-int(b.lo[r])]; v < best {
			best, bk = v, fixedRow
		}
	}
	if col, ok := c.colInto(i, j); ok && col >= int(b.lo[i]) {
		if v := row[col-int(b.lo[i])]; v < best {
			best, bk = v, fixedCol
		}
	}
	return best, bk
}

// guidePath finds a first path with the common shapes in a band that follows the search: the
// band of row i is centred where row i−1 was cheapest, moved on by the average slope m/n. Like
// a beam, it tracks a path that drifts away from the diagonal in one pass of O((n+m)·w), where a
// fixed band would have to be widened. It also returns the rows where the path runs along the
// band's edge: a long run of omissions can leave the beam behind, and the path then has to catch
// up along the edge.
//
// A fixed bead makes the band keep its place over the rows the bead spans, which the path cannot
// enter, and widens a row to hold a fixed bead's target sentences. It reports false when the band
// holds no path.
func (a *aligner) guidePath(w int) ([]step, []int, bool) {
	n, m := a.src.n, a.tgt.n
	fx := a.fixedRows(n)
	b := &band{lo: make([]int32, n+1), hi: make([]int32, n+1), off: make([]int, n+2), m: m}
	back := make([]uint8, 0, (n+1)*(2*w+2))
	var rows [ring][]float64
	inf := math.Inf(1)
	slope := float64(m) / float64(n)
	centre := 0.0
	var r srcRow
	var p prevRows
	var lc linkedCosts // the length terms of a row (see bestInto)
	a.setNullCosts()
	for i := 0; i <= n; i++ {
		lo, hi := max(0, int(centre)-w), min(m, int(centre)+w+1)
		if i > 0 {
			// Edges never decrease, and the row starts no further right than one column past
			// the previous row's end, so that its first cell can be reached (when m ≫ n, a
			// row spans the slope: the path crosses it with 0-1 beads).
			lo = min(max(lo, int(b.lo[i-1])), int(b.hi[i-1])+1, m)
			hi = max(hi, int(b.hi[i-1]), lo)
		}
		if i == n {
			hi = m
		}
		if c := a.cons; c != nil {
			for x := lo; x <= hi; x++ {
				if end, ok := c.colFrom(i, x); ok {
					hi = max(hi, end)
				}
			}
		}
		b.lo[i], b.hi[i] = int32(lo), int32(hi)
		b.off[i+1] = b.off[i] + hi - lo + 1
		row := rows[i%ring]
		if cap(row) < hi-lo+1 {
			row = make([]float64, hi-lo+1)
		}
		row = row[:hi-lo+1]
		rows[i%ring] = row
		best, arg := inf, lo
		a.fillRow(&r, i)
		if i >= maxRun {
			p.fillFit(b, &rows, i) // inlined, see fillFit
		} else {
			p.fill(b, &rows, i)
		}
		var lens *linkedCosts
		if !a.paras {
			lens = &lc
			lc.grow(hi - lo + 1)
			for _, k := range lazyOrder[guideShapes] {
				sh := shapes[k]
				if s := slot[k]; s >= 0 {
					if jl, jh := max(lo, p.lo[k]+sh.dj), min(hi, p.hi[k]+sh.dj); jl <= jh {
						a.lengthRow(&r, k, lc.cost[s][jl-lo:jh-lo+1], jl)
					}
				}
			}
		}
		if a.cons == nil && lens != nil {
			start := len(back)
			back = slices.Grow(back, hi-lo+1)[:start+hi-lo+1]
			_, arg = a.guideCells(&r, &p, lens, row, back[start:], lo, hi)
			centre = float64(arg) + slope // as below, without fixed beads
			continue
		}
		for j := lo; j <= hi; j++ {
			cell, bk := inf, uint8(noShape)
			if i == 0 && j == 0 {
				cell = 0
			}
			if a.cons != nil {
				cell, bk = fx.into(a.cons, b, i, j, row, cell, bk)
			}
			cell, bk = a.bestInto(&r, &p, lens, lo, j, guideShapes, cell, bk)
			row[j-lo] = cell
			back = append(back, bk)
			if cell < best {
				best, arg = cell, j
			}
		}
		fx.keep(a.cons, i, row)
		if best < inf || a.cons == nil {
			centre = float64(arg) + slope
		}
	}
	var hugs []int
	path, ok := a.walkBack(b, back, max(3, w/8), &hugs)
	if ok && sweepsEdge(path, n, m, 2*w) {
		ok = false
	}
	return path, hugs, ok
}

// sweepsEdge reports whether path ends with more than span sentences of one side alone along the
// last row or column. The beam follows the best cell of each row; on a long document whose
// passages repeat, it can lose the diagonal without ever touching its edges, and reach the last
// row (or column) far from the corner: what is left of the other side then becomes one sweep of
// unmatched sentences, and the scores of the whole path fall to nothing. A true alignment ends
// like that only if one version adds a long ending of its own, which the search in a band around
// the diagonal finds as well.
func sweepsEdge(path []step, n, m, span int) bool {
	if len(path) == 0 {
		return false
	}
	i, j := n, m
	for k := len(path) - 1; k >= 0; k-- {
		s := path[k]
		if s.pi == n && s.i == n {
			j = s.pj // a step along the last row
			continue
		}
		if s.pj == m && s.j == m {
			i = s.pi // a step down the last column
			continue
		}
		break
	}
	return m-j > span || n-i > span
}

// expNeg returns e^−x, to within 0.4%, from a table: the search needs one exponential for every
// bead it weighs, and math.Exp would be a fifth of the running time. Beyond e^−40 it returns 0
// (no weight, which posteriors treat as no bead); below e^40 it saturates.
func expNeg(x float64) float32 {
	return expTable.Get().neg(x)
}

// neg is expNeg with the table t = expTable.Get(): the search looks it up once, not once a bead.
func (t *expTab) neg(x float64) float32 {
	if x >= expLimit {
		return 0
	}
	if x <= -expLimit {
		return t[0]
	}
	return t[int((x+expLimit)*expStep+0.5)]
}

// at is neg that also returns the entry of t it read, 0 if none (when the result is 0).
func (t *expTab) at(x float64) (int, float32) {
	if x >= expLimit {
		return 0, 0
	}
	k := 0
	if x > -expLimit {
		k = int((x+expLimit)*expStep + 0.5)
	}
	return k, t[k]
}

// index is at without reading the table: the place of e^−x in t, and whether e^−x has one (is not
// 0; no entry of t is 0, see TestExpTableAt). weighInto needs only the place.
func (t *expTab) index(x float64) (int, bool) {
	if x >= expLimit {
		return 0, false
	}
	k := 0
	if x > -expLimit {
		k = int((x+expLimit)*expStep + 0.5)
	}
	return k, true
}

const (
	expLimit = 40
	expStep  = 128
)

type expTab [2*expLimit*expStep + 1]float32

var expTable = lazy.Value[*expTab]{New: func() *expTab {
	t := new(expTab)
	for k := range t {
		t[k] = float32(math.Exp(expLimit - float64(k)/expStep))
	}
	return t
}}

// walkBack reads the path that ends in (n, m) from the back-pointers of a band, and collects the
// rows where it passes within margin columns of the band's edge (if margin > 0). It reports false
// when no path reaches (n, m): bands are built to be connected, but fixed beads can cut one.
func (a *aligner) walkBack(b *band, back []uint8, margin int, hugs *[]int) ([]step, bool) {
	// The first walk counts the steps, so that the path is allocated once, at its size.
	n := 0
	i, j := len(b.lo)-1, b.m
	for i > 0 || j > 0 {
		s, ok := a.stepInto(b, back, i, j)
		if !ok {
			return nil, false
		}
		n++
		i, j = s.pi, s.pj
	}
	path := make([]step, n)
	i, j = len(b.lo)-1, b.m
	for k := n - 1; k >= 0; k-- {
		path[k], _ = a.stepInto(b, back, i, j)
		if margin > 0 && near(b, i, j, margin) {
			*hugs = append(*hugs, i)
		}
		i, j = path[k].pi, path[k].pj
	}
	return path, true
}

// stepInto returns the step of the path that ends in cell (i, j), from its back-pointer; false
// if no path reaches the cell.
func (a *aligner) stepInto(b *band, back []uint8, i, j int) (step, bool) {
	k := back[b.off[i]+j-int(b.lo[i])]
	s := step{i: i, j: j, shape: k}
	switch k {
	case noShape:
		return s, false
	case fixedRow:
		s.pi, _ = a.cons.rowInto(i, j)
		s.pj = j
	case fixedCol:
		s.pi = i
		s.pj, _ = a.cons.colInto(i, j)
	default:
		s.pi, s.pj = i-shapes[k].di, j-shapes[k].dj
	}
	return s, true
}

// near reports whether (i, j) lies within margin columns of an edge of the band that is not an
// edge of the whole table.
func near(b *band, i, j, margin int) bool {
	lo, hi := int(b.lo[i]), int(b.hi[i])
	return (lo > 0 && j-lo < margin) || (hi < b.m && hi-j < margin)
}

// bandedPath runs viterbi in a band of half-width w around the guide. Where the path hugs the
// band's edge, the true path may lie outside, so the band is centred on the path found, doubled
// in width around the rows that hugged, and the search repeated. Widening only where needed keeps
// the work linear even when a long document drifts far from the guide in places. It returns the
// path and the last band.
func (a *aligner) bandedPath(gmin, gmax []int, w, nshape int, keep bool) ([]step, *band) {
	width := make([]int, len(gmin))
	for i := range width {
		width[i] = w
	}
	return a.bandedPathIn(gmin, gmax, width, nshape, keep)
}

// bandedPathIn is bandedPath with a half-width for each row. A row of width 0 holds only the
// guide's cells and never widens: the second pass of Pair searches only where the first was
// unsure.
func (a *aligner) bandedPathIn(gmin, gmax, width []int, nshape int, keep bool) ([]step, *band) {
	n, m := len(gmin)-1, a.tgt.n
	w := slices.Max(width)
	frozen := slices.Contains(width, 0)
	for {
		b := newBand(gmin, gmax, m, width)
		path, hugs, ok := a.viterbi(b, max(3, w/8), nshape, keep)
		full := b.cells() >= (n+1)*(m+1)
		if !ok {
			// The fixed beads leave no path in this band: search again in one twice as wide.
			if full {
				panic("align: no alignment holds the fixed beads") // bound has checked their order
			}
			for i := range width {
				width[i] = max(1, 2*width[i])
			}
			frozen = false
			continue
		}
		if frozen {
			hugs = slices.DeleteFunc(hugs, func(i int) bool { return width[i] == 0 })
		}
		if len(hugs) == 0 || full {
			return path, b
		}
		gmin, gmax = pathGuide(path, n)
		grown := slices.Clone(width)
		for _, i := range hugs {
			wi := 2 * width[i]
			for r := max(0, i-4*wi); r <= min(n, i+4*wi); r++ {
				grown[r] = max(grown[r], wi)
			}
		}
		width = grown
	}
}

// posteriors returns, for each bead of path, its probability under the model, with bead weights
// exp(−cost/temperature) kept in b by viterbi: the total weight of the paths through the band
// that use the bead, divided by the total weight of all paths (forward-backward). This is the
// bead's confidence: near 1 when no alternative in the band comes close.
//
// The sums run in linear space, one exponential per bead instead of a log-sum-exp, with each row
// rescaled to a maximum of 1 and its logarithmic scale kept aside, so nothing underflows.
func (a *aligner) posteriors(b *band, path []step) []float64 {
	n := len(b.lo) - 1
	et := expTable.Get() // the linked beads' weights (see band)
	// Only the last rows of alpha and beta are kept (a ring, as in viterbi), besides the rows
	// a fixed bead's row transition reads and the values at the path's cells: a table of the
	// band's size each was the largest allocation of the search.
	widest := 0
	for i := 0; i <= n; i++ {
		widest = max(widest, int(b.hi[i]-b.lo[i]+1))
	}
	var alpha, beta [ring][]float64
	for k := range alpha {
		alpha[k], beta[k] = make([]float64, widest), make([]float64, widest)
	}
	var keptA, keptB map[int][]float64 // rows where a fixed row transition starts or ends
	if a.cons != nil {
		keptA, keptB = map[int][]float64{}, map[int][]float64{}
	}
	// at returns the value of cell (i, j), dist rows from the current one: from rows, the ring of
	// the last rows, or from kept when the ring no longer holds it.
	at := func(rows *[ring][]float64, kept map[int][]float64, dist, i, j int) float64 {
		if dist >= ring {
			return kept[i][j-int(b.lo[i])]
		}
		return rows[i%ring][j-int(b.lo[i])]
	}
	startA := make([]float64, len(path))                 // alpha at the cell each step of path starts from
	endB := make([]float64, len(path))                   // beta at the cell each step ends in
	sa, sb := make([]float64, n+1), make([]float64, n+1) // log scales of the rows
	var lastA float64                                    // alpha at (n, m)
	next := 0                                            // the first step of path that starts in row i or later
	for i := 0; i <= n; i++ {
		// Row i is first computed relative to the largest scale of the rows a bead can come
		// from, so that no factor below overflows (a tall run reaches rows whose scales lie
		// hundreds of nats apart when a row is long).
		ref := math.Inf(-1)
		for d := 1; d <= maxRun && d <= i; d++ {
			ref = max(ref, sa[i-d])
		}
		if i == 0 {
			ref = 0
		}
		var f [ring]float64 // f[d]: factor from the scale of row i−d to ref
		for d := 1; d <= maxRun && d <= i; d++ {
			f[d] = math.Exp(sa[i-d] - ref)
		}
		f[0] = 1
		lo, hi := int(b.lo[i]), int(b.hi[i])
		row := alpha[i%ring][:hi-lo+1]
		// The alphas a bead of shape k that ends in column j starts from are
		// from[k][j+shift[k]], and f[shapes[k].di] scales them: worked out once a row, not
		// once a bead (a bead's mask bit says it fits the band).
		var from [nShapes][]float64
		var shift [nShapes]int
		var fk [nShapes]float64
		for k, sh := range shapes {
			if sh.di <= i {
				from[k], shift[k], fk[k] = alpha[(i-sh.di)%ring], -sh.dj-int(b.lo[i-sh.di]), f[sh.di]
			}
		}
		var mx float64 // the largest alpha of the row
		switch {
		case a.cons != nil:
			// the fixed beads' row and column transitions, added to each cell's sum as it is
			// made: the cells to its right read it through the beads without source sentences
			mx = a.alphaLoop(b, et, &from, &shift, &fk, row, i, lo, hi, func(j int, acc float64) float64 {
				if r, ok := a.cons.rowInto(i, j); ok && b.contains(r, j) {
					acc += at(&alpha, keptA, i-r, r, j) * math.Exp(sa[r]-ref)
				}
				if col, ok := a.cons.colInto(i, j); ok && b.contains(i, col) {
					acc += row[col-lo]
				}
				return acc
			})
		case a.paras:
			mx = a.alphaLoop(b, et, &from, &shift, &fk, row, i, lo, hi, nil)
		default:
			mx = a.alphaCells(b, et, &from, &shift, &fk, row, i, lo, hi)
		}
		sa[i] = ref
		if mx > 0 {
			for c := range row {
				row[c] /= mx
			}
			sa[i] += math.Log(mx)
		}
		if a.cons != nil && a.cons.rowStart[i] >= 0 {
			keptA[i] = slices.Clone(row)
		}
		for ; next < len(path) && path[next].pi == i; next++ {
			startA[next] = row[path[next].pj-lo]
		}
		if i == n {
			lastA = row[b.m-lo]
		}
	}
	next = len(path) - 1 // the last step of path that ends in row i or earlier
	for i := n; i >= 0; i-- {
		ref := math.Inf(-1)
		for d := 1; d <= maxRun && i+d <= n; d++ {
			ref = max(ref, sb[i+d])
		}
		if i == n {
			ref = 0
		}
		var f [ring]float64
		for d := 1; d <= maxRun && i+d <= n; d++ {
			f[d] = math.Exp(sb[i+d] - ref)
		}
		f[0] = 1
		lo, hi := int(b.lo[i]), int(b.hi[i])
		row := beta[i%ring][:hi-lo+1]
		// the rows the beads that start in row i end in, f[shapes[k].di] the factor of row
		// i+di's scale (see betaRow)
		var q betaRow
		jlo, jhi, cell, bj, fk, nrow := &q.jlo, &q.jhi, &q.cell, &q.bj, &q.fk, &q.nrow
		for k, sh := range shapes {
			jlo[k], jhi[k] = 0, -1
			if ni := i + sh.di; ni <= n {
				nlo := int(b.lo[ni])
				jlo[k], jhi[k] = nlo-sh.dj, int(b.hi[ni])-sh.dj
				cell[k], bj[k], nrow[k], fk[k] = b.off[ni]+sh.dj-nlo, sh.dj-nlo, beta[ni%ring], f[sh.di]
			}
		}
		switch {
		case a.cons != nil:
			// the fixed beads' row and column transitions, added to each cell's sum as it is
			// made: the cells to its left read it through the beads without source sentences
			a.betaLoop(b, et, &q, row, i, n, lo, hi, func(j int, acc float64) float64 {
				if r, ok := a.cons.rowFrom(i, j); ok && b.contains(r, j) {
					acc += at(&beta, keptB, r-i, r, j) * math.Exp(sb[r]-ref)
				}
				if col, ok := a.cons.colFrom(i, j); ok && b.contains(i, col) {
					acc += row[col-lo]
				}
				return acc
			})
		case a.paras:
			a.betaLoop(b, et, &q, row, i, n, lo, hi, nil)
		default:
			a.betaCells(b, et, &q, row, i, n, lo, hi)
		}
		mx := 0.0
		for _, v := range row {
			mx = max(mx, v)
		}
		sb[i] = ref
		if mx > 0 {
			for c := range row {
				row[c] /= mx
			}
			sb[i] += math.Log(mx)
		}
		if a.cons != nil && a.cons.rowEnd[i] >= 0 {
			keptB[i] = slices.Clone(row)
		}
		for ; next >= 0 && path[next].i == i; next-- {
			endB[next] = row[path[next].j-lo]
		}
	}
	logZ := math.Log(lastA) + sa[n]
	out := make([]float64, len(path))
	for k, s := range path {
		w := 1.0 // a fixed bead costs nothing of its own
		if int(s.shape) < nShapes {
			w = float64(a.weight(b, b.off[s.i]+s.j-int(b.lo[s.i]), int(s.shape), s.i, s.j))
		}
		p := startA[k] * w * endB[k]
		if p <= 0 {
			continue
		}
		out[k] = math.Min(1, math.Exp(math.Log(p)+sa[s.pi]+sb[s.i]-logZ))
	}
	return out
}
