package align

import (
	"fmt"
	"math"
	"testing"
)

// TestDropAtParagraphEnd: the translation dropped the last sentence of a paragraph, so its
// sentence before ends the paragraph there, and the English one after it. The sentence alone
// matches the translation's paragraph boundary; the search must not shift the translation's
// sentence onto the dropped one (whose length fits nearly as well) to make the bead ends meet.
func TestDropAtParagraphEnd(t *testing.T) {
	en := []Sentence{
		{Text: "The council met on Monday morning.", Para: 0},
		{Text: "Members argued about the budget for hours.", Para: 0},
		{Text: "The mayor left before the vote was taken.", Para: 0},
		{Text: "His deputy then read out a short statement.", Para: 0},
		{Text: "The meeting resumed on Tuesday.", Para: 1},
		{Text: "A vote is expected within the week.", Para: 1},
	}
	ru := []Sentence{
		{Text: "Совет собрался в понедельник утром.", Para: 0},
		{Text: "Депутаты часами спорили о бюджете.", Para: 0},
		{Text: "Мэр ушёл до начала голосования.", Para: 0},
		{Text: "Заседание возобновилось во вторник.", Para: 1},
		{Text: "Голосование ожидается на этой неделе.", Para: 1},
	}
	got := Pair(en, ru, Options{SrcLang: "en", TgtLang: "ru", NoRealign: true, NoSeed: true})
	want := "[0]-[0] [1]-[1] [2]-[2] [3]-[] [4]-[3] [5]-[4]"
	if s := beadString(got); s != want {
		t.Errorf("beads %s, want %s", s, want)
	}
	// the same at the start of a paragraph: the first sentence of the second paragraph dropped
	ru2 := []Sentence{ru[0], ru[1], ru[2], {Text: "Его заместитель затем зачитал короткое заявление.", Para: 0}, ru[4]}
	ru2[4].Para = 1
	got = Pair(en, ru2, Options{SrcLang: "en", TgtLang: "ru", NoRealign: true, NoSeed: true})
	want = "[0]-[0] [1]-[1] [2]-[2] [3]-[3] [4]-[] [5]-[4]"
	if s := beadString(got); s != want {
		t.Errorf("beads %s, want %s", s, want)
	}
}

func beadString(bs []Bead) string {
	s := ""
	for k, b := range bs {
		if k > 0 {
			s += " "
		}
		s += fmt.Sprintf("%v-%v", b.Src, b.Tgt)
	}
	return s
}

// TestWholeParagraphRun: a run of sentences alone that is a whole paragraph of its side (a
// paragraph a desk added, or one the translation left out) costs paraRun less than the same run
// cut out of a paragraph, on either side; single sentences alone get nothing.
func TestWholeParagraphRun(t *testing.T) {
	run2 := -1 // the shape of a run of two target sentences, and of two source ones
	src2 := -1
	for k, sh := range shapes {
		if sh.di == 0 && sh.dj == 2 {
			run2 = k
		}
		if sh.di == 2 && sh.dj == 0 {
			src2 = k
		}
	}
	// target paragraphs 0 | 1 1 | 2: the run over target 1..2 is the whole paragraph 1; source
	// 0 | 1 | 2 2 keeps every source position a boundary or not alike in both documents.
	a := paraAligner(paraSentences(0, 1, 2, 2), paraSentences(0, 1, 1, 2))
	b := paraAligner(paraSentences(0, 1, 2, 2), paraSentences(0, 1, 1, 1)) // the run is part of a longer paragraph
	whole, cut := a.beadCost(run2, 2, 3), b.beadCost(run2, 2, 3)
	if d := cut - whole; d < 1e-6 || math.Abs(d-a.m.paraRun) > 1e-9 {
		t.Errorf("target run that is a whole paragraph: %.2f cheaper than a cut one, want %.2f", d, a.m.paraRun)
	}
	a = paraAligner(paraSentences(0, 1, 1, 2), paraSentences(0, 1, 2, 2))
	b = paraAligner(paraSentences(0, 1, 1, 1), paraSentences(0, 1, 2, 2))
	whole, cut = a.beadCost(src2, 3, 2), b.beadCost(src2, 3, 2)
	if d := cut - whole; d < 1e-6 || math.Abs(d-a.m.paraRun) > 1e-9 {
		t.Errorf("source run that is a whole paragraph: %.2f cheaper than a cut one, want %.2f", d, a.m.paraRun)
	}
	if one := a.beadCost(1, 2, 2) - a.m.shape[1]; one < -1e-9 {
		t.Errorf("a single sentence alone gets %.2f off its shape", -one)
	}
}
