package app_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/locale"
)

// TestFileSentences: align-files' sides, presegmented (a line a sentence, empty lines kept so
// that indices are line numbers) or cut by the segmenter with their paragraphs; bad UTF-8 is
// refused with its offset.
func TestFileSentences(t *testing.T) {
	a := app.New("test")
	for _, c := range []struct {
		name, text string
		preseg     bool
		want       string // sentences as text/para, joined with |
		err        string
	}{
		{"lines", "One.\n\nTwo three.\n", true, "One./0|/0|Two three./0", ""},
		{"no final newline", "One.\nTwo.", true, "One./0|Two./0", ""},
		{"empty", "\n", true, "", ""},
		{"segmented", "The river rose. The town flooded.\n\nRoads closed.\n", false, "The river rose./0|The town flooded./0|Roads closed./1", ""},
		{"bad utf-8", "ok\xff", true, "", "byte offset 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ss, err := a.FileSentences(app.Input{Name: "in.txt", Data: []byte(c.text)}, "en", c.preseg)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one that says %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range ss {
				got = append(got, fmt.Sprintf("%s/%d", s.Text, s.Para))
			}
			if g := strings.Join(got, "|"); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

// TestReadLexicon: a bad lexicon line is a usage error (exit 2) that says where it is; a good
// file's entries can be listed for one word's stem.
func TestReadLexicon(t *testing.T) {
	_, err := app.ReadLexicon(app.Input{Name: "bad.tsv", Data: []byte("river\tрек\t0.9\nmayor\tмэр\t2\n")}, "en", "ru")
	var le *locale.Error
	if !errors.As(err, &le) || le.Kind != locale.Usage || !strings.Contains(err.Error(), "bad.tsv:2:") {
		t.Fatalf("error %v, want a usage error at bad.tsv:2", err)
	}
	lex, err := app.ReadLexicon(app.Input{Name: "ok.tsv", Data: []byte("river\tрек\t0.9\nmayor\tмэр\t0.8\n")}, "en", "ru")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(app.LexiconEntries(lex, "")); n != 2 {
		t.Errorf("%d entries, want 2", n)
	}
	if e := app.LexiconEntries(lex, "rivers"); len(e) != 1 || e[0].Tgt != "рек" {
		t.Errorf("entries of rivers: %v, want river → рек", e)
	}
}

// TestSegmenterFromSRX: segment --srx uses the file's rules for the language, and a language
// the file lacks is a usage error that names the file.
func TestSegmenterFromSRX(t *testing.T) {
	data, err := os.ReadFile("../segment/testdata/house.srx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.SegmenterFromSRX(app.Input{Name: "house.srx", Data: data}, "en"); err != nil {
		t.Fatal(err)
	}
	_, err = app.SegmenterFromSRX(app.Input{Name: "house.srx", Data: data}, "xx")
	var le *locale.Error
	if !errors.As(err, &le) || le.Kind != locale.Usage || err.Error() != "house.srx has no rules for xx" {
		t.Errorf("error %v, want a usage error: house.srx has no rules for xx", err)
	}
}

func ExampleApp_AlignFiles() {
	a := app.New("example")
	src, _ := a.FileSentences(app.Input{Name: "en.txt", Data: []byte("The river rose overnight. Schools in Atyrau are closed.\n")}, "en", false)
	tgt, _ := a.FileSentences(app.Input{Name: "ru.txt", Data: []byte("Ночью река поднялась. Школы в Атырау закрыты.\n")}, "ru", false)
	beads, err := a.AlignFiles(src, tgt, app.AlignFilesOptions{SrcLang: "en", TgtLang: "ru"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range beads {
		fmt.Println(b.Src, b.Tgt)
	}
	// Output:
	// [0] [0]
	// [1] [1]
}
