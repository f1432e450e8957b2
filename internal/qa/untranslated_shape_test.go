package qa

import (
	"strings"
	"testing"
	"unicode"
)

// TestFunctionShape: every function word, in any case, passes the shape
// filter that lets other words skip the look-up.
func TestFunctionShape(t *testing.T) {
	fw := functionLists.Get()
	for w := range fw.words {
		title := strings.ToUpper(w[:len(string([]rune(w)[0]))]) + w[len(string([]rune(w)[0])):]
		for _, v := range []string{w, strings.ToUpper(w), title} {
			if !hasFunctionShape(&fw.shape, v) {
				t.Errorf("%q (a form of the function word %q) fails the shape filter", v, w)
			}
		}
	}
	skipped := 0
	for _, w := range strings.Fields("выручка выросла в мае тоқаев алматыда кездесті президент") {
		if !hasFunctionShape(&fw.shape, w) {
			skipped++
		}
	}
	if skipped < 5 {
		t.Errorf("the filter lets %d of 8 ordinary words through to the look-up", 8-skipped)
	}
}

// TestKazakhOnlyTable: the table stats reads is isKazakhOnly.
func TestKazakhOnlyTable(t *testing.T) {
	n := 0
	for r := rune(0x400); r < 0x530; r++ {
		if kazakhOnly[r-0x400] != isKazakhOnly(r) {
			t.Errorf("%U: table %v, isKazakhOnly %v", r, kazakhOnly[r-0x400], isKazakhOnly(r))
		}
		if kazakhOnly[r-0x400] {
			n++
		}
	}
	if n != 18 {
		t.Errorf("%d Kazakh-only letters in the table, want 18", n)
	}
}

// TestCyrLowerTable: the static table of Cyrillic lower case is
// unicode.ToLower.
func TestCyrLowerTable(t *testing.T) {
	for r := rune(0x400); r < 0x530; r++ {
		if got, want := rune(cyrLower[r-0x400]), unicode.ToLower(r); got != want {
			t.Errorf("%U: table %U, unicode.ToLower %U", r, got, want)
		}
	}
}

// TestTypoASCIITable: the static bit set is the characters it names.
func TestTypoASCIITable(t *testing.T) {
	var want [2]uint64
	for _, c := range " \"()[]{}" {
		want[c>>6] |= 1 << (c & 63)
	}
	if typoASCII != want {
		t.Errorf("typoASCII = %#x, want %#x", typoASCII, want)
	}
}
