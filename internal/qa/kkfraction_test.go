package qa

import (
	"slices"
	"testing"
)

// TestKazakhNumeralPossessive: a Kazakh fraction names its numerator in
// the possessive (үштен екісі, two thirds), as a part of a whole does
// (олардың екісі); екісі was no number, so "two-thirds" was reported as
// changed to үштен. The possessives of он, of the tens and of the scales,
// and a form that is a word of its own, stay other words (оны, үшін,
// жүзі, тоқсаны).
func TestKazakhNumeralPossessive(t *testing.T) {
	for _, tt := range []struct{ src, tgt string }{
		{"Two-thirds of voters backed the plan.", "Сайлаушылардың үштен екісі жоспарды қолдады."},
		{"Two of them were released.", "Олардың екісі босатылды."},
		{"Three of the five schools are new.", "Бес мектептің үшеуі жаңа."},
		{"Four of the seven judges agreed.", "Жеті судьяның төртеуі келісті."},
		{"The rate is 1 in 10.", "Көрсеткіш — онның бірі."},
		{"One fifth of the budget", "Бюджеттің бестен бірі"},
		{"Two in ten families", "Отбасылардың оннан екісі"},
		{"25 of the 30 seats", "30 орынның жиырма бесі"},
	} {
		if fs := CheckNumbers("en", tt.src, "kk", tt.tgt); len(fs) != 0 {
			t.Errorf("%q / %q: %v", tt.src, tt.tgt, fs)
		}
	}
	for w, want := range map[string]float64{"екісі": 2, "екісінің": 2, "үші": 3, "бесіне": 5, "тоғызы": 9, "жиырма бестен": 25} {
		vs := ExtractNumbers("kk", w)
		if len(vs) != 1 || !slices.Contains([]float64{vs[0].Number()}, want) {
			t.Errorf("ExtractNumbers(kk, %q) = %v, want %v", w, vs, want)
		}
	}
	for _, w := range []string{"оны", "үшін", "жүзі", "тоқсаны", "мыңы"} {
		if vs := ExtractNumbers("kk", w); len(vs) != 0 {
			t.Errorf("ExtractNumbers(kk, %q) = %v, want no number", w, vs)
		}
	}
}
