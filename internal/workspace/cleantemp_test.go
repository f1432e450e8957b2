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
