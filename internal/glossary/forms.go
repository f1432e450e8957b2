package glossary

import "strings"

// GeneratedForms lists the forms the matcher recognises for the accepted
// forms (term, variants, extra forms) of entry e in lang: each written as
// the matcher keys it (case-folded, ё as е in Russian), words joined by a
// space and dashes and apostrophes kept tight. They are what the glossary
// generates by declension, for a person to check (tilmash serve's
// glossary page); nil when e has nothing in lang.
func GeneratedForms(e *Entry, lang string) []string {
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
			for _, t := range p.tails1 {
				add(append(append([]string(nil), p.prefix...), t))
			}
			for _, t := range p.tailsN {
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
