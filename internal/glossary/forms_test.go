package glossary_test

import (
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/glossary"
)

// TestGeneratedForms checks that the forms shown to a person are the
// forms the matcher finds: every one generated is found in a text, and the
// usual case forms are among them.
func TestGeneratedForms(t *testing.T) {
	e := &glossary.Entry{ID: "almaty-region", Kind: glossary.Place, Langs: map[string]*glossary.Form{
		"en": {Term: "Almaty Region"},
		"ru": {Term: "Алматинская область"},
		"kk": {Term: "Алматы облысы", Variants: []string{"Алматы"}},
	}}
	m := glossary.Compile(glossary.New([]string{"en", "ru", "kk"}, e))
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"almaty region", "almaty region's"}},
		{"ru", []string{"алматинская область", "алматинской области"}},
		{"kk", []string{"алматы облысы", "алматы облысында", "алматыда"}},
	} {
		got := glossary.GeneratedForms(e, tc.lang)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q not among the generated forms %q", tc.lang, w, got)
			}
		}
		for _, f := range got {
			if ms := m.Find(tc.lang, "("+f+")"); len(ms) == 0 || ms[0].EntryID != e.ID {
				t.Errorf("%s: generated form %q is not found by the matcher: %v", tc.lang, f, ms)
			}
		}
	}
	if got := glossary.GeneratedForms(e, "de"); got != nil {
		t.Errorf("a language the entry lacks has forms %q", got)
	}
}

// TestFixRussianForbidden: a Russian forbidden form found in a case gets
// the preferred form in that case, written as the preferred form writes
// it (capitals, ё); found in no case of the form, or a preferred form
// with no such case, gives the preferred form as it is.
func TestFixRussianForbidden(t *testing.T) {
	for _, tt := range []struct {
		found, forbidden, preferred string
		kind                        glossary.Kind
		hint                        string
		want                        string
		ok                          bool
	}{
		{"Казакстане", "Казакстан", "Казахстан", glossary.Place, "", "Казахстане", true},
		{"Казакстана", "Казакстан", "Казахстан", glossary.Place, "", "Казахстана", true},
		{"Казакстан", "Казакстан", "Казахстан", glossary.Place, "", "Казахстан", true},
		{"Алма-Ате", "Алма-Ата", "Алматы", glossary.Place, "none", "Алматы", true},  // indeclinable
		{"Семеновым", "Семенов", "Семёнов", glossary.Person, "", "Семёновым", true}, // ё kept
		{"Генпрокуратурой", "Генпрокуратура", "Генеральная прокуратура", glossary.Institution, "", "Генеральной прокуратурой", true},
		{"Верховного суда", "Верховный суд", "Верховный Суд", glossary.Institution, "", "Верховного Суда", true},
		{"Казакстанец", "Казакстан", "Казахстан", glossary.Place, "", "Казахстан", false}, // no case form
	} {
		got, ok := glossary.FixRussianForbidden(tt.found, tt.forbidden, tt.preferred, tt.kind, tt.hint)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s (%s → %s): %q, %v; want %q, %v", tt.found, tt.forbidden, tt.preferred, got, ok, tt.want, tt.ok)
		}
	}
}

// TestGeneratedFormsPossessiveReading: the page shows the possessive
// reading of a phrase ending in -ы/-і, and not the stem reading
// (облысыға), which the matcher still takes; inflect: stem shows and
// matches the stem's forms only (Үлкен Алматы).
func TestGeneratedFormsPossessiveReading(t *testing.T) {
	for _, tc := range []struct {
		term, hint  string
		shown, hide []string // shown; matched but not shown
		unmatched   []string
	}{
		{"Алматы облысы", "", []string{"алматы облысына", "алматы облысында"}, []string{"алматы облысыға", "алматы облысыда"}, nil},
		{"Ішкі істер министрлігі", "", []string{"ішкі істер министрлігіне", "ішкі істер министрліктеріне"}, []string{"ішкі істер министрлігіге"}, nil},
		{"құқық қорғаушы", "", []string{"құқық қорғаушыға", "құқық қорғаушысы"}, nil, []string{"құқық қорғаушына"}},
		{"Үлкен Алматы", "stem", []string{"үлкен алматыға", "үлкен алматыда"}, nil, []string{"үлкен алматына"}},
	} {
		e := &glossary.Entry{ID: "x", Kind: glossary.Place, Langs: map[string]*glossary.Form{"kk": {Term: tc.term, Inflect: tc.hint}}}
		m := glossary.Compile(glossary.New([]string{"kk"}, e))
		got := glossary.GeneratedForms(e, "kk")
		found := func(f string) bool { ms := m.Find("kk", "("+f+")"); return len(ms) == 1 && ms[0].Form == tc.term }
		for _, f := range tc.shown {
			if !slices.Contains(got, f) || !found(f) {
				t.Errorf("%s: %q should be shown and found (shown %q)", tc.term, f, got)
			}
		}
		for _, f := range tc.hide {
			if slices.Contains(got, f) || !found(f) {
				t.Errorf("%s: %q should be found but not shown", tc.term, f)
			}
		}
		for _, f := range tc.unmatched {
			if slices.Contains(got, f) || found(f) {
				t.Errorf("%s: %q should be neither shown nor found", tc.term, f)
			}
		}
	}
}

// TestGeneratedFormsRussianAgreement: the Russian forms shown for a
// phrase are phrases, the adjective and the noun in one case and number:
// the page listed акмолинские областей and акмолинских области, the
// accusative's inanimate and animate readings crossed. The matcher still
// finds the forms shown.
func TestGeneratedFormsRussianAgreement(t *testing.T) {
	for _, tc := range []struct {
		term      string
		kind      glossary.Kind
		want, not []string
	}{
		{"Акмолинская область", glossary.Place,
			[]string{"акмолинскую область", "акмолинские области", "акмолинских областей"},
			[]string{"акмолинские областей", "акмолинских области"}},
		{"Генеральная прокуратура", glossary.Institution,
			[]string{"генеральную прокуратуру", "генеральные прокуратуры", "генеральных прокуратур"},
			[]string{"генеральные прокуратур", "генеральных прокуратуры"}},
		{"Верховный суд", glossary.Institution,
			[]string{"верховный суд", "верховного суда", "верховные суды", "верховных судов"},
			[]string{"верховный суда", "верховного суд", "верховные судов", "верховных суды"}},
		{"Министерство юстиции", glossary.Institution,
			[]string{"министерство юстиции", "министерства юстиции", "министерством юстиции"}, nil},
		{"Касым-Жомарт Токаев", glossary.Person,
			[]string{"касым-жомарта токаева"}, []string{"касым-жомарт токаева"}},
	} {
		e := &glossary.Entry{ID: "x", Kind: tc.kind, Langs: map[string]*glossary.Form{"ru": {Term: tc.term}}}
		m := glossary.Compile(glossary.New([]string{"ru"}, e))
		got := glossary.GeneratedForms(e, "ru")
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q not among the forms %q", tc.term, w, got)
			}
			if ms := m.Find("ru", "("+w+")"); len(ms) == 0 || ms[0].Text != w {
				t.Errorf("%s: %q is not found: %v", tc.term, w, ms)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: %q is among the forms", tc.term, w)
			}
		}
	}
}

// TestGeneratedFormsPlacePlural: the plural of a place's own name is not
// shown (the page listed казахстанов, астан) but still matched (обеих
// Германий is written); a place's common noun shows its plural.
func TestGeneratedFormsPlacePlural(t *testing.T) {
	for _, tc := range []struct {
		term, plural string
		shown        bool
	}{
		{"Казахстан", "казахстанов", false},
		{"Германия", "германий", false},
		{"Акмолинская область", "акмолинских областей", true},
	} {
		e := &glossary.Entry{ID: "x", Kind: glossary.Place, Langs: map[string]*glossary.Form{"ru": {Term: tc.term}}}
		if got := glossary.GeneratedForms(e, "ru"); slices.Contains(got, tc.plural) != tc.shown {
			t.Errorf("%s: %q shown %v, want %v: %q", tc.term, tc.plural, !tc.shown, tc.shown, got)
		}
		m := glossary.Compile(glossary.New([]string{"ru"}, e))
		if ms := m.Find("ru", "обеих "+tc.plural); len(ms) != 1 || ms[0].Text != tc.plural {
			t.Errorf("%s: %q is not matched: %v", tc.term, tc.plural, ms)
		}
	}
}

// TestGeneratedFormsFleetingVowel: the torture entry (пытки, variant
// пытка) showed пытков and пытек beside пыток; the forms shown are the
// written ones, while the matcher still takes the guesses.
func TestGeneratedFormsFleetingVowel(t *testing.T) {
	e := &glossary.Entry{ID: "torture", Kind: glossary.Other, Langs: map[string]*glossary.Form{"ru": {Term: "пытки", Variants: []string{"пытка"}}}}
	got := glossary.GeneratedForms(e, "ru")
	if !slices.Contains(got, "пыток") || slices.Contains(got, "пытков") || slices.Contains(got, "пытек") {
		t.Errorf("forms shown %q: want пыток, not пытков or пытек", got)
	}
	m := glossary.Compile(glossary.New([]string{"ru"}, e))
	if ms := m.Find("ru", "пытков"); len(ms) != 1 {
		t.Errorf("пытков is not matched: %v", ms)
	}
}

// TestGeneratedFormsPluraleTantum: the United States shows its plural
// forms, Штаты on its own too, and not the genitives guessed from the
// ending (соединенных штат, соединенных штатей), which the page listed.
func TestGeneratedFormsPluraleTantum(t *testing.T) {
	e := &glossary.Entry{ID: "usa", Kind: glossary.Place, Langs: map[string]*glossary.Form{"ru": {Term: "Соединённые Штаты", Variants: []string{"Штаты", "США"}}}}
	got := glossary.GeneratedForms(e, "ru")
	for _, w := range []string{"соединенных штатов", "соединенным штатам", "соединенными штатами", "соединенных штатах", "штатов", "штатах"} {
		if !slices.Contains(got, w) {
			t.Errorf("%q not among the forms shown %q", w, got)
		}
	}
	for _, w := range []string{"соединенных штат", "соединенных штатей", "штат", "штатей"} {
		if slices.Contains(got, w) {
			t.Errorf("%q among the forms shown %q", w, got)
		}
	}
	m := glossary.Compile(glossary.New([]string{"ru"}, e))
	if ms := m.Find("ru", "в Штатах и в Соединённых Штатах"); len(ms) != 2 {
		t.Errorf("Штатах, Соединённых Штатах: %v", ms)
	}
}
