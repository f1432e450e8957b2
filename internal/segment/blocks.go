package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind is what a line starts, judged by its first characters the way a
// Markdown reader would; plain text is mostly lineText and lineBlank.
type lineKind int

const (
	lineText lineKind = iota
	lineBlank
	lineHeading // "# Title"
	lineFence   // "```" or "~~~"
	lineRule    // "---", "***", "___"
	lineItem    // "- item", "* item", "1. item", "— реплика"
	lineQuote   // "> quote"
)

// classifyLine returns the kind of line and, for a fence, its marker.
func classifyLine(line string) (lineKind, string) {
	body := strings.TrimLeft(line, " \t")
	if isBlank(body) {
		return lineBlank, ""
	}
	indent := len(line) - len(body)
	if indent <= 3 {
		switch body[0] {
		case '#':
			n := 0
			for n < len(body) && body[n] == '#' {
				n++
			}
			if n <= 6 && (n == len(body) || body[n] == ' ' || body[n] == '\t') {
				return lineHeading, ""
			}
		case '`', '~':
			n := 0
			for n < len(body) && body[n] == body[0] {
				n++
			}
			if n >= 3 && (body[0] == '~' || !strings.ContainsRune(body[n:], '`')) {
				return lineFence, body[:n]
			}
		}
		if isThematicBreak(body) {
			return lineRule, ""
		}
	}
	if body[0] == '>' {
		return lineQuote, ""
	}
	if isItemMarker(body) {
		return lineItem, ""
	}
	return lineText, ""
}

// isBlank reports whether s holds only white space (any Unicode space).
func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// isFenceClose reports whether line closes a code block opened by fence.
func isFenceClose(line, fence string) bool {
	body := strings.TrimLeft(line, " \t")
	if len(line)-len(body) > 3 || !strings.HasPrefix(body, fence) {
		return false
	}
	return strings.TrimSpace(strings.TrimLeft(body, fence[:1])) == ""
}

// isThematicBreak reports whether s is three or more of the same -, * or _
// with nothing else but spaces.
func isThematicBreak(s string) bool {
	s = strings.TrimRight(s, " \t\r")
	if len(s) < 3 || !strings.ContainsRune("-*_", rune(s[0])) {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isItemMarker reports whether s starts with a list bullet, a list number
// ("1." "2)") or a dialogue dash, followed by a space.
func isItemMarker(s string) bool { return itemMarkerLen(s) > 0 }

// itemMarkerLen returns the length of the list marker at the start of s,
// without the space after it, or 0.
func itemMarkerLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '+', '•', '‣', '–', '—':
		if n < len(s) && (s[n] == ' ' || s[n] == '\t') {
			return n
		}
		return 0
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return i + 1
	}
	return 0
}

// wrapWidth returns the width (in runes) a hard-wrapped paragraph was
// wrapped at, or 0 when its lines do not look wrapped: to look wrapped,
// at least two lines before the last must come within 15% of the longest,
// and the longest must be a plausible editor width.
func wrapWidth(text string, lines []span) int {
	if len(lines) < 3 {
		return 0
	}
	w := 0
	for _, ln := range lines {
		w = max(w, utf8.RuneCountInString(text[ln.start:ln.end]))
	}
	if w > 100 {
		return 0
	}
	near := 0
	for _, ln := range lines[:len(lines)-1] {
		if utf8.RuneCountInString(text[ln.start:ln.end])*100 >= w*85 {
			near++
		}
	}
	if near < 2 {
		return 0
	}
	return w
}

// titleLine reports whether the line ln, followed by next in the same
// paragraph, is a title of its own: it lacks final punctuation, the next
// line starts like a sentence, it does not end with a word that leans on
// the next (a joiner such as "on", "в", "мен"), and, in a hard-wrapped
// paragraph, the next line's first word would have fitted on it.
func (c *cutter) titleLine(ln, next span, width int) bool {
	l := strings.TrimRightFunc(c.text[ln.start:ln.end], unicode.IsSpace)
	if l == "" || !endsOpen(l) {
		return false
	}
	if c.s.rules.joiners[lastWord(l)] {
		return false // "... passed the budget on" goes on
	}
	nx := strings.TrimLeftFunc(c.text[next.start:next.end], unicode.IsSpace)
	if !startsSentence(nx) {
		return false
	}
	if width == 0 {
		return true
	}
	word := nx
	if i := strings.IndexFunc(nx, unicode.IsSpace); i >= 0 {
		word = nx[:i]
	}
	return utf8.RuneCountInString(l)+1+utf8.RuneCountInString(word) <= width
}

// lastWord returns what follows the last white space of s.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// standaloneTitle reports whether the one-line paragraph text[start:end]
// reads as a headline, caption or dateline: short, starting like a sentence
// and without final punctuation.
func (c *cutter) standaloneTitle(start, end int) bool {
	t := strings.TrimSpace(c.text[start:end])
	return t != "" && endsOpen(t) && startsSentence(t) && utf8.RuneCountInString(t) <= maxTitleRunes
}

// maxTitleRunes is the longest line that can count as a title; longer
// lines without a final stop are prose that lost its period.
const maxTitleRunes = 200

// endsOpen reports whether s ends without sentence-final punctuation and
// without a sign that the sentence goes on (comma, colon, dash...).
func endsOpen(s string) bool {
	s = strings.TrimRightFunc(s, isCloser)
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return false
	}
	return !isStop(r) && !strings.ContainsRune(",;:-–—(/&+", r)
}

// startsSentence reports whether s begins like a sentence or title: an
// upper-case letter or a digit, possibly after opening quotes, brackets or a
// dash.
func startsSentence(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r):
			return true
		case isOpener(r) || unicode.IsSpace(r):
			continue
		default:
			return false
		}
	}
	return false
}

func isStop(r rune) bool { return r == '.' || r == '?' || r == '!' || r == '…' }

// isCloser reports closing quotes and brackets, which may follow a stop.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '»', '”', '’', '“', '›':
		return true
	}
	return unicode.In(r, unicode.Pe, unicode.Pf)
}

// isOpener reports opening quotes, brackets and dashes that may come before
// the first word of a sentence.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '«', '“', '„', '‘', '‹', '—', '–', '-', '*', '_':
		return true
	}
	return unicode.In(r, unicode.Ps, unicode.Pi)
}
