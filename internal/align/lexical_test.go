package align

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// TestLexiconDecides: the translator dropped one of two source sentences, and the one left is
// nearer in length to the dropped one's expected translation, so length alone pairs the wrong one;
// the lexicon pairs the right one. (Without the seed lexicon, whose common words would decide too.)
func TestLexiconDecides(t *testing.T) {
	src := sentences([]string{
		"The mayor closed every school in the city for a whole week.",
		"The river flooded the bridge.",
	})
	tgt := sentences([]string{
		"Река затопила старый городской мост у самой набережной.",
	})
	lex, err := lexicon.Read(strings.NewReader("river\tрека\nflooded\tзатопила\nbridge\tмост\nmayor\tмэр\nschool\tшкола\nclosed\tзакрыл\n"), "en", "ru")
	if err != nil {
		t.Fatal(err)
	}
	wrong := []Bead{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{}}}
	if got := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", NoSeed: true}); !sameBeads(got, wrong) {
		t.Fatalf("without lexicon: %v; the test needs a case that length gets wrong, %v", got, wrong)
	}
	want := []Bead{{Src: []int{0}, Tgt: []int{}}, {Src: []int{1}, Tgt: []int{0}}}
	if got := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "ru", Lexicon: lex, NoSeed: true}); !sameBeads(got, want) {
		t.Errorf("with lexicon: %v, want %v", got, want)
	}
	// The lexicon works in the other direction too (ru→en with an en→ru lexicon).
	wantBack := []Bead{{Src: []int{}, Tgt: []int{0}}, {Src: []int{0}, Tgt: []int{1}}}
	if got := Pair(tgt, src, Options{SrcLang: "ru", TgtLang: "en", Lexicon: lex, NoSeed: true}); !sameBeads(got, wantBack) {
		t.Errorf("reversed: %v, want %v", got, wantBack)
	}
}

func sameBeads(a, b []Bead) bool {
	return slices.EqualFunc(a, b, func(x, y Bead) bool { return slices.Equal(x.Src, y.Src) && slices.Equal(x.Tgt, y.Tgt) })
}

// TestRunBeads: a paragraph dropped from the translation comes out as one bead per sentence, all
// with the same score, and the sentences around it stay paired.
func TestRunBeads(t *testing.T) {
	en := []string{
		"The storm reached the coast on Monday night.",
		"Officials said 3,000 homes lost power.",
		"Farmers in the north had warned about the dam for years.",
		"The dam was built in 1962 and never repaired.",
		"Engineers inspected it in 2015 and found cracks.",
		"Local groups collected 12,000 signatures for a new dam.",
		"Schools will reopen on Thursday.",
		"The next storm is expected in two weeks.",
	}
	ru := []string{
		"Шторм достиг побережья в понедельник вечером.",
		"По словам чиновников, без света остались 3000 домов.",
		"Школы откроются в четверг.",
		"Следующий шторм ожидается через две недели.",
	}
	got := Pair(sentences(en), sentences(ru), Options{SrcLang: "en", TgtLang: "ru"})
	want := []Bead{
		{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}},
		{Src: []int{2}, Tgt: []int{}}, {Src: []int{3}, Tgt: []int{}}, {Src: []int{4}, Tgt: []int{}}, {Src: []int{5}, Tgt: []int{}},
		{Src: []int{6}, Tgt: []int{2}}, {Src: []int{7}, Tgt: []int{3}},
	}
	if !sameBeads(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	for k := 3; k <= 5; k++ {
		if got[k].Score != got[2].Score {
			t.Errorf("bead %d of the run scores %v, bead 2 %v", k, got[k].Score, got[2].Score)
		}
	}
}

// TestSeedDecides: as TestLexiconDecides, in Kazakh, with no lexicon of the caller's: the seed
// lexicon's common words (government, election, announced) pair the right sentence, where length
// alone pairs the wrong one.
func TestSeedDecides(t *testing.T) {
	src := sentences([]string{
		"The police said the men were arrested near the old bridge on Sunday evening.",
		"The government announced the election.",
	})
	tgt := sentences([]string{
		"Үкімет сайлаудың нәтижелері туралы алдағы аптада жариялайтынын мәлімдеді.",
	})
	wrong := []Bead{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{}}}
	if got := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "kk", NoSeed: true}); !sameBeads(got, wrong) {
		t.Fatalf("without the seed: %v; the test needs a case that length gets wrong, %v", got, wrong)
	}
	want := []Bead{{Src: []int{0}, Tgt: []int{}}, {Src: []int{1}, Tgt: []int{0}}}
	if got := Pair(src, tgt, Options{SrcLang: "en", TgtLang: "kk"}); !sameBeads(got, want) {
		t.Errorf("with the seed: %v, want %v", got, want)
	}
	// and in the other direction, and between Russian and Kazakh
	if got := Pair(tgt, src, Options{SrcLang: "kk", TgtLang: "en"}); !sameBeads(got, []Bead{{Src: []int{}, Tgt: []int{0}}, {Src: []int{0}, Tgt: []int{1}}}) {
		t.Errorf("kk→en: %v", got)
	}
	ru := sentences([]string{
		"По словам полиции, эти мужчины были задержаны у старого моста в воскресенье вечером.",
		"Правительство объявило выборы.",
	})
	if got := Pair(ru, tgt, Options{SrcLang: "ru", TgtLang: "kk"}); !sameBeads(got, want) {
		t.Errorf("ru→kk: %v, want %v", got, want)
	}
}

// TestLexKeysMaxDF: withLexKeys leaving out the keys of senses found in more than lexMaxDF
// sentences changes neither the key weights of a document nor the sides the search reads, and it
// does leave some out (a long document repeats the seed lexicon's common words).
func TestLexKeysMaxDF(t *testing.T) {
	src, tgt, _ := benchBitext(t, 3000)
	opt := Options{SrcLang: "en", TgtLang: "ru"}
	lex := withSeed(opt)
	fs, ft, vs, vt := extractSides(src, tgt, opt)
	allS, allT := withLexKeys(fs, ft, vs, vt, "en", "ru", lex, 0)
	ks, kt := withLexKeys(fs, ft, vs, vt, "en", "ru", lex, lexMaxDF)
	count := func(keys [][]uint32) (n int) {
		for _, k := range keys {
			n += len(k)
		}
		return n
	}
	if a, b := count(allS)+count(allT), count(ks)+count(kt); b >= a {
		t.Fatalf("%d keys with the bound, %d without: none left out", b, a)
	}
	w := keyWeightsOf(ks, kt)
	if want := keyWeightsOf(allS, allT); !maps.Equal(w, want) {
		t.Fatalf("key weights differ: %d with the bound, %d without", len(w), len(want))
	}
	wt := newWeightTable(w)
	for _, c := range []struct {
		ss         []Sentence
		fs         []features
		all, bound [][]uint32
	}{{src, fs, allS, ks}, {tgt, ft, allT, kt}} {
		for _, target := range []bool{false, true} {
			if got, want := newSideKeys(c.ss, c.fs, c.bound, wt, target), newSideKeys(c.ss, c.fs, c.all, wt, target); !reflect.DeepEqual(got, want) {
				t.Fatalf("target %v: the sides differ", target)
			}
		}
	}
}

// TestDocWeights: the weight table the search reads holds exactly the keys of keyWeightsOf, each
// with its weight, a lexical key's multiplied by its sense's weight in the lexicon.
func TestDocWeights(t *testing.T) {
	src := sentences([]string{"The police arrested two men in Almaty.", "The men were released.", "Police said 3 men fled.", "It rained."})
	tgt := sentences([]string{"Полиция задержала двух мужчин в Алматы.", "Мужчин отпустили.", "Полиция сообщила, что 3 мужчин сбежали.", "Шёл дождь."})
	lex := lexicon.New("en", "ru")
	lex.Add("police", "полиция", 0.5)
	lex.Add("men", "мужчин", 2)
	lex.Add("rained", "дождь", 1)
	opt := Options{SrcLang: "en", TgtLang: "ru", Lexicon: lex}
	fs, ft, vs, vt := extractSides(src, tgt, opt)
	ks, kt := withLexKeys(fs, ft, vs, vt, "en", "ru", lex, lexMaxDF)
	want := keyWeightsOf(ks, kt)
	for _, l := range []*lexicon.Lexicon{nil, lex} {
		wt := docWeights(ks, kt, l)
		lexical, held := 0, 0
		for _, sl := range wt.slots {
			if sl.full {
				held++
			}
		}
		if held != len(want) {
			t.Fatalf("lexicon %v: %d keys, want %d", l != nil, held, len(want))
		}
		for k, w := range want {
			if l != nil && k&kindMask == kindLex {
				w *= float32(l.KeyWeight(int32(k &^ kindMask)))
				lexical++
			}
			if got, ok := wt.get(k); !ok || got != w {
				t.Fatalf("lexicon %v: key %#x weighs %v (%v), want %v", l != nil, k, got, ok, w)
			}
		}
		if l != nil && lexical != 3 {
			t.Fatalf("%d lexical keys to scale, want 3", lexical)
		}
	}
}
