package glossary_test

import (
	"fmt"
	"log"

	"github.com/tilmash/tilmash/internal/glossary"
)

func ExampleLoad() {
	g, problems, err := glossary.Load("testdata/example", []string{"en", "ru", "kk"})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range problems {
		fmt.Println(p)
	}
	for _, e := range g.Sorted("kk", glossary.Place) {
		fmt.Println(e.ID, e.Langs["kk"].Term)
	}
	// Output:
	// almaty Алматы
	// almaty-region Алматы облысы
}

func ExampleLoad_lint() {
	_, problems, err := glossary.Load("testdata/lint/bad", []string{"en", "ru", "kk"})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range problems[:3] {
		fmt.Println(p.MessageID())
		fmt.Println(p)
	}
	// Output:
	// glossary.lint.accepted-and-forbidden
	// testdata/lint/bad/a-people.yaml:7:77: entry tokayev both accepts and forbids ru form "токаев" (accepted at testdata/lint/bad/a-people.yaml:7:48)
	// glossary.lint.duplicate-id
	// testdata/lint/bad/a-people.yaml:9:9: duplicate id tokayev (first defined at testdata/lint/bad/a-people.yaml:4:9)
	// glossary.lint.invalid-id
	// testdata/lint/bad/a-people.yaml:14:9: invalid id "Nazarbayev Nursultan"
}

func ExampleCompile() {
	g := glossary.New([]string{"en", "kk"}, &glossary.Entry{
		ID: "almaty", Kind: glossary.Place,
		Langs: map[string]*glossary.Form{"en": {Term: "Almaty"}, "kk": {Term: "Алматы"}},
	})
	m := glossary.Compile(g)
	for _, text := range []string{"Алматыдағы жиын", "Алматының әкімі", "ALMATY's mayor", "Астана"} {
		fmt.Println(text, m.FindTerms("kk", text), m.FindTerms("en", text))
	}
	// Output:
	// Алматыдағы жиын [almaty] []
	// Алматының әкімі [almaty] []
	// ALMATY's mayor [] [almaty]
	// Астана [] []
}

func ExampleMatcher_Find() {
	g, _, err := glossary.Load("testdata/example", []string{"en", "ru", "kk"})
	if err != nil {
		log.Fatal(err)
	}
	m := glossary.Compile(g)
	// The hyphen is U+2010; offsets are bytes of the text as given.
	text := "Қасым‐Жомарт Тоқаевтың Алматы облысындағы сапары, Токаевқа хат."
	for _, mt := range m.Find("kk", text) {
		fmt.Printf("%s [%d:%d] %q form=%q forbidden=%v\n", mt.EntryID, mt.Start, mt.End, mt.Text, mt.Form, mt.Forbidden)
	}
	// Output:
	// tokayev [0:44] "Қасым‐Жомарт Тоқаевтың" form="Қасым-Жомарт Тоқаев" forbidden=false
	// almaty-region [45:80] "Алматы облысындағы" form="Алматы облысы" forbidden=false
	// tokayev [95:111] "Токаевқа" form="Токаев" forbidden=true
}

func ExampleMatcher_CheckGroup() {
	g, _, err := glossary.Load("testdata/example", []string{"en", "ru", "kk"})
	if err != nil {
		log.Fatal(err)
	}
	m := glossary.Compile(g)
	findings := m.CheckGroup("en", map[string]string{
		"en": "Tokayev's visit to Almaty.",
		"ru": "Визит Токаева в Алма-Ату.",
		"kk": "Президенттің Aлмaтыға сапары.",
	})
	for _, f := range findings {
		fmt.Println(f.Kind, f.Lang, f.EntryID, f.Text, "→", f.Expected)
	}
	// Output:
	// homoglyph kk almaty Aлмaтыға → Алматыға
	// missing kk tokayev Tokayev's → Тоқаев
	// forbidden ru almaty Алма-Ату → Алматы
}

func ExampleHomoglyphs() {
	for _, f := range glossary.Homoglyphs("kk", "Бiлгiм келеді, Cаяси партия.") {
		fmt.Printf("%s → %s at [%d:%d]\n", f.Text, f.Expected, f.Start, f.End)
	}
	// Output:
	// Бiлгiм → Білгім at [0:10]
	// Cаяси → Саяси at [25:34]
}

func ExampleAddEntry() {
	e := &glossary.Entry{ID: "astana", Kind: glossary.Place, Langs: map[string]*glossary.Form{
		"en": {Term: "Astana", Forbidden: []string{"Nur-Sultan"}},
		"ru": {Term: "Астана"},
		"kk": {Term: "Астана"},
	}}
	item, err := glossary.MarshalEntry(e)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(item)) // what AddEntry appends to the terms list
	// Output:
	// - id: astana
	//   kind: place
	//   en: {term: Astana, forbidden: [Nur-Sultan]}
	//   ru: {term: Астана}
	//   kk: {term: Астана}
}
