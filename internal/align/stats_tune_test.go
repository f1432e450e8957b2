//go:build aligntune

package align

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDebugCosts prints, for the documents of the set directory ALIGN_DEBUG in pair
// ALIGN_EVAL_PAIR (ALIGN_DOC: only the one whose name ends so), the cost of the beads where the
// first pass and the gold differ, with their length, anchor and orphan terms, and both paths' total.
func TestDebugCosts(t *testing.T) {
	dir := os.Getenv("ALIGN_DEBUG")
	if dir == "" {
		t.Skip()
	}
	setVars(t)
	pair := os.Getenv("ALIGN_EVAL_PAIR")
	only := os.Getenv("ALIGN_DOC")
	sets := loadSets(t, dir)
	for _, d := range sets[pair] {
		if only != "" && !strings.HasSuffix(d.name, only) {
			continue
		}
		src, tgt := sentences(d.src), sentences(d.tgt)
		opt := Options{SrcLang: "en", TgtLang: pair[3:], NoRealign: true}
		pred := Pair(src, tgt, opt)
		fs, ft, _, _ := extractSides(src, tgt, opt)
		mdl := newModel(opt.SrcLang, opt.TgtLang)
		a := &aligner{m: mdl}
		w := keyWeights(fs, ft)
		a.src, a.tgt = newSide(src, fs, w), newSide(tgt, ft, w)
		a.reestimate(stepsOf(pred))
		gs := map[string]bool{}
		var gold []Bead
		for _, b := range d.gold {
			gs[fmt.Sprint(b[0], b[1])] = true
			gold = append(gold, Bead{Src: b[0], Tgt: b[1]})
		}
		ps := map[string]bool{}
		for _, b := range pred {
			ps[fmt.Sprint(b.Src, b.Tgt)] = true
		}
		show := func(tag string, beads []Bead, other map[string]bool) {
			tot := 0.0
			for k, s := range stepsOf(beads) {
				c := a.beadCost(int(s.shape), s.i, s.j)
				tot += c
				b := beads[k]
				if other[fmt.Sprint(b.Src, b.Tgt)] {
					continue
				}
				line := fmt.Sprintf("%s %v %v cost %.2f", tag, b.Src, b.Tgt, c)
				sh := shapes[s.shape]
				if sh.di > 0 && sh.dj > 0 {
					kss, kts := a.src.set(sh.di, s.i), a.tgt.set(sh.dj, s.j)
					ks, kt := &kss, &kts
					n, ww := shared(ks, kt)
					line += fmt.Sprintf(" len %.2f (%v/%v) shared %v w %.2f wsum %v/%v cnt %v/%v orph %d/%d", mdl.lengthCost(a.src.cum[s.i]-a.src.cum[s.pi], a.tgt.cum[s.j]-a.tgt.cum[s.pj]), a.src.cum[s.i]-a.src.cum[s.pi], a.tgt.cum[s.j]-a.tgt.cum[s.pj], n, ww, ks.wsum, kt.wsum, ks.count, kt.count, a.src.orphan[s.i]-a.src.orphan[s.pi], a.tgt.orphan[s.j]-a.tgt.orphan[s.pj])
				}
				t.Log(line)
			}
			t.Logf("%s %s total %.2f", tag, filepath.Base(d.name), tot)
		}
		show("PRED", pred, gs)
		show("GOLD", gold, ps)
	}
}

// TestZeroStats counts, on the set directories of ALIGN_DEVSETS, how often a translation (a gold
// 1-1 bead) and an unrelated pair of similar length (a source sentence of such a bead with another
// target sentence) share no anchor, by their length and the weight of the anchors their two sides
// hold: the figures behind unanchored (cost.go).
func TestZeroStats(t *testing.T) {
	for _, pair := range []string{"en-ru", "en-kk"} {
		type cnt struct{ t, r, tz, rz int }
		var c [3][5]cnt
		for _, dir := range strings.Fields(os.Getenv("ALIGN_DEVSETS")) {
			sets := loadSets(t, dir)
			for _, d := range sets[pair] {
				src, tgt := sentences(d.src), sentences(d.tgt)
				opt := Options{SrcLang: "en", TgtLang: pair[3:], NoRealign: true}
				fs, ft, _, _ := extractSides(src, tgt, opt)
				w := keyWeights(fs, ft)
				s, tg := newSide(src, fs, w), newSide(tgt, ft, w)
				partner := map[int]int{}
				for _, b := range d.gold {
					if len(b[0]) == 1 && len(b[1]) == 1 {
						partner[b[0][0]] = b[1][0]
					}
				}
				for i := range src {
					p, ok := partner[i]
					if !ok {
						continue
					}
					for j := range tgt {
						as, bs := s.set(1, i+1), tg.set(1, j+1)
						a, b := &as, &bs
						n, _ := shared(a, b)
						zero := n == [4]uint16{}
						var A float32
						for k := range a.wsum {
							A += a.wsum[k] + b.wsum[k]
						}
						A += float32(a.count[1] + b.count[1])
						lb := min(2, int(float64(fs[i].length+ft[j].length)/2/60))
						ab := 0
						switch {
						case A == 0:
						case A < 0.7:
							ab = 1
						case A < 1.5:
							ab = 2
						case A < 3:
							ab = 3
						default:
							ab = 4
						}
						x := &c[lb][ab]
						if p == j {
							x.t++
							if zero {
								x.tz++
							}
						} else if ratio := float64(ft[j].length) / float64(fs[i].length); ratio > 0.8 && ratio < 1.5 {
							x.r++
							if zero {
								x.rz++
							}
						}
					}
				}
			}
		}
		for lb := range c {
			for ab, x := range c[lb] {
				t.Logf("%s len %d A %d: true %4d zero %.2f | random %5d zero %.2f  LLR %.2f", pair, lb*60, ab, x.t, float64(x.tz)/float64(max(1, x.t)), x.r, float64(x.rz)/float64(max(1, x.r)), math.Log((float64(x.rz)/float64(max(1, x.r)))/(float64(x.tz+1)/float64(max(1, x.t)+1))))
			}
		}
	}
}
