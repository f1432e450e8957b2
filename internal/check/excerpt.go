package check

import (
	"strings"
	"unicode/utf8"
)

// ExcerptWidth is how many characters of context an excerpt of a finding
// shows on each side of it, in the text report and the HTML report.
const ExcerptWidth = 60

// Excerpt is a text cut around a span: at most ExcerptWidth characters
// on each side, at a space when one is near the cut. CutBefore and
// CutAfter say that text was left out there (a report shows "…").
type Excerpt struct {
	Before, Span, After string
	CutBefore, CutAfter bool
}

// CutExcerpt cuts text around [start, end). A range that is not in text
// (start < 0, say) gives the whole text in Before, nothing cut. A byte
// that is not UTF-8 in a cut side comes back as U+FFFD, as a []rune cut
// writes it.
func CutExcerpt(text string, start, end int) Excerpt {
	if start < 0 || end > len(text) || start > end {
		return Excerpt{Before: text}
	}
	e := Excerpt{Before: text[:start], Span: text[start:end], After: text[end:]}
	if utf8.RuneCountInString(e.Before) > ExcerptWidth {
		e.Before = lastRunes(e.Before, ExcerptWidth)
		if i := strings.IndexByte(e.Before, ' '); i >= 0 && i < len(e.Before)/2 {
			e.Before = e.Before[i+1:]
		}
		e.CutBefore = true
	}
	if utf8.RuneCountInString(e.After) > ExcerptWidth {
		e.After = firstRunes(e.After, ExcerptWidth)
		if i := strings.LastIndexByte(e.After, ' '); i > len(e.After)/2 {
			e.After = e.After[:i]
		}
		e.CutAfter = true
	}
	return e
}

// CorrespondingAt is the byte offset of text that corresponds, in
// proportion, to offset start of other (the same unit in another
// language), at the start of a character: where a report shows the
// translation of a whole text around a finding in its source, or the
// other way round.
func CorrespondingAt(text, other string, start int) int {
	at := 0
	if n := len(other); n > 0 && start > 0 {
		at = len(text) * start / n
	}
	for at > 0 && at < len(text) && !utf8.RuneStart(text[at]) {
		at--
	}
	return min(at, len(text))
}

// firstRunes returns the first n characters of s, which has more than n:
// string([]rune(s)[:n]), which writes a byte that is not UTF-8 as U+FFFD,
// without the copies when s is UTF-8.
func firstRunes(s string, n int) string {
	if !utf8.ValidString(s) {
		return string([]rune(s)[:n])
	}
	i := 0
	for ; n > 0; n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// lastRunes returns the last n characters of s, which has more than n,
// as firstRunes does the first.
func lastRunes(s string, n int) string {
	if !utf8.ValidString(s) {
		r := []rune(s)
		return string(r[len(r)-n:])
	}
	i := len(s)
	for ; n > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
