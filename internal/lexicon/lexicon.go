// Package lexicon holds a word translation lexicon between two languages, learned from aligned
// sentences, for the aligner's lexical evidence.
//
// Words are compared by stem: lower case, cut to the first few letters. Russian and Kazakh
// inflect (Kazakh stacks suffixes: үкімет, үкіметі, үкіметтің), so without a stem every form of a
// word would need its own entry and its own evidence. Cutting to a fixed prefix is crude but has
// no rules to get wrong, and the aligner only needs "these two sentences share translated words",
// not a dictionary a person reads.
//
// Learning counts, over pairs of sentences known to be translations, how often each source stem
// and each target stem occur and how often they occur together, and keeps pairs with a high Dice
// coefficient 2·c(s,t)/(c(s)+c(t)). Time is linear in the number of sentence pairs (each pair
// costs the product of its two word counts, which is bounded).
package lexicon

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entry is one translation pair of stems with its weight in (0, 1].
type Entry struct {
	Src, Tgt string
	Weight   float64
}

// Lexicon maps source stems to target stems. The zero value is empty; use New.
type Lexicon struct {
	SrcLang, TgtLang string
	entries          []Entry
	fwd, bwd         map[string][]int32 // stem → indices into entries
	index            map[[2]string]int32
	// group numbers the sense of each entry (see Key): a seed lexicon lists the forms of one word
	// on each side as one sense; otherwise each entry is its own. gweight is the largest weight
	// of the entries of each sense.
	group   []int32
	gweight []float64
	// fwdRoot and bwdRoot hold the Russian and Kazakh stems shorter than stemLen letters: roots,
	// which match every word that starts with them (see LookupStem).
	fwdRoot, bwdRoot map[string][]int32
	// merged is set on a shared lexicon that is what MergeScaled into an empty one gives (senses
	// numbered in order of first entry, none empty), with the slices of its maps clipped so that an
	// append to one copies it: MergeScaled copies such a lexicon into an empty one whole (see
	// seal).
	merged bool
}

// New returns an empty lexicon from src to tgt.
func New(src, tgt string) *Lexicon { return NewCap(src, tgt, 0) }

// NewCap is New with room for n entries: a lexicon built from others (Merge) knows how many it
// will hold, and growing its maps entry by entry cost more than filling them.
func NewCap(src, tgt string, n int) *Lexicon {
	return &Lexicon{SrcLang: src, TgtLang: tgt, fwd: make(map[string][]int32, n), bwd: make(map[string][]int32, n),
		index: make(map[[2]string]int32, n), fwdRoot: map[string][]int32{}, bwdRoot: map[string][]int32{},
		entries: make([]Entry, 0, n), group: make([]int32, 0, n)}
}

// Len is the number of entries; 0 for a nil lexicon.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.entries)
}

// Entries returns the entries, sorted by source stem, then by falling weight.
func (l *Lexicon) Entries() []Entry {
	out := slices.Clone(l.entries)
	slices.SortFunc(out, func(a, b Entry) int {
		if c := cmp.Compare(a.Src, b.Src); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return cmp.Compare(a.Tgt, b.Tgt)
	})
	return out
}

// Add adds words src and tgt (stemmed here) with a weight; a pair already present keeps the
// larger weight. Words that stem to nothing are ignored.
func (l *Lexicon) Add(src, tgt string, weight float64) {
	l.addStems(Stem(l.SrcLang, src), Stem(l.TgtLang, tgt), weight)
}

// addStems is Add for stems.
func (l *Lexicon) addStems(s, t string, weight float64) {
	l.addSense(s, t, weight, -1)
}

// addSense adds the pair of stems s and t with a weight to sense g, or to a new sense of its own
// if g < 0.
func (l *Lexicon) addSense(s, t string, weight float64, g int32) {
	if s == "" || t == "" || !(weight > 0) {
		return
	}
	weight = math.Min(weight, 1)
	if k, ok := l.index[[2]string{s, t}]; ok {
		l.entries[k].Weight = math.Max(l.entries[k].Weight, weight)
		g := l.group[k]
		l.gweight[g] = math.Max(l.gweight[g], weight)
		return
	}
	if g < 0 {
		g = l.newSense()
	}
	l.insert(s, t, weight, g)
}

// insert adds the pair of stems s and t, which l does not have, with weight (at most 1) to
// sense g.
func (l *Lexicon) insert(s, t string, weight float64, g int32) {
	k := int32(len(l.entries))
	l.entries = append(l.entries, Entry{Src: s, Tgt: t, Weight: weight})
	l.group = append(l.group, g)
	l.gweight[g] = math.Max(l.gweight[g], weight)
	l.index[[2]string{s, t}] = k
	l.fwd[s] = append(l.fwd[s], k)
	l.bwd[t] = append(l.bwd[t], k)
	if isRoot(l.SrcLang, s) {
		l.fwdRoot[s] = append(l.fwdRoot[s], k)
	}
	if isRoot(l.TgtLang, t) {
		l.bwdRoot[t] = append(l.bwdRoot[t], k)
	}
}

// newSense returns the number of a new sense.
func (l *Lexicon) newSense() int32 {
	l.gweight = append(l.gweight, 0)
	return int32(len(l.gweight) - 1)
}

// isRoot reports whether stem s of lang is a root that words starting with it share: a Kazakh
// stem shorter than stemLen letters, or a Russian one of stemLen−1. These languages inflect with
// suffixes, and a short word's forms (жыл, жылы, жылдың; года, годам) have stems of their own.
// Kazakh suffixes never change the root (жыл-дың), so three letters will do; a Russian word of three
// letters starts too many others (гор: горы, город), and stays a stem of its own.
func isRoot(lang, s string) bool {
	switch lang {
	case "kk":
		return utf8.RuneCountInString(s) < stemLen
	case "ru":
		return utf8.RuneCountInString(s) == stemLen-1
	}
	return false
}

// Key returns the sense of entry id: entries of one sense are forms of the same word pair, and
// count as one piece of evidence. Senses are numbered from 0 up to the number of entries.
func (l *Lexicon) Key(id int32) int32 { return l.group[id] }

// Senses is the number of senses: Key returns numbers below it.
func (l *Lexicon) Senses() int { return len(l.gweight) }

// KeyWeight is the weight of sense g: the largest weight of its entries.
func (l *Lexicon) KeyWeight(g int32) float64 { return l.gweight[g] }

// Merge adds the entries of o, which must have the same languages or the reverse ones.
func (l *Lexicon) Merge(o *Lexicon) { l.MergeScaled(o, 1) }

// MergeScaled is Merge with the weights of o's entries multiplied by scale.
func (l *Lexicon) MergeScaled(o *Lexicon, scale float64) {
	if o == nil {
		return
	}
	rev := o.SrcLang == l.TgtLang && o.TgtLang == l.SrcLang && l.SrcLang != l.TgtLang
	if o.merged && scale == 1 && !rev && o.SrcLang == l.SrcLang && o.TgtLang == l.TgtLang && len(l.entries) == 0 && len(l.gweight) == 0 {
		// Every entry would be added as it is, to a sense of the same number: copy the whole.
		// The second pass of every alignment merges the seed lexicon this way, and adding its
		// entries one by one cost a twentieth of a short alignment.
		l.entries = append(l.entries, o.entries...)
		l.group = append(l.group, o.group...)
		l.gweight = append(l.gweight, o.gweight...)
		if l.fwd != nil && l.bwd != nil && l.index != nil && len(l.fwd) == 0 && len(l.bwd) == 0 && len(l.index) == 0 {
			// l's maps are empty, made by NewCap with room for what the caller will add after
			// o: filled in place, they need not grow then, and are not thrown away for clones
			maps.Copy(l.fwd, o.fwd)
			maps.Copy(l.bwd, o.bwd)
			maps.Copy(l.index, o.index)
		} else {
			l.fwd, l.bwd, l.index = maps.Clone(o.fwd), maps.Clone(o.bwd), maps.Clone(o.index)
		}
		l.fwdRoot, l.bwdRoot = maps.Clone(o.fwdRoot), maps.Clone(o.bwdRoot)
		return
	}
	senses := make([]int32, len(o.gweight)) // o's senses here, +1 (0: none yet)
	var buf []byte
	for k, e := range o.entries {
		g := senses[o.group[k]] - 1
		if g < 0 {
			g = l.newSense()
			senses[o.group[k]] = g + 1
		}
		s, t := e.Src, e.Tgt
		if rev {
			s, t = t, s
		}
		s, buf = restem(s, buf)
		t, buf = restem(t, buf)
		l.addSense(s, t, e.Weight*scale, g)
	}
}

// restem returns Stem(lang, s) for s, a stem already in most cases (an entry of another lexicon),
// which is then its own stem and is returned as it is instead of copied: the second pass of every
// alignment merges what it learned this way. buf is scratch space, returned for reuse.
func restem(s string, buf []byte) (string, []byte) {
	buf = appendStem(buf[:0], s)
	if string(buf) == s {
		return s, buf
	}
	return string(buf), buf
}

// seal marks l as merged (see Lexicon.merged) and clips the slices of its maps. l must be what
// MergeScaled into an empty lexicon gives, and nothing may change it afterwards.
func (l *Lexicon) seal() {
	for _, m := range []map[string][]int32{l.fwd, l.bwd, l.fwdRoot, l.bwdRoot} {
		for k, v := range m {
			m[k] = slices.Clip(v)
		}
	}
	l.merged = true
}

// Lookup returns the ids of the entries whose stem on the side of language lang is the stem of
// word. The ids are those of Entry order in this lexicon; the same id on both sides of a sentence
// pair means the pair shares a translated word. lang must be one of the lexicon's languages.
func (l *Lexicon) Lookup(lang, word string) []int32 {
	if l == nil || len(l.entries) == 0 {
		return nil
	}
	return l.LookupStem(lang, Stem(lang, word))
}

// LookupStem is Lookup for a stem (see Stem).
func (l *Lexicon) LookupStem(lang, s string) []int32 {
	if l == nil || s == "" {
		return nil
	}
	var exact, roots map[string][]int32
	switch lang {
	case l.SrcLang:
		exact, roots = l.fwd, l.fwdRoot
	case l.TgtLang:
		exact, roots = l.bwd, l.bwdRoot
	default:
		return nil
	}
	out := exact[s]
	if len(roots) == 0 {
		return out
	}
	// the roots s starts with (a root is a stem of its own as well, found above)
	n := 0
	for i := range s {
		if n >= minWord && i < len(s) {
			if ids := roots[s[:i]]; len(ids) > 0 {
				out = append(slices.Clip(out), ids...)
			}
		}
		n++
	}
	return out
}

// Weight is the weight of entry id.
func (l *Lexicon) Weight(id int32) float64 { return l.entries[id].Weight }

// stemLen is how many letters of a word its stem keeps.
const (
	stemLen = 5
	minWord = 3
)

// Stem returns the stem of word in lang: lower case, letters only, cut to the first stemLen
// letters; "" for words shorter than minWord letters, which carry too little to match on.
func Stem(lang, word string) string {
	return string(appendLangStem(nil, lang, word))
}

// appendLangStem appends Stem(lang, word) to dst.
func appendLangStem(dst []byte, lang, word string) []byte {
	_ = lang // one rule for every language for now; the parameter leaves room for better ones
	return appendStem(dst, word)
}

// Words splits text into its words: runs of letters.
func Words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// Default thresholds of Learner.Lexicon for lexicons learned from confirmed translations (lexicon
// build, and tilmash align from a workspace's confirmed groups): a pair of stems must be seen
// together in at least DefaultMinCount sentence pairs with a Dice coefficient of at least
// DefaultMinDice; each source stem keeps its DefaultPerWord best targets.
const (
	DefaultMinCount = 2
	DefaultMinDice  = 0.3
	DefaultPerWord  = 3
)

// Vocab numbers the stems of one language: a document's words are stemmed once, and learning and
// lookups then work on small integers instead of strings. Not safe for concurrent use.
type Vocab struct {
	lang  string
	ids   map[string]int32
	stems []string
	buf   []byte
}

// NewVocab returns an empty vocabulary for lang.
func NewVocab(lang string) *Vocab { return &Vocab{lang: lang, ids: map[string]int32{}} }

// Len is the number of stems.
func (v *Vocab) Len() int { return len(v.stems) }

// Stem returns the stem numbered id.
func (v *Vocab) Stem(id int32) string { return v.stems[id] }

// IDs appends to dst the numbers of the stems of text's words (see Stem), sorted, each once, and
// returns it; stems not seen before are numbered here.
func (v *Vocab) IDs(dst []int32, text string) []int32 {
	start := len(dst)
	for _, w := range Words(text) {
		if id := v.WordID(w); id >= 0 {
			dst = append(dst, id)
		}
	}
	slices.Sort(dst[start:])
	return append(dst[:start], slices.Compact(dst[start:])...)
}

// StemIDs appends to dst the numbers of stems (as Stem returns them, in the order their words
// come in a text), sorted, each once, and returns it: what IDs returns for that text, numbering
// the stems not seen before in the same order, for a caller that keeps a text's stems rather than
// the text (align's cache of what review teaches).
func (v *Vocab) StemIDs(dst []int32, stems []string) []int32 {
	start := len(dst)
	for _, s := range stems {
		if s == "" {
			continue
		}
		id, ok := v.ids[s]
		if !ok {
			id = int32(len(v.stems))
			v.ids[s] = id
			v.stems = append(v.stems, s)
		}
		dst = append(dst, id)
	}
	slices.Sort(dst[start:])
	return append(dst[:start], slices.Compact(dst[start:])...)
}

// WordID returns the number of the stem of word, one word of Words (a run of letters and
// combining marks), numbered here if not seen before, or −1 if it has none: what IDs returns for
// it, without splitting it into words again (the aligner's extractor numbers each distinct word
// of a document this way).
func (v *Vocab) WordID(word string) int32 {
	v.buf = appendStem(v.buf[:0], word)
	if len(v.buf) == 0 {
		return -1
	}
	id, ok := v.ids[string(v.buf)]
	if !ok {
		id = int32(len(v.stems))
		s := string(v.buf)
		v.ids[s] = id
		v.stems = append(v.stems, s)
	}
	return id
}

// appendStem appends the stem of word (see Stem) to dst, nothing if it has none.
func appendStem(dst []byte, word string) []byte {
	start, n := len(dst), 0
	for _, r := range word {
		if 0x400 <= r && r < 0x500 {
			// the Cyrillic block: unicode.IsLetter and unicode.ToLower by its rules
			if 0x482 <= r && r < 0x48a { // ҂ and combining marks: no letters
				continue
			}
			n++
			if n <= stemLen {
				dst = utf8.AppendRune(dst, CyrillicLower(r))
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if n <= stemLen {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	if n < minWord {
		return dst[:start]
	}
	return dst
}

// CyrillicLower is unicode.ToLower for a rune of the Cyrillic block (U+0400-U+04FF), by the block's
// rules instead of a search of Unicode's tables (TestCyrillicTable checks it against
// unicode.ToLower): the stems here and the aligner's words are lowered by it, on their hot paths.
func CyrillicLower(r rune) rune {
	switch {
	case r < 0x410: // Ѐ-Џ
		return r + 0x50
	case r < 0x430: // А-Я
		return r + 0x20
	case 0x460 <= r && r < 0x482, 0x48a <= r && r < 0x4c0, 0x4d0 <= r: // pairs, upper case even
		return r | 1
	case r == 0x4c0: // Ӏ
		return 0x4cf
	case 0x4c1 <= r && r < 0x4cf && r&1 == 1: // pairs, upper case odd
		return r + 1
	}
	return r
}

// Learner counts stem co-occurrences over sentence pairs.
type Learner struct {
	vs, vt *Vocab
	cs, ct []int          // by stem id
	cst    map[uint64]int // by source id << 32 | target id
	pairs  int
	bs, bt []int32
}

// NewLearner returns a learner for src→tgt.
func NewLearner(src, tgt string) *Learner {
	return NewLearnerWith(NewVocab(src), NewVocab(tgt))
}

// NewLearnerWith returns a learner whose stems are numbered by vs and vt, so that ObserveIDs can
// take the numbers of sentences stemmed beforehand.
func NewLearnerWith(vs, vt *Vocab) *Learner {
	return &Learner{vs: vs, vt: vt, cst: map[uint64]int{}}
}

// maxWords bounds the words of a side that a pair contributes, so a freak long pair costs a
// bounded amount.
const maxWords = 80

// Observe counts one pair of sentences (or groups of sentences) that translate each other.
func (l *Learner) Observe(src, tgt string) {
	l.bs, l.bt = l.vs.IDs(l.bs[:0], src), l.vt.IDs(l.bt[:0], tgt)
	l.ObserveIDs(l.bs, l.bt)
}

// ObserveIDs is Observe for texts whose stems the learner's vocabularies have numbered: ss and
// ts are their sorted, distinct stem numbers.
func (l *Learner) ObserveIDs(ss, ts []int32) {
	if len(ss) == 0 || len(ts) == 0 {
		return
	}
	ss, ts = ss[:min(len(ss), maxWords)], ts[:min(len(ts), maxWords)]
	l.pairs++
	l.cs = grow(l.cs, l.vs.Len())
	l.ct = grow(l.ct, l.vt.Len())
	for _, s := range ss {
		l.cs[s]++
	}
	for _, t := range ts {
		l.ct[t]++
	}
	for _, s := range ss {
		for _, t := range ts {
			l.cst[uint64(s)<<32|uint64(t)]++
		}
	}
}

func grow(c []int, n int) []int {
	if len(c) < n {
		c = append(c, make([]int, n-len(c))...)
	}
	return c
}

// Pairs is the number of sentence pairs observed.
func (l *Learner) Pairs() int { return l.pairs }

// LearnIDs returns what a learner numbering stems with vs and vt returns from Lexicon(minCount,
// minDice, perWord) after ObserveIDs(src[k], tgt[k]) for every k, in less time: knowing every pair
// before counting, it counts the stems first and then only the stem pairs that can reach minCount
// and minDice. A stem seen fewer than minCount times cannot, nor can a pair whose Dice would stay
// below minDice even if the rarer stem always came with the other (one stem over three times as
// frequent as the other, for a minDice of 0.5); most of the cross product of two sentences' stems
// is such pairs, and counting it was most of the learning.
func LearnIDs(vs, vt *Vocab, src, tgt [][]int32, minCount int, minDice float64, perWord int) *Lexicon {
	l := NewLearnerWith(vs, vt)
	l.cs = grow(l.cs, vs.Len())
	l.ct = grow(l.ct, vt.Len())
	for k := range src {
		ss, ts := src[k], tgt[k]
		if len(ss) == 0 || len(ts) == 0 {
			continue
		}
		l.pairs++
		for _, s := range ss[:min(len(ss), maxWords)] {
			l.cs[s]++
		}
		for _, t := range ts[:min(len(ts), maxWords)] {
			l.ct[t]++
		}
	}
	// The pairs each source stem that can reach minCount occurs in (by number), and each pair's
	// target stems that can: the counts of (s, t) are then those of t over the pairs of s,
	// gathered one s at a time in an array instead of a map of all pairs of stems. Both lists
	// are cut from one array each: the pairs of s are occ[occOff[s]:occOff[s+1]] (l.cs[s] of
	// them, counted above), the targets of pair k tgts[tgtOff[k]:tgtOff[k+1]].
	occOff := make([]int32, vs.Len()+1)
	for s := range vs.Len() {
		n := 0
		if l.cs[s] >= minCount {
			n = l.cs[s]
		}
		occOff[s+1] = occOff[s] + int32(n)
	}
	occ := make([]int32, occOff[vs.Len()])
	next := slices.Clone(occOff[:vs.Len()])
	tgtOff := make([]int32, len(src)+1)
	var tgts []int32
	for k := range src {
		ss, ts := src[k], tgt[k]
		if len(ss) > 0 && len(ts) > 0 {
			for _, t := range ts[:min(len(ts), maxWords)] {
				if l.ct[t] >= minCount {
					tgts = append(tgts, t)
				}
			}
			for _, s := range ss[:min(len(ss), maxWords)] {
				if l.cs[s] >= minCount {
					occ[next[s]] = int32(k)
					next[s]++
				}
			}
		}
		tgtOff[k+1] = int32(len(tgts))
	}
	// The candidates of each source stem, in order of stem number, in one array: those of
	// sources[x] are cands[sources[x].lo:sources[x].hi].
	var cands []cand
	var sources []candRange
	count := make([]int, vt.Len())
	failed := make([]int32, vt.Len()) // s+1 for a target that cannot reach minDice with s
	var seen []int32
	for s := range vs.Len() {
		seen = seen[:0]
		for _, k := range occ[occOff[s]:occOff[s+1]] {
			for _, t := range tgts[tgtOff[k]:tgtOff[k+1]] {
				if count[t] > 0 { // counted before for this s
					count[t]++
					continue
				}
				if failed[t] == int32(s+1) {
					continue
				}
				// The count of (s, t) is at most the smaller count, and Dice grows with it,
				// computed as Lexicon does: a pair that cannot reach minDice is not counted.
				// This is worked out once for each pair (a division), not once for each
				// sentence pair the two are in.
				if 2*float64(min(l.cs[s], l.ct[t]))/float64(l.cs[s]+l.ct[t]) < minDice {
					failed[t] = int32(s + 1)
					continue
				}
				seen = append(seen, t)
				count[t]++
			}
		}
		lo := len(cands)
		for _, t := range seen {
			if d, ok := l.dice(int32(s), t, count[t], minCount, minDice); ok {
				cands = append(cands, cand{l.vt.Stem(t), d})
			}
			count[t] = 0
		}
		if len(cands) > lo {
			sources = append(sources, candRange{l.vs.Stem(int32(s)), lo, len(cands)})
		}
	}
	// lexiconOf's order: by source stem, then each source's best targets (stem numbers are
	// distinct stems, so the sources' order is that of lexiconOf's keys)
	slices.SortFunc(sources, func(a, b candRange) int { return cmp.Compare(a.s, b.s) })
	total := 0
	for _, r := range sources {
		total += min(r.hi-r.lo, perWord)
	}
	out := NewCap(l.vs.lang, l.vt.lang, total)
	for _, r := range sources {
		addBest(out, r.s, cands[r.lo:r.hi], perWord)
	}
	return out
}

// candRange is a source stem with its candidates' place in an array of candidates.
type candRange struct {
	s      string
	lo, hi int
}

// cand is a target stem for a source stem, with their Dice coefficient.
type cand struct {
	t    string
	dice float64
}

// addCand adds to by the pair of stems s and t, seen together c times, if it reaches minCount
// and minDice.
func (l *Learner) addCand(by map[string][]cand, s, t int32, c, minCount int, minDice float64) {
	if d, ok := l.dice(s, t, c, minCount, minDice); ok {
		by[l.vs.Stem(s)] = append(by[l.vs.Stem(s)], cand{l.vt.Stem(t), d})
	}
}

// dice returns the Dice coefficient of stems s and t, seen together c times, and whether the pair
// reaches minCount and minDice.
func (l *Learner) dice(s, t int32, c, minCount int, minDice float64) (float64, bool) {
	if c < minCount {
		return 0, false
	}
	d := 2 * float64(c) / float64(l.cs[s]+l.ct[t])
	return d, d >= minDice
}

// Lexicon returns the pairs seen together at least minCount times with a Dice coefficient of at
// least minDice, at most perWord targets for each source stem (the best), weighted by Dice.
func (l *Learner) Lexicon(minCount int, minDice float64, perWord int) *Lexicon {
	by := map[string][]cand{}
	for k, c := range l.cst {
		l.addCand(by, int32(k>>32), int32(k&math.MaxUint32), c, minCount, minDice)
	}
	return l.lexiconOf(by, perWord)
}

// lexiconOf returns the lexicon of the candidates by source stem: at most perWord targets for
// each, the best.
func (l *Learner) lexiconOf(by map[string][]cand, perWord int) *Lexicon {
	total := 0
	for _, cs := range by {
		total += min(len(cs), perWord)
	}
	out := NewCap(l.vs.lang, l.vt.lang, total)
	keys := make([]string, 0, len(by))
	for s := range by {
		keys = append(keys, s)
	}
	slices.Sort(keys)
	for _, s := range keys {
		addBest(out, s, by[s], perWord)
	}
	return out
}

// addBest adds to out the pairs of source stem s with the perWord best of its candidates cs,
// which it sorts: by falling Dice, then by target stem.
func addBest(out *Lexicon, s string, cs []cand, perWord int) {
	slices.SortFunc(cs, func(a, b cand) int {
		if c := cmp.Compare(b.dice, a.dice); c != 0 {
			return c
		}
		return cmp.Compare(a.t, b.t)
	})
	for _, c := range cs[:min(len(cs), perWord)] {
		out.addStems(s, c.t, c.dice)
	}
}

// Write writes the lexicon as TSV: a comment line naming the languages, then one entry a line,
// source stem, target stem and weight.
func (l *Lexicon) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# tilmash lexicon %s %s: source\ttarget\tweight\n", l.SrcLang, l.TgtLang)
	for _, e := range l.Entries() {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", e.Src, e.Tgt, strconv.FormatFloat(e.Weight, 'f', 3, 64))
	}
	return bw.Flush()
}

// SyntaxError is a line of a lexicon file that is not "source<TAB>target<TAB>weight".
type SyntaxError struct {
	Line, Column int
	Offset       int64
	Text         string
	Reason       string // "fields", "weight" or "utf8"
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d (byte %d): %s: %q", e.Line, e.Column, e.Offset, e.Reason, e.Text)
}

// Read reads a TSV lexicon for src→tgt: one entry a line, source word, target word and an
// optional weight in (0, 1] (1 when absent); blank lines and lines starting with # are skipped.
// Words may be full forms: they are stemmed here.
func Read(r io.Reader, src, tgt string) (*Lexicon, error) {
	l := New(src, tgt)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	var off int64
	for sc.Scan() {
		line++
		raw := sc.Text()
		start := off
		off += int64(len(raw)) + 1
		text := strings.TrimSuffix(raw, "\r")
		if !utf8.ValidString(text) {
			return nil, &SyntaxError{Line: line, Column: 1, Offset: start, Text: text, Reason: "utf8"}
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || len(f) > 3 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, &SyntaxError{Line: line, Column: 1, Offset: start, Text: text, Reason: "fields"}
		}
		w := 1.0
		if len(f) == 3 {
			v, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
			if err != nil || !(v > 0) || v > 1 {
				col := len(f[0]) + len(f[1]) + 3
				return nil, &SyntaxError{Line: line, Column: utf8.RuneCountInString(text[:col-1]) + 1, Offset: start + int64(col-1), Text: text, Reason: "weight"}
			}
			w = v
		}
		l.Add(strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), w)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return l, nil
}
