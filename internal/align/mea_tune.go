//go:build aligntune

package align

import "math"

// Maximum expected accuracy (MEA) decoding, a prototype for issue 16 (ALIGN_VARS meaOn=...): instead
// of the Viterbi path, the path whose output beads' posteriors, less meaGamma a bead, sum highest.
// A bead with sentences on both sides is rewarded its posterior (forward-backward over the same
// band and weights as posteriors); a sentence alone is rewarded the marginal probability that it
// is alone (summed over every null bead and run that holds it, wherever it lies), since a run
// becomes one bead a sentence. With meaGamma 0.5 the sum is minus half the expected errors
// (missed plus wrong beads) up to a constant. meaTemp flattens the posteriors the decoding weighs
// (weights w^(1/meaTemp)); the scores output stay those of the band's own weights. Searches with
// fixed beads keep Viterbi. Full alpha, beta and posterior tables: tuning only.
var (
	meaOn    = 0.0 // bit 1: the final search of solve; bit 2: the stretches of the second pass
	meaGamma = 0.0 // subtracted from each output bead's posterior
	meaBelow = 1.0 // below 1: MEA only where the Viterbi path has a bead scored under this
	meaTemp  = 1.0 // the posteriors of the decoding weigh beads w^(1/temp)
	meaScore = 1.0 // 0: a step's score is its edge posterior; 1: null beads score their sentences' marginals (mean)
)

func (a *aligner) decode(b *band, path []step, pass int) ([]step, []float64) {
	if int(meaOn)&pass == 0 || a.cons != nil {
		return path, a.posteriors(b, path)
	}
	mp, ms := a.meaPath(b)
	if meaBelow >= 1 {
		return mp, ms
	}
	return spliceMEA(path, a.posteriors(b, path), mp, ms)
}

// spliceMEA takes the MEA path (mp, ms) only between the cells both paths pass through where the
// Viterbi path (vp, vs) has a bead scored under meaBelow, and the Viterbi path elsewhere.
func spliceMEA(vp []step, vs []float64, mp []step, ms []float64) ([]step, []float64) {
	var path []step
	var scores []float64
	k1, k2 := 0, 0
	for k1 < len(vp) || k2 < len(mp) {
		a1, a2 := k1, k2
		c1 := [2]int{vp[k1].i, vp[k1].j}
		c2 := [2]int{mp[k2].i, mp[k2].j}
		k1++
		k2++
		for c1 != c2 {
			if c1[0]+c1[1] <= c2[0]+c2[1] {
				c1 = [2]int{vp[k1].i, vp[k1].j}
				k1++
			} else {
				c2 = [2]int{mp[k2].i, mp[k2].j}
				k2++
			}
		}
		unsure := false
		for _, x := range vs[a1:k1] {
			unsure = unsure || x < meaBelow
		}
		if unsure {
			path, scores = append(path, mp[a2:k2]...), append(scores, ms[a2:k2]...)
		} else {
			path, scores = append(path, vp[a1:k1]...), append(scores, vs[a1:k1]...)
		}
	}
	return path, scores
}

// meaPath runs forward-backward over the whole band with full tables, then a DP for the path of
// highest expected accuracy, and returns it with its beads' scores (null beads: the mean of their
// sentences' marginals, with meaScore 1).
func (a *aligner) meaPath(b *band) ([]step, []float64) {
	n := len(b.lo) - 1
	cells := b.cells()
	post, nullS, nullT := a.meaFB(b, meaTemp)
	post1, nullS1, nullT1 := post, nullS, nullT
	if meaTemp != 1 {
		post1, nullS1, nullT1 = a.meaFB(b, 1)
	}
	gamma := meaGamma
	rewardOf := func(post, nullS, nullT []float64, c, k, i, j int) float64 {
		sh := shapes[k]
		switch {
		case sh.dj == 0:
			r := 0.0
			for s := i - sh.di; s < i; s++ {
				r += nullS[s] - gamma
			}
			return r
		case sh.di == 0:
			r := 0.0
			for t := j - sh.dj; t < j; t++ {
				r += nullT[t] - gamma
			}
			return r
		}
		return post[c*nShapes+k] - gamma
	}
	reward := func(c, k, i, j int) float64 { return rewardOf(post, nullS, nullT, c, k, i, j) }
	V := make([]float64, cells)
	back := make([]uint8, cells)
	for i := 0; i <= n; i++ {
		lo, hi := int(b.lo[i]), int(b.hi[i])
		for j := lo; j <= hi; j++ {
			c := b.off[i] + j - lo
			best, bk := math.Inf(-1), uint8(noShape)
			if i == 0 && j == 0 {
				best = 0
			}
			for k, sh := range shapes {
				if b.mask[c]&(1<<k) == 0 {
					continue
				}
				pi, pj := i-sh.di, j-sh.dj
				v := V[b.off[pi]+pj-int(b.lo[pi])]
				if math.IsInf(v, -1) {
					continue
				}
				if v += reward(c, k, i, j); v > best {
					best, bk = v, uint8(k)
				}
			}
			V[c], back[c] = best, bk
		}
	}
	path, ok := a.walkBack(b, back, 0, nil)
	if !ok {
		panic("align: mea found no path")
	}
	scores := make([]float64, len(path))
	gamma = 0
	for k, s := range path {
		sh := shapes[s.shape]
		c := b.off[s.i] + s.j - int(b.lo[s.i])
		scores[k] = post1[c*nShapes+int(s.shape)]
		if meaScore == 1 && (sh.di == 0 || sh.dj == 0) {
			scores[k] = rewardOf(post1, nullS1, nullT1, c, int(s.shape), s.i, s.j) / float64(sh.di+sh.dj)
		}
	}
	return path, scores
}

// meaFB returns the posteriors of every bead of the band, post[c*nShapes+k] for the bead of
// shape k that ends in cell c, and the marginals of each sentence being alone.
func (a *aligner) meaFB(b *band, temp float64) (post, nullS, nullT []float64) {
	n := len(b.lo) - 1
	m := b.m
	et := expTable.Get()
	cells := b.cells()
	A, B := make([]float64, cells), make([]float64, cells)
	sa, sb := make([]float64, n+1), make([]float64, n+1)
	wt := func(c, k, i, j int) float64 {
		return math.Pow(float64(a.weight(b, c, k, i, j)), 1/temp)
	}
	rowOf := func(t []float64, i int) []float64 { return t[b.off[i]:b.off[i+1]] }
	for i := 0; i <= n; i++ {
		ref := math.Inf(-1)
		for d := 1; d <= maxRun && d <= i; d++ {
			ref = max(ref, sa[i-d])
		}
		if i == 0 {
			ref = 0
		}
		var f [ring]float64
		for d := 1; d <= maxRun && d <= i; d++ {
			f[d] = math.Exp(sa[i-d] - ref)
		}
		f[0] = 1
		lo, hi := int(b.lo[i]), int(b.hi[i])
		row := rowOf(A, i)
		var from [nShapes][]float64
		var shift [nShapes]int
		var fk [nShapes]float64
		for k, sh := range shapes {
			if sh.di <= i {
				from[k], shift[k], fk[k] = rowOf(A, i-sh.di), -sh.dj-int(b.lo[i-sh.di]), f[sh.di]
			}
		}
		var mx float64
		if temp != 1 {
			for j := lo; j <= hi; j++ {
				c := b.off[i] + j - lo
				acc := 0.0
				if i == 0 && j == 0 {
					acc = 1
				}
				for k := range nShapes {
					if b.mask[c]&(1<<k) != 0 {
						acc += from[k][j+shift[k]] * fk[k] * wt(c, k, i, j)
					}
				}
				row[j-lo] = acc
				mx = max(mx, acc)
			}
		} else if a.paras {
			mx = a.alphaLoop(b, et, &from, &shift, &fk, row, i, lo, hi, nil)
		} else {
			mx = a.alphaCells(b, et, &from, &shift, &fk, row, i, lo, hi)
		}
		sa[i] = ref
		if mx > 0 {
			for c := range row {
				row[c] /= mx
			}
			sa[i] += math.Log(mx)
		}
	}
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
		row := rowOf(B, i)
		var q betaRow
		for k, sh := range shapes {
			q.jlo[k], q.jhi[k] = 0, -1
			if ni := i + sh.di; ni <= n {
				nlo := int(b.lo[ni])
				q.jlo[k], q.jhi[k] = nlo-sh.dj, int(b.hi[ni])-sh.dj
				q.cell[k], q.bj[k], q.nrow[k], q.fk[k] = b.off[ni]+sh.dj-nlo, sh.dj-nlo, rowOf(B, ni), f[sh.di]
			}
		}
		if temp != 1 {
			for j := hi; j >= lo; j-- {
				acc := 0.0
				if i == n && j == m {
					acc = 1
				}
				for k, sh := range shapes {
					if j < q.jlo[k] || j > q.jhi[k] {
						continue
					}
					nc := q.cell[k] + j
					if b.mask[nc]&(1<<k) == 0 {
						continue
					}
					acc += q.nrow[k][q.bj[k]+j] * q.fk[k] * wt(nc, k, i+sh.di, j+sh.dj)
				}
				row[j-lo] = acc
			}
		} else if a.paras {
			a.betaLoop(b, et, &q, row, i, n, lo, hi, nil)
		} else {
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
	}
	logZ := math.Log(A[b.off[n]+m-int(b.lo[n])]) + sa[n]
	// post[c*nShapes+k]: the posterior of the bead of shape k that ends in cell c
	post = make([]float64, cells*nShapes)
	nullS, nullT = make([]float64, n+1), make([]float64, m+1)
	for i := 0; i <= n; i++ {
		lo, hi := int(b.lo[i]), int(b.hi[i])
		for j := lo; j <= hi; j++ {
			c := b.off[i] + j - lo
			for k, sh := range shapes {
				if b.mask[c]&(1<<k) == 0 {
					continue
				}
				pi, pj := i-sh.di, j-sh.dj
				pa := A[b.off[pi]+pj-int(b.lo[pi])]
				w := wt(c, k, i, j)
				p := pa * w * B[c]
				if p <= 0 {
					continue
				}
				p = math.Min(1, math.Exp(math.Log(p)+sa[pi]+sb[i]-logZ))
				post[c*nShapes+k] = p
				for s := pi; s < i; s++ {
					if sh.dj == 0 {
						nullS[s] += p
					}
				}
				for t := pj; t < j; t++ {
					if sh.di == 0 {
						nullT[t] += p
					}
				}
			}
		}
	}
	return post, nullS, nullT
}
