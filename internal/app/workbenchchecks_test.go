package app

import (
	"os"
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/workspace"
)

// TestWorkbenchChecks: the workbench runs the quick checks and spelling
// (as check does), never consistency; tilmash.yaml turning spelling off
// is honoured; status's quick checks stay without spelling.
func TestWorkbenchChecks(t *testing.T) {
	for _, c := range []struct {
		name, checks string
		spelling     bool
	}{
		{"default", "", true},
		{"severity", "checks:\n  spelling: {severity: error}\n", true},
		{"off", "checks:\n  spelling: {enabled: false}\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws, err := workspace.Init(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			cfg := "languages: [en, ru, kk]\nsource: en\n" + c.checks
			if err := os.WriteFile(ws.Path("tilmash.yaml"), []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			if ws, err = workspace.Open(ws.Root); err != nil {
				t.Fatal(err)
			}
			wb, quick := WorkbenchChecks(ws).Checks, QuickChecks(ws).Checks
			if got := slices.Contains(wb, "spelling"); got != c.spelling {
				t.Errorf("workbench spelling %v, want %v (%q)", got, c.spelling, wb)
			}
			if slices.Contains(wb, "consistency") || slices.Contains(quick, "spelling") {
				t.Errorf("workbench %q, quick %q", wb, quick)
			}
			if rest := slices.DeleteFunc(slices.Clone(wb), func(n string) bool { return n == "spelling" }); !slices.Equal(rest, quick) {
				t.Errorf("workbench %q is not the quick checks %q and spelling", wb, quick)
			}
		})
	}
}
