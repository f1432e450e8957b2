package workspace_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/workspace"
)

// TestLockCleansAfterKill: a writer killed halfway through a file leaves
// its temporary file and its description in the lock file; the next Lock
// removes the temporary file. A Lock after a writer that unlocked does not
// read the folders: a temporary file no killed writer can have left (put
// there by hand) stays. The writer is this test binary, re-run in a child
// process.
func TestLockCleansAfterKill(t *testing.T) {
	if root := os.Getenv("TILMASH_TEST_LOCKED_WRITER"); root != "" {
		ws, err := workspace.Open(root)
		if err != nil {
			panic(err)
		}
		if _, err := ws.Lock(time.Second); err != nil {
			panic(err)
		}
		workspace.SetBeforeReplace(func(string) {
			fmt.Print("ready")
			time.Sleep(time.Minute)
		})
		_ = ws.WriteFile(filepath.Join("documents", "d1", "alignment.yaml"), []byte("half-written"))
		return
	}
	root := filepath.Join(t.TempDir(), "ws")
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	temps := func() []string {
		t.Helper()
		m, err := filepath.Glob(filepath.Join(root, "documents", "*", ".*"+workspace.TempSuffix))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	lock := func() {
		t.Helper()
		unlock, err := ws.Lock(time.Second)
		if err != nil {
			t.Fatal(err)
		}
		unlock()
	}
	if err := os.MkdirAll(ws.Path("documents", "d1"), 0o755); err != nil {
		t.Fatal(err)
	}
	lock()

	// Left by hand after a writer that unlocked: Lock does not look.
	byHand := ws.Path("documents", "d1", ".meta.yaml.1"+workspace.TempSuffix)
	if err := os.WriteFile(byHand, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	lock()
	if _, err := os.Stat(byHand); err != nil {
		t.Fatalf("Lock after a clean unlock read the documents' folders: %v", err)
	}
	os.Remove(byHand)

	killAtRename(t, "TestLockCleansAfterKill", "TILMASH_TEST_LOCKED_WRITER="+root)
	if len(temps()) != 1 {
		t.Fatalf("the killed writer left %v, want one temporary file", temps())
	}
	lock()
	if m := temps(); len(m) != 0 {
		t.Fatalf("Lock after a killed writer left %v", m)
	}
}

// BenchmarkLock: taking and letting go of the lock of a workspace of 2,000
// documents, after a writer that unlocked.
func BenchmarkLock(b *testing.B) {
	ws, err := workspace.Init(filepath.Join(b.TempDir(), "ws"))
	if err != nil {
		b.Fatal(err)
	}
	for i := range 2000 {
		if err := os.MkdirAll(ws.Path("documents", fmt.Sprintf("d%04d", i), "journal"), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(ws.Path("documents", fmt.Sprintf("d%04d", i), "meta.yaml"), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		unlock, err := ws.Lock(time.Second)
		if err != nil {
			b.Fatal(err)
		}
		unlock()
	}
}

// TestLockCleansAfterUnreleased: a lock file that does not say released
// (empty: a new one, or one an older tilmash left, which wrote no
// description and may have been killed halfway through a file) has the
// next Lock remove the temporary files; after Lock lets go, the next one
// does not look.
func TestLockCleansAfterUnreleased(t *testing.T) {
	root := filepath.Join(t.TempDir(), "ws")
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(ws.Path("documents", "d1", "journal"), 0o755); err != nil {
		t.Fatal(err)
	}
	left := []string{
		ws.Path("documents", "d1", ".alignment.yaml.42"+workspace.TempSuffix),
		ws.Path("documents", "d1", "journal", ".000001.yaml.7"+workspace.TempSuffix),
	}
	for _, empty := range []bool{true, false} {
		for _, f := range left {
			if err := os.WriteFile(f, []byte("half"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if empty {
			if err := os.WriteFile(ws.Path(workspace.LockFile), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		unlock, err := ws.Lock(time.Second)
		if err != nil {
			t.Fatal(err)
		}
		unlock()
		for _, f := range left {
			if _, err := os.Stat(f); (err == nil) == empty {
				t.Errorf("lock file empty %v: %s is there %v", empty, f, err == nil)
			}
			os.Remove(f)
		}
	}
}

// TestPanicRemovesTemp: a writer that panics between writing its
// temporary file and renaming it (its unlock runs as the stack unwinds,
// and marks the lock released) leaves no temporary file, nor a changed
// file.
func TestPanicRemovesTemp(t *testing.T) {
	root := filepath.Join(t.TempDir(), "ws")
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	rel := filepath.Join("documents", "d1", "meta.yaml")
	if err := ws.WriteFile(rel, []byte("old")); err != nil {
		t.Fatal(err)
	}
	workspace.SetBeforeReplace(func(string) { panic("in the middle") })
	defer workspace.SetBeforeReplace(nil)
	func() {
		unlock, err := ws.Lock(time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		defer func() { _ = recover() }()
		_ = ws.WriteFile(rel, []byte("new"))
	}()
	if m, _ := filepath.Glob(ws.Path("documents", "d1", ".*"+workspace.TempSuffix)); len(m) != 0 {
		t.Errorf("a panic left %v", m)
	}
	if data, _ := os.ReadFile(ws.Path(rel)); string(data) != "old" {
		t.Errorf("the file holds %q, want the old content", data)
	}
}
