package yamlx_test

import (
	"testing"

	"github.com/tilmash/tilmash/internal/yamlx"
)

// TestMarshal: the header comes first, then the document, indented by two
// spaces as every file tilmash writes.
func TestMarshal(t *testing.T) {
	got, err := yamlx.Marshal("# head\n", map[string]any{"a": map[string]any{"b": []string{"c"}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "# head\na:\n  b:\n    - c\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
