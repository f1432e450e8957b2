package morph

import (
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
)

// Vowel elision (ықшамдау): a closed set of Kazakh nouns of two syllables,
// the second a narrow ы or і between two consonants, lose that vowel
// before an ending that starts with a vowel, which for a noun is the 3rd
// person possessive and what follows it: орын → орны, орнына; мүлік →
// мүлкі, мүлкінен; халық → халқы, халқының. A к, қ or п left after a
// consonant is not voiced (мүлкі, not мүлгі). The set is lexical, not a
// rule of sounds (ойын → ойыны, нарық → нарығы keep their vowel).
//
// The words are those apertium-kaz's lexicon gives a vowel that drops
// (apertium-kaz.kaz.lexc, the %{y%} stems, read at 95c6dd0), and the
// textbook examples of ықшамдау it lists without one. They come in two
// sets:
//   - elides: the vowel always drops; the full possessive (орыны, мүлігі,
//     халығы) is a misspelling and is not generated. apertium-kaz's
//     generator makes only the short form of these.
//   - both: both possessives are written. apertium-kaz reads the short
//     form and generates the full one (аузы, ауызы; мойны, мойыны; даусы,
//     дауысы), or the grammars give the short one where apertium-kaz has
//     only the full one (әрпі, қойны, ырқы, көркі, бөркі, ғұрпы).
var kkElision = lazy.Value[map[string]kkElided]{New: func() map[string]kkElided {
	m := map[string]kkElided{}
	for _, w := range []string{
		"ерік", "ерін", "кейіп", "кәсіпорын", "қалып", "қарын", "қауіп", "құлық",
		"мұрын", "мүлік", "орын", "сиық", "тұрық", "халық", "шырық",
	} {
		m[w] = kkElided{stem: kkDropLastVowel(w)}
	}
	for _, w := range []string{
		"ауыз", "ауыл", "дауыс", "көңіл", "мойын",
		"әріп", "қойын", "ырық", "көрік", "бөрік", "ғұрып",
	} {
		m[w] = kkElided{stem: kkDropLastVowel(w), both: true}
	}
	return m
}}

// kkUnelision maps each elided stem (орн) back to its word (орын).
var kkUnelision = lazy.Value[map[string]string]{New: func() map[string]string {
	m := map[string]string{}
	for w, e := range kkElision.Get() {
		m[e.stem] = w
	}
	return m
}}

// kkElided is the stem of a word whose last vowel drops before a vowel
// (орн of орын); both tells that the full stem is written there too.
type kkElided struct {
	stem string
	both bool
}

// kkElides returns the stem word takes before a vowel-initial ending when
// its last vowel drops (орн for орын), and whether the full word is also
// written there (ауыз: аузы and ауызы); "" for any other word.
func kkElides(word string) (stem string, both bool) {
	e, ok := kkElision.Get()[word]
	if !ok {
		return "", false
	}
	return e.stem, e.both
}

// KazakhUnelided returns the word whose stem before a vowel-initial ending
// is stem, when that word loses its last vowel there (орн: орын; мүлк:
// мүлік; халқ: халық), and false for any other stem. The speller asks
// the dictionary for the word, which it knows, not the stem.
func KazakhUnelided(stem string) (string, bool) {
	w, ok := kkUnelision.Get()[stem]
	return w, ok
}

// kkDropLastVowel removes the last letter but one of word (орын: орн).
func kkDropLastVowel(word string) string {
	last, n := utf8.DecodeLastRuneInString(word)
	_, m := utf8.DecodeLastRuneInString(word[:len(word)-n])
	return word[:len(word)-n-m] + string(last)
}
