package align

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain puts the tests' temporary folders in memory when there is room
// (see testenv.RunInMemory): the evaluation scripts write hundreds of
// files a run, and on a disk their creation costs more than the writing.
// It removes the perturbed sets the tests share (see ntrexPerturbed).
func TestMain(m *testing.M) {
	code := testenv.RunInMemory(m)
	if ntrexPerturbed.dir != "" {
		os.RemoveAll(ntrexPerturbed.dir)
	}
	os.Exit(code)
}
