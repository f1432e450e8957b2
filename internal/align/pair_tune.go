//go:build aligntune

package align

// pair is Pair without fixed beads, with a given model; tests use it to compare weightings.
func pair(src, tgt []Sentence, opt Options, mdl *model) []Bead {
	fs, ft, vs, vt := extractSides(src, tgt, opt)
	ks, kt := withLexKeys(fs, ft, vs, vt, opt.SrcLang, opt.TgtLang, opt.Lexicon, 0)
	return solve(src, tgt, fs, ft, ks, kt, opt, mdl, nil, nil, nil, nil)
}

// shared is sharedKeys for two key sets.
func shared(a, b *keySet) (n [4]uint16, w [4]float64) { return sharedKeys(a, b.sig, b.keys) }
