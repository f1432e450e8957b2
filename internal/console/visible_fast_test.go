package console

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestVisibleFastPath: the inline scan for text with nothing to escape
// agrees with escaped, rune by rune, on every one- and two-byte rune, on
// bytes that are not UTF-8 and on the three-byte runes it escapes.
func TestVisibleFastPath(t *testing.T) {
	var texts []string
	for r := rune(0); r < 0x800; r++ {
		texts = append(texts, string(r), "a"+string(r)+"б", string(r)+"\u202e")
	}
	for _, s := range []string{"\xc2", "\xc2\x80", "\xc2\x9f", "\xc2\xa0", "\xd0", "\xd0x", "\xe2\x80", "\xe2\x80\xae", "\xe2\x81\xa6", "\u2028", "\u2029", "\ufffd", "\xff", "«цитата» — “quote”…"} {
		texts = append(texts, s, "текст "+s+" text")
	}
	for _, s := range texts {
		for _, line := range []bool{false, true} {
			clean := true
			for _, r := range s {
				if escaped(r, line) {
					clean = false
				}
			}
			got := visible(s, line, false)
			if clean && got != s {
				t.Errorf("visible(%q, %v) = %q, want it unchanged", s, line, got)
			}
			if !clean && got == s && utf8.ValidString(s) && !(len(s) == 3 && s == "\ufffd") {
				// A real U+FFFD is kept as it is; anything else escaped
				// must change.
				hasFFFD := false
				for _, r := range s {
					hasFFFD = hasFFFD || r == utf8.RuneError
				}
				if !hasFFFD {
					t.Errorf("visible(%q, %v) left it unchanged, want escapes", s, line)
				}
			}
		}
	}
}

// TestPrintfBytes: Printf("%s", b) with b a []byte, written without a
// copy when it has nothing to escape, writes what the general path (a
// string through Sprintf and visible) writes, with and without colour.
func TestPrintfBytes(t *testing.T) {
	texts := []string{"", "plain text\n", "«цитата» — “quote”…\tx\n", "\x1b[31mred\x1b[0m", "\x1b[2J", "a\u202eb", "\xff\xfe", "\ufffd", "\r\n", "\xc2\x85"}
	for r := rune(0); r < 0x300; r += 7 {
		texts = append(texts, "x"+string(r)+"y")
	}
	for _, s := range texts {
		for _, colour := range []bool{false, true} {
			var fast, slow strings.Builder
			e := &Env{Stdout: &fast, Color: colour}
			e.Printf("%s", []byte(s))
			// The general path of Printf, as it was for every format.
			format := "%s"
			want := visible(fmt.Sprintf(format, []byte(s)), false, colour)
			slow.WriteString(want)
			if fast.String() != slow.String() {
				t.Errorf("Printf(%%s, %q) colour %v wrote %q, want %q", s, colour, fast.String(), slow.String())
			}
		}
	}
}
