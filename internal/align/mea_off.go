//go:build !aligntune

package align

// decode returns the path to output of a search whose Viterbi path through band b is path, and
// its beads' scores. Without the tuning build it is the Viterbi path.
func (a *aligner) decode(b *band, path []step, pass int) ([]step, []float64) {
	return path, a.posteriors(b, path)
}
