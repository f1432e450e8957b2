package review

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// shapeOf describes an alignment compactly: per group the first letter of
// its status and its sentence counts, such as "c1-1-1 a2-2-2".
func shapeOf(a *document.Alignment) string {
	var parts []string
	for _, g := range a.Groups {
		parts = append(parts, string(g.Status[0])+g.Kind(a.Languages))
	}
	return strings.Join(parts, " ")
}

func sample(t testing.TB, shape reviewtest.Shape) *document.Alignment {
	t.Helper()
	a, err := reviewtest.Alignment("demo", shape)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestOps(t *testing.T) {
	tests := []struct {
		name  string
		shape reviewtest.Shape
		op    Op
		want  string // shape after; empty when an error is expected
		err   string // MessageID of the expected error
		old   []int
		new   []int
		uncnf []int
		gaps  string // the groups flagged for a missing language, as "3:en,kk"
	}{
		{name: "merge", shape: reviewtest.OneToOne, op: Merge{Group: 1},
			want: "a2-2-2 f1-1-1 c1-1-1 a1-1-1 f1-1-1", old: []int{1, 2}, new: []int{1}, uncnf: []int{1}},
		{name: "merge keeps empty languages empty", shape: reviewtest.Uneven, op: Merge{Group: 4},
			want: "c1-1-1 a2-2-2 f1-1-1 a1-1-1 f1-1-1", old: []int{4, 5}, new: []int{4}, uncnf: []int{4}},
		{name: "merge last", shape: reviewtest.OneToOne, op: Merge{Group: 6}, err: "review.edge-last"},
		{name: "merge zero", shape: reviewtest.OneToOne, op: Merge{Group: 0}, err: "review.no-group"},
		{name: "merge past end", shape: reviewtest.OneToOne, op: Merge{Group: 7}, err: "review.no-group"},

		{name: "split one language", shape: reviewtest.Uneven, op: Split{Group: 2, At: map[string]int{"ru": 2}},
			want: "c1-1-1 a2-1-2 f0-1-0 f1-1-1 c1-1-0 a0-0-1 f1-1-1", old: []int{2}, new: []int{2, 3}, gaps: "3:en,kk"},
		{name: "split all languages", shape: reviewtest.Uneven, op: Split{Group: 2, At: map[string]int{"en": 2, "ru": 2, "kk": 2}},
			want: "c1-1-1 a1-1-1 a1-1-1 f1-1-1 c1-1-0 a0-0-1 f1-1-1"},
		{name: "split at first sentence moves it all", shape: reviewtest.Uneven, op: Split{Group: 2, At: map[string]int{"kk": 1}},
			want: "c1-1-1 f2-2-0 f0-0-2 f1-1-1 c1-1-0 a0-0-1 f1-1-1", gaps: "2:kk 3:en,ru"},
		{name: "split of a one-to-one group at en:1", shape: reviewtest.OneToOne, op: Split{Group: 2, At: map[string]int{"en": 1}},
			want: "c1-1-1 f0-1-1 f1-0-0 f1-1-1 c1-1-1 a1-1-1 f1-1-1", gaps: "2:en 3:ru,kk"},
		{name: "split of a confirmed group unconfirms both parts", shape: reviewtest.Shape{{2, 2, 2}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}},
			op: Split{Group: 1, At: map[string]int{"en": 2, "ru": 2, "kk": 2}}, want: "a1-1-1 a1-1-1 a1-1-1 f1-1-1 c1-1-1 a1-1-1", uncnf: []int{1, 2}},
		{name: "split leaving nothing behind", shape: reviewtest.OneToOne, op: Split{Group: 1, At: map[string]int{"en": 1, "ru": 1, "kk": 1}}, err: "review.split-empty"},
		{name: "split with no positions", shape: reviewtest.OneToOne, op: Split{Group: 1}, err: "review.split-empty"},
		{name: "split past the sentences", shape: reviewtest.Uneven, op: Split{Group: 2, At: map[string]int{"ru": 3}}, err: "review.no-sentence"},
		{name: "split in a language the group lacks", shape: reviewtest.Uneven, op: Split{Group: 4, At: map[string]int{"kk": 1}}, err: "review.no-sentence-none"},
		{name: "split unknown language", shape: reviewtest.Uneven, op: Split{Group: 2, At: map[string]int{"de": 1}}, err: "review.bad-language"},

		{name: "move first to previous", shape: reviewtest.Uneven, op: Move{Group: 2, Lang: "kk"},
			want: "a1-1-2 a2-2-1 f1-1-1 c1-1-0 a0-0-1 f1-1-1", old: []int{1, 2}, new: []int{1, 2}, uncnf: []int{1}},
		{name: "move last to next", shape: reviewtest.Uneven, op: Move{Group: 2, Lang: "en", Next: true},
			want: "c1-1-1 a1-2-2 a2-1-1 c1-1-0 a0-0-1 f1-1-1", old: []int{2, 3}, new: []int{2, 3}},
		{name: "move the only sentence removes the group", shape: reviewtest.Uneven, op: Move{Group: 5, Lang: "kk"},
			want: "c1-1-1 a2-2-2 f1-1-1 a1-1-1 f1-1-1", old: []int{4, 5}, new: []int{4}, uncnf: []int{4}},
		{name: "move the only sentence forward removes the group", shape: reviewtest.Uneven, op: Move{Group: 5, Lang: "kk", Next: true},
			want: "c1-1-1 a2-2-2 f1-1-1 c1-1-0 a1-1-2", old: []int{5, 6}, new: []int{5}},
		{name: "move leaving a group without a language flags it", shape: reviewtest.OneToOne, op: Move{Group: 2, Lang: "kk", Next: true},
			want: "c1-1-1 f1-1-0 a1-1-2 c1-1-1 a1-1-1 f1-1-1", old: []int{2, 3}, new: []int{2, 3}, gaps: "2:kk"},
		{name: "move before the first group", shape: reviewtest.OneToOne, op: Move{Group: 1, Lang: "ru"}, err: "review.edge-first"},
		{name: "move after the last group", shape: reviewtest.OneToOne, op: Move{Group: 6, Lang: "ru", Next: true}, err: "review.edge-last"},
		{name: "move a missing language", shape: reviewtest.Uneven, op: Move{Group: 4, Lang: "kk"}, err: "review.no-sentence-to-move"},

		{name: "confirm", shape: reviewtest.OneToOne, op: SetStatus{Groups: []int{1, 2, 3}, Confirm: true},
			want: "c1-1-1 c1-1-1 c1-1-1 c1-1-1 a1-1-1 f1-1-1", old: []int{1, 2, 3}, new: []int{1, 2, 3}},
		{name: "unconfirm", shape: reviewtest.OneToOne, op: SetStatus{Groups: []int{1, 2, 3, 4}},
			want: "a1-1-1 a1-1-1 f1-1-1 a1-1-1 a1-1-1 f1-1-1"},
		{name: "unconfirm a group without a language flags it", shape: reviewtest.Uneven, op: SetStatus{Groups: []int{1, 4}},
			want: "a1-1-1 a2-2-2 f1-1-1 f1-1-0 a0-0-1 f1-1-1", gaps: "4:kk"},
		{name: "confirm past the end", shape: reviewtest.OneToOne, op: SetStatus{Groups: []int{6, 7}, Confirm: true}, err: "review.no-group"},

		{name: "note", shape: reviewtest.OneToOne, op: SetNote{Group: 2, Note: "  two\nlines "},
			want: "c1-1-1 a1-1-1 f1-1-1 c1-1-1 a1-1-1 f1-1-1", old: []int{2}, new: []int{2}},
		{name: "note of a missing group", shape: reviewtest.OneToOne, op: SetNote{Group: 9}, err: "review.no-group"},

		{name: "edit", shape: reviewtest.Uneven, op: EditText{Group: 2, Lang: "ru", Sentence: 2, Text: "Судья запросил новые улики."},
			want: "c1-1-1 a2-2-2 f1-1-1 c1-1-0 a0-0-1 f1-1-1", old: []int{2}, new: []int{2}},
		{name: "edit empty", shape: reviewtest.Uneven, op: EditText{Group: 2, Lang: "ru", Sentence: 2, Text: "  "}, err: "review.text-empty"},
		{name: "edit with ESC", shape: reviewtest.Uneven, op: EditText{Group: 2, Lang: "ru", Sentence: 2, Text: "Судья\x1b[2J запросил."}, err: "review.text-control"},
		{name: "edit with NUL", shape: reviewtest.Uneven, op: EditText{Group: 2, Lang: "ru", Sentence: 2, Text: "Судья\x00"}, err: "review.text-control"},
		{name: "edit two lines", shape: reviewtest.Uneven, op: EditText{Group: 2, Lang: "ru", Sentence: 2, Text: "a\nb"}, err: "review.text-multiline"},
		{name: "edit missing sentence", shape: reviewtest.Uneven, op: EditText{Group: 2, Lang: "ru", Sentence: 3, Text: "x"}, err: "review.no-sentence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sample(t, tt.shape)
			texts := maps.Clone(reviewtest.Texts)
			c, err := tt.op.Apply(a, texts)
			if tt.err != "" {
				var m interface{ MessageID() string }
				if !errors.As(err, &m) || m.MessageID() != tt.err {
					t.Fatalf("error = %v, want message %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := shapeOf(a); got != tt.want {
				t.Errorf("shape\n got %s\nwant %s", got, tt.want)
			}
			if tt.old != nil && !slices.Equal(c.Old, tt.old) || tt.new != nil && !slices.Equal(c.New, tt.new) {
				t.Errorf("touched old %v new %v, want %v %v", c.Old, c.New, tt.old, tt.new)
			}
			if !slices.Equal(c.Unconfirmed, tt.uncnf) {
				t.Errorf("unconfirmed %v, want %v", c.Unconfirmed, tt.uncnf)
			}
			var gaps []string
			for _, g := range c.Gaps {
				gaps = append(gaps, fmt.Sprintf("%d:%s", g.Group, strings.Join(g.Langs, ",")))
			}
			if got := strings.Join(gaps, " "); got != tt.gaps {
				t.Errorf("gaps %q, want %q", got, tt.gaps)
			}
			_, regroups := tt.op.(SetStatus)
			if _, note := tt.op.(SetNote); c.Sentences == (regroups || note) {
				t.Errorf("Sentences = %v for %T", c.Sentences, tt.op)
			}
			for l, s := range c.Texts {
				texts[l] = s
			}
			if probs := a.Verify("alignment.yaml", texts); len(probs) > 0 {
				t.Errorf("edited alignment does not verify: %v", probs)
			}
			if c.Message == "" {
				t.Error("change has no message")
			}
		})
	}
}

func TestEditTextShiftsLaterSpans(t *testing.T) {
	a := sample(t, reviewtest.OneToOne)
	texts := maps.Clone(reviewtest.Texts)
	c, err := EditText{Group: 3, Lang: "kk", Sentence: 1, Text: "Судья жаңа дәлелдерді сұрады."}.Apply(a, texts)
	if err != nil {
		t.Fatal(err)
	}
	kk := c.Texts["kk"]
	if !strings.Contains(kk, "Судья жаңа дәлелдерді сұрады. Балықшылардың") {
		t.Errorf("new kk text lacks the fix:\n%s", kk)
	}
	if a.Sources["kk"] != document.Hash(kk) {
		t.Error("sources.kk does not record the new text's hash")
	}
	for i, g := range a.Groups {
		for _, s := range g.Sents["kk"] {
			if kk[s.Start:s.End] != s.Text {
				t.Errorf("group %d: span %d-%d holds %q, want %q", i+1, s.Start, s.End, kk[s.Start:s.End], s.Text)
			}
		}
	}
	if a.Groups[0].Sents["kk"][0] != sample(t, reviewtest.OneToOne).Groups[0].Sents["kk"][0] {
		t.Error("a span before the edit moved")
	}
	if _, ok := c.Texts["ru"]; ok {
		t.Error("editing kk rewrote the ru text")
	}
}

// TestEditTexts: two sentences of one language corrected as one step,
// the second on the text the first made; one edit is EditText itself.
func TestEditTexts(t *testing.T) {
	a := sample(t, reviewtest.OneToOne)
	texts := maps.Clone(reviewtest.Texts)
	c, err := EditTexts{
		{Group: 3, Lang: "kk", Sentence: 1, Text: "Судья жаңа дәлелдерді сұрады."},
		{Group: 4, Lang: "kk", Sentence: 1, Text: "Тыңдау мамырда жалғасады."},
	}.Apply(a, texts)
	if err != nil {
		t.Fatal(err)
	}
	kk := c.Texts["kk"]
	for _, want := range []string{"Судья жаңа дәлелдерді сұрады.", "Тыңдау мамырда жалғасады."} {
		if !strings.Contains(kk, want) {
			t.Errorf("new kk text lacks %q:\n%s", want, kk)
		}
	}
	for i, g := range a.Groups {
		for _, s := range g.Sents["kk"] {
			if kk[s.Start:s.End] != s.Text {
				t.Errorf("group %d: span %d-%d holds %q, want %q", i+1, s.Start, s.End, kk[s.Start:s.End], s.Text)
			}
		}
	}
	if c.Message != "review.done.edits-groups" || fmt.Sprint(c.New) != "[3 4]" || c.Data["Count"] != 2 || texts["kk"] != reviewtest.Texts["kk"] {
		t.Errorf("change %s %v %v; texts changed %v", c.Message, c.New, c.Data, texts["kk"] != reviewtest.Texts["kk"])
	}
	// Two languages of one group: "of group 3", not "of groups 3".
	same, err := EditTexts{{Group: 3, Lang: "kk", Sentence: 1, Text: "Судья сұрады."}, {Group: 3, Lang: "ru", Sentence: 1, Text: "Судья спросил."}}.Apply(sample(t, reviewtest.OneToOne), maps.Clone(reviewtest.Texts))
	if err != nil || same.Message != "review.done.edits" || same.Data["Groups"] != "3" {
		t.Errorf("two edits of one group: %v, %v", same, err)
	}
	one, err := EditTexts{{Group: 3, Lang: "kk", Sentence: 1, Text: "Судья сұрады."}}.Apply(sample(t, reviewtest.OneToOne), maps.Clone(reviewtest.Texts))
	if err != nil || one.Message != "review.done.edit" {
		t.Errorf("one edit: %v, %v", one, err)
	}
}

func TestEditTextNormalizes(t *testing.T) {
	a := sample(t, reviewtest.OneToOne)
	// и + combining breve is й in NFD; spaces and the final newline go.
	c, err := EditText{Group: 1, Lang: "ru", Sentence: 1, Text: " Суд выслушал аральских рыбаков и\u0306 \n"}.Apply(a, reviewtest.Texts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Groups[0].Sents["ru"][0].Text, "Суд выслушал аральских рыбаков й"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if !strings.HasPrefix(c.Texts["ru"], "# Суд выслушал аральских рыбаков й\n") {
		t.Errorf("stored text starts %q", c.Texts["ru"][:60])
	}
}

func TestMergeJoinsNotesAndKeepsLowerScore(t *testing.T) {
	a := sample(t, reviewtest.OneToOne)
	a.Groups[3].Note = "second note"
	if _, err := (Merge{Group: 3}).Apply(a, nil); err != nil {
		t.Fatal(err)
	}
	g := a.Groups[2]
	if g.Note != "check the tense; second note" {
		t.Errorf("note = %q", g.Note)
	}
	if g.Score != 0.9-0.1*3 {
		t.Errorf("score = %v, want the lower one", g.Score)
	}
}

// TestMergeRun: a run of groups becomes one, its sentences in order, the
// lowest score, every note, unconfirmed when one was confirmed; a run past
// the last group is refused before anything changes.
func TestMergeRun(t *testing.T) {
	a := sample(t, reviewtest.Uneven)
	want := map[string][]document.Sentence{}
	for _, g := range a.Groups[1:4] {
		for l, s := range g.Sents {
			want[l] = append(want[l], s...)
		}
	}
	a.Groups[3].Note = "fourth"
	c, err := (Merge{Group: 2, Last: 4}).Apply(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Groups) != 4 {
		t.Fatalf("%d groups, want 4", len(a.Groups))
	}
	g := a.Groups[1]
	for l, s := range want {
		if !slices.Equal(g.Sents[l], s) {
			t.Errorf("%s sentences = %v, want %v", l, g.Sents[l], s)
		}
	}
	if g.Score != 0.9-0.1*3 || g.Note != "check the tense; fourth" || g.Status == document.Confirmed {
		t.Errorf("merged group: score %v, note %q, %s", g.Score, g.Note, g.Status)
	}
	if c.Message != "review.done.merge-run" || !slices.Equal(c.Old, []int{2, 3, 4}) || !slices.Equal(c.New, []int{2}) {
		t.Errorf("change: %s old %v new %v", c.Message, c.Old, c.New)
	}
	before := len(a.Groups)
	if _, err := (Merge{Group: 3, Last: 9}).Apply(a, nil); err == nil || len(a.Groups) != before {
		t.Errorf("a run past the last group: %v, %d groups", err, len(a.Groups))
	}
}

// TestDetachedStaysFlagged: a group that lost sentences to a changed text
// stays flagged through merges, splits and moves until a person confirms
// it, and both parts of a split stay detached.
func TestDetachedStaysFlagged(t *testing.T) {
	for _, op := range []Op{
		Merge{Group: 2},
		Merge{Group: 1},
		Split{Group: 2, At: map[string]int{"en": 2, "ru": 2, "kk": 2}},
		Move{Group: 2, Lang: "en", Next: true},
	} {
		a := sample(t, reviewtest.Uneven)
		a.Groups[1].Status, a.Groups[1].Detached = document.Flagged, true
		if _, err := op.Apply(a, reviewtest.Texts); err != nil {
			t.Fatal(err)
		}
		for i, g := range a.Groups {
			if g.Detached && g.Status != document.Flagged {
				t.Errorf("%T: detached group %d is %s", op, i+1, g.Status)
			}
		}
		if n := len(a.Groups); n == 7 && !(a.Groups[1].Detached && a.Groups[2].Detached) {
			t.Errorf("%T: a part of the split lost the mark", op)
		}
		if _, err := (SetStatus{Groups: []int{1, 2}, Confirm: true}).Apply(a, nil); err != nil {
			t.Fatal(err)
		}
		if a.Groups[1].Status != document.Confirmed {
			t.Errorf("%T: confirming did not confirm", op)
		}
	}
}

// TestReshapedScores: a group a person reshaped keeps the lowest score of
// the groups it was made from, whichever edit made it.
func TestReshapedScores(t *testing.T) {
	score := func(i int) float64 { return 0.9 - 0.1*float64(i) } // group i+1 of the sample
	tests := []struct {
		name string
		op   Op
		want []float64 // the scores of groups 1-4 after the edit
	}{
		{"split", Split{Group: 2, At: map[string]int{"en": 2, "ru": 2, "kk": 2}}, []float64{score(0), score(1), score(1), score(2)}},
		{"merge", Merge{Group: 1}, []float64{score(1), score(2), score(3), score(4)}},
		{"move forward", Move{Group: 1, Lang: "ru", Next: true}, []float64{score(0), score(1), score(2), score(3)}},
		{"move back", Move{Group: 3, Lang: "ru"}, []float64{score(0), score(2), score(2), score(3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sample(t, reviewtest.Uneven)
			if _, err := tt.op.Apply(a, reviewtest.Texts); err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.want {
				if got := a.Groups[i].Score; got != want {
					t.Errorf("group %d: score %v, want %v", i+1, got, want)
				}
			}
		})
	}
}

// TestOpsAreEdits: every op's step is one review's undo key may take back
// (IsEdit), so that a new op is not refused by it.
func TestOpsAreEdits(t *testing.T) {
	ops := []Op{
		Merge{Group: 1}, Split{Group: 2, At: map[string]int{"ru": 2}},
		Move{Group: 2, Lang: "kk", Next: true}, Move{Group: 3, Lang: "en"}, Move{Group: 5, Lang: "kk"},
		EditText{Group: 3, Lang: "ru", Sentence: 1, Text: "Судья запросил новые улики."},
		SetStatus{Groups: []int{2}, Confirm: true}, SetStatus{Groups: []int{1}},
		SetNote{Group: 1, Note: "a note"}, SetNote{Group: 3},
		EditTexts{{Group: 1, Lang: "en", Sentence: 1, Text: "One."}, {Group: 1, Lang: "ru", Sentence: 1, Text: "Одно."}},
	}
	seen := map[string]bool{}
	for _, op := range ops {
		for _, shape := range []reviewtest.Shape{reviewtest.OneToOne, reviewtest.Uneven} {
			a := sample(t, shape)
			if op, ok := op.(SetNote); ok && op.Note == "" {
				a.Groups[op.Group-1].Note = "to clear"
			}
			c, err := op.Apply(a, reviewtest.Texts)
			if err != nil {
				continue
			}
			seen[c.Message] = true
			if !IsEdit(&journal.Entry{Message: c.Message}) {
				t.Errorf("%T makes step %q, which IsEdit does not know", op, c.Message)
			}
		}
	}
	if len(seen) < 9 {
		t.Errorf("the ops made only %v", seen)
	}
}

// TestEditTextKeepsHeading: show prints a heading with its Markdown
// marker, but a person correcting it types the words: the corrected
// heading stayed a heading only if they typed "# " too, and otherwise
// became a paragraph of the article without a word. The marker is kept,
// as import-xliff keeps it; a new text with its own marker sets the level.
func TestEditTextKeepsHeading(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Суд выслушал рыбаков", "## Суд выслушал рыбаков"},
		{"# Суд выслушал рыбаков", "# Суд выслушал рыбаков"},
		{"#5 в списке", "## #5 в списке"},
	} {
		text := "## Суд отложил дело\n\nРыбаки пришли в суд.\n"
		a := &document.Alignment{Document: "d", Pivot: "en", Languages: []string{"en", "ru"}, Groups: []*document.Group{
			{Status: document.Confirmed, Sents: map[string][]document.Sentence{"ru": {{Start: 0, End: 33, Text: "## Суд отложил дело"}}}},
			{Status: document.Aligned, Sents: map[string][]document.Sentence{"ru": {{Start: 35, End: 71, Text: "Рыбаки пришли в суд."}}}},
		}}
		c, err := EditText{Group: 1, Lang: "ru", Sentence: 1, Text: tt.text}.Apply(a, map[string]string{"ru": text})
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Groups[0].Sents["ru"][0].Text; got != tt.want {
			t.Errorf("%q: sentence %q, want %q", tt.text, got, tt.want)
		}
		if want := tt.want + "\n\nРыбаки пришли в суд.\n"; c.Texts["ru"] != want {
			t.Errorf("%q: stored %q, want %q", tt.text, c.Texts["ru"], want)
		}
		if s := a.Groups[1].Sents["ru"][0]; c.Texts["ru"][s.Start:s.End] != s.Text {
			t.Errorf("%q: the next sentence's span %d-%d holds %q", tt.text, s.Start, s.End, c.Texts["ru"][s.Start:s.End])
		}
	}
}

// TestEditTextKeepsLineBreaks: a sentence of a hard-wrapped paragraph
// spans lines in the stored text, but a person types its correction on
// one line (review's editor, group edit, the browser). Its line breaks
// stay where the words around them did not change, so that a typo fixed
// does not reflow the file; typing the one-line form back changes nothing.
func TestEditTextKeepsLineBreaks(t *testing.T) {
	const old = "Суд собрался в понедельник\nи рассмотрел  дело\n   рыбаков."
	for _, tt := range []struct{ name, text, want string }{
		{"unchanged", "Суд собрался в понедельник и рассмотрел  дело рыбаков.", old},
		{"a word in the first line", "Суд собрался во вторник и рассмотрел  дело рыбаков.", "Суд собрался во вторник\nи рассмотрел  дело\n   рыбаков."},
		{"a word in the last line", "Суд собрался в понедельник и рассмотрел  дело рыбаков Арала.", "Суд собрался в понедельник\nи рассмотрел  дело\n   рыбаков Арала."},
		{"across a break", "Суд собрался в среду и закрыл дело рыбаков.", "Суд собрался в среду и закрыл дело\n   рыбаков."},
		{"all new", "Слушания отложены.", "Слушания отложены."},
		{"the space after a break's word removed", "Суд собрался в понедельник ирассмотрел  дело рыбаков.", "Суд собрался в понедельник\nирассмотрел  дело\n   рыбаков."},
		{"a break's space removed", "Суд собрался в понедельникирассмотрел  дело рыбаков.", "Суд собрался в понедельникирассмотрел  дело\n   рыбаков."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := "Вступление.\n\n" + old + " Конец.\n"
			a := &document.Alignment{Document: "d", Pivot: "ru", Languages: []string{"ru"}, Groups: []*document.Group{
				{Status: document.Aligned, Sents: map[string][]document.Sentence{"ru": {{Start: 0, End: 21, Text: "Вступление."}}}},
				{Status: document.Aligned, Sents: map[string][]document.Sentence{"ru": {{Start: 23, End: 23 + len(old), Text: old}}}},
				{Status: document.Aligned, Sents: map[string][]document.Sentence{"ru": {{Start: 24 + len(old), End: 24 + len(old) + 11, Text: "Конец."}}}},
			}}
			c, err := EditText{Group: 2, Lang: "ru", Sentence: 1, Text: tt.text}.Apply(a, map[string]string{"ru": text})
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Groups[1].Sents["ru"][0].Text; got != tt.want {
				t.Errorf("sentence %q, want %q", got, tt.want)
			}
			if want := "Вступление.\n\n" + tt.want + " Конец.\n"; c.Texts["ru"] != want {
				t.Errorf("stored %q, want %q", c.Texts["ru"], want)
			}
			for _, g := range a.Groups {
				if s := g.Sents["ru"][0]; c.Texts["ru"][s.Start:s.End] != s.Text {
					t.Errorf("span %d-%d holds %q, want %q", s.Start, s.End, c.Texts["ru"][s.Start:s.End], s.Text)
				}
			}
		})
	}
	if got, want := OneLine(old), "Суд собрался в понедельник и рассмотрел  дело рыбаков."; got != want {
		t.Errorf("OneLine = %q, want %q", got, want)
	}
}
