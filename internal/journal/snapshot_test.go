package journal_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestApplyWithSnapshot: an edit given the snapshot its caller loaded
// writes the same files and journal as one that reads them itself, and
// a snapshot of the state before an interrupted edit is not edited: the
// edit recovers, reads the files again and applies to what they hold.
func TestApplyWithSnapshot(t *testing.T) {
	ops := []review.Op{
		review.SetStatus{Groups: []int{2}, Confirm: true},
		review.SetNote{Group: 1, Note: "check the date"},
		review.EditText{Group: 3, Lang: "ru", Sentence: 1, Text: "Судья запросил новые улики."},
		review.Merge{Group: 4},
	}
	plain, given := reviewtest.Document(t, reviewtest.OneToOne), reviewtest.Document(t, reviewtest.OneToOne)
	for _, op := range ops {
		mustApply(t, plain, op)
		if _, err := review.Apply(given, op, review.Options{Snapshot: mustLoad(t, given)}); err != nil {
			t.Fatal(err)
		}
		sameFiles(t, files(t, given), files(t, plain))
	}

	d := reviewtest.Document(t, reviewtest.OneToOne)
	orig := files(t, d)
	crash(t, d, "meta.yaml", "edit")
	snap := mustLoad(t, d)
	if snap.Interrupted == nil {
		t.Fatal("Load did not notice the interrupted edit")
	}
	// Break the snapshot: were it used, the edit would write this.
	snap.Alignment.Groups = snap.Alignment.Groups[:1]
	res, err := review.Apply(d, review.SetNote{Group: 1, Note: "after the crash"}, review.Options{Snapshot: snap})
	if err != nil || res.Recovered == nil || len(res.Alignment.Groups) != 6 {
		t.Fatalf("apply after a crash: %v, recovered %v", err, res.Recovered)
	}
	if _, _, err := review.Undo(d, 1, false); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, files(t, d), orig)
}

// TestResultSnapshot: the snapshot an edit returns of the state it left
// (what tilmash serve keeps for the next page instead of reading the
// files again) is what Load reads from the files right after it, down to
// the line numbers of the groups and the meta of a changed text; an edit
// that changes nothing has none.
func TestResultSnapshot(t *testing.T) {
	ops := []struct {
		name string
		op   review.Op
	}{
		{"confirm", review.SetStatus{Groups: []int{2, 3}, Confirm: true}},
		{"note", review.SetNote{Group: 1, Note: "a note: with \"quotes\"\nand two lines"}},
		{"edit a sentence", review.EditText{Group: 3, Lang: "ru", Sentence: 1, Text: "Судья запросил новые улики."}},
		{"edit the title", review.EditText{Group: 1, Lang: "kk", Sentence: 1, Text: "Сот Арал балықшыларын тыңдады"}},
		{"merge", review.Merge{Group: 4}},
		{"split", review.Split{Group: 4, At: map[string]int{"ru": 2}}},
		{"move", review.Move{Group: 2, Lang: "kk", Next: true}},
	}
	d := reviewtest.Document(t, reviewtest.OneToOne)
	for _, c := range ops {
		res := mustApply(t, d, c.op)
		got, err := res.Snapshot()
		if err != nil || got == nil {
			t.Fatalf("%s: snapshot %v, %v", c.name, got, err)
		}
		fresh, err := document.Open(d.WS, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := mustLoad(t, fresh)
		if !bytes.Equal(got.Raw, want.Raw) || !reflect.DeepEqual(got.Texts, want.Texts) {
			t.Errorf("%s: the snapshot's files are not those on disk", c.name)
		}
		if !reflect.DeepEqual(got.Alignment, want.Alignment) {
			t.Errorf("%s: the snapshot's alignment is not the one read from the file", c.name)
		}
		if !reflect.DeepEqual(got.Doc.Meta, want.Doc.Meta) {
			t.Errorf("%s: meta %+v, on disk %+v", c.name, got.Doc.Meta, want.Doc.Meta)
		}
		if got.Interrupted != nil {
			t.Errorf("%s: the snapshot has an interrupted edit", c.name)
		}
		d = fresh
	}
	res := mustApply(t, d, review.SetNote{Group: 1, Note: "a note: with \"quotes\"\nand two lines"})
	if res.Step != 0 {
		t.Fatalf("the same note again made step %d", res.Step)
	}
	if got, err := res.Snapshot(); got != nil || err != nil {
		t.Errorf("an edit that changed nothing has snapshot %v, %v", got, err)
	}
}
