package testenv

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestStrict(t *testing.T) {
	for _, c := range []struct {
		ci, all string
		want    bool
	}{
		{"", "", false},
		{"true", "", true},
		{"false", "", false},
		{"", "1", true},
	} {
		t.Setenv("CI", c.ci)
		t.Setenv("TILMASH_TEST_REQUIRE_ALL", c.all)
		if got := Strict(); got != c.want {
			t.Errorf("CI=%q TILMASH_TEST_REQUIRE_ALL=%q: Strict() = %v, want %v", c.ci, c.all, got, c.want)
		}
	}
}

// TestSharedPath builds a repository with a shared folder beside it and
// checks that SharedPath finds elements there from a package folder, and
// not what is missing.
func TestSharedPath(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "main")
	pkg := filepath.Join(repo, "internal", "x")
	for _, d := range []string{pkg, filepath.Join(root, "shared", "corpora")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(pkg)
	if p, ok := SharedPath("corpora"); !ok || p != filepath.Join(root, "shared", "corpora") {
		t.Errorf("SharedPath(corpora) = %q, %v", p, ok)
	}
	if p, ok := SharedPath("schemas"); ok {
		t.Errorf("SharedPath(schemas) = %q, want not found", p)
	}
}

// TestMemoryFS: a folder that is not there, or a tmpfs without the room
// asked for, is no place for the tests' temporary folders.
func TestMemoryFS(t *testing.T) {
	if memoryFS(filepath.Join(t.TempDir(), "missing"), 0) {
		t.Error("a missing folder counts as a memory file system")
	}
	if memoryFS("/dev/shm", 1<<62) {
		t.Error("/dev/shm has 4 EiB free")
	}
}

// TestPython3: the interpreter Python3 returns is the program python3 on
// $PATH starts (asked once: a shim's call costs half a second), started
// directly: it is its own sys.executable. A shim (a script that starts
// python3, as pyenv's does) is resolved to the interpreter it starts; a
// program that does not answer with a path is run as it is.
func TestPython3(t *testing.T) {
	p := Python3(t)
	out, err := exec.Command(p, "-c", "import sys; print(sys.executable)").Output()
	if err != nil || strings.TrimSpace(string(out)) != p {
		t.Errorf("Python3() = %s, whose sys.executable is %q (%v)", p, out, err)
	}

	dir := t.TempDir()
	shim := filepath.Join(dir, "python3")
	if err := os.WriteFile(shim, []byte("#!/bin/sh\nexec '"+p+"' \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if r := resolvePython(shim); r != p {
		t.Errorf("resolvePython(shim) = %s, want %s", r, p)
	}
	mute := filepath.Join(dir, "mute")
	if err := os.WriteFile(mute, []byte("#!/bin/sh\necho not-a-path\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if r := resolvePython(mute); r != mute {
		t.Errorf("resolvePython(mute) = %s, want it as it is", r)
	}
}

// TestSweepMemTemp: the folder of a test binary that is gone is removed;
// those of running processes (this one, its parent) and other names stay.
func TestSweepMemTemp(t *testing.T) {
	done := exec.Command("true")
	if err := done.Run(); err != nil {
		t.Skip("no program true to get the id of a finished process")
	}
	dir := t.TempDir()
	gone := fmt.Sprintf("tilmash-test-%d-123", done.Process.Pid)
	keep := []string{
		fmt.Sprintf("tilmash-test-%d-456", os.Getpid()),
		fmt.Sprintf("tilmash-test-%d-789", os.Getppid()),
		"tilmash-test-2943751783", // an older name, without the process id
		fmt.Sprintf("tilmash-test-%d-", done.Process.Pid),
		"tilmash-test-x-1",
		fmt.Sprintf("other-%d-1", done.Process.Pid),
	}
	for _, name := range append(keep, gone) {
		if err := os.MkdirAll(filepath.Join(dir, name, "ws"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sweepMemTemp(dir)
	if _, err := os.Stat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
		t.Errorf("%s is still there (%v)", gone, err)
	}
	for _, name := range keep {
		if _, err := os.Stat(filepath.Join(dir, name, "ws")); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
}

// TestLessGC: GOGC=400 in a test binary, unless GOGC is set or
// benchmarks run.
func TestLessGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	t.Setenv("GOGC", "")
	LessGC()
	want := 400
	if flag.Lookup("test.bench").Value.String() != "" {
		want = 100
	}
	if p := debug.SetGCPercent(100); p != want {
		t.Errorf("GOGC unset, -test.bench %q: LessGC left the collector at %d, want %d", flag.Lookup("test.bench").Value, p, want)
	}
	t.Setenv("GOGC", "50")
	LessGC()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GOGC=50: LessGC set the collector to %d, want it left alone", p)
	}
}
