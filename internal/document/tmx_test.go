package document

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tmx"
)

var langs3 = []string{"en", "ru", "kk"}

func unit(status string, vs ...tmx.Variant) tmx.Unit {
	u := tmx.Unit{Variants: vs}
	if status != "" {
		u.Props = []tmx.Prop{{Type: tmx.StatusProp, Value: status}}
	}
	return u
}

func v(lang, text, para string) tmx.Variant {
	out := tmx.Variant{Lang: lang, Text: text}
	if para != "" {
		out.Props = []tmx.Prop{{Type: tmx.ParagraphProp, Value: para}}
	}
	return out
}

func TestFromTMX(t *testing.T) {
	tests := []struct {
		name  string
		units []tmx.Unit
		texts map[string]string
		kinds string // status of each group
	}{
		{
			name: "marked paragraphs and headings",
			units: []tmx.Unit{
				unit("confirmed", v("en", "Title", "h1"), v("kk", "# Тақырып", "h1")),
				unit("", v("en", "One.", "p"), v("kk", "Бір.", "p")),
				unit("flagged", v("en", "Two.", ""), v("kk", "Екі.", "")),
				unit("bogus", v("en", "Three.", "h2"), v("kk", "Үш.", "h2")),
			},
			texts: map[string]string{
				"en": "# Title\n\nOne. Two.\n\n## Three.\n",
				"kk": "# Тақырып\n\nБір. Екі.\n\n## Үш.\n",
			},
			kinds: "confirmed aligned flagged aligned",
		},
		{
			name: "another tool: a paragraph per segment, region codes, line breaks flattened, NFC",
			units: []tmx.Unit{
				unit("", v("EN-US", "First\n  line.", ""), v("ru-RU", "Первая", "")),
				unit("", v("en-GB", "Second.", ""), v("de", "Zweite.", "")),
				unit("", v("fr", "Seulement.", "")),
				unit("", v("RU", "Второи\u0306?", "")), // й decomposed: и + breve
			},
			texts: map[string]string{
				"en": "First line.\n\nSecond.\n",
				"ru": "Первая\n\nВторой?\n",
			},
			// The second unit has no Russian, the third no English: a
			// translation is missing, so they are flagged for review.
			kinds: "aligned flagged flagged",
		},
		{
			name: "a missing translation is flagged unless confirmed",
			units: []tmx.Unit{
				unit("aligned", v("en", "One.", ""), v("ru", "Один.", ""), v("kk", "Бір.", "")),
				unit("aligned", v("en", "Two.", ""), v("ru", "Два.", "")),
				unit("", v("en", "Three.", ""), v("kk", "Үш.", "")),
				unit("confirmed", v("en", "Four.", ""), v("ru", "Четыре.", "")),
			},
			texts: map[string]string{
				"en": "One.\n\nTwo.\n\nThree.\n\nFour.\n",
				"ru": "Один.\n\nДва.\n\nЧетыре.\n",
				"kk": "Бір.\n\nҮш.\n",
			},
			kinds: "aligned flagged flagged confirmed",
		},
		{
			// Some CAT tools write ISO 639-2/3 codes; check reads them
			// as the workspace languages, and so must import-tmx.
			name: "three-letter language codes",
			units: []tmx.Unit{
				unit("", v("eng", "One.", ""), v("rus", "Один.", ""), v("kaz-KZ", "Бір.", "")),
				unit("", v("ENG", "Two.", ""), v("RUS", "Два.", ""), v("kk-Cyrl-KZ", "Екі.", "")),
			},
			texts: map[string]string{
				"en": "One.\n\nTwo.\n",
				"ru": "Один.\n\nДва.\n",
				"kk": "Бір.\n\nЕкі.\n",
			},
			kinds: "aligned aligned",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem, err := FromTMX(&tmx.TMX{Units: tt.units}, "x.tmx", langs3, "en")
			if err != nil {
				t.Fatal(err)
			}
			for l, want := range tt.texts {
				if mem.Texts[l] != want {
					t.Errorf("%s text = %q, want %q", l, mem.Texts[l], want)
				}
				// The texts must already be what document.Import stores.
				norm, err := Normalize("x", []byte(mem.Texts[l]))
				if err != nil || string(norm) != mem.Texts[l] {
					t.Errorf("%s text is not in the stored form", l)
				}
			}
			var kinds []string
			for _, g := range mem.Alignment.Groups {
				kinds = append(kinds, string(g.Status))
			}
			if strings.Join(kinds, " ") != tt.kinds {
				t.Errorf("statuses = %v, want %s", kinds, tt.kinds)
			}
			if errs := mem.Alignment.Verify("a", mem.Texts); len(errs) > 0 {
				t.Errorf("spans do not fit the texts: %v", errs)
			}
		})
	}
}

func TestFromTMXCounts(t *testing.T) {
	m := &tmx.TMX{Units: []tmx.Unit{
		{Variants: []tmx.Variant{v("en", "A.", ""), v("en", "B.", ""), v("kk", "  ", "")}, Notes: []string{" check\n this ", "again"},
			Props: []tmx.Prop{{Type: tmx.ScoreProp, Value: "0.25"}}},
		{Variants: []tmx.Variant{v("de", "Nur deutsch.", "")}},
		{Variants: []tmx.Variant{v("en", "Bad\nscore.", "")}, Props: []tmx.Prop{{Type: tmx.ScoreProp, Value: "7"}}},
	}}
	mem, err := FromTMX(m, "x.tmx", langs3, "en")
	if err != nil {
		t.Fatal(err)
	}
	if mem.Duplicates != 1 || mem.Skipped != 1 || mem.Flattened != 1 || strings.Join(mem.OtherLangs, ",") != "de" {
		t.Errorf("counts: %+v", mem)
	}
	g := mem.Alignment.Groups
	if len(g) != 2 || g[0].Score != 0.25 || g[1].Score != 1 || g[0].Note != "check this; again" {
		t.Errorf("groups: %+v %+v", g[0], g[1])
	}
	if strings.Join(mem.Langs, ",") != "en" || mem.Alignment.Pivot != "en" {
		t.Errorf("langs %v pivot %s", mem.Langs, mem.Alignment.Pivot)
	}
	var empty *locale.Error
	_, err = FromTMX(&tmx.TMX{Units: []tmx.Unit{{Variants: []tmx.Variant{v("de", "x", "")}}}}, "de.tmx", langs3, "en")
	if !errors.As(err, &empty) || empty.ID != "import-tmx.empty" || empty.Data["Found"] != "de" {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkFromTMX reads a memory of 10,000 units in three languages with
// the region and three-letter codes other tools write: every variant's
// tag is mapped to a workspace language (with golang.org/x/text), so a
// large memory from a CAT tool shows the cost of that mapping.
func BenchmarkFromTMX(b *testing.B) {
	tags := [][3]string{{"en-US", "ru-RU", "kk-KZ"}, {"eng", "rus", "kaz"}}
	m := &tmx.TMX{}
	for i := 0; i < 10000; i++ {
		t := tags[i%2]
		m.Units = append(m.Units, tmx.Unit{Variants: []tmx.Variant{
			{Lang: t[0], Text: fmt.Sprintf("Sentence %d.", i)},
			{Lang: t[1], Text: fmt.Sprintf("Предложение %d.", i)},
			{Lang: t[2], Text: fmt.Sprintf("%d-сөйлем.", i)},
		}})
	}
	for b.Loop() {
		if _, err := FromTMX(m, "big.tmx", langs3, "en"); err != nil {
			b.Fatal(err)
		}
	}
}
