package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// sameSizeEdit changes one letter of data.
func sameSizeEdit(t *testing.T, data []byte) []byte {
	t.Helper()
	i := bytes.IndexAny(data, "aeiou")
	if i < 0 {
		t.Fatal("no vowel to change")
	}
	out := bytes.Clone(data)
	out[i] = 'x'
	return out
}

// keptDigest is the digest of doc1's files through s, as status and align
// take it.
func keptDigest(t *testing.T, s *fileSums, ws *workspace.Workspace) string {
	t.Helper()
	r := ws.NewReader()
	defer r.Close()
	d, err := s.filesDigest(ws, r, "doc1", "wd", []string{"meta.yaml", "en.txt", "ru.txt", "none.txt"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestKeptSumsRacy: a file read within racyWindow of its last change is
// neither remembered nor kept, since an edit of the same size within the
// same tick of the file system's clock would keep its version (inode,
// size, modification and change times): the next read, in the same
// process or the next, reads it again.
func TestKeptSumsRacy(t *testing.T) {
	_, ws := pubWorkspace(t, 1, 1) // its files were just written
	s := &fileSums{}
	want := keptDigest(t, s, ws)
	if n := s.hashed.Load(); n != 3 {
		t.Fatalf("%d files hashed, want 3", n)
	}
	s.saveKept(ws)
	if kept, err := os.ReadFile(ws.Path(workspace.LocalFolder, FileSumsName)); err == nil {
		t.Errorf("files just written kept:\n%s", kept)
	}
	if got := keptDigest(t, s, ws); got != want || s.hashed.Load() != 6 {
		t.Errorf("same process: %d files hashed in all, want 6", s.hashed.Load())
	}
	// Once the files have settled (the clock an hour on), they are.
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	keptDigest(t, s, ws)
	s.saveKept(ws)
	next := &fileSums{}
	if got := keptDigest(t, next, ws); got != want || next.hashed.Load() != 0 {
		t.Errorf("settled, next process: %d files hashed, want 0", next.hashed.Load())
	}
}

// TestKeptSums: the sums of files that had settled are kept across
// processes and trusted while the files' versions are the same; a
// same-size edit, a removed file, a damaged file of sums, or one whose
// time says the file system's clock is not this machine's, are not.
func TestKeptSums(t *testing.T) {
	_, ws := pubWorkspace(t, 2, 1)
	// As if the files had been written an hour before they are read.
	later := func() time.Time { return time.Now().Add(time.Hour) }
	fresh := func() string { return keptDigest(t, nil, ws) }
	sums := ws.Path(workspace.LocalFolder, FileSumsName)

	s := &fileSums{now: later}
	want := keptDigest(t, s, ws)
	if want != fresh() || s.hashed.Load() != 3 {
		t.Fatalf("first: %d files hashed, digest same as fresh: %v", s.hashed.Load(), want == fresh())
	}
	r := ws.NewReader()
	if _, err := s.filesDigest(ws, r, "doc2", "wd", []string{"meta.yaml"}); err != nil {
		t.Fatal(err)
	}
	r.Close()
	s.saveKept(ws)
	s = &fileSums{now: later}
	if got := keptDigest(t, s, ws); got != want || s.hashed.Load() != 0 {
		t.Fatalf("next process: %d files hashed, want 0; digest same: %v", s.hashed.Load(), got == want)
	}

	// A removed document is forgotten when the sums are next written.
	if kept, _ := os.ReadFile(sums); !strings.Contains(string(kept), "doc2") {
		t.Fatalf("doc2 is not kept:\n%s", kept)
	}
	if err := os.RemoveAll(ws.Path(document.Folder, "doc2")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(ws.Path(document.Folder, "doc1", "none.txt"), []byte("new"), 0o644)
	s = &fileSums{now: later}
	keptDigest(t, s, ws)
	s.saveKept(ws)
	if kept, _ := os.ReadFile(sums); strings.Contains(string(kept), "doc2") || !strings.Contains(string(kept), "doc1") {
		t.Errorf("after doc2 was removed, the sums kept are:\n%s", kept)
	}
	os.Remove(ws.Path(document.Folder, "doc1", "none.txt"))

	// A same-size edit after the read (a later tick of the clock).
	editLater(t, ws.Path(document.Folder, "doc1", "en.txt"))
	s = &fileSums{now: later}
	if got := keptDigest(t, s, ws); got != fresh() || got == want || s.hashed.Load() != 1 {
		t.Fatalf("same-size edit: %d files hashed, want 1; digest same as fresh: %v", s.hashed.Load(), got == fresh())
	}
	s.saveKept(ws)

	// A file of sums whose time is an hour off its own record.
	now := time.Now().Add(time.Hour)
	os.Chtimes(sums, now, now)
	s = &fileSums{now: later}
	if got := keptDigest(t, s, ws); got != fresh() || s.hashed.Load() != 3 {
		t.Fatalf("skewed clock: %d files hashed, want 3", s.hashed.Load())
	}
	s.saveKept(ws)
	s = &fileSums{now: later}
	if keptDigest(t, s, ws); s.hashed.Load() != 0 {
		t.Fatalf("written again: %d files hashed, want 0", s.hashed.Load())
	}

	// A damaged file of sums.
	kept, _ := os.ReadFile(sums)
	i := bytes.LastIndex(kept, []byte("documents"))
	kept[i-2] ^= 1 // a digit of the last version
	os.WriteFile(sums, kept, 0o644)
	s = &fileSums{now: later}
	if got := keptDigest(t, s, ws); got != fresh() || s.hashed.Load() != 3 {
		t.Fatalf("damaged: %d files hashed, want 3", s.hashed.Load())
	}
	s.saveKept(ws)

	// A removed file is forgotten.
	os.Remove(ws.Path(document.Folder, "doc1", "ru.txt"))
	s = &fileSums{now: later}
	if got := keptDigest(t, s, ws); got != fresh() {
		t.Fatal("a removed file: the digest is not the fresh one")
	}
	s.saveKept(ws)
	if kept, _ := os.ReadFile(sums); strings.Contains(string(kept), filepath.Join("doc1", "ru.txt")) {
		t.Errorf("the removed file is still kept:\n%s", kept)
	}

}

// editLater makes a same-size edit of the file path in a later tick of the
// file system's clock than its last change, with its modification time put
// back: only its change time tells.
func editLater(t *testing.T, path string) {
	t.Helper()
	data, _ := os.ReadFile(path)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := workspace.VersionOf(st)
	for v2 := v; v2 == v; v2, _ = workspace.VersionOf(st) {
		time.Sleep(5 * time.Millisecond)
		if err := os.WriteFile(path, sameSizeEdit(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, st.ModTime(), st.ModTime())
		st, _ = os.Stat(path)
	}
}

// TestStatusKeptSums: status, through sums kept from an earlier run, sees
// a text edited to the same size, with its time put back.
func TestStatusKeptSums(t *testing.T) {
	ap, ws := pubWorkspace(t, 2, 1)
	later := func() time.Time { return time.Now().Add(time.Hour) }
	ap.sums.now = later
	stale := func(ap *App) bool {
		t.Helper()
		rep, err := ap.Status(ws, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rep.Documents[0].Languages["en"].Stale
	}
	if stale(ap) {
		t.Fatal("stale before the edit")
	}
	next := New("test")
	next.sums.now = later
	if stale(next) || next.sums.hashed.Load() != 0 {
		t.Fatalf("next run: %d files hashed, want 0", next.sums.hashed.Load())
	}
	editLater(t, ws.Path(document.Folder, "doc1", "en.txt"))
	next = New("test")
	next.sums.now = later
	if !stale(next) {
		t.Error("the next run does not see the edit")
	}
	if !stale(ap) {
		t.Error("the run that read the text before the edit does not see it")
	}
}

// TestExportKeptSums: export's check of the formatting
// (App.UnplacedFormatting) keeps the sums of the texts it read, as status
// and publish do: the next export, in another process, reads no text
// whose file is as it was, and still sees one changed outside tilmash.
func TestExportKeptSums(t *testing.T) {
	ap, ws := pubWorkspace(t, 1, 1)
	md := []byte("# Tokayev speaks, part 1\n\nTokayev spoke on **Tuesday**. He promised reform number 1.\n")
	if _, err := ap.Import(ws, "doc1", "en", md, "en.md", "", document.ImportOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	later := func() time.Time { return time.Now().Add(time.Hour) }
	unplaced := func(ap *App) int {
		t.Helper()
		d, err := document.Open(ws, "doc1")
		if err != nil {
			t.Fatal(err)
		}
		lost, err := ap.UnplacedFormatting(d, []string{"en"})
		if err != nil {
			t.Fatal(err)
		}
		return len(lost)
	}
	first := New("test")
	first.sums.now = later
	if n := unplaced(first); n != 0 || first.sums.hashed.Load() != 1 {
		t.Fatalf("first export: %d spans unplaced, %d files hashed; want 0 and 1", n, first.sums.hashed.Load())
	}
	next := New("test")
	next.sums.now = later
	if n := unplaced(next); n != 0 || next.sums.hashed.Load() != 0 {
		t.Fatalf("next export: %d spans unplaced, %d files hashed; want 0 and 0", n, next.sums.hashed.Load())
	}
	editOutside(t, ws, "doc1", "en", "Tuesday", "Monday")
	next = New("test")
	next.sums.now = later
	if n := unplaced(next); n != 1 {
		t.Errorf("after the text changed outside tilmash: %d spans unplaced, want 1", n)
	}
}
