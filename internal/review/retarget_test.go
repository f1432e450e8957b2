package review

import (
	"flag"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

var retargetRounds = flag.Int("retarget.rounds", 300, "random import-xliff edits TestRetargetProperty tries")

// TestRetargetProperty applies random sets of target edits (new texts of
// any number of sentences, in groups with and without the language,
// statuses and notes) and checks what every edit of a document must keep:
// the alignment still matches the texts, every other language is
// untouched, every group not edited keeps its sentences' text, and every
// edited group holds exactly the new sentences.
func TestRetargetProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	words := []string{"Алма", "қала", "Tokayev", "сөз", "72", "ұрып-соғу", "«иә»"}
	for round := 0; round < *retargetRounds; round++ {
		// The third shape has a group across the paragraph break.
		shape := []reviewtest.Shape{reviewtest.OneToOne, reviewtest.Uneven, {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {2, 2, 2}, {1, 1, 1}}}[round%3]
		a := sample(t, shape)
		lang := []string{"ru", "kk"}[rng.Intn(2)]
		var edits []TargetEdit
		want := map[int][]string{}
		for n := 1; n <= len(a.Groups); n++ {
			if rng.Intn(2) == 0 {
				continue
			}
			e := TargetEdit{Group: n}
			if rng.Intn(3) > 0 {
				for k := 0; k < 1+rng.Intn(3); k++ {
					var s []string
					for w := 0; w < 1+rng.Intn(4); w++ {
						s = append(s, words[rng.Intn(len(words))])
					}
					e.Sentences = append(e.Sentences, strings.Join(s, " ")+".")
				}
				want[n] = e.Sentences
			}
			if rng.Intn(2) == 0 {
				c := rng.Intn(2) == 0
				e.Confirm = &c
			}
			if rng.Intn(3) == 0 {
				note := fmt.Sprintf("note %d", n)
				e.Note = &note
			}
			edits = append(edits, e)
		}
		before := clone(a)
		texts := map[string]string{}
		for _, l := range reviewtest.Langs {
			texts[l] = reviewtest.Texts[l]
		}
		c, err := Retarget{Lang: lang, From: "en", File: "x.xlf", Edits: edits}.Apply(a, texts)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		after := map[string]string{}
		for l, s := range texts {
			after[l] = s
		}
		for l, s := range c.Texts {
			if l != lang {
				t.Fatalf("round %d: rewrote %s, not only %s", round, l, lang)
			}
			after[l] = s
		}
		if errs := a.Verify("alignment.yaml", after); len(errs) > 0 {
			t.Fatalf("round %d (%s, edits %+v): %v\n%s", round, lang, edits, errs[0], after[lang])
		}
		if a.Sources[lang] != document.Hash(after[lang]) {
			t.Fatalf("round %d: sources hash not updated", round)
		}
		for i, g := range a.Groups {
			n := i + 1
			var got []string
			for _, s := range g.Sents[lang] {
				got = append(got, s.Text)
			}
			exp, ok := want[n]
			if !ok {
				for _, s := range before.Groups[i].Sents[lang] {
					exp = append(exp, s.Text)
				}
			}
			if !slices.Equal(got, exp) {
				t.Fatalf("round %d: group %d holds %q, want %q", round, n, got, exp)
			}
			for _, l := range reviewtest.Langs {
				if l != lang && !slices.Equal(g.Sents[l], before.Groups[i].Sents[l]) {
					t.Fatalf("round %d: group %d changed in %s", round, n, l)
				}
			}
		}
		if len(want) == 0 && c.Texts != nil {
			t.Fatalf("round %d: no text edit, yet the text was rewritten", round)
		}
		// No line break is lost while every edited group had sentences
		// and gets more new ones than it had breaks.
		kept := true
		for n, ss := range want {
			old := before.Groups[n-1].Sents[lang]
			breaks := 0
			for k := 0; k+1 < len(old); k++ {
				if strings.Contains(texts[lang][old[k].End:old[k+1].Start], "\n") {
					breaks++
				}
			}
			if len(old) == 0 || len(ss) <= breaks {
				kept = false
			}
		}
		if kept && strings.Count(after[lang], "\n") != strings.Count(texts[lang], "\n") {
			t.Fatalf("round %d (%s, edits %+v): line breaks lost:\n%s", round, lang, edits, after[lang])
		}
	}
}

// TestRetargetKeepsSeparators: a group that keeps its number of sentences
// keeps every separator, so reverting the edit gives back the exact text,
// paragraph breaks included.
func TestRetargetKeepsSeparators(t *testing.T) {
	a := sample(t, reviewtest.Uneven)
	texts := map[string]string{"en": reviewtest.Texts["en"], "ru": reviewtest.Texts["ru"], "kk": reviewtest.Texts["kk"]}
	c, err := Retarget{Lang: "kk", From: "en", Edits: []TargetEdit{{Group: 2, Sentences: []string{"Бір.", "Екі."}}}}.Apply(a, texts)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Texts["kk"], "\n\nБір. Екі. Балықшылардың") {
		t.Fatalf("the new sentences do not stand where the old ones did:\n%s", c.Texts["kk"])
	}
	texts["kk"] = c.Texts["kk"]
	c, err = Retarget{Lang: "kk", From: "en", Edits: []TargetEdit{{Group: 2, Sentences: []string{"Дүйсенбі күні Арал қаласындағы сот балықшылардың ісін қарады.", "Судья жаңа дәлелдер сұрады."}}}}.Apply(a, texts)
	if err != nil {
		t.Fatal(err)
	}
	if c.Texts["kk"] != reviewtest.Texts["kk"] {
		t.Fatalf("reverting did not give the text back:\n%q\n%q", c.Texts["kk"], reviewtest.Texts["kk"])
	}
}

// TestRetargetFillsGap: a group without the language (1-1-0) gets its new
// sentence after the previous group's, and, as after any edit, settles:
// it has every language now, so it is aligned, not flagged (the file's
// state is short of final: the confirmation is taken back).
func TestRetargetFillsGap(t *testing.T) {
	no := false
	a := sample(t, reviewtest.Uneven) // group 4 has no kk
	texts := map[string]string{"en": reviewtest.Texts["en"], "ru": reviewtest.Texts["ru"], "kk": reviewtest.Texts["kk"]}
	c, err := Retarget{Lang: "kk", From: "en", Edits: []TargetEdit{{Group: 4, Sentences: []string{"Жаңа сөйлем."}, Confirm: &no}}}.Apply(a, texts)
	if err != nil {
		t.Fatal(err)
	}
	// The English groups 3 and 4 are a paragraph apart: so are the
	// Kazakh ones.
	want := "Балықшылардың адвокаттары бұл шешімді құптады.\n\nЖаңа сөйлем.\n\nТыңдау"
	if !strings.Contains(c.Texts["kk"], want) {
		t.Fatalf("the gap's sentence is not after group 3's:\n%s", c.Texts["kk"])
	}
	if g := a.Groups[3]; g.Status != document.Aligned || len(c.Gaps) != 0 {
		t.Fatalf("group 4 is %s with gaps %v, want aligned", g.Status, c.Gaps)
	}
}

// TestRetargetStatus: the states a file brings back.
func TestRetargetStatus(t *testing.T) {
	yes, no := true, false
	a := sample(t, reviewtest.OneToOne) // groups: confirmed, aligned, flagged, …
	texts := map[string]string{"en": reviewtest.Texts["en"], "ru": reviewtest.Texts["ru"], "kk": reviewtest.Texts["kk"]}
	c, err := Retarget{Lang: "kk", From: "en", Edits: []TargetEdit{
		{Group: 1, Confirm: &no},
		{Group: 2, Confirm: &yes},
		{Group: 3, Sentences: []string{"Судья басқа нәрсе сұрады."}},
		{Group: 4, Sentences: []string{"Өзгертілген."}},
	}}.Apply(a, texts)
	if err != nil {
		t.Fatal(err)
	}
	got := shapeOf(a)
	if want := "a1-1-1 c1-1-1 a1-1-1 c1-1-1 a1-1-1 f1-1-1"; got != want {
		t.Errorf("statuses %s, want %s (a confirmed group whose text changed without a state stays confirmed)", got, want)
	}
	if !slices.Equal(c.Unconfirmed, []int{1}) || c.Count != 4 {
		t.Errorf("unconfirmed %v, count %d", c.Unconfirmed, c.Count)
	}
}

// TestRetargetKeepsParagraphs: a group that spans a paragraph break and
// comes back with another number of sentences keeps the break (a CAT
// tool's target is one line, so the file cannot say where it goes): before
// the old sentence after it when that is still there, after the old one
// before it, else where the same share of the text stands before it.
func TestRetargetKeepsParagraphs(t *testing.T) {
	// Group 4 is the last sentence of the first paragraph and the first
	// of the second.
	shape := reviewtest.Shape{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {2, 2, 2}, {1, 1, 1}}
	const (
		last  = "Балықшылардың адвокаттары бұл шешімді құптады."
		first = "Тыңдау мамыр айында жалғасады."
	)
	tests := []struct {
		name string
		news []string
		want string // the group's text in kk after the import
	}{
		{"a sentence added after the first", []string{last, "Олар сотқа алғыс айтты.", first},
			last + " Олар сотқа алғыс айтты.\n\n" + first},
		{"the first split in two", []string{"Балықшылардың адвокаттары.", "Олар шешімді құптады.", first},
			"Балықшылардың адвокаттары. Олар шешімді құптады.\n\n" + first},
		{"the second split in two", []string{last, "Тыңдау мамырда.", "Ол жалғасады."},
			last + "\n\nТыңдау мамырда. Ол жалғасады."},
		{"everything new: by the share of the text", []string{"Адвокаттар бұл шешімді толық құптады.", "Тыңдау мамырда.", "Ол жалғасады."},
			"Адвокаттар бұл шешімді толық құптады.\n\nТыңдау мамырда. Ол жалғасады."},
		{"joined into one: the break is lost", []string{"Адвокаттар құптады, тыңдау мамырда жалғасады."},
			"Адвокаттар құптады, тыңдау мамырда жалғасады."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := reviewtest.Alignment("demo", shape)
			if err != nil {
				t.Fatal(err)
			}
			texts := map[string]string{"en": reviewtest.Texts["en"], "ru": reviewtest.Texts["ru"], "kk": reviewtest.Texts["kk"]}
			c, err := Retarget{Lang: "kk", From: "en", Edits: []TargetEdit{{Group: 4, Sentences: tt.news}}}.Apply(a, texts)
			if err != nil {
				t.Fatal(err)
			}
			got := c.Texts["kk"]
			ss := a.Groups[3].Sents["kk"]
			if g := got[ss[0].Start:ss[len(ss)-1].End]; g != tt.want {
				t.Errorf("group 4 reads\n%q\nwant\n%q", g, tt.want)
			}
			if errs := a.Verify("alignment.yaml", map[string]string{"en": texts["en"], "ru": texts["ru"], "kk": got}); len(errs) > 0 {
				t.Fatal(errs)
			}
		})
	}
}
