package morph

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// KazakhDerivedBases returns the nouns and adjectives w may be made of
// with one suffix of those hunspell's Kazakh dictionary rarely lists the
// forms of, maybe followed by the endings of [KazakhInflect]: -лық
// (дәріханалық, әдіскерлік), -сыз, the comparative -рақ (кешірек,
// үлкенірек), and the possessives of the 1st and 2nd persons -ым, -ымыз,
// -ың, -ыңыз (клиенттерімізге, салондарымыздың). Each suffix is spelt as
// the base requires: its vowel in the base's harmony, its first consonant
// after the base's last sound (дәріхана-лық, әдіскер-лік, епископ-тық), so
// a misspelt one parses as nothing; -лық's қ is voiced before a vowel
// (агенттігі, қауіпсіздігін), and so is a base's before a 1st or 2nd
// person possessive (құқығымыз, жақсылығымыздың), and the few nouns that
// lose their last vowel there lose it (мүлкіміз, халқымыздың: see
// kkElides). A base that is a plural (клиенттер)
// also gives its stem (клиент). The agent -шы is left out, and -лы after
// a base under five letters (пәтерлі, жейделі are known): with them two
// letters swapped in ойыншы (ойны-шы) and туралы (туар-лы) read as words
// on ntrex-dev.
//
// Every split of w is tried, so w may give several bases, most of them no
// word at all; the caller keeps those the dictionary knows.
func KazakhDerivedBases(w string) []string {
	var out []string
	add := func(b string) {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
		// A plural base: its stem too (клиенттер → клиент).
		for _, pl := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
			stem, ok := strings.CutSuffix(b, pl)
			if !ok || utf8.RuneCountInString(stem) < 2 || !strings.ContainsAny(stem, kkVowels) {
				continue
			}
			c, _ := kkClassOf(stem)
			back, front := kkHarmony(stem)
			if want := kkPlural(c, stem); back && pl == want || front && pl == kkFrontOf(want) {
				if !slices.Contains(out, stem) {
					out = append(out, stem)
				}
			}
		}
	}
	for base := range kkBases(w) {
		if full, ok := KazakhUnelided(base); ok {
			// мүлкіміз, халқымыздың: a word that loses its last
			// vowel before the possessive (see kkElides).
			for _, s := range kkDerivSuffixes(full) {
				first, _ := utf8.DecodeRuneInString(s)
				rest, ok := strings.CutPrefix(w[len(base):], s)
				if !ok || !strings.ContainsRune(kkVowels, first) {
					continue
				}
				if end, ok := ParseKazakhEnding(rest); rest == "" || ok && slices.Contains(KazakhInflect(KazakhStem{Word: base + s}, end), w) {
					add(full)
				}
			}
		}
		for _, s := range kkDerivSuffixes(base) {
			rest, ok := strings.CutPrefix(w[len(base):], s)
			if !ok {
				// -лық's қ is voiced before a vowel: агенттігі,
				// жақсылығы; KazakhInflect spells the ending so.
				v := kkVoicedLast(s)
				if v == "" || !strings.HasPrefix(w[len(base):], v) {
					continue
				}
				rest = w[len(base)+len(v):]
			}
			if rest == "" {
				addVoiced(base, s, add)
				continue
			}
			end, ok := ParseKazakhEnding(rest)
			if ok && slices.Contains(KazakhInflect(KazakhStem{Word: base + s}, end), w) {
				addVoiced(base, s, add)
			}
		}
	}
	return out
}

// addVoiced adds base, and, when suffix s starts with a vowel and base
// ends in ғ, г or б, the base as written without the suffix (құқығымыз:
// құқық; кітабым: кітап); a base so found that is itself made with -лық
// adds what it is made of (жақсылығымыз: жақсылық, жақсы).
func addVoiced(base, s string, add func(string)) {
	add(base)
	if first, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune(kkVowels, first) {
		return
	}
	var plain string
	for _, p := range [][2]string{{"ғ", "қ"}, {"г", "к"}, {"б", "п"}} {
		if b, ok := strings.CutSuffix(base, p[0]); ok {
			plain = b + p[1]
		}
	}
	if plain == "" {
		return
	}
	add(plain)
	for _, l := range []string{"лық", "лік", "дық", "дік", "тық", "тік"} {
		if strings.HasSuffix(plain, l) {
			for _, b := range KazakhDerivedBases(plain) {
				add(b)
			}
			return
		}
	}
}

// kkDerivSuffixes returns the suffixes of KazakhDerivedBases as base takes
// them, in each harmony it allows.
func kkDerivSuffixes(base string) []string {
	c, _ := kkClassOf(base)
	back, front := kkHarmony(base)
	final := strings.TrimRight(base, "ьъ")
	l := kkLOnset(base) // -лық
	var ss []string
	if kkPossessiveS(c, final) {
		ss = []string{l + "ық", "сыз", "рақ", "м", "мыз", "ң", "ңыз"}
	} else {
		ss = []string{l + "ық", "сыз", "ырақ", "ым", "ымыз", "ың", "ыңыз"}
	}
	// A loan in -ст writes -тық with one т: террорист-ік, социалист-ік,
	// турист-ік (as Russian's -истический), not террористтік.
	if strings.HasSuffix(final, "ст") {
		ss = append(ss, "ық")
	}
	// -лы after a base of five letters or more (пәтерлі, жейделі,
	// нөсерлі): a shorter one would read туралы with two letters
	// swapped (туарлы) as туар-лы.
	if utf8.RuneCountInString(final) >= 5 {
		ss = append(ss, l+"ы")
	}
	var out []string
	if back {
		out = append(out, ss...)
	}
	if front {
		for _, s := range ss {
			out = append(out, strings.NewReplacer("ы", "і", "а", "е", "қ", "к").Replace(s))
		}
	}
	return out
}

// kkVoicedLast returns s with a last қ or к made ғ or г, "" when s ends
// in neither.
func kkVoicedLast(s string) string {
	if t, ok := strings.CutSuffix(s, "қ"); ok {
		return t + "ғ"
	}
	if t, ok := strings.CutSuffix(s, "к"); ok {
		return t + "г"
	}
	return ""
}

// KazakhAgentBases returns the verbal nouns in -у that w, a Kazakh word in
// lower case, is the agent noun of, maybe followed by the endings of
// [KazakhInflect]: шеру-ші-лер, шабуылдау-шы-сы, қызығу-шы. Only after
// -у: the agent -шы after any stem would read ойыншы with two letters
// swapped (ойнышы) as ойны-шы.
func KazakhAgentBases(w string) []string {
	var out []string
	for _, u := range []string{"ушы", "уші"} {
		for at := 0; ; {
			i := strings.Index(w[at:], u)
			if i < 0 {
				break
			}
			p := at + i + len("у")
			at = p
			base := w[:p]
			if utf8.RuneCountInString(base) < 3 || slices.Contains(out, base) {
				continue
			}
			// The verbal noun's у goes with either harmony: the
			// root's decides (шер-у-ші, жаз-у-шы).
			back, front := kkHarmony(w[:p-len("у")])
			if !(back && u == "ушы" || front && u == "уші") {
				continue
			}
			agent := base + u[len("у"):]
			rest := w[len(agent):]
			if rest == "" {
				out = append(out, base)
				continue
			}
			end, ok := ParseKazakhEnding(rest)
			if ok && slices.Contains(KazakhInflect(KazakhStem{Word: agent}, end), w) {
				out = append(out, base)
			}
		}
	}
	return out
}

// kkLOnset is the first letter of a suffix in л (-лық, -ла) after base: л
// after vowels and р й у, д after л, the nasals and з ж, т after voiceless
// sounds.
func kkLOnset(base string) string {
	c, _ := kkClassOf(base)
	switch {
	case c == kkN || c == kkZ || c == kkS && strings.HasSuffix(strings.TrimRight(base, "ьъ"), "л"):
		return "д"
	case c == kkT:
		return "т"
	}
	return "л"
}
