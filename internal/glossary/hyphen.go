package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hyphenToggled looks in text, a text that lacks entry id, for one of the
// entry's accepted forms (inflected) with a hyphen where the form has a
// space between two words, or a space where it has a hyphen: Нұр Сұлтан
// for Нұр-Сұлтан, бас-прокурор for бас прокурор, one gap at a time. The
// translation has the entry, spelt otherwise than the glossary spells it:
// it reports the first as a forbidden form whose fix is the form as the
// glossary writes it, with the text's capitals, not as missing. A dash
// with white space beside it (Алматы — Астана) is punctuation, not such
// a hyphen. A house that accepts both spellings lists the other as a
// variant. Like keyboardTyped, it runs only for a missing entry.
func (m *Matcher) hyphenToggled(id, lang, text string) (Finding, bool) {
	e := m.g.Lookup(id)
	if e == nil || e.Langs[lang] == nil {
		return Finding{}, false
	}
	// Only a form of two words or more has a gap to write otherwise.
	if !slices.ContainsFunc(e.Langs[lang].Accepted(), func(f string) bool {
		return strings.ContainsFunc(strings.TrimSpace(f), func(r rune) bool { return unicode.IsSpace(r) || isDash(r) })
	}) {
		return Finding{}, false
	}
	toggled := map[string]string{} // the form so written: the form
	var list []string
	for _, f := range generatedForms(e, lang, true) {
		for _, v := range toggleGaps(f) {
			if _, dup := toggled[v]; !dup {
				toggled[v] = f
				list = append(list, v)
			}
		}
	}
	if len(list) == 0 {
		return Finding{}, false
	}
	one := New([]string{lang}, &Entry{ID: id, Kind: e.Kind, Langs: map[string]*Form{lang: {Term: list[0], Forms: list[1:], Inflect: "none"}}})
	for _, mt := range Compile(one).Find(lang, text) {
		found := text[mt.Start:mt.End]
		if dashBesideSpace(found) {
			continue
		}
		form, ok := toggled[mt.Form]
		if !ok {
			continue
		}
		return Finding{
			Lang: lang, EntryID: id, Kind: FindingForbidden, Hyphen: true, Text: found,
			Start: mt.Start, End: mt.End, Expected: capitalsOf(found, form), Segment: text,
		}, true
	}
	return Finding{}, false
}

// toggleGaps returns form (keys joined as generatedForms joins them) with
// one gap between two words written the other way: a space as a hyphen,
// a hyphen as a space, each gap in turn.
func toggleGaps(form string) []string {
	var out []string
	for i := 1; i+1 < len(form); i++ {
		c := form[i]
		if c != ' ' && c != '-' {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(form[:i])
		n, _ := utf8.DecodeRuneInString(form[i+1:])
		if !isWordRune(p) || !isWordRune(n) {
			continue
		}
		other := byte('-')
		if c == '-' {
			other = ' '
		}
		out = append(out, form[:i]+string(other)+form[i+1:])
	}
	return out
}

// dashBesideSpace reports a dash in s with white space on either side.
func dashBesideSpace(s string) bool {
	prev := rune(0)
	for i, r := range s {
		if isDash(r) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if unicode.IsSpace(prev) || unicode.IsSpace(next) {
				return true
			}
		}
		prev = r
	}
	return false
}

// capitalsOf is form (lower case) with the capitals of found, letter for
// letter, and form's own characters between its words; form itself when
// their letters do not pair up.
func capitalsOf(found, form string) string {
	var caps []bool
	for _, r := range found {
		if unicode.IsLetter(r) {
			caps = append(caps, unicode.IsUpper(r))
		}
	}
	var b strings.Builder
	i := 0
	for _, r := range form {
		if !unicode.IsLetter(r) {
			b.WriteRune(r)
			continue
		}
		if i >= len(caps) {
			return form
		}
		if caps[i] {
			r = unicode.ToUpper(r)
		}
		i++
		b.WriteRune(r)
	}
	if i != len(caps) {
		return form
	}
	return b.String()
}
