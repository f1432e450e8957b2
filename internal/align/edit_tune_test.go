//go:build aligntune

package align

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
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
