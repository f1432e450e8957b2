package morph

import (
	"slices"
	"testing"
)

func TestKazakhPersonBases(t *testing.T) {
	for _, c := range []struct {
		word, base string
		ok         bool
	}{
		{"сізбін", "сіз", true},
		{"бізбін", "біз", true},
		{"жоқпын", "жоқ", true},
		{"асығыспын", "асығыс", true},
		{"тұрмын", "тұр", true},
		{"жүрмін", "жүр", true},
		{"келіскенбіз", "келіскен", true},
		{"дайынмын", "дайын", true},
		{"дайынбыз", "дайын", true},
		{"күтудемін", "күтуде", true},
		{"дайынсыздар", "дайын", true},
		{"студентпін", "студент", true},
		// the vowel against the base's harmony, the consonant against its last sound
		{"жоқпін", "жоқ", false},
		{"сізмін", "сіз", false},
		{"жоқмын", "жоқ", false},
		{"тұрбын", "тұр", false},
		{"дайынпыз", "дайын", false},
	} {
		got := KazakhPersonBases(c.word)
		if slices.Contains(got, c.base) != c.ok {
			t.Errorf("KazakhPersonBases(%q) = %q, want %q there: %v", c.word, got, c.base, c.ok)
		}
	}
}
