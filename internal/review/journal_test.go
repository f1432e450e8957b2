package review

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// newDoc makes a workspace with the sample document in a temporary folder.
func newDoc(t testing.TB, shape reviewtest.Shape) *document.Document {
	t.Helper()
	dir := t.TempDir()
	ws, err := reviewtest.Workspace(dir, "demo", shape)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "demo")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// docFiles are the files an edit may change.
var docFiles = []string{"alignment.yaml", "meta.yaml", "en.txt", "ru.txt", "kk.txt"}

// files reads the document's files.
func files(t testing.TB, d *document.Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range docFiles {
		b, err := os.ReadFile(filepath.Join(d.Dir(), f))
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	return out
}

func sameFiles(t testing.TB, got, want map[string]string) {
	t.Helper()
	for _, f := range docFiles {
		if got[f] != want[f] {
			t.Errorf("%s differs from the original:\n--- got\n%s\n--- want\n%s", f, got[f], want[f])
		}
	}
}

func mustApply(t testing.TB, d *document.Document, op Op) *Result {
	t.Helper()
	res, err := Apply(d, op, Options{})
	if err != nil {
		t.Fatalf("%#v: %v", op, err)
	}
	return res
}

func TestApplyThenUndoEachOp(t *testing.T) {
	ops := []Op{
		Merge{Group: 2},
		Split{Group: 2, At: map[string]int{"en": 2, "kk": 2}},
		Move{Group: 2, Lang: "ru", Next: true},
		EditText{Group: 2, Lang: "kk", Sentence: 2, Text: "Судья жаңа дәлелдерді сұрады."},
		SetStatus{Groups: []int{2, 3, 5}, Confirm: true},
		SetStatus{Groups: []int{1, 4}},
		SetNote{Group: 4, Note: "no Kazakh version of this sentence"},
		SetNote{Group: 3},
	}
	for _, op := range ops {
		t.Run(fmt.Sprintf("%T", op), func(t *testing.T) {
			d := newDoc(t, reviewtest.Uneven)
			orig := files(t, d)
			res := mustApply(t, d, op)
			if res.Step != 1 {
				t.Fatalf("step = %d, want 1", res.Step)
			}
			if after := files(t, d); after["alignment.yaml"] == orig["alignment.yaml"] {
				t.Fatal("the alignment did not change")
			}
			snap, err := Load(d)
			if err != nil {
				t.Fatal(err)
			}
			if probs := snap.Verify(); len(probs) > 0 {
				t.Fatalf("edited alignment does not verify: %v", probs)
			}
			undone, rec, err := Undo(d, 1, false)
			if err != nil || len(undone) != 1 || rec != nil {
				t.Fatalf("undo: %v %v %v", undone, rec, err)
			}
			sameFiles(t, files(t, d), orig)
			if h, _ := History(d); len(h) != 0 {
				t.Errorf("journal keeps %d entries after undo", len(h))
			}
		})
	}
}

func TestEditTextKeepsMetaInStep(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	res := mustApply(t, d, EditText{Group: 3, Lang: "ru", Sentence: 1, Text: "Судья запросил новые улики."})
	d, _ = document.Open(d.WS, d.ID)
	text, err := d.Text("ru")
	if err != nil {
		t.Fatal(err)
	}
	if v := d.Meta.Versions["ru"]; v.SHA256 != document.Hash(text) || v.Bytes != len(text) {
		t.Errorf("meta.yaml records %s/%d, the text is %s/%d", v.SHA256, v.Bytes, document.Hash(text), len(text))
	}
	if !strings.Contains(text, "Судья запросил новые улики. Адвокаты") {
		t.Errorf("ru.txt lacks the fix:\n%s", text)
	}
	var names []string
	h, _ := History(d)
	for _, f := range h[0].Files {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "ru.txt alignment.yaml meta.yaml" || res.Step != 1 {
		t.Errorf("journal entry holds %s (step %d)", got, res.Step)
	}
	// Re-importing the corrected text changes nothing: edit stored it as
	// import would have.
	r, err := document.Import(d.WS, d.ID, "ru", []byte(text), "ru.txt", document.ImportOptions{})
	if err != nil || !r.Unchanged {
		t.Errorf("re-import of the edited text: unchanged=%v err=%v", r != nil && r.Unchanged, err)
	}
}

func TestNoOpEditWritesNothing(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	orig := files(t, d)
	res := mustApply(t, d, SetStatus{Groups: []int{1, 4}, Confirm: true}) // both already confirmed
	if res.Step != 0 || res.Change.Count != 0 {
		t.Errorf("step %d, count %d; want nothing", res.Step, res.Change.Count)
	}
	sameFiles(t, files(t, d), orig)
	if _, err := os.Stat(filepath.Join(d.Dir(), journal.Folder)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a no-op edit created the journal")
	}
}

func TestApplyRefusesAnAlignmentThatDoesNotVerify(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	p := filepath.Join(d.Dir(), "en.txt")
	if err := os.WriteFile(p, []byte(strings.Replace(reviewtest.Texts["en"], "court", "tribunal", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	orig := files(t, d)
	_, err := Apply(d, Merge{Group: 1}, Options{})
	if locale.ID(err) != "review.not-verified" || !strings.Contains(err.Error(), "no longer holds this sentence") {
		t.Fatalf("err = %v, want review.not-verified", err)
	}
	sameFiles(t, files(t, d), orig)
}

func TestUndoRefusesToThrowAwayLaterWork(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	orig := files(t, d)
	mustApply(t, d, Merge{Group: 1})
	mustApply(t, d, SetNote{Group: 1, Note: "merged"})
	// A re-alignment (here: a hand edit) after the journal's last step.
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	a.Groups[1].Status = document.Confirmed
	if err := d.SaveAlignment(a); err != nil {
		t.Fatal(err)
	}
	_, _, err = Undo(d, 1, false)
	var ce *locale.Error
	if !errors.As(err, &ce) || ce.ID != "review.undo-changed" || ce.Data["Step"] != 2 || ce.Data["File"] != filepath.Join("documents", "demo", "alignment.yaml") {
		t.Fatalf("err = %v, want review.undo-changed for step 2", err)
	}
	// Forced, both steps are taken back, and the later change, in lines
	// the steps did not write, is kept: the group it confirmed (the
	// original group 3) stays confirmed.
	undone, _, err := Undo(d, 2, true)
	if err != nil || len(undone) != 2 {
		t.Fatalf("forced undo: %v, %v", undone, err)
	}
	want, err := document.ParseAlignment("a", []byte(orig["alignment.yaml"]))
	if err != nil {
		t.Fatal(err)
	}
	want.Groups[2].Status = document.Confirmed
	raw, _ := want.Marshal()
	orig["alignment.yaml"] = string(raw)
	sameFiles(t, files(t, d), orig)
}

// TestForcedUndoStopsAtAConflict: a later change in the very lines a step
// wrote cannot be merged with taking the step back; even a forced undo
// refuses, names the line and changes nothing.
func TestForcedUndoStopsAtAConflict(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	mustApply(t, d, SetNote{Group: 2, Note: "first"})
	p := filepath.Join(d.Dir(), "alignment.yaml")
	b, _ := os.ReadFile(p)
	hand := strings.Replace(string(b), "note: first", "note: second", 1)
	if err := os.WriteFile(p, []byte(hand), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Undo(d, 1, true)
	var ce *locale.Error
	if !errors.As(err, &ce) || ce.ID != "review.undo-conflict" || ce.Data["Step"] != 1 || ce.Pos == nil || ce.Pos.Line == 0 {
		t.Fatalf("err = %v, want review.undo-conflict", err)
	}
	if now, _ := os.ReadFile(p); string(now) != hand {
		t.Error("a refused undo changed the alignment")
	}
}

func TestUndoMoreThanTheJournalHolds(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	_, _, err := Undo(d, 1, false)
	var ue *journal.UndoError
	if !errors.As(err, &ue) || locale.ID(ue) != "review.undo-nothing" {
		t.Fatalf("err = %v", err)
	}
	mustApply(t, d, Merge{Group: 1})
	_, _, err = Undo(d, 2, false)
	if !errors.As(err, &ue) || locale.ID(ue) != "review.undo-too-many" || ue.Have != 1 {
		t.Fatalf("err = %v", err)
	}
	if h, _ := History(d); len(h) != 1 {
		t.Error("a refused undo changed the journal")
	}
}

func TestJournalKeepsMaxSteps(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	orig := files(t, d)
	n := journal.MaxSteps + 3
	for i := 0; i < n; i++ {
		mustApply(t, d, SetStatus{Groups: []int{2}, Confirm: i%2 == 0})
	}
	h, err := History(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != journal.MaxSteps || h[0].Step != 4 || h[len(h)-1].Step != n {
		t.Fatalf("journal holds %d steps, %d to %d", len(h), h[0].Step, h[len(h)-1].Step)
	}
	if _, _, err := Undo(d, journal.MaxSteps, false); err != nil {
		t.Fatal(err)
	}
	// Step 3 was confirm (i = 2): undoing back to it leaves group 2 as
	// after steps 1-3, which is confirmed; the oldest steps are gone.
	a, _ := d.Alignment()
	if a.Groups[1].Status != document.Confirmed {
		t.Errorf("group 2 is %s", a.Groups[1].Status)
	}
	mustApply(t, d, SetStatus{Groups: []int{2}})
	sameFiles(t, files(t, d), orig)
}

// randomOp makes an edit for the current alignment from r: mostly valid,
// sometimes not (out of range, a sentence that is not there), like a
// person at the keyboard.
func randomOp(r *rand.Rand, a *document.Alignment) Op {
	n := len(a.Groups)
	g := 1 + r.IntN(n+1) // n+1 is out of range on purpose
	lang := a.Languages[r.IntN(len(a.Languages))]
	switch r.IntN(8) {
	case 0:
		return Merge{Group: g}
	case 1:
		at := map[string]int{lang: 1 + r.IntN(3)}
		if r.IntN(2) == 0 {
			at[a.Languages[r.IntN(len(a.Languages))]] = 1 + r.IntN(3)
		}
		return Split{Group: g, At: at}
	case 2:
		return Move{Group: g, Lang: lang, Next: r.IntN(2) == 0}
	case 3:
		texts := []string{"Қате түзетілді.", "Исправлено.", "Fixed.", "東京 жаңалығы.", "A much longer sentence that replaces a short one, to shift every later span."}
		return EditText{Group: g, Lang: lang, Sentence: 1 + r.IntN(2), Text: texts[r.IntN(len(texts))]}
	case 4, 5:
		lo := 1 + r.IntN(n)
		return SetStatus{Groups: []int{lo, min(lo+r.IntN(3), n)}, Confirm: r.IntN(3) > 0}
	default:
		notes := []string{"", "проверить", "тексерілді", "check the tense"}
		return SetNote{Group: g, Note: notes[r.IntN(len(notes))]}
	}
}

// TestEditsThenUndosRestoreEverything is the journal's property: any
// sequence of edits followed by as many undos gives back the original
// files byte for byte. Each seed is one sequence.
func TestEditsThenUndosRestoreEverything(t *testing.T) {
	seeds := 60
	if testing.Short() {
		seeds = 10
	}
	for seed := 0; seed < seeds; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			checkEditsUndo(t, rand.New(rand.NewPCG(uint64(seed), 7)), 4+seed%20)
		})
	}
}

func checkEditsUndo(t testing.TB, r *rand.Rand, length int) {
	shape := reviewtest.Uneven
	if r.IntN(2) == 0 {
		shape = reviewtest.OneToOne
	}
	d := newDoc(t, shape)
	formats := randomFormatting(t, r, d)
	orig := files(t, d)
	steps := 0
	var trail []string
	for i := 0; i < length; i++ {
		snap, err := Load(d)
		if err != nil {
			t.Fatal(err)
		}
		op := randomOp(r, snap.Alignment)
		res, err := Apply(d, op, Options{})
		trail = append(trail, fmt.Sprintf("%+v: err=%v", op, err))
		if err != nil {
			var m interface{ MessageID() string }
			if !errors.As(err, &m) || !strings.HasPrefix(m.MessageID(), "review.") {
				t.Fatalf("%s\nunexpected error kind %T", strings.Join(trail, "\n"), err)
			}
			continue
		}
		if res.Step > 0 {
			steps++
		}
		after := mustLoad(t, d)
		if probs := after.Verify(); len(probs) > 0 {
			t.Fatalf("%s\nafter this edit the alignment does not verify: %v", strings.Join(trail, "\n"), probs)
		}
		// The formatting moved with the edit reads again, made for the
		// text, every span over its words.
		now := after.Doc
		for lang := range formats {
			f, err := now.Formatting(lang)
			if err != nil {
				t.Fatalf("%s\nafter this edit: %v", strings.Join(trail, "\n"), err)
			}
			text, err := now.Text(lang)
			if err != nil {
				t.Fatal(err)
			}
			if f.Text != document.Hash(text) {
				t.Fatalf("%s\nafter this edit the %s formatting is not made for the text", strings.Join(trail, "\n"), lang)
			}
			if _, _, err := f.For(text); err != nil {
				t.Fatalf("%s\nafter this edit: %v", strings.Join(trail, "\n"), err)
			}
		}
	}
	for lang, want := range formats {
		defer func() {
			if got, _ := os.ReadFile(filepath.Join(d.Dir(), document.FormatName(lang))); string(got) != want {
				t.Errorf("%s\nafter undo the %s formatting is not what it was:\n%s\nwant\n%s", strings.Join(trail, "\n"), lang, got, want)
			}
		}()
	}
	if steps > 0 {
		if _, _, err := Undo(d, steps, false); err != nil {
			t.Fatalf("%s\nundo %d: %v", strings.Join(trail, "\n"), steps, err)
		}
	}
	sameFiles(t, files(t, d), orig)
	if h, _ := History(d); len(h) != 0 {
		t.Errorf("%d journal entries left", len(h))
	}
}

// randomFormatting gives each language of d random formatting, as a file
// holds it (spans over words, without white space at their edges, crossing
// only where they may), and returns the files written.
func randomFormatting(t testing.TB, r *rand.Rand, d *document.Document) map[string]string {
	out := map[string]string{}
	for _, lang := range []string{"en", "ru", "kk"} {
		text, err := d.Text(lang)
		if err != nil {
			t.Fatal(err)
		}
		var cuts []int
		for i := range text {
			cuts = append(cuts, i)
		}
		var spans []docformat.Span
		for range r.IntN(12) {
			a, b := cuts[r.IntN(len(cuts))], cuts[r.IntN(len(cuts))]
			if a > b {
				a, b = b, a
			}
			if s := text[a:b]; s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "\n\n") {
				continue
			}
			kind := []string{docformat.Bold, docformat.Italic, docformat.Link}[r.IntN(3)]
			spans = append(spans, docformat.Span{Start: a, End: b, Kind: kind, Text: text[a:b]})
			if f, err := document.ParseFormatting("x", (&document.Formatting{Spans: spans}).Marshal(lang)); err != nil || len(f.Spans) != len(spans) {
				spans = spans[:len(spans)-1] // crossing where it may not
			}
		}
		data := (&document.Formatting{Text: document.Hash(text), Spans: spans}).Marshal(lang)
		if err := os.WriteFile(filepath.Join(d.Dir(), document.FormatName(lang)), data, 0o644); err != nil {
			t.Fatal(err)
		}
		out[lang] = string(data)
	}
	return out
}

func mustLoad(t testing.TB, d *document.Document) *Snapshot {
	t.Helper()
	s, err := Load(d)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// FuzzEditsThenUndos runs the same property with sequences the fuzzer
// picks.
func FuzzEditsThenUndos(f *testing.F) {
	f.Add(uint64(1), uint8(5))
	f.Add(uint64(42), uint8(12))
	f.Fuzz(func(t *testing.T, seed uint64, length uint8) {
		checkEditsUndo(t, rand.New(rand.NewPCG(seed, 7)), int(length%24))
	})
}

func TestHandEditedJournalCannotEscape(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	mustApply(t, d, Merge{Group: 1})
	p := filepath.Join(d.Dir(), journal.Folder, "000001.yaml")
	b, _ := os.ReadFile(p)
	bad := strings.Replace(string(b), "name: alignment.yaml", "name: ../../tilmash.yaml", 1)
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Undo(d, 1, false)
	var je *journal.JournalError
	if !errors.As(err, &je) || !strings.Contains(je.Error(), "000001.yaml") {
		t.Fatalf("err = %v, want a JournalError", err)
	}
}
