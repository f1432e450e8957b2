package sheet

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestFastUTF8 checks the reader's UTF-8 validation and rune count
// against package utf8 on texts of every kind: ASCII, Cyrillic, CJK,
// emoji, and random bytes (mostly invalid).
func TestFastUTF8(t *testing.T) {
	texts := []string{"", "a", "Алматы", "Алматы облысы, 60 km", "日本語 テキスト", "😀 ok", "é\u0301", "\xff", "\xc2", "a\xc2", "\xe2\x80", "\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "abcdefgh\xd0", "abcdefghijklmnop"}
	r := rand.New(rand.NewPCG(1, 2))
	// Runs of two-byte letters and lone bytes of every kind, so the eight
	// bytes validUTF8 checks at once start and end everywhere.
	alphabet := []string{"a", " ", "\t", "Ж", "қ", "€", "😀", "\x80", "\xd0", "\xe2\x82", "abcdefghij",
		"жжжж", "ߟ", "\xc0", "\xc1\xbf", "\xc2", "\xdf", "\xbf", "\xf4\x8f\xbf\xbf", "\xf5", "\xff"}
	for range 20000 {
		var b []byte
		for range r.IntN(40) {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		b := []byte(s)
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", s, got, want)
		}
		if utf8.Valid(b) {
			if got, want := runeCount(b), utf8.RuneCount(b); got != want {
				t.Fatalf("runeCount(%q) = %d, utf8.RuneCount %d", s, got, want)
			}
		}
	}
}
