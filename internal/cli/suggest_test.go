package cli

import "testing"

// TestMeant: the "did you mean" of an unknown command or option names the
// one name a typo away, and nothing for a word like none, or as close to
// two.
func TestMeant(t *testing.T) {
	names := []string{"init", "import", "status", "show", "group", "review", "export", "import-tmx", "format", "force", "from", "to"}
	tests := []struct{ typed, want string }{
		{"grup", "group"},    // a letter left out
		{"frmat", "format"},  // another
		{"exprot", "export"}, // two swapped
		{"staus", "status"},  // a letter left out of a longer name
		{"imprt-tmx", "import-tmx"},
		{"reveiw", "review"},
		{"xyzzy", ""},   // nothing like a name
		{"group", ""},   // a name itself
		{"fro", "from"}, // fro: from (1), to (2): one closest
		{"shw", "show"},
		{"t", ""}, // one letter: no guess
	}
	for _, tt := range tests {
		if got := meant(tt.typed, names); got != tt.want {
			t.Errorf("meant(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
	// As close to two: no guess.
	if got := meant("forse", []string{"force", "forge"}); got != "" {
		t.Errorf("meant(forse) among force, forge = %q, want none", got)
	}
}
