package glossarycmd_test

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli"
	_ "github.com/tilmash/tilmash/internal/cli/glossarycmd"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"tilmash": func() { os.Exit(cli.Run()) }})
}

// TestScripts runs the end-to-end scripts of glossary lint, list, show,
// add and check, with the status and align-files hooks, in
// testdata/script. $REPO is the repository root, so that a script can copy
// the house glossary and the demo document into its workspace.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "TILMASH_LANG", "TILMASH_WORKSPACE"} {
				e.Setenv(k, "")
			}
			e.Setenv("NO_COLOR", "1")
			e.Setenv("REPO", repo)
			return houseWorkspace(repo, e.WorkDir)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": exitcode,
		},
	})
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

// exitcode runs a program and checks its exit code: "exitcode 1 tilmash
// check" passes only when check exits with 1. Its output can be matched
// with stdout and stderr afterwards, as after exec.
func exitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
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
