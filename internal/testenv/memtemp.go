package testenv

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
)

// memTempFree is the room a memory file system must have for
// [RunInMemory] to put the tests' temporary folders there.
const memTempFree = 2 << 30

// RunInMemory is a TestMain for packages whose tests write workspaces: it
// runs m with TMPDIR (and so every t.TempDir, os.MkdirTemp("", …) and the
// TMPDIR of the programs the tests start) in a fresh folder of /dev/shm,
// and removes that folder afterwards.
//
// tilmash syncs every file it writes (fsync, and syncfs for a batch), which
// is what it must do; on a disk that makes a test wait for the whole file
// system's writes, those of the linker building the next test binary too,
// and the kernel's journaling shows up as system time. On a memory file
// system a sync returns at once, while the tests still take the same code
// path (the Sync calls, renames, locks and os.Root opens all happen).
//
// It does nothing (the disk's temporary folder is kept) when TMPDIR is set
// (the developer chose where), when /dev/shm is not a tmpfs with at least 2
// GiB free (a container's 64 MB /dev/shm) or under TILMASH_TEST_DISK_TEMP=1,
// for a run that wants the tests on the disk.
//
// m is a *testing.M, or a TestMain's own runner that does more around
// m.Run (what it does after, while the folder is still there).
//
// It also runs the tests with less garbage collection (see [LessGC]).
//
// A test binary that is killed, panics or times out cannot remove its
// folder; the folder's name holds the binary's process id, and the next
// run removes the folders of processes that are gone (see sweepMemTemp).
func RunInMemory(m interface{ Run() int }) int {
	LessGC()
	if os.Getenv("TMPDIR") != "" || os.Getenv("TILMASH_TEST_DISK_TEMP") != "" || !memoryFS("/dev/shm", memTempFree) {
		return m.Run()
	}
	sweepMemTemp("/dev/shm")
	dir, err := os.MkdirTemp("/dev/shm", fmt.Sprintf("%s%d-", memTempPrefix, os.Getpid()))
	if err != nil {
		return m.Run()
	}
	defer os.RemoveAll(dir)
	os.Setenv("TMPDIR", dir)
	defer os.Unsetenv("TMPDIR")
	return m.Run()
}

// RunLessGC runs m with less garbage collection (see LessGC): the whole
// TestMain of a package that needs nothing else, os.Exit(RunLessGC(m)).
func RunLessGC(m interface{ Run() int }) int {
	LessGC()
	return m.Run()
}

// LessGC has the garbage collector of a test binary run at GOGC=400, not
// Go's 100, unless GOGC is set or benchmarks run (-test.bench: some report
// their peak heap). A test binary lives for seconds with a heap of tens of
// megabytes; collecting a quarter as often took a tenth to a third off the
// processor time of the packages that allocate most (measured alone, two
// runs each: document 2.3 -> 1.4 CPU-s, glossary 3.3 -> 2.7, check 2.5 ->
// 2.1, qa 5.5 -> 5.1), for a heap up to four times larger. A TestMain calls
// it before m.Run (it parses the flags, as m.Run would).
func LessGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	if !flag.Parsed() {
		flag.Parse()
	}
	if f := flag.Lookup("test.bench"); f != nil && f.Value.String() != "" {
		return
	}
	debug.SetGCPercent(400)
}

// memTempPrefix starts the name of a folder of [RunInMemory]:
// tilmash-test-PID-RANDOM.
const memTempPrefix = "tilmash-test-"

// sweepMemTemp removes the folders of [RunInMemory] in dir whose test
// binary is no longer running: tilmash-test-PID-RANDOM with no process
// PID, owned by this user. Other names are left alone.
func sweepMemTemp(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		pidText, rest, ok := strings.Cut(strings.TrimPrefix(e.Name(), memTempPrefix), "-")
		if !e.IsDir() || !strings.HasPrefix(e.Name(), memTempPrefix) || !ok || rest == "" {
			continue
		}
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || pid == os.Getpid() || !ownedGone(filepath.Join(dir, e.Name()), pid) {
			continue
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}
