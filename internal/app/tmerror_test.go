package app

import (
	"errors"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tm"
)

// TestMemoryErrorHint: a look-up whose server went away in the middle
// ("unexpected EOF") was told to run tilmash tm rebuild, which is no remedy
// for a server that is down (and rebuilds the whole team's memory once it
// is up); it is now told to check the server and try again.
func TestMemoryErrorHint(t *testing.T) {
	for _, c := range []struct {
		server bool
		err    error
		hint   string
	}{
		// (as the server's store returns it: pgstore's TestProblemOf)
		{true, fmt.Errorf("search: %w", &tm.StoreError{Problem: tm.Unreachable, Err: fmt.Errorf("query: %w", io.ErrUnexpectedEOF)}), "tm.store-failed.server-hint"},
		{true, errors.New("a broken row"), "tm.store-failed.hint"},
		{false, &tm.StoreError{Problem: tm.Unreachable, Err: fmt.Errorf("query: %w", io.ErrUnexpectedEOF)}, "tm.store-failed.hint"},
		{true, fmt.Errorf("update: %w", &tm.BusyError{Name: "tilmash@laptop", PID: 7, Wait: time.Second}), "tm.busy.hint"},
	} {
		var le *locale.Error
		err := memoryError(&Memory{Where: "postgres://newsroom@tm/tilmash", Server: c.server}, c.err)
		if !errors.As(err, &le) || le.Hint != c.hint {
			t.Errorf("server %v, %v: hint %v, want %s", c.server, c.err, err, c.hint)
		}
	}
}
