package morph

import (
	"slices"
	"strings"
	"testing"
)

// TestKazakhDoubledConsonant: a name ending in a doubled consonant is
// written with one of the two before an ending (NTREX: Крэг Халкеттің, not
// Халкетттің), and with both when nothing follows.
func TestKazakhDoubledConsonant(t *testing.T) {
	for _, tc := range []struct {
		word string
		kind Kind
		want []string
		not  []string
	}{
		{"халкетт", Person, []string{"халкетт", "халкеттің", "халкетке", "халкетті", "халкетпен", "халкеттен"}, []string{"халкет"}},
		{"скотт", Person, []string{"скоттың", "скотқа", "скотты"}, []string{"скот"}},
		{"грамм", Other, []string{"граммға", "грамға", "грамы"}, []string{"грам"}},
		{"ахмет", Person, []string{"ахметтің"}, []string{"ахметттің"}},
	} {
		got := KazakhWordForms(tc.word, tc.word, tc.kind, "", false).Plain
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q not among the forms", tc.word, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: %q is among the forms", tc.word, w)
			}
		}
		for _, f := range got {
			if strings.Contains(f, "ттт") {
				t.Errorf("%s: %q has three letters in a row", tc.word, f)
			}
		}
	}
}
