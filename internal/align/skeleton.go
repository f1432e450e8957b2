package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/lexicon"
)

// Names and loanwords survive translation in a different script: Tokayev, Токаев and Тоқаев,
// London and Лондон, parliament and парламент. To compare them without a dictionary, every word is
// reduced to a consonant skeleton written in one small alphabet that both scripts map into.
//
// The skeleton keeps only consonants, because vowels are where transliterations disagree most
// (Tokayev/Токаев, Kazakh ө ұ ү ә і). It also folds voicing pairs (b/p, d/t, g/k, z/s, v/f/w),
// which differ between English spellings and Russian pronunciations (president/президент), and it
// maps multi-letter spellings to one class (sh/ш, ch/ч, zh/j/дж/ж). Letters that English spells
// one way and pronounces two (c, g, h, w, ch) follow how Russian and Kazakh transliterate them
// most often, and the less common reading is produced as a variant (see englishVariants).
// Repeated consonants are collapsed (Harry/Гарри). The result is deliberately lossy: it must match
// across scripts, and the aligner only uses it as one cue among several.

// Skeleton classes. Each is one byte of the skeleton string.
const (
	skP  = 'p' // b p
	skT  = 't' // d t
	skK  = 'k' // g k q c(hard) қ ғ х h(initial)
	skF  = 'f' // f v w ph в
	skS  = 's' // s z c(soft) з ц
	skSh = 'S' // sh ш щ
	skCh = 'C' // ch ч
	skJ  = 'J' // j zh dg(e) дж ж
	skL  = 'l'
	skM  = 'm'
	skN  = 'n' // n н ң
	skR  = 'r'
)

// cyrillicClass maps a lower-case Cyrillic letter to its skeleton class; letters not in the map
// are vowels or signs, which the skeleton drops. Kazakh letters are included. х and һ go with к:
// English h is written г or х in Russian (Harlem/Гарлем, Hughes/Хьюз), and kh is х.
var cyrillicClass = map[rune]byte{
	'б': skP, 'п': skP,
	'д': skT, 'т': skT,
	'г': skK, 'ғ': skK, 'к': skK, 'қ': skK, 'х': skK, 'һ': skK,
	'в': skF, 'ф': skF,
	'з': skS, 'с': skS, 'ц': skS,
	'ш': skSh, 'щ': skSh,
	'ч': skCh,
	'ж': skJ,
	'л': skL, 'м': skM, 'н': skN, 'ң': skN, 'р': skR,
}

// cyrillicTable is cyrillicClass indexed by rune − U+0400, with signLetter for ь and ъ; a lookup for
// every letter of every word is the hot spot of feature extraction.
var cyrillicTable = func() (t [0x100]byte) {
	for r, c := range cyrillicClass {
		t[r-0x400] = c
	}
	t['ь'-0x400], t['ъ'-0x400] = signLetter, signLetter
	return t
}()

const signLetter = 0xff

// latinFold strips the accents that appear in names in news text (Erdoğan, Müller, Zoë) so that they
// take the same path as plain ASCII letters. š, č and ž go straight to their classes.
var latinFold = lazy.Value[map[rune]rune]{New: func() map[rune]rune {
	return map[rune]rune{
		'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ā': 'a',
		'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ə': 'e',
		'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ı': 'i', 'ī': 'i',
		'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o', 'ō': 'o',
		'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u',
		'ý': 'y', 'ÿ': 'y', 'ñ': 'n', 'ç': 'c', 'ğ': 'g', 'ł': 'l', 'ß': 's',
		'š': 'S', 'ş': 'S', 'ś': 's', 'č': 'C', 'ć': 'C', 'ž': 'J', 'ź': 's', 'ż': 'J',
	}
}}

// Variant flags select the less common reading of an ambiguous English spelling.
const (
	altSoftG = 1 << iota // g before e, i, y as дж (George, Virginia) instead of г (Germany)
	altW                 // w before a vowel as у (William, Baldwin) instead of в (Washington)
	altCh                // ch as к (Christian, Michael) instead of ч (Chelsea)
	altIon               // final -ion, -ian or -ean without its n (Commission/Комиссия, Indonesian/Индонезия)
	altH                 // h inside a word after a consonant, and gh, as г or х (Birkenhead/Биркенхед, Gallagher/Галлагер)
	altTh                // th inside a word as з (Merriweather/Мерриуэзер, Brother/Бразер)
	altGu                // u between g or q and a vowel as в (Guardiola/Гвардиола, Quebec/Квебек)
	altIc                // final -ic without its k (Democratic/Демократиялық, Olympic/олимпийский)
	nAlt     = iota

	// nameOnly are the readings englishVariants gives capitalised words only: they are how names
	// are transliterated, and common words would only gain accidental keys from them (text of
	// random letters, full of h after consonants, loses confidence on its own copy).
	nameOnly = altH | altTh | altGu
)

func isLatinVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// skeleton appends the consonant skeleton of word (one word, any case, any script) to dst and
// returns it, reading English spellings as flags says. It also returns the variant flags that
// would change the result for this word. Letters of other scripts are ignored.
func skeleton(dst []byte, word string, flags int) ([]byte, int) {
	var last byte // the previous class, 0 after a vowel
	emit := func(c byte) {
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	vowel := func() { last = 0 }
	var rs [48]rune // lower-cased, folded runes
	n := 0
	for _, r := range word {
		if n == len(rs) {
			break
		}
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case 'А' <= r && r <= 'Я':
			r += 'а' - 'А'
		case 0x400 <= r && r < 0x500:
			r = lexicon.CyrillicLower(r) // latinFold folds no Cyrillic letter (TestLowerRune)
		default:
			r = unicode.ToLower(r)
			if f, ok := latinFold.Get()[r]; ok {
				r = f
			}
		}
		rs[n] = r
		n++
	}
	at := func(i int) rune {
		if i >= 0 && i < n {
			return rs[i]
		}
		return 0
	}
	ambiguous := 0
	for i := 0; i < n; i++ {
		r := rs[i]
		if r >= utf8.RuneSelf {
			var c byte
			if 0x400 <= r && r < 0x500 {
				c = cyrillicTable[r-0x400]
			}
			switch {
			case c == signLetter: // ь ъ: no sound of their own, and no break between consonants either
			case c == 0:
				vowel()
			default:
				if r == 'д' && at(i+1) == 'ж' {
					c = skJ
					i++
				}
				emit(c)
			}
			continue
		}
		nx := at(i + 1)
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			if r == 'u' && i == 1 && rs[0] == 'e' && !isLatinVowel(nx) {
				// initial eu is ев in Russian (Europe/Европа, euro/евро, Eugene/Евгений)
				emit(skF)
				continue
			}
			if r == 'u' && (at(i-1) == 'g' || at(i-1) == 'q') && isLatinVowel(nx) {
				ambiguous |= altGu
				if flags&altGu != 0 {
					emit(skF)
					continue
				}
			}
			if (r == 'i' && (nx == 'o' || nx == 'a') || r == 'e' && nx == 'a') && at(i+2) == 'n' && i+3 == n {
				ambiguous |= altIon
				if flags&altIon != 0 {
					vowel()
					i = n // drop "on"
					continue
				}
			}
			vowel()
		case 'b', 'p':
			if r == 'p' && nx == 'h' {
				emit(skF)
				i++
				continue
			}
			emit(skP)
		case 'd':
			if nx == 'j' || nx == 'g' && (at(i+2) == 'e' || at(i+2) == 'i' || at(i+2) == 'y') {
				// dj, dge: one sound, дж
				emit(skJ)
				i += 1
				continue
			}
			emit(skT)
		case 't':
			switch {
			case nx == 'h':
				i++
				if i > 1 {
					ambiguous |= altTh
					if flags&altTh != 0 {
						emit(skS)
						continue
					}
				}
			case nx == 'i' && (at(i+2) == 'o' || at(i+2) == 'a') && i > 0 && at(i-1) != 's':
				// -tion, -tial: ц in Russian (nation/нация, potential/потенциал)
				emit(skS)
				continue
			}
			emit(skT)
		case 'g':
			if nx == 'h' {
				// word-initial gh is г (Ghana), and so is ngh (Birmingham/Бирмингем, Nottingham);
				// elsewhere it is mostly silent (Hugh, Brighton, Kavanaugh), but not always
				// (Gallagher/Галлагер, Callaghan/Каллахан)
				i++
				switch {
				case i == 1 || at(i-2) == 'n':
					emit(skK)
				default:
					ambiguous |= altH
					if flags&altH != 0 {
						emit(skK)
					} else {
						vowel()
					}
				}
				continue
			}
			if nx == 'e' || nx == 'i' || nx == 'y' {
				ambiguous |= altSoftG
				if flags&altSoftG != 0 {
					emit(skJ)
					continue
				}
			}
			emit(skK)
		case 'k':
			if nx == 'h' {
				i++
			}
			emit(skK)
		case 'q':
			emit(skK)
		case 'c':
			switch nx {
			case 'h':
				i++
				ambiguous |= altCh
				if flags&altCh != 0 || at(i+1) == 'r' { // chr is always к (Christ, chronic)
					emit(skK)
				} else {
					emit(skCh)
				}
			case 'k':
				emit(skK)
				i++
			case 'e', 'i', 'y':
				emit(skS)
			default:
				if i+1 == n && at(i-1) == 'i' {
					// -ic: Russian and Kazakh adjectives put their own suffix after the stem
					// (Olympic/олимпийский, Democratic/Демократиялық)
					ambiguous |= altIc
					if flags&altIc != 0 {
						vowel()
						continue
					}
				}
				emit(skK)
			}
		case 'x':
			emit(skK)
			emit(skS)
		case 'w':
			switch {
			case !isLatinVowel(nx):
				// aw, ew, ow: part of the vowel (Glasgow, Newport, Paltrow)
				vowel()
			default:
				ambiguous |= altW
				if flags&altW != 0 {
					vowel()
				} else {
					emit(skF)
				}
			}
		case 'f', 'v':
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
			// initial h is г or х (Harlem/Гарлем, Hughes/Хьюз); elsewhere mostly silent (John,
			// Durham/Дарем), but after a consonant it often starts a part of a compound name
			// (Birkenhead/Биркенхед, Hoffenheim/Хоффенхайм)
			switch {
			case i == 0:
				emit(skK)
			case i >= 2 && !isLatinVowel(at(i-1)) && at(i-1) != 'w':
				ambiguous |= altH
				if flags&altH != 0 {
					emit(skK)
				} else {
					vowel()
				}
			default:
				vowel()
			}
		case 'l', 'm', 'n', 'r':
			emit(byte(r))
		case 'S', 'C', 'J': // from latinFold: š č ž
			emit(byte(r))
		default:
			vowel() // apostrophes and other separators inside a word
		}
	}
	return dst, ambiguous
}

// englishVariants calls fn with the skeleton of an English (or any Latin-script) word and with
// each variant reading of its ambiguous spellings, one at a time, plus the forms without a plural
// or possessive s and without an adjectival -ish (Democrats/демократы, Spanish/испанский). fn
// receives a scratch buffer; it must copy what it keeps.
func englishVariants(word string, buf []byte, fn func([]byte)) []byte {
	buf, amb := skeleton(buf[:0], word, 0)
	if !isUpperInitial(word) {
		// readings that only names have: common words keep to their usual spelling
		amb &^= nameOnly
	}
	fn(buf)
	base := string(buf)
	for f := 1; f < 1<<nAlt; f <<= 1 {
		if amb&f != 0 {
			buf, _ = skeleton(buf[:0], word, f)
			if string(buf) != base {
				fn(buf)
			}
		}
	}
	lw := len(word)
	if lw > 4 && (word[lw-1] == 's' && word[lw-2] != 's' && !isLatinVowel(rune(word[lw-2])) ||
		lw > 5 && word[lw-3:] == "ish") {
		// the plural s or the adjectival sh is the last class of the base skeleton
		if len(base) > minSkeleton {
			fn(append(buf[:0], base[:len(base)-1]...))
		}
	}
	return buf
}

// cyrillicVariants calls fn with the skeleton of a Russian or Kazakh word and with its likely stems:
// the skeleton without its last one or two classes (case endings: Токаевым, Тоқаевтың, Лондонда;
// vowel endings have already vanished with the vowels), and any of these without an adjectival
// -ск- (мексиканский/Mexican, английский/English).
func cyrillicVariants(word string, buf []byte, fn func([]byte)) []byte {
	if strings.ContainsFunc(word, isLookalike) {
		word = strings.Map(toCyrillic, word)
	}
	buf, _ = skeleton(buf[:0], word, 0)
	full := len(buf)
	for cut := 0; cut <= 2 && full-cut >= minSkeleton; cut++ {
		s := buf[:full-cut]
		fn(s)
		if l := len(s); l-2 >= minSkeleton && s[l-2] == skS && s[l-1] == skK {
			fn(s[:l-2])
		}
	}
	return buf
}

// prefixLetters is how many letters of a Cyrillic word cyrillicPrefix keeps.
const prefixLetters = 4

// cyrillicPrefix appends to buf the first prefixLetters letters of a Russian or Kazakh word,
// lower-cased, with the Kazakh letters folded to the Russian ones that write the same sound in
// loanwords and names (қ к, ғ г, ң н, ө о, ұ ү у, і и, ә а, һ х; ё е, ы й и), and reports whether
// the word has that many letters. A pair written in Cyrillic on both sides (ru-kk) keys its words
// so instead of by skeleton (see extractor.prefix): their names and loanwords are spelt alike,
// and a skeleton of three or four consonant classes is shared by unrelated words too. Over the
// NTREX dev lines, Russian and Kazakh sentences of two different documents share a skeleton key
// one time in seven and a prefix one time in thirty-three, while translations share none about as
// often either way (one time in four and a half).
func cyrillicPrefix(word string, buf []byte) ([]byte, bool) {
	n := 0
	for _, r := range word {
		if n == prefixLetters {
			break
		}
		r = lowerRune(toCyrillic(r))
		switch r {
		case 'қ':
			r = 'к'
		case 'ғ':
			r = 'г'
		case 'ң':
			r = 'н'
		case 'ө':
			r = 'о'
		case 'ұ', 'ү':
			r = 'у'
		case 'і', 'ы', 'й':
			r = 'и'
		case 'ә':
			r = 'а'
		case 'һ':
			r = 'х'
		case 'ё':
			r = 'е'
		}
		buf = utf8.AppendRune(buf, r)
		n++
	}
	return buf, n == prefixLetters
}

// lookalikes maps the Latin letters that look like Cyrillic ones to those letters. Real Russian
// and Kazakh text has them inside Cyrillic words (Cаяси with a Latin C, Бiлгiм with Latin i),
// typed on the wrong keyboard; read as Latin they would change the word's skeleton.
var lookalikes = map[rune]rune{
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'i': 'і',
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'K': 'К', 'M': 'М', 'O': 'О',
	'P': 'Р', 'T': 'Т', 'X': 'Х', 'I': 'І',
}

func isLookalike(r rune) bool { _, ok := lookalikes[r]; return ok }

func toCyrillic(r rune) rune {
	if c, ok := lookalikes[r]; ok {
		return c
	}
	return r
}
