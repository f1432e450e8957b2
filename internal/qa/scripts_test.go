package qa

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestEveryScriptEnds runs every check over translations holding, at the
// start, inside and at the end of words, the characters of
// testenv.EveryScript, and over a consistency index: each check must end. The letter
// scans have fast paths for ASCII and Cyrillic (lead bytes D0 to D4), and
// a scan that stops on a letter outside them without moving on loops for
// ever: Armenian capitals (U+0531 to U+053F, lead byte D4) did, in the
// untranslated check and in the Kazakh endings check.
func TestEveryScriptEnds(t *testing.T) {
	c := NewChecker(Options{Checks: []Kind{Numbers, Untranslated, Typography, Endings}, Glossary: testGlossary()})
	testenv.EveryScript(t, func(r rune) {
		ch := string(r)
		for _, tt := range [][2]string{
			{"kk", ch + "ан Алматыға " + ch + ch + " келді, Тоқаевқа" + ch},
			{"ru", "Министр " + ch + "Ереван " + ch + "12 прибыл" + ch + ch},
			{"en", ch + "The minister arrived" + ch + " in 2019 " + ch},
		} {
			if _, err := c.CheckPair("en", "The minister arrived in Almaty in 2019.", tt[0], tt[1]); err != nil {
				t.Error(err)
			}
		}
		var x ConsistencyIndex
		x.Add("a", "en", "The minister "+ch, "ru", ch+"Министр")
		x.Add("b", "en", "The minister "+ch, "ru", ch+"Министр"+ch)
		x.Findings()
	})
}

// TestRepeatsAtEverySpace: the words written twice that the typography
// scan finds at the spaces it stops at are those repeats finds going from
// space to space, on random texts of words, repeats, punctuation, quotes
// and runs of spaces (the scan has a fast path for a single space).
func TestRepeatsAtEverySpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"в", "В", "бюджет", "Бюджет", "сөз", "the", "The", "«в", "в»", "в.", "в,", "(в", "-", "—", ",", " ", "  ", "из-за", "за", "2019", "о'", "ә"}
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
			if rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		var want []string
		repeats(text, func(s, e int) bool { want = append(want, fmt.Sprint(s, e)); return true })
		var got []string
		for _, f := range CheckTypography("en", "", "ru", text, TypographyOptions{}) {
			if f.Message == "qa.typography.repeated" {
				got = append(got, fmt.Sprint(f.Target.Start, f.Target.End))
			}
		}
		if strings.Join(got, ";") != strings.Join(want, ";") {
			t.Fatalf("%q: the scan found %v, repeats %v", text, got, want)
		}
	}
}
