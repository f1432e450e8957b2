package app

import (
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestImportNoRules: a text in a language without segmentation rules is
// stored, and the result says align cannot cut it, new or unchanged; a
// language with rules says nothing.
func TestImportNoRules(t *testing.T) {
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	ws.Config.Languages = append(ws.Config.Languages, "de")
	ap := New("test")
	for _, tc := range []struct {
		lang, text string
		noRules    bool
	}{
		{"en", "The river rose.\n", false},
		{"de", "Der Fluss stieg.\n", true},
		{"de", "Der Fluss stieg.\n", true}, // unchanged
		{"kk", "Өзен тасыды.\n", false},
	} {
		res, err := ap.Import(ws, "river", tc.lang, []byte(tc.text), tc.lang+".txt", "", document.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.NoRules != nil; got != tc.noRules || got && !segment.IsUnsupported(res.NoRules) {
			t.Errorf("%s: NoRules %v, want one %v", tc.lang, res.NoRules, tc.noRules)
		}
	}
}
