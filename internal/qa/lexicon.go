package qa

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/numword"
)

// numberTables are the number words of each language and the indexes
// that let most words of a text skip looking them up. They are built on
// first use: building them at init cost every start of tilmash.
type numberTables struct {
	// lexicons maps a lower-case word to its number, per base language.
	lexicons map[string]map[string]numword.Word
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
		lexicons: map[string]map[string]numword.Word{"en": numword.Words("en"), "ru": numword.Words("ru"), "kk": numword.Words("kk")},
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
