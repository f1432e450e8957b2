package app

import (
	"testing"

	"github.com/tilmash/tilmash/internal/segment"
)

// TestMissingRules: the languages without segmentation rules are found
// without compiling the rules of en, ru and kk, which status, reading
// every row from its cache, would otherwise compile at every run only to
// learn they are built in.
func TestMissingRules(t *testing.T) {
	ap, ws := pubWorkspace(t, 1, 1)
	calls := countingSegmenters(ap)
	if errs := ap.MissingRules(ws); len(errs) != 0 || calls.Load() != 0 {
		t.Fatalf("en, ru, kk: %v, %d segmenters asked for, want none of either", errs, calls.Load())
	}
	ws.Config.Languages = append(ws.Config.Languages, "de")
	errs := ap.MissingRules(ws)
	if len(errs) != 1 || !segment.IsUnsupported(errs[0]) || calls.Load() != 1 {
		t.Fatalf("with de: %v (%d segmenters asked for), want de's segment.lang.unsupported, one", errs, calls.Load())
	}
}
