package check_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/check"
)

// TestTSVShortRow: a row with fewer cells than the header has languages
// is refused, as one with a cell too many is, at the end of its last cell
// and naming the first language it lacks; an empty cell written with its
// tab, and a blank line, are not short rows.
func TestTSVShortRow(t *testing.T) {
	langs := []string{"en", "ru", "kk"}
	tests := []struct {
		name, in  string
		lang      string // "" for no error
		line, col int
	}{
		{"no second cell", "en\tru\nA\tБ\nFarmers\n", "ru", 3, 8},
		{"no third cell", "en\tru\tkk\nA\tБ\tӘ\nA\tБ\n", "kk", 3, 4},
		{"quoted last cell", "en\tru\n\"A b\"\n", "ru", 2, 5},
		{"empty cell with its tab", "en\tru\nA\tБ\nFarmers\t\n", "", 0, 0},
		{"blank line", "en\tru\nA\tБ\n\nB\tВ\n", "", 0, 0},
	}
	c := houseChecker(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rerr := check.ReadTSV("f.tsv", []byte(tt.in), langs)
			s := check.NewSuite(c, "en", langs, check.Config{Checks: []string{"terms"}})
			_, serr := s.TSV(0, "f.tsv", strings.NewReader(tt.in), langs)
			for _, err := range []error{rerr, serr} {
				if tt.lang == "" {
					if err != nil {
						t.Errorf("error %v, want none", err)
					}
					continue
				}
				var ie *check.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("error %v, want an InputError", err)
				}
				if ie.Code != check.CodeShortRow || ie.Lang != tt.lang || ie.Line != tt.line || ie.Column != tt.col {
					t.Errorf("got %s %s at %d:%d (%v), want %s %s at %d:%d", ie.Code, ie.Lang, ie.Line, ie.Column, err, check.CodeShortRow, tt.lang, tt.line, tt.col)
				}
			}
		})
	}
}
