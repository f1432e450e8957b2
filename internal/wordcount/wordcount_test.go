package wordcount

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCount(t *testing.T) {
	tests := []struct {
		lang, text string
		want       int
	}{
		{"en", "", 0},
		{"en", "  \n\n ", 0},
		{"en", "Forty videos appeared on 26 July.", 6},
		{"en", "Kassym-Jomart Tokayev didn't respond.", 4},
		{"en", "O'Brien's report — 120 pages.", 4},
		{"en", "It rose 12.5% on 26.07.2019 at 12:30, to $1,000,000.", 9},
		{"en", "# Leaked videos\n\n- one\n- two", 4},
		{"en", "A - B", 2},
		{"en", "well--known", 2}, // a double hyphen stands for a dash
		{"en", "end-", 1},
		{"ru", "Сорок видео появились 26 июля 2019 года.", 7},
		{"ru", "Генпрокуратура: 10\u00a0000 обращений, т. е. много", 6},
		{"ru", "кто-нибудь сказал «хватит»", 3},
		{"kk", "2019 жылғы 26 шілдеде қырық бейнежазба жарияланды.", 7},
		{"kk", "Оларда ұрып-соғу бар. Қасым-Жомарт Тоқаев", 5},
		{"kk", "Тока\u200bев", 1},
		{"kk", "№ 5 колония", 2},
		{"ja", "東京で会議", 5},
		{"en", "A delegation from 東京 attended.", 6},
	}
	for _, tt := range tests {
		if got := Count(tt.lang, tt.text); got != tt.want {
			t.Errorf("Count(%s, %q) = %d, want %d", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestCountAdds: the words of two texts joined by a space are the words of
// each, so a document's count is the sum of its sentences'.
func TestCountAdds(t *testing.T) {
	parts := []string{"Forty videos", "ұрып-соғу бар.", "26.07.2019", "—", "東京", "it's", "-", ""}
	for _, a := range parts {
		for _, b := range parts {
			if got, want := Count("kk", a+" "+b), Count("kk", a)+Count("kk", b); got != want {
				t.Errorf("Count(%q) = %d, want %d + %d", a+" "+b, got, Count("kk", a), Count("kk", b))
			}
		}
	}
}

func FuzzCount(f *testing.F) {
	f.Add("Қасым-Жомарт Тоқаев 10\u00a0000")
	f.Fuzz(func(t *testing.T, s string) {
		n := Count("kk", s)
		if n < 0 || n > utf8.RuneCountInString(s) {
			t.Fatalf("Count(%q) = %d", s, n)
		}
		if strings.TrimSpace(s) == "" && n != 0 {
			t.Fatalf("blank %q counts %d", s, n)
		}
	})
}
