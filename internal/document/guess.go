package document

import (
	"strings"
	"unicode"
)

// guessSample bounds the letters GuessLanguage reads: the start of an
// article tells its language as well as the whole of it.
const guessSample = 20000

// guessMin is the fewest letters GuessLanguage decides on.
const guessMin = 40

// GuessLanguage says which of en, ru and kk a text is written in, from its
// letters, or "" when it cannot tell. Latin letters are English (the
// Russian and Kazakh news of ntrex-dev hold at most 9% of them: names,
// abbreviations). Cyrillic letters are Kazakh when the letters only
// Kazakh has (ә ғ қ ң ө ұ ү һ і) are 5% of them or more (10 to 17% in
// each document of the Kazakh news, 17% in the UDHR), Russian when they
// are under 2% (none in the Russian news; a Kazakh name in a Russian
// paragraph stays below). A text of fewer than 40 letters, or one in
// between, is not guessed. Import uses it to warn of a file imported as the wrong
// language, a mistake nothing else catches before align.
func GuessLanguage(text string) string {
	var latin, cyrillic, kazakh int
	for _, r := range text {
		if latin+cyrillic >= guessSample {
			break
		}
		if !unicode.IsLetter(r) {
			continue
		}
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			if strings.ContainsRune("әғқңөұүһіӘҒҚҢӨҰҮҺІ", r) {
				kazakh++
			}
		}
	}
	letters := latin + cyrillic
	switch {
	case letters < guessMin:
		return ""
	case latin*2 > letters:
		return "en"
	case kazakh*100 >= cyrillic*5:
		return "kk"
	case kazakh*100 < cyrillic*2:
		return "ru"
	}
	return ""
}
