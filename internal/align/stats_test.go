package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestKeyStats(t *testing.T) {
	if os.Getenv("ALIGN_TUNE") == "" {
		t.Skip()
	}
	dir := filepath.Join(sharedDir, "corpora", "ntrex-dev")
	en := readLines(t, filepath.Join(dir, "en.txt"))
	for _, lang := range []string{"ru", "kk"} {
		tg := readLines(t, filepath.Join(dir, lang+".txt"))
		n := len(en) - 1
		var fs, ft []features
		for i := 0; i < n; i++ {
			fs = append(fs, extract("en", Sentence{Text: en[i]}, nil))
			ft = append(ft, extract(lang, Sentence{Text: tg[i]}, nil))
		}
		for _, off := range []int{0, 1, 2, 5} {
			var tot [3]int
			var any, zero int
			for i := 0; i+off < n; i++ {
				s, _ := shared(&keySet{keys: fs[i].keys, weight: make([]float32, len(fs[i].keys))}, &keySet{keys: ft[i+off].keys})
				for k := range s {
					tot[k] += int(s[k])
				}
				if s[0] > 0 {
					any++
				}
				if s[0]+s[1] == 0 {
					zero++
				}
			}
			t.Logf("%s off %d: words %.2f nums %.2f  pairs with word match %.2f, with no match %.2f", lang, off,
				float64(tot[0])/float64(n), float64(tot[1])/float64(n), float64(any)/float64(n), float64(zero)/float64(n))
		}
		if lang == "ru" {
			// show words that match at offset 1 (accidental)
			var b strings.Builder
			for i := 0; i+1 < n && i < 300; i++ {
				s, _ := shared(&keySet{keys: fs[i].keys, weight: make([]float32, len(fs[i].keys))}, &keySet{keys: ft[i+1].keys})
				if s[0] > 0 {
					b.WriteString(en[i][:min(60, len(en[i]))] + " || " + tg[i+1][:min(100, len(tg[i+1]))] + "\n")
				}
			}
			t.Log(b.String())
		}
	}
}

func TestShapeErrors(t *testing.T) {
	if os.Getenv("ALIGN_TUNE") == "" {
		t.Skip()
	}
	sets := perturbedSets(t)
	for _, pair := range []string{"en-ru", "en-kk"} {
		missed := map[string]int{}
		wrong := map[string]int{}
		total := map[string]int{}
		for _, d := range sets[pair] {
			pred := Pair(sentences(d.src), sentences(d.tgt), Options{SrcLang: "en", TgtLang: pair[3:]})
			gs := map[string]bool{}
			for _, b := range d.gold {
				gs[fmt.Sprint(b[0], b[1])] = true
			}
			ps := map[string]bool{}
			for _, b := range pred {
				ps[fmt.Sprint(b.Src, b.Tgt)] = true
				if !gs[fmt.Sprint(b.Src, b.Tgt)] {
					wrong[fmt.Sprintf("%d-%d", len(b.Src), len(b.Tgt))]++
				}
			}
			for _, b := range d.gold {
				total[fmt.Sprintf("%d-%d", len(b[0]), len(b[1]))]++
				if !ps[fmt.Sprint(b[0], b[1])] {
					missed[fmt.Sprintf("%d-%d", len(b[0]), len(b[1]))]++
				}
			}
		}
		t.Logf("%s gold total %v\n missed %v\n wrong %v", pair, total, missed, wrong)
	}
}

func TestNameRecall(t *testing.T) {
	if os.Getenv("ALIGN_TUNE") == "" {
		t.Skip()
	}
	dir := filepath.Join(sharedDir, "corpora", "ntrex-dev")
	en := readLines(t, filepath.Join(dir, "en.txt"))
	for _, lang := range []string{"ru", "kk"} {
		tg := readLines(t, filepath.Join(dir, lang+".txt"))
		hit, miss := 0, 0
		var missed []string
		for i := range en {
			ft := extract(lang, Sentence{Text: tg[i]}, nil)
			have := map[uint32]bool{}
			for _, k := range ft.keys {
				have[k] = true
			}
			for w, word := range strings.FieldsFunc(en[i], func(r rune) bool { return !unicode.IsLetter(r) }) {
				if w == 0 || !isUpperInitial(word) || isStopword("en", strings.ToLower(word)) || calendarKey("en", strings.ToLower(word)) != "" {
					continue
				}
				found := false
				var sk []byte
				englishVariants(word, nil, func(b []byte) {
					if len(b) >= minSkeleton && have[hashKey(kindWord, string(b))] {
						found = true
					}
					if sk == nil {
						sk = append([]byte(nil), b...)
					}
				})
				if len(sk) < minSkeleton {
					continue
				}
				if found {
					hit++
				} else {
					miss++
					missed = append(missed, word+"/"+string(sk))
				}
			}
		}
		t.Logf("%s names: %d hit, %d miss\n%s", lang, hit, miss, strings.Join(missed, " "))
	}
}
