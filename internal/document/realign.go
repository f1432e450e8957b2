package document

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

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
//
// fixed lists, in order, the confirmed groups inside the stretch: for each,
// the indices of its pieces in each language, none in a language it lacks.
// The grouper must propose each of them as one group with exactly those
// pieces, and choose where the group sits in a language it lacks, as it
// would place a sentence left untranslated: the stretch is aligned as one,
// so that the text on either side of a confirmed group stays on its side.
type Grouper func(pieces map[string][]Piece, fixed []map[string][]int) []Proposal

// Realign rebuilds an alignment of texts, keeping every confirmed group of
// old (which may be nil) exactly as it is and aligning only the text
// between them. A group a person reshaped and has not confirmed (Reshaped)
// is kept the same way, with its status: below, "confirmed" stands for
// both. old must verify cleanly against texts (see Verify and
// Rebase). A note on an unconfirmed group is carried over to the new group
// that starts with the same pivot sentence, so a translator's remark is not
// lost to a re-run.
//
// A confirmed group with sentences in every language cuts the document: the
// text before it is aligned apart from the text after it. A confirmed group
// that lacks a language (a deliberate omission) cannot cut that language's
// text, so the stretch around it, up to the next cutting groups, is aligned
// as one with the group as a fixed bead inside it (see Grouper).
//
// The text between confirmed groups is cut afresh, so a change of
// segmentation rules takes effect everywhere except inside confirmed
// groups, which keep the sentences a person checked.
//
// In a stretch between confirmed groups that held a Detached group (one that
// lost sentences to a changed text), every group the aligner makes
// differently from the groups it had (other sentences in some language)
// comes out flagged and Detached, whatever the aligner's confidence: the
// text changed there, and a person must look. A group made again exactly
// as one of the stretch's old groups keeps that group's Detached mark (and
// is flagged if it had it); the others are as the aligner makes them, so a
// one-word change flags the groups it moved, not the whole stretch. The
// text the old detached groups had lost (Was) goes to the new detached
// group that starts with the same pivot sentence, else to the stretch's
// first detached group.
//
// An old detached group that lost every sentence it had (a paragraph only
// one version had, which its new version dropped) has nothing left to
// align: it is kept as it is, flagged, with the text it lost, at its place
// among the new groups, so that the translator sees what the new version
// took out until a person confirms the group.
//
// Realign returns an error when group leaves a piece out, uses one twice,
// breaks the order or does not keep a confirmed group as it is, rather than
// write an alignment that loses sentences.
func Realign(old *Alignment, id, pivot string, langs []string, texts map[string]string, cut Cutter, group Grouper) (*Alignment, error) {
	out := &Alignment{Document: id, Pivot: pivot, Languages: langs, Sources: map[string]string{}}
	for _, l := range langs {
		out.Sources[l] = Hash(texts[l])
	}
	r := &realigner{langs: langs, texts: texts, cut: cut, group: group, out: out,
		notes: map[int]string{}, detached: map[int]bool{}, was: map[int][]lost{}, tail: map[*Group][]*Group{},
		gone: map[int][]gone{}}
	var fixed []*Group // confirmed (or reshaped) groups with sentences
	var loose []*Group // the unconfirmed groups
	if old != nil {
		end := map[string]int{} // where the groups so far end, in each language
		for _, g := range old.Groups {
			held := g.Status == Confirmed || g.Reshaped
			for _, l := range langs {
				if s := g.Sents[l]; len(s) > 0 {
					end[l] = max(end[l], s[len(s)-1].End)
				}
			}
			switch {
			case !held && g.Detached && g.empty(langs) && len(g.Was) > 0:
				// The text changed there: the new groups of its stretch are
				// flagged when they differ from the old ones, as below.
				r.detached[len(fixed)] = true
				r.gone[len(fixed)] = append(r.gone[len(fixed)], gone{g, maps.Clone(end)})
			case held && !g.empty(langs):
				fixed = append(fixed, r.fillGaps(g))
			case held && len(fixed) == 0:
				out.Groups = append(out.Groups, g)
			case held:
				// A confirmed group without sentences stays after the one before it.
				r.tail[fixed[len(fixed)-1]] = append(r.tail[fixed[len(fixed)-1]], g)
			default:
				if g.Detached {
					r.detached[len(fixed)] = true
					if len(g.Was) > 0 {
						at := -1
						if s := g.Sents[pivot]; len(s) > 0 {
							at = s[0].Start
						}
						r.was[len(fixed)] = append(r.was[len(fixed)], lost{at, g.Was})
					}
				}
				loose = append(loose, g)
				if g.Note != "" && len(g.Sents[pivot]) > 0 {
					r.notes[g.Sents[pivot][0].Start] = g.Note
				}
			}
		}
	}
	if len(r.detached) > 0 {
		r.old = map[string]bool{}
		for _, g := range loose {
			k := g.spans(langs)
			r.old[k] = r.old[k] || g.Detached
		}
	}
	from := map[string]int{}
	var soft []*Group // confirmed groups since the last cut that lack a language
	for k := 0; k <= len(fixed); k++ {
		if k < len(fixed) && !fixed[k].full(langs) {
			soft = append(soft, fixed[k])
			continue
		}
		to := map[string]int{}
		for _, l := range langs {
			to[l] = len(texts[l])
			if k < len(fixed) {
				to[l] = fixed[k].Sents[l][0].Start
			}
		}
		if err := r.stretch(from, to, soft, k-len(soft)); err != nil {
			return nil, err
		}
		soft = nil
		if k < len(fixed) {
			r.emit(fixed[k])
			for _, l := range langs {
				s := fixed[k].Sents[l]
				from[l] = s[len(s)-1].End
			}
		}
	}
	return out, nil
}

// spans names g's sentences by their places in each language's text: two
// groups with the same spans hold the same sentences.
func (g *Group) spans(langs []string) string {
	var b strings.Builder
	for _, l := range langs {
		b.WriteString(l)
		for _, s := range g.Sents[l] {
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(s.Start))
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(s.End))
		}
		b.WriteByte(';')
	}
	return b.String()
}

// full reports whether g has sentences in every language.
func (g *Group) full(langs []string) bool {
	for _, l := range langs {
		if len(g.Sents[l]) == 0 {
			return false
		}
	}
	return true
}

// empty reports whether g has no sentence in any language.
func (g *Group) empty(langs []string) bool {
	for _, l := range langs {
		if len(g.Sents[l]) > 0 {
			return false
		}
	}
	return true
}

// fillGaps gives a kept group the sentences that lie between two of its
// own in a language and are in no group: a merge of two groups with a
// sentence in no group between them (left by a forced re-import that
// changed it), or a hand edit. Nothing else can take them without breaking
// the order of the text, and align would leave them out for good. A group
// that gains sentences is flagged and kept reshaped, so that a person looks
// at it before it counts as confirmed again. g itself is not changed: the
// result is a copy when it gains any.
func (r *realigner) fillGaps(g *Group) *Group {
	var out *Group
	for _, l := range r.langs {
		ss := g.Sents[l]
		var filled []Sentence
		for i := 1; i < len(ss); i++ {
			var ps []Piece
			if gap := r.texts[l][ss[i-1].End:ss[i].Start]; strings.TrimSpace(gap) != "" {
				ps = r.cut(l, gap, ss[i-1].End) // none for markup alone
			}
			if len(ps) > 0 && filled == nil {
				filled = slices.Clone(ss[:i])
			}
			for _, p := range ps {
				filled = append(filled, p.Sentence)
			}
			if filled != nil {
				filled = append(filled, ss[i])
			}
		}
		if filled == nil {
			continue
		}
		if out == nil {
			c := *g
			c.Sents = maps.Clone(g.Sents)
			out = &c
		}
		out.Sents[l] = filled
	}
	if out == nil {
		return g
	}
	out.Status, out.Reshaped = Flagged, true
	return out
}

// lost is the text an old detached group had lost (Group.Was), with the
// start of its first pivot sentence (-1 when it had none): the new group
// that starts there takes it, else the stretch's first detached group.
type lost struct {
	pivot int
	was   map[string][]string
}

// gone is an old detached group that lost all its sentences, kept with
// the text it lost (see Realign), and where the groups before it ended in
// each language: it goes before the first new group that starts after.
type gone struct {
	g   *Group
	end map[string]int
}

// before reports whether e goes before g, a group with sentences: g
// starts, in every language it has, where the groups before e ended or
// after.
func (e gone) before(g *Group, langs []string) bool {
	for _, l := range langs {
		if s := g.Sents[l]; len(s) > 0 && s[0].Start < e.end[l] {
			return false
		}
	}
	return true
}

// realigner writes the groups of Realign in document order.
type realigner struct {
	langs    []string
	texts    map[string]string
	cut      Cutter
	group    Grouper
	out      *Alignment
	notes    map[int]string      // pivot start -> note of an unconfirmed group
	detached map[int]bool        // stretches, numbered by the confirmed groups before them, that held a detached group
	old      map[string]bool     // when a stretch held one: the spans of the old unconfirmed groups, and whether one was Detached
	was      map[int][]lost      // stretches, numbered as detached, and the text their old detached groups had lost
	tail     map[*Group][]*Group // confirmed groups without sentences, after the confirmed group they follow
	gone     map[int][]gone      // stretches, numbered as detached, and their old detached groups left without sentences
}

// emit writes a confirmed group as it is, with the empty ones that follow it.
func (r *realigner) emit(g *Group) {
	r.out.Groups = append(r.out.Groups, g)
	r.out.Groups = append(r.out.Groups, r.tail[g]...)
}

// stretch aligns the text of each language from from[l] to to[l], with
// soft, the confirmed groups inside it that lack a language, and writes the
// result. The part before soft[0] is stretch number first.
func (r *realigner) stretch(from, to map[string]int, soft []*Group, first int) error {
	pieces := map[string][]Piece{}
	fixed := make([]map[string][]int, len(soft))
	for t := range fixed {
		fixed[t] = map[string][]int{}
	}
	anything := false
	for _, l := range r.langs {
		text := r.texts[l]
		var ps []Piece
		pos := from[l]
		add := func(end int) {
			if end > pos {
				ps = append(ps, r.cut(l, text[pos:end], pos)...)
			}
		}
		for t, g := range soft {
			fixed[t][l] = []int{}
			ss := g.Sents[l]
			if len(ss) == 0 {
				continue
			}
			add(ss[0].Start)
			for _, s := range ss {
				fixed[t][l] = append(fixed[t][l], len(ps))
				ps = append(ps, Piece{Sentence: s})
			}
			pos = ss[len(ss)-1].End
		}
		add(to[l])
		if len(soft) > 0 && len(ps) > 0 {
			// The parts were cut apart: number their paragraphs as in the
			// whole stretch.
			paragraphs(ps, r.cut(l, text[from[l]:to[l]], from[l]))
		}
		pieces[l] = ps
		anything = anything || len(ps) > 0
	}
	var left []gone // this stretch's old groups left without sentences, in order
	for k := first; k <= first+len(soft); k++ {
		left = append(left, r.gone[k]...)
	}
	// flush writes the groups of left that go before g, all of them when g
	// is nil.
	flush := func(g *Group) {
		for len(left) > 0 && (g == nil || left[0].before(g, r.langs)) {
			r.out.Groups = append(r.out.Groups, left[0].g)
			left = left[1:]
		}
	}
	defer flush(nil)
	if !anything {
		return nil
	}
	proposals := r.group(pieces, fixed)
	if err := covers(proposals, pieces); err != nil {
		return err
	}
	// The parts of the stretch around its confirmed groups that lack a
	// language are aligned as one, and a new group that lacks that
	// language too may come out on either side of such a group (a
	// paragraph the Russian dropped, after one only the Russian has): the
	// stretch held a detached group, and its lost text, if any part did.
	detached := false
	var was []lost
	for k := first; k <= first+len(soft); k++ {
		detached = detached || r.detached[k]
		was = append(was, r.was[k]...)
		delete(r.was, k)
	}
	t := 0 // the next confirmed group
	var firstDetached *Group
	for _, p := range proposals {
		if t < len(soft) && holds(p, fixed[t]) {
			flush(soft[t])
			r.emit(soft[t])
			t++
			continue
		}
		for _, l := range r.langs {
			for _, i := range p.Idx[l] {
				if ps := pieces[l]; ps[i].Start >= sentStart(soft, t, l) {
					return fmt.Errorf("aligner error: confirmed group %d of the stretch was not kept as it is", t+1)
				}
			}
		}
		g := &Group{Status: Aligned, Score: p.Score, Sents: map[string][]Sentence{}}
		for _, l := range r.langs {
			g.Sents[l] = []Sentence{}
			for _, i := range p.Idx[l] {
				g.Sents[l] = append(g.Sents[l], pieces[l][i].Sentence)
			}
		}
		if detached {
			old, same := r.old[g.spans(r.langs)]
			g.Detached = old || !same
			if g.Detached {
				was = r.takeWas(g, was)
				if firstDetached == nil {
					firstDetached = g
				}
			}
		}
		if p.Flagged || g.Detached {
			g.Status = Flagged
		}
		if s := g.Sents[r.out.Pivot]; len(s) > 0 {
			g.Note = r.notes[s[0].Start]
		}
		flush(g)
		r.out.Groups = append(r.out.Groups, g)
	}
	if t < len(soft) {
		return fmt.Errorf("aligner error: confirmed group %d of the stretch was not kept as it is", t+1)
	}
	// Text lost by old groups no new group starts as goes to the first
	// detached group of the stretch; a stretch left with no group had
	// nothing left to review.
	for _, w := range was {
		if firstDetached != nil {
			firstDetached.AddWas(w.was)
		}
	}
	return nil
}

// takeWas gives g, a new detached group, the text lost by the old
// detached group of its stretch that started with the same pivot sentence,
// and returns was without it.
func (r *realigner) takeWas(g *Group, was []lost) []lost {
	s := g.Sents[r.out.Pivot]
	if len(s) == 0 {
		return was
	}
	for i, w := range was {
		if w.pivot == s[0].Start {
			g.AddWas(w.was)
			return append(was[:i:i], was[i+1:]...)
		}
	}
	return was
}

// holds reports whether proposal p is exactly the confirmed group whose
// pieces are fixed.
func holds(p Proposal, fixed map[string][]int) bool {
	for l, idx := range fixed {
		if !slices.Equal(p.Idx[l], idx) {
			return false
		}
	}
	return true
}

// sentStart returns where the first sentence in l of the confirmed groups
// soft[t:] starts, or the largest int if they have none: no proposal may
// take a piece past it before those groups are written.
func sentStart(soft []*Group, t int, l string) int {
	for _, g := range soft[t:] {
		if s := g.Sents[l]; len(s) > 0 {
			return s[0].Start
		}
	}
	return math.MaxInt
}

// paragraphs sets the paragraph number of each piece to that of the piece of
// whole, the same text cut in one go, in which it starts.
func paragraphs(ps, whole []Piece) {
	k := 0
	for i := range ps {
		for k+1 < len(whole) && whole[k+1].Start <= ps[i].Start {
			k++
		}
		ps[i].Para = 0
		if len(whole) > 0 {
			ps[i].Para = whole[k].Para
		}
	}
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
