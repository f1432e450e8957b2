package journal

import (
	"time"

	"errors"
	"os"
	"testing"
)

// TestRedoPutsBackWhatUndoTookBack: an undo one step too far (a z pressed
// once more in review, --steps 5 for 3) used to delete the steps for good,
// confirmations and merges with them. Redo puts them back, oldest undone
// first, byte for byte, as steps that undo can take back again.
func TestRedoPutsBackWhatUndoTookBack(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"b.txt": "one\n", "a.yaml": "x: 1\n"})
	commit(t, j, map[string]string{"a.yaml": "x: 2\n"})
	commit(t, j, map[string]string{"b.txt": "one\ntwo\n", "a.yaml": "x: 3\n"})
	if _, _, err := j.Undo(2, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := read(t, j, "a.yaml"); got != "x: 1\n" {
		t.Fatalf("after undo: %q", got)
	}
	redoable, err := j.Redoable()
	if err != nil || len(redoable) != 2 || redoable[0].Step != 2 || redoable[1].Step != 3 {
		t.Fatalf("redoable: %v, %v", redoable, err)
	}
	redone, _, err := j.Redo(1, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(redone) != 1 || redone[0].Step != 2 || redone[0].Message != "review.done.align" {
		t.Fatalf("redone: %+v", redone)
	}
	if got, _ := read(t, j, "a.yaml"); got != "x: 2\n" {
		t.Fatalf("after redo of step 2: %q", got)
	}
	if _, _, err := j.Redo(1, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := read(t, j, "b.txt"); got != "one\ntwo\n" {
		t.Fatalf("after redo of step 3: %q", got)
	}
	var none *RedoError
	if _, _, err := j.Redo(1, time.Time{}); !errors.As(err, &none) || none.Have != 0 {
		t.Fatalf("a third redo: %v", err)
	}
	// The redone steps are steps like any other: undo takes them back.
	h, _ := j.History()
	if len(h) != 3 || h[2].Step != 3 {
		t.Fatalf("history after redo: %d steps", len(h))
	}
	if _, _, err := j.Undo(1, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := read(t, j, "a.yaml"); got != "x: 2\n" {
		t.Fatalf("undo of the redone step: %q", got)
	}
}

// TestNewStepEndsRedo: a change made after an undo starts a new history;
// the undone steps can no longer be put back over it.
func TestNewStepEndsRedo(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"a.yaml": "x: 1\n"})
	commit(t, j, map[string]string{"a.yaml": "x: 2\n"})
	if _, _, err := j.Undo(1, false); err != nil {
		t.Fatal(err)
	}
	commit(t, j, map[string]string{"a.yaml": "x: 9\n"})
	var none *RedoError
	if _, _, err := j.Redo(1, time.Time{}); !errors.As(err, &none) {
		t.Fatalf("redo after a new step: %v", err)
	}
	if got, _ := read(t, j, "a.yaml"); got != "x: 9\n" {
		t.Fatalf("the new step was overwritten: %q", got)
	}
}

// TestRedoRefusesChangedFiles: a file changed after the undo (a hand edit,
// a git pull) is not overwritten by a redo.
func TestRedoRefusesChangedFiles(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"a.yaml": "x: 1\n"})
	commit(t, j, map[string]string{"a.yaml": "x: 2\n"})
	if _, _, err := j.Undo(1, false); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(j.path("a.yaml"), []byte("x: by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := j.Redo(1, time.Time{}); err == nil {
		t.Fatal("redo overwrote a hand edit")
	}
	if got, _ := read(t, j, "a.yaml"); got != "x: by hand\n" {
		t.Fatalf("the hand edit is gone: %q", got)
	}
}

// TestRedoOfACreatedFile: undoing the step that created a file removes it;
// redo writes it again. Undoing the very first step of a document takes
// the whole folder away, redo stack included: nothing is left to redo.
func TestRedoOfACreatedFile(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"a.yaml": "x: 1\n"})
	commit(t, j, map[string]string{"b.txt": "new\n"})
	if _, _, err := j.Undo(1, false); err != nil {
		t.Fatal(err)
	}
	if _, ok := read(t, j, "b.txt"); ok {
		t.Fatal("undo left the created file")
	}
	if _, _, err := j.Redo(1, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got, ok := read(t, j, "b.txt"); !ok || got != "new\n" {
		t.Fatalf("redo of a created file: %q %v", got, ok)
	}
	if _, _, err := j.Undo(2, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(j.WS.Path(j.Dir)); !os.IsNotExist(err) {
		t.Errorf("the folder is still there: %v", err)
	}
}

// TestForcedUndoConflictWritesNothing: a forced undo that meets a conflict
// in one of its files stops before writing any: the step is whole, and
// can still be redone or undone later.
func TestForcedUndoConflictWritesNothing(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"b.txt": "one\n", "a.yaml": "x: 1\n"})
	commit(t, j, map[string]string{"b.txt": "two\n", "a.yaml": "x: 2\n"})
	// a.yaml is written last, so restored first; b.txt's own line changed.
	if err := os.WriteFile(j.path("b.txt"), []byte("three\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := j.Undo(1, true); err == nil {
		t.Fatal("a forced undo over the step's own line went through")
	}
	if got, _ := read(t, j, "a.yaml"); got != "x: 2\n" {
		t.Errorf("a.yaml was put back although the undo failed: %q", got)
	}
	if r, _ := j.Redoable(); len(r) != 0 {
		t.Errorf("a failed undo left %d steps to redo", len(r))
	}
}

// TestRedoAfterACrashBetweenStepAndEntry: a redo writes its step, then
// removes its entry; a crash in between leaves an entry whose step is
// back already. The next redo drops it and goes on with the one after,
// rather than refusing it as a change made since the undo.
func TestRedoAfterACrashBetweenStepAndEntry(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"a.yaml": "x: 1\n"})
	commit(t, j, map[string]string{"a.yaml": "x: 2\n"})
	commit(t, j, map[string]string{"a.yaml": "x: 3\n"})
	if _, _, err := j.Undo(2, false); err != nil {
		t.Fatal(err)
	}
	entry, err := os.ReadFile(j.WS.Path(j.redoRel(2)))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := j.Redo(1, time.Time{}); err != nil {
		t.Fatal(err)
	}
	// The crash: the entry of the redone step is still there.
	if err := os.WriteFile(j.WS.Path(j.redoRel(2)), entry, 0o644); err != nil {
		t.Fatal(err)
	}
	redone, _, err := j.Redo(1, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(redone) != 1 || redone[0].Step != 3 {
		t.Fatalf("redone %+v, want step 3", redone)
	}
	if got, _ := read(t, j, "a.yaml"); got != "x: 3\n" {
		t.Fatalf("after the redo: %q", got)
	}
}

// TestRedoAfterAnUndoStoppedHalfway: an undo the system stopped after it
// put back one file (a full disk, a permission) is finished by the next
// command, as after a crash; the step it took back can still be redone.
func TestRedoAfterAnUndoStoppedHalfway(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"b.txt": "one\n", "a.yaml": "x: 1\n"})
	commit(t, j, map[string]string{"b.txt": "two\n", "a.yaml": "x: 2\n"})
	first := ""
	j.BeforeWrite = func(name string) {
		if first == "" {
			first = name
			return
		}
		_ = os.Chmod(j.path(name), 0o444)
	}
	if _, _, err := j.Undo(1, false); err == nil {
		t.Fatal("the undo went through a read-only file")
	}
	j.BeforeWrite = nil
	if err := os.Chmod(j.path("b.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(j.path("a.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if e, err := j.Recover(); err != nil || e == nil || e.Step != 2 {
		t.Fatalf("recover: %+v %v", e, err)
	}
	if got, _ := read(t, j, "b.txt"); got != "one\n" {
		t.Fatalf("after recovery: %q", got)
	}
	if _, _, err := j.Redo(1, time.Time{}); err != nil {
		t.Fatalf("redo of the step the stopped undo took back: %v", err)
	}
	if a, _ := read(t, j, "a.yaml"); a != "x: 2\n" {
		t.Fatalf("after redo: %q", a)
	}
}
