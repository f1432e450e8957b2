package document

import "fmt"

// Piece is a sentence a Cutter found, with its paragraph number.
type Piece struct {
	Sentence
	Para int
}

// Cutter cuts text, a part of lang's text that starts at byte base of the
// whole, into sentences whose spans are offsets into the whole text.
type Cutter func(lang, text string, base int) []Piece

// Proposal is one group an aligner proposes: indices into the pieces of
// each language, in order.
type Proposal struct {
	Idx     map[string][]int
	Score   float64
	Flagged bool
}

// Grouper aligns the pieces of one stretch of the document. Every piece of
// every language must be in exactly one proposal, in order.
type Grouper func(pieces map[string][]Piece) []Proposal

// Realign rebuilds an alignment of texts, keeping every confirmed group of
// old (which may be nil) exactly as it is and aligning only the stretches
// between them. old must verify cleanly against texts (see Verify and
// Rebase). A note on an unconfirmed group is carried over to the new group
// that starts with the same pivot sentence, so a translator's remark is not
// lost to a re-run.
//
// Each stretch is cut afresh, so a change of segmentation rules takes
// effect everywhere except inside confirmed groups, which keep the
// sentences a person checked.
//
// A stretch that held a Detached group (one that lost sentences to a
// changed text) comes out flagged and Detached as a whole: the aligner's
// confidence says nothing about whether a person's earlier review still
// holds there.
//
// Realign returns an error when group leaves a piece out or uses one
// twice, rather than write an alignment that loses sentences.
func Realign(old *Alignment, id, pivot string, langs []string, texts map[string]string, cut Cutter, group Grouper) (*Alignment, error) {
	out := &Alignment{Document: id, Pivot: pivot, Languages: langs, Sources: map[string]string{}}
	for _, l := range langs {
		out.Sources[l] = Hash(texts[l])
	}
	var fixed []*Group
	notes := map[int]string{}  // pivot start -> note of an unconfirmed group
	detached := map[int]bool{} // stretches (numbered by the fixed groups before them) that held a detached group
	if old != nil {
		for _, g := range old.Groups {
			if g.Status == Confirmed {
				fixed = append(fixed, g)
				continue
			}
			if g.Detached {
				detached[len(fixed)] = true
			}
			if g.Note != "" && len(g.Sents[pivot]) > 0 {
				notes[g.Sents[pivot][0].Start] = g.Note
			}
		}
	}
	// lo/hi: the byte range each fixed group covers in each language. A
	// group without sentences in a language takes an empty range at the
	// start of the next fixed group that has some, so the text before it
	// is aligned in the stretch before it.
	lo := make([]map[string]int, len(fixed))
	hi := make([]map[string]int, len(fixed))
	for _, l := range langs {
		next := len(texts[l])
		for k := len(fixed) - 1; k >= 0; k-- {
			if lo[k] == nil {
				lo[k], hi[k] = map[string]int{}, map[string]int{}
			}
			if s := fixed[k].Sents[l]; len(s) > 0 {
				lo[k][l], hi[k][l] = s[0].Start, s[len(s)-1].End
				next = s[0].Start
			} else {
				lo[k][l], hi[k][l] = next, next
			}
		}
	}
	from := map[string]int{}
	for k := 0; k <= len(fixed); k++ {
		pieces := map[string][]Piece{}
		any := false
		for _, l := range langs {
			to := len(texts[l])
			if k < len(fixed) {
				to = lo[k][l]
			}
			if to > from[l] {
				pieces[l] = cut(l, texts[l][from[l]:to], from[l])
				any = any || len(pieces[l]) > 0
			}
		}
		if any {
			proposals := group(pieces)
			if err := covers(proposals, pieces); err != nil {
				return nil, err
			}
			for _, p := range proposals {
				g := &Group{Status: Aligned, Score: p.Score, Sents: map[string][]Sentence{}}
				if p.Flagged || detached[k] {
					g.Status = Flagged
				}
				g.Detached = detached[k]
				for _, l := range langs {
					g.Sents[l] = []Sentence{}
					for _, i := range p.Idx[l] {
						g.Sents[l] = append(g.Sents[l], pieces[l][i].Sentence)
					}
				}
				if s := g.Sents[pivot]; len(s) > 0 {
					g.Note = notes[s[0].Start]
				}
				out.Groups = append(out.Groups, g)
			}
		}
		if k < len(fixed) {
			out.Groups = append(out.Groups, fixed[k])
			for _, l := range langs {
				from[l] = hi[k][l]
			}
		}
	}
	return out, nil
}

// covers checks that proposals use every piece of every language exactly
// once and in order.
func covers(proposals []Proposal, pieces map[string][]Piece) error {
	for l, ps := range pieces {
		next := 0
		for _, p := range proposals {
			for _, i := range p.Idx[l] {
				if i != next {
					return fmt.Errorf("aligner error: %s sentence %d placed out of order (expected %d)", l, i, next)
				}
				next++
			}
		}
		if next != len(ps) {
			return fmt.Errorf("aligner error: %d of %d %s sentences placed", next, len(ps), l)
		}
	}
	return nil
}
