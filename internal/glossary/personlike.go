package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LooksLikePerson reports an entry whose Russian preferred form reads as
// a person's name: two or three capitalised words, the last a surname in
// -ов, -ев, -ин or -ский with the endings of either gender (Арман Касымов,
// Айгуль Касымова, Ольга Ковальская). glossary add warns of such an entry
// given no kind, which it files as Other: a name declines otherwise
// (Армана Касымова), and the check would report it missing.
func LooksLikePerson(e *Entry) bool {
	f := e.Langs["ru"]
	if f == nil {
		return false
	}
	words := strings.Fields(f.Term)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsUpper(r) {
			return false
		}
		prev := r
		for _, c := range w[utf8.RuneLen(r):] {
			if !unicode.IsLower(c) && c != '-' && !(prev == '-' && unicode.IsUpper(c)) {
				return false // an abbreviation, or a name in capitals
			}
			prev = c
		}
	}
	last := strings.ToLower(words[len(words)-1])
	if utf8.RuneCountInString(last) < 5 {
		return false
	}
	for _, s := range []string{"ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "ская", "цкий", "цкая"} {
		if strings.HasSuffix(last, s) {
			return true
		}
	}
	return false
}
