package console

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible returns s with every character that would act on a terminal,
// instead of being shown, written as a visible escape: C0 controls and DEL
// as \x1b (\r as \r), C1 controls, the bidirectional embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069) and the Unicode line and
// paragraph separators as \u202e, and bytes that are not UTF-8 as \xff.
// Tabs and line feeds are kept: the layout of a text needs them.
//
// Text from documents, notes, glossary entries, file names and anything
// else a person typed is shown through it, so that a text cannot clear the
// screen, retitle the window, hide itself or reverse what is around it.
// The console applies it at the boundary, in [Env.Printf], [Env.Table],
// [Env.Paint] and every diagnostic; JSON and exports are data and are
// written exactly.
func Visible(s string) string { return visible(s, false, false) }

// VisibleLine is Visible for text that must stay on one line, such as a
// table cell: tabs and line feeds are shown as \t and \n too.
func VisibleLine(s string) string { return visible(s, true, false) }

// paintCodes are the SGR sequences [Env.Paint] writes. On a colour
// terminal the text printers let exactly these through, and nothing else
// that starts with ESC: at most, text that carries one changes a colour; it
// cannot move the cursor, clear or hide anything.
var paintCodes = []string{"\x1b[0m", "\x1b[" + bold + "m", "\x1b[" + red + "m", "\x1b[" + green + "m", "\x1b[" + yellow + "m", "\x1b[" + cyan + "m"}

// visible is Visible; line also escapes tabs and line feeds, and
// keepPaint lets the sequences of Paint through.
func visible(s string, line, keepPaint bool) string {
	clean := true
	for i := 0; i < len(s); {
		// Printable ASCII and the two-byte letters (Latin, Cyrillic: all
		// but the C1 controls, C2 80 to C2 9F) inline: a check prints
		// megabytes through here.
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 && (c != 0xC2 || s[i+1] >= 0xA0) {
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if escaped(r, line) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == 0x1b && keepPaint && hasPaintCode(s[i:]):
			for _, c := range paintCodes {
				if strings.HasPrefix(s[i:], c) {
					b.WriteString(c)
					n = len(c)
					break
				}
			}
		case !escaped(r, line), r == utf8.RuneError:
			b.WriteString(s[i : i+n]) // a real U+FFFD is shown as it is
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += n
	}
	return b.String()
}

func hasPaintCode(s string) bool {
	for _, c := range paintCodes {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// escaped reports whether r is shown as an escape.
func escaped(r rune, line bool) bool {
	switch {
	case r == '\t' || r == '\n':
		return line
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	case r == utf8.RuneError:
		return true // checked again per byte: a real U+FFFD is kept
	}
	return false
}
