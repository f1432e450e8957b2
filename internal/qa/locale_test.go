package qa

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

// Every message a check emits renders in every UI language, with no
// template left unfilled.
func TestMessagesRender(t *testing.T) {
	var fs []Finding
	fs = append(fs, CheckNumbers("en", "95 and 7", "ru", "59")...)
	fs = append(fs, CheckUntranslated("en", "The talks went on for days.", "kk", "The talks went on for days.")...)
	fs = append(fs, CheckUntranslated("en", "x", "kk", "Министр сказал, что переговоры продолжатся на этой неделе.")...)
	fs = append(fs, CheckTypography("en", "Is it?", "ru", "Так  ли \"это\" - (да , нет.", TypographyOptions{})...)
	fs = append(fs, NewEndingsIndex(testGlossary()).Check("kk", "Алматыге, Алматыга")...)
	var x ConsistencyIndex
	x.Add("a", "en", "Sales fell sharply last year.", "ru", "Продажи резко упали.")
	x.Add("b", "en", "Sales fell sharply last year.", "ru", "Продажи сильно упали.")
	x.Add("c", "en", "Sales dropped sharply last year.", "ru", "Продажи сильно упали.")
	fs = append(fs, x.Findings()...)
	msgs := map[string]Message{}
	for _, f := range fs {
		msgs[f.Message] = f
	}
	for _, id := range []string{"qa.spelling.unknown", "qa.spelling.unknown-no-suggestion"} {
		msgs[id] = Finding{Message: id, Data: map[string]any{"Text": "ашибка", "Lang": "ru", "Suggestions": "ошибка"}}
	}
	for _, id := range []string{"qa.spelling.no-hunspell", "qa.spelling.no-dictionary"} {
		msgs[id] = Note{Message: id, Data: map[string]any{"Lang": "kk", "Dict": "kk_KZ"}}
	}
	want := []string{"qa.numbers.missing", "qa.numbers.changed", "qa.untranslated.same", "qa.untranslated.wrong-lang",
		"qa.consistency.source", "qa.consistency.target", "qa.typography.quote", "qa.typography.unbalanced",
		"qa.typography.double-space", "qa.typography.space-before", "qa.typography.dash", "qa.typography.final", "qa.endings.wrong", "qa.endings.keyboard"}
	for _, id := range want {
		if msgs[id] == nil {
			t.Errorf("no check produced %s", id)
		}
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		l, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for id, m := range msgs {
			var s string
			if c, ok := m.TemplateData()["Count"].(int); ok {
				s = l.N(id, c, m.TemplateData())
			} else {
				s = l.T(id, m.TemplateData())
			}
			if s == "" || s == id || strings.Contains(s, "<no value>") {
				t.Errorf("%s %s renders %q", lang, id, s)
			}
		}
	}
}

// Message is what the CLI renders (locale.Message).
type Message = locale.Message
