package align

import (
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
)

// Acronyms. News text is full of them (CNN, U.S., AI, NATO), and their skeletons are too short to
// be keys (CNN is k-n), so a sentence and its translation that share one shared no anchor. An
// acronym is a word of two to six letters, all capitals (U.S. and A.I. are read as USA-like
// acronyms from their letters, see dottedAcronyms). Its key is its letters, in Latin: Russian and
// Kazakh keep Latin acronyms of names as they are (CNN, CBS) and transliterate others letter by
// letter (НАТО, УЕФА), and the few that are translated, into different letters in each language
// (U.S., США, АҚШ), are listed in acronymGroups, each group sharing one key.

// acronymGroups lists acronyms that are translated, not transliterated: each line is one
// organisation or country, its English, Russian and Kazakh acronyms. The first is the group's key.
const acronymGroups = `US USA США АҚШ
UK ВБ ҰБ
EU ЕС ЕО
UN ООН БҰҰ
AI ИИ ЖИ
DNA ДНК ДНҚ
FBI ФБР
CIA ЦРУ
WHO ВОЗ ДДҰ ДДСҰ
IMF МВФ ХВҚ
UAE ОАЭ БАӘ
USSR СССР КСРО
NGO НКО ҮЕҰ
GDP ВВП ЖІӨ
EBRD ЕБРР ЕҚДБ
OSCE ОБСЕ ЕҚЫҰ
CIS СНГ ТМД
UNESCO ЮНЕСКО
UNICEF ЮНИСЕФ
MFA МИД СІМ`

// acronymLatin transliterates Cyrillic capitals letter by letter, as acronyms are (НАТО, УЕФА).
var acronymLatin = lazy.Value[map[rune]string]{New: func() map[rune]string {
	return map[rune]string{
		'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "E", 'Ж': "ZH", 'З': "Z",
		'И': "I", 'Й': "I", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P", 'Р': "R",
		'С': "S", 'Т': "T", 'У': "U", 'Ф': "F", 'Х': "H", 'Ц': "TS", 'Ч': "CH", 'Ш': "SH", 'Щ': "SH",
		'Ы': "Y", 'Э': "E", 'Ю': "YU", 'Я': "YA", 'Ә': "A", 'Ғ': "G", 'Қ': "K", 'Ң': "N", 'Ө': "O",
		'Ұ': "U", 'Ү': "U", 'Һ': "H", 'І': "I",
	}
}}

// acronymCanon maps every acronym of acronymGroups to its group's key. Built on first use.
var acronymCanon = lazy.Value[map[string]string]{New: func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(acronymGroups, "\n") {
		f := strings.Fields(line)
		for _, a := range f {
			m[a] = f[0]
		}
	}
	return m
}}

// acronymKey returns the key of word if it is an acronym (two to six letters, all capitals), and
// whether it is one.
func acronymKey(word string) (uint32, bool) {
	n := utf8.RuneCountInString(word)
	if n < 2 || n > 6 {
		return 0, false
	}
	var buf [24]byte
	b := buf[:0]
	for _, r := range word {
		switch {
		case 'A' <= r && r <= 'Z':
			b = append(b, byte(r))
		case r >= 0x400 && r < 0x500:
			l, ok := acronymLatin.Get()[r]
			if !ok {
				return 0, false
			}
			b = append(b, l...)
		default:
			return 0, false
		}
	}
	key := string(b)
	if c, ok := acronymCanon.Get()[word]; ok {
		key = c
	} else if c, ok := acronymCanon.Get()[key]; ok {
		key = c
	}
	return hashKey(kindWord, "#"+key), true
}

// dottedAcronyms calls add with the key of every acronym written with full stops in text (U.S.,
// A.I., U.N.): two or more capital Latin letters, each followed by a full stop, standing alone.
// It goes from full stop to full stop (strings.IndexByte reads many bytes at once): looking at
// every byte of every sentence for one was a hundredth of align-files.
func dottedAcronyms(text string, add func(uint32)) {
	if len(text) < 4 {
		return
	}
	from := 1 // where to look for the next full stop after a letter
	for from < len(text) {
		k := strings.IndexByte(text[from:], '.')
		if k < 0 {
			return
		}
		i := from + k - 1 // the letter before it
		if i+3 >= len(text) {
			return
		}
		if !isASCIIUpper(text[i]) || i > 0 && isASCIILetter(text[i-1]) {
			from = i + 2
			continue
		}
		j := i
		var buf [12]byte
		b := buf[:0]
		for j+1 < len(text) && len(b) < len(buf) && isASCIIUpper(text[j]) && text[j+1] == '.' {
			b = append(b, text[j])
			j += 2
		}
		if len(b) >= 2 && (j >= len(text) || !isASCIILetter(text[j])) {
			key := string(b)
			if c, ok := acronymCanon.Get()[key]; ok {
				key = c
			}
			add(hashKey(kindWord, "#"+key))
		}
		from = j + 2
	}
}

func isASCIIUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isASCIILetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }
