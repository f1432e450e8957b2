package align_test

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/align"
)

func ExamplePair() {
	en := []align.Sentence{
		{Text: "President Tokayev arrived in London on Monday."},
		{Text: "He will meet the prime minister."},
		{Text: "Trade reached $1.2 billion last year, up 12%."},
		{Text: "The visit ends on Wednesday."},
	}
	kk := []align.Sentence{
		{Text: "Президент Тоқаев дүйсенбі күні Лондонға келді."},
		{Text: "Ол премьер-министрмен кездеседі."},
		{Text: "Былтыр тауар айналымы 1,2 миллиард долларға жетті."},
		{Text: "Бұл 12%-ға көп."},
		{Text: "Сапар сәрсенбіде аяқталады."},
	}
	for _, b := range align.Pair(en, kk, align.Options{SrcLang: "en", TgtLang: "kk"}) {
		fmt.Println(b.Src, b.Tgt)
	}
	// Output:
	// [0] [0]
	// [1] [1]
	// [2] [2 3]
	// [3] [4]
}

func ExampleThree() {
	en := []align.Sentence{{Text: "The talks ended on Friday."}, {Text: "No agreement was reached."}}
	ru := []align.Sentence{{Text: "Переговоры завершились в пятницу, но соглашения достичь не удалось."}}
	kk := []align.Sentence{{Text: "Келіссөздер жұма күні аяқталды."}, {Text: "Келісімге қол жеткізілмеді."}}
	for _, g := range align.Three(en, ru, kk, align.ThreeOptions{}) {
		fmt.Println(g.En, g.Ru, g.Kk)
	}
	// Output:
	// [0 1] [0] [0 1]
}
