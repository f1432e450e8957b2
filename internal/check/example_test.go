package check_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// An aligned group is checked as a unit: the entries the English names
// must be named, in some case form, in the Russian and the Kazakh.
func ExampleChecker_Alignment() {
	dir, _ := os.MkdirTemp("", "tilmash-example-")
	defer os.RemoveAll(dir)
	ws, _ := workspace.Init(dir)
	os.WriteFile(filepath.Join(ws.Root, "glossary", "people.yaml"), []byte(`terms:
  - id: tokayev
    kind: person
    en: {term: Kassym-Jomart Tokayev, variants: [Tokayev]}
    ru: {term: Касым-Жомарт Токаев, variants: [Токаев]}
    kk: {term: Қасым-Жомарт Тоқаев, variants: [Тоқаев], forbidden: [Токаев]}
`), 0o644)

	c, err := check.Load(ws)
	if err != nil {
		fmt.Println(err)
		return
	}
	group := func(en, ru, kk string) *document.Group {
		return &document.Group{Status: document.Aligned, Sents: map[string][]document.Sentence{
			"en": {{Text: en}}, "ru": {{Text: ru}}, "kk": {{Text: kk}},
		}}
	}
	a := &document.Alignment{Document: "visit", Pivot: "en", Languages: []string{"en", "ru", "kk"}, Groups: []*document.Group{
		group("Tokayev's speech.", "Речь Токаева.", "Тоқаевтың сөзі."),
		group("Tokayev left.", "Президент улетел.", "Токаев кетті."),
	}}
	for _, f := range c.Alignment("visit", a, nil) {
		fmt.Printf("%s group %d %s %s: %s\n", f.Doc, f.Group, f.Lang, f.Kind, f.Text)
	}
	// Output:
	// visit group 2 kk forbidden: Токаев
	// visit group 2 ru missing: Tokayev
}
