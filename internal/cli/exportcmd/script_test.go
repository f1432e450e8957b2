package exportcmd

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
	})
}
