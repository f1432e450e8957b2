package cli_test

import (
	"flag"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli/clitest"
)

var update = flag.Bool("update", false, "update testscript files with actual output")

func TestMain(m *testing.M) { clitest.Main(m) }

// TestScripts runs the end-to-end scripts of the core commands in
// testdata/script: init, import, status, workspace discovery, language
// choice and every bad input they refuse.
func TestScripts(t *testing.T) {
	testscript.Run(t, clitest.Params("testdata/script", *update, nil, nil))
}
