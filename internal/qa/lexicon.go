package qa

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
	"github.com/tilmash/tilmash/internal/lazy"
)

// numWord is a number word of one language.
type numWord struct {
	val   float64
	mult  bool // multiplies what comes before it: hundred, жүз
	scale bool // closes a group: thousand, тысяча, мың, million
	soft  bool // also an article or pronoun (one, бір, первый): never required
	half  bool // adds a half to the units before it: бір жарым (1.5); alone no number
	// ends: a Kazakh numeral with a case or possessive ending, which only
	// the last word of a number takes (жиырма бестен, онның): no smaller
	// unit after it belongs to the same number (онның бірі is not 11).
	ends bool
}

// numberTables are the number words of each language and the indexes
// that let most words of a text skip looking them up. They are built on
// first use: building them at init cost every start of tilmash.
type numberTables struct {
	// lexicons maps a lower-case word to its number, per base language.
	lexicons map[string]map[string]numWord
	// initial marks the lower-case letters a number word of any
	// language starts with, so most words of a text skip the look-up.
	initial [0x530]bool
	// shape has a bit set for the length and first two letters of every
	// number word (see [shapeKey] and shapeBit): a word whose bit is clear
	// is not looked up. Other shapes may share a bit; their words are
	// looked up and not found.
	shape [1 << 10]uint64
}

// shapeBit returns the bit of shape key k in numberTables.shape: 16 bits
// of a multiplicative hash.
func shapeBit(k uint64) (word int, bit uint64) {
	h := (k * 0x9E3779B97F4A7C15) >> 48
	return int(h >> 6), 1 << (h & 63)
}

var numbers = lazy.Value[*numberTables]{New: func() *numberTables {
	t := &numberTables{
		lexicons: map[string]map[string]numWord{"en": enLexicon(), "ru": ruLexicon(), "kk": kkLexicon()},
	}
	for _, lex := range t.lexicons {
		for w := range lex {
			r, _ := utf8.DecodeRuneInString(w)
			if r < 0x530 {
				t.initial[r] = true
			}
			i, b := shapeBit(shapeKey(w))
			t.shape[i] |= b
		}
	}
	return t
}}

// shapeKey packs the byte length of a lower-case word and its first two
// letters (ё as е).
func shapeKey(w string) uint64 {
	r1, n := decode(w, 0)
	var r2 rune
	if n < len(w) {
		r2, _ = decode(w, n)
	}
	return uint64(len(w))<<42 | uint64(foldRune(r1))<<21 | uint64(foldRune(r2))
}

func foldRune(r rune) rune {
	r = toLower(r)
	if r == 'ё' {
		r = 'е'
	}
	return r
}

// mayBeNumberWord reports whether w, a word of ASCII or Cyrillic letters,
// has the shape of a number word of some language.
func (t *numberTables) mayBeNumberWord(w string) bool {
	i, b := shapeBit(shapeKey(w))
	return t.shape[i]&b != 0
}

func (t *numberTables) mayStartNumber(r rune) bool { return r >= 0x530 || r >= 0 && t.initial[r] }

func enLexicon() map[string]numWord {
	m := map[string]numWord{}
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range units {
		m[w] = numWord{val: float64(i), soft: i <= 1}
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		m[w] = numWord{val: float64(20 + 10*i)}
	}
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for i, w := range ords {
		if w != "" {
			m[w] = numWord{val: float64(i), soft: i <= 2}
		}
	}
	for i, w := range []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"} {
		m[w] = numWord{val: float64(20 + 10*i)}
	}
	m["hundred"] = numWord{val: 100, mult: true}
	m["hundredth"] = numWord{val: 100, mult: true}
	m["thousand"] = numWord{val: 1e3, scale: true}
	m["thousandth"] = numWord{val: 1e3, scale: true}
	m["million"] = numWord{val: 1e6, scale: true}
	m["billion"] = numWord{val: 1e9, scale: true}
	m["trillion"] = numWord{val: 1e12, scale: true}
	m["dozen"] = numWord{val: 12, soft: true}
	m["both"] = numWord{val: 2, soft: true}
	return m
}

// ruAdj are the endings of Russian ordinal adjectives.
var ruAdj = []string{"ый", "ой", "ий", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми"}

func ruLexicon() map[string]numWord {
	m := map[string]numWord{}
	add := func(v float64, soft bool, forms ...string) {
		for _, f := range forms {
			m[f] = numWord{val: v, soft: soft}
		}
	}
	add(0, false, "ноль", "нуль", "нуля", "нулю", "нулём", "нулем", "нуле")
	add(1, true, "один", "одна", "одно", "одни", "одного", "одной", "одному", "одним", "одном", "одну", "одною", "одними", "одних")
	add(2, false, "два", "две", "двух", "двум", "двумя", "двое", "двоих", "двоим", "двоими")
	add(3, false, "три", "трёх", "трех", "трём", "трем", "тремя", "трое", "троих", "троим", "троими")
	add(4, false, "четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя", "четверо", "четверых", "четверым")
	// 5–20 and 30 decline like nouns in -ь: пять, пяти, пятью.
	iStems := map[float64]string{5: "пять", 6: "шесть", 7: "семь", 9: "девять", 10: "десять",
		11: "одиннадцать", 12: "двенадцать", 13: "тринадцать", 14: "четырнадцать", 15: "пятнадцать",
		16: "шестнадцать", 17: "семнадцать", 18: "восемнадцать", 19: "девятнадцать", 20: "двадцать", 30: "тридцать"}
	for v, w := range iStems {
		s := strings.TrimSuffix(w, "ь")
		add(v, false, w, s+"и", s+"ью")
	}
	add(8, false, "восемь", "восьми", "восемью", "восьмью")
	add(5, false, "пятеро", "пятерых")
	add(6, false, "шестеро", "шестерых")
	add(7, false, "семеро", "семерых")
	add(10, false, "десятеро", "десятерых")
	// двоякий, трояко: in two or three ways.
	for _, st := range []struct {
		v float64
		w string
	}{{2, "двояк"}, {3, "трояк"}} {
		add(st.v, true, st.w+"о")
		for _, e := range ruAdj {
			add(st.v, true, strings.Replace(st.w+e, "кы", "ки", 1))
		}
	}
	add(2, true, "оба", "обе", "обоих", "обеих", "обоим", "обеим", "обоими", "обеими")
	add(10, true, "десятка", "десятки", "десятку", "десяткой", "десятке")
	add(24, true, "сутки", "суток", "суткам", "сутками")
	add(40, false, "сорок", "сорока")
	add(90, false, "девяносто", "девяноста")
	add(100, false, "сто", "ста")
	for v, f := range map[float64][3]string{50: {"пятьдесят", "пятидесяти", "пятьюдесятью"}, 60: {"шестьдесят", "шестидесяти", "шестьюдесятью"},
		70: {"семьдесят", "семидесяти", "семьюдесятью"}, 80: {"восемьдесят", "восьмидесяти", "восемьюдесятью"}} {
		add(v, false, f[:]...)
	}
	add(200, false, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
	add(300, false, "триста", "трёхсот", "трехсот", "трёмстам", "тремстам", "тремястами", "трёхстах", "трехстах")
	add(400, false, "четыреста", "четырёхсот", "четырехсот", "четырёмстам", "четыремстам", "четырьмястами", "четырёхстах", "четырехстах")
	for v, st := range map[float64][3]string{500: {"пять", "пяти", "пятью"}, 600: {"шесть", "шести", "шестью"}, 700: {"семь", "семи", "семью"},
		800: {"восемь", "восьми", "восемью"}, 900: {"девять", "девяти", "девятью"}} {
		add(v, false, st[0]+"сот", st[1]+"сот", st[1]+"стам", st[2]+"стами", st[1]+"стах")
	}
	for _, sc := range []struct {
		v     float64
		forms []string
	}{
		{1e3, []string{"тысяча", "тысячи", "тысяч", "тысяче", "тысячу", "тысячей", "тысячью", "тысячам", "тысячами", "тысячах"}},
	} {
		for _, f := range sc.forms {
			m[f] = numWord{val: sc.v, scale: true}
		}
	}
	for v, w := range map[float64]string{1e6: "миллион", 1e9: "миллиард", 1e12: "триллион"} {
		for _, e := range []string{"", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"} {
			m[w+e] = numWord{val: v, scale: true}
		}
	}
	// Ordinals.
	ordStems := map[float64]string{1: "перв", 2: "втор", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят", 10: "десят",
		11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат",
		18: "восемнадцат", 19: "девятнадцат", 20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят",
		70: "семидесят", 80: "восьмидесят", 90: "девяност", 100: "сот"}
	for v, st := range ordStems {
		for _, e := range ruAdj {
			m[st+e] = numWord{val: v, soft: v == 1}
			if strings.Contains(st, "ё") {
				m[strings.ReplaceAll(st, "ё", "е")+e] = numWord{val: v}
			}
		}
	}
	add(3, false, "третий", "третья", "третье", "третьи", "третьего", "третьему", "третьим", "третьем", "третью", "третьей", "третьих", "третьими")
	// One and a half: полторы тысячи (1,500), полтора миллиона.
	add(1.5, false, "полтора", "полторы", "полутора")
	// A third (of): English says "a third", Kazakh "үштен бірі" (үш), so
	// треть stands for the 3 of "third"; never required.
	add(3, true, "треть", "трети", "третей", "третям", "третями", "третях")
	for _, e := range ruAdj {
		m["тысячн"+e] = numWord{val: 1e3, scale: true}
	}
	return m
}

// ruCombining are the forms Russian numerals take at the head of a
// compound word (двухметровый, пятилетний, двадцатипятиэтажный,
// полуторачасовой), by their first letter (а to я), longest first so
// that двухсот is tried before двух.
var ruCombining = lazy.Value[*[32][]ruStem]{New: func() *[32][]ruStem {
	var t [32][]ruStem
	for _, c := range []ruStem{
		{"одно", 1}, {"полутора", 1.5}, {"двух", 2}, {"дву", 2}, {"трех", 3}, {"трёх", 3}, {"четырех", 4}, {"четырёх", 4},
		{"пяти", 5}, {"шести", 6}, {"семи", 7}, {"восьми", 8}, {"девяти", 9}, {"десяти", 10}, {"одиннадцати", 11},
		{"двенадцати", 12}, {"тринадцати", 13}, {"четырнадцати", 14}, {"пятнадцати", 15}, {"шестнадцати", 16},
		{"семнадцати", 17}, {"восемнадцати", 18}, {"девятнадцати", 19}, {"двадцати", 20}, {"тридцати", 30},
		{"сорока", 40}, {"пятидесяти", 50}, {"шестидесяти", 60}, {"семидесяти", 70}, {"восьмидесяти", 80},
		{"девяноста", 90}, {"девяносто", 90}, {"сто", 100}, {"двухсот", 200}, {"трехсот", 300}, {"трёхсот", 300},
		{"четырехсот", 400}, {"четырёхсот", 400}, {"пятисот", 500}, {"тысяче", 1000},
	} {
		r, _ := utf8.DecodeRuneInString(c.stem)
		t[r-'а'] = append(t[r-'а'], c)
	}
	for _, l := range t {
		slices.SortStableFunc(l, func(a, b ruStem) int { return len(b.stem) - len(a.stem) })
	}
	return &t
}}

type ruStem struct {
	stem string
	v    float64
}

// ruCompoundHeads are what a compound of ruCombining measures: years,
// metres, storeys, hours, per cent, -fold (трёхкратный), seats.
var ruCompoundHeads = []string{"лет", "метров", "километров", "сантиметров", "миллиметров", "этаж", "часов", "минутн",
	"секундн", "дневн", "недельн", "месячн", "годичн", "веков", "процентн", "кратн", "тонн", "килограммов", "литров",
	"местн", "комнатн", "серийн", "томн", "звездочн", "звёздочн", "разов", "градусн", "долларов", "рублев", "рублёв",
	"футов", "дюймов", "миллионн", "миллиардн", "сторонн", "листн", "голов", "ярусн", "уровнев", "полосн", "сложн",
	"значн", "язычн", "спальн", "колесн", "цилиндров", "ствольн", "зарядн", "ступенчат"}

// ruCompound reads a Russian compound word headed by numerals, written in
// lower case but for its first letter: двухметровый is 2,
// Двадцатипятилетний 25, трёхсотлетие 300. Numerals join from larger to
// smaller, as in a number phrase.
func ruCompound(w string) (float64, bool) {
	stems := ruCombining.Get()
	total, last := 0.0, math.Inf(1)
	rest := w
	for len(rest) > 0 {
		r, n := utf8.DecodeRuneInString(rest)
		r = toLower(r)
		if r < 'а' || r > 'я' {
			break
		}
		found := false
		for _, c := range stems[r-'а'] {
			// The first letter compared folded, the rest as written.
			if c.v < last && len(rest) > len(c.stem) && rest[n:len(c.stem)] == c.stem[n:] {
				total += c.v
				last = c.v
				if c.v < 10 || c.v == 1.5 {
					last = 0 // nothing joins after a unit: пятидвух is no number
				}
				rest = rest[len(c.stem):]
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	if total == 0 {
		return 0, false
	}
	for _, h := range ruCompoundHeads {
		if strings.HasPrefix(rest, h) {
			return total, true
		}
	}
	return 0, false
}

// kkNumerals are the Kazakh cardinal numerals.
var kkNumerals = []struct {
	w string
	v float64
}{
	{"нөл", 0}, {"бір", 1}, {"екі", 2}, {"үш", 3}, {"төрт", 4}, {"бес", 5}, {"алты", 6}, {"жеті", 7}, {"сегіз", 8}, {"тоғыз", 9},
	{"он", 10}, {"жиырма", 20}, {"отыз", 30}, {"қырық", 40}, {"елу", 50}, {"алпыс", 60}, {"жетпіс", 70}, {"сексен", 80},
	{"тоқсан", 90}, {"жүз", 100}, {"мың", 1e3}, {"миллион", 1e6}, {"миллиард", 1e9}, {"триллион", 1e12},
}

func kkLexicon() map[string]numWord {
	// case forms of numerals that are (far more often) other words:
	// онда "there", ондағы, үшін "for"
	kkNotNumerals := map[string]bool{"онда": true, "ондағы": true, "оны": true, "оның": true, "үшін": true, "бірге": true, "жүзде": true}
	m := map[string]numWord{}
	for _, n := range kkNumerals {
		nw := numWord{val: n.v, soft: n.v == 1, mult: n.v == 100, scale: n.v >= 1e3}
		for _, f := range morph.KazakhCaseForms(n.w) {
			if !kkNotNumerals[f] {
				m[f] = nw
				if f != n.w {
					m[f] = numWord{val: nw.val, soft: nw.soft, mult: nw.mult, scale: nw.scale, ends: true}
				}
			}
		}
		if n.v < 1e6 {
			ord := morph.KazakhOrdinal(n.w)
			switch n.w {
			case "жиырма":
				ord = "жиырмасыншы"
			case "елу":
				ord = "елуінші"
			case "қырық":
				ord = "қырқыншы"
			}
			m[ord] = nw
		}
	}
	for w, v := range map[string]float64{"екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7, "сегізеу": 8, "тоғызау": 9, "онау": 10} {
		m[w] = numWord{val: v}
		poss := w + glossaryPoss(w)
		for _, f := range morph.KazakhInflect(morph.KazakhStem{Word: poss, Possessive: true}, morph.KazakhEnding{Case: morph.KazakhBare}) {
			m[f] = numWord{val: v}
		}
		for c := morph.KazakhGenitive; c <= morph.KazakhAttributive; c++ {
			for _, f := range morph.KazakhInflect(morph.KazakhStem{Word: poss, Possessive: true}, morph.KazakhEnding{Case: c}) {
				m[f] = numWord{val: v}
			}
		}
	}
	// The possessive of a numeral, with its case endings: a fraction
	// (үштен екісі, two thirds; бестен бірі) or a part of a whole
	// (олардың екісі, two of them). Not the forms that are other words
	// (үшін "for"), nor those of он (оны is "him"), nor of the
	// tens, hundreds and scales, whose possessives are more often other
	// words (жүзі "its face", тоқсаны "its quarter").
	// бірі (one of: онның бірі, 1 in 10) is an article's kind of word,
	// as бір is: it satisfies a 1, never requires one.
	for _, n := range kkNumerals {
		if n.v < 1 || n.v > 9 {
			continue
		}
		for c := morph.KazakhBare; c <= morph.KazakhAttributive; c++ {
			for _, f := range morph.KazakhInflect(morph.KazakhStem{Word: n.w}, morph.KazakhEnding{Possessive: true, Case: c}) {
				if _, ok := m[f]; !ok && !kkNotNumerals[f] {
					m[f] = numWord{val: n.v, soft: n.v == 1, ends: true}
				}
			}
		}
	}
	for _, f := range morph.KazakhCaseForms("ондық") {
		m[f] = numWord{val: 10, soft: true}
	}
	for _, f := range morph.KazakhCaseForms("тәулік") {
		m[f] = numWord{val: 24, soft: true}
	}
	// бір жарым мың (1,500), екі жарым миллион (2.5 million).
	m["жарым"] = numWord{val: 0.5, half: true}
	return m
}

// glossaryPoss is the possessive of a collective numeral: екеуі, алтауы.
func glossaryPoss(w string) string {
	if strings.HasSuffix(w, "ау") {
		return "ы"
	}
	return "і"
}
