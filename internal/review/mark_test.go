package review

import "testing"

func TestPlaceFinding(t *testing.T) {
	text := "Первое. Второе предложение."
	tests := []struct {
		segment, marked string
		start, end      int
		want            [2]int
	}{
		{text, "Второе", 14, 26, [2]int{14, 26}},
		{"Второе предложение.", "Второе", 0, 12, [2]int{14, 26}},
		{"другой текст", "Второе", 0, 12, [2]int{14, 26}},
		{"другой текст", "нет", 0, 6, [2]int{-1, -1}},
		{"abc", "abc", 2, 9, [2]int{-1, -1}},
	}
	for _, tt := range tests {
		s, e := PlaceFinding(text, tt.segment, tt.marked, tt.start, tt.end)
		if [2]int{s, e} != tt.want {
			t.Errorf("PlaceFinding(%q, %q, %d, %d) = %d, %d, want %v", tt.segment, tt.marked, tt.start, tt.end, s, e, tt.want)
		}
	}
}

func TestDiffFindings(t *testing.T) {
	f := func(g int, text string) Mark {
		return Mark{Group: g, Lang: "kk", Kind: Forbidden, Entry: "x", Text: text}
	}
	before := []Mark{f(3, "a"), f(4, "a"), f(4, "b"), {Group: 4, Kind: Term, Text: "t"}}
	after := []Mark{f(3, "a"), f(3, "c")} // groups merged: numbers change
	resolved, added := DiffFindings(before, after)
	if len(resolved) != 2 || resolved[0].Text != "a" || resolved[1].Text != "b" {
		t.Errorf("resolved = %v", resolved)
	}
	if len(added) != 1 || added[0].Text != "c" {
		t.Errorf("added = %v", added)
	}
}
