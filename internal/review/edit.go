package review

import (
	"maps"
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
	// Gaps lists the groups (numbered after the edit) that the edit left
	// unconfirmed without a sentence in some language: they are flagged,
	// as the aligner flags such groups, so that a person looks at them.
	Gaps []Gap
	// Omissions lists the groups SetStatus confirmed (they were not
	// confirmed before) that have no sentence in some language: confirming
	// accepts the omission, and that language's version leaves those
	// sentences out, so the commands say so.
	Omissions []Gap
	// Sentences says the edit changed which sentences the groups hold, or
	// their text: only then can a glossary re-check find something new.
	Sentences bool
	// Count is how many groups changed status, for SetStatus.
	Count int
	// Removed lists the groups (numbered before the edit) SetStatus
	// confirmed that had no sentence in any language, and took out of the
	// alignment.
	Removed []int
}

// Gap is a group with no sentence in some of the alignment's languages.
type Gap struct {
	Group int
	Langs []string
}

func group(a *document.Alignment, n int) (*document.Group, error) {
	if n < 1 || n > len(a.Groups) {
		return nil, NoGroup(n, len(a.Groups))
	}
	return a.Groups[n-1], nil
}

func checkLang(a *document.Alignment, lang string) error {
	if !slices.Contains(a.Languages, lang) {
		return BadLanguage(lang, a.Languages)
	}
	return nil
}

// settle gives the groups an edit reshaped or unconfirmed (numbered after
// the edit) their status: flagged when a language has no sentence in the
// group, as the aligner marks such a group, aligned otherwise. A low score
// alone does not flag them: a person has just looked at them. The flagged
// ones are listed in c.Gaps. A group detached by a changed text stays
// flagged whatever its shape, until a person confirms it. With reshaped
// (the edit regrouped their sentences) the groups are marked Reshaped, so
// that align keeps the shape a person gave them.
func settle(a *document.Alignment, c *Change, groups []int, reshaped bool) {
	for _, n := range groups {
		g := a.Groups[n-1]
		missing := missingLangs(a, g)
		g.Status = document.Aligned
		// A person gave it this shape: align keeps it (document.Realign).
		g.Reshaped = g.Reshaped || reshaped
		if len(missing) > 0 {
			g.Status = document.Flagged
			c.Gaps = append(c.Gaps, Gap{Group: n, Langs: missing})
		}
		if g.Detached {
			g.Status = document.Flagged
		}
	}
}

// Omitted returns the groups of c.Omissions and, in the order met, the
// languages they lack, for the one warning that lists them.
func (c *Change) Omitted() (groups []int, langs []string) {
	for _, g := range c.Omissions {
		groups = append(groups, g.Group)
		for _, l := range g.Langs {
			if !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
	}
	return groups, langs
}

// missingLangs lists the languages of a in which g has no sentence.
func missingLangs(a *document.Alignment, g *document.Group) []string {
	var missing []string
	for _, l := range a.Languages {
		if len(g.Sents[l]) == 0 {
			missing = append(missing, l)
		}
	}
	return missing
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

// Merge joins group Group with the group after it, or with every group up
// to Last when Last is past Group+1 (a run such as 6-8). The merged group
// keeps the sentences of all in order, the lowest of their scores and
// their notes, and becomes aligned (flagged if it still lacks a language).
type Merge struct{ Group, Last int }

// Apply implements Op.
func (m Merge) Apply(a *document.Alignment, _ map[string]string) (*Change, error) {
	g, err := group(a, m.Group)
	if err != nil {
		return nil, err
	}
	last := max(m.Last, m.Group+1)
	if m.Group == len(a.Groups) {
		return nil, Edge(m.Group, true)
	}
	if last > len(a.Groups) {
		return nil, NoGroup(last, len(a.Groups))
	}
	c := &Change{Message: "review.done.merge", Data: map[string]any{"Group": m.Group, "Next": m.Group + 1},
		New: []int{m.Group}, Sentences: true}
	if last > m.Group+1 {
		c.Message, c.Data = "review.done.merge-run", map[string]any{"Group": m.Group, "Last": last}
	}
	confirmed := g.Status == document.Confirmed
	for n := m.Group; n <= last; n++ {
		c.Old = append(c.Old, n)
	}
	for _, next := range a.Groups[m.Group:last] {
		for _, l := range a.Languages {
			if s := append(g.Sents[l], next.Sents[l]...); len(s) > 0 {
				g.Sents[l] = s
			}
		}
		g.Score = math.Min(g.Score, next.Score)
		g.Note = joinNotes(g.Note, next.Note)
		g.Detached = g.Detached || next.Detached
		g.AddWas(next.Was)
		confirmed = confirmed || next.Status == document.Confirmed
	}
	if confirmed {
		c.Unconfirmed = []int{m.Group}
	}
	a.Groups = slices.Delete(a.Groups, m.Group, last)
	settle(a, c, c.New, true)
	return c, nil
}

// Split cuts group Group in two. At gives, per language, the 1-based
// sentence that starts the second part: that sentence and the ones after it
// move to a new group right after Group. The sentences of languages not in
// At all stay in the first part. Both parts keep the group's score (the
// aligner's score of what they were made from) and the text it had before
// a new version (Was), the first keeps the note,
// and both become aligned, or flagged when the cut leaves a part without
// a language (--at en:1 moves all of English to the second part).
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
	second := &document.Group{Score: g.Score, Detached: g.Detached, Sents: map[string][]document.Sentence{}}
	// The text a changed group had before the new version is not known
	// sentence by sentence: both parts show it, so that each says what the
	// new version changed (AddWas keeps it once if they are merged again).
	second.AddWas(g.Was)
	var at []string
	for _, l := range sortedKeys(s.At, a.Languages) {
		if err := checkLang(a, l); err != nil {
			return nil, err
		}
		k, sents := s.At[l], g.Sents[l]
		if k < 1 || k > len(sents) {
			return nil, noSentence(s.Group, l, k, len(sents))
		}
		second.Sents[l] = slices.Clone(sents[k-1:])
		if k == 1 {
			delete(g.Sents, l)
		} else {
			g.Sents[l] = sents[:k-1]
		}
		at = append(at, l+":"+itoa(k))
	}
	if len(at) == 0 || g.Empty() || second.Empty() {
		return nil, splitEmpty(s.Group)
	}
	c := &Change{Message: "review.done.split", Data: map[string]any{"Group": s.Group, "Next": s.Group + 1, "At": strings.Join(at, " ")},
		Old: []int{s.Group}, New: []int{s.Group, s.Group + 1}, Sentences: true}
	if g.Status == document.Confirmed {
		c.Unconfirmed = []int{s.Group, s.Group + 1}
	}
	a.Groups = slices.Insert(a.Groups, s.Group, second)
	settle(a, c, c.New, true)
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

// Move moves one Lang sentence of group Group to a neighbour: the first to
// the end of the previous group (Next false) or the last to the start of
// the next group (Next true); no other sentence can move without breaking
// document order. Both groups become aligned (flagged when one is left
// without a language), and the group that receives the sentence takes the
// lower of the two scores, as a merge does. A group left with no sentence
// in any language is removed, and its note joins the neighbour's.
type Move struct {
	Group int
	Lang  string
	Next  bool
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
		return nil, nothingToMove(m.Group, m.Lang)
	}
	to := m.Group - 1
	if m.Next {
		to = m.Group + 1
	}
	if to < 1 || to > len(a.Groups) {
		return nil, Edge(m.Group, m.Next)
	}
	t := a.Groups[to-1]
	var moved document.Sentence
	c := &Change{Data: map[string]any{"Group": m.Group, "Lang": m.Lang, "To": to}, Sentences: true}
	if m.Next {
		moved, g.Sents[m.Lang] = sents[len(sents)-1], sents[:len(sents)-1]
		t.Sents[m.Lang] = append([]document.Sentence{moved}, t.Sents[m.Lang]...)
		c.Message = "review.done.move-next"
	} else {
		moved, g.Sents[m.Lang] = sents[0], sents[1:]
		t.Sents[m.Lang] = append(t.Sents[m.Lang], moved)
		c.Message = "review.done.move-prev"
	}
	if len(g.Sents[m.Lang]) == 0 {
		delete(g.Sents, m.Lang)
	}
	t.Score = math.Min(t.Score, g.Score)
	lo, hi := min(m.Group, to), max(m.Group, to)
	c.Old = []int{lo, hi}
	wasG, wasT := g.Status == document.Confirmed, t.Status == document.Confirmed
	if g.Empty() {
		t.Note = joinNotes(t.Note, g.Note)
		a.Groups = slices.Delete(a.Groups, m.Group-1, m.Group)
		c.Message = "review.done.move-removed"
		c.New = []int{lo}
		if wasG || wasT {
			c.Unconfirmed = []int{lo}
		}
		settle(a, c, c.New, true)
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
	settle(a, c, c.New, true)
	return c, nil
}

// EditText replaces the text of one sentence, fixing a typo: the stored
// text of the language is rewritten, the sentence's span resized and every
// later span of that language shifted. The new text is put in NFC and
// trimmed; it must be one non-empty line. A sentence of a hard-wrapped
// paragraph spans lines in the stored text: a person sees and types it on
// one line ([OneLine]), and its line breaks in the stretches before and
// after what changed are put back (see keepBreaks), so that a typo fixed
// does not reflow the file. The group keeps its status, a
// confirmation included: fixing a typo does not change what the group
// pairs, and the glossary re-check reports what the new text changes.
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
	if len(sents) == 0 {
		return nil, noSentenceToEdit(e.Group, e.Lang, e.Sentence)
	}
	if e.Sentence < 1 || e.Sentence > len(sents) {
		return nil, noSentence(e.Group, e.Lang, e.Sentence, len(sents))
	}
	repl, err := cleanText(e.Text)
	if err != nil {
		return nil, err
	}
	text, ok := texts[e.Lang]
	if !ok {
		return nil, BadLanguage(e.Lang, keys(texts))
	}
	s := &sents[e.Sentence-1]
	// A heading keeps its Markdown marker when the new text does not
	// carry one: show prints "# ", but a person correcting the heading
	// types its words, and it would become a paragraph of the article
	// without a word (import-xliff keeps it the same way).
	if m := headingMarker(s.Text); m != "" && headingMarker(repl) == "" {
		repl = m + repl
	}
	repl = keepBreaks(s.Text, repl)
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
		Old: []int{e.Group}, New: []int{e.Group}, Texts: map[string]string{e.Lang: newText}, Sentences: true}, nil
}

// EditTexts corrects several sentences as one step, which undo takes
// back at once: review's e key, where a person corrects a group's
// sentences in an editor. Each is applied as its [EditText] is, in
// order, the later ones on the texts the earlier ones made. One edit is
// that edit, with its message.
type EditTexts []EditText

// Apply implements Op.
func (es EditTexts) Apply(a *document.Alignment, texts map[string]string) (*Change, error) {
	if len(es) == 1 {
		return es[0].Apply(a, texts)
	}
	cur := maps.Clone(texts)
	out := map[string]string{}
	var groups []int
	for _, e := range es {
		c, err := e.Apply(a, cur)
		if err != nil {
			return nil, err
		}
		for l, t := range c.Texts {
			cur[l], out[l] = t, t
		}
		if !slices.Contains(groups, e.Group) {
			groups = append(groups, e.Group)
		}
	}
	slices.Sort(groups)
	msg := "review.done.edits"
	if len(groups) > 1 {
		msg = "review.done.edits-groups" // of groups 2-4, not of group 2-4
	}
	return &Change{Message: msg, Data: map[string]any{"Count": len(es), "Groups": FormatRange(groups)},
		Old: groups, New: groups, Texts: out, Sentences: true}, nil
}

// cleanText readies a replacement sentence for storage as import would:
// valid UTF-8 in NFC, and here also trimmed and on one line.
func cleanText(s string) (string, error) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.TrimSpace(norm.NFC.String(s))
	if s == "" {
		return "", badText("", false)
	}
	if strings.ContainsAny(s, "\n\r\u2028\u2029") {
		return "", badText(s, true)
	}
	// The control characters import refuses (docformat.Controls): no
	// sentence holds one, and it would be stored and exported as it is.
	for i, r := range []rune(s) {
		if r < 0x20 && r != '\t' {
			return "", controlText(r, i+1)
		}
	}
	if !utf8.ValidString(s) {
		return "", badText(s, false)
	}
	return s, nil
}

// OneLine is a sentence as a person reads and types it on one line: every
// run of white space holding a line break (a hard-wrapped paragraph's
// sentence spans lines) becomes one space. Other text is left as it is.
func OneLine(text string) string {
	flat, _ := breaks(text)
	return flat
}

// lineBreak is one run of white space with a line break in a sentence:
// sep is the run, at the offset of the space that stands for it in the
// sentence's [OneLine] form.
type lineBreak struct {
	at  int
	sep string
}

// breaks returns OneLine(text) and the line breaks it replaced.
func breaks(text string) (string, []lineBreak) {
	if !strings.ContainsAny(text, "\n\r") {
		return text, nil
	}
	var b strings.Builder
	var out []lineBreak
	for i := 0; i < len(text); {
		if !isSpace(text[i]) {
			b.WriteByte(text[i])
			i++
			continue
		}
		j := i
		for j < len(text) && isSpace(text[j]) {
			j++
		}
		if run := text[i:j]; strings.ContainsAny(run, "\n\r") {
			out = append(out, lineBreak{at: b.Len(), sep: run})
			b.WriteByte(' ')
		} else {
			b.WriteString(run)
		}
		i = j
	}
	return b.String(), out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// keepBreaks puts the line breaks of old, a sentence that spans lines,
// back into repl, its replacement typed on one line: those in the start
// and the end repl shares with old's [OneLine] form, where the same words
// stand around them. The ones inside the stretch that changed become the
// space repl has there; typing old's one-line form back changes nothing.
func keepBreaks(old, repl string) string {
	flat, bs := breaks(old)
	if len(bs) == 0 {
		return repl
	}
	// The common start and end, in whole characters, not overlapping.
	p := 0
	for p < len(flat) && p < len(repl) && flat[p] == repl[p] {
		p++
	}
	for p > 0 && p < len(flat) && !utf8.RuneStart(flat[p]) {
		p--
	}
	q := 0
	for q < len(flat)-p && q < len(repl)-p && flat[len(flat)-1-q] == repl[len(repl)-1-q] {
		q++
	}
	for q > 0 && !utf8.RuneStart(flat[len(flat)-q]) {
		q--
	}
	shift := len(repl) - len(flat)
	var b strings.Builder
	last := 0
	for _, br := range bs {
		at := -1
		switch {
		case br.at < p:
			at = br.at
		case br.at >= len(flat)-q:
			at = br.at + shift
		}
		if at < 0 || repl[at] != ' ' {
			continue
		}
		b.WriteString(repl[last:at])
		b.WriteString(br.sep)
		last = at + 1
	}
	b.WriteString(repl[last:])
	return b.String()
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
// confirmation back: they become aligned, or flagged when a language has no
// sentence in them, whatever status they had before they were confirmed
// (the alignment does not keep it; re-aligning them scores and flags them
// anew). Groups already in the wanted state are left alone; Change.Count
// says how many changed. A group confirmed here that has no sentence in
// any language (a paragraph a new version dropped: see document.Realign)
// leaves the alignment: confirming accepts that its text is gone, and an
// empty group would stay in every view and export for nothing. Change.Removed
// lists those groups, numbered as before, and Change.New the others,
// numbered after.
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
	var unconfirmed []int
	for _, n := range s.Groups {
		g, err := group(a, n)
		if err != nil {
			return nil, err
		}
		switch {
		case s.Confirm && g.Status != document.Confirmed:
			// A person's confirmation ends a detached group's flag too
			// (the file never marks a confirmed group detached).
			g.Status, g.Detached, g.Reshaped, g.Was = document.Confirmed, false, false, nil
			c.Count++
			if g.Empty() {
				c.Removed = append(c.Removed, n)
				continue
			}
			if missing := missingLangs(a, g); len(missing) > 0 {
				c.Omissions = append(c.Omissions, Gap{Group: n, Langs: missing})
			}
		case !s.Confirm && g.Status == document.Confirmed:
			unconfirmed = append(unconfirmed, n)
			c.Count++
		}
	}
	settle(a, c, unconfirmed, false)
	if len(c.Removed) > 0 {
		slices.Sort(c.Removed)
		for i := len(c.Removed) - 1; i >= 0; i-- {
			a.Groups = slices.Delete(a.Groups, c.Removed[i]-1, c.Removed[i])
		}
		c.New = nil
		for _, n := range s.Groups {
			if slices.Contains(c.Removed, n) {
				continue
			}
			before, _ := slices.BinarySearch(c.Removed, n)
			if k := n - before; !slices.Contains(c.New, k) {
				c.New = append(c.New, k)
			}
		}
		for i := range c.Omissions {
			before, _ := slices.BinarySearch(c.Removed, c.Omissions[i].Group)
			c.Omissions[i].Group -= before
		}
	}
	// All: every group named changed, so the step reads "confirmed group
	// 3" rather than "confirmed 1 group in 3"; steps journaled before All
	// read as the part of a range.
	named := map[int]bool{}
	for _, n := range s.Groups {
		named[n] = true
	}
	c.Data = map[string]any{"Count": c.Count, "Groups": FormatRange(s.Groups), "All": c.Count == len(named)}
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
