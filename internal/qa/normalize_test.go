package qa

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzNormalizeSentence: normalizeSentence, with its inner loop over a
// word's letters, gives the bytes and the word count of the plain
// rune-by-rune form below.
func FuzzNormalizeSentence(f *testing.F) {
	for _, s := range []string{"", "Revenue rose 5% in May.", "Выручка  выросла на 1,000.5 «в мае»", "Ёлка — ёж, ҚАЗАҚ-стан: 19th‘s", "a\xd0b \xd4\xb0\xd0 Ǆemal ǅ", "x҂y", "İ i̇"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gw := normalizeSentence(nil, s)
		want, ww := normalizeSentenceRef(nil, s)
		if !bytes.Equal(got, want) || gw != ww {
			t.Fatalf("normalizeSentence(%q) = %q, %d; want %q, %d", s, got, gw, want, ww)
		}
	})
}

// normalizeSentenceRef is normalizeSentence as it was before its letter loop: the reference it must agree with. It appends the comparison form of s to b and returns it
// with the word count of s.
func normalizeSentenceRef(b []byte, s string) ([]byte, int) {
	words, space, inWord, inNum := 0, false, false, false
	for i := 0; i < len(s); {
		c := s[i]
		r, n := rune(c), 1
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2 // decodeMulti's two-byte case, inline
		} else if c >= utf8.RuneSelf {
			r, n = decodeMulti(s, i)
		}
		i += n
		// Fast paths: letters of ASCII and Cyrillic, most of every text.
		if c < utf8.RuneSelf && isASCIILetter(c) || r >= 0x400 && r < 0x530 && r != 0x482 && r != 'ё' && r != 'Ё' {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space, inNum = false, false
			if !inWord {
				words++
			}
			inWord = true
			if c < utf8.RuneSelf {
				b = append(b, c|0x20)
			} else {
				l := cyrLower[r-0x400]
				b = append(b, byte(0xC0|l>>6), byte(0x80|l&0x3F))
			}
			continue
		}
		switch {
		case r == utf8.RuneError:
			continue
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r >= 0x80 && (r < 0x400 || r >= 0x1680) && (unicode.IsSpace(r) || r == 0x2009 || r == 0x202F):
			space = true
			inWord, inNum = false, false
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		switch {
		case r >= '0' && r <= '9':
			if !inNum {
				b = append(b, '#')
			}
			inNum, inWord = true, false
			continue
		case inNum && (r == ',' || r == '.'):
			continue // 1,000 and 3.5 mask as one number
		case isQuoteRune(r) || r == '‘' || r == '’' && !inWord:
			continue // quotes: «a» = "a" = a
		case r >= 0x2010 && r <= 0x2015 || r == '-':
			b = append(b, '-')
		case r == 'ё' || r == 'Ё':
			b = append(b, "е"...)
		default:
			if isLetter(r) && !inWord {
				words++
			}
			b = utf8.AppendRune(b, toLower(r))
		}
		inNum = false
		inWord = isLetter(r)
	}
	return b, words
}
