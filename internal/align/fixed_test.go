package align

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomFixed returns fixed beads over n source and m target sentences, in order: some with both
// sides, some with an empty source or target side, now and then a long one.
func randomFixed(rng *rand.Rand, n, m int) []Fixed {
	var out []Fixed
	i, j := 0, 0
	for {
		i += rng.IntN(6)
		j += rng.IntN(6)
		size := func() int {
			if rng.IntN(8) == 0 {
				return 4 + rng.IntN(12)
			}
			return 1 + rng.IntN(3)
		}
		var ds, dt int
		switch rng.IntN(3) {
		case 0:
			ds = size()
		case 1:
			dt = size()
		default:
			ds, dt = size(), size()
		}
		if i+ds > n || j+dt > m {
			return out
		}
		out = append(out, Fixed{Src: span(i, i+ds), Tgt: span(j, j+dt)})
		i += ds
		j += dt
	}
}

// checkFixed reports the first fixed bead that beads do not hold as one bead, in order.
func checkFixed(beads []Bead, fixed []Fixed) error {
	t := 0
	for _, b := range beads {
		if t < len(fixed) && slices.Equal(b.Src, fixed[t].Src) && slices.Equal(b.Tgt, fixed[t].Tgt) {
			if b.Score != 1 {
				return fmt.Errorf("fixed bead %d scored %v", t, b.Score)
			}
			t++
		}
	}
	if t < len(fixed) {
		return fmt.Errorf("fixed bead %d (%v|%v) is missing or out of order", t, fixed[t].Src, fixed[t].Tgt)
	}
	return nil
}

func TestPairFixedProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	for trial := range trials(150) {
		n, m := rng.IntN(60), rng.IntN(60)
		if trial%40 == 0 { // past the size searched as a whole table: the beam and the bands
			n, m = 400+rng.IntN(300), 400+rng.IntN(300)
		}
		paras := rng.IntN(2) == 0
		src := randomDoc(rng, n, "abcdefghijklmnopqrstuvwxyz", paras)
		tgt := randomDoc(rng, m, "абвгдежзийклмнопрстуфхцчшщъыьэюя", paras)
		fixed := randomFixed(rng, n, m)
		for _, opt := range []Options{{SrcLang: "en", TgtLang: "ru"}, {SrcLang: "en", TgtLang: "kk", Band: 1}} {
			opt.Fixed = fixed
			beads := Pair(src, tgt, opt)
			if err := checkBeads(beads, n, m); err != nil {
				t.Fatalf("trial %d (%d×%d, band %d, fixed %v): %v", trial, n, m, opt.Band, fixed, err)
			}
			if err := checkFixed(beads, fixed); err != nil {
				t.Fatalf("trial %d (%d×%d, band %d, fixed %v): %v", trial, n, m, opt.Band, fixed, err)
			}
		}
	}
}

// numbered makes n sentences that a translation would keep recognisable: random words around a
// number of their own.
func numbered(rng *rand.Rand, n int, alphabet string) []Sentence {
	doc := randomDoc(rng, n, alphabet, false)
	for k := range doc {
		doc[k].Text = fmt.Sprintf("%s %d %s", doc[k].Text, 1000+37*k, doc[k].Text)
	}
	return doc
}

func without(doc []Sentence, drop ...int) []Sentence {
	var out []Sentence
	for k, s := range doc {
		if !slices.Contains(drop, k) {
			out = append(out, s)
		}
	}
	return out
}

// TestPairFixedOmission: a translation leaves out sentences, and a person confirmed those
// omissions. Whatever the band, every other sentence stays with its translation: the fixed bead's
// empty side sits where the omission is, not at the start or end of the stretch.
func TestPairFixedOmission(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 8))
	for _, n := range []int{12, 150, 900} {
		src := numbered(rng, n, "abcdefghijklmnopqrstuvwxyz")
		drop := []int{n / 5, n/5 + 1, n / 2, n - 1}
		tgt := without(src, drop...)
		var fixed []Fixed
		for k, d := range drop {
			if k == 1 { // one confirmed group holds two omitted sentences
				fixed[0].Src = append(fixed[0].Src, d)
				continue
			}
			fixed = append(fixed, Fixed{Src: []int{d}, Tgt: []int{}})
		}
		for _, band := range []int{0, 1} {
			beads := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "en", Band: band, Fixed: fixed})
			if err := checkFixed(beads, fixed); err != nil {
				t.Fatalf("n %d band %d: %v", n, band, err)
			}
			j := 0
			for _, b := range beads {
				if len(b.Tgt) == 0 {
					continue
				}
				if len(b.Src) != 1 || len(b.Tgt) != 1 || src[b.Src[0]].Text != tgt[b.Tgt[0]].Text {
					t.Fatalf("n %d band %d: bead %v|%v, want sentence %d with its copy", n, band, b.Src, b.Tgt, j)
				}
				j++
			}
		}
		// The same omissions seen from the translation's side: sentences the source lacks.
		beads := Pair(tgt, src, Options{SrcLang: "en", TgtLang: "en", Fixed: swap(fixed)})
		if err := checkFixed(beads, swap(fixed)); err != nil {
			t.Fatalf("n %d swapped: %v", n, err)
		}
		for _, b := range beads {
			if len(b.Src) == 1 && (len(b.Tgt) != 1 || tgt[b.Src[0]].Text != src[b.Tgt[0]].Text) {
				t.Fatalf("n %d swapped: bead %v|%v", n, b.Src, b.Tgt)
			}
		}
	}
}

func swap(fixed []Fixed) []Fixed {
	out := make([]Fixed, len(fixed))
	for k, f := range fixed {
		out[k] = Fixed{Src: f.Tgt, Tgt: f.Src}
	}
	return out
}

func TestPairFixedRefusesDisorder(t *testing.T) {
	src := randomDoc(rand.New(rand.NewPCG(1, 2)), 5, "abc", false)
	for _, fixed := range [][]Fixed{
		{{Src: []int{3}, Tgt: []int{}}, {Src: []int{1}, Tgt: []int{}}},
		{{Src: []int{1, 3}, Tgt: []int{}}},
		{{Src: []int{}, Tgt: []int{}}},
		{{Src: []int{7}, Tgt: []int{}}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("fixed %v accepted", fixed)
				}
			}()
			Pair(src, src, Options{Fixed: fixed})
		}()
	}
}

// randomFixedGroups returns fixed groups over n sentences of each language, in order, each with
// one, two or three languages.
func randomFixedGroups(rng *rand.Rand, n [3]int) []Group {
	var out []Group
	var at [3]int
	for {
		var g [3][]int
		for s := range at {
			at[s] += rng.IntN(5)
		}
		langs := 1 + rng.IntN(7) // a non-empty subset of the three languages
		for s := range at {
			if langs&(1<<s) != 0 {
				d := 1 + rng.IntN(2)
				if at[s]+d > n[s] {
					return out
				}
				g[s] = span(at[s], at[s]+d)
				at[s] += d
			} else {
				g[s] = []int{}
			}
		}
		out = append(out, Group{En: g[0], Ru: g[1], Kk: g[2]})
	}
}

// checkFixedGroups reports the first fixed group that groups do not hold, in order.
func checkFixedGroups(groups, fixed []Group) error {
	t := 0
	for _, g := range groups {
		if t < len(fixed) && slices.Equal(g.En, fixed[t].En) && slices.Equal(g.Ru, fixed[t].Ru) && slices.Equal(g.Kk, fixed[t].Kk) {
			if g.Score != 1 || g.Flagged {
				return fmt.Errorf("fixed group %d came out with score %v, flagged %v", t, g.Score, g.Flagged)
			}
			t++
		}
	}
	if t < len(fixed) {
		return fmt.Errorf("fixed group %d (%v|%v|%v) is missing or out of order", t, fixed[t].En, fixed[t].Ru, fixed[t].Kk)
	}
	return nil
}

func TestThreeFixedProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 5))
	for trial := range trials(120) {
		n := [3]int{rng.IntN(40), rng.IntN(40), rng.IntN(40)}
		if trial%60 == 0 {
			n = [3]int{300 + rng.IntN(100), 300 + rng.IntN(100), 300 + rng.IntN(100)}
		}
		en := randomDoc(rng, n[0], "abcdefghij", false)
		ru := randomDoc(rng, n[1], "абвгдежзий", false)
		kk := randomDoc(rng, n[2], "әғқңөұүһіа", false)
		fixed := randomFixedGroups(rng, n)
		groups := Three(en, ru, kk, ThreeOptions{Fixed: fixed})
		if err := checkGroups(groups, n); err != nil {
			t.Fatalf("trial %d %v, fixed %v: %v", trial, n, fixed, err)
		}
		if err := checkFixedGroups(groups, fixed); err != nil {
			t.Fatalf("trial %d %v, fixed %v: %v", trial, n, fixed, err)
		}
	}
}

// TestThreeFixedOmissions: the Kazakh translation leaves out English sentence 3, the Russian
// leaves out 7, and both add a sentence of their own after English 10; a person confirmed each of
// these groups. Everything else stays 1-1-1 with its translations.
func TestThreeFixedOmissions(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	const n = 16
	en := numbered(rng, n, "abcdefghijklmnopqrstuvwxyz")
	extra := numbered(rng, n+1, "xyz")[n]
	ru := slices.Insert(without(en, 7), 10, extra)     // ru 10 is the extra sentence
	kk := slices.Insert(without(en, 3), 10, extra)     // kk 10 likewise
	onlyRu := slices.Insert(without(en, 7), 10, extra) // and a variant with Russian only
	for _, tc := range []struct {
		name   string
		ru, kk []Sentence
		fixed  []Group
	}{
		{"both", ru, kk, []Group{
			{En: []int{3}, Ru: []int{3}, Kk: []int{}},
			{En: []int{7}, Ru: []int{}, Kk: []int{6}},
			{En: []int{}, Ru: []int{10}, Kk: []int{10}},
		}},
		{"russian only", onlyRu, without(en, 3), []Group{
			{En: []int{3}, Ru: []int{3}, Kk: []int{}},
			{En: []int{}, Ru: []int{10}, Kk: []int{}},
		}},
		{"kazakh only", without(en, 7), kk, []Group{
			{En: []int{}, Ru: []int{}, Kk: []int{10}},
		}},
	} {
		groups := Three(en, tc.ru, tc.kk, ThreeOptions{Fixed: tc.fixed})
		if err := checkGroups(groups, [3]int{len(en), len(tc.ru), len(tc.kk)}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := checkFixedGroups(groups, tc.fixed); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		// Every group that holds an English sentence holds its translations and nothing else.
		for _, g := range groups {
			if len(g.En) == 0 {
				continue
			}
			want := en[g.En[0]].Text
			for _, side := range []struct {
				idx []int
				doc []Sentence
			}{{g.Ru, tc.ru}, {g.Kk, tc.kk}} {
				if len(g.En) != 1 || len(side.idx) > 1 || len(side.idx) == 1 && side.doc[side.idx[0]].Text != want {
					t.Fatalf("%s: group %s", tc.name, groupString(g))
				}
			}
		}
	}
}
