package align

// strangerBelow and strangerAgree: see strangers. Over the NTREX dev lines, of the English and
// Russian sentences that share at least strangerAgree keys, no Kazakh translation shared none
// with both (0 of 243; at 2 shared keys, 4 of 348), while an unrelated sentence of another
// document shared none four times in five.
const (
	strangerBelow = 0.95
	strangerAgree = 3
)

// strangers splits off the target sentences of a pivot bead that share nothing with their group:
// where a pivot bead (in beads) pairs English i with target sentences, less sure than
// strangerBelow, the other pivot alignment (other) holds English i alone with sentences of its
// own, the English sentence and those share at least strangerAgree anchor keys (names,
// loanwords, numbers: see features.keys), and no target sentence of the bead shares one with any
// of them, each target sentence becomes a sentence without English and English i loses its
// counterpart in their language. That is the trace of a desk that dropped the sentence and put
// one or a run of its own, from another story, in its place: the pair alignments pair them for
// their length and place, but an added sentence shares nothing with the story, and a translation
// that the other two agree on that much shares something (see the constants). A bead of two
// target sentences of which one shares something stands: it is most often one translation the
// segmenter cut in two, one half without a name. n is the number of English sentences; ke, kt and
// ko give the keys of the English sentences, those of beads' target language, and those of the
// other alignment's.
func strangers(beads, other []Bead, n int, ke, kt, ko *anchorKeys) []Bead {
	otherOf := make([]*Bead, n)
	for k := range other {
		for _, i := range other[k].Src {
			otherOf[i] = &other[k]
		}
	}
	var out []Bead
	done := 0 // beads[:done] are in out
	for k, b := range beads {
		if len(b.Src) != 1 || len(b.Tgt) == 0 || b.Score >= strangerBelow {
			continue
		}
		i := b.Src[0]
		o := otherOf[i]
		if o == nil || len(o.Src) != 1 || len(o.Tgt) == 0 {
			continue
		}
		agree, shared := 0, 0
		for _, j := range o.Tgt {
			agree += commonKeys(ke.of(i), ko.of(j))
		}
		for _, t := range b.Tgt {
			shared += commonKeys(kt.of(t), ke.of(i))
			for _, j := range o.Tgt {
				shared += commonKeys(kt.of(t), ko.of(j))
			}
		}
		if agree < strangerAgree || shared > 0 {
			continue
		}
		out = append(out, beads[done:k]...)
		out = append(out, Bead{Src: b.Src, Tgt: []int{}, Score: b.Score})
		for _, t := range b.Tgt {
			out = append(out, Bead{Src: []int{}, Tgt: []int{t}, Score: b.Score})
		}
		done = k + 1
	}
	if out == nil {
		return beads
	}
	return append(out, beads[done:]...)
}

// commonKeys counts the keys two sorted key sets share.
func commonKeys(a, b []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// anchorKeys gives the anchor keys (features.keys) of the sentences of one side, each worked out
// when first asked for: strangers reads those of a few weak beads only.
type anchorKeys struct {
	e    *extractor
	ss   []Sentence
	keys [][]uint32
	done []bool
}

func newAnchorKeys(lang string, ss []Sentence, terms TermFinder) *anchorKeys {
	return &anchorKeys{e: newExtractor(lang, terms, nil), ss: ss, keys: make([][]uint32, len(ss)), done: make([]bool, len(ss))}
}

func (s *anchorKeys) of(i int) []uint32 {
	if !s.done[i] {
		s.keys[i], s.done[i] = s.e.extract(s.ss[i]).keys, true
	}
	return s.keys[i]
}
