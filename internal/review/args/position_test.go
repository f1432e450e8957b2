package args

import (
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

// TestBadInputCharacter: a malformed range or merge names the character a
// person counts (1-based), not the 0-based byte offset: "1-x" is bad at
// character 3. Before, the message said "at byte 2".
func TestBadInputCharacter(t *testing.T) {
	tests := []struct {
		name string
		err  func() error
		col  int
		text string
	}{
		{"range, second number", func() error { _, err := ParseRange("1-x", 9); return err }, 3, "bad group range 1-x at character 3"},
		{"range, empty item", func() error { _, err := ParseRange("1,,3", 9); return err }, 3, "bad group range 1,,3 at character 3"},
		{"range, first", func() error { _, err := ParseRange("x", 9); return err }, 1, "bad group range x at character 1"},
		{"range backwards", func() error { _, err := ParseRange("3-1", 9); return err }, 3, "bad group range 3-1 at character 3"},
		{"merge backwards", func() error { _, _, err := ParseMerge([]string{"4-2"}); return err }, 3, "bad groups to merge 4-2 at character 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			var le *locale.Error
			if !errors.As(err, &le) || le.Pos == nil {
				t.Fatalf("error %v, want a *locale.Error with a place", err)
			}
			if le.Pos.Column != tt.col {
				t.Errorf("column %d, want %d", le.Pos.Column, tt.col)
			}
			if got := err.Error(); len(got) < len(tt.text) || got[:len(tt.text)] != tt.text {
				t.Errorf("message %q, want it to start %q", got, tt.text)
			}
		})
	}
	if p := inputPos("ә,x", 3); p.Column != 3 || p.Offset != 3 {
		t.Errorf("inputPos counts bytes: %+v", p)
	}
}
