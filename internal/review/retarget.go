package review

import (
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
)

// TargetEdit is what a translator brought back for one group, in a file a
// CAT tool edited (import-xliff): a new text, a status, a note. A nil field
// leaves that part of the group as it is.
type TargetEdit struct {
	Group int // 1-based
	// Sentences, when not nil, replace the group's sentences in the
	// target language: cut by the language's segmenter, each one clean
	// line (NFC, trimmed, no line break), at least one.
	Sentences []string
	// Confirm, when not nil, confirms the group (true) or takes its
	// confirmation back (false).
	Confirm *bool
	// Note, when not nil, is the group's note ("" removes it).
	Note *string
}

// Retarget applies the edits a translator made to the target language of a
// document in one step, so that one undo takes the whole import back.
//
// A group whose text changed gets the new sentences in place of its old
// ones in the stored text of Lang: sentence for sentence when their number
// is the same (every separator, a paragraph break included, is kept),
// else as one run from the first old sentence to the last, joined by
// spaces but for the group's paragraph and line breaks, which are kept
// between the new sentences that match them best (see joins). A group that had no sentence in Lang gets its new ones after the
// previous group's last sentence in Lang (before the next one's when none
// comes before), separated as the groups' sentences are in the From
// language: a paragraph break there is one here. Every later span of Lang
// moves with the text.
//
// Status: Confirm true confirms; false takes a confirmation back (the group
// settles, as after any edit: aligned, or flagged with a gap). With
// Confirm nil a confirmed group whose text changed stays confirmed (as a
// typo fix does); any other group whose text changed settles, since a
// person has just written it.
type Retarget struct {
	Lang  string
	From  string // the source language of the edits, for separators
	File  string // the file the edits came from, for the journal
	Edits []TargetEdit
}

// Apply implements Op.
func (r Retarget) Apply(a *document.Alignment, texts map[string]string) (*Change, error) {
	if err := checkLang(a, r.Lang); err != nil {
		return nil, err
	}
	text, ok := texts[r.Lang]
	if !ok {
		return nil, BadLanguage(r.Lang, keys(texts))
	}
	edits := map[int]TargetEdit{}
	for _, e := range r.Edits {
		if _, err := group(a, e.Group); err != nil {
			return nil, err
		}
		edits[e.Group] = e
	}
	c := &Change{Message: "review.done.import-xliff", Data: map[string]any{"File": r.File, "Lang": r.Lang}}
	var b strings.Builder
	b.Grow(len(text) + 64)
	prev := 0     // text[:prev] is copied, or replaced, into b
	lastEnd := -1 // the end of the last Lang sentence passed, in the old text
	changed := false
	var settleGroups []int
	for i, g := range a.Groups {
		n := i + 1
		e, ok := edits[n]
		sents := g.Sents[r.Lang]
		if !ok || e.Sentences == nil {
			delta := b.Len() - prev
			for k := range sents {
				sents[k].Start += delta
				sents[k].End += delta
			}
			if len(sents) > 0 {
				lastEnd = sents[len(sents)-1].End - delta
			}
			continue
		}
		changed = true
		c.Sentences = true
		var out []document.Sentence
		put := func(s string) {
			out = append(out, document.Sentence{Start: b.Len(), End: b.Len() + len(s), Text: s})
			b.WriteString(s)
		}
		news := e.Sentences
		if len(sents) > 0 {
			// A heading keeps its Markdown marker when the file's text
			// does not carry it (exports may leave it out).
			if m := headingMarker(sents[0].Text); m != "" && headingMarker(news[0]) == "" {
				news = append([]string{m + news[0]}, news[1:]...)
			}
		}
		switch {
		case len(sents) == len(news):
			for k, s := range sents {
				b.WriteString(text[prev:s.Start])
				put(news[k])
				prev = s.End
			}
			lastEnd = sents[len(sents)-1].End
		case len(sents) > 0:
			b.WriteString(text[prev:sents[0].Start])
			seps := joins(text, sents, news)
			for k, s := range news {
				b.WriteString(seps[k])
				put(s)
			}
			prev = sents[len(sents)-1].End
			lastEnd = prev
		case lastEnd >= 0:
			b.WriteString(text[prev:lastEnd])
			prev = lastEnd
			b.WriteString(r.separator(a, texts, i-1, i))
			for k, s := range e.Sentences {
				if k > 0 {
					b.WriteString(" ")
				}
				put(s)
			}
		default:
			at, next := len(strings.TrimRight(text, " \t\r\n")), -1
			for j := i + 1; j < len(a.Groups); j++ {
				if ss := a.Groups[j].Sents[r.Lang]; len(ss) > 0 {
					at, next = ss[0].Start, j
					break
				}
			}
			b.WriteString(text[prev:at])
			prev = at
			if next < 0 && at > 0 {
				b.WriteString("\n\n")
			}
			for k, s := range e.Sentences {
				if k > 0 {
					b.WriteString(" ")
				}
				put(s)
			}
			if next >= 0 {
				b.WriteString(r.separator(a, texts, i, next))
			} else if at == len(text) || text[at:] == "" {
				b.WriteString("\n")
			}
		}
		g.Sents[r.Lang] = out
	}
	b.WriteString(text[prev:])
	for i, g := range a.Groups {
		n := i + 1
		e, ok := edits[n]
		if !ok {
			continue
		}
		touched := false
		if e.Sentences != nil {
			touched = true
		}
		if e.Note != nil && *e.Note != g.Note {
			g.Note = *e.Note
			touched = true
		}
		switch {
		case e.Confirm != nil && *e.Confirm:
			if g.Status != document.Confirmed {
				g.Status, g.Detached, g.Reshaped, g.Was = document.Confirmed, false, false, nil
				touched = true
			}
		case e.Confirm != nil:
			if g.Status == document.Confirmed {
				c.Unconfirmed = append(c.Unconfirmed, n)
				settleGroups = append(settleGroups, n)
				touched = true
			} else if e.Sentences != nil {
				settleGroups = append(settleGroups, n)
			}
		case e.Sentences != nil && g.Status != document.Confirmed:
			settleGroups = append(settleGroups, n)
		}
		if e.Sentences != nil && (e.Confirm != nil && !*e.Confirm || e.Confirm == nil && g.Status != document.Confirmed) {
			// The translator wrote this group's sentences: align keeps
			// them together (document.Realign), as a person's regrouping.
			g.Reshaped = true
		}
		if touched {
			c.Old = append(c.Old, n)
			c.Count++
		}
	}
	settle(a, c, settleGroups, false)
	c.New = slices.Clone(c.Old)
	c.Data["Count"] = c.Count
	if changed {
		newText := b.String()
		if a.Sources == nil {
			a.Sources = map[string]string{}
		}
		a.Sources[r.Lang] = document.Hash(newText)
		c.Texts = map[string]string{r.Lang: newText}
	}
	return c, nil
}

// joins returns what goes before each of the new sentences of a group
// whose old sentences in the text were sents (a different number): ""
// before the first, the old separators that hold a line break (a
// paragraph or line break inside the group) each before one new
// sentence, in order, and a space elsewhere. A CAT tool's target is one
// line, so the file does not say where the breaks go: a break goes before
// the new sentence that is the old sentence after it, else after the one
// that is the old sentence before it (so a sentence the translator added
// stays in the paragraph it follows), else where as much of the new text
// stands before it as of the old. With fewer new sentences than the
// group had paragraphs, the breaks left over are lost: the translator
// joined them.
func joins(text string, sents []document.Sentence, news []string) []string {
	out := make([]string, len(news))
	for j := 1; j < len(news); j++ {
		out[j] = " "
	}
	var breaks []int // k: a break between old sentences k and k+1
	for k := 0; k+1 < len(sents); k++ {
		if strings.Contains(text[sents[k].End:sents[k+1].Start], "\n") {
			breaks = append(breaks, k)
		}
	}
	if len(breaks) == 0 || len(news) < 2 {
		return out
	}
	oldTotal, newTotal := 0, 0
	for _, s := range sents {
		oldTotal += len(s.Text)
	}
	before := make([]int, len(news)+1) // bytes of the new sentences before j
	for j, s := range news {
		before[j+1] = before[j] + len(s)
	}
	newTotal = before[len(news)]
	same := func(a, b string) bool { return document.StripHeading(a) == document.StripHeading(b) }
	lo := 1
	for bi, k := range breaks {
		hi := len(news) - (len(breaks) - bi) // room for the breaks after this one
		if hi < lo {
			hi = len(news) - 1
		}
		if lo > hi {
			break // no new sentence left to break before
		}
		at := -1
		for j := lo; j <= hi && at < 0; j++ {
			if same(news[j], sents[k+1].Text) {
				at = j // the old sentence after the break opens the paragraph again
			}
		}
		for j := hi; j >= lo && at < 0; j-- {
			if same(news[j-1], sents[k].Text) {
				at = j // the old sentence before the break closes it again
			}
		}
		if at < 0 {
			oldBefore := 0
			for _, s := range sents[:k+1] {
				oldBefore += len(s.Text)
			}
			best := -1.0
			for j := lo; j <= hi; j++ {
				d := float64(before[j])/float64(max(newTotal, 1)) - float64(oldBefore)/float64(max(oldTotal, 1))
				if d < 0 {
					d = -d
				}
				if best < 0 || d < best {
					best, at = d, j
				}
			}
		}
		out[at] = text[sents[k].End:sents[k+1].Start]
		lo = at + 1
	}
	return out
}

// separator is what stands between groups i and j (i < j) in the From
// language, when it is only white space with a line break: a paragraph
// break, written as one blank line; anything else is one space.
func (r Retarget) separator(a *document.Alignment, texts map[string]string, i, j int) string {
	text := texts[r.From]
	var end, start = -1, -1
	for k := i; k >= 0 && end < 0; k-- {
		if ss := a.Groups[k].Sents[r.From]; len(ss) > 0 {
			end = ss[len(ss)-1].End
		}
	}
	for k := j; k < len(a.Groups) && start < 0; k++ {
		if ss := a.Groups[k].Sents[r.From]; len(ss) > 0 {
			start = ss[0].Start
		}
	}
	if end < 0 || start < end || start > len(text) {
		return " "
	}
	if gap := text[end:start]; strings.TrimSpace(gap) == "" && strings.Contains(gap, "\n") {
		return "\n\n"
	}
	return " "
}

// headingMarker returns the Markdown heading marks, with the blanks
// after them, that s opens with ("## "), or "".
func headingMarker(s string) string {
	_, k := document.Heading(s)
	return s[:k]
}
