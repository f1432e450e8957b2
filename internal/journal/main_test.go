package journal_test

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain puts the tests' temporary workspaces in memory when there is
// room (see testenv.RunInMemory): every write syncs, and on a disk the
// syncs, not the work, set the time of these tests.
func TestMain(m *testing.M) { os.Exit(testenv.RunInMemory(m)) }
