package exportcmd

import (
	"flag"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli/clitest"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) { clitest.Main(m) }

// TestScripts runs the end-to-end scripts of export, import-tmx and
// glossary export/import in testdata/script: every format, the
// consistency gate, round trips, and each command's errors.
func TestScripts(t *testing.T) {
	testscript.Run(t, clitest.Params("testdata/script", *update, func(e *testscript.Env) error {
		e.Setenv("SOURCE_DATE_EPOCH", "1564617600") // 2019-08-01: exports are byte-stable
		return nil
	}, nil))
}
