package langtag

import "testing"

// TestMap is the one table of language tags every reader shares: before
// there was one mapper, import-tmx filed "und" under no language and check
// filed it under English.
func TestMap(t *testing.T) {
	m := NewMap([]string{"en", "ru", "kk"})
	tests := []struct {
		tag, lang string
		ok        bool
	}{
		{"en", "en", true}, {"en-US", "en", true}, {"EN-US", "en", true}, {"en_us", "en", true},
		{"kk", "kk", true}, {"KK", "kk", true}, {"kk-KZ", "kk", true}, {"kk_KZ", "kk", true},
		{"kk-Cyrl-KZ", "kk", true}, {"kk-Latn", "kk", true}, {" ru ", "ru", true},
		{"ru_RU", "ru", true}, {"ru-RU", "ru", true}, {"ru_RU.UTF-8", "ru", true},
		{"rus", "ru", true}, {"RUS", "ru", true}, {"kaz", "kk", true}, {"kaz-KZ", "kk", true}, {"eng", "en", true},
		// Tags of no workspace language.
		{"de-DE", "", true}, {"mul", "", true},
		// Tags that name no particular language: never guessed to be English.
		{"und", "", true}, {"x-foo", "", true},
		// Not tags at all.
		{"", "", false}, {"   ", "", false}, {"garbage", "", false}, {"*all*", "", false}, {"kz", "", false},
	}
	for _, tt := range tests {
		lang, ok := m.Lookup(tt.tag)
		if lang != tt.lang || ok != tt.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.tag, lang, ok, tt.lang, tt.ok)
		}
		// The answer does not change once remembered.
		if l2, ok2 := m.Lookup(tt.tag); l2 != lang || ok2 != ok {
			t.Errorf("second Lookup(%q) = %q, %v", tt.tag, l2, ok2)
		}
		// Base agrees with the map.
		if b, ok := Base(tt.tag); ok != tt.ok || tt.lang != "" && b != tt.lang {
			t.Errorf("Base(%q) = %q, %v", tt.tag, b, ok)
		}
	}
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"EN-US", "en", true}, {"kk_KZ", "kk", true}, {"rus", "ru", true}, {"kaz", "kk-KZ", true},
		{"en", "kk", false}, {"und", "en", false}, {"und", "und", false}, {"rus", "kk", false}, {"", "", false},
	} {
		if got := Same(tt.a, tt.b); got != tt.same {
			t.Errorf("Same(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// A workspace language that is not a known tag still matches itself.
func TestMapOwnCodes(t *testing.T) {
	m := NewMap([]string{"xx", "en"})
	if l, ok := m.Lookup("XX"); l != "xx" || !ok {
		t.Errorf("Lookup(XX) = %q, %v", l, ok)
	}
}

// TestLanguage: a code that names a language, in any form Base reads, is
// one; a country's code is not, and names the language it was likely
// meant for.
func TestLanguage(t *testing.T) {
	for _, tt := range []struct {
		code  string
		ok    bool
		meant string
	}{
		{"kk", true, ""}, {"rus", true, ""}, {"en-US", true, ""}, {"uk", true, ""},
		{"kz", false, "kk"}, {"KZ", false, "kk"}, {"ua", false, "uk"}, {"gr", false, "el"}, {"jp", false, "ja"},
		{"und", false, ""}, {"xx", false, ""}, {"", false, ""}, {"../x", false, ""},
	} {
		ok, meant := Language(tt.code)
		if ok != tt.ok || meant != tt.meant {
			t.Errorf("Language(%q) = %v, %q; want %v, %q", tt.code, ok, meant, tt.ok, tt.meant)
		}
	}
}

// TestRegional: a language is given the country it is most likely written
// in, as Word's proofing language wants; a tag with a region, or one
// without a likely region, is left alone.
func TestRegional(t *testing.T) {
	for code, want := range map[string]string{
		"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US", "uk": "uk-UA", "ky": "ky-KG",
		"en-GB": "en-GB", "kk-KZ": "kk-KZ", "und": "und", "": "", "not a tag": "not a tag",
	} {
		if got := Regional(code); got != want {
			t.Errorf("Regional(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestMeant: a code the workspace does not keep is answered with the
// workspace language a person most likely typed it for, so "import DOC kz"
// says Kazakh is kk rather than only listing the languages.
func TestMeant(t *testing.T) {
	langs := []string{"en", "ru", "kk"}
	tests := []struct{ code, want string }{
		// Another code of the same language, any case or region.
		{"rus", "ru"}, {"RUS", "ru"}, {"eng", "en"}, {"kaz", "kk"}, {"KK", "kk"},
		{"kk-KZ", "kk"}, {"en_US", "en"}, {"ru-RU", "ru"}, {" ru ", "ru"},
		// A country's code for its language.
		{"kz", "kk"}, {"KZ", "kk"}, {"us", "en"}, {"gb", "en"},
		// Kazakh in the Latin alphabet writes қ as q (Qazaqstan).
		{"qq", "kk"}, {"qaz", "kk"}, {"qz", "kk"},
		// Typed with a Russian or Kazakh keyboard layout left on.
		{"лл", "kk"}, {"кг", "ru"}, {"ут", "en"},
		// One letter off a workspace code, where the code is no language.
		{"ry", "ru"}, {"eb", "en"},
		// Nothing to guess: a real language the workspace lacks, or too far.
		{"de", ""}, {"ky", ""}, {"uk", ""}, {"xyz", ""}, {"", ""}, {"*all*", ""},
	}
	for _, tt := range tests {
		if got := Meant(tt.code, langs); got != tt.want {
			t.Errorf("Meant(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
	// Only workspace languages are suggested.
	if got := Meant("kz", []string{"en", "ru"}); got != "" {
		t.Errorf("Meant(kz) without kk = %q, want none", got)
	}
	if got := Meant("rus", []string{"en", "kk"}); got != "" {
		t.Errorf("Meant(rus) without ru = %q, want none", got)
	}
}
