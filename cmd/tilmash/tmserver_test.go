package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv/pgtest"
)

// TestSharedMemoryBusy: another translator's update holds the shared
// memory (a computer asleep in the middle of it). Every tm command hung
// behind it with no word. Now a command that reads the memory warns and
// answers from it as it is; one that writes (tm import) fails after --wait
// with exit 2, naming the holder, and the memory is unchanged.
func TestSharedMemoryBusy(t *testing.T) {
	memURL, conn := pgtest.Schema(t, "tm_cli")

	root := t.TempDir()
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := mainArgs(append([]string{"-C", root}, args...), strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		return code, out.String(), errOut.String()
	}
	tmx := filepath.Join(root, "..", "story.tmx")
	os.WriteFile(tmx, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Forty videos appeared on 26 July.</seg></tuv><tuv xml:lang="kk"><seg>Қырық видео 26 шілдеде жарияланды.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The inquiry began.</seg></tuv><tuv xml:lang="kk"><seg>Тексеру басталды.</seg></tuv></tu>
</body></tmx>`), 0o644)
	if code, _, e := run("init", root); code != 0 {
		t.Fatal(e)
	}
	if code, _, e := run("import-tmx", tmx, "story"); code != 0 {
		t.Fatal(e)
	}
	if code, _, e := run("tm", "rebuild", "--tm", memURL); code != 0 {
		t.Fatal(e)
	}
	// This workspace changes; the next tm command would update the memory.
	if code, _, e := run("group", "note", "story", "1", "check the date"); code != 0 {
		t.Fatal(e)
	}
	// Another translator's update, under way.
	release := pgtest.HoldUpdates(t, conn)
	code, out, errOut := run("tm", "search", "inquiry", "--tm", memURL, "--wait", "300ms")
	if code != 0 || !strings.Contains(out, "The [inquiry] began.") || !strings.Contains(errOut, "is being updated by") ||
		!strings.Contains(errOut, "without this workspace's latest changes") {
		t.Errorf("tm search while another update holds the memory: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	code, _, errOut = run("--ui-lang", "ru", "tm", "import", tmx, "--name", "other", "--tm", memURL, "--wait", "300ms")
	if code != 2 || !strings.Contains(errOut, "сейчас обновляет") || !strings.Contains(errOut, "pg_terminate_backend") {
		t.Errorf("tm import while another update holds the memory: exit %d\nstderr %s", code, errOut)
	}
	release()
	code, out, errOut = run("tm", "stats", "--tm", memURL)
	if code != 0 || !strings.Contains(out, "imported memories: 0") || !strings.Contains(errOut, "updated the memory") {
		t.Errorf("tm stats once the memory is free: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}

// TestSharedMemoryRemovalWarned: a translator whose workspace lacks a
// colleague's documents (not pulled yet) runs a tm command: the update
// removes them from the shared memory, as README says, but said only
// "N removed". It now warns, naming them, and says what to do.
func TestSharedMemoryRemovalWarned(t *testing.T) {
	memURL, _ := pgtest.Schema(t, "tm_cli")
	dir := t.TempDir()
	tmx := filepath.Join(dir, "story.tmx")
	os.WriteFile(tmx, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>The inquiry began.</seg></tuv><tuv xml:lang="kk"><seg>Тексеру басталды.</seg></tuv></tu>
</body></tmx>`), 0o644)
	run := func(root string, args ...string) (int, string) {
		var out, errOut bytes.Buffer
		code := mainArgs(append([]string{"-C", root}, args...), strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		return code, errOut.String()
	}
	alice, bob := filepath.Join(dir, "alice"), filepath.Join(dir, "bob")
	for _, c := range [][]string{{alice, "init", alice}, {bob, "init", bob}, {alice, "import-tmx", tmx, "court-story"},
		{alice, "import-tmx", tmx, "budget-story"}, {bob, "import-tmx", tmx, "bob-story"}, {alice, "tm", "rebuild", "--tm", memURL}} {
		if code, e := run(c[0], c[1:]...); code != 0 {
			t.Fatalf("%v: %s", c[1:], e)
		}
	}
	code, errOut := run(bob, "tm", "search", "inquiry", "--tm", memURL)
	if code != 0 || !strings.Contains(errOut, "documents that this workspace does not have were removed from the shared memory: budget-story, court-story;") ||
		!strings.Contains(errOut, "git pull") {
		t.Errorf("bob's search: exit %d\n%s", code, errOut)
	}
	// The embedded memory of one workspace says nothing of the kind.
	run(bob, "tm", "stats")
	os.RemoveAll(filepath.Join(bob, "documents", "bob-story"))
	if code, errOut := run(bob, "tm", "stats"); code != 0 || !strings.Contains(errOut, "1 removed") || strings.Contains(errOut, "shared memory") {
		t.Errorf("embedded memory: exit %d\n%s", code, errOut)
	}
}
