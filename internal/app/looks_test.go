package app_test

import (
	"testing"
	"unicode/utf16"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
)

// TestImportLooksLike: import compares the letters of the text with the
// language it is imported as (en, ru, kk); a UTF-16 file is not judged by
// its bytes, where Cyrillic letters are no letters and English names
// would make a Russian text look English.
func TestImportLooksLike(t *testing.T) {
	ru := "Reuters, Associated Press and Bloomberg reported on Monday: «Мост закрыт»."
	var le []byte
	le = append(le, 0xFF, 0xFE)
	for _, u := range utf16.Encode([]rune(ru)) {
		le = append(le, byte(u), byte(u>>8))
	}
	tests := []struct {
		name, lang string
		data       []byte
		want       string
	}{
		{"kk as ru", "ru", []byte("Түнде өзен тасып, фермерлер малды төбелерге айдады. Су қайтқанша жол жабылды."), "kk"},
		{"ru as ru", "ru", []byte("Ночью река поднялась, и фермеры перегнали скот на холмы. Дорогу закрыли."), ""},
		{"UTF-16 ru as ru", "ru", le, ""},
		{"ru as de", "de", []byte("Ночью река поднялась, и фермеры перегнали скот на холмы. Дорогу закрыли."), ""},
	}
	for _, tt := range tests {
		ws := newWorkspace(t)
		ws.Config.Languages = append(ws.Config.Languages, "de")
		res, err := app.New("test").Import(ws, "story", tt.lang, tt.data, "story.txt", "", document.ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if res.LooksLike != tt.want {
			t.Errorf("%s: looks like %q, want %q", tt.name, res.LooksLike, tt.want)
		}
	}
}
