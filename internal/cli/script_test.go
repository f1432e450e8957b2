package cli_test

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"tilmash": func() { os.Exit(cli.Run()) }})
}

// TestScripts runs the end-to-end scripts of the core commands in
// testdata/script: init, import, status, workspace discovery, language
// choice and every bad input they refuse.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			// A clean environment: no inherited language or workspace.
			for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "TILMASH_LANG", "TILMASH_WORKSPACE"} {
				e.Setenv(k, "")
			}
			e.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
