package serve_test

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain puts the tests' temporary workspaces in memory when there is
// room (see testenv.RunInMemory): every write syncs, and on a disk the
// syncs, not the work, set the time of these tests. When the whole
// package runs it starts the browser tests' Chromium at once, in the
// background (see startEarly); after the tests it stops it (see chrome),
// whose profile is there.
func TestMain(m *testing.M) { os.Exit(testenv.RunInMemory(stopChrome{m})) }

// stopChrome runs the tests, then stops Chromium.
type stopChrome struct{ m *testing.M }

func (r stopChrome) Run() int {
	defer chrome.close()
	defer serve.TestSpellers.Close()
	chrome.startEarly()
	return r.m.Run()
}
