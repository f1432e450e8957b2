//go:build aligntune

package align

import (
	"fmt"
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
	setVars(t)
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

// TestDevSets scores every set directory of ALIGN_DEVSETS (each with en-ru and en-kk, as
// bench/editset.py's OUT/dev or perturb.py's OUT), with ALIGN_VARS as TestEditedDev, and prints the
// errors (missed plus wrong beads) of each and their total: the sum to compare variants on.
func TestDevSets(t *testing.T) {
	dirs := strings.Fields(os.Getenv("ALIGN_DEVSETS"))
	if len(dirs) == 0 {
		t.Skip("ALIGN_DEVSETS not set")
	}
	setVars(t)
	total := 0
	for _, dir := range dirs {
		sets := loadSets(t, dir)
		for _, pair := range []string{"en-ru", "en-kk"} {
			var strict, lax prf
			opt := Options{SrcLang: "en", TgtLang: pair[3:], NoRealign: os.Getenv("ALIGN_NOREALIGN") != "", Lexicon: tuneLexicon(t, pair)}
			for _, d := range sets[pair] {
				pred := Pair(sentences(d.src), sentences(d.tgt), opt)
				scoreDoc(&strict, &lax, d.gold, pred)
				if v := os.Getenv("ALIGN_EVAL_VERBOSE"); v != "" && strings.Contains(dir, v) && strings.HasSuffix(pair, os.Getenv("ALIGN_EVAL_PAIR")) {
					reportErrors(t, d, pred)
				}
			}
			errs := strict.gold + strict.pred - 2*strict.tp
			total += errs
			t.Logf("%-24s %s strict %v errors %d (tp %d gold %d pred %d)", dir, pair, strict, errs, strict.tp, strict.gold, strict.pred)
		}
	}
	t.Logf("TOTAL errors %d", total)
}

// tuneLexicon reads the lexicon file ALIGN_LEX_EN_KK (or ALIGN_LEX_EN_RU, by pair), nil if unset.
func tuneLexicon(t *testing.T, pair string) *lexicon.Lexicon {
	path := os.Getenv("ALIGN_LEX_" + strings.ToUpper(strings.ReplaceAll(pair, "-", "_")))
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := lexicon.Read(f, pair[:2], pair[3:])
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// setVars sets the tuning variables ALIGN_VARS names ("learnScore=0.8 lexMiss=0.3").
func setVars(t *testing.T) {
	vars := map[string]*float64{"learnScore": &learnScore, "learnMinDice": &learnMinDice, "lexMatch": &lexMatch, "lexMiss": &lexMiss, "noAnchor": &noAnchor, "seedWeight": &seedWeight, "noAnchorFull": &noAnchorFull, "unpairedPair": &unpairedPair, "unpairedAlone": &unpairedAlone, "orphanWeight": &orphanWeight, "openOne": &openOne, "openMulti": &openMulti, "orphanEn": &orphanEn, "realignBelow": &realignBelow, "realignSlack": &realignSlack, "marginBelow": &marginBelow, "marginMin": &marginMin, "meaOn": &meaOn, "meaGamma": &meaGamma, "meaScore": &meaScore, "meaTemp": &meaTemp, "meaBelow": &meaBelow}
	ints := map[string]*int{"learnMinCount": &learnMinCount, "learnPerWord": &learnPerWord, "realignPad": &realignPad}
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
		minCount, minDice, perWord, scale := lexicon.DefaultMinCount, lexicon.DefaultMinDice, lexicon.DefaultPerWord, 1.0
		if v := os.Getenv("ALIGN_REVIEW"); v != "" { // "MINCOUNT MINDICE PERWORD SCALE"
			if _, err := fmt.Sscan(v, &minCount, &minDice, &perWord, &scale); err != nil {
				t.Fatal(err)
			}
		}
		lex := l.Lexicon(minCount, minDice, perWord)
		if scale != 1 {
			scaled := lexicon.New(lex.SrcLang, lex.TgtLang)
			for _, e := range lex.Entries() {
				scaled.Add(e.Src, e.Tgt, e.Weight*scale)
			}
			lex = scaled
		}
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

// TestRealignSegments lists, for every stretch where the second pass changed the first's beads,
// the lowest and mean scores of both versions and which one is right (ALIGN_SEGSETS: set dirs).
func TestRealignSegments(t *testing.T) {
	for _, dir := range strings.Fields(os.Getenv("ALIGN_SEGSETS")) {
		sets := loadSets(t, dir)
		for _, pair := range []string{"en-ru", "en-kk"} {
			for _, d := range sets[pair] {
				gs := map[string]bool{}
				for _, b := range d.gold {
					gs[fmt.Sprint(b[0], b[1])] = true
				}
				opt := Options{SrcLang: "en", TgtLang: pair[3:], NoRealign: true}
				first := Pair(sentences(d.src), sentences(d.tgt), opt)
				old := realignBelow
				realignBelow = 2
				opt.NoRealign = false
				second := Pair(sentences(d.src), sentences(d.tgt), opt)
				realignBelow = old
				s1, s2 := stepsOf(first), stepsOf(second)
				k1, k2 := 0, 0
				for k1 < len(s1) {
					a1, a2 := k1, k2
					var c1, c2 [2]int
					take := func(s []step, k *int, c *[2]int) { *c = [2]int{s[*k].i, s[*k].j}; *k++ }
					take(s1, &k1, &c1)
					take(s2, &k2, &c2)
					for c1 != c2 {
						if c1[0]+c1[1] <= c2[0]+c2[1] {
							take(s1, &k1, &c1)
						} else {
							take(s2, &k2, &c2)
						}
					}
					if k1-a1 == 1 && k2-a2 == 1 {
						continue
					}
					st := func(bs []Bead) (mn, mean float64, right int) {
						mn = 1
						for _, b := range bs {
							mn = min(mn, b.Score)
							mean += b.Score / float64(len(bs))
							if gs[fmt.Sprint(b.Src, b.Tgt)] {
								right++
							}
						}
						return
					}
					m1, e1, r1 := st(first[a1:k1])
					m2, e2, r2 := st(second[a2:k2])
					t.Logf("SEG %s %s %s first min %.2f mean %.2f right %d/%d | second min %.2f mean %.2f right %d/%d", filepath.Base(dir), pair, filepath.Base(d.name), m1, e1, r1, k1-a1, m2, e2, r2, k2-a2)
				}
			}
		}
	}
}
