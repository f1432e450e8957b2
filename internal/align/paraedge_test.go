package align

import (
	"fmt"
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
