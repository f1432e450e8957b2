package align

import (
	"fmt"
	"slices"
	"testing"
)

func TestMergePasses(t *testing.T) {
	b := func(src, tgt []int, score float64) Bead { return Bead{Src: src, Tgt: tgt, Score: score} }
	e := []int{}
	// The passes part after bead 0: the first drops source sentence 1, the second source 2.
	first := func(s1, s2 float64) []Bead {
		return []Bead{b([]int{0}, []int{0}, 0.9), b([]int{1}, e, s1), b([]int{2}, []int{1}, s2), b([]int{3}, []int{2}, 0.9)}
	}
	second := func(s1, s2 float64) []Bead {
		return []Bead{b([]int{0}, []int{0}, 0.8), b([]int{1}, []int{1}, s1), b([]int{2}, e, s2), b([]int{3}, []int{2}, 0.8)}
	}
	for _, tt := range []struct {
		name          string
		first, second []Bead
		want          string
	}{
		{"same beads, scores from the second where the first was unsure", first(0.3, 0.3), first(0.5, 0.5), "[0]-[0] 0.90 [1]-[] 0.50 [2]-[1] 0.50 [3]-[2] 0.90"},
		{"first unsure", first(0.3, 0.4), second(0.7, 0.7), "[0]-[0] 0.90 [1]-[1] 0.70 [2]-[] 0.70 [3]-[2] 0.90"},
		{"first sure", first(0.5, 0.5), second(0.9, 0.9), "[0]-[0] 0.90 [1]-[] 0.50 [2]-[1] 0.50 [3]-[2] 0.90"},
		{"second much less sure", first(0.4, 0.44), second(0.2, 0.2), "[0]-[0] 0.90 [1]-[] 0.40 [2]-[1] 0.44 [3]-[2] 0.90"},
		{"second a little less sure", first(0.3, 0.4), second(0.3, 0.3), "[0]-[0] 0.90 [1]-[1] 0.30 [2]-[] 0.30 [3]-[2] 0.90"},
		{"a 2-1 against 1-1 and 1-0", []Bead{b([]int{0, 1}, []int{0}, 0.3)}, []Bead{b([]int{0}, []int{0}, 0.6), b([]int{1}, e, 0.6)}, "[0]-[0] 0.60 [1]-[] 0.60"},
	} {
		got := ""
		for k, x := range mergePasses(tt.first, tt.second, 0.45) {
			if k > 0 {
				got += " "
			}
			got += fmt.Sprintf("%v-%v %.2f", x.Src, x.Tgt, x.Score)
		}
		if got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestStretches(t *testing.T) {
	// A path over 6 source and 7 target sentences, of beads 1-1, 2-1, 0-1, 1-1, 1-0 and 1-2: its
	// cells are (0,0) (1,1) (3,2) (3,3) (4,4) (5,4) (6,6), and stretch [ks, ke) runs from cell ks
	// to cell ke.
	bead := func(di, dj int) shape { return shape{di, dj} }
	var path []step
	i, j := 0, 0
	for _, s := range []shape{bead(1, 1), bead(2, 1), bead(0, 1), bead(1, 1), bead(1, 0), bead(1, 2)} {
		path = append(path, step{i: i + s.di, j: j + s.dj, pi: i, pj: j})
		i, j = i+s.di, j+s.dj
	}
	rows := func(r ...int) []bool {
		w := make([]bool, 7)
		for _, x := range r {
			w[x] = true
		}
		return w
	}
	for _, tt := range []struct {
		name string
		wide []bool
		want string
	}{
		{"none", rows(), "[]"},
		{"a row the path skips widens to the rows around it", rows(2), "[[1 3]]"},
		{"from the first cell of a row to its last", rows(3), "[[2 3]]"},
		{"a row of one cell holds no step", rows(4), "[]"},
		{"runs of rows that touch are searched apart", rows(0, 1, 3, 4), "[[0 1] [2 4]]"},
		{"separate runs", rows(0, 1, 5, 6), "[[0 1] [5 6]]"},
		{"the whole document", rows(0, 1, 2, 3, 4, 5, 6), "[[0 6]]"},
	} {
		if got := fmt.Sprint(stretches(path, tt.wide)); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestSplitDoubtful: a 1-1 bead scored under doubtfulPair becomes a 1-0 and a 0-1 bead with its
// score, in order; sure beads, merges and fixed beads (score 1) stay as they are.
func TestSplitDoubtful(t *testing.T) {
	in := []Bead{
		{Src: []int{0}, Tgt: []int{0}, Score: 0.9},
		{Src: []int{1}, Tgt: []int{1}, Score: 0.3},
		{Src: []int{2, 3}, Tgt: []int{2}, Score: 0.2},
		{Src: []int{4}, Tgt: []int{}, Score: 0.1},
		{Src: []int{5}, Tgt: []int{3}, Score: 1},
		{Src: []int{6}, Tgt: []int{4}, Score: 0.47},
	}
	want := []Bead{
		{Src: []int{0}, Tgt: []int{0}, Score: 0.9},
		{Src: []int{1}, Tgt: []int{}, Score: 0.3},
		{Src: []int{}, Tgt: []int{1}, Score: 0.3},
		{Src: []int{2, 3}, Tgt: []int{2}, Score: 0.2},
		{Src: []int{4}, Tgt: []int{}, Score: 0.1},
		{Src: []int{5}, Tgt: []int{3}, Score: 1},
		{Src: []int{6}, Tgt: []int{4}, Score: 0.47}, // more often right than two sentences alone
	}
	got := splitDoubtful(in)
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k := range want {
		if !slices.Equal(got[k].Src, want[k].Src) || !slices.Equal(got[k].Tgt, want[k].Tgt) || got[k].Score != want[k].Score {
			t.Errorf("bead %d: got %v, want %v", k, got[k], want[k])
		}
	}
}
