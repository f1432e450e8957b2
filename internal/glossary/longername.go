package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/numword"
)

// longerName reports whether mt, an English source match of a place or
// organisation, is part of a longer name the glossary does not have: a
// capitalised word follows it (Mexico City, South China Morning Post,
// Liverpool Street) or one of the words that make a region's name comes
// before it (New Mexico, South Korea, East Timor). That is another name,
// which the translation writes its own way (Мехико), and the entry's is
// not asked for; an entry of the longer name is matched first anyway
// (leftmost-longest), so a glossary that lists it checks it. A title
// abbreviation after the name (Arizona Sen. Jeff Flake), an acronym
// (a Labour MP), a weekday or a month (in Mexico Sunday), a possessive
// (Macedonia's Institute) and a headline in title case (Trump Rallies In
// Arizona) make no longer name.
func longerName(srcLang, src string, mt Match, kind Kind) bool {
	if baseLang(srcLang) != "en" || (kind != Place && kind != Organization) {
		return false
	}
	if prev, ok := wordBefore(src, mt.Start); ok && regionWord(prev) {
		return true
	}
	if strings.HasSuffix(mt.Text, "s") && (strings.HasSuffix(mt.Text, "'s") || strings.HasSuffix(mt.Text, "’s")) ||
		strings.HasSuffix(mt.Text, "'") || strings.HasSuffix(mt.Text, "’") {
		return false
	}
	rest, ok := strings.CutPrefix(src[mt.End:], " ")
	if !ok {
		return false
	}
	n := 0
	for n < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[n:])
		if !unicode.IsLetter(r) {
			break
		}
		n += size
	}
	next := rest[:n]
	first, _ := utf8.DecodeRuneInString(next)
	if next == "" || !unicode.IsUpper(first) || strings.ToUpper(next) == next || calendarWord(next) || titleCase(src[:mt.Start]+" "+rest[n:]) {
		return false
	}
	// A word and a dot before a capital: a title (Sen. Jeff Flake) or the
	// end of a sentence, which cannot be told apart.
	after := rest[n:]
	if strings.HasPrefix(after, ".") && strings.TrimSpace(after[1:]) != "" {
		return false
	}
	return true
}

// wordBefore returns the word that ends one space before byte offset i.
func wordBefore(s string, i int) (string, bool) {
	head, ok := strings.CutSuffix(s[:i], " ")
	if !ok {
		return "", false
	}
	j := len(head)
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(head[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= size
	}
	return head[j:], j < len(head)
}

// regionWord reports whether w makes another place of a name it comes
// before (New Mexico, South Korea).
func regionWord(w string) bool {
	switch w {
	case "New", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
		"Upper", "Lower", "Greater":
		return true
	}
	return false
}

// calendarWord reports whether w, a weekday or a month, follows a name in
// news copy without making a longer one (landed in Mexico Sunday).
func calendarWord(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false // a capitalised name only (may, march are words)
	}
	_, month := numword.EnglishMonth(strings.ToLower(w))
	_, day := numword.EnglishWeekday(strings.ToLower(w))
	return month || day
}

// titleCase reports whether s is written in title case, as some
// headlines are: most of its words of four letters or more but the first
// start with a capital (the name and the word after it left out).
func titleCase(s string) bool {
	long, upper := 0, 0
	for i, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if i == 0 || utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return long >= 1 && upper*10 >= long*6
}
