package app

import (
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
)

// TestUnaligned: a sentence of the text counts as in no group when no
// group's span of its language overlaps it; spans a person merged or
// split by hand (one span over two cut sentences, a span in the middle of
// one) still hold what they overlap.
func TestUnaligned(t *testing.T) {
	group := func(spans ...[2]int) *document.Group {
		g := &document.Group{Sents: map[string][]document.Sentence{}}
		for _, s := range spans {
			g.Sents["ru"] = append(g.Sents["ru"], document.Sentence{Start: s[0], End: s[1]})
		}
		return g
	}
	sents := []segment.Segment{{Start: 0, End: 10}, {Start: 11, End: 20}, {Start: 22, End: 30}, {Start: 31, End: 40}}
	tests := []struct {
		name   string
		groups []*document.Group
		want   int
	}{
		{"no group", nil, 4},
		{"every sentence", []*document.Group{group([2]int{0, 10}), group([2]int{11, 20}, [2]int{22, 30}), group([2]int{31, 40})}, 0},
		{"one added in the middle", []*document.Group{group([2]int{0, 10}, [2]int{11, 20}), group([2]int{31, 40})}, 1},
		{"one span over two sentences", []*document.Group{group([2]int{0, 20}), group([2]int{22, 40})}, 0},
		{"groups out of text order", []*document.Group{group([2]int{31, 40}), group([2]int{0, 10})}, 2},
		{"a span touching a sentence's end does not hold it", []*document.Group{group([2]int{0, 11})}, 3},
		{"a long span before a short one", []*document.Group{group([2]int{0, 30}), group([2]int{5, 6})}, 1},
	}
	for _, tt := range tests {
		a := &document.Alignment{Groups: tt.groups}
		if got := Unaligned(a, "ru", sents); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
		if got := Unaligned(a, "kk", sents); got != 4 {
			t.Errorf("%s: kk, which no group has: %d, want 4", tt.name, got)
		}
	}
}

// BenchmarkUnaligned: a text of 40,000 sentences, every one in a group
// (status counts this for each language of each document it reads again).
func BenchmarkUnaligned(b *testing.B) {
	const n = 40000
	a := &document.Alignment{}
	sents := make([]segment.Segment, n)
	for i := range sents {
		sents[i] = segment.Segment{Start: i * 100, End: i*100 + 90}
		a.Groups = append(a.Groups, &document.Group{Sents: map[string][]document.Sentence{"ru": {{Start: i * 100, End: i*100 + 90}}}})
	}
	b.ResetTimer()
	for range b.N {
		if Unaligned(a, "ru", sents) != 0 {
			b.Fatal("unaligned")
		}
	}
}
