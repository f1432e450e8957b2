package align

import (
	"slices"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// Realignment. Most sentences share no name, number or glossary term with their translation, and
// a general lexicon rarely knows a document's own vocabulary; yet every document repeats its topic
// words (a hurricane, a pig, a referendum) in most of its sentences, and their translations in
// the same sentences of the other side. A sentence an editor added from elsewhere lacks them.
// So Pair, like hunalign's -realign and Bleualign, aligns twice: the confident beads of the first
// pass (and the fixed ones, which a person confirmed) teach a lexicon by Dice over stems (see
// package lexicon), merged with the caller's, and the second pass aligns with it. The learner
// sees at most learnMaxPairs beads, spread over the document, so the extra cost is a second
// search and stays linear. The thresholds are in params.go.
// learnFrom returns the lexicon for the second pass: opt.Lexicon merged with what the confident
// beads of a first pass teach, or nil when they teach nothing.
func learnFrom(fs, ft []features, vs, vt *lexicon.Vocab, beads []Bead, opt Options) *lexicon.Lexicon {
	var conf []int // the confident beads' places in beads
	for k, b := range beads {
		if len(b.Src) > 0 && len(b.Tgt) > 0 && b.Score >= learnScore {
			conf = append(conf, k)
		}
	}
	if len(conf) < learnMinPairs {
		return nil
	}
	stride := float64(len(conf)) / float64(min(len(conf), learnMaxPairs))
	ss, ts := make([][]int32, 0, min(len(conf), learnMaxPairs)+1), make([][]int32, 0, min(len(conf), learnMaxPairs)+1)
	for x := 0.0; int(x) < len(conf); x += stride {
		b := beads[conf[int(x)]]
		ss, ts = append(ss, stemsOf(nil, fs, b.Src)), append(ts, stemsOf(nil, ft, b.Tgt))
	}
	learned := lexicon.LearnIDs(vs, vt, ss, ts, learnMinCount, learnMinDice, learnPerWord)
	if learned.Len() == 0 {
		return nil
	}
	out := lexicon.NewCap(opt.SrcLang, opt.TgtLang, opt.Lexicon.Len()+learned.Len())
	out.Merge(opt.Lexicon)
	out.Merge(learned)
	return out
}

// stemsOf appends to dst the stem numbers of sentences idx, sorted, each once. With dst nil and
// one sentence, it returns the sentence's own stems.
func stemsOf(dst []int32, fs []features, idx []int) []int32 {
	if len(idx) == 1 {
		if dst == nil {
			return fs[idx[0]].stems()
		}
		return append(dst, fs[idx[0]].stems()...)
	}
	for _, i := range idx {
		dst = append(dst, fs[i].stems()...)
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}

// unsureRows marks the rows (0..n) within realignPad rows of a bead the first pass scored below
// realignBelow, the only places where mergePasses may take the second pass's beads, so the only
// ones the second pass needs to search; path is stepsOf(beads). It returns nil if there are none.
func unsureRows(beads []Bead, path []step, n int) []bool {
	var wide []bool
	for k, b := range beads {
		if b.Score >= realignBelow {
			continue
		}
		if wide == nil {
			wide = make([]bool, n+1)
		}
		for i := max(0, path[k].pi-realignPad); i <= min(n, path[k].i+realignPad); i++ {
			wide[i] = true
		}
	}
	return wide
}

// mergePasses returns the alignment of the second pass (second) where the first (first) was
// unsure, and the first elsewhere. Both are alignments of the same sentences; where their paths
// part, between two cells both pass through, the second pass's beads replace the first's only if
// better says so. A learned lexicon rescues stretches where length alone could not decide (an
// omission paired with an unrelated sentence); where the first pass was fairly sure, the lexicon's
// noise (stems of five letters, Kazakh suffixes) mostly moves an omission by one sentence.
//
// The two paths are walked bead by bead, each with the cell its beads so far end in (c1, c2), not
// as steps (stepsOf): those were two arrays of a step a bead, 1.6 of the 56 MB Pair allocated at
// 20,000 sentences a side, for the two numbers of each step read here.
func mergePasses(first, second []Bead, below float64) []Bead {
	out := make([]Bead, 0, len(second))
	k1, k2 := 0, 0
	var c1, c2 [2]int // equal between stretches
	take := func(s []Bead, k *int, c *[2]int) {
		c[0] += len(s[*k].Src)
		c[1] += len(s[*k].Tgt)
		*k++
	}
	for k1 < len(first) || k2 < len(second) {
		a1, a2 := k1, k2
		take(first, &k1, &c1)
		take(second, &k2, &c2)
		for c1 != c2 {
			if c1[0]+c1[1] <= c2[0]+c2[1] {
				take(first, &k1, &c1)
			} else {
				take(second, &k2, &c2)
			}
		}
		if !better(first[a1:k1], second[a2:k2], below) {
			out = append(out, first[a1:k1]...)
		} else {
			out = append(out, second[a2:k2]...)
		}
	}
	return out
}

// better reports whether a stretch of the second pass (b) should replace the first's (a): one of
// a's beads scored below below, and b's beads are on average not much less sure. Measured on the
// stretches where the two passes differ in the dev halves of four edited sets (bench/editset.py
// with seeds) and three lightly perturbed ones (perturb.py with seeds), 40 in all: taking every
// second-pass stretch gained 22 right beads on the edited sets and lost 18 on the light ones;
// this rule gains 27 and 4.
func better(a, b []Bead, below float64) bool {
	unsure := false
	var ma, mb float64
	for _, x := range a {
		unsure = unsure || x.Score < below
		ma += x.Score / float64(len(a))
	}
	for _, x := range b {
		mb += x.Score / float64(len(b))
	}
	return unsure && mb > ma-realignSlack
}

// realignStretches is the second pass of solve when no fixed bead has a free side: it searches
// again, in a band of refineBand around guide (the first pass's path), only the stretches of the
// path that cover the rows where wide is true, each as a small problem of its own between two
// cells of the guide, and keeps the guide elsewhere. The stretches share what the whole document
// decides: the key weights (wt, see docWeights), whether both sides have paragraphs, and the length model fitted to
// the guide. So the second pass costs time and memory in proportion to the rows it re-examines,
// not to the document. Beads outside the stretches get score 1: mergePasses keeps the first
// pass's beads there in any case, since none of them scored below realignBelow.
func realignStretches(src, tgt []Sentence, fs, ft []features, ks, kt [][]uint32, wt *weightTable, mdl *model, guide []step, wide []bool) []Bead {
	whole := &aligner{m: mdl, src: &side{n: len(src), cum: cumLengths(fs)}, tgt: &side{n: len(tgt), cum: cumLengths(ft)}}
	whole.reestimate(guide)
	paras := hasBreaks(src) && hasBreaks(tgt)

	path := make([]step, 0, len(guide))
	scores := make([]float64, 0, len(guide))
	done := 0 // steps of guide taken so far
	for _, st := range stretches(guide, wide) {
		k0, ke := st[0], st[1]
		for _, s := range guide[done:k0] {
			path = append(path, s)
			scores = append(scores, 1)
		}
		done = ke
		i0, j0 := guide[k0].pi, guide[k0].pj
		i1, j1 := guide[ke-1].i, guide[ke-1].j
		if i1 == i0 || j1 == j0 { // one side is empty: nothing to choose
			for _, s := range guide[k0:ke] {
				path = append(path, s)
				scores = append(scores, 1)
			}
			continue
		}
		a := &aligner{m: mdl, paras: paras}
		a.src = subSide(src, fs, ks, wt, i0, i1, false)
		a.tgt = subSide(tgt, ft, kt, wt, j0, j1, true)
		sub := make([]step, ke-k0)
		for k, s := range guide[k0:ke] {
			sub[k] = step{i: s.i - i0, j: s.j - j0, pi: s.pi - i0, pj: s.pj - j0, shape: s.shape}
		}
		gmin, gmax := pathGuide(sub, i1-i0)
		width := make([]int, len(gmin))
		for i := range width {
			width[i] = refineBand
		}
		p, b := a.bandedPathIn(gmin, gmax, width, nShapes, true)
		p, sc := a.decode(b, p, 2)
		for _, s := range p {
			path = append(path, step{i: s.i + i0, j: s.j + j0, pi: s.pi + i0, pj: s.pj + j0, shape: s.shape})
		}
		scores = append(scores, sc...)
	}
	for _, s := range guide[done:] {
		path = append(path, s)
		scores = append(scores, 1)
	}
	return beadsOf(path, scores)
}

// stretches returns the stretches of path to search again, as ranges [ks, ke) of its steps: for
// each run of rows a..b where wide is true, from the first cell of path in the last row at or
// before a that it passes through, to the last cell in the first row at or after b; stretches
// that overlap or touch are joined.
func stretches(path []step, wide []bool) [][2]int {
	n := len(wide) - 1
	// first[r] is the first step that starts in row r, last[r] one more than the last step that
	// ends there; -1 for rows the path skips (inside a bead of two or three source sentences).
	first, last := make([]int, n+1), make([]int, n+1)
	for r := range first {
		first[r], last[r] = -1, -1
	}
	for k := len(path) - 1; k >= 0; k-- {
		first[path[k].pi] = k
	}
	for k, s := range path {
		last[s.i] = k + 1
	}
	last[0] = max(last[0], 0) // the cell (0, 0)
	if first[n] < 0 {
		first[n] = len(path) // the cell (n, m)
	}
	var out [][2]int
	for a := 0; a <= n; {
		if !wide[a] {
			a++
			continue
		}
		b := a
		for b < n && wide[b+1] {
			b++
		}
		r0, r1 := a, b
		for r0 > 0 && first[r0] < 0 {
			r0--
		}
		for r1 < n && last[r1] < 0 {
			r1++
		}
		ks, ke := first[r0], last[r1]
		if k := len(out); k > 0 && ks <= out[k-1][1] {
			out[k-1][1] = max(out[k-1][1], ke)
		} else if ke > ks {
			out = append(out, [2]int{ks, ke})
		}
		a = b + 1
	}
	return out
}

// cumLengths returns the running total of the lengths of the sentences of fs (see side.cum).
func cumLengths(fs []features) []float64 {
	cum := make([]float64, len(fs)+1)
	for i, f := range fs {
		cum[i+1] = cum[i] + float64(f.length)
	}
	return cum
}
