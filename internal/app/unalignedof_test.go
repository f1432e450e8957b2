package app_test

import (
	"maps"
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
)

// TestUnalignedOf: export's count of the sentences in no group, by
// language: a language imported after align counts whole, the languages
// asked for only; and nothing where the alignment no
// longer matches its texts (a text edited by hand), which export.stale
// speaks of instead.
func TestUnalignedOf(t *testing.T) {
	ws := newWorkspace(t)
	a := app.New("test")
	texts := map[string]string{
		"en": "The river rose overnight.\n\nFarmers moved their herds to the hills. The road was closed.\n",
		"ru": "Ночью река поднялась.\n\nФермеры перегнали скот на холмы. Дорогу закрыли.\n",
		"kk": "Түнде өзен тасыды.\n\nФермерлер малды төбелерге айдады. Жол жабылды.\n",
	}
	imp := func(lang string) {
		t.Helper()
		if _, err := a.Import(ws, "story", lang, []byte(texts[lang]), lang+".txt", "", document.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	count := func(langs ...string) map[string]int {
		t.Helper()
		d, err := document.Open(ws, "story")
		if err != nil {
			t.Fatal(err)
		}
		al, err := d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		tx, err := d.Texts()
		if err != nil {
			t.Fatal(err)
		}
		got, err := a.UnalignedOf(d, al, tx, langs)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	imp("en")
	imp("ru")
	if _, err := a.Align(ws, "story"); err != nil {
		t.Fatal(err)
	}
	imp("kk")
	if got := count("en", "ru", "kk"); !maps.Equal(got, map[string]int{"kk": 3}) {
		t.Errorf("kk imported after align: %v, want kk:3", got)
	}
	if got := count("en", "ru"); len(got) != 0 {
		t.Errorf("en, ru only: %v, want none", got)
	}
	d, err := document.Open(ws, "story")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(d.TextFile("ru"), []byte("Совсем другой текст.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := count("en", "ru", "kk"); len(got) != 0 {
		t.Errorf("the ru text edited by hand: %v, want none (export.stale says it)", got)
	}
}
