package journal_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

// TestFailedWriteTakesTheStepBack: when the system refuses one file of a
// step after others were written (here alignment.yaml turns read-only
// between the writes, as a full disk or a permission would stop it), the
// step is taken back at once: the files are as before, no step is left
// for the next command to roll back as if after a crash, and the journal
// has no entry for it.
func TestFailedWriteTakesTheStepBack(t *testing.T) {
	d := reviewtest.Document(t, reviewtest.Uneven)
	before := files(t, d)
	steps, err := d.Journal().History()
	if err != nil {
		t.Fatal(err)
	}
	wrote := ""
	d.WS.BeforeWrite = func(name string) {
		if wrote != "" && name == "alignment.yaml" {
			_ = os.Chmod(filepath.Join(d.Dir(), name), 0o444)
		}
		if wrote == "" {
			wrote = name
		}
	}
	_, err = review.Apply(d, review.EditText{Group: 2, Lang: "ru", Sentence: 1, Text: "В понедельник суд рассмотрел дело рыбаков."}, review.Options{})
	d.WS.BeforeWrite = nil
	if err == nil {
		t.Fatal("the edit went through a read-only alignment.yaml")
	}
	if wrote == "alignment.yaml" {
		t.Fatal("alignment.yaml was the first file written: the test needs another one first")
	}
	_ = os.Chmod(filepath.Join(d.Dir(), "alignment.yaml"), 0o644)
	sameFiles(t, files(t, d), before)
	if e, err := d.Journal().Interrupted(); err != nil || e != nil {
		t.Errorf("a half-done step is left for the next command: %+v %v", e, err)
	}
	if after, _ := d.Journal().History(); len(after) != len(steps) {
		t.Errorf("journal has %d steps, had %d", len(after), len(steps))
	}
}
