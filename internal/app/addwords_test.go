package app

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestAddWords: the words go at the end of the language's word list, one a
// line with the list's line endings, the rest of the file kept byte for
// byte; a word the list holds is left alone; a bad word, a language the
// workspace lacks, a broken or UTF-16 list are refused and nothing is
// written.
func TestAddWords(t *testing.T) {
	const nfd = "бейнежазба\u0438\u0306" // и + combining breve: й in NFD
	for _, c := range []struct {
		name   string
		lang   string
		before string // "" for no file
		words  []string
		after  string
		added  []string
		known  []string
		err    string // message id of the refusal
	}{
		{name: "new list", lang: "kk", words: []string{"бейнежазба"}, after: "бейнежазба\n", added: []string{"бейнежазба"}},
		{name: "at the end", lang: "kk", before: "# біздің сөздер\nсоцжелі\n", words: []string{"бейнежазба", "подкаст"},
			after: "# біздің сөздер\nсоцжелі\nбейнежазба\nподкаст\n", added: []string{"бейнежазба", "подкаст"}},
		{name: "no last newline", lang: "ru", before: "соцсеть/сеть", words: []string{"коворкинг"},
			after: "соцсеть/сеть\nковоркинг\n", added: []string{"коворкинг"}},
		{name: "CRLF list", lang: "ru", before: "соцсеть/сеть\r\n", words: []string{"коворкинг"},
			after: "соцсеть/сеть\r\nковоркинг\r\n", added: []string{"коворкинг"}},
		{name: "byte-order mark kept", lang: "ru", before: "\ufeffсоцсеть\n", words: []string{"коворкинг"},
			after: "\ufeffсоцсеть\nковоркинг\n", added: []string{"коворкинг"}},
		{name: "known and repeated", lang: "ru", before: "соцсеть\n", words: []string{" соцсеть ", "коворкинг", "коворкинг"},
			after: "соцсеть\nковоркинг\n", added: []string{"коворкинг"}, known: []string{"соцсеть"}},
		{name: "all known: not written", lang: "ru", before: "соцсеть\r\n", words: []string{"соцсеть"},
			after: "соцсеть\r\n", known: []string{"соцсеть"}},
		{name: "NFC", lang: "ru", words: []string{nfd}, after: "бейнежазбай\n", added: []string{"бейнежазбай"}},
		{name: "word/model", lang: "kk", words: []string{"бейнежазба/жазба"}, after: "бейнежазба/жазба\n", added: []string{"бейнежазба/жазба"}},
		{name: "two words", lang: "kk", before: "соцжелі\n", words: []string{"бейне жазба"}, after: "соцжелі\n", err: "check.add-word.two-words"},
		{name: "mixed script", lang: "ru", words: []string{"coцсеть"}, err: "check.add-word.mixed-script"},
		{name: "bad model", lang: "ru", words: []string{"соцсеть/"}, err: "check.add-word.bad-model"},
		{name: "comment", lang: "ru", words: []string{"#соцсеть"}, err: "check.add-word.not-a-word"},
		{name: "control character", lang: "ru", words: []string{"со\x00"}, err: "check.add-word.invisible"},
		{name: "zero-width space", lang: "ru", words: []string{"ко\u200bворкинг"}, err: "check.add-word.invisible"},
		{name: "empty", lang: "ru", words: []string{"  "}, err: "check.add-word.not-a-word"},
		{name: "no words", lang: "ru", err: "check.add-word.no-words"},
		{name: "not a workspace language", lang: "de", words: []string{"Wort"}, err: "check.add-word.bad-lang"},
		{name: "broken list", lang: "ru", before: "соцсеть сеть\n", words: []string{"коворкинг"}, after: "соцсеть сеть\n", err: "check.words.two-words"},
		{name: "UTF-16 list", lang: "ru", before: "\xff\xfe\x41\x04\x0a\x00", words: []string{"коворкинг"}, after: "\xff\xfe\x41\x04\x0a\x00", err: "check.add-word.utf16"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws, err := workspace.Init(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			path := ws.Path(ws.Config.Glossary, check.WordsFile(c.lang))
			if c.before != "" {
				if err := os.WriteFile(path, []byte(c.before), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res, err := New("test").AddWords(ws, c.lang, c.words)
			if c.err != "" {
				var le *locale.Error
				if !errors.As(err, &le) || le.ID != c.err {
					t.Fatalf("err = %v, want %s", err, c.err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if res.File != "glossary/words."+c.lang+".txt" {
				t.Errorf("File = %q", res.File)
			}
			if !slices.Equal(res.Added, c.added) || !slices.Equal(res.Known, c.known) {
				t.Errorf("added %q, known %q; want %q, %q", res.Added, res.Known, c.added, c.known)
			}
			got, err := os.ReadFile(path)
			if c.after == "" {
				if !errors.Is(err, os.ErrNotExist) {
					t.Errorf("a list was written: %q (%v)", got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.after {
				t.Errorf("list = %q, want %q", got, c.after)
			}
			if c.err == "" && !bytes.HasPrefix(got, []byte(c.before)) {
				t.Errorf("the list's bytes before the new words changed: %q", got)
			}
		})
	}
}

// TestAddWordsProperty: for lists and words made at random (comments,
// blank lines, CRLF, a byte-order mark, a missing last newline, words
// repeated or listed already), the list AddWords leaves starts with the
// list as it was, byte for byte, and reads as the old words followed by
// the new ones, each once; adding the same words again changes nothing.
func TestAddWordsProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 23))
	pool := []string{"бейнежазба", "соцжелі", "подкаст", "коворкинг", "соцсеть/сеть", "лонгрид", "newsroom", "саясаттанушы", "e-mail", "бизнес-план"}
	pick := func() string { return pool[rng.IntN(len(pool))] }
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	a := New("test")
	path := ws.Path(ws.Config.Glossary, check.WordsFile("kk"))
	for i := range 300 {
		eol := []string{"\n", "\r\n"}[rng.IntN(2)]
		var b strings.Builder
		if rng.IntN(4) == 0 {
			b.WriteString("\ufeff")
		}
		for range rng.IntN(6) {
			switch rng.IntN(4) {
			case 0:
				b.WriteString("# сөздер" + eol)
			case 1:
				b.WriteString(eol)
			default:
				b.WriteString(pick() + eol)
			}
		}
		before := b.String()
		if rng.IntN(3) == 0 {
			before = strings.TrimSuffix(before, eol)
		}
		if err := os.WriteFile(path, []byte(before), 0o644); err != nil {
			t.Fatal(err)
		}
		var words []string
		for range 1 + rng.IntN(4) {
			words = append(words, pick())
		}
		old, err := check.ParseWords("before", []byte(before))
		if err != nil {
			t.Fatal(err)
		}
		res, err := a.AddWords(ws, "kk", words)
		if err != nil {
			t.Fatalf("case %d %q + %q: %v", i, before, words, err)
		}
		after, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(after, []byte(before)) {
			t.Fatalf("case %d: %q became %q", i, before, after)
		}
		got, err := check.ParseWords("after", after)
		if err != nil {
			t.Fatalf("case %d: the list written does not read: %v", i, err)
		}
		var want []string
		want = append(want, old...)
		for _, w := range words {
			if !slices.Contains(want, w) {
				want = append(want, w)
			}
		}
		if !slices.Equal(got, want) || !slices.Equal(res.Added, want[len(old):]) {
			t.Fatalf("case %d: %q + %q reads %q (added %q), want %q", i, before, words, got, res.Added, want)
		}
		if res, err := a.AddWords(ws, "kk", words); err != nil || len(res.Added) != 0 {
			t.Fatalf("case %d: adding again: %+v, %v", i, res, err)
		}
		if again, _ := os.ReadFile(path); !bytes.Equal(again, after) {
			t.Fatalf("case %d: adding again changed the list", i)
		}
	}
}
