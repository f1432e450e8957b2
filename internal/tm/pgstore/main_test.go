package pgstore_test

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain puts the tests' temporary folders in memory when there is room
// (see testenv.RunInMemory): the store suite writes each test's workspace,
// every write syncs, and on a disk the syncs set much of these tests' time.
func TestMain(m *testing.M) { os.Exit(testenv.RunInMemory(m)) }
