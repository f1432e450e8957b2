package align

import "testing"

func TestSweepsEdge(t *testing.T) {
	diag := func(n int) []step {
		var p []step
		for i := 1; i <= n; i++ {
			p = append(p, step{i: i, j: i, pi: i - 1, pj: i - 1})
		}
		return p
	}
	row := func(p []step, i, from, to int) []step { // 0-1 beads along row i
		for j := from + 1; j <= to; j++ {
			p = append(p, step{i: i, j: j, pi: i, pj: j - 1, shape: 2})
		}
		return p
	}
	col := func(p []step, j, from, to int) []step { // 1-0 beads down column j
		for i := from + 1; i <= to; i++ {
			p = append(p, step{i: i, j: j, pi: i - 1, pj: j, shape: 1})
		}
		return p
	}
	for _, tc := range []struct {
		name string
		path []step
		n, m int
		want bool
	}{
		{"the diagonal", diag(100), 100, 100, false},
		{"no path", nil, 10, 10, false},
		{"a short ending of one side", row(diag(100), 100, 100, 120), 100, 120, false},
		{"an ending as long as the span", row(diag(100), 100, 100, 132), 100, 132, false},
		{"a sweep along the last row", row(diag(100), 100, 100, 400), 100, 400, true},
		{"a sweep down the last column", col(diag(100), 100, 100, 400), 400, 100, true},
		{"unmatched sentences before the end are no sweep", append(row(diag(50), 50, 50, 350), func() []step {
			var p []step
			for k := 1; k <= 50; k++ {
				p = append(p, step{i: 50 + k, j: 350 + k, pi: 49 + k, pj: 349 + k})
			}
			return p
		}()...), 100, 400, false},
	} {
		if got := sweepsEdge(tc.path, tc.n, tc.m, 32); got != tc.want {
			t.Errorf("%s: sweepsEdge = %v, want %v", tc.name, got, tc.want)
		}
	}
}
