package morph

import (
	"slices"
	"testing"
)

// TestKazakhSurnameFormsCoverInflect: what the endings check asks a writer
// to put after a person's surname in -ов/-ев (KazakhInflect, the root's
// harmony: Әуезовке, Тоқаевқа) is a form the glossary matches
// (KazakhWordForms). It was not for a surname whose root is front
// (Әйтенов, Әуезов): the endings check said write Әйтеновтің, and the
// terms check then found the name missing. The back forms are still
// matched (Әйтеновтың is written too, and gets the endings warning).
func TestKazakhSurnameFormsCoverInflect(t *testing.T) {
	for _, surname := range []string{"әйтенов", "әуезов", "сәрсенбиев", "тоқаев", "назарбаев", "сатпаев", "ерғалиев"} {
		forms := KazakhWordForms(surname, surname, Person, "", false)
		stem := KazakhStemOf(surname, Person, "")
		for _, plural := range []bool{false, true} {
			for _, poss := range []bool{false, true} {
				for c := KazakhBare; c <= KazakhAttributive; c++ {
					l := KazakhEnding{Plural: plural, Possessive: poss, Case: c}
					if !plural && !poss && c == KazakhBare || plural && poss {
						continue // the name itself; a plural possessive, which names are not given
					}
					want := KazakhInflect(stem, l)
					if len(want) == 0 {
						continue
					}
					if !slices.Contains(forms.Plain, want[0]) {
						t.Errorf("%s %+v: the endings check asks for %s, which the glossary does not match", surname, l, want[0])
					}
				}
			}
		}
	}
	forms := KazakhWordForms("Әйтенов", "әйтенов", Person, "", false).Plain
	for _, f := range []string{"әйтеновтің", "әйтеновке", "әйтеновтың", "әйтеновқа"} {
		if !slices.Contains(forms, f) {
			t.Errorf("әйтенов: %s is not matched", f)
		}
	}
}

// TestKazakhSurnameShown: a surname in -ов/-ев is shown (glossary show,
// the glossary page) with the endings of its root's harmony, the ones the
// endings check asks for; the glossary page listed Тоқаевке and
// Тоқаевтің, which that check warns of, before Тоқаевқа. The others are
// still matched.
func TestKazakhSurnameShown(t *testing.T) {
	for _, tt := range []struct {
		word            string
		shown, notShown []string
	}{
		{"тоқаев", []string{"тоқаев", "тоқаевтың", "тоқаевқа", "тоқаевпен", "тоқаевтар"}, []string{"тоқаевтің", "тоқаевке", "тоқаевтер"}},
		{"әуезов", []string{"әуезов", "әуезовтің", "әуезовке", "әуезовтер"}, []string{"әуезовтың", "әуезовқа"}},
		{"назарбаев", []string{"назарбаевтың", "назарбаевқа"}, []string{"назарбаевтің", "назарбаевке"}},
	} {
		f := KazakhWordForms(tt.word, tt.word, Person, "", false)
		for _, w := range tt.shown {
			if !slices.Contains(f.Shown, w) {
				t.Errorf("%s: %s is not shown", tt.word, w)
			}
		}
		for _, w := range tt.notShown {
			if slices.Contains(f.Shown, w) {
				t.Errorf("%s: %s is shown", tt.word, w)
			}
			if !slices.Contains(f.Plain, w) {
				t.Errorf("%s: %s is no longer matched", tt.word, w)
			}
		}
	}
}
