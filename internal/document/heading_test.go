package document

import "testing"

func TestHeading(t *testing.T) {
	for _, c := range []struct {
		in           string
		level, marks int
		stripped     string
	}{
		{"# Title", 1, 2, "Title"},
		{"## Title", 2, 3, "Title"},
		{"###### Six", 6, 7, "Six"},
		{"####### Seven", 0, 0, "####### Seven"},
		{"#\tTab", 1, 2, "Tab"},
		{"##   Spaces", 2, 5, "Spaces"},
		{"#Title", 0, 0, "#Title"},
		{"# ", 0, 0, "# "},
		{"#", 0, 0, "#"},
		{"", 0, 0, ""},
		{"Title # not", 0, 0, "Title # not"},
		{"#1 in the ranking", 0, 0, "#1 in the ranking"},
		{"# Заголовок", 1, 2, "Заголовок"},
	} {
		level, marks := Heading(c.in)
		if level != c.level || marks != c.marks {
			t.Errorf("Heading(%q) = %d, %d, want %d, %d", c.in, level, marks, c.level, c.marks)
		}
		if got := StripHeading(c.in); got != c.stripped {
			t.Errorf("StripHeading(%q) = %q, want %q", c.in, got, c.stripped)
		}
	}
}
