package glossary

import (
	"sort"
	"strings"
)

// The kinds of [Finding].
const (
	FindingMissing   = "missing"
	FindingForbidden = "forbidden"
	FindingHomoglyph = "homoglyph"
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
}

// MessageID returns the catalogue id of the finding's message:
// glossary.check.missing, glossary.check.forbidden or
// glossary.check.homoglyph (glossary.check.homoglyph-unfixable when there
// is no correction to offer).
func (f Finding) MessageID() string {
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
	}
}

// Error returns the English message, for logs and tests.
func (f Finding) Error() string {
	switch f.Kind {
	case FindingMissing:
		return f.SrcLang + " “" + f.Text + "” (" + f.EntryID + ") has no " + f.Lang + " counterpart: expected “" + f.Expected + "”"
	case FindingForbidden:
		return f.Lang + " “" + f.Text + "” is a forbidden form of " + f.EntryID + ": use “" + f.Expected + "”"
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
	langs := make([]string, 0, len(texts))
	for l := range texts {
		if l != srcLang {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	if _, ok := texts[srcLang]; ok {
		langs = append([]string{srcLang}, langs...)
	}
	src := texts[srcLang]
	srcMatches, srcMixed := m.scan(srcLang, src, true)
	var out []Finding
	for _, lang := range langs {
		text := texts[lang]
		matches, mixed := srcMatches, srcMixed
		if lang != srcLang {
			matches, mixed = m.scan(lang, text, true)
		}
		var fs []Finding
		present := map[string]bool{}
		for _, mt := range matches {
			present[mt.EntryID] = true
			if mt.Forbidden {
				fs = append(fs, Finding{
					Lang: lang, EntryID: mt.EntryID, Kind: FindingForbidden, Text: mt.Text,
					Start: mt.Start, End: mt.End, Expected: m.term(mt.EntryID, lang), Segment: text,
				})
			}
		}
		cyr := newKeyer(lang).cyr
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
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
		out = append(out, fs...)
		if lang != srcLang && strings.TrimSpace(text) != "" {
			out = append(out, m.missing(srcLang, src, lang, srcMatches, present)...)
		}
	}
	return out
}

// missing reports the source matches none of whose entries is present in
// the target, once per entry.
func (m *Matcher) missing(srcLang, src, lang string, srcMatches []Match, present map[string]bool) []Finding {
	var out []Finding
	reported := map[string]bool{}
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
			if e == nil || e.Langs[lang] == nil || e.Langs[lang].Term == "" {
				continue
			}
			checkable = true
			ok = ok || present[mt.EntryID]
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
		out = append(out, Finding{
			Lang: lang, SrcLang: srcLang, EntryID: mt.EntryID, Kind: FindingMissing, Text: mt.Text,
			Start: mt.Start, End: mt.End, Expected: m.term(mt.EntryID, lang), Segment: src,
		})
	}
	return out
}

func (m *Matcher) term(id, lang string) string {
	if e := m.g.Lookup(id); e != nil {
		if f := e.Langs[lang]; f != nil {
			return f.Term
		}
	}
	return ""
}
