package glossary

import (
	"strings"
	"testing"
)

func TestHomoglyphs(t *testing.T) {
	cases := []struct {
		lang, text, want string
	}{
		{"kk", "Бiлгiм келеді.", "Бiлгiм→Білгім"},                 // Latin i (Tatoeba)
		{"kk", "Cаяси партиялар.", "Cаяси→Саяси"},                 // Latin C (NTREX)
		{"kk", "Aлмaты қаласы.", "Aлмaты→Алматы"},                 // Latin a twice
		{"ru", "Встреча в Aлмaты.", "Aлмaты→Алматы"},              // same in Russian
		{"ru", "Нурсултан Hазарбаев.", "Hазарбаев→Назарбаев"},     // Latin H
		{"ru", "ПРOКУРАТУРА", "ПРOКУРАТУРА→ПРОКУРАТУРА"},          // Latin O in caps
		{"kk", "Тоkаев келді.", "Тоkаев→"},                        // Latin k: no look-alike
		{"en", "Rain in Almatу.", "Almatу→Almaty"},                // Cyrillic у in English
		{"en", "The Cyrillic Аlmaty.", "Аlmaty→Almaty"},           // Cyrillic А leading
		{"kk", "Əлем мен әлем.", "Əлем→Әлем"},                     // Latin schwa
		{"kk", "BBC-ге, ҚР-дың, COVID-19 бойынша.", ""},           // hyphen splits scripts
		{"kk", "Бұл Facebook пен Instagram.", ""},                 // Latin words alone
		{"ru", "Сайт gov.kz и iPhone.", ""},                       // no Cyrillic in them
		{"kk", "ХХІ ғасыр.", ""},                                  // all Cyrillic
		{"kk", "XXI ғасыр.", ""},                                  // all Latin
		{"kk", "ХXІ ғасыр.", "ХXІ→ХХІ"},                           // mixed numeral
		{"kk", "Сәлем, әлем! Бiз бiрге.", "Бiз→Біз; бiрге→бірге"}, // two words
		{"ru", "i и ï", ""},                   // single scripts
		{"kk", "қазақ\u00ADстан", ""},         // soft hyphen is not a letter of either script
		{"kk", "Tilmash — тілмаш.", ""},       // separate words
		{"kk", "Бір сөз: aуыл.", "aуыл→ауыл"}, // leading Latin a
		{"kk", "Ⅻ ғасыр", ""},                 // number forms are not letters of either script
		{"kk", "Шымкентte", "Шымкентte→"},     // Latin t has no Cyrillic twin
	}
	for _, c := range cases {
		fs := Homoglyphs(c.lang, c.text)
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = f.Text + "→" + f.Expected
			if f.Text != c.text[f.Start:f.End] || f.Kind != FindingHomoglyph || f.Segment != c.text || f.Lang != c.lang {
				t.Errorf("%q: bad finding %+v", c.text, f)
			}
		}
		if got := strings.Join(parts, "; "); got != c.want {
			t.Errorf("Homoglyphs(%s, %q) = %s, want %s", c.lang, c.text, got, c.want)
		}
	}
}
