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
// anchor, so lexical evidence costs no pairwise word scoring and the search stays linear.

// Weights of lexical anchors: a bonus per shared entry (times the entry's weight and its rarity in
// the document), and a penalty per entry found on one side of a bead only while the other side of
// the document has its other stem: a translation shares most of the words the lexicon knows, an
// unrelated sentence of the right length shares few. Tuned on the dev half of the edited NTREX
// sets (bench/editset.py) with a lexicon learned from Tatoeba and UDHR: without the penalty the
// lexicon gained nothing there (strict F1 en-ru 0.922, en-kk 0.951), with 0.5 it gave 0.969 and
// 0.989; at 0.8 and above, long sentences became cheaper to drop than to pair. The penalty counts
// entries, not words, so a dense, noisy lexicon (many entries a word) is penalised more: lexicons
// should keep few targets a word (lexicon build keeps three).
var (
	lexMatch = 1.6
	lexMiss  = 0.1
)

// withLexKeys returns the features fs of sentences ss with the keys of the lexicon entries their
// words have on the side of lang added. fs itself is left as it is: the second pass of Pair adds
// the keys of another lexicon to the same features.
func withLexKeys(fs []features, ss []Sentence, lang string, lex *lexicon.Lexicon) []features {
	if lex == nil || lex.Len() == 0 {
		return fs
	}
	out := slices.Clone(fs)
	for i, s := range ss {
		var keys []uint32
		for _, w := range lexicon.Words(s.Text) {
			for _, id := range lex.Lookup(lang, w) {
				if keys == nil {
					keys = slices.Clone(fs[i].keys)
				}
				keys = append(keys, uint32(id)&^kindMask|kindLex)
			}
		}
		if keys != nil {
			slices.Sort(keys)
			out[i].keys = slices.Compact(keys)
		}
	}
	return out
}

// scaleLexWeights multiplies the weight of each lexical key by its entry's weight.
func scaleLexWeights(weights map[uint32]float32, lex *lexicon.Lexicon) {
	if lex == nil {
		return
	}
	for k, w := range weights {
		if k&kindMask == kindLex {
			weights[k] = w * float32(lex.Weight(int32(k&^kindMask)))
		}
	}
}
