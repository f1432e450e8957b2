package morph

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Word-building the spelling check reads Kazakh words through, beside the
// endings of [KazakhInflect] and the verb forms of [KazakhVerbRoots]. Each
// function returns the words w may be made of; the caller keeps those it
// knows, so a misspelt suffix (one against the base's harmony or last
// sound) parses as nothing.

// KazakhAttributiveBases returns the adjectives in -ғы, -гі, -қы, -кі that
// w, a Kazakh word in lower case, is followed by the endings of a noun:
// an attributive locative or a word of time used as a noun takes the
// plural, possessive, cases and the similative as a stem in a vowel does
// (мысалдағы-дай, күткендегі-ден, Алматыдағы-лар, бұрынғы-дай). The base
// must have four letters or more.
func KazakhAttributiveBases(w string) []string {
	var out []string
	for _, a := range []string{"ғы", "гі", "қы", "кі"} {
		for at := 0; ; {
			i := strings.Index(w[at:], a)
			if i < 0 {
				break
			}
			p := at + i + len(a)
			at = p
			base, rest := w[:p], w[p:]
			if rest == "" || utf8.RuneCountInString(base) < 4 || slices.Contains(out, base) {
				continue
			}
			if end, ok := ParseKazakhEnding(rest); ok && slices.Contains(KazakhInflect(KazakhStem{Word: base}, end), w) {
				out = append(out, base)
			}
		}
	}
	return out
}

// KazakhDenominalBases returns the nouns and adjectives that w, a Kazakh
// word in lower case, is a verb of, made with -ла (жоспар-ла, таза-ла,
// патруль-де-у-де, тіс-те), then any voice and form of [KazakhVerbRoots]
// (-лан is -ла with the reflexive: қаржы-ла-н-дыр-у). The suffix is spelt
// as -лық is: л after a vowel and р й у, д after л, м н ң, з ж, т after a
// voiceless sound, its vowel in the base's harmony (a soft sign makes it
// front: патрульдеу). The base must have three letters or more, and a
// voice alone is no form here: апталан is a typo of аптадан far more often
// than the imperative апта-ла-н.
func KazakhDenominalBases(w string) []string {
	var out []string
	for _, r := range KazakhVerbRoots(w) {
		rs := []rune(r)
		if len(rs) < 5 {
			continue
		}
		base, suffix := string(rs[:len(rs)-2]), string(rs[len(rs)-2:])
		if !strings.ContainsAny(base, kkVowels) || slices.Contains(out, base) {
			continue
		}
		// A bare voiced stem, an imperative (апта-ла-н), is left out:
		// it is what a typo of a case form reads as (апталан for
		// аптадан).
		if strings.HasPrefix(w, r) && kkVoiceOnly(w, r, 0) {
			continue
		}
		if slices.Contains(kkVerbalizers(base), suffix) {
			out = append(out, base)
		}
	}
	return out
}

// kkVoiceOnly reports whether w after cur is made of voice suffixes
// alone (апта-ла-н).
func kkVoiceOnly(w, cur string, n int) bool {
	rest := w[len(cur):]
	if rest == "" {
		return n > 0
	}
	if n >= 2 {
		return false
	}
	back, front := kkHarmony(cur)
	cls, _ := kkClassOf(cur)
	for _, h := range harmonies(back, front) {
		for _, s := range voiceSuffixes(cls, cur) {
			s = pick(h, s)
			if strings.HasPrefix(rest, s) && kkVoiceOnly(w, cur+s, n+1) {
				return true
			}
		}
	}
	return false
}

// kkVerbalizers returns the spellings of -ла that base takes.
func kkVerbalizers(base string) []string {
	l := kkLOnset(base)
	back, front := kkHarmony(base)
	var out []string
	if back {
		out = append(out, l+"а")
	}
	if front {
		out = append(out, l+"е")
	}
	return out
}

// KazakhEquativeBases returns the words that w, a Kazakh word in lower
// case, is with the equative -ша, -ше after a possessive of the 1st or 2nd
// person, "in my (your) opinion": ойым-ша, пікірім-ше, ойымыз-ша,
// көзқарасыңыз-ша. The 3rd person's -нша is a case ending of
// [KazakhInflect] (пікірінше). The equative follows the harmony of the
// word before it, which the caller then reads as a possessive form.
func KazakhEquativeBases(w string) []string {
	var out []string
	for _, e := range []string{"ша", "ше"} {
		base, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(base) < 3 {
			continue
		}
		back, front := kkHarmony(base)
		if e == "ша" && !back || e == "ше" && !front {
			continue
		}
		for _, p := range []string{"м", "мыз", "ң", "ңыз", "міз", "ңіз"} {
			if strings.HasSuffix(base, p) {
				out = append(out, base)
				break
			}
		}
	}
	return out
}
