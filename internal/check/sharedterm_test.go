package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
)

// TestLoadDirSharedTerm: a glossary folder where two entries prefer the
// same form is enforced by align-files --glossary, as by check: that is
// a warning of glossary lint, not a contradiction.
func TestLoadDirSharedTerm(t *testing.T) {
	dir := t.TempDir()
	gl := "terms:\n  - id: astana\n    en: {term: Astana}\n    kk: {term: Астана}\n" +
		"  - id: astana-city\n    en: {term: Astana city}\n    kk: {term: Астана}\n"
	if err := os.WriteFile(filepath.Join(dir, "g.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := check.LoadDir(dir, "en")
	if err != nil || c == nil {
		t.Fatalf("LoadDir = %v, %v; want the glossary enforced", c, err)
	}
	if got := c.FindTerms("kk", "Астанада"); len(got) != 2 {
		t.Errorf("FindTerms = %v, want both entries", got)
	}
}
