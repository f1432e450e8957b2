package qa

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// compoundPrefixes are the first parts Russian and Kazakh write together
// with any word (телеарна, радиоведущий, видеорегистратор): dictionaries
// list a few such compounds, never all. со- is Russian's "co-"
// (соведущий, сооснователь). Kazakh бейне (image) is a word of its own,
// not a prefix: its compounds (бейнежазба) are what the word lists are for.
var compoundPrefixes = [...]string{
	"теле", "радио", "видео", "аудио", "фото", "кино", "авиа", "авто", "медиа",
	"интернет", "кибер", "микро", "макро", "мини", "мега", "супер", "анти", "контр",
	"транс",
}

// russianAdjectiveEndings are the endings of a Russian adjective or
// participle that no verb form or gerund has: небытовом, неполитического,
// нефальсифицированных are не- and a word the dictionary knows, written
// together as Russian writes не with adjectives. The endings verbs share
// (-ем, -им of делаем, хотим; -ую of организую; -ая, -яя of the gerunds
// зная, стоя) are left out, so не written together with a verb (незнаю,
// незная) is still flagged.
var russianAdjectiveEndings = [...]string{
	"ый", "ий", "ой", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему",
	"ых", "их", "ыми", "ими", "ым", "ом",
}

// minCompoundRest is the fewest letters the word after a prefix must
// have: теле-арна, радио-ведущий; a shorter rest (радио-н) is no compound.
const minCompoundRest = 4

// composedParts returns what w, a flagged word in lower case, may be made
// of, each part a word the check must accept for w to be known: the word
// after a compound prefix (телеарнасына: арнасына; соведущим: ведущим;
// трансшекаралық: шекаралық), in Russian the adjective after не
// (небытовом: бытовом; see russianAdjectiveEndings); in Kazakh also the word before a personal ending (сізбін: сіз;
// келіскенбіз: келіскен; күтудемін: күтуде), the verbal noun an agent
// noun in -ушы is made of (шерушілер: шеру; қызығушылық: қызығу), the
// verb root of a participle a derived word is made of (түсінгендіктен:
// түсін), an adjective in -ғы under a noun's endings (мысалдағыдай:
// мысалдағы), the noun a verb in -ла is made of (патрульдеуде: патруль),
// a possessive under the equative (ойымша: ойым), and the
// name it is an adjective of (кореялық: Корея). Each entry is one
// alternative; names lists the parts that are known only as a name, roots
// those known only as the Kazakh dictionary has them, loans those known
// only as the Kazakh or the Russian dictionary has them. A
// derived word's base is no word of the stem and derived rules in turn:
// stacked on the loanword rule they read a misspelt компаниясыңның as
// компаниясы-ң-ның.
func composedParts(lang, w string) (out, roots, names, loans []string) {
	add := func(p string) {
		if p != "" && p != w && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, p := range compoundPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= minCompoundRest {
			add(rest)
		}
	}
	if lang == "ru" {
		if rest, ok := strings.CutPrefix(w, "со"); ok && utf8.RuneCountInString(rest) >= 5 {
			add(rest)
		}
		if rest, ok := strings.CutPrefix(w, "не"); ok && utf8.RuneCountInString(rest) >= 5 &&
			slices.ContainsFunc(russianAdjectiveEndings[:], func(e string) bool { return strings.HasSuffix(rest, e) }) {
			add(rest)
		}
	}
	if lang == "kk" {
		for _, b := range morph.KazakhPersonBases(w) {
			add(b)
		}
		for _, b := range morph.KazakhAgentBases(w) {
			add(b)
		}
		for _, b := range morph.KazakhAttributiveBases(w) {
			add(b)
		}
		// The noun a verb in -ла is made of is asked of the
		// dictionaries as it is, not put through the rules again: read
		// as a verb form itself, a misspelt жоғарлады (жоғарылады) would
		// pass as жоқ-ар-ла-ды.
		for _, b := range morph.KazakhDenominalBases(w) {
			if !slices.Contains(loans, b) {
				loans = append(loans, b)
			}
		}
		for _, b := range morph.KazakhEquativeBases(w) {
			add(b)
		}
		for _, b := range morph.KazakhDerivedBases(w) {
			// A root is asked of the dictionary as it is: put
			// through the rules again, банкомат-ты read as a verb
			// банко-ма-т.
			for _, r := range morph.KazakhVerbRoots(b) {
				if !slices.Contains(roots, r) {
					roots = append(roots, r)
				}
			}
			for _, a := range morph.KazakhAgentBases(b) {
				add(a)
			}
			if utf8.RuneCountInString(b) >= 4 && !slices.Contains(names, b) {
				names = append(names, b)
			}
		}
	}
	return out, roots, names, loans
}

// dropComposed removes from fs the words composedParts makes of known
// words (see knownWords). It comes last: the parts are asked of hunspell
// and, in Kazakh, put through the stem, derived and loanword rules.
func (s *Speller) dropComposed(fs []Finding) ([]Finding, error) {
	if s.lang != "ru" && s.lang != "kk" || len(fs) == 0 {
		return fs, nil
	}
	parts := make([][]string, len(fs)) // a finding's parts and names
	rootsOf := make([][]string, len(fs))
	loansOf := make([][]string, len(fs))
	var all, roots, names, loans []string
	for i, f := range fs {
		ps, rs, ns, ls := composedParts(s.lang, strings.ToLower(f.Data["Text"].(string)))
		rs = append(rs, ls...)
		rootsOf[i], loansOf[i] = rs, ls
		for _, l := range ls {
			if !slices.Contains(loans, l) {
				loans = append(loans, l)
			}
		}
		for _, r := range rs {
			if _, ok := s.stems[r]; !ok && !slices.Contains(roots, r) {
				roots = append(roots, r)
			}
		}
		for _, p := range ps {
			if !slices.Contains(all, p) {
				all = append(all, p)
			}
		}
		for _, n := range ns {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		parts[i] = append(ps, ns...)
	}
	if len(all) == 0 && len(names) == 0 && !slices.ContainsFunc(rootsOf, func(rs []string) bool { return len(rs) > 0 }) {
		return fs, nil
	}
	if len(roots) > 0 {
		if err := s.ask(roots); err != nil {
			return fs, err
		}
	}
	known, err := s.knownWords(all)
	if err != nil {
		return fs, err
	}
	russian, err := s.russianWords(loans)
	if err != nil {
		return fs, err
	}
	// A name is known only as a name: the lower-case word (a derived
	// base) is not put through the Kazakh rules.
	named := map[string]bool{}
	if err := s.knownNames(names, named); err != nil {
		return fs, err
	}
	kept := fs[:0]
	for i, f := range fs {
		if !slices.ContainsFunc(parts[i], func(p string) bool { return known[p] || named[p] }) &&
			!slices.ContainsFunc(rootsOf[i], func(r string) bool { return s.stems[r] }) &&
			!slices.ContainsFunc(loansOf[i], func(l string) bool { return russian[l] }) {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// knownWords tells which of words (lower case) the check accepts: hunspell
// knows them, or, in Kazakh, the stem, derived and loanword rules do.
func (s *Speller) knownWords(words []string) (map[string]bool, error) {
	var ask []string
	for _, w := range words {
		if _, ok := s.stems[w]; !ok && !slices.Contains(ask, w) {
			ask = append(ask, w)
		}
	}
	if len(ask) > 0 {
		if err := s.ask(ask); err != nil {
			return nil, err
		}
	}
	known := map[string]bool{}
	var rest []Finding
	for _, w := range words {
		if s.stems[w] {
			known[w] = true
		} else {
			rest = append(rest, Finding{Data: map[string]any{"Text": w}})
		}
	}
	if s.lang != "kk" || s.bareStems || len(rest) == 0 {
		return known, nil
	}
	var err error
	left := slices.Clone(rest)
	if left, err = s.dropInflected(left); err != nil {
		return known, err
	}
	if left, err = s.dropDerived(left); err != nil {
		return known, err
	}
	if left, err = s.dropLoanwords(left); err != nil {
		return known, err
	}
	unknown := map[string]bool{}
	for _, f := range left {
		unknown[f.Data["Text"].(string)] = true
	}
	for _, f := range rest {
		if w := f.Data["Text"].(string); !unknown[w] {
			known[w] = true
		}
	}
	return known, nil
}

// russianWords tells which of words (lower case, of a Kazakh text) the
// Russian dictionary knows as they are: the loans Kazakh writes as Russian
// does (патруль, депортация). A word with a letter of Kazakh alone is none.
func (s *Speller) russianWords(words []string) (map[string]bool, error) {
	var ask []string
	for _, w := range words {
		if !strings.ContainsAny(w, "әғқңөұүһі") {
			ask = append(ask, w)
		}
	}
	if len(ask) == 0 {
		return nil, nil
	}
	if !s.ruTried {
		s.ruTried = true
		s.ru, _ = NewSpellerCached("ru", nil, s.cache, s.dicpath)
	}
	if s.ru == nil {
		return nil, nil
	}
	if err := s.ru.ask(ask); err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, w := range ask {
		known[w] = s.ru.stems[w]
	}
	return known, nil
}

// knownNames marks in known the words (lower case) that the Kazakh or
// Russian dictionary knows with a capital (корея: Корея, орегон:
// Орегон): the names Kazakh makes lower-case adjectives of.
func (s *Speller) knownNames(words []string, known map[string]bool) error {
	var names []string
	for _, w := range words {
		names = append(names, titled(w))
	}
	if len(names) == 0 {
		return nil
	}
	if err := s.ask(names); err != nil {
		return err
	}
	if !s.ruTried {
		s.ruTried = true
		s.ru, _ = NewSpellerCached("ru", nil, s.cache, s.dicpath)
	}
	if s.ru != nil {
		if err := s.ru.ask(names); err != nil {
			return err
		}
	}
	for _, n := range names {
		if s.stems[n] || s.ru != nil && s.ru.stems[n] {
			known[strings.ToLower(n)] = true
		}
	}
	return nil
}

// titled is w with its first letter a capital.
func titled(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}
