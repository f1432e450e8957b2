// Package xmlx is tilmash's one place for XML: writing it (escaping, the
// [Writer]) and reading it (the [Decoder] scaffold every XML reader builds
// on: TMX, TBX, SRX).
//
// # Writing
//
// encoding/xml's EscapeText is close, but it writes every newline as
// "&#xA;", which makes exported segments unreadable in a text editor, and it
// gives no count of the characters it had to replace. Exports need both:
// readable files, and an honest report when a segment held characters that
// XML 1.0 cannot carry at all (U+0000–U+001F other than tab, LF and CR,
// U+FFFE, U+FFFF, and invalid UTF-8). Those are replaced by U+FFFD, so the
// place where something was lost stays visible.
package xmlx

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
)

// Replacement is what an invalid character becomes.
const Replacement = '\uFFFD'

// Valid reports whether r may appear in an XML 1.0 document.
func Valid(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	case r > utf8.MaxRune:
		return false
	}
	return true
}

// Invalid counts the characters of s that XML 1.0 cannot carry (including
// each byte of invalid UTF-8).
func Invalid(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || !Valid(r) {
			n++
		}
		i += size
	}
	return n
}

// Clean replaces the characters XML 1.0 cannot carry with U+FFFD and
// returns the result and how many were replaced. Plain-text formats (CSV,
// JSON) use it too, so every format shows the same text.
func Clean(s string) (string, int) {
	if Invalid(s) == 0 {
		return s, 0
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || !Valid(r) {
			r = Replacement
			n++
		}
		b.WriteRune(r)
		i += size
	}
	return b.String(), n
}

// Text escapes s for element content: & < > are written as entities (">"
// too, so that "]]>" can never appear), CR as a character reference so that
// a parser's line-end normalisation does not eat it, and invalid characters
// are replaced. Newlines and tabs are written as they are.
func Text(s string) string {
	return escape(s, false)
}

// Attr escapes s for an attribute value in double or single quotes:
// everything Text escapes, both quote characters, and tab, LF and CR as
// character references, since a parser turns literal ones into spaces.
func Attr(s string) string {
	return escape(s, true)
}

// entity is what escape writes for r when it does not write r as it is:
// & < > and CR in text, and also " ' TAB and LF in an attribute value.
func entity(r rune, attr bool) string {
	switch r {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '\r':
		return "&#13;"
	}
	if !attr {
		return ""
	}
	switch r {
	case '"':
		return "&quot;"
	case '\'':
		return "&#39;"
	case '\t':
		return "&#9;"
	case '\n':
		return "&#10;"
	}
	return ""
}

func escape(s string, attr bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1 || !Valid(r):
			b.WriteRune(Replacement)
		case r > '>': // every character escaped is '>' or below
			b.WriteRune(r)
		default:
			if e := entity(r, attr); e != "" {
				b.WriteString(e)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// Writer writes XML markup and escaped text to a buffered stream. It keeps
// the first error and ignores later writes, so a writer function reads
// straight through and checks once, at Flush. It counts the characters
// XML cannot carry that it replaced by U+FFFD ([Writer.Replaced]), so the
// caller can warn.
type Writer struct {
	w        *bufio.Writer
	err      error
	replaced int
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Raw writes markup as it is.
func (x *Writer) Raw(ss ...string) {
	for _, s := range ss {
		if x.err == nil {
			_, x.err = x.w.WriteString(s)
		}
	}
}

// Attr writes ` name="value"` with value escaped.
func (x *Writer) Attr(name, val string) {
	x.replaced += Invalid(val)
	x.Raw(" ", name, `="`, Attr(val), `"`)
}

// Text writes escaped element content.
func (x *Writer) Text(s string) {
	x.replaced += Invalid(s)
	x.Raw(Text(s))
}

// Element writes <name>text</name>, text escaped.
func (x *Writer) Element(name, text string) {
	x.Raw("<", name, ">")
	x.Text(text)
	x.Raw("</", name, ">")
}

// Comment writes <!-- s --> with s made safe for a comment: "--" cannot
// appear in one, and a final "-" would run into the closing "-->".
func (x *Writer) Comment(s string) { x.Raw("<!-- ", CommentText(s), " -->") }

// CommentText makes s safe inside an XML or HTML comment: characters XML
// cannot carry replaced, "--" broken up, no "-" at the end.
func CommentText(s string) string {
	s, _ = Clean(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return strings.TrimSuffix(s, "-")
}

// Replaced returns how many characters XML cannot carry were replaced by
// U+FFFD so far.
func (x *Writer) Replaced() int { return x.replaced }

// Flush writes out the buffer and returns the first error.
func (x *Writer) Flush() error {
	if err := x.w.Flush(); x.err == nil {
		x.err = err
	}
	return x.err
}
