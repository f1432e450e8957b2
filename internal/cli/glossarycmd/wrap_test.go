package glossarycmd

import (
	"slices"
	"testing"
)

// TestWrapForms: glossary show's generated forms break between forms only,
// by display width (Cyrillic counts one column a letter), a form wider
// than the line on a line of its own.
func TestWrapForms(t *testing.T) {
	tests := []struct {
		name  string
		forms []string
		width int
		want  []string
	}{
		{"none", nil, 20, nil},
		{"one line", []string{"алматы", "алматыға"}, 20, []string{"алматы · алматыға"}},
		{"exactly full", []string{"алматы", "алматыға"}, 17, []string{"алматы · алматыға"}},
		{"one over", []string{"алматы", "алматыға"}, 16, []string{"алматы", "алматыға"}},
		{"a phrase stays whole", []string{"ақмола облысы", "ақмола облысының", "ақмола облысын"}, 32, []string{"ақмола облысы · ақмола облысының", "ақмола облысын"}},
		{"wider than the line", []string{"a", "акмолинской области", "b"}, 10, []string{"a", "акмолинской области", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wrapForms(tt.forms, tt.width); !slices.Equal(got, tt.want) {
				t.Errorf("wrapForms(%q, %d) = %q, want %q", tt.forms, tt.width, got, tt.want)
			}
		})
	}
}
