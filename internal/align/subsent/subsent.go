// Package subsent cuts a group of sentences that translate each other as a
// whole (a 2-1, 1-2, 2-2 or 3-1 group of an alignment) into the smallest
// pieces that still translate each other, so that translation memories can
// hold sentence-level units where a CAT tool looks for them.
//
// A CAT tool (OmegaT, Trados, memoQ, Phrase) cuts its source file into
// sentences and looks each one up in the memory; a unit whose source holds
// two sentences matches none of them. Inside a group the sentences are
// aligned again with the project's aligner (package align: lengths, numbers,
// names, glossary terms), and a bead becomes a piece of its own only when
// the aligner is confident of it and it has text on both sides. What the
// aligner cannot split stays one piece: a source sentence that is then not
// alone in its piece gets the whole target as a partial match, which is the
// caller's business (package export writes it marked x-partial).
package subsent

import "github.com/tilmash/tilmash/internal/align"

// MinScore is the bead score a piece needs to stand on its own. The
// aligner's scores are roughly calibrated (beads above 0.7 were right 97% of
// the time on the NTREX sets), and a wrong sentence-level unit is worse for
// a translator than a partial one, so the bar is high.
const MinScore = 0.7

// Piece is a part of a group: Src and Tgt are indices of the group's source
// and target sentences, in order and never empty; Score is the aligner's
// confidence in the piece (the lowest score of the beads merged into it; 1
// for a group that was not cut).
type Piece struct {
	Src, Tgt []int
	Score    float64
}

// Cut cuts the group whose source sentences are src and target sentences
// tgt. The pieces cover every sentence of both sides exactly once, in order.
// A group with one sentence on either side, or with an empty side, is one
// piece. opt selects the languages and the anchors (glossary terms) of the
// aligner; its Fixed beads are ignored.
func Cut(src, tgt []string, opt align.Options) []Piece {
	if len(src) < 2 || len(tgt) < 2 {
		return []Piece{whole(len(src), len(tgt), 1)}
	}
	opt.Fixed = nil
	beads := align.Pair(sentences(src), sentences(tgt), opt)
	var out []Piece
	pending := Piece{Score: 1} // beads that cannot stand alone, waiting for a neighbour
	for _, b := range beads {
		pending.Src = append(pending.Src, b.Src...)
		pending.Tgt = append(pending.Tgt, b.Tgt...)
		pending.Score = min(pending.Score, b.Score)
		if len(b.Src) == 0 || len(b.Tgt) == 0 || b.Score < MinScore {
			continue
		}
		out = append(out, pending)
		pending = Piece{Score: 1}
	}
	if len(pending.Src) > 0 || len(pending.Tgt) > 0 {
		if len(out) == 0 {
			return []Piece{whole(len(src), len(tgt), 1)}
		}
		last := &out[len(out)-1]
		last.Src = append(last.Src, pending.Src...)
		last.Tgt = append(last.Tgt, pending.Tgt...)
		last.Score = min(last.Score, pending.Score)
	}
	// A piece made of a weak bead and its neighbours may have lost a side
	// to nothing; it cannot, since every weak bead joined a confident one
	// (which has both sides). One piece is the group itself.
	if len(out) == 1 {
		return []Piece{whole(len(src), len(tgt), 1)}
	}
	return out
}

func whole(n, m int, score float64) Piece {
	p := Piece{Src: []int{}, Tgt: []int{}, Score: score}
	for i := range n {
		p.Src = append(p.Src, i)
	}
	for i := range m {
		p.Tgt = append(p.Tgt, i)
	}
	return p
}

func sentences(ss []string) []align.Sentence {
	out := make([]align.Sentence, len(ss))
	for i, s := range ss {
		out[i] = align.Sentence{Text: s}
	}
	return out
}
