package align

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortShort: sortShort puts lists of every length on both sides of its cut-over to
// slices.Sort in the order slices.Sort does, repeated values and extremes among them.
func TestSortShort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 70 {
		for range 20 {
			s := make([]uint32, n)
			for i := range s {
				switch rng.IntN(4) {
				case 0:
					s[i] = uint32(rng.IntN(4)) // repeats
				case 1:
					s[i] = ^uint32(0) - uint32(rng.IntN(2))
				default:
					s[i] = rng.Uint32()
				}
			}
			want := slices.Clone(s)
			slices.Sort(want)
			sortShort(s)
			if !slices.Equal(s, want) {
				t.Fatalf("%d values: %v, want %v", n, s, want)
			}
			u := make([]int32, n)
			for i := range u {
				u[i] = int32(rng.IntN(2*n+1) - n)
			}
			wantI := slices.Clone(u)
			slices.Sort(wantI)
			if sortShort(u); !slices.Equal(u, wantI) {
				t.Fatalf("%d values: %v, want %v", n, u, wantI)
			}
		}
	}
}
