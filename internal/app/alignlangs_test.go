package app

import (
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

// TestSupportedHint: a workspace with en, ru, kk and de (source en) was
// told to "set source: en in tilmash.yaml", which it had. The hint now
// says what works: the other language in a workspace of its own with en.
func TestSupportedHint(t *testing.T) {
	for _, c := range []struct {
		pivot string
		langs []string
		hint  string
		first string
	}{
		{"ru", []string{"en", "ru", "kk"}, "align.languages.hint", ""},
		{"en", []string{"en", "ru", "kk", "de"}, "align.languages.own-workspace.hint", "de"},
		{"en", []string{"en", "ru", "de"}, "align.languages.own-workspace.hint", "de"},
		{"ru", []string{"ru", "kk", "de", "fr"}, "align.languages.own-workspace.hint", "de"},
	} {
		var le *locale.Error
		if err := supported(c.pivot, c.langs); !errors.As(err, &le) || le.Hint != c.hint || c.first != "" && le.Data["First"] != c.first {
			t.Errorf("%s %v: %v (hint %v), want hint %s naming %q", c.pivot, c.langs, err, le, c.hint, c.first)
		}
	}
	if err := supported("en", []string{"en", "ru", "kk"}); err != nil {
		t.Errorf("en, ru, kk: %v", err)
	}
}
