package glossary

import (
	"strings"

	"github.com/tilmash/tilmash/internal/lazy"
)

// latinToCyrillic holds the Latin letters that look like a Cyrillic letter
// of Russian or Kazakh (UTS #39 confusables, narrowed to the letters that
// turn up in real Kazakh and Russian text: "Бiлгiм" with Latin i, "Cаяси"
// with Latin C). Lower-case в т м н к have no Latin twin and are absent.
// Both are built on first use, not at every start.
var latinToCyrillic = lazy.Value[map[rune]rune]{New: func() map[rune]rune {
	return map[rune]rune{
		'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у',
		'i': 'і', 'h': 'һ', 'ə': 'ә', 'ɵ': 'ө', 's': 'ѕ', 'j': 'ј',
		'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'I': 'І', 'K': 'К',
		'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У', 'Ə': 'Ә',
		'Ɵ': 'Ө', 'S': 'Ѕ', 'J': 'Ј',
	}
}}

// cyrillicToLatin is the reverse, for a Latin word with a stray Cyrillic
// letter ("Almatу" with Cyrillic у in English text).
var cyrillicToLatin = lazy.Value[map[rune]rune]{New: func() map[rune]rune {
	m := make(map[rune]rune, len(latinToCyrillic.Get()))
	for l, c := range latinToCyrillic.Get() {
		m[c] = l
	}
	return m
}}

// mixesScripts reports whether word holds both Latin and Cyrillic letters,
// and how many of each.
func mixesScripts(word string) (latin, cyrillic int, mixed bool) {
	for _, r := range word {
		switch scriptOf(r) {
		case scriptLatin:
			latin++
		case scriptCyrillic:
			cyrillic++
		}
	}
	return latin, cyrillic, latin > 0 && cyrillic > 0
}

// MixedScriptAt reports whether word mixes Latin and Cyrillic letters (a
// look-alike slipped in), and the byte offset of its first letter of the
// script it has fewer of (Latin on a tie): where the stray letter most
// likely is.
func MixedScriptAt(word string) (int, bool) {
	lat, cyr, mixed := mixesScripts(word)
	if !mixed {
		return 0, false
	}
	minority := scriptLatin
	if cyr < lat {
		minority = scriptCyrillic
	}
	for i, r := range word {
		if scriptOf(r) == minority {
			return i, true
		}
	}
	return 0, true
}

// correctHomoglyphs rewrites a word that mixes Latin and Cyrillic letters
// into the script most of its letters are in (Cyrillic on a tie when
// preferCyrillic), replacing each look-alike. ok is false when the word does
// not mix scripts. The result may still mix scripts when a letter has no
// look-alike (Latin k in "Тоkаев"); see [fixScript].
func correctHomoglyphs(word string, preferCyrillic bool) (string, bool) {
	lat, cyr, mixed := mixesScripts(word)
	if !mixed {
		return word, false
	}
	toCyr := cyr > lat || cyr == lat && preferCyrillic
	fixed, _ := fixScript(word, toCyr)
	return fixed, true
}

// fixScript replaces the look-alikes of the other script and reports
// whether the result is in one script only.
func fixScript(word string, toCyrillic bool) (string, bool) {
	table, other := &cyrillicToLatin, scriptCyrillic
	if toCyrillic {
		table, other = &latinToCyrillic, scriptLatin
	}
	var b strings.Builder
	b.Grow(len(word) + 4)
	complete := true
	for _, r := range word {
		if scriptOf(r) == other {
			if c, ok := table.Get()[r]; ok {
				r = c
			} else {
				complete = false
			}
		}
		b.WriteRune(r)
	}
	return b.String(), complete
}

// ToCyrillic returns word with every Latin look-alike of a Cyrillic letter
// replaced ("екi" with Latin i → "екі"), and whether the result is all
// Cyrillic: how Russian or Kazakh text reads a word its typist mixed.
func ToCyrillic(word string) (string, bool) { return fixScript(word, true) }

// Homoglyphs reports the words of text that mix Latin and Cyrillic letters.
// Expected is the word spelled in one script, the script most of its
// letters are in (for Russian and Kazakh text, Cyrillic on a tie), with each
// look-alike replaced: "Бiлгiм" → "Білгім", "Aлмaты" → "Алматы". When a
// letter has no look-alike in that script ("Тоkаев": Latin k), the word is
// still reported, with an empty Expected: there is no safe correction.
// Words are split at hyphens and apostrophes, so "BBC-ге" mixes nothing.
func Homoglyphs(lang, text string) []Finding {
	var out []Finding
	cyr := cyrillicLang(lang)
	for i := 0; i < len(text); {
		r, n := decodeFast(text, i)
		if !wordRune(r) {
			i += n
			continue
		}
		// Scan the word, noting its scripts from the rune table.
		j, scripts := i, uint8(0)
		for j < len(text) {
			r2, n2 := decodeFast(text, j)
			if !wordRune(r2) {
				if r2 >= 0xAD && isHidden(r2) {
					if k := hiddenJoin(text, j); k >= 0 {
						j = k
						continue
					}
				}
				break
			}
			if r2 < runeTableSize {
				scripts |= runeTable[r2].flags
			} else {
				switch scriptOf(r2) {
				case scriptLatin:
					scripts |= rLatin
				case scriptCyrillic:
					scripts |= rCyrillic
				}
			}
			j += n2
		}
		if scripts&(rLatin|rCyrillic) == rLatin|rCyrillic {
			if f, ok := homoglyphAt(lang, text, i, j, cyr); ok {
				out = append(out, f)
			}
		}
		i = j
	}
	return out
}

// wordRune is isWordRune through the rune table.
func wordRune(r rune) bool {
	if r < runeTableSize {
		return runeTable[r].flags&rWord != 0
	}
	return isWordRune(r)
}

func homoglyphAt(lang, text string, start, end int, preferCyrillic bool) (Finding, bool) {
	word := text[start:end]
	lat, cyr, mixed := mixesScripts(word)
	if !mixed {
		return Finding{}, false
	}
	toCyr := cyr > lat || cyr == lat && preferCyrillic
	fixed, complete := fixScript(stripHidden(word), toCyr)
	if !complete {
		fixed = ""
	}
	return Finding{
		Lang: lang, Kind: FindingHomoglyph, Text: word, Start: start, End: end,
		Expected: fixed, Segment: text,
	}, true
}
