package export

import "testing"

func TestCellHeading(t *testing.T) {
	term := Mark{Class: MarkTerm, Start: 0, End: 3} // covers the "# " marker
	tests := []struct {
		name, text string
		marks      []Mark
		want       string
	}{
		{"plain", "Tokayev spoke.", []Mark{{Class: MarkTerm, Start: 0, End: 7}}, `<mark class="term">Tokayev</mark> spoke.`},
		{"heading", "# Tokayev & co", []Mark{{Class: MarkTerm, Start: 2, End: 9}}, `<span class="heading"><mark class="term">Tokayev</mark> &amp; co</span>`},
		{"level 2", "## Что видно", nil, `<span class="heading">Что видно</span>`},
		{"not a heading", "#hashtag", nil, `#hashtag`},
		{"seven hashes", "####### x", nil, `####### x`},
		{"mark on the marker is dropped", "# Ab", []Mark{term}, `<span class="heading">Ab</span>`},
	}
	for _, tt := range tests {
		if got := cell(tt.text, tt.marks); got != tt.want {
			t.Errorf("%s: cell(%q) = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}
