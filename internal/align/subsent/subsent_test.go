package subsent

import (
	"fmt"
	"testing"

	"github.com/tilmash/tilmash/internal/align"
)

func TestCut(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []string
		tgtLang  string
		want     string
	}{
		{"2-2 splits", []string{
			"Five days later President Kassym-Jomart Tokayev responded on Twitter.",
			"He called for tighter oversight of the country's prisons and asked the General Prosecutor's Office to start looking for torture inside them.",
		}, []string{
			"Бес күннен кейін Президент Қасым-Жомарт Тоқаев Twitter желісінде үн қатты.",
			"Ол елдегі түрмелерге бақылауды күшейтуге шақырып, Бас прокуратураға олардағы азаптау фактілерін тексеруді тапсырды.",
		}, "kk", "[0]-[0] [1]-[1]"},
		{"2-1 stays whole", []string{
			"Five days later President Kassym-Jomart Tokayev responded on Twitter.",
			"He called for tighter oversight of the country's prisons.",
		}, []string{
			"Спустя пять дней отреагировал президент Касым-Жомарт Токаев: в Twitter он призвал усилить надзор за тюрьмами страны.",
		}, "ru", "[0 1]-[0]"},
		{"1-2 stays whole", []string{
			"On 26 July 2019, forty videos appeared online showing prisoners being beaten.",
		}, []string{
			"2019 жылғы 26 шілдеде интернетте қырық бейнежазба жарияланды.",
			"Оларда сотталғандардың ұрып-соғылғаны көрінеді.",
		}, "kk", "[0]-[0 1]"},
		{"empty target", []string{"One.", "Two."}, nil, "kk", "[0 1]-[]"},
		{"3-2 keeps a confident pair and joins the rest", []string{
			"The ministry reported 700 complaints in 2016.",
			"Only 158 officers were charged over five years.",
			"Three of them were convicted in 2018.",
		}, []string{
			"Министрлік 2016 жылы 700 шағым тіркелгенін хабарлады.",
			"Бес жыл ішінде тек 158 қызметкерге айып тағылды, олардың үшеуі 2018 жылы сотталды.",
		}, "kk", "[0]-[0] [1 2]-[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Cut(tt.src, tt.tgt, align.Options{SrcLang: "en", TgtLang: tt.tgtLang})
			got := ""
			for i, p := range ps {
				if i > 0 {
					got += " "
				}
				got += fmt.Sprintf("%v-%v", p.Src, p.Tgt)
				if p.Score < 0 || p.Score > 1 {
					t.Errorf("piece %d score %v", i, p.Score)
				}
			}
			if got != tt.want {
				t.Errorf("Cut = %s, want %s", got, tt.want)
			}
		})
	}
}
