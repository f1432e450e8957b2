package check

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
)

// WordsFile is the name of a glossary folder's word list for lang: the
// words the spelling check accepts in that language although the
// dictionary lacks them (бейнежазба, соцсеть), as an editor's own
// dictionary does in a word processor.
func WordsFile(lang string) string { return "words." + lang + ".txt" }

// ParseWords reads a word list (see [WordsFile]) named name: one word a
// line, blank lines and lines starting with # left out, spaces around a
// word trimmed, each word in NFC. A line may give a word with the endings
// of a word the dictionary knows, as hunspell's personal dictionaries do:
// соцсеть/сеть accepts соцсети and соцсетях as сеть has сети and сетях. UTF-16 and a byte-order mark are read
// as [document.Normalize] reads a text. A line of two words, or a word
// that mixes Latin and Cyrillic letters (a look-alike slipped in, which
// would teach the check a misspelling), is refused at its line and
// column, as is a file that is not text.
func ParseWords(name string, data []byte) ([]string, error) {
	if err := document.Check(name, data); err != nil {
		return nil, err
	}
	// Offsets are into the file as given: after the byte-order mark, and
	// for a UTF-16 file (rare for a word list, but Notepad writes them)
	// two bytes a code unit of the text before.
	all, enc, _ := textenc.Decode(data)
	_, mark := textenc.Sniff(data)
	fileOffset := func(i int) int {
		if enc == textenc.UTF8 {
			return mark + i
		}
		units := 0
		for _, r := range string(all[:i]) {
			units += utf16.RuneLen(r)
		}
		return mark + 2*units
	}
	text, off := all, 0
	var words []string
	for line := 1; len(text) > 0; line++ {
		row := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			row, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		start := off
		off += len(row) + 1
		row = bytes.TrimSuffix(row, []byte("\r"))
		lead := len(row) - len(bytes.TrimLeftFunc(row, unicode.IsSpace))
		w := bytes.TrimSpace(row)
		if len(w) == 0 || w[0] == '#' {
			continue
		}
		pos := func(at int) locale.Pos {
			return locale.Pos{File: name, Line: line, Column: utf8.RuneCount(row[:at]) + 1, Offset: fileOffset(start + at)}
		}
		if p := wordProblem(string(w)); p != nil {
			return nil, locale.NewError("check.words."+p.id, map[string]any{"Text": string(w), "Word": string(w)}).
				WithHint(p.hint).At(pos(lead + p.at))
		}
		words = append(words, norm.NFC.String(string(w)))
	}
	return words, nil
}

// A wordFault is what makes a line no entry of a word list: its message
// (check.words.ID in a list, check.add-word.ID for a word given alone), its
// hint and the byte in the word where it is.
type wordFault struct {
	id, hint string
	at       int
}

// wordProblem says what makes w, trimmed and not a comment, no entry of a
// word list, nil when it is one: two words, a slash that makes no
// word/model pair, or Latin and Cyrillic letters mixed.
func wordProblem(w string) *wordFault {
	if i := strings.IndexFunc(w, unicode.IsSpace); i >= 0 {
		return &wordFault{"two-words", "check.words.hint", i}
	}
	if i := strings.IndexByte(w, '/'); i >= 0 {
		// word/model: the word with the endings of a dictionary word,
		// as hunspell's own personal dictionaries write it.
		j := strings.IndexByte(w[i+1:], '/')
		if i == 0 || i == len(w)-1 || j >= 0 {
			at := i
			if j >= 0 {
				at = i + 1 + j
			}
			return &wordFault{"bad-model", "check.words.bad-model.hint", at}
		}
	}
	if i, mixed := glossary.MixedScriptAt(w); mixed {
		return &wordFault{"mixed-script", "check.words.mixed-script.hint", i}
	}
	return nil
}

// CheckWord refuses a word that [ParseWords] would refuse on a line of a
// word list, or that is no word at all (empty, or a comment): the word a
// person adds to a list (tilmash glossary add-word, the workbench) is
// checked before the list is written. The word is given trimmed. A word
// with a control character (or that is not UTF-8) is no word: written in a
// list, a NUL would even make it read as UTF-16.
func CheckWord(word string) error {
	if word == "" || word[0] == '#' || !utf8.ValidString(word) {
		return locale.NewError("check.add-word.not-a-word", map[string]any{"Text": word}).WithHint("check.add-word.hint")
	}
	if i := strings.IndexFunc(word, func(r rune) bool { return !unicode.IsGraphic(r) && !unicode.IsSpace(r) }); i >= 0 {
		// A zero-width space or a control character pasted with the word:
		// named, since it cannot be seen in the word shown.
		r, _ := utf8.DecodeRuneInString(word[i:])
		return locale.NewError("check.add-word.invisible", map[string]any{"Text": word, "Code": fmt.Sprintf("U+%04X", r)}).
			WithHint("check.add-word.invisible.hint")
	}
	if p := wordProblem(word); p != nil {
		hint := p.hint
		if p.id == "two-words" {
			hint = "check.add-word.hint"
		}
		return locale.NewError("check.add-word."+p.id, map[string]any{"Text": word}).WithHint(hint)
	}
	return notLetters(word)
}

// notLetters refuses a word to add that has a character the spelling
// check never takes into a word: it reads words as letters (and marks,
// and an apostrophe or a hyphen between letters: hunspell takes
// бизнес-план whole), so «слово», слово, (copied with what surrounds
// it), кв.м or 123 in a list would never be looked up, and the word would
// go on being flagged. The hint gives the word
// without the punctuation around it when that is one.
func notLetters(word string) error {
	for _, part := range strings.Split(word, "/") {
		rs := []rune(part)
		for i, r := range rs {
			if unicode.IsLetter(r) || unicode.IsMark(r) {
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '‐') && i > 0 && i < len(rs)-1 && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
				continue
			}
			data := map[string]any{"Text": word, "Char": string(r)}
			trimmed := strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
			if trimmed != "" && trimmed != word && CheckWord(trimmed) == nil {
				data["Word"] = trimmed
				return locale.NewError("check.add-word.not-letters", data).WithHint("check.add-word.not-letters.trim")
			}
			return locale.NewError("check.add-word.not-letters", data).WithHint("check.add-word.not-letters.parts")
		}
	}
	return nil
}
