package qa_test

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/qa"
)

func ExampleCheckNumbers() {
	src := "The company sold 3,000 products for $2.8bn in 2019."
	for _, f := range qa.CheckNumbers("en", src, "ru", "Компания продала 3 тыс. товаров за 2,9 млрд долларов в 2019 году.") {
		fmt.Println(f.Message, f.Data["Value"], "→", f.Data["Found"], "expected", f.Fix)
	}
	for _, f := range qa.CheckNumbers("en", src, "kk", "Компания 2019 жылы 2,8 млрд долларға өнім сатты.") {
		fmt.Println(f.Message, src[f.Source.Start:f.Source.End])
	}
	// Output:
	// qa.numbers.changed 2.8bn → 2,9 млрд expected 2,8 млрд
	// qa.numbers.missing 3,000
}

func ExampleCheckUntranslated() {
	src := "The talks will continue next week."
	for _, tgt := range []string{src, "Переговоры продолжатся на следующей неделе."} {
		fmt.Println(len(qa.CheckUntranslated("en", src, "kk", tgt)))
	}
	// Output:
	// 1
	// 1
}

func ExampleEndingsIndex_Check() {
	g := glossary.New([]string{"kk"}, &glossary.Entry{ID: "almaty", Kind: glossary.Place,
		Langs: map[string]*glossary.Form{"kk": {Term: "Алматы"}}})
	x := qa.NewEndingsIndex(g)
	text := "Делегация Алматыге келді."
	for _, f := range x.Check("kk", text) {
		fmt.Println(text[f.Target.Start:f.Target.End], "→", f.Fix)
	}
	// Output: Алматыге → Алматыға
}

func ExampleConsistencyIndex() {
	var x qa.ConsistencyIndex
	x.Add("news.md#3", "en", "Prices rose 5% in May.", "ru", "Цены выросли на 5% в мае.")
	x.Add("brief.md#1", "en", "Prices rose 7% in May.", "ru", "В мае цены поднялись на 7%.")
	for _, f := range x.Findings() {
		fmt.Println(f.Message, f.Places)
	}
	// Output: qa.consistency.source [news.md#3 brief.md#1]
}

func ExampleChecker() {
	c := qa.NewChecker(qa.Options{Checks: []qa.Kind{qa.Numbers, qa.Typography}})
	fs, _ := c.CheckPair("en", "He said \"95\".", "ru", "Он сказал \"59\".")
	for _, f := range fs {
		fmt.Println(f.Kind, f.Severity, f.Message)
	}
	fmt.Println(qa.HasError(fs))
	// Output:
	// numbers error qa.numbers.changed
	// typography warning qa.typography.quote
	// true
}
