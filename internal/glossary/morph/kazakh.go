package morph

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
)

// Kazakh inflection: the endings of a name's last word, generated from the
// stem's vowel harmony and final sound (see the package documentation and
// ../shared/notes/kazakh-morphology.md). Endings are written here in their
// back-vowel form and turned front by [kkFront].

const (
	kkBackVowels  = "аоұыяё"
	kkFrontVowels = "әөүіеэ"
	kkVowels      = "аәеёиоөұүыіэюяу"
)

// kkClass is the stem-final sound class that picks the first consonant of
// an ending.
type kkClass uint8

const (
	kkV kkClass = iota // vowel
	kkS                // л р й у (sonorants)
	kkN                // м н ң (nasals)
	kkZ                // з ж (voiced fricatives)
	kkT                // voiceless, and final б в г д
)

// kkFrontOf turns a back-vowel ending into its front twin: а→е, ы→і, ғ→г,
// қ→к (дың→дің, ға→ге, қа→ке, дағы→дегі).
var kkFrontOfReplacer = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer("а", "е", "ы", "і", "ғ", "г", "қ", "к")
}}

func kkFrontOf(s string) string { return kkFrontOfReplacer.Get().Replace(s) }

// kkFrontEndings caches the front twin of every ending the rules use, so
// generating forms does not rewrite the same few strings a million times.
var kkFrontEndings = lazy.Value[map[string]string]{New: func() map[string]string {
	m := map[string]string{}
	add := func(es ...string) {
		for _, e := range es {
			m[e] = kkFrontOf(e)
		}
	}
	for c := kkV; c <= kkT; c++ {
		add(kkCases(c)...)
		add(kkPlural(c, "л"), kkPlural(c, "р"))
	}
	add(kkAfterPossessive...)
	add(kkAfterPossessiveMore...)
	for c := kkV; c <= kkT; c++ {
		add(kkMoreCases(c)...)
	}
	add("сы", "ы")
	return m
}}

func kkFront(e string) string {
	if f, ok := kkFrontEndings.Get()[e]; ok {
		return f
	}
	return kkFrontOf(e)
}

// kkHarmony tells which harmony the endings of word follow. A final к/г
// takes front endings and қ/ғ back ones; otherwise the last vowel decides.
// A loan whose final к/г follows a back vowel (Ломбок, Нью-Йорк, банк,
// where a Kazakh word would have қ/ғ) is written both ways (Ломбокта,
// Нью-Йоркте, банкқа in the kk corpora): it gets both, and front is shown
// (see kkLoanK).
// ю and у after a consonant (or after и, as in кондоминиум) are written in
// loans of either harmony, so a word whose last vowel is one of them gets
// both. A last и is front
// (Берлинде, министрі, Челсиден), but after a back vowel it is written
// both ways (Мартиннің, цунамиден, саммиттен; мұхитта, тарихты in the kk
// corpora), so such a word gets both, and front is shown (see kkLoanI);
// a word with the Kazakh letters ұ ғ қ takes back (мұхиттың).
func kkHarmony(word string) (back, front bool) {
	rs := []rune(word)
	if n := len(rs); n > 1 && rs[n-1] == 'ь' {
		// A final soft sign softens the endings (Кремльдің, Ливерпульді,
		// Кромвельдің in the kk corpora): front, whatever the vowel says
		// beside it, and shown (see kkFrontFirst).
		back, _ := kkHarmony(string(rs[:n-1]))
		return back, true
	}
	if n := len(rs); n > 0 {
		switch rs[n-1] {
		case 'к', 'г':
			return kkLoanK(rs), true
		case 'қ', 'ғ':
			return true, false
		}
	}
	ambiguous := false
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		switch {
		case strings.ContainsRune(kkBackVowels, r):
			return true, ambiguous
		case strings.ContainsRune(kkFrontVowels, r):
			return ambiguous, true
		case r == 'и' && !ambiguous:
			return kkHarmonyBeforeI(rs[:i])
		case r == 'и' || r == 'ю':
			ambiguous = true
		case r == 'у':
			if i > 0 && rs[i-1] != 'и' && strings.ContainsRune(kkVowels, rs[i-1]) {
				continue // a glide after a vowel: Атырау; after и a loan's vowel (кондоминиум)
			}
			ambiguous = true
		}
	}
	return true, true
}

// kkHarmonyBeforeI is the harmony of a word whose last vowel is и, told
// by the letters before it: back with ұ ғ қ (мұхит), front with ә ө ү і,
// both after another back vowel (Мартин, тарих), front after a front
// vowel, и or none (Берлин, министр).
func kkHarmonyBeforeI(rs []rune) (back, front bool) {
	for _, r := range rs {
		switch {
		case strings.ContainsRune("ұғқ", r):
			return true, false
		case strings.ContainsRune("әөүі", r):
			return false, true
		}
	}
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		switch {
		case r == 'у' && i > 0 && strings.ContainsRune(kkVowels, rs[i-1]):
			continue
		case strings.ContainsRune(kkBackVowels, r) || r == 'у':
			return true, true
		case strings.ContainsRune(kkVowels, r):
			return false, true
		}
	}
	return false, true
}

// kkLoanI reports a word whose last vowel is и after a back vowel
// (Мартин, цунами): kkHarmony gives it both harmonies, of which front is
// the one shown and given first.
func kkLoanI(word string) bool {
	rs := []rune(word)
	if n := len(rs); n == 0 || strings.ContainsRune("кгқғ", rs[n-1]) {
		return false
	}
	for i := len(rs) - 1; i >= 0; i-- {
		switch r := rs[i]; {
		case r == 'и':
			b, f := kkHarmonyBeforeI(rs[:i])
			return b && f
		case r == 'у' && i > 0 && strings.ContainsRune(kkVowels, rs[i-1]):
			continue
		case strings.ContainsRune(kkVowels, r):
			return false
		}
	}
	return false
}

// kkLoanK reports a word ending in к or г whose last vowel is back (а о
// ұ ы я ё, or у and ю, which loans write in either harmony): Ломбок,
// Нью-Йорк, Фейсбук. kkHarmony gives it both harmonies, of which front is
// the one shown and given first.
func kkLoanK(rs []rune) bool {
	n := len(rs)
	if n == 0 || rs[n-1] != 'к' && rs[n-1] != 'г' {
		return false
	}
	for i := n - 2; i >= 0; i-- {
		if strings.ContainsRune(kkVowels, rs[i]) {
			return strings.ContainsRune(kkBackVowels+"ую", rs[i])
		}
	}
	return false
}

// kkFrontFirst reports a word both of whose harmonies may be matched, of
// which front is shown and given first: kkLoanI, kkLoanK, and a word in
// a soft sign (Ливерпуль, Гоголь; see kkHarmony).
func kkFrontFirst(word string) bool {
	return kkLoanI(word) || kkLoanK([]rune(word)) || strings.HasSuffix(word, "ь")
}

// kkClassOf returns the class of the word's final sound. A final soft or
// hard sign is skipped (Кремль is a sonorant stem); a final и is a
// sonorant, though its possessive is a vowel's (see kkPossessiveS). Final
// ж counts as both Z and T, as the sources disagree; zh reports it.
func kkClassOf(word string) (c kkClass, zh bool) {
	word = strings.TrimRight(word, "ьъ")
	r, _ := utf8.DecodeLastRuneInString(word)
	switch {
	case r == 'у' || r == 'и' || strings.ContainsRune("лрй", r):
		// A final и is ій or ый, as й takes endings: Челсидің, цунамидің,
		// Генриді in the kk corpora, never Челсинің.
		return kkS, false
	case strings.ContainsRune(kkVowels, r):
		return kkV, false
	case strings.ContainsRune("мнң", r):
		return kkN, false
	case r == 'з':
		return kkZ, false
	case r == 'ж':
		return kkZ, true
	}
	return kkT, false
}

// kkCases returns the case endings (back form) of a stem of class c, the
// empty ending (the bare stem) first: genitive, dative, accusative,
// locative, ablative, instrumental and attributive locative.
func kkCases(c kkClass) []string {
	switch c {
	case kkV:
		return []string{"", "ның", "ға", "ны", "да", "дан", "мен", "дағы"}
	case kkS:
		return []string{"", "дың", "ға", "ды", "да", "дан", "мен", "дағы"}
	case kkN:
		return []string{"", "ның", "ға", "ды", "да", "нан", "мен", "дағы"}
	case kkZ:
		return []string{"", "дың", "ға", "ды", "да", "дан", "бен", "дағы"}
	}
	return []string{"", "тың", "қа", "ты", "та", "тан", "пен", "тағы"}
}

// kkAfterPossessive are the endings after the 3rd-person possessive:
// облысы → облысының, облысына, облысын, облысында, облысынан, облысымен,
// облысындағы.
var kkAfterPossessive = []string{"", "ның", "на", "н", "нда", "нан", "мен", "ндағы"}

// kkMoreCases returns the endings (back form) of a stem of class c that
// KazakhEnding numbers after the cases, from KazakhSimilative on: the
// similative -дай (Алматыдай, Шымкенттей) and the predicative genitive
// -нікі, which has no back form (Алматынікі, Шымкенттікі). The equative
// -ша after a bare stem (Тоқаевша, қазақша) makes an adverb, a derived
// word, and is not among them.
func kkMoreCases(c kkClass) []string {
	switch c {
	case kkV, kkN:
		return []string{"дай", "нікі"}
	case kkS, kkZ:
		return []string{"дай", "дікі"}
	}
	return []string{"тай", "тікі"}
}

// kkAfterPossessiveMore are the endings after the 3rd-person possessive
// from KazakhEquative on: the equative -нша, "according to" (заңынша,
// пікірінше, Жарғысынша), the similative -ндай (облысындай) and the
// predicative genitive -нікі (облысынікі). apertium-kaz's lexicon puts
// them where the cases go (its GENERAL-POSSESSIVE-ETC).
var kkAfterPossessiveMore = []string{"нша", "ндай", "нікі"}

// kkCaseEnding returns the ending (back form) of case c after a bare stem
// of class cls, false for a case a bare stem does not take here (the
// equative) and for no case.
func kkCaseEnding(cls kkClass, c int) (string, bool) {
	switch {
	case c >= 0 && c <= KazakhAttributive:
		return kkCases(cls)[c], true
	case c >= KazakhSimilative && c <= KazakhPredicative:
		return kkMoreCases(cls)[c-KazakhSimilative], true
	}
	return "", false
}

// kkAfterPossEnding returns the ending (back form) of case c after the
// 3rd-person possessive, false for no case.
func kkAfterPossEnding(c int) (string, bool) {
	switch {
	case c >= 0 && c <= KazakhAttributive:
		return kkAfterPossessive[c], true
	case c >= KazakhEquative && c <= KazakhPredicative:
		return kkAfterPossessiveMore[c-KazakhEquative], true
	}
	return "", false
}

// kkHyphenEndings are every allomorph of every ending, for abbreviations
// and Latin names, whose pronunciation (and so harmony and final sound)
// the spelling does not tell: ҚР-дың, АҚШ-тың, BBC-ге, BBC-дің.
var kkHyphenEndings = []string{
	"ның", "нің", "дың", "дің", "тың", "тің",
	"ға", "ге", "қа", "ке", "на", "не",
	"ны", "ні", "ды", "ді", "ты", "ті", "н",
	"да", "де", "та", "те", "нда", "нде",
	"дан", "ден", "тан", "тен", "нан", "нен",
	"мен", "бен", "пен",
	"лар", "лер", "дар", "дер", "тар", "тер",
	"сы", "сі", "ы", "і",
	"дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
}

// kkPlural returns the plural suffix (back form) after class c: лар after
// vowels and р й у, дар after л and the nasals and з ж, тар after
// voiceless sounds.
func kkPlural(c kkClass, word string) string {
	switch c {
	case kkV:
		return "лар"
	case kkS:
		if strings.HasSuffix(strings.TrimRight(word, "ьъ"), "л") {
			return "дар"
		}
		return "лар"
	case kkN, kkZ:
		return "дар"
	}
	return "тар"
}

// kkVoice gives the stem a voiced final before a vowel-initial possessive:
// кітап → кітабы, тілек → тілегі, Ақжайық → Ақжайығы.
func kkVoice(stem string) string {
	r, n := utf8.DecodeLastRuneInString(stem)
	switch r {
	case 'п':
		return stem[:len(stem)-n] + "б"
	case 'к':
		return stem[:len(stem)-n] + "г"
	case 'қ':
		return stem[:len(stem)-n] + "ғ"
	}
	return stem
}

// KazakhForms is how the last word of a Kazakh form inflects.
type KazakhForms struct {
	Plain  []string // whole-word forms of the last word, the word itself first
	Hyphen []string // endings written after a hyphen (ҚР-дың)
	// Shown, when not nil, are the forms of Plain to show a person, where
	// the rules keep for matching forms hardly anyone writes: the word
	// with its possessive reading only, when they guessed that a phrase's
	// final -ы/-і is the possessive (облысына, not облысыға); the voiced
	// possessive only of a word of two or more syllables in a vowel and
	// п/к/қ (құқығы, алматылығы, not құқықы: 156 to 1 in the kk corpora);
	// the front endings only of a word whose last vowel is и after a back
	// vowel (Мартиннің, not Мартинның; see kkHarmony).
	Shown []string
	// More are forms matched and never shown: the equative after the
	// possessive (заңынша, облысынша); the list shows the cases.
	More []string
}

// KazakhWordForms returns the inflected forms of word (a folded key) whose
// written form is orig. multiword tells that the word ends a phrase of two
// or more words, where a final -ы/-і is usually the possessive of a
// compound (Біріккен Ұлттар Ұйымы, Алматы облысы).
func KazakhWordForms(orig, word string, kind Kind, hint string, multiword bool) (out KazakhForms) {
	if hint == "none" {
		return KazakhForms{Plain: []string{word}}
	}
	if isAbbreviation(orig) || !hasCyrillic(word) {
		return KazakhForms{Plain: []string{word}, Hyphen: kkHyphenEndings}
	}
	set := &formList{list: make([]string, 0, 64)}
	set.add(word)
	// Common nouns (kind other: әкім) also take the plural possessive with
	// its endings (облыс әкімдерінің); names seldom do, and leaving it out
	// keeps the trie small.
	common := kind == Other
	back, front := kkHarmony(word)
	switch hint {
	case "back":
		back, front = true, false
	case "front":
		back, front = false, true
	}
	// A phrase's final -ы/-і is most often the possessive of a compound
	// (Алматы облысы), but can belong to the word (Үлкен Алматы, лауазымды
	// кісі), and no spelling rule tells them apart: unless the hint says
	// (possessive, or stem), both readings are matched and the possessive
	// one is shown.
	guess := multiword && hint != "possessive" && hint != "stem" && kkLooksPossessive(word)
	possessive := hint == "possessive" || guess
	var poss *formList
	if guess {
		poss = &formList{list: make([]string, 0, 32)}
		poss.add(word)
	}
	if hint != "possessive" {
		cls, zh := kkClassOf(word)
		kkStemForms(set, word, cls, back, front, common)
		if zh {
			kkStemForms(set, word, kkT, back, front, common)
		}
		if e, ok := kkEpenthetic(word, hint); ok {
			// Минскіде, Минскіге beside Минскте, Минскке: matched, not
			// shown, unless another reading gives the same form
			// (минскінің is also the possessive's genitive).
			var hidden []string
			for _, c := range kkCases(kkV)[1:] {
				if f := e + kkFrontOf(c); !set.has(f) {
					hidden = append(hidden, f)
				}
			}
			defer func() {
				if len(hidden) == 0 {
					return
				}
				if out.Shown == nil {
					out.Shown = slices.Clone(out.Plain)
				}
				out.Shown = slices.DeleteFunc(out.Shown, func(f string) bool { return slices.Contains(hidden, f) })
			}()
			for _, f := range hidden {
				set.add(f)
			}
		}
		if kind == Person && hint == "" && kkVoicelessSurname(word) {
			// Russian surnames in -ов/-ев take back-vowel voiceless endings
			// whatever their last vowel: Тоқаевтың, Тоқаевқа, Тоқаевпен;
			// and the voiceless endings of their root's harmony, which
			// the endings check asks for (KazakhInflect): Әуезовтің,
			// Әуезовке, not only Әуезовтың.
			kkStemForms(set, word, kkT, true, false, common)
			if rb, rf := kkHarmony(trimRunes(word, 2)); rf && !rb {
				kkStemForms(set, word, kkT, false, true, common)
			}
		}
	}
	if possessive {
		// The word already carries the possessive: only the endings after it,
		// and the plural of the bare stem (облыс-тар-ы).
		// Where the stem is in doubt (облы-сы or облыс-ы) both plurals are
		// matched, and neither is shown.
		stems := kkDropPossessive(word)
		for _, to := range []*formList{set, poss} {
			if to == nil {
				continue
			}
			kkAfterPoss(to, word, back, front)
			if to == poss && len(stems) != 1 {
				continue
			}
			for _, stem := range stems {
				if kkIsPlural(stem) {
					continue // штаттар-ы: no штаттарлары
				}
				cls, _ := kkClassOf(stem)
				for _, h := range harmonies(back, front) {
					pl := pick(h, kkPlural(cls, stem))
					kkAfterPlural(to, stem+pl+pick(h, "ы"), h)
				}
			}
		}
	}
	// A loanword or name ending in a doubled consonant (Халкетт, Скотт,
	// грамм) is written with one of the two before an ending: three letters
	// in a row are not written (Халкеттің, not Халкетттің), and a vowel
	// ending drops one too (класы). Its forms are also those of the stem
	// with one, but not that stem bare, which is another spelling.
	if single, ok := kkUndouble(word); ok {
		tripled := word + word[len(single):]
		set.list = slices.DeleteFunc(set.list, func(f string) bool { return strings.HasPrefix(f, tripled) })
		set.more = slices.DeleteFunc(set.more, func(f string) bool { return strings.HasPrefix(f, tripled) })
		sub := KazakhWordForms(orig, single, kind, hint, multiword)
		for _, f := range sub.Plain {
			if f != single {
				set.add(f)
			}
		}
		set.more = append(set.more, sub.More...)
	}
	// A loan in -ст (Уэст, турист, Бухарест) is also written with one т
	// before an ending that starts with т (Уэстің, сепаратистер,
	// лейбористі beside Уэсттің: both in the kk corpora): matched, not
	// shown.
	var merged []string
	if strings.HasSuffix(word, "ст") && utf8.RuneCountInString(word) >= 4 {
		for _, f := range set.list {
			if rest, ok := strings.CutPrefix(f, word+"т"); ok && rest != "" {
				if m := word + rest; !set.has(m) && !slices.Contains(merged, m) {
					merged = append(merged, m)
				}
			}
		}
	}
	if len(merged) > 0 {
		defer func() {
			if out.Shown == nil {
				out.Shown = slices.Clone(out.Plain)
			}
			out.Plain = append(out.Plain, merged...)
		}()
	}
	out = KazakhForms{Plain: set.list, More: set.more}
	if poss != nil {
		// In Plain's order, which puts the word first.
		out.Shown = slices.DeleteFunc(slices.Clone(set.list), func(f string) bool { return !poss.has(f) })
	}
	if hint == "" && kkFrontFirst(word) {
		// Мартин, Ломбок: both harmonies are matched, front is shown
		// (Мартиннің, not Мартинның; Ломбокта is matched).
		front := KazakhWordForms(orig, word, kind, "front", multiword)
		keep := front.Shown
		if keep == nil {
			keep = front.Plain
		}
		if out.Shown == nil {
			out.Shown = slices.Clone(set.list)
		}
		out.Shown = slices.DeleteFunc(out.Shown, func(f string) bool { return !slices.Contains(keep, f) })
	}
	if kind == Person && hint == "" && kkVoicelessSurname(word) {
		// A surname in -ов/-ев is shown with the voiceless endings of its
		// root's harmony, those the endings check asks for (Тоқаевқа,
		// Әуезовке); the others are matched, not shown (Тоқаевке).
		rb, rf := kkHarmony(trimRunes(word, 2))
		if rb && rf {
			rf = false
		}
		root := &formList{}
		root.add(word)
		kkStemForms(root, word, kkT, rb, rf, common)
		if out.Shown == nil {
			out.Shown = slices.Clone(set.list)
		}
		out.Shown = slices.DeleteFunc(out.Shown, func(f string) bool { return !root.has(f) })
	}
	if v := kkVoice(word); hint != "possessive" && v != word && !kkVowelBeforeLast(word) {
		// A loan in a consonant and п, к or қ keeps it before the
		// possessive (банкі, Минскіне): the voiced forms are matched, not
		// shown, as KazakhInflect does not give them.
		hidePossessive(&out, set, v, back, front)
	}
	if hint != "possessive" && kkVoicesBeforeVowel(word) {
		hidePossessive(&out, set, word, back, front)
	}
	return out
}

// hidePossessive keeps the possessive of stem, and the endings after it,
// out of the forms out shows (all of set's when it shows all).
func hidePossessive(out *KazakhForms, set *formList, stem string, back, front bool) {
	hidden := &formList{}
	for _, h := range harmonies(back, front) {
		kkAfterPoss(hidden, stem+pick(h, "ы"), h, !h)
	}
	if out.Shown == nil {
		out.Shown = slices.Clone(set.list)
	}
	out.Shown = slices.DeleteFunc(out.Shown, hidden.has)
}

// kkEpenthetic returns the stem, in і, that a Russian place name in -ск or
// -цк takes before an ending in much Kazakh writing (Минскіде, Минскіге,
// Донецкіде, Томскінің), beside the bare stem's Минскте; false for any
// other word, and when the inflect hint fixes the stem (possessive, none)
// or asks for back endings.
func kkEpenthetic(word, hint string) (string, bool) {
	if hint != "" && hint != "front" {
		return "", false
	}
	stem, ok := strings.CutSuffix(word, "ск")
	if !ok {
		stem, ok = strings.CutSuffix(word, "цк")
	}
	if !ok || !strings.ContainsAny(stem, kkVowels) {
		return "", false
	}
	return word + "і", true
}

// kkVoicesBeforeVowel reports a word of two or more syllables ending in a
// vowel and п, к or қ, whose possessive is voiced (құқығы, кітабы,
// орталығы); a monosyllable or a loan in a consonant and к may not be
// (банкі).
func kkVoicesBeforeVowel(word string) bool {
	rs := []rune(word)
	n := len(rs)
	if n < 3 || !strings.ContainsRune("пкқ", rs[n-1]) || !strings.ContainsRune(kkVowels, rs[n-2]) {
		return false
	}
	vowels := 0
	for _, r := range rs {
		if strings.ContainsRune(kkVowels, r) {
			vowels++
		}
	}
	return vowels >= 2
}

// kkUndouble returns word without the last letter of a final doubled
// consonant (халкетт: халкет), or false.
func kkUndouble(word string) (string, bool) {
	last, n := utf8.DecodeLastRuneInString(word)
	prev, _ := utf8.DecodeLastRuneInString(word[:len(word)-n])
	if last != prev || last == utf8.RuneError || strings.ContainsRune(kkVowels, last) || strings.ContainsRune("ьъ", last) ||
		utf8.RuneCountInString(word) < 4 {
		return "", false
	}
	return word[:len(word)-n], true
}

// kkStemForms adds the case forms, possessive and plural of a bare stem;
// pluralPoss adds the plural possessive and the endings after it.
func kkStemForms(set *formList, stem string, cls kkClass, back, front, pluralPoss bool) {
	for _, h := range harmonies(back, front) {
		for _, e := range kkCases(cls) {
			set.add(stem + pick(h, e))
		}
		// 3rd-person possessive and the endings after it.
		// A word that loses its last vowel before it (орын: орны,
		// мүлік: мүлкі) takes it on the short stem, and on the full
		// one only where that is written too (ауызы beside аузы).
		elided, both := kkElides(stem)
		switch {
		case kkPossessiveS(cls, stem):
			kkAfterPoss(set, stem+pick(h, "сы"), h, !h)
		case elided != "":
			kkAfterPoss(set, elided+pick(h, "ы"), h, !h)
			if !both {
				break
			}
			fallthrough
		default:
			kkAfterPoss(set, stem+pick(h, "ы"), h, !h)
			if v := kkVoice(stem); v != stem {
				kkAfterPoss(set, v+pick(h, "ы"), h, !h)
			}
		}
		// Plural, with its case endings and its possessive.
		pl := stem + pick(h, kkPlural(cls, stem))
		for _, e := range kkCases(kkS) {
			set.add(pl + pick(h, e))
		}
		if pluralPoss {
			kkAfterPlural(set, pl+pick(h, "ы"), h)
		}
	}
}

// kkIsPlural reports a word that ends in the plural suffix its stem
// takes (штаттар, ұйымдар, елдер), which takes no second plural. It is
// asked only of the stem of a phrase's final possessive (Құрама
// Штаттары), since a name may end so without being a plural (Манчестер).
func kkIsPlural(word string) bool {
	for _, pl := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
		stem, ok := strings.CutSuffix(word, pl)
		if !ok || utf8.RuneCountInString(stem) < 2 || !strings.ContainsAny(stem, kkVowels) {
			continue
		}
		c, _ := kkClassOf(stem)
		back, front := kkHarmony(stem)
		if want := kkPlural(c, stem); back && pl == want || front && pl == kkFrontOf(want) {
			return true
		}
	}
	return false
}

// kkPossessiveS reports a stem of class cls that takes the possessive
// -сы/-сі: one in a vowel, и too (цунамисі), which takes the other endings
// as й does; the kk corpora have no possessive of one to tell otherwise.
func kkPossessiveS(cls kkClass, stem string) bool {
	return cls == kkV || lastRune(stem) == 'и'
}

// kkAfterPlural adds the case endings after poss, a plural's possessive
// (облыстары), in harmony h: облыстарының, облыстарына ..., not the
// equative (облыстарынша), which is rare.
func kkAfterPlural(set *formList, poss string, h bool) {
	for _, e := range kkAfterPossessive {
		set.add(poss + pick(h, e))
	}
}

func kkAfterPoss(set *formList, poss string, back, front bool) {
	for _, h := range harmonies(back, front) {
		for _, e := range kkAfterPossessive {
			set.add(poss + pick(h, e))
		}
		// The equative, "according to" (заңынша), matched, not
		// shown. The similative and the predicative genitive
		// (облысындай, облысынікі) are not matched: they name the
		// entry (see glossary's namedOtherwise) for a trie a tenth
		// smaller.
		set.addMore(poss + pick(h, kkAfterPossessiveMore[0]))
	}
}

// kkLooksPossessive reports a final -ы/-і (облысы, Ұйымы, прокуратурасы)
// that is not the agent suffix -ушы/-уші (құқық қорғаушы, аға тергеуші:
// no noun stem ends in -уш, so their possessive is қорғаушысы).
func kkLooksPossessive(word string) bool {
	if strings.HasSuffix(word, "ушы") || strings.HasSuffix(word, "уші") {
		return false
	}
	return strings.HasSuffix(word, "ы") || strings.HasSuffix(word, "і")
}

// kkDropPossessive returns the stems word may be the possessive of: one
// for ұйымы (ұйым), кітабы (кітап, the voicing undone) or халқы (халық,
// the dropped vowel put back; see kkElides), two for a vowel
// and -сы/-сі, which a vowel stem takes (қала-сы, прокуратура-сы) and a
// stem in -с takes as -ы (облыс-ы, кеңес-і): the letters do not tell which.
func kkDropPossessive(word string) []string {
	var out []string
	for _, suf := range []string{"сы", "сі"} {
		if stem, ok := strings.CutSuffix(word, suf); ok && utf8.RuneCountInString(stem) >= 2 && strings.ContainsRune(kkVowels, lastRune(stem)) {
			out = append(out, stem)
		}
	}
	for _, suf := range []string{"ы", "і"} {
		if stem, ok := strings.CutSuffix(word, suf); ok && utf8.RuneCountInString(stem) >= 2 {
			switch lastRune(stem) {
			case 'б':
				stem = strings.TrimSuffix(stem, "б") + "п"
			case 'г':
				stem = strings.TrimSuffix(stem, "г") + "к"
			case 'ғ':
				stem = strings.TrimSuffix(stem, "ғ") + "қ"
			}
			if w, ok := KazakhUnelided(stem); ok {
				stem = w // халқ-ы: халық
			}
			out = append(out, stem)
		}
	}
	return out
}

// harmonies lists true for back and false for front, as requested.
func harmonies(back, front bool) []bool {
	switch {
	case back && front:
		return []bool{true, false}
	case front:
		return []bool{false}
	}
	return []bool{true}
}

func pick(back bool, ending string) string {
	if back {
		return ending
	}
	return kkFront(ending)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isRussianSurname reports the Russian surname endings -ов/-ев/-ёв/-ин/-ын
// on a folded word.
func isRussianSurname(w string) bool {
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, s := range []string{"ов", "ев", "ёв", "ин", "ын"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// kkVoicelessSurname reports a Russian surname that takes back-vowel
// voiceless endings in Kazakh (Тоқаевтың, Тоқаевқа): one in -ов/-ев, not
// one in -ин/-ын, whose ending follows its own sounds (Ушениннің,
// Путинге; the kk corpora write Мартиннің, Колвиннің, never -интың).
func kkVoicelessSurname(w string) bool {
	return isRussianSurname(w) && !strings.HasSuffix(w, "ин") && !strings.HasSuffix(w, "ын")
}

// isAbbreviation reports a word of two or more letters, all upper case
// (ҚР, АҚШ, БҰҰ, ООН, BBC).
func isAbbreviation(orig string) bool {
	n := 0
	for _, r := range orig {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// formList collects generated forms. It does not remove duplicates: the
// trie does, for free, when the same key reaches the same node.
type formList struct {
	list []string
	more []string // forms matched, not shown (KazakhForms.More)
}

func (f *formList) add(v string) { f.list = append(f.list, v) }

// addMore adds v, a form in an ending after the cases (облысынша), to
// the forms matched and never shown.
func (f *formList) addMore(v string) { f.more = append(f.more, v) }

func (f *formList) has(v string) bool { return slices.Contains(f.list, v) }

// stringSet keeps strings in insertion order without duplicates.
type stringSet struct {
	list []string
	seen map[string]bool
}

func newStringSet(items ...string) *stringSet {
	s := &stringSet{seen: map[string]bool{}}
	for _, it := range items {
		s.add(it)
	}
	return s
}

func (s *stringSet) add(v string) {
	if !s.seen[v] {
		s.seen[v] = true
		s.list = append(s.list, v)
	}
}
