package journal

import (
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/yamlx"
	"github.com/tilmash/tilmash/internal/yamlx/yamlxtest"
)

// TestParseEntryRefusesBombs: journal entries are read with the YAML
// limits of every file.
func TestParseEntryRefusesBombs(t *testing.T) {
	for _, b := range yamlxtest.Bombs() {
		_, err := ParseEntry("e.yaml", b.Data, func(string) bool { return true })
		var le *yamlx.LimitError
		if !errors.As(err, &le) || le.Code != b.Code || le.File != "e.yaml" {
			t.Errorf("%s: err = %v, want %s", b.Name, err, b.Code)
		}
	}
}
