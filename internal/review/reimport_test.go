package review

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestReviewedWorkSurvivesReimport checks, with the document package's
// Import, that what a reviewer did is kept when a language is imported
// again: all of it for the same text, all but the changed sentence's group
// for a corrected text.
func TestReviewedWorkSurvivesReimport(t *testing.T) {
	d := newDoc(t, reviewtest.OneToOne)
	mustApply(t, d, Merge{Group: 2})
	mustApply(t, d, Split{Group: 2, At: map[string]int{"en": 2, "ru": 2, "kk": 2}})
	mustApply(t, d, Move{Group: 6, Lang: "kk", Next: false})
	mustApply(t, d, SetNote{Group: 4, Note: "checked with the desk"})
	mustApply(t, d, SetStatus{Groups: []int{1, 2, 3, 4, 5}, Confirm: true})
	reviewed := files(t, d)

	// The same text: nothing is written.
	res, err := document.Import(d.WS, d.ID, "ru", []byte(reviewed["ru.txt"]), "ru.txt", document.ImportOptions{})
	if err != nil || !res.Unchanged {
		t.Fatalf("re-import of the same text: %+v, %v", res, err)
	}
	sameFiles(t, files(t, d), reviewed)

	// A typo fixed in the sentence of group 3 (the judge), which is not the
	// last one, so every later span moves.
	fixed := strings.Replace(reviewed["ru.txt"], "новые доказательства.", "новые доказательства по делу.", 1)
	if _, err := document.Import(d.WS, d.ID, "ru", []byte(fixed), "ru.txt", document.ImportOptions{}); err == nil {
		t.Fatal("a re-import that detaches a confirmed group went through without Force")
	}
	res, err = document.Import(d.WS, d.ID, "ru", []byte(fixed), "ru.txt", document.ImportOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lost) != 1 || res.Lost[0] != 3 || res.LostConfirmed != 1 {
		t.Fatalf("lost %v (%d confirmed), want group 3", res.Lost, res.LostConfirmed)
	}
	snap := mustLoad(t, d)
	if probs := snap.Verify(); len(probs) > 0 {
		t.Fatalf("after the re-import the alignment does not verify: %v", probs)
	}
	var got []string
	for _, g := range snap.Alignment.Groups {
		got = append(got, string(g.Status[0])+g.Kind(snap.Alignment.Languages))
	}
	if want := "c1-1-1 c1-1-1 f1-0-1 c1-1-1 c1-1-2 f1-1-0"; strings.Join(got, " ") != want {
		t.Errorf("after the re-import: %s, want %s", strings.Join(got, " "), want)
	}
	if n := snap.Alignment.Groups[3].Note; n != "checked with the desk" {
		t.Errorf("the note of group 4 is %q", n)
	}

	// The re-import is a journal step: one undo takes it back, byte for
	// byte, and leaves the five review steps.
	undone, _, err := Undo(d, 1, false)
	if err != nil || len(undone) != 1 || undone[0].Message != "review.done.import" || undone[0].Step != 6 {
		t.Fatalf("undo of the re-import: %v, %v", undone, err)
	}
	sameFiles(t, files(t, d), reviewed)
	if h, _ := History(d); len(h) != 5 {
		t.Errorf("journal holds %d steps", len(h))
	}
}
