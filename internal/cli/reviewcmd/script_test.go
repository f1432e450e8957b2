package reviewcmd_test

import (
	"flag"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	_ "github.com/tilmash/tilmash/internal/cli/aligncmd" // align, for the scripts that undo it
	"github.com/tilmash/tilmash/internal/cli/clitest"
	_ "github.com/tilmash/tilmash/internal/cli/exportcmd" // publish and import-tmx, likewise
	_ "github.com/tilmash/tilmash/internal/cli/reviewcmd"
	"github.com/tilmash/tilmash/internal/review/reviewtest"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) { clitest.Main(m) }

// TestScripts runs the end-to-end scripts of show, group, undo and review
// in testdata/script (with align, publish and import-tmx, which undo takes
// back too). Each starts from a sample workspace that the sample
// command builds (the sample article in three languages, aligned).
func TestScripts(t *testing.T) {
	testscript.Run(t, clitest.Params("testdata/script", *update, nil, map[string]clitest.Cmd{"sample": sample}))
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
