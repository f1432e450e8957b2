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

// withLexKeys returns the anchor keys of the sentences of the two sides, whose features are fs and
// ft, with the keys of the lexicon senses their words have added; vs and vt number the stems of fs and ft (see features.stems), in
// languages src and tgt. Only senses found on both sides become keys: one found on one side can
// never be shared, and keyWeights would drop it anyway (appendKeySet does not count it either), so
// leaving it out changes nothing but the length of the key lists. With maxDF > 0, a sense found in
// more than maxDF sentences of the two sides is left out as well: the caller weighs the keys of the
// whole document (no fixed bead cuts it in parts, whose key weights count fewer sentences), and
// keyWeights gives such a sense no weight (lexMaxDF). In a long document those are most lexical
// keys (a second pass at 20,000 sentences found a third of a million, 2,400 of them weighed), and
// every one was sorted, copied, counted and looked up in vain. fs and ft themselves are left as
// they are: the second pass of Pair adds the keys of another lexicon to the same features. The
// keys are returned apart from the features, not in a copy of them, which was four times the size.
func withLexKeys(fs, ft []features, vs, vt *lexicon.Vocab, src, tgt string, lex *lexicon.Lexicon, maxDF int) (ks, kt [][]uint32) {
	if lex == nil || lex.Len() == 0 || vs == nil || vt == nil {
		return keysOf(fs), keysOf(ft)
	}
	bs, bt := stemSenses(lex, vs, src), stemSenses(lex, vt, tgt)
	// df[g] counts the sentences of the source side, then of both, that have sense g; on[g] has bit
	// 1 if it is found on the source side, bit 2 on the target side
	df := make([]int32, lex.Senses())
	on := make([]uint8, lex.Senses())
	bs.count(fs, df, on, 1)
	bt.count(ft, df, on, 2)
	if maxDF > 0 {
		for g, n := range df {
			if n > int32(maxDF) {
				on[g] = 0
			}
		}
	}
	return addLexKeys(fs, bs.shared(on)), addLexKeys(ft, bt.shared(on))
}

// count adds to df[g], for each sense g, the number of sentences of fs that have it, and sets bit
// in on[g] for the senses it finds.
func (by senseTable) count(fs []features, df []int32, on []uint8, bit uint8) {
	last := make([]int32, len(df)) // 1 + the last sentence counted for each sense
	on = on[:len(last)]
	df = df[:len(last)]
	for i := range fs {
		for _, id := range fs[i].stems() {
			sp := by.span[id]
			if sp.lo == sp.hi {
				continue // most stems have no sense
			}
			for _, g := range by.all[sp.lo:sp.hi] {
				if last[g] != int32(i+1) {
					last[g] = int32(i + 1)
					df[g]++
					on[g] |= bit
				}
			}
		}
	}
}

// senseTable holds the senses of every stem of a document's vocabulary, looked up once: those of
// stem id are all[span[id].lo:span[id].hi], in the order of lexicon.LookupStem. The bounds of a
// stem's senses are read together, once for every stem of every sentence.
type senseTable struct {
	span []struct{ lo, hi int32 }
	all  []int32
}

func stemSenses(lex *lexicon.Lexicon, v *lexicon.Vocab, lang string) senseTable {
	t := senseTable{span: make([]struct{ lo, hi int32 }, v.Len())}
	for id := range v.Len() {
		t.span[id].lo = int32(len(t.all))
		for _, e := range lex.LookupStem(lang, v.Stem(int32(id))) {
			t.all = append(t.all, lex.Key(e))
		}
		t.span[id].hi = int32(len(t.all))
	}
	return t
}

// shared returns the table of the senses of each stem that on marks as found on both sides
// (on[g] == 3), as anchor keys (see addLexKeys), in the same order. Most senses of a document's
// stems are found on one side only, or in too many sentences: looked at once per stem here, they
// are not looked at again for every sentence the stem is in.
func (by senseTable) shared(on []uint8) senseKeys {
	t := senseKeys{span: make([]struct{ lo, hi int32 }, len(by.span))}
	for id, sp := range by.span {
		t.span[id].lo = int32(len(t.all))
		for _, g := range by.all[sp.lo:sp.hi] {
			if on[g] == 3 {
				t.all = append(t.all, uint32(g)&^kindMask|kindLex)
			}
		}
		t.span[id].hi = int32(len(t.all))
	}
	return t
}

// senseKeys holds the anchor keys of the senses of each stem: those of stem id are
// all[span[id].lo:span[id].hi].
type senseKeys struct {
	span []struct{ lo, hi int32 }
	all  []uint32
}

// addLexKeys returns the keys of the sentences of fs with, besides their own, the keys by gives
// their stems (see senseTable.shared). Lexical keys are of the highest kind, so they sort after a
// sentence's own keys (which have none): only they need sorting, and every sentence's keys are
// cut from one array.
func addLexKeys(fs []features, by senseKeys) [][]uint32 {
	out := keysOf(fs)
	var lex, keys []uint32
	var keySlab slab[uint32]
	for i := range out {
		lex = lex[:0]
		for _, id := range fs[i].stems() {
			if sp := by.span[id]; sp.lo < sp.hi {
				lex = append(lex, by.all[sp.lo:sp.hi]...)
			}
		}
		if len(lex) == 0 {
			continue
		}
		own := fs[i].keys
		keys = append(append(keys[:0], own...), lex...)
		if len(own) > 0 && own[len(own)-1]&kindMask == kindLex {
			slices.Sort(keys) // lexical keys of their own: sort the whole
		} else {
			slices.Sort(keys[len(own):])
		}
		out[i] = keySlab.clone(slices.Compact(keys))
	}
	return out
}

// keysOf returns the anchor keys of each sentence of fs.
func keysOf(fs []features) [][]uint32 {
	out := make([][]uint32, len(fs))
	for i := range fs {
		out[i] = fs[i].keys
	}
	return out
}

// withSeed returns the lexicon for opt: opt.Lexicon with the seed lexicon of the two languages
// (lexicon.Seed) merged in at weight seedWeight, unless opt.NoSeed.
func withSeed(opt Options) *lexicon.Lexicon {
	if opt.NoSeed || seedWeight <= 0 {
		return opt.Lexicon
	}
	if opt.Lexicon == nil {
		// the same merge, done once per language pair and shared: nothing changes a lexicon
		// after withSeed. It is nil where Seed is (other languages), and Seed itself is not
		// built (reading the table was a tenth of a short alignment).
		return lexicon.SeedScaled(opt.SrcLang, opt.TgtLang, seedWeight)
	}
	seed := lexicon.Seed(opt.SrcLang, opt.TgtLang)
	if seed == nil {
		return opt.Lexicon
	}
	out := lexicon.New(opt.SrcLang, opt.TgtLang)
	out.Merge(opt.Lexicon)
	out.MergeScaled(seed, seedWeight)
	return out
}
