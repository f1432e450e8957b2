package align

import (
	"github.com/tilmash/tilmash/internal/lexicon"
)

// Margin. An editor's dropped sentence and another desk's added one, at the same place, often
// become a 1-1 bead (or a 1-2, 2-1 or 2-2 with more of them): a 1-0 and a 0-1 cost far more than
// a pair whose lengths fit, and sentences that share no anchor pay only noAnchor. How much a pair
// shares says little on its own (a free translation of a short sentence shares as little as an
// unrelated one, see unanchored); what tells them apart is how much each shares with the
// sentences around its partner. In bitext mining this is the margin of Artetxe and Schwenk (2019,
// "Margin-based parallel corpus mining with multilingual sentence embeddings"): a pair's
// similarity divided by the mean similarity of each side to its k nearest other candidates
// (there, the average of the two means; here the larger, since the added sentence's mean is near
// nothing and would halve the other's). A translation, even a free one, stands out from its
// partner's neighbours; an added sentence, from another document, shares nothing with its partner
// or anything near it, while the dropped sentence beside it still shares the document's topic
// words with the translations of its neighbours.
//
// The similarity of two sentences is the bonus their shared anchors earn in the bead cost (each
// key's match weight times its weight in the document: see anchorCostFrom), with the lexicon of
// the second pass, which holds the document's own topic words. A pair is outmatched when its
// similarity, plus one shared lexicon entry of weight 1 (lexMatch) on both sides of the ratio so
// that sentences sharing nothing with anything are not outmatched, is less than marginMin times
// the mean similarity of the marginK other sentences most similar to one of its sides, within
// marginBand sentences of its partner (the larger of the two means). Only beads the alignment
// itself doubts (scored under marginBelow) are split: above it, the posterior alone is right 97% of
// the time (see temperature). Both Pair and Three split them (in pairFixed).

// margins computes the similarities of the margin for one document: the key sets of its source
// and target sentences, with their weights in the document (as the search's, see appendKeySet).
type margins struct {
	src, tgt sideSets
	match    [4]float64
	top      [marginK]float64
}

// sideSets are the key sets of one side's sentences, each made when the margin first needs it:
// only the sentences near a doubtful bead are ever compared. The sets made are kept in chunks of
// setChunk, in the order they were made, and idx[i] is 1 + the place of sentence i's set, 0 while
// it has none; their keys and weights are cut from arenas of arenaChunk (or a sentence's keys, if
// more). Neither is ever copied to grow, so a set stays where it was made. Both sizes grow with
// the document, so that a short one takes little. A key set for every sentence was 88 bytes each,
// of pointers the collector scanned, whether made or not (at 20,000 sentences a side of
// bench/align.sh the margin makes about half of them: 3.4 MB), and the arenas grown by doubling
// were copied and thrown away as they grew (10 MB).
type sideSets struct {
	keys                 [][]uint32
	wt                   *weightTable
	idx                  []int32
	sets                 [][]keySet
	n                    int
	ak                   []uint32
	aw                   []float32
	setChunk, arenaChunk int
}

func newSideSets(keys [][]uint32, wt *weightTable) sideSets {
	total := 0
	for _, k := range keys {
		total += len(k)
	}
	return sideSets{keys: keys, wt: wt, idx: make([]int32, len(keys)),
		setChunk: min(1024, max(16, len(keys)/8)), arenaChunk: min(16384, max(64, total/8))}
}

// at returns the key set of sentence i.
func (s *sideSets) at(i int) *keySet {
	if s.idx[i] == 0 {
		if keys := s.keys[i]; cap(s.ak)-len(s.ak) < len(keys) {
			size := max(s.arenaChunk, len(keys))
			s.ak, s.aw = make([]uint32, 0, size), make([]float32, 0, size)
		}
		var span keySpan
		span, s.ak, s.aw = appendKeySet(s.ak, s.aw, s.keys[i], s.wt) // within their capacity
		if s.n%s.setChunk == 0 {
			s.sets = append(s.sets, make([]keySet, 0, s.setChunk))
		}
		last := len(s.sets) - 1
		s.sets[last] = append(s.sets[last], span.view(s.ak, s.aw))
		s.n++
		s.idx[i] = int32(s.n)
	}
	p := int(s.idx[i]) - 1
	return &s.sets[p/s.setChunk][p%s.setChunk]
}

// newMargins makes the margins of a document whose sentences have the anchor keys ks and kt
// (sorted sets), weighed by wt.
func newMargins(ks, kt [][]uint32, wt *weightTable, match [4]float64) *margins {
	return &margins{src: newSideSets(ks, wt), tgt: newSideSets(kt, wt), match: match}
}

// sim is the similarity of source sentence i and target sentence j: the weights of the keys
// they share (sharedKeys, the search's count), each kind's times its match weight.
func (g *margins) sim(i, j int) float64 {
	b := g.tgt.at(j)
	_, w := sharedKeys(g.src.at(i), b.sig, b.keys)
	s := 0.0
	for k, x := range w {
		s += g.match[k] * x
	}
	return s
}

// rivals returns the mean similarity of the marginK sentences most similar to sentence at of one
// side among the sentences of the other within marginBand of near, near itself left out: of
// source sentence at to target sentences if src is true, else of target sentence at to source
// sentences. It returns 0 if there are none.
func (g *margins) rivals(src bool, at, near int) float64 {
	n := len(g.tgt.keys)
	if !src {
		n = len(g.src.keys)
	}
	top := g.top[:0]
	for o := max(0, near-marginBand); o <= min(n-1, near+marginBand); o++ {
		if o == near {
			continue
		}
		var s float64
		if src {
			s = g.sim(at, o)
		} else {
			s = g.sim(o, at)
		}
		// keep the marginK largest, in decreasing order
		if len(top) < marginK {
			top = append(top, s)
		} else if s <= top[len(top)-1] {
			continue
		} else {
			top[len(top)-1] = s
		}
		for x := len(top) - 1; x > 0 && top[x] > top[x-1]; x-- {
			top[x], top[x-1] = top[x-1], top[x]
		}
	}
	if len(top) == 0 {
		return 0
	}
	sum := 0.0
	for _, s := range top {
		sum += s
	}
	return sum / float64(len(top))
}

// outmatched reports whether source sentence i and target sentence j are outmatched.
func (g *margins) outmatched(i, j int) bool {
	r := max(g.rivals(true, i, j), g.rivals(false, j, i))
	return g.sim(i, j)+lexMatch < marginMin*(r+lexMatch)
}

// doubtful reports whether beads has a bead with sentences on both sides scored under
// marginBelow.
func doubtful(beads []Bead) bool {
	for _, b := range beads {
		if len(b.Src) > 0 && len(b.Tgt) > 0 && b.Score < marginBelow {
			return true
		}
	}
	return false
}

// allOutmatched reports whether every source sentence of b is outmatched with every target
// sentence of b.
func (g *margins) allOutmatched(b Bead) bool {
	for _, i := range b.Src {
		for _, j := range b.Tgt {
			if !g.outmatched(i, j) {
				return false
			}
		}
	}
	return true
}

// splitOutmatched returns beads with every bead that has sentences on both sides, is scored under
// marginBelow and whose sentences are all outmatched by each other's rivals, made beads of one
// sentence each, which keep its score so that review still sees them as unsure. Most are 1-1
// beads; a dropped sentence merged with two added ones (a 1-2) or two dropped ones with an added
// one are split alike. ks and kt are the anchor keys of src and tgt with those of lex, wt their
// weights (docWeights) if the caller has them, else nil, opt the options of the alignment.
func splitOutmatched(ks, kt [][]uint32, wt *weightTable, lex *lexicon.Lexicon, opt Options, beads []Bead) []Bead {
	if !doubtful(beads) {
		return beads
	}
	if wt == nil {
		wt = docWeights(ks, kt, lex)
	}
	m := newModelFor(opt)
	g := newMargins(ks, kt, wt, m.match)
	var out []Bead
	for k, b := range beads {
		if len(b.Src) > 0 && len(b.Tgt) > 0 && b.Score < marginBelow && g.allOutmatched(b) {
			if out == nil {
				out = append(make([]Bead, 0, len(beads)+8), beads[:k]...)
			}
			for x := range b.Src {
				out = append(out, Bead{Src: b.Src[x : x+1 : x+1], Tgt: b.Tgt[:0:0], Score: b.Score})
			}
			for x := range b.Tgt {
				out = append(out, Bead{Src: b.Src[:0:0], Tgt: b.Tgt[x : x+1 : x+1], Score: b.Score})
			}
			continue
		}
		if out != nil {
			out = append(out, b)
		}
	}
	if out == nil {
		return beads
	}
	return out
}
