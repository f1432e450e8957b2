package morph

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
)

// Kazakh endings for other packages: the editors' QA checks (internal/qa)
// read the ending a writer put after a name, decide whether vowel harmony
// and consonant assimilation allow it, and write the right one. Everything
// here is built on the tables of kazakh.go, so there is one morphology.

// The cases of a [KazakhEnding], in the order of kkCases.
const (
	KazakhBare = iota
	KazakhGenitive
	KazakhDative
	KazakhAccusative
	KazakhLocative
	KazakhAblative
	KazakhInstrumental
	KazakhAttributive // attributive locative: Алматыдағы
	// The endings apertium-kaz puts with the cases: the equative, after
	// the possessive only (заңынша, "according to the law"), the
	// similative (Алматыдай, облысындай) and the predicative genitive
	// (Алматынікі, "Almaty's").
	KazakhEquative
	KazakhSimilative
	KazakhPredicative
)

// KazakhEnding is what an ending says, whatever allomorph spells it:
// plural, 3rd-person possessive and a case.
type KazakhEnding struct {
	Plural     bool
	Possessive bool
	Case       int
}

// kkCaseOf maps every allomorph of every case ending (both harmonies, every
// stem class, after the possessive) to its case, together with the spellings
// a Russian keyboard gives (га for ға, нын for ның, ка for қа, ...).
var kkCaseOf = lazy.Value[map[string]int]{New: func() map[string]int {
	m := map[string]int{}
	add := func(e string, c int) {
		for _, v := range []string{e, kkFrontOf(e)} {
			if _, ok := m[v]; !ok {
				m[v] = c
			}
			if r := kkKeyboard(v); r != v {
				if _, ok := m[r]; !ok {
					m[r] = c
				}
			}
		}
	}
	for c := kkV; c <= kkT; c++ {
		for i, e := range kkCases(c) {
			add(e, i)
		}
	}
	for i, e := range kkAfterPossessive {
		add(e, i)
	}
	for c := kkV; c <= kkT; c++ {
		for i, e := range kkMoreCases(c) {
			add(e, KazakhSimilative+i)
		}
	}
	for i, e := range kkAfterPossessiveMore {
		add(e, KazakhEquative+i)
	}
	return m
}}

// kkKeyboard spells s with the Russian letters a keyboard without Kazakh
// ones leaves: ғ→г, қ→к, ң→н, ә→а, і→и, ө→о, ұ→у, ү→у, һ→х.
var kkKeyboardReplacer = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer("ғ", "г", "қ", "к", "ң", "н", "ә", "а", "і", "и", "ө", "о", "ұ", "у", "ү", "у", "һ", "х")
}}

func kkKeyboard(s string) string { return kkKeyboardReplacer.Get().Replace(s) }

// KazakhKeyboard spells s (lower case) as a keyboard without the Kazakh
// letters leaves it: ғ→г, қ→к, ң→н, ә→а, і→и, ө→о, ұ→у, ү→у, һ→х. The endings
// check tells an ending typed so (Алматыга) from one of the wrong harmony.
func KazakhKeyboard(s string) string { return kkKeyboard(s) }

var kkPlurals = []string{"лар", "лер", "дар", "дер", "тар", "тер"}
var kkPossessives = []string{"сы", "сі", "ы", "і", "си", "и"}

// ParseKazakhEnding reads e, the letters after a stem (folded, lower case),
// as plural, possessive and case, accepting any allomorph. It reports false
// for an empty e and for letters that are no such ending (Алматылық).
func ParseKazakhEnding(e string) (KazakhEnding, bool) {
	if e == "" {
		return KazakhEnding{}, false
	}
	for _, pl := range append([]string{""}, kkPlurals...) {
		rest, ok := strings.CutPrefix(e, pl)
		if !ok {
			continue
		}
		for _, ps := range append([]string{""}, kkPossessives...) {
			r2, ok := strings.CutPrefix(rest, ps)
			if !ok {
				continue
			}
			if c, ok := kkCaseOf.Get()[r2]; ok && (pl != "" || ps != "" || c != KazakhBare) {
				return KazakhEnding{Plural: pl != "", Possessive: ps != "", Case: c}, true
			}
		}
	}
	return KazakhEnding{}, false
}

// KazakhStem describes a name's last word for [KazakhInflect].
type KazakhStem struct {
	Word string // folded, lower case: тоқаев, облысы
	// Possessive: the word already ends in the 3rd-person possessive of a
	// compound (Алматы облысы), so endings follow the possessive.
	Possessive bool
	// Surname: a person's Russian-style surname in -ов/-ев/-ёв, which takes
	// voiceless endings in the harmony of its root (Тоқаевқа, Әуезовке).
	Surname bool
	// Hint is the glossary's inflect hint (back, front, possessive, none).
	Hint string
}

// LastWord returns where the last word of s starts and ends, as
// strings.Fields would cut it, without the slice of words (the endings
// check cuts every name of the glossary); end is -1 when s has no word.
func LastWord(s string) (start, end int) {
	end = strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if end < 0 {
		return 0, -1
	}
	_, n := utf8.DecodeRuneInString(s[end:])
	end += n
	if sp := strings.LastIndexFunc(s[:end], unicode.IsSpace); sp >= 0 {
		_, n := utf8.DecodeRuneInString(s[sp:])
		start = sp + n
	}
	return start, end
}

// KazakhStemOf returns the stem description of the last word of a Kazakh
// glossary form of an entry of that kind.
func KazakhStemOf(form string, kind Kind, hint string) KazakhStem {
	start, end := LastWord(form)
	if end < 0 {
		return KazakhStem{}
	}
	several := strings.IndexFunc(form[:start], func(r rune) bool { return !unicode.IsSpace(r) }) >= 0
	last := strings.ToLower(form[start:end])
	s := KazakhStem{Word: last, Hint: hint}
	s.Possessive = hint == "possessive" || several && kkLooksPossessive(last) && hint == ""
	s.Surname = kind == Person && hint == "" && kkVoicelessSurname(last)
	return s
}

// KazakhInflect returns the forms of the stem with ending l that the rules
// allow: one, or two when the harmony of the stem is ambiguous (Мадрид).
// The preferred one comes first.
func KazakhInflect(s KazakhStem, l KazakhEnding) []string {
	if s.Hint == "none" || s.Word == "" || s.Possessive && l.Possessive {
		return nil
	}
	back, front := kkHarmony(s.Word)
	cls, zh := kkClassOf(s.Word)
	classes := []kkClass{cls}
	if zh {
		classes = append(classes, kkT)
	}
	if s.Surname {
		root := trimRunes(s.Word, 2)
		back, front = kkHarmony(root)
		if back && front {
			front = false
		}
		classes = []kkClass{kkT}
	}
	switch s.Hint {
	case "back":
		back, front = true, false
	case "front":
		back, front = false, true
	}
	hs := harmonies(back, front)
	if len(hs) == 2 && kkFrontFirst(s.Word) {
		hs = []bool{false, true} // Мартиннің before Мартинның, Ломбокте before Ломбокта
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hs {
		for _, c := range classes {
			f := kkCompose(s.Word, l, s.Possessive, h, c)
			if f != "" && !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	// мүлкі, мүлкінен: a word that loses its last vowel before the
	// possessive takes it so, and also with its vowel only where that
	// is written too (аузы first, ауызы).
	if elided, both := kkElides(s.Word); elided != "" && l.Possessive && !l.Plural && !s.Possessive && !s.Surname &&
		l.Case >= 0 && l.Case <= KazakhPredicative {
		e, _ := kkAfterPossEnding(l.Case)
		var short []string
		for _, h := range hs {
			if f := elided + pick(h, "ы") + pick(h, e); !slices.Contains(short, f) {
				short = append(short, f)
			}
		}
		if both {
			for _, f := range out {
				if !slices.Contains(short, f) {
					short = append(short, f)
				}
			}
		}
		out = short
	}
	// Минскіге: the і of a place name in -ск before a case ending reads as
	// a possessive; the case's ending after that і is allowed too, after
	// the possessive's own.
	if e, ok := kkEpenthetic(s.Word, s.Hint); ok && l.Possessive && !l.Plural && !s.Possessive && !s.Surname && l.Case != KazakhBare {
		if c, ok := kkCaseEnding(kkV, l.Case); ok && !seen[e+kkFrontOf(c)] {
			out = append(out, e+kkFrontOf(c))
		}
	}
	return out
}

func kkCompose(stem string, l KazakhEnding, poss, back bool, cls kkClass) string {
	cur := stem
	if l.Plural {
		if poss {
			return ""
		}
		cur += pick(back, kkPlural(cls, stem))
		cls = kkS
	}
	if l.Possessive {
		if kkPossessiveS(cls, stem) && !l.Plural {
			cur += pick(back, "сы")
		} else {
			if !l.Plural && kkVowelBeforeLast(cur) {
				// кітабы, but a loan in a consonant and к keeps it:
				// банкі, Минскіне.
				cur = kkVoice(cur)
			}
			cur += pick(back, "ы")
		}
		poss = true
	}
	e, ok := kkCaseEnding(cls, l.Case)
	if poss {
		e, ok = kkAfterPossEnding(l.Case)
	}
	if !ok {
		return ""
	}
	return cur + pick(back, e)
}

// kkVowelBeforeLast reports a word whose last letter but one is a vowel.
func kkVowelBeforeLast(word string) bool {
	_, n := utf8.DecodeLastRuneInString(word)
	r, _ := utf8.DecodeLastRuneInString(word[:len(word)-n])
	return strings.ContainsRune(kkVowels, r)
}

// KazakhNamesLike reports whether w (lower case) is name in the
// similative (Алматыдай, "like Almaty"; облысындай) or the predicative
// genitive (Алматынікі, "Almaty's"; облысынікі), with the ending its
// harmony and last sound ask for, the possessive's before it or not. The
// glossary's matcher leaves these out of the forms it takes; the check
// reads a translation that has one as naming the entry.
func KazakhNamesLike(w, name string) bool {
	// The stem may lose a vowel or voice a consonant before the
	// possessive (мүлкіндей, кітабындай): w starts with the name less
	// its last two letters at least.
	rs := []rune(name)
	if len(rs) < 3 || !strings.HasPrefix(w, string(rs[:len(rs)-2])) {
		return false
	}
	// A phrase's last word in -ы/-і may be a possessive already (Алматы
	// облысы: облысындай).
	stems := []KazakhStem{{Word: name}, {Word: name, Possessive: kkLooksPossessive(name)}}
	for _, c := range []int{KazakhSimilative, KazakhPredicative} {
		for _, s := range stems {
			for _, poss := range []bool{false, true} {
				if slices.Contains(KazakhInflect(s, KazakhEnding{Possessive: poss, Case: c}), w) {
					return true
				}
			}
		}
	}
	return false
}

// KazakhReinflect gives target the ending that found carries after
// foundStem: the fix for a forbidden form keeps its case, so Токаевқа
// (found, stem Токаев) becomes Тоқаевқа for the target Тоқаев. The
// comparison ignores case; the result keeps target's capitals. It reports
// false when found does not start with foundStem or its rest is no ending
// (and returns target itself for the bare stem).
//
// A foundStem that loses its last vowel before the possessive, or voices
// its last consonant there, is read so too: мүлкінен (found, stem мүлік)
// and меншігінен (stem меншік) carry the possessive and the ablative.
func KazakhReinflect(found, foundStem string, target KazakhStem, targetForm string) (string, bool) {
	lf, ls := strings.ToLower(found), strings.ToLower(foundStem)
	rest, ok := strings.CutPrefix(lf, ls)
	elided := false
	if !ok {
		short, _ := kkElides(ls)
		if short == "" {
			short = kkVoice(ls) // меншігінен: меншік
		}
		if rest, ok = strings.CutPrefix(lf, short); short == ls || !ok {
			return "", false
		}
		elided = true
	}
	if rest == "" {
		return targetForm, true
	}
	l, ok := ParseKazakhEnding(rest)
	if !ok || elided && (!l.Possessive || l.Plural) {
		return "", false
	}
	forms := KazakhInflect(target, l)
	if len(forms) == 0 {
		return "", false
	}
	return matchCapitals(targetForm, target.Word, forms[0]), true
}

// matchCapitals writes form (an inflection of the lower-case word) with
// the capitals of written, the way the glossary spells the word.
func matchCapitals(written, word, form string) string {
	fields := strings.Fields(written)
	if len(fields) == 0 {
		return form
	}
	last := fields[len(fields)-1]
	if strings.ToLower(last) != word {
		return form
	}
	return strings.TrimSuffix(written, last) + KazakhRespell(last, word, form)
}

// KazakhRespell writes form, an inflection of word (lower case), as
// written, which ends in word, writes it: written with form's ending
// (Алматы, алматыға: Алматыға), or, when the stem changed before the
// ending (мүлік, мүлкінен), form in written's capitals (a first one, or
// all), after what written has before word (Дүние-Мүлкі). It returns form
// when written does not end in word.
func KazakhRespell(written, word, form string) string {
	n := len(written) - len(word)
	if n < 0 || !strings.EqualFold(written[n:], word) {
		return form
	}
	if rest, ok := strings.CutPrefix(form, word); ok {
		return written + rest
	}
	last := written[n:]
	switch first, _ := utf8.DecodeRuneInString(last); {
	case strings.ToUpper(last) == last && strings.ToLower(last) != last:
		form = strings.ToUpper(form)
	case unicode.IsUpper(first):
		r, size := utf8.DecodeRuneInString(form)
		form = string(unicode.ToUpper(r)) + form[size:]
	}
	return written[:n] + form
}

// KazakhCaseForms returns word (lower case) with each case ending its
// harmony and final sound choose, the bare word first (both harmonies when
// the word's is ambiguous).
func KazakhCaseForms(word string) []string {
	var out []string
	back, front := kkHarmony(word)
	cls, _ := kkClassOf(word)
	for _, h := range harmonies(back, front) {
		for _, e := range kkCases(cls) {
			out = append(out, word+pick(h, e))
		}
	}
	return out
}

// KazakhOrdinal returns the ordinal of a Kazakh numeral: бес → бесінші,
// алты → алтыншы.
func KazakhOrdinal(word string) string {
	back, front := kkHarmony(word)
	e := "ыншы"
	if strings.ContainsRune(kkVowels, lastRune(word)) {
		e = "ншы"
	}
	return word + pick(back && !front, e)
}

// FixKazakhForbidden returns the fix for found, an inflected occurrence of
// the forbidden form forbidden of an entry of that kind whose preferred
// Kazakh form is preferred (with its inflect hint): the preferred form with
// found's ending, so Токаевқа becomes Тоқаевқа, not the bare Тоқаев. The
// forbidden form's last word must start found; otherwise, or when the rest
// is no ending, it returns preferred and false.
func FixKazakhForbidden(found, forbidden, preferred string, kind Kind, hint string) (string, bool) {
	fw := strings.Fields(forbidden)
	tw := strings.Fields(found)
	if len(fw) == 0 || len(tw) == 0 {
		return preferred, false
	}
	target := KazakhStemOf(preferred, kind, hint)
	fix, ok := KazakhReinflect(tw[len(tw)-1], fw[len(fw)-1], target, preferred)
	if !ok {
		return preferred, false
	}
	return fix, true
}
