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
	t.Parallel()
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

// TestSharedMemoryKeepsColleaguesWork: a translator whose workspace lacks
// a colleague's documents (not pulled yet) ran a tm command: the update
// removed them from the shared memory, with a warning; one with an older
// version of a document overwrote the colleague's newer one. Now the
// memory keeps the colleague's work and the command says what to pull;
// a document both changed is reported, and tm rebuild publishes this
// workspace's version.
func TestSharedMemoryKeepsColleaguesWork(t *testing.T) {
	t.Parallel()
	memURL, _ := pgtest.Schema(t, "tm_cli")
	dir := t.TempDir()
	tmx := filepath.Join(dir, "story.tmx")
	os.WriteFile(tmx, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>The inquiry began.</seg></tuv><tuv xml:lang="kk"><seg>Тексеру басталды.</seg></tuv></tu>
</body></tmx>`), 0o644)
	run := func(root string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := mainArgs(append([]string{"-C", root}, append(args, "--tm", memURL)...), strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		return code, out.String(), errOut.String()
	}
	alice, bob := filepath.Join(dir, "alice"), filepath.Join(dir, "bob")
	for _, c := range [][]string{{alice, "init", alice}, {bob, "init", bob}, {alice, "import-tmx", tmx, "court-story"},
		{alice, "import-tmx", tmx, "budget-story"}, {bob, "import-tmx", tmx, "bob-story"}} {
		var out, errOut bytes.Buffer
		if code := mainArgs(append([]string{"-C", c[0]}, c[1:]...), strings.NewReader(""), &out, &errOut, func(string) string { return "" }); code != 0 {
			t.Fatalf("%v: %s", c[1:], errOut.String())
		}
	}
	if code, _, e := run(alice, "tm", "rebuild"); code != 0 {
		t.Fatal(e)
	}
	// bob has not pulled alice's two documents: they stay.
	code, out, errOut := run(bob, "tm", "search", "inquiry")
	if code != 0 || strings.Count(out, "The [inquiry] began.") != 3 || strings.Contains(errOut, "warning") {
		t.Errorf("bob's search without alice's documents: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	// bob pulls court-story; alice then changes it: bob's older copy does
	// not replace hers, and he is told to pull.
	if err := os.CopyFS(filepath.Join(bob, "documents", "court-story"), os.DirFS(filepath.Join(alice, "documents", "court-story"))); err != nil {
		t.Fatal(err)
	}
	if code, _, e := run(bob, "tm", "stats"); code != 0 || strings.Contains(e, "warning") {
		t.Fatalf("bob's update after the pull: %s", e)
	}
	var o, e bytes.Buffer
	if code := mainArgs([]string{"-C", alice, "group", "note", "court-story", "1", "alice checked"}, strings.NewReader(""), &o, &e, func(string) string { return "" }); code != 0 {
		t.Fatal(e.String())
	}
	run(alice, "tm", "stats")
	code, _, errOut = run(bob, "tm", "stats")
	if code != 0 || !strings.Contains(errOut, "has not pulled yet (1): court-story; the memory keeps that machine's version: pull it (git pull)") {
		t.Errorf("bob's update with an older court-story: exit %d\n%s", code, errOut)
	}
	// bob changes it too: both changed, in Russian.
	if code := mainArgs([]string{"-C", bob, "group", "note", "court-story", "1", "bob checked"}, strings.NewReader(""), &o, &e, func(string) string { return "" }); code != 0 {
		t.Fatal(e.String())
	}
	code, _, errOut = run(bob, "--ui-lang", "ru", "tm", "stats")
	if code != 0 || !strings.Contains(errOut, "и в общей памяти с тех пор, как они последний раз совпадали (1): court-story;") ||
		!strings.Contains(errOut, "tilmash tm rebuild") {
		t.Errorf("bob's update of a document both changed: exit %d\n%s", code, errOut)
	}
	code, out, errOut = run(bob, "tm", "export", "-o", "-")
	if code != 0 || !strings.Contains(out, "alice checked") || strings.Contains(out, "bob checked") {
		t.Errorf("the memory after bob's update: exit %d, want alice's note\n%s", code, errOut)
	}
	// bob's rebuild publishes his; alice is then the one told to pull.
	if code, _, errOut := run(bob, "tm", "rebuild"); code != 0 || strings.Contains(errOut, "warning") {
		t.Errorf("bob's rebuild: exit %d\n%s", code, errOut)
	}
	code, _, errOut = run(alice, "--ui-lang", "kk", "tm", "stats")
	if code != 0 || !strings.Contains(errOut, "әлі алынбаған құжаттар (1): court-story;") {
		t.Errorf("alice's update after bob's rebuild: exit %d\n%s", code, errOut)
	}
}
