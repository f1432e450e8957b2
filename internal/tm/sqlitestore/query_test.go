package sqlitestore

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMostSharedAgainstModel checks the merge of the fuzzy look-up
// against counting: the units in most lists, those in most of the
// anchors' lists first among equals, then the newest, no deleted one, at most limit.
func TestMostSharedAgainstModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var sc similarScratch
	for round := range 2000 {
		k := rng.IntN(6)
		units := 1 + rng.IntN(300)
		lists := make([][]uint64, k)
		count := map[uint64]int{}
		for i := range lists {
			for u := 1; u <= units; u++ {
				if rng.IntN(4) == 0 {
					id := textID(int64(u), 1+int64(round%3))
					lists[i] = append(lists[i], id)
					count[id]++
				}
			}
		}
		// The texts of the query's anchors: some in the lists, some not.
		same := make([][]uint64, rng.IntN(4))
		anchored := map[uint64]int{}
		for j := range same {
			for u := 1; u <= units+5; u++ {
				if id := textID(int64(u), 1+int64(round%3)); rng.IntN(3) == 0 {
					same[j] = append(same[j], id)
					anchored[id]++
				}
			}
		}
		deleted := map[int64]bool{}
		for range rng.IntN(3) * rng.IntN(20) {
			deleted[int64(1+rng.IntN(units))] = true
		}
		limit := rng.IntN(30)
		var want []int64
		ids := make([]uint64, 0, len(count))
		for id := range count {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b uint64) int {
			return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(anchored[b], anchored[a]), cmp.Compare(b, a))
		})
		for _, id := range ids {
			if u := int64(id >> 6); !deleted[u] && len(want) < limit {
				want = append(want, u)
			}
		}
		if got := sc.mostShared(lists, same, deleted, limit); !slices.Equal(got, want) {
			t.Fatalf("round %d: mostShared(%d lists, limit %d) = %v, want %v", round, k, limit, got, want)
		}
	}
}

// TestDecode reads back lists of every delta size, with and without a
// language filter, and refuses a cut varint.
func TestDecode(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 500 {
		var ids []uint64
		id := uint64(0)
		for range rng.IntN(50) {
			id += 1 + uint64(rng.Int64N(1<<uint(1+rng.IntN(40))))
			ids = append(ids, id)
		}
		buf := encode(nil, ids)
		got, err := decode(nil, buf, -1)
		if err != nil || !slices.Equal(got, ids) {
			t.Fatalf("decode(encode(%v)) = %v, %v", ids, got, err)
		}
		var want []uint64
		for _, id := range ids {
			if id&63 == 5 {
				want = append(want, id)
			}
		}
		if got, err := decode(nil, buf, 5); err != nil || !slices.Equal(got, want) {
			t.Fatalf("decode(…, 5) = %v, %v; want %v", got, err, want)
		}
		if len(buf) > 0 && buf[len(buf)-1] >= 0x80 {
			t.Fatalf("encode ends in a continuation byte")
		}
		if len(buf) > 0 {
			cut := append(append([]byte(nil), buf...), 0x80)
			if _, err := decode(nil, cut, -1); err == nil {
				t.Fatalf("decode of a cut varint: no error")
			}
		}
	}
}
