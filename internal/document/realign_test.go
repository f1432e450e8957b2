package document_test

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
)

// cutWords cuts at every "|": a stand-in segmenter.
func cutWords(lang, text string, base int) []document.Piece {
	var out []document.Piece
	pos := 0
	for _, part := range strings.Split(text, "|") {
		t := strings.TrimSpace(part)
		if t != "" {
			i := strings.Index(text[pos:], t) + pos
			out = append(out, document.Piece{Sentence: document.Sentence{Start: base + i, End: base + i + len(t), Text: t}})
		}
		pos += len(part) + 1
	}
	return out
}

// zip pairs sentences by position: a stand-in aligner.
func zip(p map[string][]document.Piece) []document.Proposal {
	n := 0
	for _, s := range p {
		n = max(n, len(s))
	}
	var out []document.Proposal
	for i := 0; i < n; i++ {
		pr := document.Proposal{Idx: map[string][]int{}, Score: 0.9}
		for l, s := range p {
			if i < len(s) {
				pr.Idx[l] = []int{i}
			}
		}
		out = append(out, pr)
	}
	return out
}

func texts(a *document.Alignment, l string) []string {
	var out []string
	for _, g := range a.Groups {
		out = append(out, g.Text(l))
	}
	return out
}

func TestRealignKeepsConfirmed(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3 | A4", "ru": "Б1 | Б2+Б3 | Б4"}
	a, err := document.Realign(nil, "d", "en", langs, tx, cutWords, zip)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts(a, "ru"), ","); got != "Б1,Б2+Б3,Б4," {
		t.Fatalf("first alignment: %s", got)
	}
	// A person fixes group 2 (A2 A3 = Б2+Б3), confirms it, notes group 3.
	a.Groups[1].Sents["en"] = append(a.Groups[1].Sents["en"], a.Groups[2].Sents["en"]...)
	a.Groups[1].Status = document.Confirmed
	a.Groups[2].Sents["en"] = a.Groups[3].Sents["en"]
	a.Groups[2].Note = "check the verb"
	a.Groups = a.Groups[:3]
	if errs := a.Verify("a", tx); len(errs) != 0 {
		t.Fatal(errs)
	}
	b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts(b, "en"), ","); got != "A1,A2 A3,A4" {
		t.Errorf("en after realign: %s", got)
	}
	if b.Groups[1].Status != document.Confirmed || b.Groups[1] != a.Groups[1] {
		t.Error("confirmed group was not kept as it was")
	}
	if b.Groups[2].Note != "check the verb" {
		t.Errorf("note lost: %+v", b.Groups[2])
	}
	if errs := b.Verify("b", tx); len(errs) != 0 {
		t.Error(errs)
	}
	// Every sentence is in exactly one group, in order.
	for _, l := range langs {
		var got []string
		for _, g := range b.Groups {
			for _, s := range g.Sents[l] {
				got = append(got, s.Text)
			}
		}
		if want := cutWords(l, tx[l], 0); len(got) != len(want) {
			t.Errorf("%s: %d sentences in groups, %d in text", l, len(got), len(want))
		}
	}
}

func TestRealignConfirmedWithoutALanguage(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3", "ru": "Б1 | Б3"}
	a := &document.Alignment{Languages: langs, Groups: []*document.Group{{
		Status: document.Confirmed,
		Sents: map[string][]document.Sentence{
			"en": {{Start: 5, End: 7, Text: "A2"}},
			"ru": {},
		},
	}}}
	b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
	if err != nil {
		t.Fatal(err)
	}
	// Without a Russian sentence the group gives no Russian boundary: the
	// Russian text before the next confirmed group (here: all of it) is
	// aligned in the stretch before the group.
	if got := strings.Join(texts(b, "en"), ",") + "/" + strings.Join(texts(b, "ru"), ","); got != "A1,,A2,A3/Б1,Б3,," {
		t.Errorf("got %s", got)
	}
}

// TestRealignKeepsDetachedFlagged: a stretch that held a group detached by a
// text change comes out flagged (and stays so on the next run), even when
// the aligner is confident.
func TestRealignKeepsDetachedFlagged(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3", "ru": "Б1 | Б2 | Б3"}
	a, _ := document.Realign(nil, "d", "en", langs, tx, cutWords, zip)
	a.Groups[0].Status = document.Confirmed
	a.Groups[2].Status = document.Confirmed
	// The Russian text changes in the middle: group 2 loses its sentence.
	tx["ru"] = "Б1 | Вторая | Б3"
	lost, _ := a.Rebase("ru", tx["ru"])
	if len(lost) != 1 || lost[0] != 2 || !a.Groups[1].Detached {
		t.Fatalf("rebase: lost %v, group 2 %+v", lost, a.Groups[1])
	}
	for run := 0; run < 2; run++ {
		b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
		if err != nil {
			t.Fatal(err)
		}
		if g := b.Groups[1]; g.Status != document.Flagged || !g.Detached || g.Text("ru") != "Вторая" {
			t.Fatalf("run %d: middle group %+v", run, g)
		}
		if b.Groups[0].Status != document.Confirmed || b.Groups[2].Status != document.Confirmed {
			t.Fatalf("run %d: confirmed groups changed", run)
		}
		a = b
	}
	// Detached survives the file format; a confirmed group never carries it.
	out, _ := a.Marshal()
	if !strings.Contains(string(out), "detached: true") {
		t.Errorf("detached not written:\n%s", out)
	}
	a.Groups[1].Status = document.Confirmed
	out, _ = a.Marshal()
	if strings.Contains(string(out), "detached") {
		t.Errorf("confirmed group written as detached")
	}
}

// TestRealignRefusesLostPieces: an aligner that drops a sentence is an
// error, not a shorter alignment.
func TestRealignRefusesLostPieces(t *testing.T) {
	tx := map[string]string{"en": "A1 | A2", "ru": "Б1 | Б2"}
	drop := func(p map[string][]document.Piece) []document.Proposal {
		return zip(p)[:1]
	}
	if _, err := document.Realign(nil, "d", "en", []string{"en", "ru"}, tx, cutWords, drop); err == nil {
		t.Fatal("an alignment that lost sentences was accepted")
	}
}
