package qa

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/numword"
)

// keyKind tells how a value compares.
type keyKind uint8

const (
	kNum    keyKind = iota // a number, equal within rounding
	kTime                  // minutes after midnight
	kApprox                // a converted measure (pounds to kilograms): near enough
)

type key struct {
	kind keyKind
	v    float64
}

// Value is one number found in a text: its span, its text and the values
// it may stand for (1,000 is a thousand in English and one in Russian; 7.55
// before "am" is a time; 5m is five million or five metres).
type Value struct {
	Start, End int
	Text       string
	keys       []key
	unit       int  // 1 + index into imperial, 0 for none
	word       bool // written in words (five, пятью), not figures
	paren      bool // a measure given again in brackets: 45 miles (72 km)
	own        int  // when the bracketed measure joined this one: how many keys were its own
	anaph      bool // a small number word after "the", "these" …: soft, but not to be replaced
	// Soft values (one, бір, первый, a bare тысячи) may be left out of a
	// translation: they satisfy a value on the other side but are never
	// required.
	Soft bool
}

// Number returns the value the text most likely means.
func (v Value) Number() float64 {
	if len(v.keys) == 0 {
		return 0
	}
	return v.keys[0].v
}

func (v *Value) add(k keyKind, x float64) {
	for _, o := range v.keys {
		if o.kind == k && same(o.v, x) {
			return
		}
	}
	v.keys = append(v.keys, key{k, x})
}

func same(a, b float64) bool {
	d := math.Abs(a - b)
	return d <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// imperial is the imperial unit numbered u (1 + its number in package numword; 0 is none).
func imperial(u int) numword.Unit { return numword.ImperialAt(u - 1) }

// inch is an inch in metres; inchUnit is the inch's unit (1 + its number
// in package numword; TestInchUnit checks it).
const (
	inch     = 0.0254
	inchUnit = 5
)

// imperialNames are how Russian and Kazakh write the units of imperial,
// by the unit's English prefix.
var imperialNames = lazy.Value[map[string][]string]{New: func() map[string][]string {
	return map[string][]string{
		"pound": {"фунт"}, "lb": {"фунт"}, "mile": {"мил"}, "mph": {"мил"}, "inch": {"дюйм"},
		"foot": {"фут"}, "feet": {"фут"}, "ft": {"фут"}, "yard": {"ярд"}, "ounce": {"унци"}, "oz": {"унци"},
		"gallon": {"галлон"}, "acre": {"акр"}, "degree": {"фаренгейт"}, "°f": {"фаренгейт"}, "fahrenheit": {"фаренгейт"},
		"stone": {"стоун"},
	}
}}

// mentionsUnit reports whether text (lower case) names the imperial unit u
// (1 + index into imperial): then the translation kept the unit, and its
// figure must be the source's, not a conversion.
func mentionsUnit(lower []byte, u int) bool {
	for _, name := range imperialNames.Get()[imperial(u).Prefix] {
		for off := 0; ; {
			i := bytes.Index(lower[off:], []byte(name))
			if i < 0 {
				break
			}
			i += off
			if !bytes.HasPrefix(lower[i:], []byte("футбол")) {
				return true
			}
			off = i + len(name)
		}
	}
	return false
}

// ExtractNumbers returns the numbers of text written in lang (en, ru, kk),
// in text order: figures with their grouping (1,000; 1 000; 1.000), decimals
// (3.5; 3,5), scales (5m, 2,8 млрд, 10 мың), times (10:30, 7.55am), ordinals
// (19th, 89-й, 25-ші), decades (1930s), Roman numerals before a century
// word (XIX века) and number words with their inflections (five, пятью,
// бесінші, twenty-five, двести тысяч, он бес).
func ExtractNumbers(lang, text string) []Value {
	vals, _ := extractNumbers(nil, nil, lang, text, true)
	return vals
}

// extractNumbers is ExtractNumbers; merge joins a measure given again in
// brackets into the first, which only the source side wants (the
// translation must then have one of the two). In a translation both
// stay, so each can satisfy its own figure of the source.
// The values are appended to out; buf is room for the extractor's lower
// case words, returned for reuse.
func extractNumbers(out []Value, buf []byte, lang, text string, merge bool) ([]Value, []byte) {
	ex := extractor{out: out, buf: buf}
	ex.run(baseLang(lang), text)
	ex.post(merge)
	return ex.out, ex.buf
}

// post joins what belongs together: a range whose unit is written once
// (1 to 4 inches), and a measure given twice (45 miles (72 kilometers)),
// either of which may stand in the translation.
func (ex *extractor) post(merge bool) {
	out, s := ex.out, ex.text
	for i := 0; i+1 < len(out); i++ {
		ex.feetAndInches(&out[i], &out[i+1])
	}
	if merge && ex.lang == "en" {
		ex.countsOfLists()
		ex.idioms()
	}
	for i := len(out) - 2; i >= 0; i-- {
		a, b := &out[i], &out[i+1]
		gap := s[a.End:b.Start]
		if b.unit > 0 && a.unit == 0 && len(a.keys) > 0 && a.keys[0].kind == kNum && a.keys[0].v >= 0 {
			switch strings.TrimSpace(gap) {
			case "to", "-", "–", "—", "and", "or":
				u := imperial(b.unit)
				a.add(kApprox, (a.Number()+u.Offset)*u.Factor)
				a.unit = b.unit
			}
		}
	}
	for i := 0; merge && i+1 < len(out); i++ {
		a, b := &out[i], &out[i+1]
		gap := s[a.End:b.Start]
		if len(gap) <= 24 && strings.HasSuffix(gap, "(") && strings.IndexFunc(gap[:len(gap)-1], func(r rune) bool {
			return !isLetter(r) && r != ' ' && r != '.' && r != '/' && r != '°'
		}) < 0 {
			if a.own == 0 {
				a.own = len(a.keys)
			}
			a.keys = append(a.keys, b.keys...)
			b.Soft, b.paren = true, true
		}
	}
}

// idioms makes soft the figures of English idioms translators give in
// words: 24/7 (круглосуточно, тәулік бойы), and the month of 9/11 (the
// 11 stays: теракты 11 сентября, 11 қыркүйек).
func (ex *extractor) idioms() {
	out, s := ex.out, ex.text
	for i := 0; i+1 < len(out); i++ {
		a, b := &out[i], &out[i+1]
		if a.word || b.word || s[a.End:b.Start] != "/" {
			continue
		}
		switch {
		case a.Text == "24" && b.Text == "7":
			a.Soft, b.Soft = true, true
		case a.Text == "9" && b.Text == "11":
			a.Soft = true
		}
	}
}

// feetAndInches joins a height in feet and inches (6-foot-6, 6 ft 6 in, 5
// feet 10 inches) into one measure: translators give it in metres or
// centimetres (1,98 м, 198 см, двухметровый), not as two conversions.
// The inches stay a value of their own, required only where the
// translation keeps the units (6 фут 6 дюйм).
func (ex *extractor) feetAndInches(a, b *Value) {
	if a.unit == 0 || !strings.HasPrefix(imperial(a.unit).Prefix, "f") || b.word || len(b.keys) == 0 || b.keys[0].kind != kNum {
		return
	}
	if b.unit != 0 && imperial(b.unit).Prefix != "inch" {
		return
	}
	in := b.Number()
	if in < 0 || in >= 12 || in != math.Floor(in) {
		return
	}
	switch strings.ToLower(strings.Trim(ex.text[a.End:b.Start], " -\u00a0")) {
	case "foot", "feet", "ft", "ft.":
	default:
		return
	}
	metres := a.Number()*imperial(a.unit).Factor + in*inch
	a.keys = slices.DeleteFunc(a.keys, func(k key) bool { return k.kind == kApprox })
	a.add(kApprox, metres)
	a.add(kApprox, metres*100)
	b.keys = slices.DeleteFunc(b.keys, func(k key) bool { return k.kind == kApprox })
	b.unit = inchUnit
	b.Soft, b.paren = true, true
}

// countsOfLists makes soft a count that the list after it states again
// (and a count of the people of an age, see countOfAge):
// in "three men, aged 33, 34 and 39" the three is the length of the list,
// which a translation may leave to the list (мужчины в возрасте 33, 34 и
// 39 лет). The count stays anaphoric: a translation that gives another
// count (четверо) is still reported.
func (ex *extractor) countsOfLists() {
	out, s := ex.out, ex.text
	for i := range out {
		v := &out[i]
		if ex.countOfAge(i) {
			v.Soft = true
			continue
		}
		n := int(v.Number())
		if !v.word || v.Soft || float64(n) != v.Number() || n < 2 || n > 10 || i+n >= len(out) {
			continue
		}
		if gap := s[v.End:out[i+1].Start]; len(gap) > 40 || strings.ContainsAny(gap, ".;:!?()") {
			continue
		}
		list := true
		for k := i + 1; k <= i+n && list; k++ {
			list = !out[k].word && len(out[k].keys) > 0 && out[k].keys[0].kind == kNum && out[k].keys[0].v >= 0
			if k > i+1 {
				sep := strings.TrimSpace(s[out[k-1].End:out[k].Start])
				last := k == i+n
				list = list && (sep == "," || last && (sep == "and" || sep == ", and" || sep == "or" || sep == ", or"))
			}
		}
		if !list {
			continue
		}
		if k := i + n + 1; k < len(out) {
			switch strings.TrimSpace(s[out[k-1].End:out[k].Start]) {
			case ",", "and", ", and", "or", ", or":
				continue // the list goes on: not n items
			}
		}
		v.Soft, v.anaph = true, true
	}
}

// countOfAge reports a number word that counts the people of an age
// (two 18-year-olds): Russian and Kazakh news give such people as a list
// of ages with their total (четверо подозреваемых в возрасте 17, 18 и 20
// лет), so the count may be folded into another figure. It is soft, and
// not anaphoric: the total the translation gives is no changed count.
func (ex *extractor) countOfAge(i int) bool {
	out, s := ex.out, ex.text
	v := &out[i]
	if !v.word || v.Soft || i+1 >= len(out) || out[i+1].word || s[v.End:out[i+1].Start] != " " {
		return false
	}
	rest := s[out[i+1].End:]
	return len(rest) >= 9 && strings.EqualFold(rest[:9], "-year-old")
}

type extractor struct {
	tab  *numberTables
	lang string
	text string
	out  []Value
	buf  []byte
	// the number-word phrase being read
	phrase    Value
	inPhrase  bool
	total     float64
	cur       float64
	last      float64
	words     int
	softWords int
	lastEnd   int
	// the last figure, for ranges written short (2016–18)
	prevFig      int // index into out + 1, 0 for none
	prevFigEnd   int
	prevFigDigit int
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func (ex *extractor) run(lang, text string) {
	ex.lang, ex.text = lang, text
	ex.tab = numbers.Get()
	lex := ex.tab.lexicons[lang]
	for i := 0; i < len(text); {
		c := text[i]
		if isDigit(c) {
			ex.endPhrase()
			i = ex.figure(i)
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = decode(text, i)
		} else if !isASCIILetter(c) {
			// not a letter: isLetter, inline for ASCII
			if ex.inPhrase && !ex.phraseGlue(i, r) {
				ex.endPhrase()
			}
			i++
			continue
		}
		if !isLetter(r) {
			if ex.inPhrase && !ex.phraseGlue(i, r) {
				ex.endPhrase()
			}
			i += n
			continue
		}
		j := wordEnd(text, i+n)
		ex.word(lex, i, j)
		i = j
	}
	ex.endPhrase()
}

// isASCIIOrCyrillic reports whether w has only runes below U+0530, whose
// lower case has as many bytes.
func isASCIIOrCyrillic(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0xD5 {
			return false
		}
	}
	return true
}

// hasASCII reports whether w has a byte below 0x80.
func hasASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < utf8.RuneSelf {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	if r >= 0x400 && r < 0x530 {
		return r != 0x482 // Cyrillic: letters and combining marks, but ҂
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// toLower is unicode.ToLower with fast paths for ASCII and Cyrillic.
func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r >= 0x400 && r < 0x530 {
		return rune(cyrLower[r-0x400])
	}
	return unicode.ToLower(r)
}

// appendLower appends the lower case of w to b.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := decodeMulti(w, i)
		i += n
		if r >= 0x400 && r < 0x530 {
			l := cyrLower[r-0x400]
			b = append(b, byte(0xC0|l>>6), byte(0x80|l&0x3F))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// wordEnd returns the end of the run of letters ([isLetter]) of s from i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		// U+0400 to U+053F: two bytes, D0 80 to D4 BF. Cyrillic letters
		// go on the word here; the thousands sign and the Armenian
		// capitals from U+0531 are for the general case below.
		if c >= 0xD0 && c <= 0xD4 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F); r < 0x530 && r != 0x482 {
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) {
			return i
		}
		i += n
	}
	return i
}

// cyrLower is the lower case of the Cyrillic block and its supplement
// (U+0400 to U+052F): static data, which TestCyrLowerTable holds to
// unicode.ToLower.
var cyrLower = [0x130]uint16{
	0x0450, 0x0451, 0x0452, 0x0453, 0x0454, 0x0455, 0x0456, 0x0457, 0x0458, 0x0459, 0x045a, 0x045b,
	0x045c, 0x045d, 0x045e, 0x045f, 0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
	0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e, 0x043f, 0x0440, 0x0441, 0x0442, 0x0443,
	0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044a, 0x044b, 0x044c, 0x044d, 0x044e, 0x044f,
	0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043a, 0x043b,
	0x043c, 0x043d, 0x043e, 0x043f, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
	0x0448, 0x0449, 0x044a, 0x044b, 0x044c, 0x044d, 0x044e, 0x044f, 0x0450, 0x0451, 0x0452, 0x0453,
	0x0454, 0x0455, 0x0456, 0x0457, 0x0458, 0x0459, 0x045a, 0x045b, 0x045c, 0x045d, 0x045e, 0x045f,
	0x0461, 0x0461, 0x0463, 0x0463, 0x0465, 0x0465, 0x0467, 0x0467, 0x0469, 0x0469, 0x046b, 0x046b,
	0x046d, 0x046d, 0x046f, 0x046f, 0x0471, 0x0471, 0x0473, 0x0473, 0x0475, 0x0475, 0x0477, 0x0477,
	0x0479, 0x0479, 0x047b, 0x047b, 0x047d, 0x047d, 0x047f, 0x047f, 0x0481, 0x0481, 0x0482, 0x0483,
	0x0484, 0x0485, 0x0486, 0x0487, 0x0488, 0x0489, 0x048b, 0x048b, 0x048d, 0x048d, 0x048f, 0x048f,
	0x0491, 0x0491, 0x0493, 0x0493, 0x0495, 0x0495, 0x0497, 0x0497, 0x0499, 0x0499, 0x049b, 0x049b,
	0x049d, 0x049d, 0x049f, 0x049f, 0x04a1, 0x04a1, 0x04a3, 0x04a3, 0x04a5, 0x04a5, 0x04a7, 0x04a7,
	0x04a9, 0x04a9, 0x04ab, 0x04ab, 0x04ad, 0x04ad, 0x04af, 0x04af, 0x04b1, 0x04b1, 0x04b3, 0x04b3,
	0x04b5, 0x04b5, 0x04b7, 0x04b7, 0x04b9, 0x04b9, 0x04bb, 0x04bb, 0x04bd, 0x04bd, 0x04bf, 0x04bf,
	0x04cf, 0x04c2, 0x04c2, 0x04c4, 0x04c4, 0x04c6, 0x04c6, 0x04c8, 0x04c8, 0x04ca, 0x04ca, 0x04cc,
	0x04cc, 0x04ce, 0x04ce, 0x04cf, 0x04d1, 0x04d1, 0x04d3, 0x04d3, 0x04d5, 0x04d5, 0x04d7, 0x04d7,
	0x04d9, 0x04d9, 0x04db, 0x04db, 0x04dd, 0x04dd, 0x04df, 0x04df, 0x04e1, 0x04e1, 0x04e3, 0x04e3,
	0x04e5, 0x04e5, 0x04e7, 0x04e7, 0x04e9, 0x04e9, 0x04eb, 0x04eb, 0x04ed, 0x04ed, 0x04ef, 0x04ef,
	0x04f1, 0x04f1, 0x04f3, 0x04f3, 0x04f5, 0x04f5, 0x04f7, 0x04f7, 0x04f9, 0x04f9, 0x04fb, 0x04fb,
	0x04fd, 0x04fd, 0x04ff, 0x04ff, 0x0501, 0x0501, 0x0503, 0x0503, 0x0505, 0x0505, 0x0507, 0x0507,
	0x0509, 0x0509, 0x050b, 0x050b, 0x050d, 0x050d, 0x050f, 0x050f, 0x0511, 0x0511, 0x0513, 0x0513,
	0x0515, 0x0515, 0x0517, 0x0517, 0x0519, 0x0519, 0x051b, 0x051b, 0x051d, 0x051d, 0x051f, 0x051f,
	0x0521, 0x0521, 0x0523, 0x0523, 0x0525, 0x0525, 0x0527, 0x0527, 0x0529, 0x0529, 0x052b, 0x052b,
	0x052d, 0x052d, 0x052f, 0x052f,
}

func isCyrillic(r rune) bool { return r >= 0x400 && r < 0x530 }

func isKazakhOnly(r rune) bool {
	switch r {
	case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І':
		return true
	}
	return false
}

// phraseGlue reports whether the character at i may sit inside a phrase of
// number words: a space or a hyphen (twenty-five).
func (ex *extractor) phraseGlue(i int, r rune) bool {
	return r == ' ' || r == '-' || r == 0xA0 || r == '\t' || r == '\n'
}

// lower writes the lower case of w into ex.buf, ё as е.
func (ex *extractor) lower(w string) []byte {
	ex.buf = appendLower(ex.buf[:0], w)
	b := ex.buf
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 0xD1 && b[i+1] == 0x91 { // ё
			b[i], b[i+1] = 0xD0, 0xB5 // е
		}
	}
	return b
}

func (ex *extractor) word(lex map[string]numword.Word, i, j int) {
	w := ex.text[i:j]
	if j-i > 40 {
		ex.endPhrase()
		return
	}
	var nw numword.Word
	ok := false
	r, _ := decode(w, 0)
	if r >= 0x530 || ex.tab.mayStartNumber(toLower(r)) && (!isASCIIOrCyrillic(w) || ex.tab.mayBeNumberWord(w)) {
		lw := ex.lower(w)
		nw, ok = lex[string(lw)]
	}
	if !ok && ex.lang != "en" && isCyrillic(r) && hasASCII(w) {
		// Kazakh typed with Latin look-alikes: екi, он екi, жетi.
		if c, all := glossary.ToCyrillic(w); all {
			nw, ok = lex[string(ex.lower(c))]
		}
	}
	if !ok && ex.lang == "ru" && j-i >= 16 && isCyrillic(r) && ex.tab.mayStartNumber(toLower(r)) {
		// двухметровый, пятилетнего: a number, though not one a
		// translation must keep (the English may say "a decade").
		if x, isCompound := ruCompound(w); isCompound {
			ex.endPhrase()
			v := Value{Start: i, End: j, Text: w, word: true, Soft: true}
			v.add(kNum, x)
			ex.out = append(ex.out, v)
			return
		}
	}
	if !ok && ex.inPhrase && ex.lang == "en" && len(w) == 3 && strings.EqualFold(w, "and") {
		return // two hundred and five
	}
	if !ok {
		ex.endPhrase()
		if romanValue(rune(w[0])) == 0 && !strings.HasPrefix(w, "Х") && !strings.HasPrefix(w, "І") {
			return
		}
		if v, ok := romanNumeral(w); ok && ex.romanContext(w, j) {
			val := Value{Start: i, End: j, Text: w}
			val.add(kNum, v)
			ex.out = append(ex.out, val)
		}
		return
	}
	if nw.Half {
		// A half joins the units before it (бір жарым); alone it is no
		// number here.
		if !ex.inPhrase || ex.cur == 0 || ex.cur != math.Trunc(ex.cur) {
			ex.endPhrase()
			return
		}
		ex.words++
		ex.cur += nw.Val
		ex.last = 1
		ex.lastEnd = j
		return
	}
	// Join the phrase: a smaller unit after a larger one, or a multiplier
	// or scale after units.
	if ex.inPhrase {
		joins := false
		switch {
		case nw.Scale:
			joins = ex.cur > 0 && nw.Val > ex.cur
		case nw.Mult:
			joins = ex.cur > 0 && ex.cur < 100
		default:
			joins = nw.Val < ex.last && (ex.last >= 10 || ex.last == 0) && !(ex.cur > 0 && ex.cur < 10 && ex.last < 100)
		}
		if !joins {
			ex.endPhrase()
		}
	}
	if !ex.inPhrase {
		ex.inPhrase = true
		ex.phrase = Value{Start: i}
		ex.total, ex.cur, ex.last, ex.words, ex.softWords = 0, 0, 0, 0, 0
	}
	ex.words++
	if nw.Soft || nw.Scale || nw.Mult {
		ex.softWords++
	}
	switch {
	case nw.Scale:
		c := ex.cur
		if c == 0 {
			c = 1
		}
		ex.total += c * nw.Val
		ex.cur = 0
		ex.last = nw.Val
	case nw.Mult:
		c := ex.cur
		if c == 0 {
			c = 1
		}
		ex.cur = c * nw.Val
		ex.last = nw.Val
	default:
		ex.cur += nw.Val
		ex.last = nw.Val
		if nw.Val == 0 {
			ex.last = 0
		}
	}
	ex.lastEnd = j
	if nw.Ends {
		ex.endPhrase()
	}
}

func (ex *extractor) endPhrase() {
	if !ex.inPhrase {
		return
	}
	ex.inPhrase = false
	v := ex.phrase
	v.word = true
	v.End = ex.lastEnd
	v.Text = ex.text[v.Start:v.End]
	v.add(kNum, ex.total+ex.cur)
	v.Soft = ex.words == ex.softWords && ex.words == 1 || ex.lang == "en" && (ex.capitalName(v.Start) || ex.words == 1 && ex.total+ex.cur <= 3 && ex.anaphoric(v.Start))
	v.anaph = v.Soft && ex.lang == "en" && ex.words == 1 && ex.total+ex.cur > 1
	ex.out = append(ex.out, v)
}

// anaphoric reports an English number word after a determiner that points
// back (the two figures, those three men): the count was given before,
// and translators rightly write "these figures" (эти показатели).
func (ex *extractor) anaphoric(i int) bool {
	before := strings.TrimRight(ex.text[:i], " ")
	j := strings.LastIndexAny(before, " \t\n\"'“‘«(") + 1
	switch strings.ToLower(before[j:]) {
	case "the", "these", "those", "both", "its", "their", "his", "her", "our", "your", "all":
		return true
	}
	return false
}

// capitalName reports an English number word written with a capital
// inside a sentence: part of a name (the Four Corners, World War Two).
func (ex *extractor) capitalName(i int) bool {
	c := ex.text[i]
	if c < 'A' || c > 'Z' {
		return false
	}
	before := strings.TrimRight(ex.text[:i], " \t\"'“‘«(")
	if before == "" {
		return false
	}
	switch before[len(before)-1] {
	case '.', '!', '?', ':', '\n', ';':
		return false
	}
	return !strings.HasSuffix(before, "—") && !strings.HasSuffix(before, "–")
}

// romanContext accepts a Roman numeral before a century word, or one of
// two or more letters I, V, X (World War II, XXI).
func (ex *extractor) romanContext(w string, j int) bool {
	rest := strings.TrimLeft(ex.text[j:], " \u00a0-–")
	lr := string(ex.lower(firstWord(rest)))
	if strings.HasPrefix(lr, "век") || strings.HasPrefix(lr, "ғасыр") || strings.HasPrefix(lr, "centur") || lr == "в" || lr == "вв" || lr == "ғ" {
		return true
	}
	return utf8.RuneCountInString(w) >= 2 && strings.Trim(latinRoman.Get().Replace(w), "IVX") == ""
}

func firstWord(s string) string {
	for i, r := range s {
		if !isLetter(r) {
			return s[:i]
		}
	}
	return s
}

// romanNumeral reads an upper-case Roman numeral, Latin or with the
// Cyrillic look-alikes Х and І that Russian and Kazakh typists use.
func romanNumeral(w string) (float64, bool) {
	if len(w) == 0 || len(w) > 24 {
		return 0, false
	}
	total, prev := 0, 0
	for i := len(w); i > 0; {
		r, n := utf8.DecodeLastRuneInString(w[:i])
		i -= n
		v := romanValue(r)
		if v == 0 {
			return 0, false
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	if total <= 0 || total > 3999 || romanString(total) != latinRoman.Get().Replace(w) {
		return 0, false
	}
	return float64(total), true
}

// latinRoman writes the Cyrillic look-alikes of a Roman numeral in Latin.
var latinRoman = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer { return strings.NewReplacer("Х", "X", "І", "I") }}

func romanValue(r rune) int {
	switch r {
	case 'I', 'І':
		return 1
	case 'V':
		return 5
	case 'X', 'Х':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

func romanString(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// isGroupSpace reports the spaces that group digits: space, no-break
// space, thin space, narrow no-break space, figure space.
func groupSpace(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == ' ' {
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case 0xA0, 0x2009, 0x202F, 0x2007:
		return n
	}
	return 0
}

// clockTime reports whether s[h:colon] and the two digits after the colon
// can be a time of day (hours to 24, minutes under 60): 38:17 is a score.
func clockTime(s string, h, colon int) bool {
	return parseF(s[h:colon]) <= 24 && parseF(s[colon+1:colon+3]) < 60
}

// scoreWords are the words that name a score in Russian and Kazakh, as
// their stems: счет 24:20, 24:20 есебімен.
var scoreWords = [...]string{"счет", "счёт", "есеп", "есеб"}

// scoreNear reports whether a word naming a score stands within a few
// words before s[start:end] or after it: then 24:20 is two numbers, not a
// time.
func scoreNear(s string, start, end int) bool {
	const reach = 24 // bytes: a word or two of Cyrillic
	before := strings.ToLower(s[max(0, start-reach):start])
	after := strings.ToLower(s[end:min(len(s), end+reach)])
	for _, w := range scoreWords {
		if strings.Contains(before, w) || strings.Contains(after, w) {
			return true
		}
	}
	return false
}

func digitsAt(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return j - i
}

// figure reads the number written in digits at text[i:] and the words that
// qualify it; it returns where to go on.
func (ex *extractor) figure(i int) int {
	s := ex.text
	type group struct{ start, end int }
	groups := []group{{i, i + digitsAt(s, i)}}
	var seps []string
	j := groups[0].end
	for len(groups) < 64 {
		if j < len(s) && s[j] == ':' && !(len(groups) == 1 && groups[0].end-groups[0].start <= 2 && digitsAt(s, j+1) == 2 &&
			clockTime(s, groups[0].start, j) && !scoreNear(s, groups[0].start, j+3)) {
			break // a score or ratio (2:0, 38:17, счет 24:20): two numbers
		}
		if j < len(s) && (s[j] == ',' || s[j] == '.' || s[j] == ':') && j+1 < len(s) && isDigit(s[j+1]) {
			n := digitsAt(s, j+1)
			seps = append(seps, s[j:j+1])
			groups = append(groups, group{j + 1, j + 1 + n})
			j += 1 + n
			continue
		}
		if sp := groupSpace(s, j); sp > 0 && groups[0].end-groups[0].start <= 3 && digitsAt(s, j+sp) == 3 &&
			(j+sp+3 >= len(s) || !isDigit(s[j+sp+3])) && !(len(seps) > 0 && seps[len(seps)-1] != " ") {
			seps = append(seps, " ")
			groups = append(groups, group{j + sp, j + sp + 3})
			j += sp + 3
			continue
		}
		break
	}
	// A trailing separator that groups nothing stays out.
	v := Value{Start: i, End: j}
	gs := make([]string, len(groups))
	for k, g := range groups {
		gs[k] = s[g.start:g.end]
	}
	ex.interpret(&v, gs, seps)
	if len(gs) == 1 && len(gs[0]) == 2 && shortYear(s, i) {
		// A year written short: the SS19 collection, FY19, '19. A
		// translation writes it whole (2019 жылғы жазғы топтама).
		n := v.Number()
		ex.addKey(&v, kNum, 2000+n)
		ex.addKey(&v, kNum, 1900+n)
	}
	// What follows: scale words, am/pm, ordinal and decade suffixes, units.
	end := ex.qualify(&v, j)
	v.Text = s[v.Start:v.End]
	if len(v.keys) > 0 {
		// A range written short: 2016–18 also means 2018.
		if ex.prevFig > 0 && ex.prevFigEnd <= i && i-ex.prevFigEnd <= 4 && strings.ContainsAny(s[ex.prevFigEnd:i], "-–—") &&
			len(gs) == 1 && len(gs[0]) < ex.prevFigDigit {
			p := ex.out[ex.prevFig-1].Number()
			d := math.Pow(10, float64(len(gs[0])))
			ex.addKey(&v, kNum, math.Floor(p/d)*d+v.Number())
		}
		ex.out = append(ex.out, v)
		if len(gs) == 1 {
			ex.prevFig = len(ex.out)
			ex.prevFigEnd = v.End
			ex.prevFigDigit = len(gs[0])
		} else {
			ex.prevFig = 0
		}
	}
	return end
}

func (ex *extractor) addKey(v *Value, k keyKind, x float64) { v.add(k, x) }

// shortYear reports whether the two digits at s[i:] may be a year written
// short: after an apostrophe ('19, ’19) or glued to two capital Latin
// letters of a season or fiscal year (SS19, AW18, FW19, FY19), and not
// followed by another digit or letter.
func shortYear(s string, i int) bool {
	if i+2 < len(s) && (isDigit(s[i+2]) || isASCIILetter(s[i+2])) {
		return false
	}
	if i >= 1 && s[i-1] == '\'' || strings.HasSuffix(s[:i], "’") {
		return i < 2 || !isASCIILetter(s[i-2]) // not the 19 of rock'19
	}
	up := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	return i >= 2 && up(s[i-1]) && up(s[i-2]) && (i == 2 || !isASCIILetter(s[i-3]) && !isDigit(s[i-3]))
}

func parseF(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return f
}

// interpret sets the values of digit groups gs joined by seps.
func (ex *extractor) interpret(v *Value, gs, seps []string) {
	join := strings.Join(gs, "")
	if len(seps) == 0 {
		v.add(kNum, parseF(gs[0]))
		return
	}
	all := func(sep string) bool {
		for _, x := range seps {
			if x != sep {
				return false
			}
		}
		return true
	}
	grouped := func(upto int) bool { // gs[1:upto+1] are groups of three after a head of 1–3
		if len(gs[0]) > 3 || gs[0][0] == '0' && len(gs[0]) > 1 {
			return false
		}
		for _, g := range gs[1 : upto+1] {
			if len(g) != 3 {
				return false
			}
		}
		return true
	}
	n := len(seps)
	switch {
	case n == 1 && seps[0] == ":":
		h, m := parseF(gs[0]), parseF(gs[1])
		if len(gs[1]) == 2 && h <= 24 && m < 60 {
			v.add(kTime, h*60+m)
			if m == 0 {
				v.add(kNum, h)
			}
			return
		}
		v.add(kNum, parseF(gs[0]))
		v.keys = append(v.keys, key{kNum, parseF(gs[1])}) // a score or ratio: both figures
		return
	case n == 1 && (seps[0] == "." || seps[0] == ","):
		dec := parseF(gs[0] + "." + gs[1])
		if len(gs[1]) == 3 && grouped(1) {
			// 1,000 or 1.000: a thousand in English, one in Russian and
			// Kazakh; accept both on either side.
			if ex.lang == "en" && seps[0] == "," {
				v.add(kNum, parseF(join))
				v.add(kNum, dec)
			} else {
				v.add(kNum, dec)
				v.add(kNum, parseF(join))
			}
			return
		}
		v.add(kNum, dec)
		if seps[0] == "." && len(gs[1]) == 2 {
			h, m := parseF(gs[0]), parseF(gs[1])
			if h <= 24 && m < 60 {
				v.add(kTime, h*60+m) // 10.30
			}
		}
		return
	case all(seps[0]) && grouped(n):
		v.add(kNum, parseF(join)) // 1,000,000; 1 000 000; 1.000.000
		return
	}
	// Grouped, then a decimal part: 1,000.5; 1 000,5; 1.000,5.
	last := seps[n-1]
	if n >= 2 && (last == "." || last == ",") && seps[0] != last && grouped(n-1) {
		ok := true
		for _, x := range seps[:n-1] {
			if x != seps[0] {
				ok = false
			}
		}
		if ok {
			v.add(kNum, parseF(strings.Join(gs[:n], "")+"."+gs[n]))
			return
		}
	}
	// Anything else (dates 30.09.2018, versions, ids): compared as the
	// string of its digits, not guessed at.
	v.add(kNum, idKey(join))
}

// idKey turns a digit string into a key that no number takes: negative,
// unique for strings up to 15 digits, with the length folded in.
func idKey(digits string) float64 {
	if len(digits) > 15 {
		digits = digits[len(digits)-15:]
	}
	return -(parseF(digits) + math.Pow(10, float64(len(digits))))
}

// qualify reads the words after a figure that change its value and returns
// where reading goes on; it extends v.End over them.
func (ex *extractor) qualify(v *Value, j int) int {
	s := ex.text
	// Attached letters: 5m, 2.8bn, 19th, 1930s, 7am, 11million.
	k := j
	for k < len(s) && k-j < 12 && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
		k++
	}
	if k > j && (k >= len(s) || !isLetterAt(s, k)) {
		suf := strings.ToLower(s[j:k])
		switch suf {
		case "st", "nd", "rd", "th":
			v.End = k
			return k
		case "s":
			if base := v.Number(); base >= 10 && base == math.Floor(base) {
				v.add(kNum, math.Mod(base, 100)) // the 1930s, the 30s
			}
			// The 80s: a decade, temperatures or an age, which translators
			// render by sense (восьмидесятые, 27 градусов, восьмидесятилетний).
			v.Soft = j-v.Start == 2
			v.End = k
			return k
		case "m", "k":
			base := v.Number()
			mult := 1e6
			if suf == "k" {
				mult = 1e3
			}
			v.keys = nil
			v.add(kNum, base*mult)
			v.add(kNum, base) // 100m may be metres
			v.End = k
			return k
		case "am", "pm":
			ex.clock(v, suf == "pm")
			v.End = k
			return k
		}
		if sc, ok := numword.Scale(suf); ok {
			ex.scale(v, sc)
			v.End = k
			return k
		}
		ex.unit(v, suf)
		return j
	}
	// A space, then a word.
	p := j
	if sp := groupSpace(s, p); sp > 0 {
		p += sp
	} else if p < len(s) && s[p] == '-' {
		p++ // 19th-century, 13-year-old, 89-й
	} else {
		return j
	}
	w := firstWord(s[p:])
	if w == "" {
		return j
	}
	if pm, _, ok := numword.Meridiem(s[p:]); ok {
		ex.clock(v, pm)
		return j
	}
	lw := string(ex.lower(w))
	if sc, ok := numword.Scale(lw); ok {
		ex.scale(v, sc)
		v.End = p + len(w)
		return v.End
	}
	ex.unit(v, lw)
	return j
}

func isLetterAt(s string, k int) bool {
	r, _ := utf8.DecodeRuneInString(s[k:])
	return isLetter(r)
}

func (ex *extractor) scale(v *Value, sc float64) {
	base := v.keys
	v.keys = nil
	for _, b := range base {
		if b.kind == kNum && b.v >= 0 {
			v.add(kNum, b.v*sc)
		}
	}
}

// clock makes v a time of day (7 a.m., 3 p.m., 7.55am, 4.40 am).
func (ex *extractor) clock(v *Value, pm bool) {
	var mins float64 = -1
	for _, k := range v.keys {
		if k.kind == kTime {
			mins = k.v
		}
	}
	if mins < 0 {
		h := v.Number()
		if h != math.Floor(h) || h > 12 {
			return
		}
		mins = h * 60
		v.add(kNum, h)
	}
	if pm && mins < 12*60 {
		mins += 12 * 60
		if math.Mod(mins, 60) == 0 {
			v.add(kNum, mins/60)
		}
	}
	v.add(kTime, mins)
}

// unit adds the metric value of an imperial measure as an approximate key.
func (ex *extractor) unit(v *Value, w string) {
	if ex.lang != "en" {
		return
	}
	if i, ok := numword.Imperial(w); ok {
		x := v.Number()
		if x < 0 {
			return
		}
		u := numword.ImperialAt(i)
		v.add(kApprox, (x+u.Offset)*u.Factor)
		v.unit = 1 + i
	}
}
