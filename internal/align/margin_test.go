package align

import (
	"fmt"
	"runtime"
	"testing"
)

// marginDoc is a document of five sentences a side whose anchor keys are the lexicon entries
// listed: each translation pair i shares a word of its own (10+i) and two names (20+2i, 21+2i);
// source sentence 2 and target sentence 2 are what the test sets.
func marginDoc(src2, tgt2 []uint32) (ks, kt [][]uint32) {
	lex := func(ids ...uint32) []uint32 {
		out := make([]uint32, len(ids))
		for x, id := range ids {
			out[x] = id | kindLex
		}
		return out
	}
	for i := range uint32(5) {
		if i == 2 {
			ks, kt = append(ks, lex(src2...)), append(kt, lex(tgt2...))
			continue
		}
		ks, kt = append(ks, lex(10+i, 20+2*i, 21+2*i)), append(kt, lex(10+i, 20+2*i, 21+2*i))
	}
	return ks, kt
}

// summary is a sentence that names what all the others name.
var summary = []uint32{20, 21, 22, 23, 26, 27, 28, 29}

func TestOutmatched(t *testing.T) {
	for _, tt := range []struct {
		name       string
		src2, tgt2 []uint32
		want       bool
	}{
		// An English sentence whose translation was dropped, linked to a sentence another desk
		// added: the one shares the topic with its partner's neighbours, the other nothing.
		{"dropped and added", summary, []uint32{7}, true},
		// A translation that shares a word of its own stands out from its neighbours.
		{"translation", []uint32{12, 20, 22}, []uint32{12, 20, 22}, false},
		// A free translation that shares a little less than its rivals is no more than doubtful.
		{"free translation", summary, []uint32{20, 26}, false},
		// Sentences that share nothing with anything say nothing.
		{"nothing shared", []uint32{5}, []uint32{6}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ks, kt := marginDoc(tt.src2, tt.tgt2)
			g := newMargins(ks, kt, docWeights(ks, kt, nil), newModel("en", "kk").match)
			if got := g.outmatched(2, 2); got != tt.want {
				t.Errorf("outmatched = %v, want %v (similarity %.2f, rivals %.2f and %.2f)",
					got, tt.want, g.sim(2, 2), g.rivals(true, 2, 2), g.rivals(false, 2, 2))
			}
		})
	}
}

func TestSplitOutmatched(t *testing.T) {
	ks, kt := marginDoc(summary, []uint32{7})
	beads := func(score float64) []Bead {
		var out []Bead
		for i := range 5 {
			s := 0.99
			if i == 2 {
				s = score
			}
			out = append(out, Bead{Src: []int{i}, Tgt: []int{i}, Score: s})
		}
		return out
	}
	split := []Bead{{Src: []int{0}, Tgt: []int{0}, Score: 0.99}, {Src: []int{1}, Tgt: []int{1}, Score: 0.99},
		{Src: []int{2}, Tgt: []int{}, Score: 0.6}, {Src: []int{}, Tgt: []int{2}, Score: 0.6},
		{Src: []int{3}, Tgt: []int{3}, Score: 0.99}, {Src: []int{4}, Tgt: []int{4}, Score: 0.99}}
	for _, tt := range []struct {
		score float64
		want  []Bead
	}{
		{0.6, split},        // doubtful and outmatched: split
		{0.8, beads(0.8)},   // outmatched, but the alignment is fairly sure of it
		{0.99, beads(0.99)}, // sure
	} {
		got := splitOutmatched(ks, kt, nil, nil, Options{SrcLang: "en", TgtLang: "kk"}, beads(tt.score))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("score %.2f: got %v, want %v", tt.score, got, tt.want)
		}
	}
}

// TestSplitOutmatchedMerge: a dropped sentence merged with two added ones is split into three
// sentences alone; a merge one of whose pairs stands out is kept.
func TestSplitOutmatchedMerge(t *testing.T) {
	opt := Options{SrcLang: "en", TgtLang: "kk"}
	// six target sentences: 0, 1, the added 2 and 3 (keys 7, 8), then the translations of
	// source sentences 3 and 4
	ks, kt := marginDoc(summary, []uint32{7})
	kt = [][]uint32{kt[0], kt[1], kt[2], {8 | kindLex}, kt[3], kt[4]}
	beads := []Bead{{Src: []int{0}, Tgt: []int{0}, Score: 0.99}, {Src: []int{1}, Tgt: []int{1}, Score: 0.99},
		{Src: []int{2}, Tgt: []int{2, 3}, Score: 0.6},
		{Src: []int{3}, Tgt: []int{4}, Score: 0.99}, {Src: []int{4}, Tgt: []int{5}, Score: 0.99}}
	want := []Bead{{Src: []int{0}, Tgt: []int{0}, Score: 0.99}, {Src: []int{1}, Tgt: []int{1}, Score: 0.99},
		{Src: []int{2}, Tgt: []int{}, Score: 0.6}, {Src: []int{}, Tgt: []int{2}, Score: 0.6}, {Src: []int{}, Tgt: []int{3}, Score: 0.6},
		{Src: []int{3}, Tgt: []int{4}, Score: 0.99}, {Src: []int{4}, Tgt: []int{5}, Score: 0.99}}
	if got := splitOutmatched(ks, kt, nil, nil, opt, beads); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dropped and two added: got %v, want %v", got, want)
	}
	// the second target sentence translates the source one after all
	kt[3] = []uint32{12 | kindLex, 20 | kindLex, 26 | kindLex}
	if got := splitOutmatched(ks, kt, nil, nil, opt, beads); fmt.Sprint(got) != fmt.Sprint(beads) {
		t.Errorf("one pair stands out: got %v, want %v", got, beads)
	}
}

// TestMarginsMadeOnDemand: the margins of a long document hold the key sets of the sentences
// compared and a number a sentence, not a key set for every sentence (88 bytes each, pointers
// the collector scans, written all over the document), and a set read again reads the same; a
// short document's take little room.
func TestMarginsMadeOnDemand(t *testing.T) {
	const n = 100000
	ks, kt := make([][]uint32, n), make([][]uint32, n)
	for i := range n {
		ks[i] = []uint32{uint32(i) | kindLex}
		kt[i] = []uint32{uint32(i) | kindLex}
	}
	wt := docWeights(ks, kt, nil)
	match := newModel("en", "ru").match
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g := newMargins(ks, kt, wt, match)
	var sims []float64
	for i := 0; i < n; i += n / 10 {
		sims = append(sims, g.sim(i, i), g.sim(i, i+1))
	}
	runtime.ReadMemStats(&after)
	// a number a sentence on each side, and a chunk of sets and of keys
	if got, want := after.TotalAlloc-before.TotalAlloc, uint64(8*n+2*(1024*88+16384*8)+64<<10); got > want {
		t.Errorf("margins of %d sentences a side compared 20 times: %d bytes allocated, want at most %d", n, got, want)
	}
	for k, i := 0, 0; i < n; k, i = k+2, i+n/10 {
		if s, s1 := g.sim(i, i), g.sim(i, i+1); s != sims[k] || s1 != sims[k+1] {
			t.Errorf("sentence %d: similarities %v %v, then %v %v", i, sims[k], sims[k+1], s, s1)
		}
	}
	if sims[0] <= 0 || sims[0] == sims[1] {
		t.Errorf("similarities %v: the test compares nothing", sims[:2])
	}
	// A short document, as most are, makes small arenas.
	ks, kt = ks[:30], kt[:30]
	wt = docWeights(ks, kt, nil)
	runtime.ReadMemStats(&before)
	g = newMargins(ks, kt, wt, match)
	g.sim(3, 3)
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 8<<10 {
		t.Errorf("margins of 30 sentences a side compared once: %d bytes allocated, want at most %d", got, 8<<10)
	}
}
