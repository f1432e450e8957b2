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
	var conf []Bead
	for _, b := range beads {
		if len(b.Src) > 0 && len(b.Tgt) > 0 && b.Score >= learnScore {
			conf = append(conf, b)
		}
	}
	if len(conf) < learnMinPairs {
		return nil
	}
	l := lexicon.NewLearnerWith(vs, vt)
	stride := float64(len(conf)) / float64(min(len(conf), learnMaxPairs))
	var sb, tb []int32
	for x := 0.0; int(x) < len(conf); x += stride {
		b := conf[int(x)]
		sb, tb = stemsOf(sb[:0], fs, b.Src), stemsOf(tb[:0], ft, b.Tgt)
		l.ObserveIDs(sb, tb)
	}
	learned := l.Lexicon(learnMinCount, learnMinDice, learnPerWord)
	if learned.Len() == 0 {
		return nil
	}
	out := lexicon.New(opt.SrcLang, opt.TgtLang)
	out.Merge(opt.Lexicon)
	out.Merge(learned)
	return out
}

// stemsOf appends to dst the stem numbers of sentences idx, sorted, each once.
func stemsOf(dst []int32, fs []features, idx []int) []int32 {
	if len(idx) == 1 {
		return append(dst, fs[idx[0]].stems...)
	}
	for _, i := range idx {
		dst = append(dst, fs[i].stems...)
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
func mergePasses(first, second []Bead, below float64) []Bead {
	s1, s2 := stepsOf(first), stepsOf(second)
	out := make([]Bead, 0, len(second))
	k1, k2 := 0, 0
	for k1 < len(s1) || k2 < len(s2) {
		a1, a2 := k1, k2
		var c1, c2 [2]int
		take := func(s []step, k *int, c *[2]int) {
			*c = [2]int{s[*k].i, s[*k].j}
			*k++
		}
		take(s1, &k1, &c1)
		take(s2, &k2, &c2)
		for c1 != c2 {
			if c1[0]+c1[1] <= c2[0]+c2[1] {
				take(s1, &k1, &c1)
			} else {
				take(s2, &k2, &c2)
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
