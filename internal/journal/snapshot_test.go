package journal_test

import (
	"testing"

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
	plain, given := newDoc(t, reviewtest.OneToOne), newDoc(t, reviewtest.OneToOne)
	for _, op := range ops {
		mustApply(t, plain, op)
		if _, err := review.Apply(given, op, review.Options{Snapshot: mustLoad(t, given)}); err != nil {
			t.Fatal(err)
		}
		sameFiles(t, files(t, given), files(t, plain))
	}

	d := newDoc(t, reviewtest.OneToOne)
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
