package main

import (
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli/clitest"
)

func TestMain(m *testing.M) { clitest.Main(m) }

// TestScripts runs the scripts in testdata/script with the full binary,
// every command linked as users get it: the scripts that need commands of
// more than one command package (export, then check what it wrote).
func TestScripts(t *testing.T) {
	testscript.Run(t, clitest.Params("testdata/script", false, func(e *testscript.Env) error {
		e.Setenv("SOURCE_DATE_EPOCH", "1564617600")
		return nil
	}, nil))
}
