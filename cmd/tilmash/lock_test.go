package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/workspace"
)

// TestSecondWriterFailsClearly holds the workspace lock, as a long-running
// tilmash would, and checks that a second writer gives up after --wait
// with a clear, localized message naming the holder and exit 2, writing
// nothing.
func TestSecondWriterFailsClearly(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "a.txt")
	os.WriteFile(file, []byte("Text.\n"), 0o644)
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for lang, want := range map[string]string{
		"en": "the workspace is locked by another tilmash process",
		"ru": "рабочая папка заблокирована другим процессом tilmash",
		"kk": "жұмыс қалтасын басқа tilmash процесі бұғаттап тұр",
	} {
		var out, errOut bytes.Buffer
		code := mainArgs([]string{"-C", root, "--ui-lang", lang, "import", "doc", "en", file, "--wait", "200ms"},
			strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		// The message names the holder: its command line and pid.
		if code != 2 || !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "--wait") ||
			!strings.Contains(errOut.String(), "pid "+strconv.Itoa(os.Getpid())) || !strings.Contains(errOut.String(), filepath.Base(os.Args[0])) {
			t.Errorf("%s: exit %d, stderr %q", lang, code, errOut.String())
		}
	}
	if _, err := os.Stat(filepath.Join(root, "documents", "doc")); !os.IsNotExist(err) {
		t.Error("a writer that could not lock wrote the document")
	}
}

// TestWriterWaitsForTheLock: a writer started while another holds the lock
// does not touch the workspace until the lock is released, then finishes.
// (A no-op lock would let it write at once.)
func TestWriterWaitsForTheLock(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "a.txt")
	os.WriteFile(file, []byte("Text.\n"), 0o644)
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	var errOut bytes.Buffer
	go func() {
		done <- mainArgs([]string{"-C", root, "import", "doc", "en", file, "--wait", "20s"},
			strings.NewReader(""), &bytes.Buffer{}, &errOut, func(string) string { return "" })
	}()
	select {
	case code := <-done:
		t.Fatalf("the writer finished (exit %d) while the lock was held: %s", code, errOut.String())
	case <-time.After(300 * time.Millisecond):
	}
	if _, err := os.Stat(filepath.Join(root, "documents", "doc")); !os.IsNotExist(err) {
		t.Fatal("the waiting writer wrote before it had the lock")
	}
	unlock()
	select {
	case code := <-done:
		// It said why it waited, and for whom.
		if want := "waiting up to 20s for another tilmash process to finish: "; !strings.Contains(errOut.String(), want) ||
			!strings.Contains(errOut.String(), "pid "+strconv.Itoa(os.Getpid())) {
			t.Errorf("the waiting writer did not say %q with the holder's pid: %s", want, errOut.String())
		}
		if code != 0 {
			t.Fatalf("exit %d after the lock was released: %s", code, errOut.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the writer did not finish after the lock was released")
	}
	if _, err := os.Stat(filepath.Join(root, "documents", "doc", "en.txt")); err != nil {
		t.Fatal(err)
	}
}

// TestBadFileRefusedWhileLocked: import-tmx and import-xliff read their file before they take the
// workspace lock, so a file that is no TMX or XLIFF is refused at once, with where it goes wrong,
// while another writer holds the lock; waiting for the lock first gave the lock's error instead,
// after --wait.
func TestBadFileRefusedWhileLocked(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	ws, err := workspace.Init(root)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(root, "bad.tmx")
	os.WriteFile(bad, []byte("<tmx version=\"1.4\"><header"), 0o644)
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for _, args := range [][]string{{"import-tmx", bad, "doc"}, {"import-xliff", bad, "doc"}} {
		var errOut bytes.Buffer
		code := mainArgs(append([]string{"-C", root, "--wait", "200ms"}, args...),
			strings.NewReader(""), &bytes.Buffer{}, &errOut, func(string) string { return "" })
		if code != 2 || !strings.Contains(errOut.String(), "bad.tmx:1:") || strings.Contains(errOut.String(), "locked") {
			t.Errorf("%s: exit %d, stderr %q, want the file's error", args[0], code, errOut.String())
		}
	}
}
