package serve_test

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain puts the tests' temporary workspaces in memory when there is
// room (see testenv.RunInMemory): every write syncs, and on a disk the
// syncs, not the work, set the time of these tests. After the tests it
// stops the browser tests' Chromium (see chrome), whose profile is there.
func TestMain(m *testing.M) { os.Exit(testenv.RunInMemory(stopChrome{m})) }

// stopChrome runs the tests, then stops Chromium.
type stopChrome struct{ m *testing.M }

func (r stopChrome) Run() int {
	defer chrome.close()
	return r.m.Run()
}
