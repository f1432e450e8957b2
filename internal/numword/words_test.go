package numword

import "testing"

// TestWords: the number words of each language with their forms, and the words that are also
// articles or pronouns marked soft.
func TestWords(t *testing.T) {
	for _, tt := range []struct {
		lang, w string
		val     float64
		soft    bool
	}{
		{"en", "six", 6, false}, {"en", "twenty", 20, false}, {"en", "one", 1, true}, {"en", "first", 1, true},
		{"ru", "шести", 6, false}, {"ru", "пятью", 5, false}, {"ru", "одна", 1, true},
		{"kk", "алты", 6, false}, {"kk", "бестен", 5, false}, {"kk", "екеуі", 2, false}, {"kk", "бір", 1, true},
	} {
		w, ok := Words(tt.lang)[tt.w]
		if !ok || w.Val != tt.val || w.Soft != tt.soft {
			t.Errorf("Words(%s)[%q] = %+v, %v; want %v (soft %v)", tt.lang, tt.w, w, ok, tt.val, tt.soft)
		}
	}
	for _, w := range []string{"онда", "үшін", "оны"} { // case forms that are other words
		if _, ok := Words("kk")[w]; ok {
			t.Errorf("Words(kk) has %q", w)
		}
	}
	if Words("de") != nil {
		t.Error("Words(de) is not nil")
	}
}

func BenchmarkWordsBuild(b *testing.B) {
	for range b.N {
		enWords()
		ruWords()
		kkWords()
	}
}
