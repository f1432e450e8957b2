// Package wordcount counts words the way translation agencies and CAT
// tools (Trados, memoQ, OmegaT) quote work: by the words of the source
// text, each counted once whatever it is.
//
// # The rule
//
// A word is a run of letters, combining marks and digits. Inside a run:
//
//   - a hyphen (-, ‐, ‑) or an apostrophe (' ’ ʼ) between two word
//     characters joins them: "ұрып-соғу", "Қасым-Жомарт", "O'Brien" and
//     "don't" are one word each;
//   - a full stop, comma, colon, slash or no-break space (U+00A0, U+202F)
//     between two digits joins them: a number is one word, however it is
//     written ("2019", "26.07.2019", "1,5", "10 000" with a no-break space,
//     "12:30"). Numbers count as words, as CAT tools count them by
//     default.
//
// Everything else separates words and is not one: punctuation, symbols
// (%, №, $), a dash standing between spaces, Markdown markers (#, -, *).
// Zero-width characters and the soft hyphen inside a word are skipped, so
// they do not split it.
//
// Languages written without spaces between words have no such runs:
// each Han, Hiragana, Katakana, Thai, Lao, Khmer or Myanmar character
// counts as a word, as CAT tools count Chinese and Japanese by character.
// English, Russian and Kazakh (and every language written with spaces)
// follow the same rule, so the lang argument of [Count] only matters for
// scripts without spaces; it is there so that a language with rules of
// its own can get them without changing callers.
package wordcount

import (
	"unicode"
	"unicode/utf8"
)

// Count returns the number of words in text, written in language lang (a
// workspace language code such as "kk"; see the package documentation).
func Count(lang, text string) int {
	_ = lang // one rule for every language so far: see the package documentation
	n := 0
	inWord := false
	var prev rune // the last word character of the current word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unspaced(r):
			n++
			inWord = false
		case isWord(r):
			if !inWord {
				n++
				inWord = true
			}
			prev = r
		case inWord && hidden(r):
			// skipped inside a word
		case inWord && joins(prev, r, next(text, i+size)):
			// a joiner between two word characters: the word goes on
		default:
			inWord = false
		}
		i += size
	}
	return n
}

// next returns the first rune at text[i:] that is not hidden, or -1.
func next(text string, i int) rune {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !hidden(r) {
			return r
		}
		i += size
	}
	return -1
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// joins reports whether r, standing between word characters prev and
// after, keeps them in one word.
func joins(prev, r, after rune) bool {
	if after < 0 || !isWord(after) || unspaced(after) {
		return false
	}
	switch r {
	case '-', '\u2010', '\u2011', '\'', '\u2019', '\u02BC':
		return true
	case '.', ',', ':', '/', '\u00A0', '\u202F':
		return unicode.IsDigit(prev) && unicode.IsDigit(after)
	}
	return false
}

// hidden reports the invisible characters that may sit inside a word: the
// zero-width space, non-joiner and joiner, the word joiner, the byte order
// mark and the soft hyphen.
func hidden(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
		return true
	}
	return false
}

// unspaced reports the characters of scripts written without spaces
// between words, each of which counts as a word.
func unspaced(r rune) bool {
	return r >= 0x2E80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar))
}
