package app

import (
	"slices"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/document"
)

// placeNewLanguage gives the groups a person confirmed (or reshaped) before
// lang had a text their sentences of lang, when lang is new to old: the
// desk's version arrived after the others were reviewed. Such a group
// lacks lang because there was nothing to put in it, not because a person
// accepted an omission; kept as it is, align could not put lang's
// sentences into it (a kept group is fixed), and every sentence of the new
// text came out in a group of its own, "no English counterpart".
//
// lang is aligned with the pivot alone, over the whole text, and the
// sentences paired with a group's pivot sentences go into that group. The
// group is then no longer confirmed, since nobody has read its new
// sentences: it is flagged and kept as the person shaped it (Reshaped), so
// that align keeps its other languages as they were checked, and marked
// detached, which show explains as a part of the document that changed
// with a new version of a text (nothing else makes a group both: a changed
// text that detaches a group ends its Reshaped mark). A group that gets
// nothing (the new version left its sentence out) is flagged and detached
// too, and show adds the omission. A kept group
// without a pivot sentence (an addition a person accepted) stays as it is.
// The sentences of lang that no group takes are aligned by Realign between
// the kept groups, as any text there. It returns how many confirmed groups
// it took back.
func placeNewLanguage(old *document.Alignment, pivot, lang string, texts map[string]string, cut document.Cutter, lx learned) int {
	if old == nil || slices.Contains(old.Languages, lang) || texts[lang] == "" {
		return 0
	}
	var held []*document.Group
	for _, g := range old.Groups {
		if (g.Status == document.Confirmed || g.Reshaped) && len(g.Sents[pivot]) > 0 && len(g.Sents[lang]) == 0 {
			held = append(held, g)
		}
	}
	if len(held) == 0 {
		return 0
	}
	src := cut(pivot, texts[pivot], 0)
	tgt := cut(lang, texts[lang], 0)
	at := map[int]int{} // start of a pivot sentence -> its index in src
	for i, p := range src {
		at[p.Start] = i
	}
	opt := align.Options{SrcLang: pivot, TgtLang: lang, Terms: lx.terms, Lexicon: lx.lexicon(pivot, lang), Lengths: lx.Lengths, NoRealign: lx.off}
	of := make([][]int, len(src)) // the sentences of lang paired with each pivot sentence
	for _, b := range align.Pair(sentences(src), sentences(tgt), opt) {
		if len(b.Src) > 0 {
			of[b.Src[0]] = b.Tgt
		}
	}
	took, next := 0, 0 // next: the first sentence of lang no group has taken
	for _, g := range held {
		var got []document.Sentence
		for _, s := range g.Sents[pivot] {
			i, ok := at[s.Start]
			if !ok {
				continue // cut otherwise since: left to the person
			}
			for _, k := range of[i] {
				if k >= next {
					got = append(got, tgt[k].Sentence)
					next = k + 1
				}
			}
		}
		if g.Status == document.Confirmed {
			took++
		}
		g.Sents[lang] = got
		g.Status, g.Reshaped, g.Detached, g.ConfirmedAt = document.Flagged, true, true, time.Time{}
	}
	return took
}

// reopenOmissions takes back, for a language lang the alignment has, the
// confirmation of the groups a person confirmed without lang (an omission
// accepted) that stand where lang's text now has sentences in no group:
// the desk sent the missing translation late, in a corrected version.
// Kept as they are, align could not put those sentences into them (a kept
// group is fixed), and they came out in groups of their own beside the
// source they translate, "no English counterpart". Such a group, confirmed
// or reshaped, with pivot sentences, between the groups with lang that
// surround the new sentences, is flagged and marked detached (a part of
// the document that changed with a new version of a text), so that
// Realign aligns it again with them. It returns the numbers (1-based, in
// old) of the confirmed groups it took back.
func reopenOmissions(old *document.Alignment, pivot, lang string, texts map[string]string, cut document.Cutter) []int {
	if old == nil || !slices.Contains(old.Languages, lang) {
		return nil
	}
	text := texts[lang]
	var took []int
	prev, at := -1, 0 // the last group with lang, and where its sentences end
	for i, g := range old.Groups {
		ss := g.Sents[lang]
		if len(ss) == 0 {
			continue
		}
		took = reopenBetween(old, pivot, lang, prev+1, i, text, at, ss[0].Start, cut, took)
		prev, at = i, ss[len(ss)-1].End
	}
	return reopenBetween(old, pivot, lang, prev+1, len(old.Groups), text, at, len(text), cut, took)
}

// reopenBetween is reopenOmissions for the groups first to last
// (exclusive) and the text of lang between from and end, which no group
// has, adding to took the confirmed groups it takes back.
func reopenBetween(a *document.Alignment, pivot, lang string, first, last int, text string, from, end int, cut document.Cutter, took []int) []int {
	if end <= from || strings.TrimSpace(text[from:end]) == "" || len(cut(lang, text[from:end], from)) == 0 {
		return took
	}
	for i, g := range a.Groups[first:last] {
		if !(g.Status == document.Confirmed || g.Reshaped) || len(g.Sents[pivot]) == 0 || len(g.Sents[lang]) > 0 {
			continue
		}
		if g.Status == document.Confirmed && !slices.Contains(took, first+i+1) {
			took = append(took, first+i+1)
		}
		g.Status, g.Reshaped, g.Detached, g.ConfirmedAt = document.Flagged, false, true, time.Time{}
	}
	return took
}
