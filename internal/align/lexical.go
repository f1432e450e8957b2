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

// withLexKeys returns the features fs and ft of the two sides with the keys of the lexicon senses
// their words have added; vs and vt number the stems of fs and ft (see features.stems), in
// languages src and tgt. Only senses found on both sides become keys: one found on one side can
// never be shared, and keyWeights would drop it anyway (appendKeySet does not count it either), so
// leaving it out changes nothing but the length of the key lists. fs and ft themselves are left as
// they are: the second pass of Pair adds the keys of another lexicon to the same features.
func withLexKeys(fs, ft []features, vs, vt *lexicon.Vocab, src, tgt string, lex *lexicon.Lexicon) ([]features, []features) {
	if lex == nil || lex.Len() == 0 || vs == nil || vt == nil {
		return fs, ft
	}
	senses := func(v *lexicon.Vocab, lang string) [][]int32 {
		by := make([][]int32, v.Len()) // the senses of every stem of the document, looked up once
		for id := range by {
			for _, e := range lex.LookupStem(lang, v.Stem(int32(id))) {
				by[id] = append(by[id], lex.Key(e))
			}
		}
		return by
	}
	bs, bt := senses(vs, src), senses(vt, tgt)
	// on[g] has bit 1 if sense g is found on the source side, bit 2 on the target side
	on := map[int32]uint8{}
	mark := func(by [][]int32, bit uint8) {
		for _, gs := range by {
			for _, g := range gs {
				on[g] |= bit
			}
		}
	}
	mark(bs, 1)
	mark(bt, 2)
	add := func(fs []features, by [][]int32) []features {
		out := slices.Clone(fs)
		for i := range out {
			var keys []uint32
			for _, id := range fs[i].stems {
				for _, g := range by[id] {
					if on[g] != 3 {
						continue
					}
					if keys == nil {
						keys = slices.Clone(fs[i].keys)
					}
					keys = append(keys, uint32(g)&^kindMask|kindLex)
				}
			}
			if keys != nil {
				slices.Sort(keys)
				out[i].keys = slices.Compact(keys)
			}
		}
		return out
	}
	return add(fs, bs), add(ft, bt)
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
