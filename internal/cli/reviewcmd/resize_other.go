//go:build !unix

package reviewcmd

import "os"

// resizeSignals are the signals that say the terminal changed size: none
// here; Ctrl-L redraws.
func resizeSignals() []os.Signal { return nil }
