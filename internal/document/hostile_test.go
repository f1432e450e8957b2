package document_test

import (
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/yamlx"
	"github.com/tilmash/tilmash/internal/yamlx/yamlxtest"
)

// TestParseAlignmentRefusesBombs: alignment.yaml is read with the YAML
// limits of every file, and the error says where.
func TestParseAlignmentRefusesBombs(t *testing.T) {
	for _, b := range yamlxtest.Bombs() {
		_, err := document.ParseAlignment("documents/x/alignment.yaml", b.Data)
		var le *yamlx.LimitError
		if !errors.As(err, &le) || le.Code != b.Code || le.File != "documents/x/alignment.yaml" || le.Line < 2 {
			t.Errorf("%s: err = %v, want %s", b.Name, err, b.Code)
		}
	}
}
