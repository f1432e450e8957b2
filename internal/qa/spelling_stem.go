package qa

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary/morph"
)

// kazakhStems returns the stems that w, a Kazakh word in lower case, is an
// inflection of: w less a plural, 3rd-person possessive and case ending
// (шағымның: шағым; кітабы: кітап; мүлкінен: мүлік; стилі: стиль) that the stem's vowel
// harmony and last sound allow, so Алматыге gives nothing; and the roots w is a verb form
// of ([morph.KazakhVerbRoots]: мәлімдеді, жасамаған). Hunspell's Kazakh
// dictionary knows the stems, not every inflected form.
func kazakhStems(w string) []string {
	var out []string
	for p := len(w) - 1; p > 0; p-- {
		if !utf8.RuneStart(w[p]) || utf8.RuneCountInString(w[:p]) < 2 {
			continue
		}
		end, ok := morph.ParseKazakhEnding(w[p:])
		if !ok {
			continue
		}
		stem := w[:p]
		// A word that loses its last vowel before the possessive
		// (мүлкінен: мүлік) is asked for as the dictionary lists it.
		full, _ := morph.KazakhUnelided(stem)
		for _, s := range []string{stem, devoiced(stem), full} {
			if s == "" || slices.Contains(out, s) {
				continue
			}
			if slices.Contains(morph.KazakhInflect(morph.KazakhStem{Word: s}, end), w) {
				out = append(out, s)
			}
		}
		// A loan in a soft sign loses it before the possessive's vowel:
		// стиль → стилі, стиліндегі; медаль → медалінің; верфь → верфіне.
		if soft := stem + "ь"; end.Possessive && !end.Plural && !slices.Contains(out, soft) &&
			slices.Contains(morph.KazakhInflect(morph.KazakhStem{Word: soft}, end), soft+w[p:]) {
			out = append(out, soft)
		}
	}
	for _, r := range morph.KazakhVerbRoots(w) {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// devoiced returns stem with a last б, г or ғ made п, к or қ (кітаб- of
// кітабы is кітап), or "" when it has none.
func devoiced(stem string) string {
	for _, p := range [][2]string{{"б", "п"}, {"г", "к"}, {"ғ", "қ"}} {
		if s, ok := strings.CutSuffix(stem, p[0]); ok {
			return s + p[1]
		}
	}
	return ""
}
