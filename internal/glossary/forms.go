package glossary

import (
	"strings"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// GeneratedForms lists the forms the matcher recognises for the accepted
// forms (term, variants, extra forms) of entry e in lang: each written as
// the matcher keys it (case-folded, ё as е in Russian), words joined by a
// space and dashes and apostrophes kept tight. They are what the glossary
// generates by declension, for a person to check (tilmash serve's
// glossary page); nil when e has nothing in lang. Where the rules guessed
// a reading of a Kazakh word (a phrase's final -ы/-і taken as the
// possessive: Алматы облысы) only that reading's forms are listed, though
// the matcher also takes the other's (облысыға), which nobody writes; the
// plural of a Russian place's own name (казахстанов) is not listed
// either, though it is matched ([morph.RussianShownForms]).
func GeneratedForms(e *Entry, lang string) []string {
	return generatedForms(e, lang, false)
}

// generatedForms is GeneratedForms; with all set it lists every form the
// matcher takes, the forms of a reading not shown too.
func generatedForms(e *Entry, lang string, all bool) []string {
	f := e.Langs[lang]
	if f == nil {
		return nil
	}
	k := newKeyer(lang)
	base := baseLang(lang)
	var out []string
	seen := map[string]bool{}
	add := func(toks []string) {
		var b strings.Builder
		for i, t := range toks {
			if i > 0 && t != dashKey && t != apostropheKey && toks[i-1] != dashKey && toks[i-1] != apostropheKey {
				b.WriteByte(' ')
			}
			b.WriteString(t)
		}
		if s := b.String(); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	forms := func(list []string, inflect bool) {
		for _, s := range list {
			hint := f.Inflect
			if !inflect {
				hint = "none"
			}
			p, ok := formPlan(k, base, s, e.Kind, hint)
			if !ok {
				continue
			}
			tails1, tailsN := p.tails1, p.tailsN
			if p.shown != nil && !all {
				tails1 = p.shown
			}
			if base == "ru" && !all {
				tailsN = morph.RussianShownForms(formTokens(k, s), morph.Kind(e.Kind), hint)
			}
			for _, t := range tails1 {
				add(append(append([]string(nil), p.prefix...), t))
			}
			for _, t := range tailsN {
				add(append(append([]string(nil), p.prefix...), t...))
			}
		}
	}
	if f.Term != "" {
		forms([]string{f.Term}, true)
	}
	forms(f.Variants, true)
	forms(f.Forms, false)
	return out
}

// FixRussianForbidden returns the fix for found, an occurrence in a
// Russian text of the forbidden form forbidden of an entry of kind kind
// whose preferred form is preferred, declined with the entry's inflect
// hint (a forbidden form declines by the rules, as the matcher declines
// it): the preferred form in found's case, so "в Казакстане"
// gets Казахстане, not the nominative Казахстан that the editor would
// have to decline again. Letters the preferred form keeps are copied as
// it writes them (capitals, ё). ok is false, and preferred is returned,
// when found is no case form of forbidden or preferred has none in its
// case.
func FixRussianForbidden(found, forbidden, preferred string, kind Kind, hint string) (string, bool) {
	k := newKeyer("ru")
	var foundKeys []string
	for _, t := range formTokens(k, found) {
		foundKeys = append(foundKeys, t.Key)
	}
	target := formTokens(k, preferred)
	keys, ok := morph.RussianReinflect(formTokens(k, forbidden), "", foundKeys, target, hint, morph.Kind(kind))
	if !ok || len(keys) != len(target) {
		return preferred, false
	}
	var b strings.Builder
	at := 0
	for i, t := range target {
		b.WriteString(preferred[at:t.Start])
		b.WriteString(restoreWritten(t.Orig, t.Key, keys[i]))
		at = t.End
	}
	b.WriteString(preferred[at:])
	return b.String(), true
}

// restoreWritten returns key, a declined form of the token written orig
// (keyed origKey), written as orig writes it: the letters the two keys
// share at the start are orig's own (a capital, ё), the rest key's.
func restoreWritten(orig, origKey, key string) string {
	if key == origKey {
		return orig
	}
	o, ok, kk := []rune(orig), []rune(origKey), []rune(key)
	if len(o) != len(ok) {
		return key // a token keyed to other letters than it has: as keyed
	}
	n := 0
	for n < len(ok) && n < len(kk) && ok[n] == kk[n] {
		n++
	}
	return string(o[:n]) + string(kk[n:])
}
