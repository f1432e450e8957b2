package docformat

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeClassTable: the static table is the classes' definition: ASCII
// text but & ] CR and the controls other than TAB and LF is dcPlain; the
// first bytes of two-byte characters are dcCheck2, but those of U+0080 to
// U+02FF, U+0400 to U+047F and U+04C0 to U+04FF, dcStarter2.
func TestDecodeClassTable(t *testing.T) {
	var want [256]byte
	for c := 0x20; c < utf8.RuneSelf; c++ {
		want[c] = dcPlain
	}
	want['&'], want[']'], want['\r'] = dcOther, dcOther, dcOther
	want['\t'], want['\n'] = dcPlain, dcPlain
	for c := 0xC2; c <= 0xDF; c++ {
		want[c] = dcCheck2
	}
	for c := 0xC2; c < 0xCC; c++ {
		want[c] = dcStarter2
	}
	want[0xD0], want[0xD1], want[0xD3] = dcStarter2, dcStarter2, dcStarter2
	for c := range want {
		if decodeClass[c] != want[c] {
			t.Errorf("byte %#02x: class %d, want %d", c, decodeClass[c], want[c])
		}
	}
}
