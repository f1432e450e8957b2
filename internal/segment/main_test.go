package segment

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestMain runs the tests with less garbage collection (see
// testenv.LessGC).
func TestMain(m *testing.M) { os.Exit(testenv.RunLessGC(m)) }
