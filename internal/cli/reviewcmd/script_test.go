package reviewcmd_test

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli"
	_ "github.com/tilmash/tilmash/internal/cli/reviewcmd"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"tilmash": func() { os.Exit(cli.Run()) }})
}

// TestScripts runs the end-to-end scripts of show, group, undo and review
// in testdata/script. Each starts from a sample workspace that the sample
// command builds (the sample article in three languages, aligned).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "TILMASH_LANG", "TILMASH_WORKSPACE"} {
				e.Setenv(k, "")
			}
			e.Setenv("NO_COLOR", "1")
			e.Setenv("TZ", "UTC")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sample": sample,
		},
	})
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
