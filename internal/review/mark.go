package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
)

// MarkKind says what a Mark highlights.
type MarkKind string

// The kinds of mark. Term is a glossary term used as the glossary wants;
// the others are findings of the glossary check.
const (
	Term      MarkKind = "term"
	Missing   MarkKind = "missing"   // the term of an entry is absent from this language
	Forbidden MarkKind = "forbidden" // a forbidden form is used
	Homoglyph MarkKind = "homoglyph" // a word mixes Latin and Cyrillic letters
)

// Finding reports whether the mark is a problem rather than a highlight.
func (k MarkKind) Finding() bool { return k != Term }

// Mark is a highlight in a group's text in one language. Start and End are
// byte offsets into [document.Group.Text] of that language (its sentences
// joined by single spaces); both are -1 for a mark with no place in the
// text, such as a missing term.
type Mark struct {
	Group      int // 1-based
	Lang       string
	Kind       MarkKind
	Start, End int
	Text       string // the marked text
	Entry      string // the glossary entry id
	Expected   string // the form the glossary wants, when known
	// Message and Data, when set, are the catalogue id and values of the
	// sentence that describes a finding (the glossary check's own).
	Message string
	Data    map[string]any
	// Error says the finding is of severity error: it holds back export
	// and publish (a glossary finding, or a numbers error …).
	Error bool
}

// Placed reports whether the mark has a span in the text.
func (m Mark) Placed() bool { return m.Start >= 0 && m.End > m.Start }

// Marker finds the marks of groups of an alignment. groups lists 1-based
// group numbers; nil means every group. The review commands work without
// one (no highlighting, no re-check) when the workspace has no glossary.
type Marker interface {
	Marks(doc string, a *document.Alignment, groups []int) ([]Mark, error)
}

// MarkerFunc adapts a function to Marker.
type MarkerFunc func(doc string, a *document.Alignment, groups []int) ([]Mark, error)

// Marks implements Marker.
func (f MarkerFunc) Marks(doc string, a *document.Alignment, groups []int) ([]Mark, error) {
	return f(doc, a, groups)
}

// Findings returns the marks that are findings.
func Findings(marks []Mark) []Mark {
	var out []Mark
	for _, m := range marks {
		if m.Kind.Finding() {
			out = append(out, m)
		}
	}
	return out
}

// key identifies a finding across an edit, which renumbers groups and moves
// offsets: the same problem is the same kind of the same entry on the same
// words in the same language.
func (m Mark) key() string {
	return fmt.Sprintf("%s\x00%s\x00%s\x00%s", m.Lang, m.Kind, m.Entry, m.Text)
}

// DiffFindings compares the findings of the touched groups before and
// after an edit: resolved are those gone, added those that appeared. A
// finding that occurs twice before and once after counts once as resolved.
func DiffFindings(before, after []Mark) (resolved, added []Mark) {
	count := map[string]int{}
	for _, m := range Findings(after) {
		count[m.key()]++
	}
	for _, m := range Findings(before) {
		if count[m.key()] > 0 {
			count[m.key()]--
			continue
		}
		resolved = append(resolved, m)
	}
	count = map[string]int{}
	for _, m := range Findings(before) {
		count[m.key()]++
	}
	for _, m := range Findings(after) {
		if count[m.key()] > 0 {
			count[m.key()]--
			continue
		}
		added = append(added, m)
	}
	return resolved, added
}

// PlaceFinding turns a finding whose offsets are relative to segment (the
// text the checker looked at) into offsets of text, the group's joined
// text. The checker may have checked the whole group text, one sentence of
// it, or something else: the segment is looked for in text first, then
// the marked words themselves. It returns -1, -1 when neither is found.
func PlaceFinding(text, segment, marked string, start, end int) (int, int) {
	if start < 0 || end < start || end > len(segment) {
		return -1, -1
	}
	if segment == text {
		return start, end
	}
	if segment != "" {
		if i := strings.Index(text, segment); i >= 0 {
			return i + start, i + end
		}
	}
	if marked != "" {
		if i := strings.Index(text, marked); i >= 0 {
			return i, i + len(marked)
		}
	}
	return -1, -1
}

// SortMarks orders marks by group, language (in the order of langs, then
// by code) and start, so output is stable.
func SortMarks(ms []Mark, langs []string) {
	rank := func(l string) int {
		if i := slices.Index(langs, l); i >= 0 {
			return i
		}
		return len(langs)
	}
	slices.SortStableFunc(ms, func(a, b Mark) int {
		if a.Group != b.Group {
			return a.Group - b.Group
		}
		if c := rank(a.Lang) - rank(b.Lang); c != 0 {
			return c
		}
		if c := strings.Compare(a.Lang, b.Lang); c != 0 {
			return c
		}
		return a.Start - b.Start
	})
}
