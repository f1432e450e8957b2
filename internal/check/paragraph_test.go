package check

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"\n\n  \n", nil},
		{"One.", []string{"One."}},
		{"# Title\n\nFirst line\nsecond line.\n\n\n  Indented.  \n", []string{"# Title", "First line\nsecond line.", "Indented."}},
		{"A.\n \t\nB.\r\n\r\nC.", []string{"A.", "B.", "C."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range paragraphs(tt.text) {
			got = append(got, tt.text[s.start:s.end])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestAdvance(t *testing.T) {
	tests := []struct {
		from      Position
		s         string
		line, col int
	}{
		{Position{Line: 1, Column: 1}, "", 1, 1},
		{Position{Line: 1, Column: 1}, "Алматы ", 1, 8},
		{Position{Line: 3, Column: 5}, "a\nбв", 4, 3},
		{Position{Line: 1, Column: 1}, "x\n\n", 3, 1},
	}
	for _, tt := range tests {
		p := advance(tt.from, tt.s)
		if p.Line != tt.line || p.Column != tt.col {
			t.Errorf("advance(%+v, %q) = %d:%d, want %d:%d", tt.from, tt.s, p.Line, p.Column, tt.line, tt.col)
		}
	}
}
