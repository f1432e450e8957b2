package export

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain puts the tests' temporary workspaces in memory when there is
// room (see testenv.RunInMemory): every write syncs, and on a disk the
// syncs, not the work, set the time of these tests. It removes the
// folders of the OmegaT runs tests share (see omegatBatch).
func TestMain(m *testing.M) {
	code := testenv.RunInMemory(m)
	omegatServer.stop()
	removeOmegaTDirs()
	os.Exit(code)
}
