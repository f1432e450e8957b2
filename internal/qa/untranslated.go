package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
)

const (
	fwRussian = 1 + iota
	fwKazakh
)

// functionLists are the function words of both lists, for one look-up a
// word (the lists have no word in common), and their shapes: built on
// first use, not at every start.
var functionLists = lazy.Value[*functionTables]{New: func() *functionTables {
	// Russian function words that Kazakh does not use (false: listed,
	// not counted)
	ruFunction := map[string]bool{
		"и": true, "в": true, "на": true, "что": true, "с": true, "по": true, "для": true, "от": true, "из": true,
		"как": true, "это": true, "к": true, "за": true, "у": true, "но": true, "или": true, "при": true, "после": true,
		"уже": true, "его": true, "ее": true, "её": true, "их": true, "до": true, "со": true, "во": true, "об": true,
		"был": true, "была": true, "были": true, "было": true, "также": true, "который": true, "которые": true,
		"которая": true, "которого": true, "он": true, "она": true, "они": true, "не": false,
	}
	// Kazakh function words
	kkFunction := map[string]bool{
		"және": true, "мен": true, "бұл": true, "үшін": true, "деп": true, "болып": true, "бойынша": true,
		"туралы": true, "сияқты": true, "арқылы": true, "да": true, "де": true, "бар": true, "жоқ": true, "осы": true,
	}
	t := &functionTables{words: map[string]uint8{}}
	m := t.words
	for w, ok := range ruFunction {
		if ok {
			m[w] = fwRussian
		}
	}
	for w := range kkFunction {
		m[w] = fwKazakh
	}
	for w := range m {
		i, b := functionShapeBit(w)
		t.shape[i] |= b
	}
	return t
}}

// functionTables tells the function words apart (fwRussian, fwKazakh)
// and has their shapes.
type functionTables struct {
	words map[string]uint8
	shape [1 << 6]uint64
}

// maxFunctionWord is the byte length of the longest function word.
const maxFunctionWord = 16

// hasFunctionShape reports whether w may be a function word: shape has
// a bit set for the byte length and the first two letters (lower case)
// of every function word (see functionShapeBit), so most words skip the
// look-up. Other shapes may share a bit; their words are looked up and
// not found.
func hasFunctionShape(shape *[1 << 6]uint64, w string) bool {
	i, b := functionShapeBit(w)
	return shape[i]&b != 0
}

// functionShapeBit returns the bit in functionShape of the byte length
// and the lower case of the first two letters of w (a word's letters
// and their lower case are two bytes each in Cyrillic, so a word's
// length is its lower case's): 12 bits of a multiplicative hash.
func functionShapeBit(w string) (word int, bit uint64) {
	r1, n := decode(w, 0)
	var r2 rune
	if n < len(w) {
		r2, _ = decode(w, n)
	}
	k := uint64(len(w))<<42 | uint64(toLower(r1))<<21 | uint64(toLower(r2))
	h := (k * 0x9E3779B97F4A7C15) >> 52
	return int(h >> 6), 1 << (h & 63)
}

// kazakhOnly is isKazakhOnly for U+0400 to U+052F, a table for stats'
// inner loop.
// Static data: TestKazakhOnlyTable holds it to isKazakhOnly.
var kazakhOnly = [0x130]bool{
	'ә' - 0x400: true, 'ғ' - 0x400: true, 'қ' - 0x400: true, 'ң' - 0x400: true, 'ө' - 0x400: true, 'ұ' - 0x400: true,
	'ү' - 0x400: true, 'һ' - 0x400: true, 'і' - 0x400: true, 'Ә' - 0x400: true, 'Ғ' - 0x400: true, 'Қ' - 0x400: true,
	'Ң' - 0x400: true, 'Ө' - 0x400: true, 'Ұ' - 0x400: true, 'Ү' - 0x400: true, 'Һ' - 0x400: true, 'І' - 0x400: true,
}

// textStats counts the words of a text by script.
type textStats struct {
	words      int // words of two or more letters, outside URLs, e-mail addresses and @handles
	cyrWords   int
	latWords   int
	latLower   int // Latin words in lower case: running English, not a name or acronym
	kkWords    int // words with a Kazakh-only letter
	ruFunc     int
	kkFunc     int
	cyrLetters int
	latLetters int
}

// stats counts the words of text; funcWords says whether to count
// function words (only Russian and Kazakh text is asked about them).
func stats(text string, funcWords bool) textStats {
	var st textStats
	var bufArr [maxFunctionWord]byte // a function word's lower case: no allocation
	buf := bufArr[:0]
	var fw *functionTables
	if funcWords {
		fw = functionLists.Get()
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !isASCIILetter(c) {
			i++ // not a letter: decode and isLetter, inline for ASCII
			continue
		}
		r, n := decode(text, i)
		if !isLetter(r) {
			i += n
			continue
		}
		// Skip URLs, e-mail addresses and handles whole.
		if handleMark(text, i) {
			i = addressEnd(text, i)
			continue
		}
		j := i
		cyr, lat, kk, lower := 0, 0, false, true
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				lat++
				lower = lower && c >= 'a'
				j++
				continue
			}
			if c >= 0xD0 && c <= 0xD4 && j+1 < len(text) && text[j+1]&0xC0 == 0x80 {
				// U+0400 to U+053F: Cyrillic up to U+052F, less the
				// thousands sign; the rest (Armenian capitals from
				// U+0531) is for the general case below.
				if r2 := rune(c&0x1F)<<6 | rune(text[j+1]&0x3F); r2 < 0x530 && r2 != 0x482 {
					cyr++
					kk = kk || kazakhOnly[r2-0x400]
					j += 2
					continue
				}
			}
			r2, n2 := decodeMulti(text, j)
			if !isLetter(r2) {
				break
			}
			switch {
			case isCyrillic(r2):
				cyr++
				if isKazakhOnly(r2) {
					kk = true
				}
			case r2 < 0x250:
				lat++
				if r2 >= 'A' && r2 <= 'Z' || r2 >= 0x80 && unicode.IsUpper(r2) {
					lower = false
				}
			}
			j += n2
		}
		if addressMark(text, j) {
			// a URL, an address or a domain: skip to the next space
			i = addressEnd(text, j)
			continue
		}
		w := text[i:j]
		i = j
		st.cyrLetters += cyr
		st.latLetters += lat
		if cyr+lat < 1 {
			continue
		}
		if funcWords && cyr > 0 && len(w) <= maxFunctionWord && hasFunctionShape(&fw.shape, w) {
			buf = appendLower(buf[:0], w)
			switch fw.words[string(buf)] {
			case fwRussian:
				st.ruFunc++
			case fwKazakh:
				st.kkFunc++
			}
		}
		if cyr+lat < 2 {
			continue
		}
		st.words++
		switch {
		case cyr > lat:
			st.cyrWords++
		case lat > 0:
			st.latWords++
			if lower {
				st.latLower++
			}
		}
		if kk {
			st.kkWords++
		}
	}
	return st
}

// The recognisers of addresses, shared by the word counts (stats) and the
// links check: a word (a run of letters) begins a web address, an e-mail
// address or a domain when addressMark holds at its end, and a handle or a
// hashtag when handleMark holds at its start; either runs to addressEnd.

// handleMark reports whether the word at i follows an @ or a #: a handle
// (@akorda_press) or a hashtag.
func handleMark(text string, i int) bool {
	return i > 0 && (text[i-1] == '@' || text[i-1] == '#')
}

// addressMark reports whether the word that ends at j goes on as an
// address: "://" (a scheme), "@" (an e-mail address) or a dot and a letter
// (a domain, www.…, or a local part with a dot).
func addressMark(text string, j int) bool {
	// the byte first, inline: stats asks at the end of every word
	if j < len(text) {
		switch text[j] {
		case '.', '@', ':':
			return addressMarkAt(text, j)
		}
	}
	return false
}

func addressMarkAt(text string, j int) bool {
	return text[j] == '@' || strings.HasPrefix(text[j:], "://") || text[j] == '.' && j+1 < len(text) && isLetterAt(text, j+1)
}

// addressEnd returns where the address that goes on at j ends: at the next
// space.
func addressEnd(text string, j int) int {
	for j < len(text) && text[j] != ' ' {
		j++
	}
	return j
}

// sameText reports whether a and b are one text once case is folded and
// runs of white space are one space.
func sameText(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		sa, sb := unicode.IsSpace(ra), unicode.IsSpace(rb)
		if sa != sb || !sa && toLower(ra) != toLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
		if sa {
			a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		}
	}
	return a == "" && b == ""
}

// CheckUntranslated reports a translation that is its source text, or
// that is written in another language than lang: Russian text in a Kazakh
// segment (no Kazakh-only letter, Russian function words), Kazakh text in a
// Russian segment, English text where Cyrillic is expected, Cyrillic where
// English is. Names, acronyms, URLs and short segments are left alone.
func CheckUntranslated(srcLang, src, lang, tgt string) []Finding {
	l, sl := baseLang(lang), baseLang(srcLang)
	whole := Span{0, len(tgt)}
	mk := func(id string, data map[string]any) []Finding {
		if data == nil {
			data = map[string]any{}
		}
		data["Lang"], data["SrcLang"] = lang, srcLang
		return []Finding{{Kind: Untranslated, Severity: Error, Lang: lang, SrcLang: srcLang,
			Source: NoSpan, Target: whole, Message: id, Data: data}}
	}
	if strings.TrimSpace(tgt) == "" {
		return nil
	}
	// Function words count only in a Kazakh text without a Kazakh-only
	// letter and in a Russian text with one: most texts are counted
	// without them, and again with them when they would count.
	ts := stats(tgt, false)
	if l == "kk" && ts.kkWords == 0 && ts.cyrWords >= 4 || l == "ru" && ts.kkWords >= 1 {
		ts = stats(tgt, true)
	}
	if l != sl && sameText(src, tgt) {
		// The same text: a finding unless it is a name, an acronym or a
		// figure (ITV, Dr. PawPaw, 2019), which stay as they are.
		if ts.words >= 4 || ts.latLower+ts.cyrWords >= 2 && ts.words >= 3 || ts.latLower >= 1 && ts.words >= 2 && ts.latLower*2 >= ts.words {
			return mk("qa.untranslated.same", nil)
		}
		return nil
	}
	found := ""
	switch l {
	case "kk":
		if ts.kkWords == 0 && ts.cyrWords >= 4 && ts.ruFunc >= 1 {
			found = "ru"
		}
	case "ru":
		if ts.kkWords >= 2 && ts.kkWords*4 >= ts.cyrWords || ts.kkFunc >= 2 && ts.kkWords >= 1 {
			found = "kk"
		}
	case "en":
		if ts.cyrWords >= 3 && ts.cyrLetters > ts.latLetters {
			found = "ru"
			if ts.kkWords > 0 {
				found = "kk"
			}
		}
	}
	if found == "" && (l == "ru" || l == "kk") && ts.latLower >= 3 && ts.latLetters > ts.cyrLetters {
		found = "en"
	}
	if found != "" {
		return mk("qa.untranslated.wrong-lang", map[string]any{"Found": found})
	}
	return nil
}
