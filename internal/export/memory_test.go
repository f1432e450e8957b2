package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
)

func unit(status string, vs ...tmx.Variant) tmx.Unit {
	u := tmx.Unit{Variants: vs}
	if status != "" {
		u.Props = []tmx.Prop{{Type: StatusProp, Value: status}}
	}
	return u
}

func v(lang, text, para string) tmx.Variant {
	out := tmx.Variant{Lang: lang, Text: text}
	if para != "" {
		out.Props = []tmx.Prop{{Type: ParagraphProp, Value: para}}
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
			kinds: "aligned aligned aligned",
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
				norm, err := document.Normalize("x", []byte(mem.Texts[l]))
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
			Props: []tmx.Prop{{Type: ScoreProp, Value: "0.25"}}},
		{Variants: []tmx.Variant{v("de", "Nur deutsch.", "")}},
		{Variants: []tmx.Variant{v("en", "Bad\nscore.", "")}, Props: []tmx.Prop{{Type: ScoreProp, Value: "7"}}},
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
	var empty *EmptyMemoryError
	_, err = FromTMX(&tmx.TMX{Units: []tmx.Unit{{Variants: []tmx.Variant{v("de", "x", "")}}}}, "de.tmx", langs3, "en")
	if !errors.As(err, &empty) || empty.TemplateData()["Found"] != "de" {
		t.Errorf("err = %v", err)
	}
}

// TestTMXRoundTrip: export → FromTMX → the same texts and groups, so
// that import-tmx of a tilmash TMX gives back the document.
func TestTMXRoundTrip(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	m, err := tmx.Read(bytes.NewReader(render(t, "tmx", d, a, Options{})), "sample.tmx")
	if err != nil {
		t.Fatal(err)
	}
	mem, err := FromTMX(m, "sample.tmx", langs3, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs3 {
		if mem.Texts[l] != sample[l] {
			t.Errorf("%s:\n got %q\nwant %q", l, mem.Texts[l], sample[l])
		}
	}
	for i, g := range mem.Alignment.Groups {
		orig := a.Groups[i]
		if g.Status != orig.Status || g.Score != orig.Score || g.Note != orig.Note {
			t.Errorf("group %d: %+v, want %+v", i+1, g, orig)
		}
		for _, l := range langs3 {
			if g.Text(l) != orig.Text(l) {
				t.Errorf("group %d %s: %q, want %q", i+1, l, g.Text(l), orig.Text(l))
			}
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"ru", `Он сказал "хватит".`, "Он сказал «хватит»."},
		{"kk", `"Жетер" деді.`, "«Жетер» деді."},
		{"en", `He said "enough" (and "more").`, "He said “enough” (and “more”)."},
		{"ru", `"Слово "внутри" снаружи"`, "«Слово „внутри“ снаружи»"},
		{"en", `"Outer "inner" end"`, "“Outer ‘inner’ end”"},
		{"ru", `«Уже "так"»`, "«Уже „так“»"},
		{"en", `don't touch 'single'`, "don't touch 'single'"},
		{"ru", "\"строка\nновая\"", "«строка\nновая»"},
		{"de", `"so"`, `"so"`},
		{"kk", `—"Иә"`, "—«Иә»"},
	}
	for _, tt := range tests {
		if got := Quotes(tt.lang, tt.in); got != tt.want {
			t.Errorf("Quotes(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

// TestLanguagesAgreeWithCheck: import-tmx (FromTMX, through tmx) and
// check's TMX reader map a file's language tags to the same workspace
// languages, so a unit check counts is never left out by import-tmx as
// another language.
func TestLanguagesAgreeWithCheck(t *testing.T) {
	lm := check.NewLangMap(langs3)
	for _, tag := range []string{
		"en", "EN", "en-US", "en_GB", "eng", "ENG", "ru", "ru-RU", "rus", "kk", "kk-KZ", "kk_KZ",
		"kk-Cyrl-KZ", "kk-Latn", "kaz", "kaz-KZ", "de", "deu", "ger", "fr-FR", "zh-Hant-TW",
	} {
		want, ok := lm.Lookup(tag)
		if !ok {
			t.Fatalf("check does not take %q for a language tag", tag)
		}
		mem, err := FromTMX(&tmx.TMX{Units: []tmx.Unit{{Variants: []tmx.Variant{v(tag, "Text.", "")}}}}, "x.tmx", langs3, "en")
		got := ""
		if err == nil {
			got = strings.Join(mem.Langs, ",")
		}
		if got != want {
			t.Errorf("%q: import-tmx files it under %q, check under %q", tag, got, want)
		}
	}
}
