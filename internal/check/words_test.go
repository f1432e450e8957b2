package check

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/locale"
)

func TestParseWords(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		words []string
		id    string     // the error's message id, "" for none
		pos   locale.Pos // its place
	}{
		{name: "one a line", data: "бейнежазба\nкүзетші\n", words: []string{"бейнежазба", "күзетші"}},
		{name: "no final newline", data: "соцсеть", words: []string{"соцсеть"}},
		{name: "comments, blanks, spaces, CRLF", data: "# лишнее\r\n\r\n  твит \t\r\n\t# и это\r\nмессенджер\r\n", words: []string{"твит", "мессенджер"}},
		{name: "byte-order mark", data: "\ufeffтвит\n", words: []string{"твит"}},
		{name: "UTF-16", data: "\xff\xfeB\x04\x32\x04\n\x00", words: []string{"тв"}},
		{name: "decomposed letters made NFC", data: "и\u0306од\n", words: []string{"йод"}},
		{name: "empty", data: "", words: nil},
		{name: "a word with a model's endings", data: "соцсеть/сеть\n", words: []string{"соцсеть/сеть"}},
		{name: "no model", data: "соцсеть/\n", id: "check.words.bad-model",
			pos: locale.Pos{File: "words.kk.txt", Line: 1, Column: 8, Offset: 14}},
		{name: "no word", data: " /сеть\n", id: "check.words.bad-model",
			pos: locale.Pos{File: "words.kk.txt", Line: 1, Column: 2, Offset: 1}},
		{name: "two models", data: "a/b/c\n", id: "check.words.bad-model",
			pos: locale.Pos{File: "words.kk.txt", Line: 1, Column: 4, Offset: 3}},
		{name: "two words", data: "твит\nкүзетші шенеунік\n", id: "check.words.two-words",
			pos: locale.Pos{File: "words.kk.txt", Line: 2, Column: 8, Offset: 23}},
		{name: "two words after a mark and spaces", data: "\ufeff  a b\n", id: "check.words.two-words",
			pos: locale.Pos{File: "words.kk.txt", Line: 1, Column: 4, Offset: 6}},
		{name: "a Latin look-alike", data: "бейнeжазба\n", id: "check.words.mixed-script",
			pos: locale.Pos{File: "words.kk.txt", Line: 1, Column: 5, Offset: 8}},
		{name: "a Cyrillic look-alike in a Latin word", data: "\tvidеo\n", id: "check.words.mixed-script",
			pos: locale.Pos{File: "words.kk.txt", Line: 1, Column: 5, Offset: 4}},
		{name: "two words in UTF-16", data: "\xff\xfe\x42\x04\n\x00a\x00 \x00b\x00", id: "check.words.two-words",
			pos: locale.Pos{File: "words.kk.txt", Line: 2, Column: 2, Offset: 8}},
		{name: "not UTF-8", data: "ok\n\xff\n", id: "document.bad-utf8",
			pos: locale.Pos{File: "words.kk.txt", Line: 2, Column: 1, Offset: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, err := ParseWords("words.kk.txt", []byte(tt.data))
			if tt.id == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if !slices.Equal(words, tt.words) {
					t.Fatalf("words %q, want %q", words, tt.words)
				}
				return
			}
			var le *locale.Error
			if !errors.As(err, &le) || le.ID != tt.id {
				t.Fatalf("error %v, want %s", err, tt.id)
			}
			if le.Pos == nil || *le.Pos != tt.pos {
				t.Fatalf("at %+v, want %+v", le.Pos, tt.pos)
			}
		})
	}
}

// FuzzParseWords: any bytes give words or a located error, never a panic;
// every word is one UTF-8 word without spaces, and an error's offset is
// inside the input.
func FuzzParseWords(f *testing.F) {
	for _, s := range []string{"бейнежазба\nкүзетші\n", "# x\r\n a \n", "a b", "бейнeжазба", "\ufeffx", "\xff\xfeB\x04", "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		words, err := ParseWords("w.txt", data)
		if err != nil {
			var le *locale.Error
			if !errors.As(err, &le) || le.Pos == nil || le.Pos.Offset < 0 || le.Pos.Offset > len(data) || le.Pos.Line < 1 {
				t.Fatalf("error %#v without a place in the input", err)
			}
			return
		}
		for _, w := range words {
			if w == "" || !utf8.ValidString(w) || w[0] == '#' {
				t.Fatalf("word %q", w)
			}
			for _, r := range w {
				if r == ' ' || r == '\n' || r == '\t' {
					t.Fatalf("word %q holds a space", w)
				}
			}
		}
	})
}

// FuzzCheckWord: a word CheckWord accepts is, written alone in a list, that
// list's one word (in NFC); one it refuses a list does not read back as
// that word. The word a person adds and the list read back agree.
func FuzzCheckWord(f *testing.F) {
	for _, s := range []string{"бейнежазба", "соцсеть/сеть", "a b", "бейнeжазба", "/x", "x/", "a/b/c", "#x", "", "x\u00a0y", "и\u0306"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if !utf8.ValidString(w) || strings.ContainsAny(w, "\r\n") || strings.TrimSpace(w) != w {
			return // a word given on a command line or in a form, trimmed, on one line
		}
		err := CheckWord(w)
		words, perr := ParseWords("w.txt", []byte(w))
		if err != nil {
			var le *locale.Error
			if !errors.As(err, &le) || le.Pos != nil {
				t.Fatalf("CheckWord(%q): %#v, want a message without a place", w, err)
			}
			// CheckWord is stricter than a list on control characters.
			graphic := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsGraphic(r) && !unicode.IsSpace(r) }) < 0
			if graphic && perr == nil && len(words) == 1 && words[0] == norm.NFC.String(w) {
				t.Fatalf("CheckWord refuses %q, which a list accepts", w)
			}
			return
		}
		if perr != nil || len(words) != 1 || words[0] != norm.NFC.String(w) {
			t.Fatalf("CheckWord accepts %q; a list of it reads %q, %v", w, words, perr)
		}
	})
}
