package document_test

import (
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// A re-import without --title keeps a title the first import was given
// (a corrected text must not rename the article), while a title the text's
// first line made follows the new text's first line. The given title used
// to be replaced by the new text's heading.
func TestImportKeepsGivenTitle(t *testing.T) {
	tests := []struct {
		name   string
		first  string // --title of the first import; "" for none
		second string // --title of the re-import
		text2  string
		want   string
	}{
		{"given title kept", "New bridge", "", "# Bridge opens\n\nIt cost 14 billion.\n", "New bridge"},
		{"given title kept, heading unchanged", "New bridge", "", "# Bridge opened\n\nIt cost 14 billion.\n", "New bridge"},
		{"derived title follows", "", "", "# Bridge opens\n\nIt cost 14 billion.\n", "Bridge opens"},
		{"derived title, same heading", "", "", "# Bridge opened\n\nIt cost 14 billion.\n", "Bridge opened"},
		{"new given title wins", "New bridge", "Bridge news", "# Bridge opens\n\nIt cost 14 billion.\n", "Bridge news"},
		{"given title equal to the heading follows it", "Bridge opened", "", "# Bridge opens\n\nIt cost 14 billion.\n", "Bridge opens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := workspace.Init(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			text1 := "# Bridge opened\n\nIt cost 12 billion.\n"
			if _, err := document.Import(ws, "doc", "en", []byte(text1), "en.txt", document.ImportOptions{Title: tt.first}); err != nil {
				t.Fatal(err)
			}
			res, err := document.Import(ws, "doc", "en", []byte(tt.text2), "en.txt", document.ImportOptions{Title: tt.second})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Doc.Meta.Versions["en"].Title; got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
			d, err := document.Open(ws, "doc")
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Meta.Versions["en"].Title; got != tt.want {
				t.Errorf("stored title %q, want %q", got, tt.want)
			}
		})
	}
}
