package check

import "testing"

// TestUnknownCheckMeantMisspeltAlias: a mistyped glossary or kind of
// terms finding (glosary, forbiden) is meant as the terms check, as the
// alias spelt right is; a name near no check still names none.
func TestUnknownCheckMeantMisspeltAlias(t *testing.T) {
	for in, want := range map[string]string{
		"glosary": "terms", "glossry": "terms", "glossar": "terms", "misisng": "terms", "forbiden": "terms", "homoglyf": "terms",
		"hiden": "terms", "typo": "", "цифры": "", "tems": "terms", "lint": "links",
	} {
		if got := meantCheck(in); got != want {
			t.Errorf("meantCheck(%q) = %q, want %q", in, got, want)
		}
	}
}
