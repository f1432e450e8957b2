package morph

import (
	"slices"
	"testing"
)

func TestKazakhWordBases(t *testing.T) {
	for _, c := range []struct {
		fn         func(string) []string
		word, base string
		ok         bool
	}{
		{KazakhAttributiveBases, "мысалдағыдай", "мысалдағы", true},
		{KazakhAttributiveBases, "күткендегіден", "күткендегі", true},
		{KazakhAttributiveBases, "алматыдағылар", "алматыдағы", true},
		{KazakhAttributiveBases, "бұрынғыдай", "бұрынғы", true},
		// the ending against the harmony of -ғы, or no ending at all
		{KazakhAttributiveBases, "мысалдағыдей", "мысалдағы", false},
		{KazakhAttributiveBases, "күткендегідан", "күткендегі", false},
		{KazakhAttributiveBases, "мысалдағы", "мысалдағы", false},
		{KazakhDenominalBases, "патрульдеуде", "патруль", true},
		{KazakhDenominalBases, "жоспарлады", "жоспар", true},
		{KazakhDenominalBases, "тазалаған", "таза", true},
		{KazakhDenominalBases, "қаржыландыру", "қаржы", true},
		{KazakhDenominalBases, "қолдаймыз", "қол", true},
		{KazakhDenominalBases, "тістеді", "тіс", true},
		// -ла against the base's last sound or harmony
		{KazakhDenominalBases, "патрульлеуде", "патруль", false},
		{KazakhDenominalBases, "жоспарледі", "жоспар", false},
		{KazakhDenominalBases, "тісләді", "тіс", false},
		{KazakhDenominalBases, "апталан", "апта", false},
		{KazakhDenominalBases, "апталанды", "апта", true},
		{KazakhEquativeBases, "ойымша", "ойым", true},
		{KazakhEquativeBases, "пікірімше", "пікірім", true},
		{KazakhEquativeBases, "ойымызша", "ойымыз", true},
		{KazakhEquativeBases, "көзқарасыңызша", "көзқарасыңыз", true},
		{KazakhEquativeBases, "ойымше", "ойым", false},
		{KazakhEquativeBases, "пікірімша", "пікірім", false},
		{KazakhEquativeBases, "қазақша", "қазақ", false},
	} {
		got := c.fn(c.word)
		if slices.Contains(got, c.base) != c.ok {
			t.Errorf("%q gives %q, want %q there: %v", c.word, got, c.base, c.ok)
		}
	}
}
