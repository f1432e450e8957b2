package journal_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/workspace"
)

// docFiles are the files a step may change.
var docFiles = []string{"alignment.yaml", "meta.yaml", "en.txt", "ru.txt", "kk.txt"}

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
			t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", f, got[f], want[f])
		}
	}
}

func mustApply(t testing.TB, d *document.Document, op review.Op) *review.Result {
	t.Helper()
	res, err := review.Apply(d, op, review.Options{})
	if err != nil {
		t.Fatalf("%#v: %v", op, err)
	}
	return res
}

func mustLoad(t testing.TB, d *document.Document) *review.Snapshot {
	t.Helper()
	s, err := review.Load(d)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The crash tests run an edit in a child process that dies, for real, at
// a chosen point: after the journal entry is written, before a given file.

const crashEnv = "TILMASH_JOURNAL_CRASH"

// TestCrashChild is the child: it is skipped unless the parent set
// crashEnv to "DIR|FILE|OP".
func TestCrashChild(t *testing.T) {
	spec := os.Getenv(crashEnv)
	if spec == "" {
		t.Skip("only run as the child of a crash test")
	}
	parts := strings.Split(spec, "|")
	d := openAt(t, parts[0])
	d.WS.BeforeWrite = func(name string) {
		if name == parts[1] {
			os.Exit(3) // a crash: no deferred cleanup, no further writes
		}
	}
	var err error
	switch parts[2] {
	case "merge":
		_, err = review.Apply(d, review.Merge{Group: 2}, review.Options{})
	case "edit":
		_, err = review.Apply(d, review.EditText{Group: 2, Lang: "ru", Sentence: 1, Text: "В понедельник суд рассмотрел дело рыбаков."}, review.Options{})
	case "undo":
		_, _, err = review.Undo(d, 1, false)
	}
	t.Fatalf("the child was not stopped before writing %s (err %v)", parts[1], err)
}

func openAt(t *testing.T, dir string) *document.Document {
	t.Helper()
	ws, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "demo")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// crash runs the child and checks that it died where it was told to.
func crash(t *testing.T, d *document.Document, beforeFile, op string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+d.WS.Root+"|"+beforeFile+"|"+op)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func TestCrashBetweenJournalAndAlignment(t *testing.T) {
	d := reviewtest.Document(t, reviewtest.OneToOne)
	orig := files(t, d)
	mustApply(t, d, review.SetStatus{Groups: []int{2}, Confirm: true})
	afterFirst := files(t, d)

	crash(t, d, "alignment.yaml", "merge")
	sameFiles(t, files(t, d), afterFirst) // nothing but the journal was written
	if h, _ := review.History(d); len(h) != 2 {
		t.Fatalf("journal holds %d entries, want the interrupted one too", len(h))
	}
	// show reads a usable state without writing.
	snap := mustLoad(t, d)
	if snap.Interrupted != nil || len(snap.Verify()) > 0 || len(snap.Alignment.Groups) != 6 {
		t.Errorf("snapshot: interrupted %v, problems %v, %d groups", snap.Interrupted, snap.Verify(), len(snap.Alignment.Groups))
	}
	// One undo takes back one step: the crashed merge, and not also the
	// completed confirmation before it.
	undone, rec, err := review.Undo(d, 1, false)
	if err != nil || rec == nil || rec.Message != "review.done.merge" || len(undone) != 0 {
		t.Fatalf("undo: %v, recovered %v, undone %v", err, rec, undone)
	}
	sameFiles(t, files(t, d), afterFirst)
	if h, _ := review.History(d); len(h) != 1 || h[0].Step != 1 {
		t.Fatalf("the journal should keep step 1, holds %v", h)
	}
	// The next undo takes back the confirmation.
	if undone, rec, err = review.Undo(d, 1, false); err != nil || rec != nil || len(undone) != 1 {
		t.Fatalf("second undo: %v, recovered %v, undone %v", err, rec, undone)
	}
	sameFiles(t, files(t, d), orig)
}

// TestCrashHalfwayThenUndoTakesBackOneStep is bug 14 with the crash in the
// middle of the files: the edit wrote its text, not its alignment.
func TestCrashHalfwayThenUndoTakesBackOneStep(t *testing.T) {
	d := reviewtest.Document(t, reviewtest.OneToOne)
	mustApply(t, d, review.SetNote{Group: 1, Note: "done"})
	afterFirst := files(t, d)
	crash(t, d, "alignment.yaml", "edit")
	undone, rec, err := review.Undo(d, 1, false)
	if err != nil || rec == nil || len(undone) != 0 {
		t.Fatalf("undo: %v, recovered %v, undone %v", err, rec, undone)
	}
	sameFiles(t, files(t, d), afterFirst)
}

func TestCrashHalfwayThroughATextEdit(t *testing.T) {
	for _, stop := range []string{"alignment.yaml", "meta.yaml"} {
		t.Run(stop, func(t *testing.T) {
			d := reviewtest.Document(t, reviewtest.OneToOne)
			orig := files(t, d)
			crash(t, d, stop, "edit")
			if files(t, d)["ru.txt"] == orig["ru.txt"] {
				t.Fatal("the child did not get as far as the text")
			}
			snap := mustLoad(t, d)
			if snap.Interrupted == nil {
				t.Fatal("Load did not notice the interrupted edit")
			}
			if probs := snap.Verify(); len(probs) > 0 {
				t.Errorf("the snapshot of an interrupted edit does not verify: %v", probs)
			}
			if snap.Texts["ru"] != orig["ru.txt"] {
				t.Error("the snapshot does not show the text as before the edit")
			}
			// The next edit recovers first, then applies.
			res := mustApply(t, d, review.SetNote{Group: 1, Note: "after the crash"})
			if res.Recovered == nil || res.Step != 1 {
				t.Fatalf("recovered %v, step %d", res.Recovered, res.Step)
			}
			if _, _, err := review.Undo(d, 1, false); err != nil {
				t.Fatal(err)
			}
			sameFiles(t, files(t, d), orig)
		})
	}
}

func TestCrashDuringUndo(t *testing.T) {
	d := reviewtest.Document(t, reviewtest.OneToOne)
	orig := files(t, d)
	mustApply(t, d, review.EditText{Group: 2, Lang: "ru", Sentence: 1, Text: "В понедельник суд рассмотрел дело рыбаков."})
	// Undo restores meta.yaml, then alignment.yaml, then ru.txt: stop
	// before the last.
	crash(t, d, "ru.txt", "undo")
	now := files(t, d)
	if now["meta.yaml"] != orig["meta.yaml"] || now["ru.txt"] == orig["ru.txt"] {
		t.Fatal("the child did not stop halfway through the undo")
	}
	if snap := mustLoad(t, d); snap.Interrupted == nil || len(snap.Verify()) > 0 {
		t.Fatalf("snapshot after an interrupted undo: %v %v", snap.Interrupted, snap.Verify())
	}
	rec, err := review.Recover(d)
	if err != nil || rec == nil {
		t.Fatalf("recover: %v %v", rec, err)
	}
	sameFiles(t, files(t, d), orig)
	if h, _ := review.History(d); len(h) != 0 {
		t.Errorf("journal holds %d entries", len(h))
	}
}

// Files git put back after a step (a stash, a checkout of some files: the
// journal is git-ignored and stays) are newer than the step's entry. That
// is no crash: nothing is rolled back, the entry stays, and undo refuses
// it as a step whose files changed. Before, the half of the step still on
// disk was "rolled back" and the entry dropped.
func TestFilesGitPutBackAreNotACrash(t *testing.T) {
	d := reviewtest.Document(t, reviewtest.OneToOne)
	orig := files(t, d)
	mustApply(t, d, review.EditText{Group: 2, Lang: "ru", Sentence: 1, Text: "В понедельник суд рассмотрел дело рыбаков."})
	edited := files(t, d)
	entry := filepath.Join(d.Dir(), "journal", "000001.yaml")
	past := time.Now().Add(-time.Hour)
	for _, f := range append([]string{entry}, filepath.Join(d.Dir(), "alignment.yaml"), filepath.Join(d.Dir(), "ru.txt")) {
		if err := os.Chtimes(f, past, past); err != nil {
			t.Fatal(err)
		}
	}
	// git checkout HEAD -- meta.yaml: as before the step, written now.
	if err := os.WriteFile(filepath.Join(d.Dir(), "meta.yaml"), []byte(orig["meta.yaml"]), 0o644); err != nil {
		t.Fatal(err)
	}
	if snap := mustLoad(t, d); snap.Interrupted != nil {
		t.Errorf("a reader takes the files git put back for an interrupted step %d", snap.Interrupted.Step)
	}
	rec, err := review.Recover(d)
	if err != nil || rec != nil {
		t.Fatalf("Recover = %v, %v; want nothing recovered", rec, err)
	}
	want := edited
	want["meta.yaml"] = orig["meta.yaml"]
	sameFiles(t, files(t, d), want)
	if h, _ := review.History(d); len(h) != 1 {
		t.Fatalf("journal holds %d entries, want the step kept", len(h))
	}
	if _, _, err := review.Undo(d, 1, false); err == nil || !strings.Contains(err.Error(), "changed after step 1") {
		t.Errorf("undo of the step git half put back: %v", err)
	}
	// The same files as a crash leaves them (meta.yaml not reached, so
	// older than the entry) are rolled back as before.
	if err := os.Chtimes(filepath.Join(d.Dir(), "meta.yaml"), past.Add(-time.Minute), past.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if rec, err := review.Recover(d); err != nil || rec == nil {
		t.Fatalf("Recover after a crash = %v, %v", rec, err)
	}
	sameFiles(t, files(t, d), orig)
}
