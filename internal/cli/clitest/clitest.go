// Package clitest runs tilmash's end-to-end testscript files. Every command
// package tests its commands the same way, so the harness lives here once:
// the tilmash command in the scripts' PATH, a clean environment, and the
// exitcode command that checks an exact exit code.
package clitest

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli"
)

// Main installs tilmash as a command for the scripts and runs the tests.
// Call it from TestMain. The binary holds the core commands and the
// command packages the test binary links.
func Main(m *testing.M) {
	testscript.Main(m, map[string]func(){"tilmash": func() { os.Exit(cli.Run()) }})
}

// Cmd is a custom script command.
type Cmd = func(ts *testscript.TestScript, neg bool, args []string)

// Params returns the parameters for the scripts in dir. Each script starts
// with no inherited language, workspace or colour (NO_COLOR=1, TZ=UTC),
// then setup (which may be nil) adds to it. cmds are added to exitcode.
func Params(dir string, update bool, setup func(*testscript.Env) error, cmds map[string]Cmd) testscript.Params {
	all := map[string]Cmd{"exitcode": Exitcode, "mkfifo": Mkfifo}
	for k, v := range cmds {
		all[k] = v
	}
	return testscript.Params{
		Dir:           dir,
		UpdateScripts: update,
		Cmds:          all,
		Setup: func(e *testscript.Env) error {
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

// Mkfifo makes named pipes: "mkfifo documents/news/ru.txt". A reader that
// opens one without care blocks for ever, which the scripts check does not
// happen.
func Mkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: mkfifo path...")
	}
	for _, a := range args {
		ts.Check(syscall.Mkfifo(ts.MkAbs(a), 0o644))
	}
}

// Exitcode runs a program and checks its exit code: "exitcode 1 tilmash
// check" passes only when check exits with 1 (findings), "exitcode 2 …"
// only with 2 (bad input). "! exec" would accept either, and a crash too.
// The output can be matched with stdout and stderr afterwards, as after
// exec.
func Exitcode(ts *testscript.TestScript, neg bool, args []string) {
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
