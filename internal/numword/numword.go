// Package numword holds the words of numbers: the number words of English, Russian and Kazakh
// with their forms (Words: six, шести, алтауы), and the words that change what a figure means: a
// scale word after it (3 тыс., 1,5 млн, 2.8bn, 10 мың), an imperial unit that a translation
// converts to a metric one (85 miles: 137 km), and am or pm after a time of day (3 p.m.: 15:00).
// The number check (package qa) reads
// every form a number takes, and the aligner reads figures on its hot path, each its own way;
// what the words mean is said here, once, for both.
package numword

import "strings"

// scales are the words and abbreviations that multiply a number written in figures before them
// (5 million, 2,8 млрд, 3 тыс., 10 мың). whole: the word must be the prefix itself; otherwise
// any word that starts with it (тысяч: тысячи, тысячами).
var scales = [...]struct {
	prefix string
	whole  bool
	val    float64
}{
	{"thousand", false, 1e3}, {"million", false, 1e6}, {"billion", false, 1e9}, {"trillion", false, 1e12},
	{"bn", true, 1e9}, {"mn", true, 1e6}, {"mln", true, 1e6}, {"bln", true, 1e9}, {"tn", true, 1e12},
	{"тыс", true, 1e3}, {"тысяч", false, 1e3}, {"млн", true, 1e6}, {"миллион", false, 1e6},
	{"млрд", true, 1e9}, {"миллиард", false, 1e9}, {"трлн", true, 1e12}, {"триллион", false, 1e12},
	{"мың", false, 1e3},
}

// Scale returns the value a scale word (in lower case) multiplies the figure before it by:
// 1,000 for thousand, тыс and мыңнан, a million for million, mn and млн, and so on.
func Scale(word string) (float64, bool) {
	for _, s := range scales {
		if s.whole && word == s.prefix || !s.whole && strings.HasPrefix(word, s.prefix) {
			if s.prefix == "мың" && strings.HasPrefix(word, "мыңда") {
				return 0, false // мыңдаған: thousands of, no number
			}
			return s.val, true
		}
	}
	return 0, false
}

// A Unit is an imperial unit whose figures a translator converts: metric = (figure + Offset) ×
// Factor, in the unit Metric.
type Unit struct {
	Prefix         string // the English words that start so name it (mile: miles, mileage)
	Factor, Offset float64
	Metric         string // the metric unit's symbol
}

var units = [...]Unit{
	{"pound", 0.45359237, 0, "kg"}, {"lb", 0.45359237, 0, "kg"}, {"mile", 1.609344, 0, "km"}, {"mph", 1.609344, 0, "km/h"},
	{"inch", 2.54, 0, "cm"}, {"foot", 0.3048, 0, "m"}, {"feet", 0.3048, 0, "m"}, {"ft", 0.3048, 0, "m"}, {"yard", 0.9144, 0, "m"},
	{"ounce", 28.349523, 0, "g"}, {"oz", 28.349523, 0, "g"}, {"gallon", 3.785411, 0, "l"}, {"acre", 0.4046856, 0, "ha"},
	{"degree", 5.0 / 9, -32, "°C"}, {"°f", 5.0 / 9, -32, "°C"}, {"fahrenheit", 5.0 / 9, -32, "°C"}, {"stone", 6.35029, 0, "kg"},
}

// Units is the number of imperial units; they are numbered 0 to Units−1.
const Units = len(units)

// Imperial returns the number of the imperial unit an English word (in lower case) after a figure
// names.
func Imperial(word string) (int, bool) {
	for i, u := range units {
		if strings.HasPrefix(word, u.Prefix) {
			return i, true
		}
	}
	return 0, false
}

// ImperialAt returns the imperial unit numbered i.
func ImperialAt(i int) Unit { return units[i] }

// Meridiem reads am or pm (AM, a.m., p.m.) at the start of s, a word of its own (not AMs or amid),
// and returns whether it is pm and its length in bytes.
func Meridiem(s string) (pm bool, n int, ok bool) {
	if len(s) < 2 || s[0]|0x20 != 'a' && s[0]|0x20 != 'p' {
		return false, 0, false
	}
	n = 1
	if s[n] == '.' {
		n++
	}
	if n == len(s) || s[n]|0x20 != 'm' {
		return false, 0, false
	}
	n++
	if n < len(s) && s[n] == '.' {
		n++
	}
	if n < len(s) && isWordByte(s[n]) {
		return false, 0, false // a word that starts so
	}
	return s[0]|0x20 == 'p', n, true
}

// isWordByte reports whether b may continue a word: an ASCII letter or digit, or a byte of a
// multi-byte character (a letter in every text this reads).
func isWordByte(b byte) bool {
	return b >= 0x80 || b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9'
}
