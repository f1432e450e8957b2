package check

import (
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/qa"
)

// TestNamesAreTheChecks: Names and KindOrder, written out as static data
// so that nothing builds them at start-up, are the glossary check and
// every qa.Kind in order, and the glossary's finding kinds before them.
func TestNamesAreTheChecks(t *testing.T) {
	want := []string{Terms}
	for _, k := range qa.Kinds {
		want = append(want, string(k))
	}
	if !slices.Equal(Names, want) {
		t.Errorf("Names = %q, want %q", Names, want)
	}
	order := append([]string{glossary.FindingMissing, glossary.FindingForbidden, glossary.FindingHomoglyph, glossary.FindingHidden}, want[1:]...)
	if !slices.Equal(KindOrder, order) {
		t.Errorf("KindOrder = %q, want %q", KindOrder, order)
	}
}
