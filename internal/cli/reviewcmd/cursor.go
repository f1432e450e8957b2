package reviewcmd

import "github.com/tilmash/tilmash/internal/document"

// anchor names a group by its first sentence (in the pivot language when
// the group has one, else in the first language that has a sentence), so
// that the review cursor can find the same group again after the groups
// were renumbered.
type anchor struct {
	lang  string
	start int
	text  string
	ok    bool
}

// anchorOf returns the anchor of group n (1-based) of a.
func anchorOf(a *document.Alignment, n int) anchor {
	if n < 1 || n > len(a.Groups) {
		return anchor{}
	}
	g := a.Groups[n-1]
	for _, l := range append([]string{a.Pivot}, a.Languages...) {
		if ss := g.Sents[l]; len(ss) > 0 {
			return anchor{lang: l, start: ss[0].Start, text: ss[0].Text, ok: true}
		}
	}
	return anchor{}
}

// find returns the number of the group of a that holds the anchor's
// sentence: the same sentence at the same place, else the same sentence
// nearest to group near (the text was re-imported and moved), else the
// group that now covers the place. When nothing does (an anchor of an
// empty group, or an alignment that lost the language), it keeps near,
// within the groups a has.
func (at anchor) find(a *document.Alignment, near int) int {
	if at.ok {
		best := 0
		for i, g := range a.Groups {
			for _, s := range g.Sents[at.lang] {
				if s.Text != at.text {
					continue
				}
				if s.Start == at.start {
					return i + 1
				}
				if best == 0 || abs(i+1-near) < abs(best-near) {
					best = i + 1
				}
			}
		}
		if best != 0 {
			return best
		}
		for i, g := range a.Groups {
			if ss := g.Sents[at.lang]; len(ss) > 0 && ss[len(ss)-1].End > at.start {
				return i + 1
			}
		}
	}
	return min(max(near, 1), len(a.Groups))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
