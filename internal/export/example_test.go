package export_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/workspace"
)

// exampleDoc makes a workspace with a two-group document.
func exampleDoc() (*document.Document, *document.Alignment, func()) {
	dir, _ := os.MkdirTemp("", "tilmash-example")
	ws, _ := workspace.Init(dir)
	texts := map[string]string{"en": "Tokayev spoke. The inquiry began.\n", "kk": "Тоқаев сөйледі. Тексеру басталды.\n"}
	for _, l := range []string{"en", "kk"} {
		document.Import(ws, "story", l, []byte(texts[l]), l, document.ImportOptions{})
	}
	d, _ := document.Open(ws, "story")
	a := &document.Alignment{Document: "story", Pivot: "en", Languages: []string{"en", "kk"}, Sources: map[string]string{}}
	for i, pair := range [][2]string{{"Tokayev spoke.", "Тоқаев сөйледі."}, {"The inquiry began.", "Тексеру басталды."}} {
		g := &document.Group{Status: document.Confirmed, Score: 1, Sents: map[string][]document.Sentence{}}
		if i == 1 {
			g.Status = document.Flagged
		}
		for j, l := range []string{"en", "kk"} {
			start := strings.Index(texts[l], pair[j])
			g.Sents[l] = []document.Sentence{{Start: start, End: start + len(pair[j]), Text: pair[j]}}
		}
		a.Groups = append(a.Groups, g)
	}
	return d, a, func() { os.RemoveAll(dir) }
}

func ExampleWrite() {
	d, a, done := exampleDoc()
	defer done()
	if err := export.Write(os.Stdout, "md", d, a, export.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | # | en | kk |
	// |--:|---|---|
	// | 1 | Tokayev spoke. | Тоқаев сөйледі. |
	// | 2 ⚑ | The inquiry began. | Тексеру басталды. |
}

func ExampleWrite_forced() {
	d, a, done := exampleDoc()
	defer done()
	opt := export.Options{Forced: export.Flagged(a)}
	for _, format := range []string{"md", "csv"} {
		// CSV has no place for the record: its first line stays the
		// header, and the caller warns instead.
		fmt.Printf("%s records a forced export: %v\n", format, export.Records(format))
		if err := export.Write(os.Stdout, format, d, a, opt); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// md records a forced export: true
	// <!-- tilmash: forced past 1 flagged group (2) -->
	//
	// | # | en | kk |
	// |--:|---|---|
	// | 1 | Tokayev spoke. | Тоқаев сөйледі. |
	// | 2 ⚑ | The inquiry began. | Тексеру басталды. |
	// csv records a forced export: false
	// en,kk
	// Tokayev spoke.,Тоқаев сөйледі.
	// The inquiry began.,Тексеру басталды.
}

func ExampleQuotes() {
	fmt.Println(export.Quotes("kk", `Президент "жетер" деді.`))
	fmt.Println(export.Quotes("ru", `Он сказал: "Это "дело" решённое".`))
	fmt.Println(export.Quotes("en", `He said "enough".`))
	// Output:
	// Президент «жетер» деді.
	// Он сказал: «Это „дело“ решённое».
	// He said “enough”.
}

func ExampleFileName() {
	for _, c := range [][]string{{"tmx"}, {"xliff", "en", "kk"}, {"md", "kk"}} {
		name, _ := export.FileName("zarechnoye-videos", c[0], c[1:]...)
		fmt.Println(name)
	}
	// Output:
	// zarechnoye-videos.tmx
	// zarechnoye-videos.en-kk.xlf
	// zarechnoye-videos.kk.md
}
