package app

import (
	"testing"

	"github.com/tilmash/tilmash/internal/align"
)

func TestParseLengths(t *testing.T) {
	for _, tc := range []struct {
		rest string
		want align.LengthModel
		ok   bool
	}{
		{"# lengths 0.93 2.5 40\nriver\tрека\t0.2\n", align.LengthModel{Src: "en", Tgt: "ru", Ratio: 0.93, Var: 2.5, Pairs: 40}, true},
		{"# lengths 1.1484375 3.2e-01 7\n", align.LengthModel{Src: "en", Tgt: "ru", Ratio: 1.1484375, Var: 0.32, Pairs: 7}, true},
		{"# lengths none\nriver\tрека\t0.2\n", align.LengthModel{}, true},
		{"river\tрека\t0.2\n", align.LengthModel{}, false},       // stored before lengths were
		{"# lengths x0.93 2.5 40\n", align.LengthModel{}, false}, // damaged number
		{"# lengths 0.93 2.5\n", align.LengthModel{}, false},     // a field missing
		{"# lengths 0 2.5 40\n", align.LengthModel{}, false},     // no ratio
		{"# lengths 0.93 -1 40\n", align.LengthModel{}, false},   // negative variance
		{"# lengths NaN 2.5 40\n", align.LengthModel{}, false},   // not a number
		{"# lengths +Inf 2.5 40\n", align.LengthModel{}, false},  // infinite
		{"# lengths 0.93 2.5 0\n", align.LengthModel{}, false},   // fitted on nothing
		{"", align.LengthModel{}, false},                         // cut short
	} {
		got, ok := parseLengths([]byte(tc.rest), "en", "ru")
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseLengths(%q) = %+v, %v; want %+v, %v", tc.rest, got, ok, tc.want, tc.ok)
		}
	}
}
