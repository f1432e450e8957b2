package align

import (
	"slices"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// Lexical evidence. Names, numbers and glossary terms are rare; most sentences share none with
// their translation, and then only length tells a translation from an unrelated sentence of the
// same length (an editor's local paragraph, or the sentences after an omission). A translation
// lexicon (see package lexicon) links ordinary words: each entry it holds becomes an anchor key of
// kind kindLex, present in a source sentence that has the entry's source stem and in a target
// sentence that has its target stem. The search then compares sorted key sets as for every other
// anchor, so lexical evidence costs no pairwise word scoring and the search stays linear. The
// weights of lexical anchors are lexMatch and lexMiss (params.go).

// withLexKeys returns the features fs with the keys of the lexicon entries their words have on
// the side of lang added; v numbers the stems of fs (see features.stems). fs itself is left as it
// is: the second pass of Pair adds the keys of another lexicon to the same features.
func withLexKeys(fs []features, v *lexicon.Vocab, lang string, lex *lexicon.Lexicon) []features {
	if lex == nil || lex.Len() == 0 || v == nil {
		return fs
	}
	byStem := make([][]int32, v.Len()) // the entries of every stem of the document, looked up once
	for id := range byStem {
		byStem[id] = lex.LookupStem(lang, v.Stem(int32(id)))
	}
	out := slices.Clone(fs)
	for i := range out {
		var keys []uint32
		for _, id := range fs[i].stems {
			for _, e := range byStem[id] {
				if keys == nil {
					keys = slices.Clone(fs[i].keys)
				}
				keys = append(keys, uint32(lex.Key(e))&^kindMask|kindLex)
			}
		}
		if keys != nil {
			slices.Sort(keys)
			out[i].keys = slices.Compact(keys)
		}
	}
	return out
}

// withSeed returns the lexicon for opt: opt.Lexicon with the seed lexicon of the two languages
// (lexicon.Seed) merged in at weight seedWeight, unless opt.NoSeed.
func withSeed(opt Options) *lexicon.Lexicon {
	seed := lexicon.Seed(opt.SrcLang, opt.TgtLang)
	if opt.NoSeed || seed == nil || seedWeight <= 0 {
		return opt.Lexicon
	}
	out := lexicon.New(opt.SrcLang, opt.TgtLang)
	out.Merge(opt.Lexicon)
	out.MergeScaled(seed, seedWeight)
	return out
}

// scaleLexWeights multiplies the weight of each lexical key by its sense's weight.
func scaleLexWeights(weights map[uint32]float32, lex *lexicon.Lexicon) {
	if lex == nil {
		return
	}
	for k, w := range weights {
		if k&kindMask == kindLex {
			weights[k] = w * float32(lex.KeyWeight(int32(k&^kindMask)))
		}
	}
}
