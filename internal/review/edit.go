package review

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/document"
)

// Op is one edit of an alignment. Apply changes a in place; texts holds the
// stored text of each language and must not be modified (an op that
// rewrites a text returns the new one in [Change.Texts]). On error a may be
// half changed: callers apply ops to a copy.
type Op interface {
	Apply(a *document.Alignment, texts map[string]string) (*Change, error)
}

// Change is what an op did, for the journal, for the message a person reads
// and for re-checking the groups it touched.
type Change struct {
	// Message is the catalogue id of the sentence that says what was done,
	// and Data its values.
	Message string
	Data    map[string]any
	// Old lists the touched groups numbered as before the edit, New the
	// groups that hold their sentences afterwards (1-based, ascending).
	Old, New []int
	// Texts holds the new stored text of each language the edit rewrote.
	Texts map[string]string
	// Unconfirmed lists the groups (numbered after the edit) that were
	// confirmed and no longer are, because their sentences changed.
	Unconfirmed []int
	// Count is how many groups changed status, for SetStatus.
	Count int
}

func group(a *document.Alignment, n int) (*document.Group, error) {
	if n < 1 || n > len(a.Groups) {
		return nil, &NoGroupError{Group: n, Count: len(a.Groups)}
	}
	return a.Groups[n-1], nil
}

func checkLang(a *document.Alignment, lang string) error {
	if !slices.Contains(a.Languages, lang) {
		return &LanguageError{Lang: lang, Known: a.Languages}
	}
	return nil
}

// reshaped marks a group whose sentences a person changed: it becomes
// aligned. It reports whether the group had been confirmed.
func reshaped(g *document.Group) bool {
	was := g.Status == document.Confirmed
	g.Status = document.Aligned
	return was
}

func empty(g *document.Group) bool {
	for _, s := range g.Sents {
		if len(s) > 0 {
			return false
		}
	}
	return true
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "" || a == b:
		return a
	}
	return a + "; " + b
}

// Merge joins group Group with the group after it. The merged group keeps
// the sentences of both in order, the lower of the two scores and both
// notes, and becomes aligned.
type Merge struct{ Group int }

// Apply implements Op.
func (m Merge) Apply(a *document.Alignment, _ map[string]string) (*Change, error) {
	g, err := group(a, m.Group)
	if err != nil {
		return nil, err
	}
	if m.Group == len(a.Groups) {
		return nil, &EdgeError{Group: m.Group, Next: true}
	}
	next := a.Groups[m.Group]
	c := &Change{Message: "review.done.merge", Data: map[string]any{"Group": m.Group, "Next": m.Group + 1},
		Old: []int{m.Group, m.Group + 1}, New: []int{m.Group}}
	for _, l := range a.Languages {
		if s := append(g.Sents[l], next.Sents[l]...); len(s) > 0 {
			g.Sents[l] = s
		}
	}
	g.Score = math.Min(g.Score, next.Score)
	g.Note = joinNotes(g.Note, next.Note)
	was1, was2 := reshaped(g), next.Status == document.Confirmed
	if was1 || was2 {
		c.Unconfirmed = []int{m.Group}
	}
	a.Groups = slices.Delete(a.Groups, m.Group, m.Group+1)
	return c, nil
}

// Split cuts group Group in two. At gives, per language, the 1-based
// sentence that starts the second part: that sentence and the ones after it
// move to a new group right after Group. The sentences of languages not in
// At all stay in the first part. Both parts keep the score, the first keeps
// the note, and both become aligned.
type Split struct {
	Group int
	At    map[string]int
}

// Apply implements Op.
func (s Split) Apply(a *document.Alignment, _ map[string]string) (*Change, error) {
	g, err := group(a, s.Group)
	if err != nil {
		return nil, err
	}
	second := &document.Group{Status: document.Aligned, Score: g.Score, Sents: map[string][]document.Sentence{}}
	var at []string
	for _, l := range sortedKeys(s.At, a.Languages) {
		if err := checkLang(a, l); err != nil {
			return nil, err
		}
		k, sents := s.At[l], g.Sents[l]
		if k < 1 || k > len(sents) {
			return nil, &NoSentenceError{Group: s.Group, Lang: l, Sentence: k, Sentences: len(sents)}
		}
		second.Sents[l] = slices.Clone(sents[k-1:])
		if k == 1 {
			delete(g.Sents, l)
		} else {
			g.Sents[l] = sents[:k-1]
		}
		at = append(at, l+":"+itoa(k))
	}
	if len(at) == 0 || empty(g) || empty(second) {
		return nil, &SplitError{Group: s.Group}
	}
	c := &Change{Message: "review.done.split", Data: map[string]any{"Group": s.Group, "Next": s.Group + 1, "At": strings.Join(at, " ")},
		Old: []int{s.Group}, New: []int{s.Group, s.Group + 1}}
	if reshaped(g) {
		c.Unconfirmed = []int{s.Group, s.Group + 1}
	}
	a.Groups = slices.Insert(a.Groups, s.Group, second)
	return c, nil
}

// sortedKeys returns the keys of m in the order of langs, then any others
// in byte order, so that errors and messages do not depend on map order.
func sortedKeys(m map[string]int, langs []string) []string {
	var out []string
	for _, l := range langs {
		if _, ok := m[l]; ok {
			out = append(out, l)
		}
	}
	var rest []string
	for l := range m {
		if !slices.Contains(langs, l) {
			rest = append(rest, l)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// Which picks a sentence of a group for Move.
type Which int

// The sentences Move can take. Only these two keep document order: the
// first sentence can join the end of the previous group, the last the start
// of the next.
const (
	Auto  Which = iota // the first when moving to the previous group, the last when moving to the next
	First              // the first sentence
	Last               // the last sentence
)

// Move moves one Lang sentence of group Group to a neighbour: the first to
// the end of the previous group (Next false) or the last to the start of
// the next group (Next true). Both groups become aligned. A group left with
// no sentence in any language is removed, and its note joins the
// neighbour's.
type Move struct {
	Group    int
	Lang     string
	Next     bool
	Sentence Which
}

// Apply implements Op.
func (m Move) Apply(a *document.Alignment, _ map[string]string) (*Change, error) {
	g, err := group(a, m.Group)
	if err != nil {
		return nil, err
	}
	if err := checkLang(a, m.Lang); err != nil {
		return nil, err
	}
	sents := g.Sents[m.Lang]
	if len(sents) == 0 {
		return nil, &NoSentenceError{Group: m.Group, Lang: m.Lang, Sentence: 1}
	}
	if len(sents) > 1 && (m.Next && m.Sentence == First || !m.Next && m.Sentence == Last) {
		return nil, &MoveOrderError{Group: m.Group, Lang: m.Lang, Next: m.Next}
	}
	to := m.Group - 1
	if m.Next {
		to = m.Group + 1
	}
	if to < 1 || to > len(a.Groups) {
		return nil, &EdgeError{Group: m.Group, Next: m.Next}
	}
	t := a.Groups[to-1]
	var moved document.Sentence
	if m.Next {
		moved, g.Sents[m.Lang] = sents[len(sents)-1], sents[:len(sents)-1]
		t.Sents[m.Lang] = append([]document.Sentence{moved}, t.Sents[m.Lang]...)
	} else {
		moved, g.Sents[m.Lang] = sents[0], sents[1:]
		t.Sents[m.Lang] = append(t.Sents[m.Lang], moved)
	}
	if len(g.Sents[m.Lang]) == 0 {
		delete(g.Sents, m.Lang)
	}
	c := &Change{Message: "review.done.move", Data: map[string]any{"Group": m.Group, "Lang": m.Lang, "To": to}}
	lo, hi := min(m.Group, to), max(m.Group, to)
	c.Old = []int{lo, hi}
	wasG, wasT := reshaped(g), reshaped(t)
	if empty(g) {
		t.Note = joinNotes(t.Note, g.Note)
		a.Groups = slices.Delete(a.Groups, m.Group-1, m.Group)
		c.Message = "review.done.move-removed"
		c.New = []int{lo}
		if wasG || wasT {
			c.Unconfirmed = []int{lo}
		}
		return c, nil
	}
	c.New = []int{lo, hi}
	if wasG {
		c.Unconfirmed = append(c.Unconfirmed, m.Group)
	}
	if wasT {
		c.Unconfirmed = append(c.Unconfirmed, to)
	}
	slices.Sort(c.Unconfirmed)
	return c, nil
}

// EditText replaces the text of one sentence, fixing a typo: the stored
// text of the language is rewritten, the sentence's span resized and every
// later span of that language shifted. The new text is put in NFC and
// trimmed; it must be one non-empty line. The group keeps its status.
type EditText struct {
	Group    int
	Lang     string
	Sentence int // 1-based, within the group's Lang sentences
	Text     string
}

// Apply implements Op.
func (e EditText) Apply(a *document.Alignment, texts map[string]string) (*Change, error) {
	g, err := group(a, e.Group)
	if err != nil {
		return nil, err
	}
	if err := checkLang(a, e.Lang); err != nil {
		return nil, err
	}
	sents := g.Sents[e.Lang]
	if e.Sentence < 1 || e.Sentence > len(sents) {
		return nil, &NoSentenceError{Group: e.Group, Lang: e.Lang, Sentence: e.Sentence, Sentences: len(sents)}
	}
	repl, err := cleanText(e.Text)
	if err != nil {
		return nil, err
	}
	text, ok := texts[e.Lang]
	if !ok {
		return nil, &LanguageError{Lang: e.Lang, Known: keys(texts)}
	}
	s := &sents[e.Sentence-1]
	start, end := s.Start, s.End
	delta := len(repl) - (end - start)
	for _, gr := range a.Groups {
		for i := range gr.Sents[e.Lang] {
			if t := &gr.Sents[e.Lang][i]; t.Start >= end && t != s {
				t.Start += delta
				t.End += delta
			}
		}
	}
	s.Text, s.End = repl, start+len(repl)
	newText := text[:start] + repl + text[end:]
	if a.Sources == nil {
		a.Sources = map[string]string{}
	}
	a.Sources[e.Lang] = document.Hash(newText)
	return &Change{Message: "review.done.edit", Data: map[string]any{"Group": e.Group, "Lang": e.Lang, "Sentence": e.Sentence},
		Old: []int{e.Group}, New: []int{e.Group}, Texts: map[string]string{e.Lang: newText}}, nil
}

// cleanText readies a replacement sentence for storage as import would:
// valid UTF-8 in NFC, and here also trimmed and on one line.
func cleanText(s string) (string, error) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.TrimSpace(norm.NFC.String(s))
	if s == "" {
		return "", &TextError{}
	}
	if strings.ContainsAny(s, "\n\r\u2028\u2029") {
		return "", &TextError{Text: s, Multiline: true}
	}
	if !utf8.ValidString(s) {
		return "", &TextError{Text: s}
	}
	return s, nil
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// SetStatus confirms the listed groups, or with Confirm false takes the
// confirmation back (they become aligned). Groups already in the wanted
// state are left alone; Change.Count says how many changed.
type SetStatus struct {
	Groups  []int
	Confirm bool
}

// Apply implements Op.
func (s SetStatus) Apply(a *document.Alignment, _ map[string]string) (*Change, error) {
	c := &Change{Message: "review.done.confirm", Old: s.Groups, New: s.Groups}
	if !s.Confirm {
		c.Message = "review.done.unconfirm"
	}
	for _, n := range s.Groups {
		g, err := group(a, n)
		if err != nil {
			return nil, err
		}
		switch {
		case s.Confirm && g.Status != document.Confirmed:
			g.Status = document.Confirmed
			c.Count++
		case !s.Confirm && g.Status == document.Confirmed:
			g.Status = document.Aligned
			c.Count++
		}
	}
	c.Data = map[string]any{"Count": c.Count, "Groups": FormatRange(s.Groups)}
	return c, nil
}

// SetNote sets the note of a group; an empty note removes it. The note is
// trimmed and its lines joined, since the side-by-side view shows it on one
// line.
type SetNote struct {
	Group int
	Note  string
}

// Apply implements Op.
func (s SetNote) Apply(a *document.Alignment, _ map[string]string) (*Change, error) {
	g, err := group(a, s.Group)
	if err != nil {
		return nil, err
	}
	g.Note = strings.Join(strings.Fields(norm.NFC.String(strings.ToValidUTF8(s.Note, "\uFFFD"))), " ")
	c := &Change{Message: "review.done.note", Data: map[string]any{"Group": s.Group, "Note": g.Note},
		Old: []int{s.Group}, New: []int{s.Group}}
	if g.Note == "" {
		c.Message = "review.done.note-cleared"
	}
	return c, nil
}
