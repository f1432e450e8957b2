package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/testenv"
	"github.com/tilmash/tilmash/internal/workspace"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

// TestMain makes this test binary a tilmash too, with the wiring of main:
// started under the name tilmash (tilmashBin links it so), it runs main.
// The few scripts that need a process of their own ("exec tilmash":
// standard input, commands run in the background) and the kill and
// terminal tests start it so.
//
// Every test of this package is parallel (t.Parallel): most of them wait,
// on a terminal, a lock, PostgreSQL or child processes, and one after
// the other they kept a core idle for most of their time.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == "tilmash" {
		main()
	}
	// The scripts' workspaces go to memory when there is room (see
	// testenv.RunInMemory): the syncs of every write cost more than the
	// scripts' work on a disk.
	code := testenv.RunInMemory(m)
	scriptSpellers.Close()
	if bin.path != "" {
		os.RemoveAll(filepath.Dir(bin.path))
	}
	os.Exit(code)
}

// tilmashBin returns the path of a "tilmash" that is this test binary:
// $TILMASH_BIN when set (a release build, say), else a link made once in
// a temporary folder.
func tilmashBin(t interface{ Fatal(...any) }) string {
	if b := os.Getenv("TILMASH_BIN"); b != "" {
		return b
	}
	bin.once.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			bin.err = err
			return
		}
		dir, err := os.MkdirTemp("", "tilmash-bin")
		if err != nil {
			bin.err = err
			return
		}
		bin.path = filepath.Join(dir, "tilmash")
		bin.err = os.Symlink(exe, bin.path)
	})
	if bin.err != nil {
		t.Fatal(bin.err)
	}
	return bin.path
}

var bin struct {
	once sync.Once
	path string
	err  error
}

// scriptSpellers keeps the spelling check's hunspell processes for every
// tilmash the tests run in this process, as one invocation keeps them for
// its later checks (see run): a speller is given only to a check of the
// same dictionary and session words, and answers as a new one would.
// Loading the dictionaries was a third of the scripts' processor time.
var scriptSpellers = qa.NewSpellers(16)

// mainArgs runs tilmash in this process, in the test's working folder.
func mainArgs(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	dir, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return runWith(cli.Invocation{Dir: dir, Args: args, Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: getenv}, scriptSpellers)
}

// TestScripts runs the end-to-end scripts of every command, one area a
// folder of testdata/script, with the wiring of main: "tilmash" in a
// script runs in this process, in the script's folder and environment
// ("exec tilmash" starts a process).
func TestScripts(t *testing.T) {
	t.Parallel()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	setups := map[string]func(*testscript.Env) error{
		// core: init, import, status, workspace discovery, language
		// choice and every bad input they refuse.
		"core": nil,
		// segment: the segmenter and its rules.
		"segment": nil,
		// align: align and align-files.
		"align": nil,
		// review: show, group, undo and review (with align, publish and
		// import-tmx, which undo takes back too).
		"review": nil,
		// glossary: lint, list, show, add and check, and the glossary in
		// status and align. $REPO is the repository root.
		"glossary": func(e *testscript.Env) error {
			e.Setenv("REPO", repo)
			return houseWorkspace(repo, e.WorkDir)
		},
		// check: the editors' checks beyond the glossary (numbers, links,
		// untranslated, consistency, typography, endings, spelling), their
		// selection and severities, the gate they feed, the HTML report and
		// TSV/TMX inputs. house/ is a workspace with the house glossary;
		// $REPO is the repository root.
		"check": func(e *testscript.Env) error {
			e.Setenv("REPO", repo)
			e.Setenv("SOURCE_DATE_EPOCH", "1564617600")
			return houseWorkspace(repo, e.WorkDir)
		},
		// formats: import of HTML, DOCX and Markdown, the hostile files
		// it refuses (written by formatFiles), and the localized exports
		// that put the formatting back.
		"formats": func(e *testscript.Env) error {
			e.Setenv("SOURCE_DATE_EPOCH", "1564617600")
			e.Setenv("REPO", repo)
			return formatFiles(e.WorkDir)
		},
		// export: every format, the consistency gate, publish, round
		// trips, import-tmx and glossary export/import.
		// serve: what tilmash serve refuses before it listens (the
		// server itself is tested in internal/serve).
		"serve": nil,
		// tm: the translation memory commands, tm.url and the count
		// of matches import prints. Exports are byte-stable, so a
		// script may compare two of them.
		"tm": func(e *testscript.Env) error {
			e.Setenv("SOURCE_DATE_EPOCH", "1564617600")
			return nil
		},
		"export": func(e *testscript.Env) error {
			e.Setenv("SOURCE_DATE_EPOCH", "1564617600") // 2019-08-01: exports are byte-stable
			return nil
		},
	}
	for area, setup := range setups {
		t.Run(area, func(t *testing.T) {
			t.Parallel()
			testscript.Run(t, params(filepath.Join("testdata", "script", area), setup))
		})
	}
}

// params are the parameters for the scripts in dir. Each script starts
// with no inherited language, workspace or colour (NO_COLOR=1, TZ=UTC),
// then setup (which may be nil) adds to it.
func params(dir string, setup func(*testscript.Env) error) testscript.Params {
	return testscript.Params{
		Dir:           dir,
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"tilmash":        tilmash,
			"exitcode":       exitcode,
			"mkfifo":         mkfifo,
			"confirm":        confirm,
			"same-groups":    sameGroups,
			"same-confirmed": sameConfirmed,
			"sample":         sample,
			"backdate":       backdate,
			"dictionaries":   dictionaries,
		},
		Setup: func(e *testscript.Env) error {
			e.Setenv("PATH", filepath.Dir(tilmashBin(e.T()))+string(filepath.ListSeparator)+e.Getenv("PATH"))
			for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "TILMASH_LANG", "TILMASH_WORKSPACE"} {
				e.Setenv(k, "")
			}
			e.Setenv("NO_COLOR", "1")
			e.Setenv("TZ", "UTC")
			if setup != nil {
				return setup(e)
			}
			return nil
		},
	}
}

// inProcess runs tilmash ARGS in this process, in the script's folder,
// with its environment and output, and returns the exit code.
func inProcess(ts *testscript.TestScript, args []string) int {
	return runWith(cli.Invocation{
		Dir:    ts.MkAbs("."),
		Args:   args,
		Stdin:  strings.NewReader(""),
		Stdout: ts.Stdout(),
		Stderr: ts.Stderr(),
		Getenv: ts.Getenv,
	}, scriptSpellers)
}

// tilmash runs tilmash in this process: "tilmash ARGS" passes when it
// exits with 0, "! tilmash ARGS" when it exits otherwise.
func tilmash(ts *testscript.TestScript, neg bool, args []string) {
	code := inProcess(ts, args)
	switch {
	case code != 0 && !neg:
		ts.Fatalf("tilmash exited with %d", code)
	case code == 0 && neg:
		ts.Fatalf("unexpected tilmash success")
	}
}

// exitcode runs a program and checks its exit code: "exitcode 1 tilmash
// check" passes only when check exits with 1 (findings), "exitcode 2 …"
// only with 2 (bad input). "! tilmash" would accept either, and a crash
// too. tilmash runs in this process, another program as with exec. The
// output can be matched with stdout and stderr afterwards.
func exitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	if args[1] == "tilmash" {
		got = inProcess(ts, args[2:])
	} else if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// mkfifo makes named pipes: "mkfifo documents/news/ru.txt". A reader that
// opens one without care blocks for ever, which the scripts check does not
// happen.
func mkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: mkfifo path...")
	}
	for _, a := range args {
		ts.Check(syscall.Mkfifo(ts.MkAbs(a), 0o644))
	}
}

// backdate FILE… sets the modification time of files an hour back. The
// scripts that make by hand the files a crash leaves (cp of the old
// alignment after a step) backdate them: a step a crash stopped had not
// touched them since before its journal entry, while files copied after
// it are what git does (journal.crashed tells the two apart).
func backdate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: backdate file...")
	}
	past := time.Now().Add(-time.Hour)
	for _, a := range args {
		ts.Check(os.Chtimes(ts.MkAbs(a), past, past))
	}
}

// dictionaries [FILE…] makes the spelling check of the tilmash commands
// after it know every word of the files (of every file of the script when
// none is named), and no other: it writes hunspell dictionaries (ru_RU,
// kk_KZ, en_US) of those words and puts their folder on $DICPATH. Scripts
// not about spelling, whose texts the installed dictionaries know, spell
// them so: hunspell loads a few words instead of 2 to 3.4 MB of them (0.1
// to 0.2 CPU-s a start).
func dictionaries(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: dictionaries [file...]")
	}
	dir := ts.MkAbs(".dictionaries")
	if len(args) == 0 {
		ts.Check(filepath.WalkDir(ts.Getenv("WORK"), func(path string, e fs.DirEntry, err error) error {
			if err == nil && e.Type().IsRegular() {
				args = append(args, path)
			}
			return err
		}))
	}
	seen := map[string]bool{}
	var words []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for _, f := range args {
		// Each word as written, and the parts of one with a hyphen or an
		// apostrophe, whichever hunspell takes for the word.
		for _, w := range strings.FieldsFunc(ts.ReadFile(f), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-'’", r)
		}) {
			add(strings.Trim(w, "-'’"))
			for _, p := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
				add(p)
			}
		}
	}
	ts.Check(os.MkdirAll(dir, 0o755))
	ts.Check(testenv.WriteDictionaries(dir, map[string][]string{"ru_RU": words, "kk_KZ": words, "en_US": words}))
	ts.Setenv("DICPATH", dir)
}

// confirm DOC N… marks groups of $WORK/ws confirmed behind tilmash's back.
func confirm(ts *testscript.TestScript, neg bool, args []string) {
	ws, err := workspace.Open(ts.Getenv("WORK") + "/ws")
	ts.Check(err)
	d, err := document.Open(ws, args[0])
	ts.Check(err)
	a, err := d.Alignment()
	ts.Check(err)
	for _, n := range args[1:] {
		k, err := strconv.Atoi(n)
		ts.Check(err)
		a.Groups[k-1].Status = document.Confirmed
	}
	ts.Check(d.SaveAlignment(a))
}

// sameGroups A B fails unless two alignment files group the same
// sentences, in order, whatever the groups' status and score.
func sameGroups(ts *testscript.TestScript, neg bool, args []string) {
	var out [2]string
	for i, f := range args {
		a, err := document.ParseAlignment(f, []byte(ts.ReadFile(f)))
		ts.Check(err)
		for k, g := range a.Groups {
			out[i] += fmt.Sprintf("%d", k+1)
			for _, l := range a.Languages {
				out[i] += " " + l
				for _, s := range g.Sents[l] {
					out[i] += fmt.Sprintf(" %d-%d %q", s.Start, s.End, s.Text)
				}
			}
			out[i] += "\n"
		}
	}
	if (out[0] == out[1]) == neg {
		ts.Fatalf("groups:\n%s---\n%s", out[0], out[1])
	}
}

// sameConfirmed A B fails unless the confirmed groups of two alignment
// files are identical, in order.
func sameConfirmed(ts *testscript.TestScript, neg bool, args []string) {
	var out [2]string
	for i, f := range args {
		a, err := document.ParseAlignment(f, []byte(ts.ReadFile(f)))
		ts.Check(err)
		for _, g := range a.Groups {
			if g.Status == document.Confirmed {
				for _, l := range a.Languages {
					out[i] += fmt.Sprintf("%s %v\n", l, g.Sents[l])
				}
			}
		}
	}
	if (out[0] == out[1]) == neg || out[0] == "" {
		ts.Fatalf("confirmed groups:\n%s---\n%s", out[0], out[1])
	}
}

// sample DIR [uneven] creates a workspace in DIR holding document demo,
// imported in en, ru and kk and aligned one sentence to one, or in the
// uneven shape (a 2-2-2 group, a group without Kazakh, one with only
// Kazakh).
func sample(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: sample DIR [uneven]")
	}
	shape := reviewtest.OneToOne
	if len(args) == 2 && args[1] == "uneven" {
		shape = reviewtest.Uneven
	}
	if _, err := reviewtest.Workspace(ts.MkAbs(args[0]), "demo", shape); err != nil {
		ts.Fatalf("sample: %v", err)
	}
}

// houseWorkspace makes $WORK/house, a workspace with the repository's
// house glossary (every file of it, as it is now), and puts the demo
// document's texts in $WORK/demo, for the scripts that check them.
func houseWorkspace(repo, work string) error {
	dir := filepath.Join(work, "house")
	if err := os.MkdirAll(filepath.Join(dir, "glossary"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "tilmash.yaml"), []byte("languages: [en, ru, kk]\nsource: en\n"), 0o644); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(repo, "glossary", "*.yaml"))
	if err != nil {
		return err
	}
	copyFile := func(from, to string) error {
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	}
	for _, f := range files {
		if err := copyFile(f, filepath.Join(dir, "glossary", filepath.Base(f))); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(work, "demo"), 0o755); err != nil {
		return err
	}
	for _, l := range []string{"en", "ru", "kk"} {
		if err := copyFile(filepath.Join(repo, "documents", "demo-term-errors", l+".txt"), filepath.Join(work, "demo", l+".txt")); err != nil {
			return err
		}
	}
	return nil
}
