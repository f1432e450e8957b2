package document_test

import (
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// An empty or blank text is stored, and Import says so, so that the
// command can warn: it has nothing to align or publish.
func TestImportEmpty(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		empty      bool
	}{
		{"empty", "", true},
		{"line breaks", "\n\n\r\n", true},
		{"spaces and tabs", "  \t \n \n", true},
		{"no-break spaces", "\u00a0\u2003\n", true},
		{"invisible", "\u200b\u200d\u2060\u00ad\ufeff\n", true},
		{"a dot", " .\n", false},
		{"a word", "Алматы\n", false},
	}
	for _, tt := range tests {
		res, err := document.Import(ws, "doc", "en", []byte(tt.text), "en.txt", document.ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if res.Empty != tt.empty {
			t.Errorf("%s: Empty = %v, want %v", tt.name, res.Empty, tt.empty)
		}
	}
}
