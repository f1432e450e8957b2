package qa

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

// TestNoDictionaryForTheLanguage: a workspace language tilmash knows no
// Hunspell dictionary for (de, added to languages:) was said as "the
// Hunspell dictionary  is not installed", naming none, with a command
// that installs other languages' dictionaries. It now says which
// languages are spelled; a missing dictionary of one of them still names
// it and the command.
func TestNoDictionaryForTheLanguage(t *testing.T) {
	_, de := NewSpeller("de", nil)
	if de == nil || de.MessageID() != "qa.spelling.no-dictionary" {
		t.Fatalf("de: %v", de)
	}
	kk := Note{Kind: Spelling, Message: "qa.spelling.no-dictionary", Data: map[string]any{"Lang": "kk", "Dict": "kk_KZ"}}
	for _, lang := range []string{"en", "ru", "kk"} {
		l, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		got := l.T(de.MessageID(), de.TemplateData())
		if strings.Contains(got, "  ") || strings.Contains(got, "apt-get") || !strings.Contains(got, "(de)") || !strings.Contains(got, "en, ru") {
			t.Errorf("%s: de: %q", lang, got)
		}
		if got := l.T(kk.MessageID(), kk.TemplateData()); !strings.Contains(got, "kk_KZ") || !strings.Contains(got, "apt-get install") {
			t.Errorf("%s: kk: %q", lang, got)
		}
	}
}
