package align

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSweepsEdge(t *testing.T) {
	diag := func(n int) []step {
		var p []step
		for i := 1; i <= n; i++ {
			p = append(p, step{i: i, j: i, pi: i - 1, pj: i - 1})
		}
		return p
	}
	row := func(p []step, i, from, to int) []step { // 0-1 beads along row i
		for j := from + 1; j <= to; j++ {
			p = append(p, step{i: i, j: j, pi: i, pj: j - 1, shape: 2})
		}
		return p
	}
	col := func(p []step, j, from, to int) []step { // 1-0 beads down column j
		for i := from + 1; i <= to; i++ {
			p = append(p, step{i: i, j: j, pi: i - 1, pj: j, shape: 1})
		}
		return p
	}
	for _, tc := range []struct {
		name string
		path []step
		n, m int
		want bool
	}{
		{"the diagonal", diag(100), 100, 100, false},
		{"no path", nil, 10, 10, false},
		{"a short ending of one side", row(diag(100), 100, 100, 120), 100, 120, false},
		{"an ending as long as the span", row(diag(100), 100, 100, 132), 100, 132, false},
		{"a sweep along the last row", row(diag(100), 100, 100, 400), 100, 400, true},
		{"a sweep down the last column", col(diag(100), 100, 100, 400), 400, 100, true},
		{"unmatched sentences before the end are no sweep", append(row(diag(50), 50, 50, 350), func() []step {
			var p []step
			for k := 1; k <= 50; k++ {
				p = append(p, step{i: 50 + k, j: 350 + k, pi: 49 + k, pj: 349 + k})
			}
			return p
		}()...), 100, 400, false},
	} {
		if got := sweepsEdge(tc.path, tc.n, tc.m, 32); got != tc.want {
			t.Errorf("%s: sweepsEdge = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// searchAligner builds the aligner solve builds for the first n sentences of the benchmark
// bitext (with the seed lexicon's keys), with a paragraph break every seven sentences if paras.
func searchAligner(t testing.TB, n int, paras bool) *aligner {
	t.Helper()
	src, tgt, _ := benchBitext(t, n)
	if paras {
		for i := range src {
			src[i].Para = i / 7
		}
		for j := range tgt {
			tgt[j].Para = j / 7
		}
	}
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	opt.Lexicon = withSeed(opt)
	fs, ft, vs, vt := extractSides(src, tgt, opt)
	ks, kt := withLexKeys(fs, ft, vs, vt, opt.SrcLang, opt.TgtLang, opt.Lexicon, lexMaxDF)
	wt := docWeights(ks, kt, opt.Lexicon)
	a := &aligner{m: newModelFor(opt)}
	a.src = newSideKeys(src, fs, ks, wt, false)
	a.tgt = newSideKeys(tgt, ft, kt, wt, true)
	a.paras = a.src.paras && a.tgt.paras
	if a.paras != paras {
		t.Fatalf("paragraph terms %v, want %v", a.paras, paras)
	}
	a.setNullCosts()
	return a
}

// TestLinkedRow holds linkedRow to rowCost without a limit, bit for bit, for every bead with
// sentences on both sides of a stretch of the benchmark bitext, with and without paragraph terms.
func TestLinkedRow(t *testing.T) {
	for _, paras := range []bool{false, true} {
		a := searchAligner(t, 150, paras)
		out := make([]float64, a.tgt.n+1)
		var r srcRow
		for i := 0; i <= a.src.n; i++ {
			a.fillRow(&r, i)
			for k, sh := range shapes {
				if slot[k] < 0 || sh.di > i {
					continue
				}
				a.linkedRow(&r, k, out[sh.dj:], sh.dj)
				for j := sh.dj; j <= a.tgt.n; j++ {
					if want := a.rowCost(&r, k, j, posInf); math.Float64bits(out[j]) != math.Float64bits(want) {
						t.Fatalf("paras %v, shape %v at (%d, %d): linkedRow %v, rowCost %v", paras, sh, i, j, out[j], want)
					}
				}
			}
		}
	}
}

// TestWeighRow holds viterbi's search without fixed beads, which takes a row at a time
// (weighRow), to the same search taking a cell at a time (weighInto): the same path and the same
// bead weights in every cell of the band, with and without paragraph terms.
func TestWeighRow(t *testing.T) {
	for _, paras := range []bool{false, true} {
		a := searchAligner(t, 300, paras)
		gmin, gmax := diagonalGuide(a.src.n, a.tgt.n)
		w := make([]int, len(gmin))
		for i := range w {
			w[i] = 12
		}
		b := newBand(gmin, gmax, a.tgt.n, w)
		path, _, ok := a.viterbi(b, 0, nShapes, true)
		if !ok {
			t.Fatal("no path in the band")
		}
		// The search a cell at a time, as viterbi does it with fixed beads.
		ref := &band{lo: b.lo, hi: b.hi, off: b.off, m: b.m}
		ref.mask, ref.linked = make([]uint16, ref.cells()), make([]uint16, ref.cells()*nLinked)
		back := make([]uint8, ref.cells())
		var rows [ring][]float64
		for k := range rows {
			rows[k] = make([]float64, a.tgt.n+1)
		}
		var r srcRow
		var p prevRows
		for i := 0; i <= a.src.n; i++ {
			lo, hi := int(ref.lo[i]), int(ref.hi[i])
			a.fillRow(&r, i)
			p.fill(ref, &rows, i)
			for j := lo; j <= hi; j++ {
				best, bk := math.Inf(1), uint8(noShape)
				if i == 0 && j == 0 {
					best = 0
				}
				best, bk = a.weighInto(&r, &p, ref, expTable.Get(), j, best, bk)
				rows[i%ring][j-lo], back[ref.off[i]+j-lo] = best, bk
			}
		}
		want, ok := a.walkBack(ref, back, 0, nil)
		if !ok || !slices.Equal(path, want) {
			t.Errorf("paras %v: weighRow's path differs from weighInto's", paras)
		}
		for c := range ref.mask {
			if b.mask[c] != ref.mask[c] || !slices.Equal(b.linked[c*nLinked:(c+1)*nLinked], ref.linked[c*nLinked:(c+1)*nLinked]) {
				t.Fatalf("paras %v: cell %d: weighRow's weights %b %v, weighInto's %b %v", paras, c, b.mask[c], b.linked[c*nLinked:(c+1)*nLinked], ref.mask[c], ref.linked[c*nLinked:(c+1)*nLinked])
			}
		}
	}
}

// TestGuideLengths holds bestInto with the row's length terms worked out first (lengthRow, as
// guidePath does) to bestInto working them out bead by bead (rowCost): the same cost and
// back-pointer in every cell of a band over the benchmark bitext, for the guide's shapes and all.
func TestGuideLengths(t *testing.T) {
	a := searchAligner(t, 300, false)
	for _, nshape := range []int{guideShapes, nShapes} {
		gmin, gmax := diagonalGuide(a.src.n, a.tgt.n)
		w := make([]int, len(gmin))
		for i := range w {
			w[i] = 12
		}
		b := newBand(gmin, gmax, a.tgt.n, w)
		var rows [ring][]float64
		for k := range rows {
			rows[k] = make([]float64, a.tgt.n+1)
		}
		var r srcRow
		var p prevRows
		var lc linkedCosts
		cells := 0
		for i := 0; i <= a.src.n; i++ {
			lo, hi := int(b.lo[i]), int(b.hi[i])
			a.fillRow(&r, i)
			p.fill(b, &rows, i)
			lc.grow(hi - lo + 1)
			for k, sh := range shapes[:nshape] {
				if s := slot[k]; s >= 0 {
					if jl, jh := max(lo, p.lo[k]+sh.dj), min(hi, p.hi[k]+sh.dj); jl <= jh {
						a.lengthRow(&r, k, lc.cost[s][jl-lo:jh-lo+1], jl)
					}
				}
			}
			for j := lo; j <= hi; j++ {
				best := math.Inf(1)
				if i == 0 && j == 0 {
					best = 0
				}
				want, wk := a.bestInto(&r, &p, nil, lo, j, nshape, best, noShape)
				got, gk := a.bestInto(&r, &p, &lc, lo, j, nshape, best, noShape)
				if math.Float64bits(got) != math.Float64bits(want) || gk != wk {
					t.Fatalf("%d shapes, cell (%d, %d): %v (shape %d) with the row's length terms, %v (shape %d) without", nshape, i, j, got, gk, want, wk)
				}
				rows[i%ring][j-lo] = want
				cells++
			}
		}
		if cells < 1000 {
			t.Fatalf("only %d cells", cells)
		}
	}
}

// TestGuideCells holds guideCells, bestInto's guide search written out along a row, to bestInto:
// the same cost and back-pointer, to the last bit, in every cell of bands over the benchmark
// bitext, narrow (most beads stopped by a bound) and wide, with the length terms of each row worked
// out first as guidePath does, and the same cheapest cell of each row.
func TestGuideCells(t *testing.T) {
	if got := lazyOrder[guideShapes]; !slices.Equal(got, []int{1, 2, 0, 3, 4}) || shapes[0] != (shape{1, 1}) || shapes[3] != (shape{2, 1}) || shapes[4] != (shape{1, 2}) {
		t.Fatalf("the guide's shapes in bestInto's order are %v, not the 1-0, 0-1, 1-1, 2-1 and 1-2 guideCells takes", got)
	}
	a := searchAligner(t, 400, false)
	for _, hw := range []int{2, 16} {
		gmin, gmax := diagonalGuide(a.src.n, a.tgt.n)
		w := make([]int, len(gmin))
		for i := range w {
			w[i] = hw
		}
		b := newBand(gmin, gmax, a.tgt.n, w)
		var rows [ring][]float64
		for k := range rows {
			rows[k] = make([]float64, a.tgt.n+1)
		}
		var r srcRow
		var p prevRows
		var lc linkedCosts
		for i := 0; i <= a.src.n; i++ {
			lo, hi := int(b.lo[i]), int(b.hi[i])
			a.fillRow(&r, i)
			p.fill(b, &rows, i)
			lc.grow(hi - lo + 1)
			for k, sh := range shapes[:guideShapes] {
				if s := slot[k]; s >= 0 {
					if jl, jh := max(lo, p.lo[k]+sh.dj), min(hi, p.hi[k]+sh.dj); jl <= jh {
						a.lengthRow(&r, k, lc.cost[s][jl-lo:jh-lo+1], jl)
					}
				}
			}
			want, wk := make([]float64, hi-lo+1), make([]uint8, hi-lo+1)
			rowBest, arg := math.Inf(1), lo
			for j := lo; j <= hi; j++ {
				best := math.Inf(1)
				if i == 0 && j == 0 {
					best = 0
				}
				want[j-lo], wk[j-lo] = a.bestInto(&r, &p, &lc, lo, j, guideShapes, best, noShape)
				rows[i%ring][j-lo] = want[j-lo]
				if want[j-lo] < rowBest {
					rowBest, arg = want[j-lo], j
				}
			}
			gk := make([]uint8, hi-lo+1)
			gotBest, gotArg := a.guideCells(&r, &p, &lc, rows[i%ring], gk, lo, hi)
			for j := lo; j <= hi; j++ {
				if got := rows[i%ring][j-lo]; math.Float64bits(got) != math.Float64bits(want[j-lo]) || gk[j-lo] != wk[j-lo] {
					t.Fatalf("half-width %d, cell (%d, %d): guideCells %v (shape %d), bestInto %v (shape %d)", hw, i, j, got, gk[j-lo], want[j-lo], wk[j-lo])
				}
			}
			if math.Float64bits(gotBest) != math.Float64bits(rowBest) || gotArg != arg {
				t.Fatalf("half-width %d, row %d: guideCells' cheapest cell %v at %d, bestInto's %v at %d", hw, i, gotBest, gotArg, rowBest, arg)
			}
		}
	}
}

// TestBetaCells holds betaCells, the backward pass of posteriors with the shapes written out, to
// betaLoop, the loop over them: the same sums, to the last bit, for every row of a band over the
// benchmark bitext, with its bead weights, and random betas (a fifth of them 0) and scale factors
// in the rows the beads end in.
func TestBetaCells(t *testing.T) {
	a := searchAligner(t, 300, false)
	gmin, gmax := diagonalGuide(a.src.n, a.tgt.n)
	w := make([]int, len(gmin))
	for i := range w {
		w[i] = 6
	}
	b := newBand(gmin, gmax, a.tgt.n, w)
	if _, _, ok := a.viterbi(b, 0, nShapes, true); !ok {
		t.Fatal("no path in the band")
	}
	rng := rand.New(rand.NewPCG(15, 16))
	n := a.src.n
	et := expTable.Get()
	for i := n; i >= 0; i-- {
		lo, hi := int(b.lo[i]), int(b.hi[i])
		var q betaRow
		for k, sh := range shapes {
			q.jlo[k], q.jhi[k] = 0, -1
			if ni := i + sh.di; ni <= n {
				nlo := int(b.lo[ni])
				q.jlo[k], q.jhi[k] = nlo-sh.dj, int(b.hi[ni])-sh.dj
				q.cell[k], q.bj[k], q.fk[k] = b.off[ni]+sh.dj-nlo, sh.dj-nlo, rng.Float64()*2
				q.nrow[k] = make([]float64, a.tgt.n+1)
				for x := range q.nrow[k] {
					if rng.IntN(5) > 0 {
						q.nrow[k][x] = rng.Float64()
					}
				}
			}
		}
		got, want := make([]float64, hi-lo+1), make([]float64, hi-lo+1)
		a.betaCells(b, et, &q, got, i, n, lo, hi)
		a.betaLoop(b, et, &q, want, i, n, lo, hi, nil)
		for x := range got {
			if math.Float64bits(got[x]) != math.Float64bits(want[x]) {
				t.Fatalf("cell (%d, %d): betaCells %v, betaLoop %v", i, lo+x, got[x], want[x])
			}
		}
	}
}

// TestAlphaCells holds alphaCells, the forward pass of posteriors with the shapes written out, to
// alphaLoop, the loop over a cell's mask bits: the same alphas and largest alpha, to the last bit,
// for every row of a band over the benchmark bitext, with its bead weights, and random alphas (a
// fifth of them 0) and scale factors in the rows the beads start from.
func TestAlphaCells(t *testing.T) {
	a := searchAligner(t, 300, false)
	gmin, gmax := diagonalGuide(a.src.n, a.tgt.n)
	w := make([]int, len(gmin))
	for i := range w {
		w[i] = 6
	}
	b := newBand(gmin, gmax, a.tgt.n, w)
	if _, _, ok := a.viterbi(b, 0, nShapes, true); !ok {
		t.Fatal("no path in the band")
	}
	rng := rand.New(rand.NewPCG(17, 18))
	et := expTable.Get()
	for i := 0; i <= a.src.n; i++ {
		lo, hi := int(b.lo[i]), int(b.hi[i])
		var from [nShapes][]float64
		var shift [nShapes]int
		var fk [nShapes]float64
		for k, sh := range shapes {
			if sh.di <= i {
				from[k], shift[k], fk[k] = make([]float64, a.tgt.n+1), -sh.dj-int(b.lo[i-sh.di]), rng.Float64()*2
				for x := range from[k] {
					if rng.IntN(5) > 0 {
						from[k][x] = rng.Float64()
					}
				}
			}
		}
		got, want := make([]float64, hi-lo+1), make([]float64, hi-lo+1)
		gmx := a.alphaCells(b, et, &from, &shift, &fk, got, i, lo, hi)
		wmx := a.alphaLoop(b, et, &from, &shift, &fk, want, i, lo, hi, nil)
		if gmx != wmx {
			t.Fatalf("row %d: alphaCells' largest %v, alphaLoop's %v", i, gmx, wmx)
		}
		for x := range got {
			if math.Float64bits(got[x]) != math.Float64bits(want[x]) {
				t.Fatalf("cell (%d, %d): alphaCells %v, alphaLoop %v", i, lo+x, got[x], want[x])
			}
		}
	}
}

// TestWidenAround: the rows within pad of a bead that is not a 1-1 (a 1-0 ending in row 4, a 2-1
// over rows 8-10) get the wide half-width, the rows of the 1-1 runs elsewhere keep theirs.
func TestWidenAround(t *testing.T) {
	path := []step{
		{i: 1, j: 1, pi: 0, pj: 0, shape: 0},
		{i: 2, j: 2, pi: 1, pj: 1, shape: 0},
		{i: 3, j: 3, pi: 2, pj: 2, shape: 0},
		{i: 4, j: 3, pi: 3, pj: 3, shape: 1},
		{i: 5, j: 4, pi: 4, pj: 3, shape: 0},
		{i: 6, j: 5, pi: 5, pj: 4, shape: 0},
		{i: 7, j: 6, pi: 6, pj: 5, shape: 0},
		{i: 8, j: 7, pi: 7, pj: 6, shape: 0},
		{i: 10, j: 8, pi: 8, pj: 7, shape: 3},
		{i: 11, j: 9, pi: 10, pj: 8, shape: 0},
		{i: 12, j: 10, pi: 11, pj: 9, shape: 0},
		{i: 13, j: 11, pi: 12, pj: 10, shape: 0},
		{i: 14, j: 12, pi: 13, pj: 11, shape: 0},
		{i: 15, j: 13, pi: 14, pj: 12, shape: 0},
	}
	width := make([]int, 16)
	for i := range width {
		width[i] = 5
	}
	width[15] = 9 // a row already wider keeps its width
	widenAround(path, width, 8, 2)
	want := []int{5, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 5, 5, 9}
	if !slices.Equal(width, want) {
		t.Errorf("widths %v, want %v", width, want)
	}
}

// TestPrevRowsAt holds prevRows.at, which tests a bead's fit with one unsigned comparison against
// the window fill cut from its starting row, to what it means: for every shape and every column of
// rows of random bands (edges that jump, rows a shape does not reach), the cost of the cell the
// bead starts from, or +Inf where that cell lies outside the band.
func TestPrevRowsAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for range 200 {
		n, m := 1+rng.IntN(30), 1+rng.IntN(30)
		gmin, gmax := diagonalGuide(n, m)
		w := make([]int, n+1)
		for i := range w {
			w[i] = rng.IntN(4)
		}
		b := newBand(gmin, gmax, m, w)
		var rows [ring][]float64
		cost := func(i, j int) float64 { return float64(1000*i + j) }
		for i := 0; i <= n; i++ {
			row := make([]float64, m+1) // wider than the band's row, as viterbi's are
			for j := int(b.lo[i]); j <= int(b.hi[i]); j++ {
				row[j-int(b.lo[i])] = cost(i, j)
			}
			rows[i%ring] = row
			var p prevRows
			p.fill(b, &rows, i)
			for k, sh := range shapes {
				for j := -7; j <= m+7; j++ {
					want := posInf
					if pi, pj := i-sh.di, j-sh.dj; pi >= 0 && pj >= int(b.lo[pi]) && pj <= int(b.hi[pi]) {
						want = cost(pi, pj)
					}
					if got := p.at(nil, k, i, j); got != want {
						t.Fatalf("band %v..%v, row %d, shape %v, column %d: at %v, want %v", b.lo, b.hi, i, sh, j, got, want)
					}
				}
			}
		}
	}
}
