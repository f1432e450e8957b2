package align

import (
	"unicode"
	"unicode/utf8"
)

// Names and loanwords survive translation in a different script: Tokayev, Токаев and Тоқаев,
// London and Лондон, parliament and парламент. To compare them without a dictionary, every word is
// reduced to a consonant skeleton written in one small alphabet that both scripts map into.
//
// The skeleton keeps only consonants, because vowels are where transliterations disagree most
// (Tokayev/Токаев, Kazakh ө ұ ү ә і). It also folds voicing pairs (b/p, d/t, g/k, z/s, v/f/w),
// which differ between English spellings and Russian pronunciations (president/президент), and it
// maps multi-letter spellings to one class (sh/ш, ch/ч, zh/j/дж/ж, kh/х). Repeated consonants are
// collapsed (Harry/Гарри). The result is deliberately lossy: it must match across scripts, and the
// aligner only uses it as one cue among several, so occasional false matches are cheap.

// Skeleton classes. Each is one byte of the skeleton string.
const (
	skP  = 'p' // b p
	skT  = 't' // d t
	skK  = 'k' // g k q c(hard) қ ғ
	skF  = 'f' // f v w ph в
	skS  = 's' // s z c(soft) з
	skSh = 'S' // sh ш щ
	skCh = 'C' // ch ч
	skJ  = 'J' // j zh дж ж
	skH  = 'h' // h kh х һ
	skL  = 'l'
	skM  = 'm'
	skN  = 'n' // n н ң
	skR  = 'r'
)

// cyrillicClass maps a lower-case Cyrillic letter to its skeleton class; 0 means a vowel or a sign
// (ь ъ й), which the skeleton drops. Kazakh letters are included.
var cyrillicClass = map[rune]byte{
	'б': skP, 'п': skP,
	'д': skT, 'т': skT,
	'г': skK, 'ғ': skK, 'к': skK, 'қ': skK,
	'в': skF, 'ф': skF,
	'з': skS, 'с': skS,
	'ш': skSh, 'щ': skSh,
	'ч': skCh,
	'ж': skJ,
	'х': skH, 'һ': skH,
	'л': skL, 'м': skM, 'н': skN, 'ң': skN, 'р': skR,
	'ц': 0, // handled as "ts"
}

// latinFold strips the accents that appear in names in news text (Erdoğan, Müller, Zoë) so that they
// take the same path as plain ASCII letters.
var latinFold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ā': 'a',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ə': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ı': 'i', 'ī': 'i',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o', 'ō': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u',
	'ý': 'y', 'ÿ': 'y', 'ñ': 'n', 'ç': 'c', 'ğ': 'g', 'ł': 'l', 'ß': 's',
	'š': 'S', 'ş': 'S', 'ś': 's', 'č': 'C', 'ć': 'C', 'ž': 'J', 'ź': 's', 'ż': 'J',
}

// skeleton appends the consonant skeleton of word (one word, any case, any script) to dst and
// returns it. Letters it does not know (Greek, CJK) are ignored.
func skeleton(dst []byte, word string) []byte {
	var last byte // the previous class, 0 after a vowel
	emit := func(c byte) {
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	vowel := func() { last = 0 }
	// lower-case runes with one rune of lookahead
	var rs [64]rune
	n := 0
	for _, r := range word {
		if n == len(rs) {
			break
		}
		r = unicode.ToLower(r)
		if f, ok := latinFold[r]; ok {
			r = f
		}
		rs[n] = r
		n++
	}
	next := func(i int) rune {
		if i+1 < n {
			return rs[i+1]
		}
		return 0
	}
	for i := 0; i < n; i++ {
		r := rs[i]
		if r < utf8.RuneSelf {
			nx := next(i)
			switch r {
			case 'a', 'e', 'i', 'o', 'u', 'y':
				vowel()
			case 'b', 'p':
				if r == 'p' && nx == 'h' {
					emit(skF)
					i++
					continue
				}
				emit(skP)
			case 'd':
				if nx == 'j' {
					emit(skJ)
					i++
					continue
				}
				emit(skT)
			case 't':
				if nx == 'h' {
					i++
				}
				emit(skT)
			case 'g':
				if nx == 'h' { // mostly silent (Hugh, Pittsburgh) or "г" (Ghana): drop the h
					i++
				}
				emit(skK)
			case 'k':
				if nx == 'h' {
					emit(skH)
					i++
					continue
				}
				emit(skK)
			case 'q':
				emit(skK)
			case 'c':
				switch nx {
				case 'h':
					emit(skCh)
					i++
				case 'k':
					emit(skK)
					i++
				case 'e', 'i', 'y':
					emit(skS)
				default:
					emit(skK)
				}
			case 'x':
				emit(skK)
				emit(skS)
			case 'f', 'v', 'w':
				emit(skF)
			case 's':
				if nx == 'h' {
					emit(skSh)
					i++
					continue
				}
				emit(skS)
			case 'z':
				if nx == 'h' {
					emit(skJ)
					i++
					continue
				}
				emit(skS)
			case 'j':
				emit(skJ)
			case 'h':
				emit(skH)
			case 'l', 'm', 'n', 'r':
				emit(byte(r))
			case 'S', 'C', 'J': // produced by latinFold for š č ž
				emit(byte(r))
			default:
				vowel() // apostrophes, digits: word-internal separators
			}
			continue
		}
		switch r {
		case 'ц':
			emit(skT)
			emit(skS)
		case 'д':
			if next(i) == 'ж' {
				emit(skJ)
				i++
				continue
			}
			emit(skT)
		case 'ь', 'ъ':
			// signs: no sound of their own, and no break between consonants either
		default:
			if c, ok := cyrillicClass[r]; ok {
				emit(c)
			} else {
				vowel()
			}
		}
	}
	return dst
}
