package exportcmd

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"tilmash": func() { os.Exit(cli.Run()) }})
}

// TestScripts runs the end-to-end scripts of export, import-tmx and
// glossary export/import in testdata/script: every format, the
// consistency gate, round trips, and each command's errors.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "TILMASH_LANG", "TILMASH_WORKSPACE"} {
				e.Setenv(k, "")
			}
			e.Setenv("NO_COLOR", "1")
			e.Setenv("SOURCE_DATE_EPOCH", "1564617600") // 2019-08-01: exports are byte-stable
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": exitcode,
		},
	})
}

// exitcode runs a program and checks its exit code: "exitcode 1 tilmash
// export doc" passes only when export exits with 1 (the gate refused),
// "exitcode 2 …" only with 2 (bad input). "! exec" would accept either,
// and a crash too. Its output can be matched with stdout and stderr
// afterwards, as after exec.
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
