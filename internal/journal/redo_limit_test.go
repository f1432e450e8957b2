package journal

import (
	"time"

	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// journalBytes is the size of every entry of j's folder, the steps undo
// takes back and those redo puts back.
func journalBytes(t *testing.T, j *Journal) int64 {
	t.Helper()
	entries, err := os.ReadDir(j.dir())
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, e := range entries {
		if fi, err := os.Stat(filepath.Join(j.dir(), e.Name())); err == nil && strings.HasSuffix(e.Name(), ".yaml") {
			total += fi.Size()
		}
	}
	return total
}

// TestRedoEntriesCountInTheSizeLimit: a step that adds text keeps little
// (undo only removes the lines), but its redo entry keeps the text; undone
// imports or aligns of long articles filled the journal folder past its
// size limit, which only the steps were counted in. The redo entries now
// count: those redo would put back last go first, the next one stays (as
// the newest step does), and redo still puts it back.
func TestRedoEntriesCountInTheSizeLimit(t *testing.T) {
	j := newJournal(t)
	const limit = 50_000
	j.MaxBytes = limit
	commit(t, j, map[string]string{"a.yaml": "x: 1\n"})
	var text strings.Builder
	for step := 2; step <= 6; step++ {
		for i := range 400 { // about 20 KB a step
			fmt.Fprintf(&text, "step %d adds sentence %d of a long article.\n", step, i)
		}
		commit(t, j, map[string]string{"b.txt": text.String()})
	}
	if n := journalBytes(t, j); n > limit {
		t.Fatalf("before the undo the journal takes %d bytes", n)
	}
	if _, _, err := j.Undo(5, false); err != nil {
		t.Fatal(err)
	}
	if n := journalBytes(t, j); n > limit {
		t.Errorf("after the undo the journal takes %d bytes, over its %d", n, limit)
	}
	n, err := j.RedoCount()
	if err != nil || n < 1 || n == 5 {
		t.Fatalf("%d steps to redo (%v): want the next ones only", n, err)
	}
	// What is kept is the next steps, in order.
	for range n {
		if _, _, err := j.Redo(1, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := read(t, j, "b.txt")
	if want := n + 1; !strings.Contains(got, fmt.Sprintf("step %d adds", want)) || strings.Contains(got, fmt.Sprintf("step %d adds", want+1)) {
		t.Errorf("after %d redos the text holds up to another step:\n%.200s…", n, got)
	}
	if n := journalBytes(t, j); n > limit {
		t.Errorf("after the redos the journal takes %d bytes", n)
	}
}
