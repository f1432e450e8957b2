package qa

import (
	"fmt"
	"strings"
	"testing"
)

func TestTypographySpaceAfter(t *testing.T) {
	for _, c := range []struct {
		lang, src, tgt string
		want           string // "start-end fix" of each space-after finding
	}{
		{"ru", "", "в Восточной Европе,в южной части", "34-35 \", \""},
		{"kk", "", "шешімін тоқтатты,ол тұрмыстық", "31-32 \", \""},
		{"en", "", "Prices rose;wages did not.", "11-12 \"; \""},
		{"ru", "", "Рост составил 3,5 процента.", ""},                        // a number
		{"ru", "", "Подробнее: https://example.org/a,b и далее.", ""},        // an address
		{"en", "", "Write to press,desk@example.org today.", "14-15 \", \""}, // no address has a comma
		{"en", "", "See example.org/news/a,b for more.", ""},
		{"en", "", "One, two; three.", ""},
		{"ru", "", "Рост, 3,5 процента,а не 4.", "30-31 \", \""},
		{"ru", "Keep a,b as is.", "Оставьте a,b как есть.", ""}, // the source has it too
		{"ru", "", "Конец,", ""},
	} {
		var got []string
		for _, f := range CheckTypography("en", c.src, c.lang, c.tgt, TypographyOptions{}) {
			if f.Message == "qa.typography.space-after" {
				got = append(got, fmt.Sprintf("%d-%d %q", f.Target.Start, f.Target.End, f.Fix))
			}
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s %q: %s, want %s", c.lang, c.tgt, g, c.want)
		}
	}
}
