package glossary

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
	"github.com/tilmash/tilmash/internal/lazy"
)

// The kinds of [Finding].
const (
	FindingMissing   = "missing"
	FindingForbidden = "forbidden"
	FindingHomoglyph = "homoglyph"
	FindingHidden    = "hidden-character"
)

// Finding is one glossary violation in an aligned group.
//
//   - missing: an entry found in the source-language text has no accepted
//     form in the text of Lang. Text, Start and End are the occurrence in
//     the source text, SrcLang its language and Segment the source text;
//     Expected is the entry's preferred form in Lang.
//   - forbidden: a forbidden form in the text of Lang. Text, Start and End
//     are the occurrence, Segment the text of Lang, and Expected the
//     entry's preferred form in Lang.
//   - homoglyph: a word of the text of Lang that mixes Latin and Cyrillic
//     letters, with Expected its spelling in one script (empty when there is
//     no safe one). EntryID is set when the word is part of a glossary form.
//   - hidden-character: a word of the text of Lang with an invisible
//     character inside or at its edge (a zero-width space, non-joiner or
//     joiner, a word joiner, a byte order mark, a soft hyphen: see
//     [isHidden]), which hides the word from search and from a reader.
//     Text, Start and End are the word with those characters, Hidden
//     names them (U+200B …) and Expected is the word without them.
//     EntryID is set when the word is part of a glossary form, which is
//     still matched (and reported if forbidden or mixed) as if they were
//     not there.
//
// Start and End are byte offsets into Segment. Doc and Group are left for
// the caller to fill in.
type Finding struct {
	Doc      string
	Group    int
	Lang     string
	EntryID  string
	Kind     string
	Text     string
	Start    int
	End      int
	Expected string
	Segment  string
	SrcLang  string
	Hidden   string // for hidden-character: the characters, as "U+200B, U+00AD"
	// Keyboard marks a forbidden finding that is no listed form: an
	// accepted Kazakh form typed with the Russian letters a keyboard
	// without the Kazakh ones leaves (Солтустик Македонияга for Солтүстік
	// Македонияға). Expected is that form as it should be written.
	Keyboard bool
	// Hyphen marks a forbidden finding that is no listed form: an
	// accepted form with a space where the glossary has a hyphen, or a
	// hyphen where it has a space (Нұр Сұлтан for Нұр-Сұлтан). Expected
	// is the form as the glossary writes it.
	Hyphen bool
}

// MessageID returns the catalogue id of the finding's message:
// glossary.check.missing, glossary.check.forbidden or
// glossary.check.homoglyph (glossary.check.homoglyph-unfixable when there
// is no correction to offer).
func (f Finding) MessageID() string {
	if f.Keyboard {
		return "glossary.check.keyboard"
	}
	if f.Hyphen {
		return "glossary.check.hyphen"
	}
	if f.Kind == FindingHomoglyph && f.Expected == "" {
		return "glossary.check.homoglyph-unfixable"
	}
	return "glossary.check." + f.Kind
}

// TemplateData returns the values the message templates use.
func (f Finding) TemplateData() map[string]any {
	return map[string]any{
		"Doc": f.Doc, "Group": f.Group, "Lang": f.Lang, "ID": f.EntryID, "Kind": f.Kind,
		"Text": f.Text, "Start": f.Start, "End": f.End, "Expected": f.Expected, "SrcLang": f.SrcLang,
		"Hidden": f.Hidden,
	}
}

// Error returns the English message, for logs and tests.
func (f Finding) Error() string {
	switch f.Kind {
	case FindingMissing:
		return f.SrcLang + " “" + f.Text + "” (" + f.EntryID + ") has no " + f.Lang + " counterpart: expected “" + f.Expected + "”"
	case FindingForbidden:
		if f.Keyboard {
			return f.Lang + " “" + f.Text + "” is " + f.EntryID + " typed with Russian letters in place of Kazakh ones: write “" + f.Expected + "”"
		}
		if f.Hyphen {
			return f.Lang + " “" + f.Text + "” is " + f.EntryID + " with a space where the glossary has a hyphen, or the reverse: write “" + f.Expected + "”"
		}
		return f.Lang + " “" + f.Text + "” is a forbidden form of " + f.EntryID + ": use “" + f.Expected + "”"
	case FindingHidden:
		return f.Lang + " “" + f.Text + "” hides an invisible character (" + f.Hidden + "): write “" + f.Expected + "”"
	}
	if f.Expected == "" {
		return f.Lang + " “" + f.Text + "” mixes Latin and Cyrillic letters"
	}
	return f.Lang + " “" + f.Text + "” mixes Latin and Cyrillic letters: write “" + f.Expected + "”"
}

// CheckGroup checks one aligned group, texts holding its text per language.
// Every entry found (in an accepted or forbidden form) in the text of
// srcLang must have an accepted form in each other language's text; a
// forbidden form of the entry there is reported as forbidden, not also as
// missing. Languages whose text is blank (a sentence left untranslated) are
// not checked for missing entries, nor are entries that have no form in
// that language (lint reports those). Forbidden forms and mixed-script
// words are reported in every text, the source included. When one source
// span is a form of several entries, any one of them found in the target
// is enough. Findings come per language (source first, then the others by
// code): forbidden forms and mixed-script words in text order, then the
// missing entries in source order.
func (m *Matcher) CheckGroup(srcLang string, texts map[string]string) []Finding {
	// The languages but the source's, with their texts: read in one pass
	// over the map.
	type langText struct{ lang, text string }
	var buf [4]langText
	langs := buf[:0]
	var src string
	hasSrc := false
	for l, t := range texts {
		if l != srcLang {
			langs = append(langs, langText{l, t})
		} else {
			src, hasSrc = t, true
		}
	}
	slices.SortFunc(langs, func(a, b langText) int { return strings.Compare(a.lang, b.lang) })
	gs, _ := m.groups.Get().(*groupScratch)
	if gs == nil {
		gs = &groupScratch{}
	}
	defer func() {
		// Dropped, the texts the matches point into: the buffers may wait
		// in the pool for long.
		clear(gs.src)
		clear(gs.tgt)
		gs.src, gs.tgt = gs.src[:0], gs.tgt[:0]
		m.groups.Put(gs)
	}()
	srcMatches, srcMixed, srcHidden := m.scan(srcLang, src, true, gs.src[:0])
	gs.src = srcMatches
	var out []Finding
	for k := -1; k < len(langs); k++ {
		lang, text := srcLang, src
		matches, mixed, hidden := srcMatches, srcMixed, srcHidden
		if k < 0 {
			if !hasSrc {
				continue
			}
		} else {
			lang, text = langs[k].lang, langs[k].text
			matches, mixed, hidden = m.scan(lang, text, true, gs.tgt[:0])
			gs.tgt = matches
		}
		var fs []Finding
		for _, mt := range matches {
			if mt.Forbidden {
				fs = append(fs, Finding{
					Lang: lang, EntryID: mt.EntryID, Kind: FindingForbidden, Text: mt.Text,
					Start: mt.Start, End: mt.End, Expected: m.term(mt.EntryID, lang), Segment: text,
				})
			}
		}
		if len(mixed) > 0 {
			cyr := cyrillicLang(lang)
			for _, sp := range mixed {
				h, ok := homoglyphAt(lang, text, sp[0], sp[1], cyr)
				if !ok {
					continue
				}
				for _, mt := range matches {
					if mt.Start <= h.Start && h.End <= mt.End {
						h.EntryID = mt.EntryID
						break
					}
				}
				fs = append(fs, h)
			}
		}
		if hidden {
			for _, h := range hiddenChars(lang, text) {
				for _, mt := range matches {
					if mt.Start < h.End && h.Start < mt.End {
						h.EntryID = mt.EntryID
						break
					}
				}
				fs = append(fs, h)
			}
		}
		if len(fs) > 1 {
			sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
		}
		out = append(out, fs...)
		if k >= 0 && len(srcMatches) > 0 && strings.TrimSpace(text) != "" {
			out = append(out, m.missing(srcLang, src, lang, text, srcMatches, matches)...)
		}
	}
	return out
}

// cyrillicLang reports whether lang is written in Cyrillic, so that a
// look-alike word whose letters are half Latin, half Cyrillic is put
// right in Cyrillic (the keyer's cyr).
func cyrillicLang(lang string) bool {
	b := baseLang(lang)
	return b == "ru" || b == "kk"
}

// hasEntry reports whether one of matches is a form of entry id.
func hasEntry(matches []Match, id string) bool {
	for i := range matches {
		if matches[i].EntryID == id {
			return true
		}
	}
	return false
}

// hiddenChars reports the words of text with hidden characters (see
// [isHidden]) inside them or at their edges, one finding per word. A byte
// order mark that starts the text is an encoding mark, not hidden in a
// word. Text without any of the characters' lead bytes is passed over at
// once.
func hiddenChars(lang, text string) []Finding {
	var out []Finding
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != 0xC2 && c != 0xE2 && c != 0xEF {
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isHidden(r) || r == 0xFEFF && i == 0 {
			continue
		}
		// The word around the character: word runes and hidden ones.
		start, end := i, i+n
		for start > 0 {
			p, pn := utf8.DecodeLastRuneInString(text[:start])
			if !isWordRune(p) && !isHidden(p) || p == 0xFEFF && start == pn {
				break
			}
			start -= pn
		}
		for end < len(text) {
			q, qn := utf8.DecodeRuneInString(text[end:])
			if !isWordRune(q) && !isHidden(q) {
				break
			}
			end += qn
		}
		word := text[start:end]
		expected := stripHidden(word)
		if expected == "" {
			// Invisible characters between spaces hide no word.
			i = end - 1
			continue
		}
		var names []string
		for _, r := range word {
			if isHidden(r) {
				name := fmt.Sprintf("U+%04X", r)
				if !slices.Contains(names, name) {
					names = append(names, name)
				}
			}
		}
		out = append(out, Finding{
			Lang: lang, Kind: FindingHidden, Text: word, Start: start, End: end,
			Expected: expected, Segment: text, Hidden: strings.Join(names, ", "),
		})
		i = end - 1
	}
	return out
}

// missing reports the source matches none of whose entries is present in
// the target (among the target's matches), once per entry. An entry whose
// Kazakh form the target has typed with Russian letters is reported there
// as that, not as missing (see keyboardTyped), and so is one written with
// a space for a hyphen or the reverse (see hyphenToggled).
func (m *Matcher) missing(srcLang, src, lang, text string, srcMatches, present []Match) []Finding {
	var out []Finding
	reported := map[string]bool{}
	tk := textKeys{lang: lang, text: text}
	for i := 0; i < len(srcMatches); {
		j := i
		for j < len(srcMatches) && srcMatches[j].Start == srcMatches[i].Start && srcMatches[j].End == srcMatches[i].End {
			j++
		}
		span := srcMatches[i:j]
		i = j
		ok, checkable := false, false
		for _, mt := range span {
			e := m.g.Lookup(mt.EntryID)
			if e != nil && (commonWord(mt, e.Kind) || longerName(srcLang, src, mt, e.Kind)) {
				continue
			}
			if e == nil || e.Langs[lang] == nil || e.Langs[lang].Term == "" {
				continue
			}
			checkable = true
			ok = ok || hasEntry(present, mt.EntryID) || namedOtherwise(e, lang, &tk)
		}
		if ok || !checkable || reported[span[0].EntryID] {
			continue
		}
		mt := span[0]
		for _, c := range span {
			if e := m.g.Lookup(c.EntryID); e != nil && e.Langs[lang] != nil && e.Langs[lang].Term != "" {
				mt = c
				break
			}
		}
		reported[mt.EntryID] = true
		if f, ok := m.keyboardTyped(mt.EntryID, lang, text); ok {
			out = append(out, f)
			continue
		}
		if f, ok := m.hyphenToggled(mt.EntryID, lang, text); ok {
			out = append(out, f)
			continue
		}
		out = append(out, Finding{
			Lang: lang, SrcLang: srcLang, EntryID: mt.EntryID, Kind: FindingMissing, Text: mt.Text,
			Start: mt.Start, End: mt.End, Expected: m.expected(mt, srcLang, lang), Segment: src,
		})
	}
	return out
}

// commonWord reports a source match, of a person or a place, written in
// lower case where the glossary writes a capital: the common word, not the
// name ("a sterling record" is no Raheem Sterling, "trump card" no Trump,
// "fine china" no China), so no translation need name the entry. Names of
// institutions and organisations are written in lower case too (the
// supreme court): theirs still count.
func commonWord(mt Match, kind Kind) bool {
	if kind != Person && kind != Place {
		return false
	}
	f, _ := utf8.DecodeRuneInString(mt.Form)
	t, _ := utf8.DecodeRuneInString(mt.Text)
	return unicode.IsUpper(f) && unicode.IsLower(t)
}

func (m *Matcher) term(id, lang string) string {
	if e := m.g.Lookup(id); e != nil {
		if f := e.Langs[lang]; f != nil {
			return f.Term
		}
	}
	return ""
}

// expected is the form of lang a missing finding asks for where the
// source has mt: the preferred term, or a variant of as many words as the
// source's form when that is shorter than the source's term (a text that
// names Kassym-Jomart Tokayev as Tokayev is translated with Тоқаев).
func (m *Matcher) expected(mt Match, srcLang, lang string) string {
	e := m.g.Lookup(mt.EntryID)
	if e == nil || e.Langs[lang] == nil {
		return ""
	}
	f := e.Langs[lang]
	if sf := e.Langs[srcLang]; sf != nil {
		if n := len(strings.Fields(mt.Form)); n < len(strings.Fields(sf.Term)) {
			return f.TermFor(n)
		}
	}
	return f.Term
}

// keyboardTyped looks in text, a Kazakh text that lacks entry id, for one
// of the entry's accepted Kazakh forms (inflected) typed with the Russian
// letters a keyboard without the Kazakh ones leaves: ғ г, қ к, ң н, ә а,
// і и, ө о, ұ ү у, һ х (Солтустик Македонияга, Актобеге for Ақтөбеге),
// all or some of them (Қараганды). It matches the text so spelled, as the
// glossary's matcher does, against those forms spelled so, and reports the
// first as a forbidden form whose fix is the form in Kazakh letters, with
// the text's capitals. It runs only for a
// missing entry, so a glossary of any size costs nothing more.
func (m *Matcher) keyboardTyped(id, lang, text string) (Finding, bool) {
	e := m.g.Lookup(id)
	if baseLang(lang) != "kk" || e == nil || e.Langs[lang] == nil {
		return Finding{}, false
	}
	forms := generatedForms(e, lang, true)
	typed := map[string]string{} // the form so typed: the form
	var list []string
	for _, f := range forms {
		k := morph.KazakhKeyboard(f)
		if k == f {
			continue
		}
		if _, dup := typed[k]; !dup {
			typed[k] = f
			list = append(list, k)
		}
	}
	if len(list) == 0 {
		return Finding{}, false
	}
	one := New([]string{lang}, &Entry{ID: id, Kind: e.Kind, Langs: map[string]*Form{lang: {Term: list[0], Forms: list[1:], Inflect: "none"}}})
	// The text so typed too, so that a form typed half one way, half the
	// other (Қараганды) is found: every letter replaced is two bytes, as
	// its replacement, so the offsets hold for the text itself.
	folded := kazakhKeyboardText.Get().Replace(text)
	if len(folded) != len(text) {
		return Finding{}, false
	}
	if ms := Compile(one).Find(lang, folded); len(ms) > 0 {
		mt := ms[0]
		form, ok := typed[mt.Form]
		if !ok {
			form = typed[list[0]]
		}
		found := text[mt.Start:mt.End]
		return Finding{
			Lang: lang, EntryID: id, Kind: FindingForbidden, Keyboard: true, Text: found,
			Start: mt.Start, End: mt.End, Expected: withCapitals(found, form), Segment: text,
		}, true
	}
	return Finding{}, false
}

// kazakhKeyboardText spells a text, capitals too, as morph.KazakhKeyboard
// spells a form.
var kazakhKeyboardText = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer("ғ", "г", "қ", "к", "ң", "н", "ә", "а", "і", "и", "ө", "о", "ұ", "у", "ү", "у", "һ", "х",
		"Ғ", "Г", "Қ", "К", "Ң", "Н", "Ә", "А", "І", "И", "Ө", "О", "Ұ", "У", "Ү", "У", "Һ", "Х")
}}

// withCapitals is form (lower case) written with the capitals of found,
// letter for letter, and found's own characters between its words; form
// itself when their letters do not pair up.
func withCapitals(found, form string) string {
	letters := []rune{}
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters = append(letters, r)
		}
	}
	var b strings.Builder
	i := 0
	for _, r := range found {
		if !unicode.IsLetter(r) {
			b.WriteRune(r)
			continue
		}
		if i >= len(letters) {
			return form
		}
		l := letters[i]
		i++
		if unicode.IsUpper(r) {
			l = unicode.ToUpper(l)
		}
		b.WriteRune(l)
	}
	if i != len(letters) {
		return form
	}
	return b.String()
}
