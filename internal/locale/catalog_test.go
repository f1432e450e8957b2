package locale

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/locale/catalog"
	"github.com/tilmash/tilmash/locales"
)

// TestGeneratedCatalogueIsCurrent fails when a YAML catalogue changed and
// locales/catalog_gen.go, what the binary reads, was not regenerated.
func TestGeneratedCatalogueIsCurrent(t *testing.T) {
	want, err := catalog.Generate(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../locales/catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("locales/catalog_gen.go is stale: run `go generate ./locales`")
	}
}

// TestBundleHoldsTheLanguageAndEnglish checks that a localizer finds a
// message of its own language, falls back to English for a language
// without a catalogue, and that the generated data holds every message of
// the YAML files.
func TestBundleHoldsTheLanguageAndEnglish(t *testing.T) {
	ids, err := IDs(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		if got, want := len(locales.Messages(lang)), len(ids[lang]); got != want {
			t.Errorf("%s: %d generated messages, %d in the YAML catalogues", lang, got, want)
		}
	}
	ru, err := New("ru")
	if err != nil {
		t.Fatal(err)
	}
	if got := ru.T("help.usage", nil); got == "USAGE" || got == "help.usage" {
		t.Errorf("ru help.usage = %q, want the Russian text", got)
	}
	xx, err := New("xx")
	if err != nil {
		t.Fatal(err)
	}
	if got := xx.T("help.usage", nil); got != "USAGE" {
		t.Errorf("xx help.usage = %q, want the English fallback USAGE", got)
	}
}

// TestLocalizerRendersAsTheYAMLBundle renders every message of every
// language, as a plain text and in three plural forms, through a Localizer
// (generated data, messages added on first use, plain texts returned
// directly) and through a go-i18n bundle loaded from all the YAML files, the
// way tilmash loaded its catalogues before: the two must agree.
func TestLocalizerRendersAsTheYAMLBundle(t *testing.T) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	files, err := fs.Glob(locales.FS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, err := b.LoadMessageFileFS(locales.FS, f); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := IDs(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"Name": "N", "File": "f.txt", "Err": "e", "Command": "c"}
	for _, lang := range []string{"en", "ru", "kk"} {
		l, err := New(lang)
		if err != nil {
			t.Fatal(err)
		}
		ref := &Localizer{Lang: lang, c: &catalogue{b: b, added: map[string]bool{}}, l: i18n.NewLocalizer(b, lang, "en")}
		for _, full := range ids[lang] {
			_, id, _ := strings.Cut(full, ":")
			if got, want := l.T(id, data), ref.T(id, data); got != want {
				t.Errorf("%s %s: T = %q, the YAML bundle gives %q", lang, id, got, want)
			}
			for _, n := range []int{1, 2, 5} {
				if got, want := l.N(id, n, data), ref.N(id, n, data); got != want {
					t.Errorf("%s %s: N(%d) = %q, the YAML bundle gives %q", lang, id, n, got, want)
				}
			}
		}
	}
}
