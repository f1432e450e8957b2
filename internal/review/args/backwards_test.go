package args

import (
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
)

// A range written from the higher group to the lower (3-1) is refused as
// before, now with the hint that turns it round: the message alone ("bad
// group range 3-1 at byte 2") did not say what was wrong with it.
func TestRangeBackwardsHint(t *testing.T) {
	tests := []struct {
		name      string
		parse     func() error
		hint      string
		low, high int
	}{
		{"range", func() error { _, err := ParseRange("3-1", 10); return err }, "review.range-backwards.hint", 1, 3},
		{"second range", func() error { _, err := ParseRange("1-2,9-4", 10); return err }, "review.range-backwards.hint", 4, 9},
		{"merge run", func() error { _, _, err := ParseMerge([]string{"5-2"}); return err }, "review.range-backwards.hint", 2, 5},
		{"merge run of one group", func() error { _, _, err := ParseMerge([]string{"3-3"}); return err }, "", 0, 0},
		{"not a number", func() error { _, err := ParseRange("3-x", 10); return err }, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *locale.Error
			if err := tt.parse(); !errors.As(err, &e) {
				t.Fatalf("err = %v, want a catalogue error", err)
			}
			if e.Hint != tt.hint {
				t.Errorf("hint %q, want %q", e.Hint, tt.hint)
			}
			if tt.hint != "" && (e.Data["Low"] != tt.low || e.Data["High"] != tt.high) {
				t.Errorf("Low, High = %v, %v, want %d, %d", e.Data["Low"], e.Data["High"], tt.low, tt.high)
			}
		})
	}
}
