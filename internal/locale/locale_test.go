package locale_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/locales"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		in, want string
		known    bool // Lookup's answer: a supported language, not the fallback
	}{
		{"kk_KZ.UTF-8", "kk", true},
		{"kk", "kk", true},
		{"kk-Cyrl-KZ", "kk", true},
		{"ru-KZ", "ru", true},
		{"ru_RU.UTF-8", "ru", true},
		{"ru_UA.KOI8-U", "ru", true},
		{"en_GB.UTF-8", "en", true},
		{"de_DE.UTF-8", "en", false},
		{"C", "en", true},
		{"POSIX", "en", true},
		{"C.UTF-8", "en", true},
		{"sr@latin", "en", false},
		{"garbage!!", "en", false},
		{"kz", "en", false},
		{"", "en", false},
	}
	for _, tt := range tests {
		if got := locale.Match(tt.in); got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got, known := locale.Lookup(tt.in); got != tt.want || known != tt.known {
			t.Errorf("Lookup(%q) = %q, %v, want %q, %v", tt.in, got, known, tt.want, tt.known)
		}
	}
}

func TestChooseOrder(t *testing.T) {
	env := map[string]string{"TILMASH_LANG": "ru", "LC_ALL": "kk_KZ.UTF-8", "LC_MESSAGES": "en_US", "LANG": "de_DE"}
	get := func(k string) string { return env[k] }
	steps := []struct {
		flag, unset, want string
	}{
		{"kk", "", "kk"},           // the flag wins
		{"", "", "ru"},             // then TILMASH_LANG
		{"", "TILMASH_LANG", "kk"}, // then LC_ALL
		{"", "LC_ALL", "en"},       // then LC_MESSAGES
		{"", "LC_MESSAGES", "en"},  // then LANG (de is unknown: English)
	}
	for _, s := range steps {
		if s.unset != "" {
			delete(env, s.unset)
		}
		if got := locale.Choose(s.flag, get); got != s.want {
			t.Errorf("Choose(%q) with %v = %q, want %q", s.flag, env, got, s.want)
		}
	}
}

// TestPlurals checks CLDR plural forms through the real catalogue.
func TestPlurals(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 document"}, {"en", 2, "2 documents"}, {"en", 0, "0 documents"},
		{"ru", 1, "1 документ"}, {"ru", 2, "2 документа"}, {"ru", 4, "4 документа"},
		{"ru", 5, "5 документов"}, {"ru", 11, "11 документов"}, {"ru", 21, "21 документ"},
		{"ru", 22, "22 документа"}, {"ru", 25, "25 документов"}, {"ru", 111, "111 документов"},
		{"kk", 1, "1 құжат"}, {"kk", 5, "5 құжат"},
	}
	for _, tt := range tests {
		l, err := locale.New(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.N("status.summary", tt.n, nil); got != tt.want {
			t.Errorf("%s %d: got %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// TestCatalogueParity fails when the three languages do not hold the same
// message ids, area by area.
func TestCatalogueParity(t *testing.T) {
	ids, err := locale.IDs(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	en := set(ids["en"])
	if len(en) == 0 {
		t.Fatal("no English messages")
	}
	for _, lang := range []string{"ru", "kk"} {
		other := set(ids[lang])
		for id := range en {
			if !other[id] {
				t.Errorf("%s lacks %s", lang, id)
			}
		}
		for id := range other {
			if !en[id] {
				t.Errorf("%s has %s, which English lacks", lang, id)
			}
		}
	}
	for lang := range ids {
		if lang != "en" && lang != "ru" && lang != "kk" {
			t.Errorf("unexpected catalogue language %q", lang)
		}
	}
}

// TestCatalogueLoads makes sure every file parses and every template
// renders in every language without leaking its id.
func TestCatalogueLoads(t *testing.T) {
	ids, err := locale.IDs(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	for lang, list := range ids {
		l, err := locale.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, areaID := range list {
			_, id, _ := strings.Cut(areaID, ":")
			if got := l.T(id, map[string]any{"Count": 3}); got == id || got == "" {
				t.Errorf("%s: %s does not render", lang, id)
			}
		}
	}
}

func set(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

func ExampleLocalizer_N() {
	for _, lang := range []string{"en", "ru", "kk"} {
		l, _ := locale.New(lang)
		fmt.Printf("%s, %s, %s\n", l.N("status.summary", 1, nil), l.N("status.summary", 2, nil), l.N("status.summary", 5, nil))
	}
	// Output:
	// 1 document, 2 documents, 5 documents
	// 1 документ, 2 документа, 5 документов
	// 1 құжат, 2 құжат, 5 құжат
}

func ExampleMatch() {
	fmt.Println(locale.Match("kk_KZ.UTF-8"), locale.Match("ru-KZ"), locale.Match("fr_FR"))
	// Output: kk ru en
}
