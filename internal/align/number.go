package align

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/numword"
)

// Numbers are the most reliable anchor in news: translators copy them, but they write them in their
// own conventions. English writes 1,000 and 3.5; Russian and Kazakh write 1 000 (often with a
// no-break or thin space) and 3,5. scanNumber reads one written number and returns it in one
// canonical form so that all of these compare equal.

// isGroupSep reports whether r may separate thousands: comma, dot, apostrophe and the spaces used
// for grouping.
func isGroupSep(r rune) bool {
	switch r {
	case ',', '.', '\'', ' ', '\u00a0', '\u202f', '\u2009', '\u2007':
		return true
	}
	return false
}

// scanNumber reads the number that starts at s[0] (an ASCII digit). It returns the canonical forms
// of the numbers found (one, or the parts of a date like 09.09.2019) and the number of bytes read.
// Canonical form: no grouping, "." as the decimal point, no leading zeros in the integer part, no
// trailing zeros in the fraction.
func scanNumber(s string, out []string) ([]string, int) {
	// Read digit groups and the single separator rune after each.
	type group struct {
		digits string
		sep    rune // separator that follows this group, 0 if none
	}
	var buf [4]group // most numbers have at most four groups: no allocation
	groups := buf[:0]
	i := 0
	for {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		g := group{digits: s[i:j]}
		i = j
		if i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if (isGroupSep(r) || r == '/') && i+w < len(s) && s[i+w] >= '0' && s[i+w] <= '9' {
				g.sep = r
				groups = append(groups, g)
				i += w
				continue
			}
		}
		groups = append(groups, g)
		break
	}
	// Dates: 09.09.2019, 9/9/2019. Each part is its own number; dotted dates also name a month.
	if len(groups) == 3 && groups[0].sep == groups[1].sep && (groups[0].sep == '.' || groups[0].sep == '/') &&
		len(groups[0].digits) <= 2 && len(groups[1].digits) <= 2 && (len(groups[2].digits) == 4 || len(groups[2].digits) == 2) {
		for _, g := range groups {
			out = append(out, canonInt(g.digits))
		}
		if groups[0].sep == '.' {
			if m, err := strconv.Atoi(groups[1].digits); err == nil && m >= 1 && m <= 12 {
				out = append(out, monthKey(m))
			}
		}
		return out, i
	}
	// Otherwise consume groups from the left: thousands groups (exactly three digits after a
	// grouping separator, the same separator each time), then at most one decimal part after a
	// comma or dot that is not the grouping separator. A space never starts a fraction, so
	// "2019 200" stays two numbers.
	for k := 0; k < len(groups); {
		intPart := groups[k].digits
		next := k + 1
		var sep rune
		if len(intPart) <= 3 && intPart != "0" {
			for next < len(groups) && len(groups[next].digits) == 3 && groups[next-1].sep != '/' &&
				(sep == 0 || groups[next-1].sep == sep) {
				sep = groups[next-1].sep
				intPart += groups[next].digits
				next++
			}
		}
		frac := ""
		if next < len(groups) {
			if d := groups[next-1].sep; (d == '.' || d == ',') && d != sep {
				frac = groups[next].digits
				next++
			}
		}
		out = append(out, canonDecimal(intPart, frac))
		k = next
	}
	return out, i
}

// After a number: a word for thousand, million or billion, or am and pm. A translation writes
// 3,000 as "3 тыс." and 350,000 as "350 мың", and "3 p.m." as 15:00: each side's number would
// otherwise be one the other never writes (see orphanNames).

// appendScaled appends to nums, the canonical forms scanNumber read, the last one multiplied by
// the scale word that follows it in rest ("3 тыс.", "1,5 млн", "2.8bn"; see numword.Scale). The
// plain form stays: "1.5 million" and "1,5 млн" share it.
func appendScaled(nums []string, rest string) []string {
	if len(nums) == 0 {
		return nums
	}
	w := leadingWord(trimNumberSpace(rest))
	if w == "" {
		return nums
	}
	sc, ok := numword.Scale(w)
	if !ok {
		return nums
	}
	p := 0
	for ; sc >= 10; sc /= 10 {
		p++
	}
	return append(nums, shiftDecimal(nums[len(nums)-1], p))
}

// leadingWord is the letters (and a degree sign) s starts with.
func leadingWord(s string) string {
	j := 0
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && r != '°' {
			break
		}
		j += w
	}
	return s[:j]
}

// shiftDecimal multiplies c, a canonical number, by 10^p, in canonical form.
func shiftDecimal(c string, p int) string {
	intPart, frac, _ := strings.Cut(c, ".")
	for len(frac) < p {
		frac += "0"
	}
	return canonDecimal(intPart+frac[:p], frac[p:])
}

// appendMetric appends to nums, after the last of them, its value in the metric unit a
// translation converts an English imperial one to (numword.Imperial: 85 miles, 137 km), rounded
// as translators round: to a whole number, and past 50 also to tens, past 500 to hundreds.
func appendMetric(nums []string, rest string) []string {
	if len(nums) == 0 {
		return nums
	}
	w := leadingWord(trimNumberSpace(rest))
	if w == "" || w[0] >= 0x80 && !strings.HasPrefix(w, "°") {
		return nums // no English word
	}
	var lower [12]byte
	if len(w) > len(lower) {
		return nums
	}
	for i := 0; i < len(w); i++ {
		lower[i] = w[i]
		if 'A' <= w[i] && w[i] <= 'Z' {
			lower[i] += 'a' - 'A'
		}
	}
	i, ok := numword.Imperial(string(lower[:len(w)]))
	if !ok {
		return nums
	}
	v, err := strconv.ParseFloat(nums[len(nums)-1], 64)
	if err != nil {
		return nums
	}
	u := numword.ImperialAt(i)
	v = (v + u.Offset) * u.Factor
	nums = append(nums, strconv.Itoa(int(math.Round(v))))
	if v >= 50 {
		nums = append(nums, strconv.Itoa(int(math.Round(v/10))*10))
	}
	if v >= 500 {
		nums = append(nums, strconv.Itoa(int(math.Round(v/100))*100))
	}
	return nums
}

// appendClock appends to nums the hour and minutes of a 12-hour time, the last number of nums
// followed in rest by am or pm (AM, a.m.), as a 24-hour clock writes them: "3 p.m." gives 15 and
// "7.55am" 7 and 55.
func appendClock(nums []string, rest string) []string {
	if len(nums) == 0 {
		return nums
	}
	pm, _, ok := numword.Meridiem(trimNumberSpace(rest))
	if !ok {
		return nums
	}
	h, m, dotted := strings.Cut(nums[len(nums)-1], ".")
	hour, err := strconv.Atoi(h)
	if err != nil || hour < 1 || hour > 12 || dotted && len(m) > 2 {
		return nums
	}
	switch {
	case pm && hour < 12:
		hour += 12
	case !pm && hour == 12:
		hour = 0
	}
	nums = append(nums, strconv.Itoa(hour))
	if dotted {
		if len(m) == 1 {
			return append(nums, m+"0") // 7.50 was read as 7.5
		}
		nums = append(nums, canonInt(m))
	}
	return nums
}

// trimNumberSpace is s without the spaces that may stand between a number and its word.
func trimNumberSpace(s string) string {
	for len(s) > 0 {
		r, w := utf8.DecodeRuneInString(s)
		if r != ' ' && r != '\u00a0' && r != '\u202f' && r != '\u2009' {
			break
		}
		s = s[w:]
	}
	return s
}

func canonInt(d string) string {
	d = strings.TrimLeft(d, "0")
	if d == "" {
		return "0"
	}
	return d
}

func canonDecimal(intPart, frac string) string {
	n := canonInt(intPart)
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return n
	}
	return n + "." + frac
}

func monthKey(m int) string   { return "@m" + strconv.Itoa(m) }
func weekdayKey(d int) string { return "@d" + strconv.Itoa(d) }

// Month and weekday names are anchors too: "September 9" and "9 сентября" and "9 қыркүйек" share
// the 9 and the month. English names must be capitalised, and May also needs a number next to
// it (see calendarOK); their table is numword's. Russian and Kazakh forms are matched by stem, so that case endings
// (сентября, қыркүйекте) are covered.
var (
	// stems: a word matches if it starts with the stem and is at most maxEnding runes longer.
	ruMonths = []calendarStem{
		{"январ", 1}, {"феврал", 2}, {"марта", 3}, {"март", 3}, {"марте", 3}, {"апрел", 4}, {"мая", 5}, {"май", 5}, {"мае", 5},
		{"июн", 6}, {"июл", 7}, {"август", 8}, {"сентябр", 9}, {"октябр", 10}, {"ноябр", 11}, {"декабр", 12},
	}
	ruWeekdays = []calendarStem{
		{"понедельник", 1}, {"вторник", 2}, {"среду", 3}, {"четверг", 4}, {"пятниц", 5}, {"суббот", 6}, {"воскресень", 7},
	}
	// қазан (October) is also a cauldron and the city of Kazan; the city is capitalised, and
	// callers pass only words that were lower-case in the text.
	kkMonths = []calendarStem{
		{"қаңтар", 1}, {"ақпан", 2}, {"наурыз", 3}, {"сәуір", 4}, {"мамыр", 5}, {"маусым", 6}, {"шілде", 7},
		{"тамыз", 8}, {"қыркүйек", 9}, {"қазан", 10}, {"қараша", 11}, {"желтоқсан", 12},
	}
	kkWeekdays = []calendarStem{
		{"дүйсенбі", 1}, {"сейсенбі", 2}, {"сәрсенбі", 3}, {"бейсенбі", 4}, {"жұма", 5}, {"сенбі", 6}, {"жексенбі", 7},
	}
)

type calendarStem struct {
	stem string
	n    int
}

// maxEnding bounds how much longer than a calendar stem a word may be (Kazakh -дағы, Russian -ьского).
const maxEnding = 6

// calendarIndex maps the first two runes of every Russian and Kazakh calendar stem to the stems,
// so that most words are rejected with one map lookup.
var calendarIndex = lazy.Value[map[string][]calendarEntry]{New: func() map[string][]calendarEntry {
	idx := map[string][]calendarEntry{}
	add := func(lang string, stems []calendarStem, key func(int) string, exact map[string]bool) {
		for _, st := range stems {
			r := []rune(st.stem)
			p := string(r[:2])
			idx[p] = append(idx[p], calendarEntry{lang: lang, stem: st.stem, key: key(st.n), exact: exact[st.stem]})
		}
	}
	ruExact := map[string]bool{"марта": true, "март": true, "марте": true, "мая": true, "май": true, "мае": true, "среду": true}
	add("ru", ruMonths, monthKey, ruExact)
	add("ru", ruWeekdays, weekdayKey, ruExact)
	add("kk", kkMonths, monthKey, nil)
	add("kk", kkWeekdays, weekdayKey, nil)
	return idx
}}

type calendarEntry struct {
	lang, stem, key string
	exact           bool // the word must equal the stem (short forms that collide: март/Мартин)
}

// calendarKey returns the month or weekday key for word (already lower-cased) in lang, or "".
func calendarKey(lang, word string) string {
	if lang == "en" {
		if m, ok := numword.EnglishMonth(word); ok {
			return monthKey(m)
		}
		if d, ok := numword.EnglishWeekday(word); ok {
			return weekdayKey(d)
		}
		return ""
	}
	_, w1 := utf8.DecodeRuneInString(word)
	_, w2 := utf8.DecodeRuneInString(word[w1:])
	for _, e := range calendarIndex.Get()[word[:w1+w2]] {
		if e.lang != lang {
			continue
		}
		if e.exact {
			if word == e.stem {
				return e.key
			}
		} else if strings.HasPrefix(word, e.stem) && utf8.RuneCountInString(word)-utf8.RuneCountInString(e.stem) <= maxEnding {
			return e.key
		}
	}
	return ""
}

// isUpperInitial reports whether word starts with an upper-case letter.
func isUpperInitial(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}
