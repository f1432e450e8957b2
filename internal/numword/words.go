package numword

import (
	"strings"

	"github.com/tilmash/tilmash/internal/glossary/morph"
	"github.com/tilmash/tilmash/internal/lazy"
)

// Words returns the number words of lang (en, ru, kk) in lower case, with their inflected forms
// (пятью, бесінші, жиырма бестен), built on first use and shared: do not change the map. nil for
// another language. The number check reads numbers written in words through it, and the aligner
// keys a word that is a number by its value (six, шести, алты: 6).
func Words(lang string) map[string]Word {
	switch lang {
	case "en":
		return words[0].Get()
	case "ru":
		return words[1].Get()
	case "kk":
		return words[2].Get()
	}
	return nil
}

var words = [3]lazy.Value[map[string]Word]{{New: enWords}, {New: ruWords}, {New: kkWords}}

// A Word is a number word of one language (see Words).
type Word struct {
	Val   float64
	Mult  bool // multiplies what comes before it: hundred, жүз
	Scale bool // closes a group: thousand, тысяча, мың, million
	Soft  bool // also an article or pronoun (one, бір, первый): never required
	Half  bool // adds a half to the units before it: бір жарым (1.5); alone no number
	// ends: a Kazakh numeral with a case or possessive ending, which only
	// the last word of a number takes (жиырма бестен, онның): no smaller
	// unit after it belongs to the same number (онның бірі is not 11).
	Ends bool
}

func enWords() map[string]Word {
	m := map[string]Word{}
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range units {
		m[w] = Word{Val: float64(i), Soft: i <= 1}
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		m[w] = Word{Val: float64(20 + 10*i)}
	}
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for i, w := range ords {
		if w != "" {
			m[w] = Word{Val: float64(i), Soft: i <= 2}
		}
	}
	for i, w := range []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"} {
		m[w] = Word{Val: float64(20 + 10*i)}
	}
	m["hundred"] = Word{Val: 100, Mult: true}
	m["hundredth"] = Word{Val: 100, Mult: true}
	m["thousand"] = Word{Val: 1e3, Scale: true}
	m["thousandth"] = Word{Val: 1e3, Scale: true}
	m["million"] = Word{Val: 1e6, Scale: true}
	m["billion"] = Word{Val: 1e9, Scale: true}
	m["trillion"] = Word{Val: 1e12, Scale: true}
	m["dozen"] = Word{Val: 12, Soft: true}
	m["both"] = Word{Val: 2, Soft: true}
	return m
}

// ruAdj are the endings of Russian ordinal adjectives.
var ruAdj = []string{"ый", "ой", "ий", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми"}

func ruWords() map[string]Word {
	m := map[string]Word{}
	add := func(v float64, soft bool, forms ...string) {
		for _, f := range forms {
			m[f] = Word{Val: v, Soft: soft}
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
			m[f] = Word{Val: sc.v, Scale: true}
		}
	}
	for v, w := range map[float64]string{1e6: "миллион", 1e9: "миллиард", 1e12: "триллион"} {
		for _, e := range []string{"", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"} {
			m[w+e] = Word{Val: v, Scale: true}
		}
	}
	// Ordinals.
	ordStems := map[float64]string{1: "перв", 2: "втор", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят", 10: "десят",
		11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат",
		18: "восемнадцат", 19: "девятнадцат", 20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят",
		70: "семидесят", 80: "восьмидесят", 90: "девяност", 100: "сот"}
	for v, st := range ordStems {
		for _, e := range ruAdj {
			m[st+e] = Word{Val: v, Soft: v == 1}
			if strings.Contains(st, "ё") {
				m[strings.ReplaceAll(st, "ё", "е")+e] = Word{Val: v}
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
		m["тысячн"+e] = Word{Val: 1e3, Scale: true}
	}
	return m
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

func kkWords() map[string]Word {
	// case forms of numerals that are (far more often) other words:
	// онда "there", ондағы, үшін "for"
	kkNotNumerals := map[string]bool{"онда": true, "ондағы": true, "оны": true, "оның": true, "үшін": true, "бірге": true, "жүзде": true}
	m := map[string]Word{}
	for _, n := range kkNumerals {
		nw := Word{Val: n.v, Soft: n.v == 1, Mult: n.v == 100, Scale: n.v >= 1e3}
		for _, f := range morph.KazakhCaseForms(n.w) {
			if !kkNotNumerals[f] {
				m[f] = nw
				if f != n.w {
					m[f] = Word{Val: nw.Val, Soft: nw.Soft, Mult: nw.Mult, Scale: nw.Scale, Ends: true}
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
		m[w] = Word{Val: v}
		poss := w + glossaryPoss(w)
		for _, f := range morph.KazakhInflect(morph.KazakhStem{Word: poss, Possessive: true}, morph.KazakhEnding{Case: morph.KazakhBare}) {
			m[f] = Word{Val: v}
		}
		for c := morph.KazakhGenitive; c <= morph.KazakhAttributive; c++ {
			for _, f := range morph.KazakhInflect(morph.KazakhStem{Word: poss, Possessive: true}, morph.KazakhEnding{Case: c}) {
				m[f] = Word{Val: v}
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
					m[f] = Word{Val: n.v, Soft: n.v == 1, Ends: true}
				}
			}
		}
	}
	for _, f := range morph.KazakhCaseForms("ондық") {
		m[f] = Word{Val: 10, Soft: true}
	}
	for _, f := range morph.KazakhCaseForms("тәулік") {
		m[f] = Word{Val: 24, Soft: true}
	}
	// бір жарым мың (1,500), екі жарым миллион (2.5 million).
	m["жарым"] = Word{Val: 0.5, Half: true}
	return m
}

// glossaryPoss is the possessive of a collective numeral: екеуі, алтауы.
func glossaryPoss(w string) string {
	if strings.HasSuffix(w, "ау") {
		return "ы"
	}
	return "і"
}
