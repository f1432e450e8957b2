package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/workspace"
)

// TestGlossaryImportLooksUnderTheLock: glossary import waiting for the
// workspace lock must not overwrite a file another writer created in the
// meantime. Looking for the file before taking the lock would find
// nothing, then replace the other writer's glossary once the lock was
// free.
func TestGlossaryImportLooksUnderTheLock(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	input := filepath.Join(t.TempDir(), "terms.utf8")
	if err := os.WriteFile(input, []byte("Almaty\tАлматы\tcity\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	var errOut bytes.Buffer
	go func() {
		done <- mainArgs([]string{"-C", root, "--ui-lang", "en", "glossary", "import", input, "--langs", "en,ru", "--wait", "20s"},
			strings.NewReader(""), &bytes.Buffer{}, &errOut, func(string) string { return "" })
	}()
	// Give the import time to read its input and reach the lock; then
	// another writer's file appears, and the lock is released.
	select {
	case code := <-done:
		t.Fatalf("the import finished (exit %d) while the lock was held: %s", code, errOut.String())
	case <-time.After(300 * time.Millisecond):
	}
	dest := filepath.Join(root, "glossary", "terms.yaml")
	theirs := []byte("terms: []\n# written by another tilmash while the import waited\n")
	if err := os.WriteFile(dest, theirs, 0o644); err != nil {
		t.Fatal(err)
	}
	unlock()
	var code int
	select {
	case code = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the import did not finish after the lock was released")
	}
	if code != 2 || !strings.Contains(errOut.String(), "glossary/terms.yaml already exists") {
		t.Errorf("exit %d, stderr %q; want exit 2 and “already exists”", code, errOut.String())
	}
	if got, _ := os.ReadFile(dest); !bytes.Equal(got, theirs) {
		t.Errorf("the import replaced the other writer's file:\n%s", got)
	}
}
