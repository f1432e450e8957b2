package segmentcmd

import (
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tilmash/tilmash/internal/cli/clitest"
)

func TestMain(m *testing.M) { clitest.Main(m) }

func TestScripts(t *testing.T) {
	testscript.Run(t, clitest.Params("testdata/script", false, nil, nil))
}
