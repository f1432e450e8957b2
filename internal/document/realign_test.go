package document_test

import (
	"fmt"
	"slices"
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

// zip pairs sentences by position: a stand-in aligner for stretches
// without confirmed groups.
func zip(p map[string][]document.Piece, fixed []map[string][]int) []document.Proposal {
	if len(fixed) > 0 {
		panic("zip cannot keep confirmed groups")
	}
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

// call is one call of a Grouper: its pieces, by language, and its fixed
// groups.
type call struct {
	pieces map[string][]string
	fixed  []map[string][]int
}

func (c call) String() string { return fmt.Sprintf("%v %v", c.pieces, c.fixed) }

// scripted returns a Grouper that records its calls and answers the k-th
// with answers[k].
func scripted(calls *[]call, answers ...[]document.Proposal) document.Grouper {
	return func(p map[string][]document.Piece, fixed []map[string][]int) []document.Proposal {
		c := call{pieces: map[string][]string{}, fixed: fixed}
		for l, ps := range p {
			for _, x := range ps {
				c.pieces[l] = append(c.pieces[l], x.Text)
			}
		}
		*calls = append(*calls, c)
		return answers[len(*calls)-1]
	}
}

func prop(en, ru []int) document.Proposal {
	return document.Proposal{Idx: map[string][]int{"en": en, "ru": ru}, Score: 0.9}
}

// TestRealignConfirmedWithoutALanguage: a confirmed group without a Russian
// sentence (a deliberate omission) gives no Russian boundary, so the
// Russian text around it is aligned in one stretch with the group as a
// fixed bead, and the aligner puts Б3 after it, with A3. (Realign used to
// align all the Russian text before the group: Б3 went with A1's stretch
// and A3 was left alone.)
func TestRealignConfirmedWithoutALanguage(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3", "ru": "Б1 | Б3"}
	omission := &document.Group{
		Status: document.Confirmed,
		Sents: map[string][]document.Sentence{
			"en": {{Start: 5, End: 7, Text: "A2"}},
			"ru": {},
		},
	}
	a := &document.Alignment{Languages: langs, Groups: []*document.Group{omission}}
	var calls []call
	group := scripted(&calls, []document.Proposal{prop([]int{0}, []int{0}), prop([]int{1}, []int{}), prop([]int{2}, []int{1})})
	b, err := document.Realign(a, "d", "en", langs, tx, cutWords, group)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(calls), "[map[en:[A1 A2 A3] ru:[Б1 Б3]] [map[en:[1] ru:[]]]]"; got != want {
		t.Errorf("grouper calls:\n got %s\nwant %s", got, want)
	}
	if got := strings.Join(texts(b, "en"), ",") + "/" + strings.Join(texts(b, "ru"), ","); got != "A1,A2,A3/Б1,,Б3" {
		t.Errorf("got %s", got)
	}
	if b.Groups[1] != omission {
		t.Errorf("confirmed group not kept: %+v", b.Groups[1])
	}
	if errs := b.Verify("b", tx); len(errs) != 0 {
		t.Error(errs)
	}
}

// stretchesCase is a document whose Russian text leaves out A0, A4 and A7
// and adds Бx, with a person's alignment of it: A0/-, A1/Б1, A2/Б2, A3/Б3,
// A4/-, an empty group, -/Бx, A5/Б5, A6/Б6, A7/-. The groups that lack a
// language, A2/Б2, A5/Б5 and the empty group are confirmed.
func stretchesCase(t *testing.T) (map[string]string, *document.Alignment) {
	t.Helper()
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A0 | A1 | A2 | A3 | A4 | A5 | A6 | A7", "ru": "Б1 | Б2 | Б3 | Бx | Б5 | Б6"}
	sent := func(l, text string) []document.Sentence {
		for _, p := range cutWords(l, tx[l], 0) {
			if p.Text == text {
				return []document.Sentence{p.Sentence}
			}
		}
		return []document.Sentence{}
	}
	a := &document.Alignment{Document: "d", Pivot: "en", Languages: langs}
	for _, g := range []struct {
		en, ru    string
		confirmed bool
	}{{"A0", "", true}, {"A1", "Б1", false}, {"A2", "Б2", true}, {"A3", "Б3", false}, {"A4", "", true},
		{"", "", true}, {"", "Бx", true}, {"A5", "Б5", true}, {"A6", "Б6", false}, {"A7", "", true}} {
		status := document.Aligned
		if g.confirmed {
			status = document.Confirmed
		}
		a.Groups = append(a.Groups, &document.Group{Status: status, Sents: map[string][]document.Sentence{"en": sent("en", g.en), "ru": sent("ru", g.ru)}})
	}
	if errs := a.Verify("a", tx); len(errs) != 0 {
		t.Fatal(errs)
	}
	return tx, a
}

// TestRealignStretches: confirmed groups with every language cut the
// document; those that lack a language (at the start, two in a row, at the
// end) are aligned with the text around them, up to the next cut, and each
// comes out as it was. A confirmed group without any sentence stays after
// the one before it.
func TestRealignStretches(t *testing.T) {
	tx, a := stretchesCase(t)
	var calls []call
	group := scripted(&calls,
		[]document.Proposal{prop([]int{0}, []int{}), prop([]int{1}, []int{0})},
		[]document.Proposal{prop([]int{0}, []int{0}), prop([]int{1}, []int{}), prop([]int{}, []int{1})},
		[]document.Proposal{prop([]int{0}, []int{0}), prop([]int{1}, []int{})},
	)
	b, err := document.Realign(a, "d", "en", a.Languages, tx, cutWords, group)
	if err != nil {
		t.Fatal(err)
	}
	want := "[" + strings.Join([]string{
		"map[en:[A0 A1] ru:[Б1]] [map[en:[0] ru:[]]]",
		"map[en:[A3 A4] ru:[Б3 Бx]] [map[en:[1] ru:[]] map[en:[] ru:[1]]]",
		"map[en:[A6 A7] ru:[Б6]] [map[en:[1] ru:[]]]",
	}, " ") + "]"
	if got := fmt.Sprint(calls); got != want {
		t.Errorf("grouper calls:\n got %s\nwant %s", got, want)
	}
	if got := strings.Join(texts(b, "en"), ",") + "/" + strings.Join(texts(b, "ru"), ","); got != "A0,A1,A2,A3,A4,,,A5,A6,A7/,Б1,Б2,Б3,,,Бx,Б5,Б6," {
		t.Errorf("got %s", got)
	}
	if len(b.Groups) != len(a.Groups) {
		t.Fatalf("%d groups, want %d", len(b.Groups), len(a.Groups))
	}
	for k, g := range a.Groups {
		if g.Status == document.Confirmed && b.Groups[k] != g {
			t.Errorf("confirmed group %d not kept: %+v", k+1, b.Groups[k])
		}
	}
}

// TestRealignRefusesBrokenConfirmed: a grouper that does not propose a
// confirmed group as it is (takes a sentence into it, splits it, or leaves
// it out) is an error, not an alignment.
func TestRealignRefusesBrokenConfirmed(t *testing.T) {
	tx, a := stretchesCase(t)
	first := []document.Proposal{prop([]int{0}, []int{}), prop([]int{1}, []int{0})}
	for name, second := range map[string][]document.Proposal{
		"joined":    {prop([]int{0}, []int{0}), prop([]int{1}, []int{1})},
		"taken":     {prop([]int{0}, []int{0, 1}), prop([]int{1}, []int{})},
		"left out":  {prop([]int{0, 1}, []int{0}), prop([]int{}, []int{1})},
		"reordered": {prop([]int{0}, []int{0}), prop([]int{}, []int{1}), prop([]int{1}, []int{})},
	} {
		var calls []call
		if _, err := document.Realign(a, "d", "en", a.Languages, tx, cutWords, scripted(&calls, first, second, nil)); err == nil {
			t.Errorf("%s: accepted", name)
		}
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
	drop := func(p map[string][]document.Piece, fixed []map[string][]int) []document.Proposal {
		return zip(p, fixed)[:1]
	}
	if _, err := document.Realign(nil, "d", "en", []string{"en", "ru"}, tx, cutWords, drop); err == nil {
		t.Fatal("an alignment that lost sentences was accepted")
	}
}

// TestRealignDetachedFlagsOnlyChanges: in a stretch that held a detached
// group, only the groups the new alignment made differently (and the
// detached ones it made again) are flagged and detached; a group it made
// exactly as before keeps the aligner's status. Before, one changed word in
// a document with nothing confirmed flagged every group of it.
func TestRealignDetachedFlagsOnlyChanges(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3 | A4 | A5", "ru": "Б1 | Б2 | Б3 | Б4 | Б5"}
	a, _ := document.Realign(nil, "d", "en", langs, tx, cutWords, zip)
	tx["ru"] = "Б1 | Б2 | Третья | Б4 | Б5"
	lost, _ := a.Rebase("ru", tx["ru"])
	if len(lost) != 1 || lost[0] != 3 || !a.Groups[2].Detached {
		t.Fatalf("rebase: lost %v, group 3 %+v", lost, a.Groups[2])
	}
	for run := 0; run < 2; run++ {
		b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range b.Groups {
			got = append(got, fmt.Sprintf("%s/%s/%v", g.Text("ru"), g.Status, g.Detached))
		}
		want := "Б1/aligned/false Б2/aligned/false Третья/flagged/true Б4/aligned/false Б5/aligned/false"
		if s := strings.Join(got, " "); s != want {
			t.Fatalf("run %d:\n got %s\nwant %s", run, s, want)
		}
		a = b
	}
}

// TestRealignKeepsReshaped: a group a person reshaped (merged, split,
// moved) and has not confirmed yet is kept as it is by a re-run, with its
// status; align used to undo the person's work. A changed text that takes
// a sentence from it ends the mark, and the aligner regroups its stretch.
func TestRealignKeepsReshaped(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3 | A4", "ru": "Б1 | Б2 | Б3 | Б4"}
	a, _ := document.Realign(nil, "d", "en", langs, tx, cutWords, zip)
	// A person merges groups 2 and 3 (as review.Merge does).
	g := a.Groups[1]
	g.Sents["en"] = append(g.Sents["en"], a.Groups[2].Sents["en"]...)
	g.Sents["ru"] = append(g.Sents["ru"], a.Groups[2].Sents["ru"]...)
	g.Reshaped = true
	a.Groups = slices.Delete(a.Groups, 2, 3)
	for run := 0; run < 2; run++ {
		b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Groups) != 3 || b.Groups[1].Text("en") != "A2 A3" || b.Groups[1].Text("ru") != "Б2 Б3" ||
			!b.Groups[1].Reshaped || b.Groups[1].Status != document.Aligned {
			t.Fatalf("run %d: the merged group was not kept: %q", run, texts(b, "en"))
		}
		a = b
	}
	out, _ := a.Marshal()
	if !strings.Contains(string(out), "reshaped: true") {
		t.Errorf("reshaped not written:\n%s", out)
	}
	// The Russian text changes inside the merged group: it loses a
	// sentence, the mark ends and the aligner cuts the stretch afresh.
	tx["ru"] = "Б1 | Другая | Б3 | Б4"
	if lost, _ := a.Rebase("ru", tx["ru"]); len(lost) != 1 || lost[0] != 2 || a.Groups[1].Reshaped {
		t.Fatalf("rebase: lost %v, group 2 %+v", lost, a.Groups[1])
	}
	b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts(b, "en"), "/"); got != "A1/A2/A3/A4" {
		t.Errorf("after the text changed: groups %s, want the aligner's four", got)
	}
}

// A kept group with a sentence in no group between two of its own (a
// merge across a sentence a forced re-import left out, or a hand edit)
// takes that sentence: nothing else can without breaking the text's
// order, and align would otherwise leave it out for good. The group is
// flagged for a person to look at, and still kept.
func TestRealignFillsGapsInKeptGroups(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3 | A4", "ru": "Б1 | Б2 | Б3 | Б4"}
	for _, status := range []document.Status{document.Confirmed, document.Aligned} {
		a, _ := document.Realign(nil, "d", "en", langs, tx, cutWords, zip)
		g := a.Groups[1]
		// Group 2 holds A2 A3 and Б2 Б4; Б3 is in no group.
		g.Sents["en"] = append(g.Sents["en"], a.Groups[2].Sents["en"]...)
		g.Sents["ru"] = append(g.Sents["ru"], a.Groups[3].Sents["ru"]...)
		g.Status, g.Reshaped = status, status != document.Confirmed
		a.Groups[2].Sents["en"] = a.Groups[3].Sents["en"]
		a.Groups = a.Groups[:3]
		a.Groups[2].Sents["ru"] = nil
		kept := g.Text("ru")
		b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(texts(b, "ru"), "/"); got != "Б1/Б2 Б3 Б4/" {
			t.Fatalf("%s group: ru groups %s, want Б3 in group 2", status, got)
		}
		if h := b.Groups[1]; h.Status != document.Flagged || !h.Reshaped {
			t.Errorf("%s group that gained a sentence: status %s reshaped %v, want flagged and reshaped", status, h.Status, h.Reshaped)
		}
		if g.Text("ru") != kept {
			t.Errorf("the old alignment's group was changed: %q", g.Text("ru"))
		}
		if errs := b.Verify("a", tx); len(errs) != 0 {
			t.Fatal(errs)
		}
		// A second run keeps it as it is.
		c, err := document.Realign(b, "d", "en", langs, tx, cutWords, zip)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(texts(c, "ru"), "/"); got != "Б1/Б2 Б3 Б4/" {
			t.Errorf("%s group, second run: %s", status, got)
		}
	}
}

// TestRealignKeepsEmptiedGroups: a group a new version left with no
// sentence (a paragraph only the Russian had, dropped) is kept, flagged,
// with its old text, where it was: between two confirmed groups (a stretch
// with nothing to align), and among unconfirmed groups the aligner makes
// again. align used to drop it, and its old text with it.
func TestRealignKeepsEmptiedGroups(t *testing.T) {
	langs := []string{"en", "ru"}
	tx := map[string]string{"en": "A1 | A2 | A3", "ru": "Б1 | Б2 | Б3"}
	sents := func(l string) []document.Sentence {
		var out []document.Sentence
		for _, p := range cutWords(l, tx[l], 0) {
			out = append(out, p.Sentence)
		}
		return out
	}
	en, ru := sents("en"), sents("ru")
	for _, status := range []document.Status{document.Confirmed, document.Aligned} {
		gone := &document.Group{Status: document.Flagged, Detached: true, Score: 0.6,
			Sents: map[string][]document.Sentence{"en": {}, "ru": {}}, Was: map[string][]string{"ru": {"Бx"}}}
		a := &document.Alignment{Document: "d", Pivot: "en", Languages: langs}
		for i := range 3 {
			a.Groups = append(a.Groups, &document.Group{Status: status, Score: 0.9,
				Sents: map[string][]document.Sentence{"en": {en[i]}, "ru": {ru[i]}}})
			if i == 1 {
				a.Groups = append(a.Groups, gone)
			}
		}
		b, err := document.Realign(a, "d", "en", langs, tx, cutWords, zip)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(texts(b, "en"), ",") + "/" + strings.Join(texts(b, "ru"), ",")
		if got != "A1,A2,,A3/Б1,Б2,,Б3" || b.Groups[2] != gone || gone.Status != document.Flagged || gone.Was["ru"][0] != "Бx" {
			t.Errorf("%s groups: got %s, the emptied group %+v", status, got, b.Groups[2])
		}
	}
}
