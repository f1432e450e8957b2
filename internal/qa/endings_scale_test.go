package qa

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/glossary"
)

// TestEndingsNamesInsideOthers: in a glossary of thousands of names some
// begin with another one (Алма and Алматы, Нұр and Нұра), and some are
// the start of common words (Айта: айтады, "says"). A word that is
// another name is no wrong ending of the shorter one, nor a word in lower
// case of a name written with a capital: names are capitalised in Kazakh,
// so айтады is the verb.
func TestEndingsNamesInsideOthers(t *testing.T) {
	kk := func(term string) map[string]*glossary.Form {
		return map[string]*glossary.Form{"kk": {Term: term}}
	}
	x := NewEndingsIndex(glossary.New([]string{"kk"},
		&glossary.Entry{ID: "alma", Kind: glossary.Person, Langs: kk("Алма")},
		&glossary.Entry{ID: "almaty", Kind: glossary.Place, Langs: kk("Алматы")},
		&glossary.Entry{ID: "aita", Kind: glossary.Place, Langs: kk("Айта")},
		&glossary.Entry{ID: "tenkuz", Kind: glossary.Person, Langs: kk("Теңкүз")},
		&glossary.Entry{ID: "tenkuzka", Kind: glossary.Organization, Langs: kk("Ақ Теңкүзқа")},
	))
	tests := []struct{ text, want string }{
		{"Алматы қаласы", ""},
		{"Алматыда, Алманың", ""},
		{"Алматыге барды", "Алматыге→Алматыға"},
		{"Алмаға, Алмады", "Алмады→Алманы"},
		{"ол бәрін айтады, айтатын", ""},
		{"Айтады", "Айтады→Айтаны"}, // capitalised: the name, or a sentence's first word
		{"Ақ Теңкүзқа: жаңалық", ""},
		{"Теңкүзқа", "Теңкүзқа→Теңкүзге"}, // not after Ақ: not the longer name
	}
	for _, tt := range tests {
		var got []string
		for _, f := range x.Check("kk", tt.text) {
			got = append(got, tt.text[f.Target.Start:f.Target.End]+"→"+f.Fix)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
