package align

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkBeads reports the first way beads fail to be an alignment of n source and m target
// sentences: every sentence in exactly one bead, both sides in order, non-nil sides, scores in
// [0, 1], no empty bead.
func checkBeads(beads []Bead, n, m int) error {
	i, j := 0, 0
	for k, b := range beads {
		if b.Src == nil || b.Tgt == nil {
			return fmt.Errorf("bead %d has a nil side: %+v", k, b)
		}
		if len(b.Src) == 0 && len(b.Tgt) == 0 {
			return fmt.Errorf("bead %d is empty", k)
		}
		for _, x := range b.Src {
			if x != i {
				return fmt.Errorf("bead %d: source %d, want %d", k, x, i)
			}
			i++
		}
		for _, x := range b.Tgt {
			if x != j {
				return fmt.Errorf("bead %d: target %d, want %d", k, x, j)
			}
			j++
		}
		if !(b.Score >= 0 && b.Score <= 1) {
			return fmt.Errorf("bead %d: score %v outside [0, 1]", k, b.Score)
		}
	}
	if i != n || j != m {
		return fmt.Errorf("beads cover %d source and %d target sentences, want %d and %d", i, j, n, m)
	}
	return nil
}

// checkGroups is checkBeads for three-way groups.
func checkGroups(groups []Group, n [3]int) error {
	var next [3]int
	for k, g := range groups {
		sides := [3][]int{g.En, g.Ru, g.Kk}
		empty := true
		for s, idx := range sides {
			if idx == nil {
				return fmt.Errorf("group %d: side %d is nil", k, s)
			}
			for _, x := range idx {
				if x != next[s] {
					return fmt.Errorf("group %d: side %d has %d, want %d", k, s, x, next[s])
				}
				next[s]++
				empty = false
			}
		}
		if empty {
			return fmt.Errorf("group %d is empty", k)
		}
		if !(g.Score >= 0 && g.Score <= 1) {
			return fmt.Errorf("group %d: score %v", k, g.Score)
		}
	}
	if next != n {
		return fmt.Errorf("groups cover %v sentences, want %v", next, n)
	}
	return nil
}

// randomDoc makes n sentences of random words, numbers and punctuation in an alphabet, with
// random paragraphs when paras is set.
func randomDoc(rng *rand.Rand, n int, alphabet string, paras bool) []Sentence {
	letters := []rune(alphabet)
	out := make([]Sentence, n)
	para := 0
	for i := range out {
		var words []string
		for range rng.IntN(25) {
			switch rng.IntN(10) {
			case 0:
				words = append(words, fmt.Sprint(rng.IntN(5000)))
			case 1:
				words = append(words, []string{"?", "!", "«", "»", "(", ")", ":", "\"", "'"}[rng.IntN(9)])
			default:
				w := make([]rune, 1+rng.IntN(10))
				for k := range w {
					w[k] = letters[rng.IntN(len(letters))]
				}
				words = append(words, string(w))
			}
		}
		if paras && rng.IntN(4) == 0 {
			para++
		}
		out[i] = Sentence{Text: strings.Join(words, " "), Para: para}
	}
	return out
}

// trialsFlag sets the number of trials of the random property tests: their
// default keeps go test ./... quick; a soak run asks for thousands.
var trialsFlag = flag.Int("align.trials", 0, "trials of each random property test (0: its default; -short: a fifth)")

// trials is the number of trials of a random property test whose default is def.
func trials(def int) int {
	switch {
	case *trialsFlag > 0:
		return *trialsFlag
	case testing.Short():
		return max(def/5, 1)
	}
	return def
}

func TestPairProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range trials(120) {
		n, m := rng.IntN(70), rng.IntN(70)
		if trial%40 == 0 { // a few long ones, past the size searched as a whole table
			n, m = 300+rng.IntN(200), 300+rng.IntN(200)
		}
		paras := rng.IntN(2) == 0
		src := randomDoc(rng, n, "abcdefghijklmnopqrstuvwxyzABCDEF", paras)
		tgt := randomDoc(rng, m, "абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВ", paras)
		for _, opt := range []Options{{SrcLang: "en", TgtLang: "ru"}, {SrcLang: "en", TgtLang: "kk", Band: 1}} {
			if err := checkBeads(Pair(src, tgt, opt), n, m); err != nil {
				t.Fatalf("trial %d (%d×%d, %+v): %v", trial, n, m, opt, err)
			}
		}
	}
}

func TestThreeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 3))
	for trial := range trials(60) {
		n := [3]int{rng.IntN(40), rng.IntN(40), rng.IntN(40)}
		en := randomDoc(rng, n[0], "abcdefghij", false)
		ru := randomDoc(rng, n[1], "абвгдежзий", false)
		kk := randomDoc(rng, n[2], "әғқңөұүһіа", false)
		if err := checkGroups(Three(en, ru, kk, ThreeOptions{}), n); err != nil {
			t.Fatalf("trial %d %v: %v", trial, n, err)
		}
	}
}

// TestPairParallelIdentity aligns a real-looking document with a copy of itself: every bead must
// be 1-1 and confident.
func TestPairParallelIdentity(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	doc := randomDoc(rng, 400, "abcdefghijklmnopqrstuvwxyz", false)
	for k := range doc {
		doc[k].Text += fmt.Sprintf(" %d", k) // something unique, as real sentences have
	}
	beads := Pair(doc, doc, Options{SrcLang: "en", TgtLang: "en"})
	for k, b := range beads {
		if len(b.Src) != 1 || len(b.Tgt) != 1 || b.Src[0] != b.Tgt[0] {
			t.Fatalf("bead %d = %v|%v, want a 1-1 bead of sentence %d", k, b.Src, b.Tgt, k)
		}
		if b.Score < 0.9 {
			t.Errorf("bead %d scored %.2f, want ≥ 0.9", k, b.Score)
		}
	}
}

// FuzzPair checks that Pair accepts any text, in any language setting, and returns an alignment.
// Each input is split into sentences at newlines; a form feed starts a new paragraph.
func FuzzPair(f *testing.F) {
	f.Add("One. Two.\nThree 3,5 «x»?", "Один.\nДва 3.5\fТри!", uint8(0))
	f.Add("", "Бір.\nЕкі.", uint8(1))
	f.Add("A\n\n\nB", "", uint8(2))
	f.Add("Tokayev met Putin on 9.9.2019.\nMay 5 2024", "Тоқаевтың 09.09.2019\x00\xff", uint8(3))
	langs := [][2]string{{"en", "ru"}, {"en", "kk"}, {"ru", "kk"}, {"xx", "yy"}}
	f.Fuzz(func(t *testing.T, a, b string, sel uint8) {
		split := func(s string) []Sentence {
			if s == "" {
				return nil
			}
			var out []Sentence
			for p, para := range strings.Split(s, "\f") {
				for _, l := range strings.Split(para, "\n") {
					out = append(out, Sentence{Text: l, Para: p})
				}
			}
			return out
		}
		src, tgt := split(a), split(b)
		l := langs[int(sel)%len(langs)]
		beads := Pair(src, tgt, Options{SrcLang: l[0], TgtLang: l[1], Band: int(sel % 5)})
		if err := checkBeads(beads, len(src), len(tgt)); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(a) && utf8.ValidString(b) && len(src) > 0 && len(tgt) > 0 && sel%7 == 0 {
			g := Three(src, tgt, tgt, ThreeOptions{})
			if err := checkGroups(g, [3]int{len(src), len(tgt), len(tgt)}); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// largeFlag adds the large cases of TestPairSkewed.
var largeFlag = flag.Bool("align.large", false, "TestPairSkewed also aligns 300×30,000 sentences (2 s)")

// TestPairSkewed aligns documents of very different lengths, where the band must follow a
// steep or flat path. The band that lost its end when m ≫ n (fixed in 8a51e06) was found at
// 300×30,000; 50×5000 and 30×3000 fail the same way without the fix, so the 300×30,000 case,
// three quarters of the test's time, runs only with -align.large.
func TestPairSkewed(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	cases := [][2]int{{50, 5000}, {5000, 50}, {1, 3000}, {3000, 1}, {2, 2}, {30, 3000}}
	if *largeFlag {
		cases = append(cases, [2]int{300, 30000})
	}
	for _, nm := range cases {
		src := randomDoc(rng, nm[0], "abcdefghij", false)
		tgt := randomDoc(rng, nm[1], "абвгдежзий", false)
		if err := checkBeads(Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru"}), nm[0], nm[1]); err != nil {
			t.Errorf("%d×%d: %v", nm[0], nm[1], err)
		}
	}
}
