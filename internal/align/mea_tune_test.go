//go:build aligntune

package align

import (
	"math"
	"slices"
	"testing"
)

// TestMEAPosteriors checks the prototype's forward-backward against posteriors on the Viterbi
// path, and that at meaGamma 0.5 the decoding keeps a path it is sure of.
func TestMEAPosteriors(t *testing.T) {
	for _, paras := range []bool{false, true} {
		a := searchAligner(t, 400, paras)
		gmin, gmax := diagonalGuide(a.src.n, a.tgt.n)
		width := make([]int, a.src.n+1)
		for i := range width {
			width[i] = 8
		}
		path, b := a.bandedPathIn(gmin, gmax, width, nShapes, true)
		want := a.posteriors(b, path)
		post, _, _ := a.meaFB(b, 1)
		for k, s := range path {
			c := b.off[s.i] + s.j - int(b.lo[s.i])
			if got := post[c*nShapes+int(s.shape)]; math.Abs(got-want[k]) > 1e-9 {
				t.Fatalf("paras %v step %d %+v: posterior %v, posteriors %v", paras, k, s, got, want[k])
			}
		}
		old := meaGamma
		meaGamma = 0.5
		mp, _ := a.meaPath(b)
		meaGamma = old
		// where every bead of the Viterbi path is sure, the MEA path passes through the same cells
		cells := func(p []step) map[[2]int]bool {
			m := map[[2]int]bool{}
			for _, s := range p {
				m[[2]int{s.i, s.j}] = true
			}
			return m
		}
		onM := cells(mp)
		for k, s := range path {
			sure := want[k] > 0.99 && (k+1 == len(path) || want[k+1] > 0.99)
			if sure && !onM[[2]int{s.i, s.j}] && slices.ContainsFunc(mp, func(x step) bool { return x.i == s.i }) {
				t.Errorf("paras %v: the MEA path leaves sure cell (%d, %d)", paras, s.i, s.j)
			}
		}
	}
}
