//go:build unix

package workspace_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestLockSaysWhoHoldsIt: the writer holding the lock writes its pid,
// start time and command line into the lock file, and a writer refused
// the lock names them; the holder marks the file released when it unlocks, and a
// description left by a crashed holder (the kernel released its flock)
// blocks nothing and is replaced.
func TestLockSaysWhoHoldsIt(t *testing.T) {
	ws, _ := workspace.Init(t.TempDir())
	path := ws.Path(workspace.LockFile)
	unlock, err := ws.Lock(0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ws.Lock(0)
	var e *locale.Error
	if !errors.As(err, &e) || e.ID != "workspace.locked" {
		t.Fatalf("second Lock: %v", err)
	}
	if e.Data["PID"] != os.Getpid() || !strings.Contains(e.Data["Command"].(string), filepath.Base(os.Args[0])) || e.Data["Since"] == "" {
		t.Errorf("second Lock names the holder as %v", e.Data)
	}
	if msg := err.Error(); !strings.Contains(msg, "pid "+strconv.Itoa(os.Getpid())) {
		t.Errorf("message %q does not name the holder's pid", msg)
	}
	unlock()
	if data, _ := os.ReadFile(path); string(data) != "released\n" {
		t.Errorf("after unlock the lock file holds %q, want released", data)
	}
	// A crashed holder's description, with a control character.
	os.WriteFile(path, []byte("pid: 999999\nstarted: 2020-01-01T00:00:00Z\ncommand: tilmash import \x1b[31mx\n"), 0o644)
	unlock, err = ws.Lock(0)
	if err != nil {
		t.Fatalf("a stale description blocked the lock: %v", err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "pid: "+strconv.Itoa(os.Getpid())) {
		t.Errorf("the new holder did not replace the description: %q", data)
	}
	unlock()
	os.WriteFile(path, []byte("pid: 999999\nstarted: 2020-01-01T00:00:00Z\ncommand: tilmash import \x1b[31mx\n"), 0o644)
	fl, _ := os.Open(path)
	defer fl.Close()
	if err := syscall.Flock(int(fl.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	_, err = ws.Lock(0)
	if !errors.As(err, &e) || strings.ContainsRune(e.Data["Command"].(string), 0x1b) {
		t.Errorf("a control character of the lock file reached the message: %v", err)
	}
}
