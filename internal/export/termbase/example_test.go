package termbase_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tilmash/tilmash/internal/export/termbase"
	"github.com/tilmash/tilmash/internal/glossary"
)

func ExampleWrite() {
	g := glossary.New([]string{"en", "kk"}, &glossary.Entry{
		ID: "tokayev", Kind: glossary.Person,
		Langs: map[string]*glossary.Form{
			"en": {Term: "Kassym-Jomart Tokayev", Variants: []string{"Tokayev"}},
			"kk": {Term: "Қасым-Жомарт Тоқаев", Forbidden: []string{"Токаев"}},
		},
	})
	if err := termbase.Write(os.Stdout, "tsv", g, termbase.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # en	kk	comment	id	kind	en:variants	en:forbidden	en:forms	en:inflect	kk:variants	kk:forbidden	kk:forms	kk:inflect
	// Kassym-Jomart Tokayev	Қасым-Жомарт Тоқаев		tokayev	person	Tokayev					Токаев
}

func ExampleRead() {
	tsv := "Almaty\tАлматы\tlargest city\nAlmaty\tАлма-Ата\n"
	entries, err := termbase.Read(strings.NewReader(tsv), "omegat.utf8", "tsv", []string{"en", "kk"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range entries {
		fmt.Println(e.ID, e.Langs["en"].Term, e.Langs["kk"].Term, e.Langs["kk"].Variants, e.Note)
	}
	// Output:
	// almaty Almaty Алматы [Алма-Ата] largest city
}
