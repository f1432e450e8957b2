package sqlitestore

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain puts the tests' temporary memories in memory when there is
// room (see testenv.RunInMemory): SQLite syncs every commit, and on a disk the
// syncs, not the work, set the time of these tests.
func TestMain(m *testing.M) { os.Exit(testenv.RunInMemory(m)) }
