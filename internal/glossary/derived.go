package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// What the missing check takes for an entry the translation names without
// one of its forms, and the source names that are not the entry at all.
// None of this makes a match: [Matcher.Find] still finds only the entry's
// forms (Алматылық is no occurrence of Алматы), and a forbidden form is
// still reported wherever it is. It only keeps the missing check from
// asking for a name a correct translation has.

// namedOtherwise reports whether a translation in lang that has no
// accepted form of e (its token keys in tk, made once for all the entries
// it misses) names e all the same: by a word made from one of
// its accepted forms by a closed list of suffixes (Russian adjectives of a
// place or organisation, мексиканской for Мексика; Kazakh -лық/-лік of a
// place or organisation, Скопьелік; Kazakh -сыз/-сіз "without" after any
// name, Трампсыз; Kazakh -дай "like" and -нікі "the one of" after any
// name, Алматыдай, Алматынікі), or, for a person's name of several words in Russian,
// with only the last word declined (Ким Чен Ыном, as Korean, Chinese and
// Vietnamese names are declined).
func namedOtherwise(e *Entry, lang string, tk *textKeys) bool {
	f := e.Langs[lang]
	base := baseLang(lang)
	if f == nil || base != "ru" && base != "kk" || base == "ru" && e.Kind != Person && e.Kind != Place && e.Kind != Organization {
		return false
	}
	k, words := tk.get()
	if len(words) == 0 {
		return false
	}
	for _, form := range f.Accepted() {
		var ftoks []string
		for _, t := range k.tokenize(form, nil) {
			ftoks = append(ftoks, t.key)
		}
		if len(ftoks) == 0 {
			continue
		}
		last := ftoks[len(ftoks)-1]
		if !isWordRune(firstRune(last)) {
			continue
		}
		var lastForms map[string]bool
		if base == "ru" && e.Kind == Person && len(ftoks) > 1 {
			lastForms = map[string]bool{}
			lastWord := morph.Token{Orig: last, Key: last, Word: true, End: len(last)}
			for _, seq := range morph.RussianForms([]morph.Token{lastWord}, morph.Person, "") {
				if len(seq) == 1 {
					lastForms[seq[0]] = true
				}
			}
		}
		for i := 0; i+len(ftoks) <= len(words); i++ {
			if !slices.Equal(words[i:i+len(ftoks)-1], ftoks[:len(ftoks)-1]) {
				continue
			}
			w := words[i+len(ftoks)-1]
			if lastForms[w] || derivedFrom(base, e.Kind, w, last) {
				return true
			}
		}
	}
	return false
}

// textKeys are the token keys of a text in a language, made when first
// asked for.
type textKeys struct {
	lang, text string
	k          *keyer
	words      []string
}

func (t *textKeys) get() (*keyer, []string) {
	if t.k == nil {
		t.k = newKeyer(t.lang)
		for _, tok := range t.k.tokenize(t.text, nil) {
			t.words = append(t.words, tok.key)
		}
	}
	return t.k, t.words
}

// ruAdjSuffixes are the suffixes of a Russian relational adjective after a
// name's stem (Аризона: аризон-ск-ий, Мексика: мексик-анск-ий, Индонезия:
// индонез-ийск-ий, Алматы: алмат-инск-ий, Корея: кор-ейск-ий). The list is
// closed so that a near name is no adjective of another: австралийский
// is австр-алийск-ий, not an adjective of Австрия (австр-ийск-ий), and
// иранский is no adjective of Ирак.
var ruAdjSuffixes = []string{"ск", "йск", "ийск", "ейск", "анск", "янск", "инск", "енск", "овск", "евск", "ьск", "цк"}

// ruAdjEnding reports whether e is an ending of a Russian adjective, in
// any gender, number and case.
func ruAdjEnding(e string) bool {
	switch e {
	case "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому", "ему",
		"им", "ым", "ом", "ем", "ую", "юю", "их", "ых", "ими", "ыми":
		return true
	}
	return false
}

// ruStemEndings are the endings a Russian name drops before the suffix of
// its adjective, longest first.
var ruStemEndings = []string{"ия", "ья", "ея", "а", "я", "ь", "й", "ы", "и", "о", "е"}

// derivedFrom reports whether the word key w is made from the name key
// name: in Russian a relational adjective of a place or organisation (by
// the suffixes above), in Kazakh its adjective in -лық (with the endings
// after it) or any name's -сыз, as morph.KazakhDerivedBases reads them,
// or the name in the similative or the predicative genitive (Алматыдай,
// "like Almaty"; Алматынікі, "Almaty's"), which the matcher does not
// take, for a smaller trie.
func derivedFrom(base string, kind Kind, w, name string) bool {
	if utf8.RuneCountInString(name) < 3 || !strings.ContainsFunc(name, unicode.IsLetter) {
		return false
	}
	switch base {
	case "ru":
		if kind != Place && kind != Organization {
			return false
		}
		stems := []string{name}
		for _, end := range ruStemEndings {
			if s, ok := strings.CutSuffix(name, end); ok && utf8.RuneCountInString(s) >= 3 {
				stems = append(stems, s)
				break
			}
		}
		for _, s := range stems {
			rest, ok := strings.CutPrefix(w, s)
			if !ok {
				continue
			}
			for _, suf := range ruAdjSuffixes {
				if end, ok := strings.CutPrefix(rest, suf); ok && ruAdjEnding(end) {
					return true
				}
			}
		}
	case "kk":
		// morph reads w as name with one suffix, spelt as name requires
		// (its harmony, its last sound, -лық's қ voiced before an ending:
		// алматылығы), so a misspelt derivation names nothing. Of its
		// suffixes, -сыз (с) makes "without" of any name, and -лық (л, д, т)
		// the adjective of a place's or organisation's people and things;
		// the possessives and -рақ name no entry here.
		if morph.KazakhNamesLike(w, name) || kkSameVerb(w, name) {
			return true
		}
		rest, ok := strings.CutPrefix(w, name)
		if !ok || !slices.Contains(morph.KazakhDerivedBases(w), name) {
			return false
		}
		switch first, _ := utf8.DecodeRuneInString(rest); first {
		case 'с':
			return true
		case 'л', 'д', 'т':
			return kind == Place || kind == Organization
		}
	}
	return false
}

// kkSameVerb reports whether w is a form of the verb whose verbal noun is name, as
// morph.KazakhVerbRoots reads both: a term for an act (азаптау, torture) is named by its verb in
// another voice or form ("Ешкім де азапталуға … тиіс емес", no one shall be tortured; азаптады).
// The root must have four letters or more: a short root is too often another word's first
// letters.
func kkSameVerb(w, name string) bool {
	for _, r := range morph.KazakhVerbRoots(name) {
		if r+"у" != name && r+"ю" != name || utf8.RuneCountInString(r) < 4 {
			continue
		}
		if slices.Contains(morph.KazakhVerbRoots(w), r) {
			return true
		}
	}
	return false
}
