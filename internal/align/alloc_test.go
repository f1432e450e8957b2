package align

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestExtractNoAllocs: once its words have been seen, a sentence's features cost no allocation
// beyond the slabs its keys are cut from (one in many sentences), plain numbers included (a
// decimal or grouped one is joined in a new string): scanNumber
// reads into the extractor's buffers, and a number's length is counted in place.
func TestExtractNoAllocs(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"en", "In 2019, 45 of the 300 AMs voted for it on 12 May."},
		{"ru", "В 2019 году 45 из 300 депутатов проголосовали за него 12 мая."},
	} {
		e := newExtractor(tt.lang, nil, nil)
		var f features
		e.extractInto(&f, Sentence{Text: tt.text}) // the words are new once
		if n := testing.AllocsPerRun(100, func() { e.extractInto(&f, Sentence{Text: tt.text}) }); n != 0 {
			t.Errorf("%s: %v allocations a sentence, want 0", tt.lang, n)
		}
	}
}

// TestNonSpaceRunes: nonSpaceRunes counts what the length of a number counted before it, the
// characters left when the spaces are mapped out.
func TestNonSpaceRunes(t *testing.T) {
	drop := func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}
	for _, s := range []string{"", "1", "1 000", "1\u00a0000\u202f000", "3,5", "09.09.2019", "1\u2009000", "\xff1 2", " "} {
		if got, want := nonSpaceRunes(s), utf8.RuneCountInString(strings.Map(drop, s)); got != want {
			t.Errorf("nonSpaceRunes(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestWordHash: wordHash reads every byte of a word (a change in any byte of words of every
// length up to 40 changes the hash), and words of different lengths that its overlapping reads
// would see alike hash apart.
func TestWordHash(t *testing.T) {
	for n := 1; n <= 40; n++ {
		w := []byte(strings.Repeat("abcdefghij", 4)[:n])
		h := wordHash(7, string(w))
		for i := range w {
			w[i] ^= 0x20
			if wordHash(7, string(w)) == h {
				t.Errorf("length %d: a change of byte %d keeps the hash", n, i)
			}
			w[i] ^= 0x20
		}
		if wordHash(8, string(w)) == h {
			t.Errorf("length %d: the seed does not change the hash", n)
		}
	}
	for _, p := range [][2]string{{"aa", "aaa"}, {"aaaa", "aaaaa"}, {"aaaaaaaa", "aaaaaaaaa"}, {"ab", "aab"}} {
		if wordHash(1, p[0]) == wordHash(1, p[1]) {
			t.Errorf("%q and %q hash alike", p[0], p[1])
		}
	}
}

// TestLowerRune: lowerRune and lowerWord lower as unicode.ToLower and strings.ToLower do, and
// latinFold, which skeleton skips for the Cyrillic block, folds no letter of it.
func TestLowerRune(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Errorf("lowerRune(%U) = %U, want %U", r, got, want)
		}
	}
	for r := rune(0x400); r < 0x500; r++ {
		if _, ok := latinFold.Get()[lowerRune(r)]; ok {
			t.Errorf("latinFold folds %c, the lower case of %c, in the Cyrillic block", lowerRune(r), r)
		}
	}
	for _, w := range []string{"", "abc", "ABC", "Жыл", "ҚАЗАН", "Ёлка", "İstanbul", "ǅemal", "Straße", "\xffX", "ΑΒΓ"} {
		if got, want := lowerWord(w), strings.ToLower(w); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestInnerStopsBytes: innerStops, which reads ASCII bytes and Cyrillic letters before a mark in
// place, counts what the forward scan does (stopsForward) on random strings of Cyrillic letters,
// their lead and continuation bytes apart, other two- and three-byte characters and marks.
func TestInnerStopsBytes(t *testing.T) {
	parts := []string{".", "!", "?", "…", " ", "\u00a0", "\u2003", "\n", "Mr", "г", "ж", "Ж", "ә", "Қ", "ӿ", "\xd0", "\xd3",
		"\xd4\x80", "\x80", "\xbf", "\xd0\xd0", "é", "中", "\xe2", "\xe2\x80", "A", "Б", "т.е", "«", ")"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		if got, want := innerStops(b.String()), stopsForward(b.String()); got != want {
			t.Fatalf("innerStops(%q) = %d, the forward scan %d", b.String(), got, want)
		}
	}
}
