//go:build aligntune

package align

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// TestEditedDev scores the edited sets of ALIGN_EDITSET (bench/editset.py output) on dev and
// held-out. ALIGN_VARS="learnScore=0.8 lexMiss=0.3" sets tuning variables first.
func TestEditedDev(t *testing.T) {
	dir := os.Getenv("ALIGN_EDITSET")
	if dir == "" {
		t.Skip("ALIGN_EDITSET not set")
	}
	vars := map[string]*float64{"learnScore": &learnScore, "learnMinDice": &learnMinDice, "lexMatch": &lexMatch, "lexMiss": &lexMiss, "orphanWeight": &orphanWeight, "orphanEn": &orphanEn}
	ints := map[string]*int{"learnMinCount": &learnMinCount, "learnPerWord": &learnPerWord}
	for _, kv := range strings.Fields(os.Getenv("ALIGN_VARS")) {
		k, v, _ := strings.Cut(kv, "=")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatal(err)
		}
		if p, ok := vars[k]; ok {
			*p = f
		} else if p, ok := ints[k]; ok {
			*p = int(f)
		} else {
			t.Fatalf("unknown %s", k)
		}
	}
	halves := []string{"dev", "held"}
	if os.Getenv("ALIGN_DEV_ONLY") != "" {
		halves = halves[:1]
	}
	if l := os.Getenv("ALIGN_LIGHT"); l != "" {
		halves = append(halves, l)
	}
	noRe := os.Getenv("ALIGN_NOREALIGN") != ""
	for _, half := range halves {
		sets := loadSets(t, filepath.Join(dir, half))
		if filepath.IsAbs(half) {
			sets = loadSets(t, half)
		}
		for _, pair := range []string{"en-ru", "en-kk"} {
			var strict, lax prf
			opt := Options{SrcLang: "en", TgtLang: pair[3:], NoRealign: noRe}
			for _, d := range sets[pair] {
				pred := Pair(sentences(d.src), sentences(d.tgt), opt)
				scoreDoc(&strict, &lax, d.gold, pred)
				if v := os.Getenv("ALIGN_EVAL_VERBOSE"); v != "" && strings.Contains(half, v) && strings.HasSuffix(pair, os.Getenv("ALIGN_EVAL_PAIR")) {
					reportErrors(t, d, pred)
				}
			}
			t.Logf("%s %s strict %v | lax %v", half, pair, strict, lax)
		}
	}
}

// TestReviewLearning simulates review: the gold beads of half the dev documents of ALIGN_EDITSET
// are "confirmed", a lexicon is learned from them as align learns one from confirmed groups, and
// the other half is aligned with and without it.
func TestReviewLearning(t *testing.T) {
	dir := os.Getenv("ALIGN_EDITSET")
	if dir == "" {
		t.Skip("ALIGN_EDITSET not set")
	}
	sets := loadSets(t, filepath.Join(dir, "dev"))
	for _, pair := range []string{"en-ru", "en-kk"} {
		l := lexicon.NewLearner("en", pair[3:])
		var test []evalDoc
		for k, d := range sets[pair] {
			if k%2 == 1 {
				test = append(test, d)
				continue
			}
			for _, b := range d.gold {
				if len(b[0]) > 0 && len(b[1]) > 0 {
					var s, g []string
					for _, i := range b[0] {
						s = append(s, d.src[i])
					}
					for _, j := range b[1] {
						g = append(g, d.tgt[j])
					}
					l.Observe(strings.Join(s, " "), strings.Join(g, " "))
				}
			}
		}
		lex := l.Lexicon(lexicon.DefaultMinCount, lexicon.DefaultMinDice, lexicon.DefaultPerWord)
		for _, v := range []struct {
			name string
			opt  Options
		}{
			{"one pass, no lexicon", Options{NoRealign: true}},
			{"second pass (own lexicon)", Options{}},
			{"confirmed half's lexicon, one pass", Options{Lexicon: lex, NoRealign: true}},
			{"confirmed half's lexicon + second pass", Options{Lexicon: lex}},
		} {
			var strict, lax prf
			opt := v.opt
			opt.SrcLang, opt.TgtLang = "en", pair[3:]
			for _, d := range test {
				scoreDoc(&strict, &lax, d.gold, Pair(sentences(d.src), sentences(d.tgt), opt))
			}
			t.Logf("%s (%d entries learned from %d pairs) %-40s strict %v | lax %v", pair, lex.Len(), l.Pairs(), v.name, strict, lax)
		}
	}
}
