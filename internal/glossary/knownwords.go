package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// KnownWords returns every word of every accepted form of every entry in
// lang, in each inflected form the matcher knows (lower case), for a spell
// checker's personal dictionary.
func (g *Glossary) KnownWords(lang string) []string {
	k := newKeyer(lang)
	base := baseLang(lang)
	var words []string
	seen := map[string]bool{}
	addWords := func(s string) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && !isDash(r) && r != '\'' }) {
			if utf8.RuneCountInString(w) > 0 && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
				if !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	for _, e := range g.Entries {
		f := e.Langs[lang]
		if f == nil {
			continue
		}
		for i, form := range f.Accepted() {
			addWords(strings.ToLower(form))
			hint := f.Inflect
			if i >= 1+len(f.Variants) {
				hint = "none"
			}
			p, ok := formPlan(k, base, form, e.Kind, hint)
			if !ok {
				continue
			}
			for _, t := range p.tails1 {
				addWords(t)
			}
			for _, tn := range p.tailsN {
				for _, t := range tn {
					addWords(t)
				}
			}
		}
	}
	return words
}
