package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

func newJournal(t testing.TB) *Journal {
	t.Helper()
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &Journal{WS: ws, Dir: filepath.Join("documents", "d"), Name: "d", Valid: func(n string) bool { return n == "a.yaml" || n == "b.txt" }}
}

func commit(t testing.TB, j *Journal, files map[string]string) int {
	t.Helper()
	tx, err := j.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"b.txt", "a.yaml"} {
		if c, ok := files[n]; ok {
			tx.Write(n, []byte(c))
		}
	}
	step, err := tx.Commit("review.done.align", nil, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return step
}

func read(t testing.TB, j *Journal, name string) (string, bool) {
	t.Helper()
	b, ok, err := j.current(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), ok
}

// bigYAML is an alignment-sized file: n groups of three lines.
func bigYAML(n int, change int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		status := "aligned"
		if i == change {
			status = "confirmed"
		}
		fmt.Fprintf(&b, "  - status: %s\n    en:\n      - {at: %d-%d, text: Sentence number %d of a long article.}\n", status, i*40, i*40+39, i)
	}
	return b.String()
}

// TestStepsAreSmallAndBounded is bug 10's journal part: a step that
// changes one group of a large file stores that group, not the file, and
// the journal's total size stays within its bound, newest kept.
func TestStepsAreSmallAndBounded(t *testing.T) {
	j := newJournal(t)
	const groups = 4000 // about 300 KB
	commit(t, j, map[string]string{"a.yaml": bigYAML(groups, -1)})
	for i := 0; i < 10; i++ {
		commit(t, j, map[string]string{"a.yaml": bigYAML(groups, i)})
	}
	h, err := j.History()
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, e := range h[1:] {
		if e.size > 4096 {
			t.Errorf("step %d takes %d bytes for a one-line change", e.Step, e.size)
		}
		total += e.size
	}
	if size := int64(len(bigYAML(groups, -1))); total > size/10 {
		t.Errorf("10 one-line steps take %d bytes; the file is %d", total, size)
	}
	// A small bound prunes the oldest steps, and keeps the newest even
	// when it alone is bigger than the bound.
	j.MaxBytes = 3000
	commit(t, j, map[string]string{"a.yaml": "rewritten\n"})
	h, _ = j.History()
	if len(h) != 1 || h[0].Step != 12 {
		t.Fatalf("after a big step under a small bound: %d steps, newest %d", len(h), h[len(h)-1].Step)
	}
	j.MaxBytes = 0
	if _, _, err := j.Undo(1, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := read(t, j, "a.yaml"); got != bigYAML(groups, 9) {
		t.Error("undo of the rewrite did not give the file back")
	}
}

// TestUndoOfACreatedFileRemovesIt: a step that created a file (the first
// import, the first alignment) is undone by removing it; the empty folders
// go too.
func TestUndoOfACreatedFileRemovesIt(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"b.txt": "text\n", "a.yaml": "x: 1\n"})
	if _, _, err := j.Undo(1, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(j.WS.Path(j.Dir)); !os.IsNotExist(err) {
		t.Errorf("the folder is still there: %v", err)
	}
}

// TestOldFullCopyEntriesStillUndo: entries written before steps were
// diffs hold the whole earlier content; undo still uses them.
func TestOldFullCopyEntriesStillUndo(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"a.yaml": "new content\n"})
	old := "step: 1\ntime: 2025-01-01T00:00:00Z\nmessage: review.done.merge\nfiles:\n  - name: a.yaml\n" +
		"    before-sha256: " + Hash([]byte("old content\n  with lines\n")) + "\n" +
		"    after-sha256: " + Hash([]byte("new content\n")) + "\n" +
		"    before: |\n      old content\n        with lines\n"
	if err := os.WriteFile(j.WS.Path(j.rel(1)), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := j.Undo(1, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := read(t, j, "a.yaml"); got != "old content\n  with lines\n" {
		t.Errorf("got %q", got)
	}
}

func TestParseEntryRefusesBadEntries(t *testing.T) {
	valid := func(name string) bool { return name == "alignment.yaml" }
	sum := Hash(nil)
	tests := []struct{ name, data, want string }{
		{"not yaml", "step: [", "e.yaml:1:"},
		{"empty", "", "the entry is empty"},
		{"no files", "step: 1\nmessage: m\n", "needs a step, a message and files"},
		{"bad name", "step: 1\nmessage: m\nfiles:\n  - name: ../x\n    before-sha256: " + sum + "\n", "e.yaml:4: \"../x\" is not a file"},
		{"bad sum", "step: 1\nmessage: m\nfiles:\n  - name: alignment.yaml\n    before-sha256: 00\n    before: x\n", "e.yaml:4: the saved copy of alignment.yaml does not match"},
		{"no before", "step: 1\nmessage: m\nfiles:\n  - name: alignment.yaml\n    after-sha256: 00\n", "has no before-sha256"},
		{"hunks out of order", "step: 1\nmessage: m\nfiles:\n  - name: alignment.yaml\n    before-sha256: 00\n    undo: |\n      5 2 0 ab\n      3 0 0 cd\n", "e.yaml:8: undo line 2 of alignment.yaml: the lines are out of order"},
		{"bad undo line", "step: 1\nmessage: m\nfiles:\n  - name: alignment.yaml\n    before-sha256: 00\n    undo: |\n      5 x 0 ab\n", "e.yaml:7: undo line 1 of alignment.yaml: \"x\" is not a count"},
		{"cut short", "step: 1\nmessage: m\nfiles:\n  - name: alignment.yaml\n    before-sha256: 00\n    undo: |\n      5 1 9 ab\n--- saved lines\nab\n", "the saved lines are cut short"},
	}
	for _, tt := range tests {
		_, err := ParseEntry("e.yaml", []byte(tt.data), valid)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// FuzzParseEntry checks that any content survives an entry's round trip
// byte for byte (the entry is YAML, which has its own ideas about white
// space and line ends), as saved lines and as an old whole copy, and that
// the parser never panics.
func FuzzParseEntry(f *testing.F) {
	f.Add("groups:\n  - status: aligned\n", "groups:\n", "step: 1\n")
	f.Add("  leading\ttab\r\nand CRLF  \n\n\n", "x", "")
	f.Add("Сот\u00a0арал 東京 \x00 \ufeff", "", "files: [{name: x}]")
	f.Fuzz(func(t *testing.T, older, newer, junk string) {
		valid := func(name string) bool { return name == "alignment.yaml" }
		e := &Entry{Step: 3, Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Message: "review.done.merge",
			Data: map[string]any{"Group": 2},
			Files: []FileState{
				{Name: "alignment.yaml", BeforeSum: Hash([]byte(older)), AfterSum: Hash([]byte(newer)), Undo: Diff([]byte(older), []byte(newer))},
				{Name: "alignment.yaml", BeforeSum: Hash([]byte(older)), AfterSum: "x", Full: &older},
			}}
		data, err := e.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseEntry("e.yaml", data, valid)
		if err != nil {
			t.Fatalf("%q: %v\n%s", older, err, data)
		}
		got, err := Reverse([]byte(newer), back.Files[0].Undo, true)
		if err != nil || string(got) != older || *back.Files[1].Full != older || back.Step != 3 || back.Data["Group"] != 2 {
			t.Fatalf("round trip changed the entry: %#v (%q, %v)", back, got, err)
		}
		_, _ = ParseEntry("junk.yaml", []byte(junk), valid)
	})
}

// TestJournalNotAFolder: a file where the journal folder should be (a
// stray copy, a sync tool's conflict) is reported as such, as the
// journal error that blocks edits and undo but not reading, and the
// file is left alone.
func TestJournalNotAFolder(t *testing.T) {
	j := newJournal(t)
	commit(t, j, map[string]string{"b.txt": "one\n"})
	dir := j.WS.Path(j.Dir, Folder)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a journal\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := j.Begin()
	if err == nil {
		t.Fatal("Begin accepted a file for the journal folder")
	}
	check := func(what string, err error) {
		t.Helper()
		var je *JournalError
		if !errors.As(err, &je) || locale.ID(err) != "review.journal-not-folder" || strings.Contains(err.Error(), "not a directory") {
			t.Errorf("%s: %v (%T), want review.journal-not-folder", what, err, err)
		}
		if want := filepath.Join("documents", "d", "journal") + " is a file"; !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %q does not say %q", what, err, want)
		}
	}
	check("Begin", err)
	_, err = j.Interrupted()
	check("Interrupted", err)
	_, _, err = j.Undo(1, false)
	check("Undo", err)
	if data, err := os.ReadFile(dir); err != nil || string(data) != "not a journal\n" {
		t.Errorf("the file became %q, %v", data, err)
	}
}
