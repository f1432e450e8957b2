package check

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"
)

// TestAddByGroup: merging consistency's findings into a report gives what
// appending them and sorting stably by group gave, for sorted and
// unsorted findings, ties included, with and without room after the
// report's findings.
func TestAddByGroup(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		mk := func(k int, tag string, sorted bool) []Finding {
			fs := make([]Finding, k)
			g := 0
			for i := range fs {
				if sorted {
					g += rng.IntN(3)
				} else {
					g = rng.IntN(10)
				}
				fs[i].Group, fs[i].Kind = g, tag+strconv.Itoa(i)
			}
			return fs
		}
		own, extra := mk(rng.IntN(30), "own", n%3 != 0), mk(rng.IntN(8), "cons", n%2 == 0)
		want := append(append([]Finding(nil), own...), extra...)
		sort.SliceStable(want, func(i, j int) bool { return want[i].Group < want[j].Group })
		if n%4 < 2 {
			own = slices.Grow(own, rng.IntN(10)) // room at the end, sometimes enough
		}
		r := &Report{Findings: own}
		r.AddByGroup(extra)
		if len(r.Findings) != len(want) {
			t.Fatalf("case %d: %d findings, want %d", n, len(r.Findings), len(want))
		}
		for i := range want {
			if r.Findings[i].Group != want[i].Group || r.Findings[i].Kind != want[i].Kind {
				t.Fatalf("case %d: finding %d is %d %s, want %d %s", n, i, r.Findings[i].Group, r.Findings[i].Kind, want[i].Group, want[i].Kind)
			}
		}
	}
}
