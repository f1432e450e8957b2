// Package align aligns the sentences of a document with those of its translations.
//
// Pair aligns two languages; Three aligns English with Russian and Kazakh through English. Both
// work on sentences that are already cut, and return beads (or groups) that cover every sentence
// exactly once, in order.
//
// # Method
//
// A dynamic programme chooses the cheapest sequence of beads of shapes 1-1, 1-0, 0-1, 2-1, 1-2,
// 2-2, 3-1 and 1-3. The cost of a bead (see cost.go) combines a Gale–Church length model whose
// ratio and variance are measured per language pair and re-estimated on the document, anchors
// that survive translation (numbers in any national format, dates, names and loanwords matched
// through a shared consonant skeleton of Latin and Cyrillic spellings, glossary terms),
// punctuation and paragraph breaks. The search runs in a band around a guide path (see
// search.go), so time and memory grow linearly with the length of the document. Each bead's
// score is its posterior probability under the model.
package align

import (
	"math"
	"math/bits"
	"slices"
	"sync"
	"unsafe"

	"github.com/tilmash/tilmash/internal/lexicon"
)

// Sentence is one sentence of a document.
type Sentence struct {
	Text string
	// Para is the index of the sentence's paragraph in its document. Alignment prefers beads
	// that do not cross paragraph breaks. Use 0 everywhere when paragraphs are unknown.
	Para int
}

// Bead links source sentences to target sentences. Src and Tgt hold sentence indices in
// increasing order; one of them is empty (never nil) for a sentence without counterpart.
type Bead struct {
	Src, Tgt []int
	// Score is the confidence in the bead, in [0, 1].
	Score float64
}

// TermFinder finds glossary entries in text. Entries found on both sides of a bead are anchors.
// Pair reads both sides at once, and Three runs two Pairs at once, so FindTerms must be safe for
// concurrent use.
type TermFinder interface {
	// FindTerms returns the ids of the entries whose terms (in any inflected form) occur in text
	// written in lang. Order and repetition do not matter.
	FindTerms(lang, text string) []string
}

// Options configure Pair.
type Options struct {
	// SrcLang and TgtLang are ISO 639-1 codes ("en", "ru", "kk"). They select the length model,
	// stop words, calendar names and case-ending handling; other codes get neutral defaults.
	SrcLang, TgtLang string
	// Terms, if not nil, turns glossary matches into anchors.
	Terms TermFinder
	// Lexicon, if not nil, turns words that translate each other into anchors (see lexical.go).
	// Its languages must be SrcLang and TgtLang, in either order.
	Lexicon *lexicon.Lexicon
	// Band is the initial half-width of the search band in sentences; 0 picks a default. The band
	// widens by itself when the alignment needs it, so this only trades speed on documents with
	// long omissions.
	Band int
	// Fixed lists beads the alignment must hold as they are, in document order, such as groups a
	// person confirmed (see Fixed).
	Fixed []Fixed
	// NoSeed leaves out the seed lexicon of common words (lexicon.Seed), which Pair otherwise
	// adds to Lexicon.
	NoSeed bool
	// NoRealign turns off the second pass: by default Pair learns a lexicon from the confident
	// beads of a first pass (and the fixed beads) and aligns again with it (see realign.go).
	NoRealign bool
	// Lengths are length models learned for language pairs (see FitLengths). The one of SrcLang
	// and TgtLang, in either order, replaces the pair's built-in prior.
	Lengths []LengthModel
	// unpivoted marks sentences that neither side's pivot translation has (see Three): they
	// translate each other only as often as not, so they pair only on evidence (see newModelFor).
	unpivoted bool
}

const (
	// defaultBand is the half-width of the first pass's beam. The beam follows the cheapest cell
	// of each row, and the search widens where the path hugs its edge, so it only has to hold
	// the path's local swings: at 16, half the cells of 32, the 20k and 100k benchmarks and long
	// edited documents (the edited sets' documents joined into one, 340 to 3,400 sentences, runs
	// of drops and additions included) align exactly as at 32; at 12 and 8 some of the joined
	// documents came out differently.
	defaultBand = 16
	// refineBand is the half-width of the refining search around the guide's path where the
	// guide is a run of 1-1 beads, and of the second pass around the first's path. The refined
	// path keeps within a column or two of the guide's, and where it strays further it comes near
	// the band's edge and the band widens there (bandedPathIn), so the width mostly bounds the
	// alternatives the bead scores weigh. At 4 instead of 8 the first pass's refining search
	// visits a quarter fewer cells at 20k (bench bitext: 378k -> 281k; 303k at 5) and the second
	// pass's half; the beads of the 20k benchmark (its scores within 0.019), of the edited sets
	// (dev, four seeds, en-ru and en-kk, each document apart) and of the three-way set are the
	// same, and of the 100k one but one, a right pair no longer split. The edited sets' documents
	// joined into long ones align as well or a little better (at 4 than at 5 too).
	refineBand = 4
	// refineWideBand is the half-width of the refining search within refineWidePad rows of a
	// bead of the guide that is not a 1-1, and everywhere in a search with fixed beads. Where an
	// editor dropped or added sentences, the refined path strays further from the guide's
	// (another run, a merge for an omission): at 5 there too, the refining search of long edited
	// documents (the edited sets' documents joined into one, and ten times over) came near the
	// band's edge and was done again, wider, over the whole document 45 times in 48 documents (13
	// times at 8), for 3-17% more instructions than at 8 in most of them; and with fixed beads a
	// bead far from where the text would put it leaves the path to catch up over many columns.
	refineWideBand = 8
	refineWidePad  = 2
	guideShapes    = 5     // the first pass tries shapes 1-1, 1-0, 0-1, 2-1 and 1-2 only
	fullTable      = 40000 // tables this small are searched whole
	// temperature scales costs into log-probabilities for the bead scores. The weights are only
	// roughly log-likelihoods; at 1.2 the scores are about calibrated on the NTREX sets (beads
	// scored 0.3-0.4 were right a third of the time, 0.5-0.6 three quarters, above 0.7 97%).
	temperature = 1.2
)

// Pair aligns src with tgt. Every sentence of both sides appears in exactly one bead, and beads
// are in document order on both sides. Either side may be empty. The alignment holds every bead of
// opt.Fixed as it is; Pair panics if they are not in order or not inside the two sides.
func Pair(src, tgt []Sentence, opt Options) []Bead {
	fixed, err := fixedBeads(opt.Fixed)
	if err != nil {
		panic("align: " + err.Error())
	}
	return splitDoubtful(pairFixed(src, tgt, opt, fixed))
}

// doubtfulPair is the score under which a 1-1 bead is more likely two sentences without
// counterpart than a translation pair. On the edited dev sets (bench/editset.py, dev halves of
// five drifts), 14 of the 33 wrong 1-1 beads scored under 0.5 and 1 of the 1,638 right ones:
// they are an editor's dropped sentence paired with another desk's added one because their
// lengths fit. Split, they score strict F1 0.972 -> 0.978 on those sets (0.969 -> 0.975 on the
// held halves, none worse; the lightly perturbed sets unchanged). 0.4 and 0.6 did less then.
//
// Splitting pays only when the two sentences are alone in truth: a wrong 1-1 bead that belongs
// to a merge or a shift stays wrong as two beads, while a right one split costs three errors (the
// pair missed, two wrong beads made). With the margin splitting outmatched pairs first (see
// margin.go), of the 1-1 beads left scored 0.45-0.5 on the dev halves of 41 edited sets (seeds
// none, s2-s15, s41-s45, s51-s56, s61-s75), 9 of 17 were right and 4 were two sentences alone;
// under 0.45, 6 right and 11 alone in 21. At 0.45 instead of 0.5, errors (en-ru, en-kk) go from
// 1310 to 1283 and 880 to 871 over both halves of all those sets; no group of seeds gets worse
// for en-ru (dev 272 -> 267, held 192 -> 192, s41-s45 dev 87 -> 87 and held 70 -> 67, s51-s56
// 188 -> 179, s61-s75 501 -> 491), en-kk at most by 3 (s51-s56 163 -> 166). 0.4 did about as
// well (1280, 877).
const doubtfulPair = 0.45

// splitDoubtful returns beads with every 1-1 bead scored under doubtfulPair made a 1-0 and a
// 0-1 bead, each keeping its score so that review still sees it as unsure. A fixed bead scores 1
// and is never split.
func splitDoubtful(beads []Bead) []Bead {
	n := 0
	for _, b := range beads {
		if len(b.Src) == 1 && len(b.Tgt) == 1 && b.Score < doubtfulPair {
			n++
		}
	}
	if n == 0 {
		return beads
	}
	out := make([]Bead, 0, len(beads)+n)
	for _, b := range beads {
		if len(b.Src) == 1 && len(b.Tgt) == 1 && b.Score < doubtfulPair {
			out = append(out, Bead{Src: b.Src, Tgt: b.Tgt[:0:0], Score: b.Score}, Bead{Src: b.Src[:0:0], Tgt: b.Tgt, Score: b.Score})
			continue
		}
		out = append(out, b)
	}
	return out
}

// prefixPair reports whether both languages of opt are written in Cyrillic (Russian and Kazakh),
// whose words are then keyed by their first letters, not by skeleton (see cyrillicPrefix). On the
// edited sets of bench/editset.py (ru-kk, nine edits), strict F1 went from a mean of 0.968 to
// 0.974 on the held halves (six better, two equal, one worse: 0.964 to 0.955); on the three-way
// drifts of bench/threeway.py (held halves, default and s2-s9) exact groups went from 2883 to
// 2896 of 2986, none worse.
func prefixPair(opt Options) bool {
	cyr := func(l string) bool { return l == "ru" || l == "kk" }
	return cyr(opt.SrcLang) && cyr(opt.TgtLang)
}

// extractSides computes the features of both sides, without lexical keys (see withLexKeys), in
// parallel. When a lexicon is given or will be learned, it numbers the stems of each side's
// words (vs, vt); otherwise they are nil.
func extractSides(src, tgt []Sentence, opt Options) (fs, ft []features, vs, vt *lexicon.Vocab) {
	if opt.Lexicon != nil || !opt.NoRealign {
		vs, vt = lexicon.NewVocab(opt.SrcLang), lexicon.NewVocab(opt.TgtLang)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fs = extractAll(opt.SrcLang, src, opt.Terms, vs, prefixPair(opt))
	}()
	ft = extractAll(opt.TgtLang, tgt, opt.Terms, vt, prefixPair(opt))
	wg.Wait()
	return fs, ft, vs, vt
}

// solve aligns src with tgt, whose features are fs and ft and anchor keys ks and kt (with those of
// opt.Lexicon, see withLexKeys), with the
// fixed beads given, each of which has a free side (see pairFixed for the others), with bounds set.
// guide, if not nil, is the path of an earlier pass (the second pass of Pair): the search then
// skips the first, wide pass and only refines in a narrow band around it, in the rows where wide
// (of length n+1, if not nil) is true; elsewhere it keeps to the guide. wt is docWeights(ks, kt,
// opt.Lexicon) if the caller has it, else nil.
func solve(src, tgt []Sentence, fs, ft []features, ks, kt [][]uint32, opt Options, mdl *model, fixed []fixedBead, guide []step, wide []bool, wt *weightTable) []Bead {
	n, m := len(src), len(tgt)
	c := newCons(fixed, n, m)
	if n == 0 || m == 0 {
		return unmatchedFixed(n, m, c)
	}
	if wt == nil {
		wt = docWeights(ks, kt, opt.Lexicon)
	}
	if guide != nil && c == nil {
		return realignStretches(src, tgt, fs, ft, ks, kt, wt, mdl, guide, wide)
	}
	a := &aligner{m: mdl, cons: c}
	a.src = newSideKeys(src, fs, ks, wt, false)
	a.tgt = newSideKeys(tgt, ft, kt, wt, true)
	a.paras = a.src.paras && a.tgt.paras

	w := opt.Band
	if w <= 0 {
		w = defaultBand
	}
	var path []step
	if guide != nil {
		path = guide
	} else if (n+1)*(m+1) <= fullTable {
		gmin, gmax := diagonalGuide(n, m)
		path, _ = a.bandedPath(gmin, gmax, max(n, m), guideShapes, false)
	} else {
		var hugs []int
		var ok bool
		path, hugs, ok = a.guidePath(w)
		if !ok || len(hugs) > 0 {
			// The beam lost the path somewhere: search again in a fixed band around what it
			// found, twice as wide, widening further wherever the new path hugs its band.
			gmin, gmax := diagonalGuide(n, m)
			if ok {
				gmin, gmax = pathGuide(path, n)
			}
			path, _ = a.bandedPath(gmin, gmax, 2*w, guideShapes, false)
		}
	}
	a.reestimate(path)
	gmin, gmax := pathGuide(path, n)
	width := make([]int, n+1)
	w = refineBand
	if c != nil {
		w = refineWideBand
	}
	for i := range width {
		if wide == nil || wide[i] {
			width[i] = w
		}
	}
	if wide == nil {
		widenAround(path, width, refineWideBand, refineWidePad)
	}
	path, b := a.bandedPathIn(gmin, gmax, width, nShapes, true)
	path, scores := a.decode(b, path, 1)
	return beadsOf(path, scores)
}

// widenAround sets the half-width of the rows within pad rows of every bead of path that is not a
// 1-1 to at least w (see refineWideBand).
func widenAround(path []step, width []int, w, pad int) {
	n := len(width) - 1
	for _, s := range path {
		if s.shape == 0 {
			continue
		}
		for i := max(0, s.pi-pad); i <= min(n, s.i+pad); i++ {
			width[i] = max(width[i], w)
		}
	}
}

// unmatched returns the alignment of a document against an empty one: all 1-0 or all 0-1.
func unmatched(n, m int) []Bead {
	out := make([]Bead, 0, n+m)
	for i := range n {
		out = append(out, Bead{Src: []int{i}, Tgt: []int{}, Score: 1})
	}
	for j := range m {
		out = append(out, Bead{Src: []int{}, Tgt: []int{j}, Score: 1})
	}
	return out
}

// beadsOf turns a path into beads. All index slices share one backing array. A fixed bead
// scores 1: it is given, not guessed. A run (see shapes) becomes one bead for each of its
// sentences, each with the run's score, so that every sentence without counterpart is a bead of
// its own, as it always was.
func beadsOf(path []step, scores []float64) []Bead {
	total, nb := 0, 0
	for _, s := range path {
		total += s.i - s.pi + s.j - s.pj
		nb += beadsIn(s)
	}
	idx := make([]int, total)
	out := make([]Bead, 0, nb)
	for k, s := range path {
		di, dj := s.i-s.pi, s.j-s.pj
		score := scores[k]
		if s.shape == fixedRow || s.shape == fixedCol {
			score = 1
		}
		if beadsIn(s) > 1 {
			for d := range di {
				idx[0] = s.pi + d
				out = append(out, Bead{Src: idx[:1:1], Tgt: idx[1:1:1], Score: score})
				idx = idx[1:]
			}
			for d := range dj {
				idx[0] = s.pj + d
				out = append(out, Bead{Src: idx[:0:0], Tgt: idx[:1:1], Score: score})
				idx = idx[1:]
			}
			continue
		}
		src := idx[:di:di]
		for d := range src {
			src[d] = s.pi + d
		}
		tgt := idx[di : di+dj : di+dj]
		for d := range tgt {
			tgt[d] = s.pj + d
		}
		idx = idx[di+dj:]
		out = append(out, Bead{Src: src, Tgt: tgt, Score: score})
	}
	return out
}

// beadsIn is the number of beads step s becomes: one for each sentence of a run, else one.
func beadsIn(s step) int {
	if int(s.shape) < nShapes && (shapes[s.shape].di == 0 || shapes[s.shape].dj == 0) {
		return shapes[s.shape].di + shapes[s.shape].dj
	}
	return 1
}

// aligner holds one alignment problem: both sides' features and the model.
type aligner struct {
	m        *model
	src, tgt *side
	paras    bool  // both sides have paragraph breaks, so the paragraph terms apply
	cons     *cons // fixed beads, or nil
	// nullCost and nullWeight: the cost and weight of the shapes with one side empty, the same
	// in every cell when paras is false (see setNullCosts).
	nullCost   [nShapes]float64
	nullWeight [nShapes]float32
	// tgtLenRatio[d][j] is the length of target sentences j−d..j−1 (tgt.cum[j] − tgt.cum[j−d])
	// divided by the length ratio fitRatio (see fitLengths). The lengths themselves are not
	// kept: a subtraction of two values of one array costs less than the arrays they took (2.4 MB
	// at 100,000 sentences), live through the whole search.
	tgtLenRatio [4][]float64
	fitRatio    float64
	pairs       pairBits     // see rowBits
	alone       [2][]float64 // see alonePenalties
}

// fitLengths fills tgtLenRatio for the model's current length ratio, unless they are
// filled for it already: the length term of every bead ending in column j divides the same
// target length by the same ratio, so it is done once a column (and again after reestimate).
func (a *aligner) fitLengths() {
	t := a.tgt
	if a.tgtLenRatio[1] != nil && a.fitRatio == a.m.ratio && len(a.tgtLenRatio[1]) == t.n+1 {
		return
	}
	for d := 1; d <= 3; d++ {
		if len(a.tgtLenRatio[d]) != t.n+1 {
			a.tgtLenRatio[d] = make([]float64, t.n+1)
		}
		lr := a.tgtLenRatio[d]
		for j := d; j <= t.n; j++ {
			lr[j] = (t.cum[j] - t.cum[j-d]) / a.m.ratio
		}
	}
	a.fitRatio = a.m.ratio
}

// side holds the features of one side, arranged for the search: for every bead size d (1 to 3)
// and every end position i, the merged features of sentences i−d..i−1.
type side struct {
	n   int
	cum []float64 // cum[i]: total length of sentences 0..i−1
	// sets[d][i]: anchor keys of sentences i−d..i−1, whose keys and weights are cut from
	// keys[d] and weight[d] (see set)
	sets   [4][]keySpan
	keys   [4][]uint32
	weight [4][]float32
	punct  [4][]uint8 // punct[d][i]: bit c set if sentences i−d..i−1 hold punctuation of class c
	stops  []int32    // stops[i]: inner sentence ends in sentences 0..i−1
	heads  []int32    // heads[i]: open lines (headlines, see openLine) among sentences 0..i−1
	orphan []int32    // orphan[i]: names without a partner in the other side, sentences 0..i−1
	breaks []int32    // breaks[i]: paragraph breaks between sentences 0..i−1
	paras  bool       // at least one paragraph break
	// open[0] and open[1]: the side is a stretch of a longer document that continues the same
	// paragraph before its first sentence, or after its last (see subSide).
	open [2]bool
}

// openAt reports whether sentence k is an open line.
func (s *side) openAt(k int) bool { return s.heads[k+1] != s.heads[k] }

// count is the number of sentences in sentences i−d..i−1 for the sentence-count term: d, plus
// the sentence ends inside them, less one if an open line (a headline, see openLine) comes before
// the last. A headline joined to the sentence after it, as a translator or a segmenter may join
// them, is one sentence with it: counting it apart made "Headline Lead." pay for pairing with the
// other side's separate headline and lead, so the search left that headline alone. On the edited
// dev sets (20 seeds) errors went from 533 to 512 (en-ru) and 333 to 328 (en-kk); a dropped
// headline is now merged into its lead's bead a little more often (en-ru: 3 such errors to 8).
// Only one is discounted: a headline and a byline before one sentence are not one sentence
// (discounting both cost the light en-kk set 0.003 strict F1).
func (s *side) count(i, d int) int {
	return d + int(s.stops[i]-s.stops[i-d]) - min(1, int(s.heads[i-1]-s.heads[i-d]))
}

// extractAll computes the features of every sentence of one side, with their stems numbered by v
// if not nil, and its Cyrillic words keyed by their first letters if prefix (see prefixPair).
func extractAll(lang string, ss []Sentence, terms TermFinder, v *lexicon.Vocab, prefix bool) []features {
	out := make([]features, len(ss))
	touchPages(out)
	e := newExtractor(lang, terms, v)
	e.prefix, e.capShort = prefix, true
	for i, x := range ss {
		e.extractInto(&out[i], x)
	}
	e.capShortNames()
	return out
}

// touchPages writes the first field of an element of s on every page s spans (by the system's
// usual page size), before s is filled. A large array of values holding pointers comes from the
// operating system unmapped, and while the collector marks, each pointer written into it first
// reads the one it replaces (the write barrier): a read maps the shared zero page, and the write
// after it faults again to copy it, flushing the other processors' address caches on the way.
// Written first, a page faults once. For the features of a long document, the copy faults were a
// twentieth of align-files.
func touchPages[T any](s []T) {
	var t T
	step := max(1, 4096/int(unsafe.Sizeof(t)))
	for i := 0; i < len(s); i += step {
		p := (*byte)(unsafe.Pointer(&s[i]))
		*p = 0
	}
}

// keyWeights weighs each anchor key by how rare it is in the document. A name that occurs in one
// sentence on each side pins those two sentences together; the name of the article's subject
// occurs in every other sentence and says little about which sentence goes with which (see
// keyWeight). Keys found on one side only can never be shared, so they get no weight and the search never
// sees them; this keeps the key sets it compares short.
func keyWeights(fs, ft []features) map[uint32]float32 {
	return keyWeightsOf(keysOf(fs), keysOf(ft))
}

// keyWeightsOf is keyWeights for the anchor keys of each sentence of the two sides.
func keyWeightsOf(ks, kt [][]uint32) map[uint32]float32 {
	w := make(map[uint32]float32)
	for _, x := range weighKeys(ks, kt) {
		w[x.key] = x.w
	}
	return w
}

// docWeights is the weight table of keyWeightsOf(ks, kt), the weight of each lexical key
// multiplied by its sense's weight in lex (if not nil), built without the map: a map of the tens of thousands of keys of a long document, filled and
// then copied into the table, cost more than the table's lookups it serves, twice an alignment.
func docWeights(ks, kt [][]uint32, lex *lexicon.Lexicon) *weightTable {
	keys := weighKeys(ks, kt)
	if lex != nil {
		for x := range keys {
			if k := keys[x].key; k&kindMask == kindLex {
				keys[x].w *= float32(lex.KeyWeight(int32(k &^ kindMask)))
			}
		}
	}
	return weightTableOf(keys)
}

// weighKeys returns the keys keyWeightsOf weighs, each with its weight, in no particular order.
func weighKeys(ks, kt [][]uint32) []weightSlot {
	ds, dt := countKeys(ks), countKeys(kt)
	if dt.n < ds.n {
		ds, dt = dt, ds
	}
	var out []weightSlot
	for x, n := range ds.count {
		if n == 0 {
			continue
		}
		k := ds.keys[x]
		if n2 := dt.get(k); n2 > 0 && (k&kindMask != kindLex || n+n2 <= lexMaxDF) {
			out = append(out, weightSlot{key: k, w: float32(keyWeight(int(n + n2))), full: true})
		}
	}
	return out
}

// keyCounts counts how many sentences hold each key, in a table of open addressing: counting the
// keys of a long document in a map was half of keyWeightsOf, which runs once a pass. An entry
// with count 0 is free.
type keyCounts struct {
	keys  []uint32
	count []int32
	n     int // keys held
	shift uint
}

// countKeys counts the keys of the sentences ks (each sentence's keys are distinct).
func countKeys(ks [][]uint32) *keyCounts {
	t := &keyCounts{keys: make([]uint32, 1024), count: make([]int32, 1024), shift: 32 - 10}
	for _, keys := range ks {
		for _, k := range keys {
			t.add(k)
		}
	}
	return t
}

func (t *keyCounts) slot(k uint32) uint32 { return (k * 0x9e3779b1) >> t.shift }

// add counts one more sentence with key k.
func (t *keyCounts) add(k uint32) {
	mask := uint32(len(t.keys) - 1)
	for x := t.slot(k); ; x = (x + 1) & mask {
		switch {
		case t.count[x] == 0:
			t.keys[x], t.count[x] = k, 1
			t.n++
			if 2*t.n > len(t.keys) {
				t.grow()
			}
			return
		case t.keys[x] == k:
			t.count[x]++
			return
		}
	}
}

// grow doubles the table.
func (t *keyCounts) grow() {
	keys, count := t.keys, t.count
	t.keys, t.count = make([]uint32, 2*len(keys)), make([]int32, 2*len(keys))
	t.shift--
	mask := uint32(len(t.keys) - 1)
	for x, n := range count {
		if n == 0 {
			continue
		}
		y := t.slot(keys[x])
		for t.count[y] != 0 {
			y = (y + 1) & mask
		}
		t.keys[y], t.count[y] = keys[x], n
	}
}

// get returns the count of key k, 0 if none.
func (t *keyCounts) get(k uint32) int32 {
	mask := uint32(len(t.keys) - 1)
	for x := t.slot(k); t.count[x] != 0; x = (x + 1) & mask {
		if t.keys[x] == k {
			return t.count[x]
		}
	}
	return 0
}

// lexMaxDF is the most sentences of the two sides a lexicon sense may be found in and still be a
// key. One found in more (said, year, police in a long document) weighs at most a quarter (see
// keyWeight), says little about which sentence goes with which, and would make every key set the
// search compares longer: with the seed lexicon, every sense kept cost align-files 10% more CPU
// time at 20,000 sentences; with this bound, 2%. The documents of the edited NTREX sets (up to
// about 30 sentences a side) align the same with it and without it.
const lexMaxDF = 32

// keyWeight is the weight of a key found in df sentences of the two sides: 1 up to two, then
// (2/df)^½. The square root keeps a frequent name useful: it still tells its sentences from those
// without it.
func keyWeight(df int) float64 {
	if df <= 2 {
		return 1
	}
	return math.Sqrt(2 / float64(df))
}

func newSide(ss []Sentence, feats []features, weights map[uint32]float32) *side {
	return newSideKeys(ss, feats, keysOf(feats), newWeightTable(weights), true)
}

// newSideKeys is newSide with the anchor keys of each sentence given (features.keys, or those with
// a lexicon's, see withLexKeys). Only a target side (target) keeps the key sets of two and three
// sentences, without their weights: the search reads a target's sets in place for every bead,
// but only their keys, and a source's once a row, merged then (see srcRow.mergeSets). Keeping
// them all was a fifth of the memory of a long alignment.
func newSideKeys(ss []Sentence, feats []features, sk [][]uint32, weights *weightTable, target bool) *side {
	n := len(ss)
	s := &side{n: n, cum: make([]float64, n+1), breaks: make([]int32, n+1), stops: make([]int32, n+1), heads: make([]int32, n+1), orphan: make([]int32, n+1)}
	for i, x := range ss {
		s.cum[i+1] = s.cum[i] + float64(feats[i].length)
		s.stops[i+1] = s.stops[i] + int32(feats[i].stops)
		s.heads[i+1] = s.heads[i]
		if feats[i].open {
			s.heads[i+1]++
		}
		s.orphan[i+1] = s.orphan[i] + int32(orphanNames(&feats[i], weights))
		s.breaks[i+1] = s.breaks[i]
		if i > 0 && x.Para != ss[i-1].Para {
			s.breaks[i+1]++
		}
	}
	s.paras = s.breaks[n] > 0
	s.sets[1] = make([]keySpan, n+1)
	for d := 1; d <= 3; d++ {
		s.punct[d] = make([]uint8, n+1)
	}
	// The keys and weights of all the sets of one height share one array each (allocated at a
	// size they cannot outgrow), and a set holds its place in them, not slices: tens of
	// thousands of small slices cost the allocator and the garbage collector more than the
	// search itself reads them, and a set of pointers is twice the size.
	// Only the keys with a weight are kept, mostly a small part: the arrays are sized for them
	// (sized for all keys, the unused room still counted in the heap the collector paces itself
	// by, and every page of heap a long alignment grows to costs a page fault).
	total := 0
	for _, keys := range sk[:n] {
		for _, k := range keys {
			if _, ok := weights.get(k); ok {
				total++
			}
		}
	}
	keys, weight := make([]uint32, 0, total), make([]float32, 0, total)
	for i := 1; i <= n; i++ {
		s.sets[1][i], keys, weight = appendKeySet(keys, weight, sk[i-1], weights)
		s.keys[1], s.weight[1] = keys, weight
		s.punct[1][i] = punctMask(&feats[i-1].punct)
	}
	for d := 2; d <= 3; d++ {
		for i := d; i <= n; i++ {
			s.punct[d][i] = s.punct[d-1][i-1] | s.punct[1][i]
		}
	}
	if target {
		// Keys of the merged sets, in arrays of a size they cannot outgrow.
		var total [4]int
		for i := 1; i <= n; i++ {
			for d := 2; d <= min(3, i); d++ {
				for e := i - d + 1; e <= i; e++ {
					total[d] += int(s.sets[1][e].n)
				}
			}
		}
		var r srcRow
		for d := 2; d <= 3; d++ {
			s.sets[d] = make([]keySpan, n+1)
			s.keys[d] = make([]uint32, 0, total[d])
		}
		for i := 2; i <= n; i++ {
			r.mergeSets(s, i)
			for d := 2; d <= min(3, i); d++ {
				set := &r.set[d]
				s.sets[d][i] = keySpan{off: int32(len(s.keys[d])), n: int32(len(set.keys)), keyHead: set.keyHead}
				s.keys[d] = append(s.keys[d], set.keys...)
			}
		}
	}
	return s
}

// subSide is the side of sentences lo..hi−1 of ss, a stretch of a longer document, whose
// paragraph ends at the stretch's edges are those of the document.
func subSide(ss []Sentence, feats []features, sk [][]uint32, weights *weightTable, lo, hi int, target bool) *side {
	s := newSideKeys(ss[lo:hi], feats[lo:hi], sk[lo:hi], weights, target)
	s.open[0] = lo > 0 && lo < len(ss) && ss[lo].Para == ss[lo-1].Para
	s.open[1] = hi > 0 && hi < len(ss) && ss[hi].Para == ss[hi-1].Para
	return s
}

// hasBreaks reports whether ss has more than one paragraph.
func hasBreaks(ss []Sentence) bool {
	for i := 1; i < len(ss); i++ {
		if ss[i].Para != ss[i-1].Para {
			return true
		}
	}
	return false
}

// newKeySet makes the key set of one sentence from its sorted keys: it counts the keys of each
// kind, and keeps, with their weights, only those that have a weight, that is, those found on both
// sides of the document.
func newKeySet(keys []uint32, weights map[uint32]float32) keySet {
	ks, ak, aw := appendKeySet(nil, nil, keys, newWeightTable(weights))
	return ks.view(ak, aw)
}

// set returns the key set of sentences i−d..i−1 of s. The sets of two and three sentences, which
// a side keeps without weights or not at all (see newSideKeys), are merged anew, in arrays of
// their own.
func (s *side) set(d, i int) keySet {
	if d == 1 {
		return s.sets[1][i].view(s.keys[1], s.weight[1])
	}
	var r srcRow
	r.mergeSets(s, i)
	return r.set[d]
}

// mergeSets sets r.set[2] and, if i ≥ 3, r.set[3] to the key sets of sentences i−2..i−1 and
// i−3..i−1 of s, with their weights, merged from the sets of single sentences as merges of the
// set before and the last sentence's (r.set[3] from the set of i−3..i−2 and i−1's), in the scratch
// arrays of r. It needs i ≥ 2.
//
// The search fills the rows of a side in order, and the merge of sentences i−3..i−2 a set of three
// is merged from is the set of two of row i−1: when r holds that row's (merged from s), it is taken
// as it is, in place of the same merge again (a third of the merges of a pass).
func (r *srcRow) mergeSets(s *side, i int) {
	last := s.set(1, i)
	a := s.set(1, i-1)
	var two keySet
	reuse := i >= 3 && r.twoOf == s && r.twoAt == i-1
	if reuse {
		// r.set[2] is the merge of sentences i−3..i−2: its scratch arrays become those of the
		// merge the set of three is made from, and the new set of two goes in the others
		two = r.set[2]
		r.two ^= 2
	}
	b2 := r.two // the scratch arrays of the new set of two, [0] or [2]
	sp, ak, aw := appendMerged(r.keys[b2][:0], r.weights[b2][:0], &a, &last)
	r.keep(b2, ak, aw)
	r.set[2] = sp.view(ak, aw)
	if r.twoOf != s {
		r.twoOf = s
	}
	r.twoAt = i
	if i < 3 {
		return
	}
	if !reuse {
		first := s.set(1, i-2)
		sp, ak, aw = appendMerged(r.keys[b2^2][:0], r.weights[b2^2][:0], &first, &a)
		r.keep(b2^2, ak, aw)
		two = sp.view(ak, aw)
	}
	sp, ak, aw = appendMerged(r.keys[3][:0], r.weights[3][:0], &two, &last)
	r.keep(3, ak, aw)
	r.set[3] = sp.view(ak, aw)
}

// keep makes ak and aw the scratch arrays keys[x] and weights[x] of r, writing each only if
// appendMerged moved it to a larger array. The search fills a row of r for every row of every pass
// and r is the caller's, not its own: every slice written into it costs the collector's write
// barrier while it marks, which cost mergeSets as much again as its own work. The length of the
// scratch arrays does not matter: each merge starts from [:0] and the sets hold their extent.
func (r *srcRow) keep(x int, ak []uint32, aw []float32) {
	if cap(ak) != cap(r.keys[x]) {
		r.keys[x] = ak
	}
	if cap(aw) != cap(r.weights[x]) {
		r.weights[x] = aw
	}
}

// appendKeySet is newKeySet with the set's keys and weights appended to ak and aw, which it
// returns; the set holds the place of the appended parts.
func appendKeySet(ak []uint32, aw []float32, keys []uint32, weights *weightTable) (keySpan, []uint32, []float32) {
	ks := keySpan{off: int32(len(ak))}
	for _, k := range keys {
		w, ok := weights.get(k)
		// A lexicon entry whose other stem the other side of the document lacks says nothing.
		if ok || k&kindMask != kindLex {
			ks.count[k>>30]++
		}
		if ok {
			ak = append(ak, k)
			aw = append(aw, w)
			ks.wsum[k>>30] += w
			ks.sig |= keyBit(k)
			ks.sig2 |= keyBit2(k)
		}
	}
	ks.n = int32(len(ak)) - ks.off
	return ks, ak, aw
}

// weightTable holds a document's key weights (keyWeights) for the lookups of newSideKeys, which
// looks up every key and name of every sentence, most of them in vain (keys found on one side
// only): open addressing on the key, where the map's lookups were a fiftieth of the alignment.
type weightTable struct {
	slots []weightSlot // a power of two, at most half full
	shift uint
}

type weightSlot struct {
	key  uint32
	w    float32
	full bool
}

func newWeightTable(weights map[uint32]float32) *weightTable {
	keys := make([]weightSlot, 0, len(weights))
	for k, w := range weights {
		keys = append(keys, weightSlot{key: k, w: w, full: true})
	}
	return weightTableOf(keys)
}

// weightTableOf is the table of keys, distinct full slots. Where each lands depends on the order
// of keys, its lookups do not.
func weightTableOf(keys []weightSlot) *weightTable {
	bits := uint(4)
	for 1<<bits < 2*len(keys) {
		bits++
	}
	t := &weightTable{slots: make([]weightSlot, 1<<bits), shift: 32 - bits}
	mask := uint32(len(t.slots) - 1)
	for _, sl := range keys {
		x := (sl.key * 0x9e3779b1) >> t.shift
		for t.slots[x].full {
			x = (x + 1) & mask
		}
		t.slots[x] = sl
	}
	return t
}

// get returns the weight of key k, and whether it has one.
func (t *weightTable) get(k uint32) (float32, bool) {
	mask := uint32(len(t.slots) - 1)
	for x := (k * 0x9e3779b1) >> t.shift; t.slots[x].full; x = (x + 1) & mask {
		if t.slots[x].key == k {
			return t.slots[x].w, true
		}
	}
	return 0, false
}

// orphanNames counts the names of a sentence none of whose skeletons occurs anywhere on the other
// side of the document (weights holds only keys found on both sides). A sentence an editor added
// from elsewhere speaks of people and places the other version never mentions; a translation
// spells the same names.
func orphanNames(f *features, weights *weightTable) int {
	n := 0
	f.eachName(func(ks []int32) {
		for _, k := range ks {
			if _, ok := weights.get(uint32(k)); ok {
				return
			}
		}
		n++
	})
	return n
}

// appendMerged appends to ak and aw the union of the key sets of adjacent sentences, and returns
// it (holding the place of the appended parts) with ak and aw. Counts add up, so a number in both
// sentences counts twice; that is right for the penalty on unmatched anchors, since the other
// side then needs it twice too.
func appendMerged(ak []uint32, aw []float32, a, b *keySet) (keySpan, []uint32, []float32) {
	out := keySpan{keyHead: keyHead{sig: a.sig | b.sig, sig2: a.sig2 | b.sig2}}
	for k := range out.count {
		out.count[k] = a.count[k] + b.count[k]
	}
	// The union is at most as long as both sets: room for it is made once, and the merge writes
	// into it by index, not one append (and its capacity check) a key and a weight.
	start := len(ak)
	most := len(a.keys) + len(b.keys)
	ak, aw = slices.Grow(ak, most), slices.Grow(aw, most)
	ok, ow := ak[start:start+most], aw[start:start+most]
	akeys, aweight := a.keys, a.weight[:len(a.keys)]
	bkeys, bweight := b.keys, b.weight[:len(b.keys)]
	i, j, n := 0, 0, 0
	for i < len(akeys) && j < len(bkeys) {
		x, y := akeys[i], bkeys[j]
		if x <= y { // a key of both takes a's weight
			ok[n], ow[n] = x, aweight[i]
			out.wsum[x>>30] += aweight[i]
			i++
			if x == y {
				j++
			}
		} else {
			ok[n], ow[n] = y, bweight[j]
			out.wsum[y>>30] += bweight[j]
			j++
		}
		n++
	}
	for ; i < len(akeys); i++ {
		ok[n], ow[n] = akeys[i], aweight[i]
		out.wsum[akeys[i]>>30] += aweight[i]
		n++
	}
	for ; j < len(bkeys); j++ {
		ok[n], ow[n] = bkeys[j], bweight[j]
		out.wsum[bkeys[j]>>30] += bweight[j]
		n++
	}
	out.off, out.n = int32(start), int32(n)
	return out, ak[:start+n], aw[:start+n]
}

// breaksInside counts paragraph breaks between the sentences of a bead that ends at i and takes d.
func (s *side) breaksInside(i, d int) int {
	if d < 2 {
		return 0
	}
	return int(s.breaks[i] - s.breaks[i-d+1])
}

// paraEnd reports whether position i (between sentences i−1 and i) is a paragraph boundary.
func (s *side) paraEnd(i int) bool {
	switch i {
	case 0:
		return !s.open[0]
	case s.n:
		return !s.open[1]
	}
	return s.breaks[i+1] != s.breaks[i]
}

// beadCost is the cost of the bead of shape k that ends at cell (i, j).
func (a *aligner) beadCost(k, i, j int) float64 {
	return a.beadCostBelow(k, i, j, math.Inf(1))
}

// beadCostBelow is beadCost, except that it may stop early and return any value ≥ limit once
// the cost is sure to reach limit. The anchor comparison is the dearest part, and the search
// asks about many beads that are hopeless on length and shape alone.
func (a *aligner) beadCostBelow(k, i, j int, limit float64) float64 {
	var r srcRow
	a.fillRow(&r, i)
	return a.rowCost(&r, k, j, limit)
}

// A srcRow holds what the beads that end in row i take from the source side, the same for every
// cell of the row: the search works it out once a row instead of once a bead (see fillRow).
type srcRow struct {
	i      int
	end    bool             // i is a paragraph boundary (see side.paraEnd)
	inside [maxRun + 1]int  // inside[d]: paragraph breaks between the last d sentences
	start  [maxRun + 1]bool // start[d]: i−d is a paragraph boundary
	// For beads of d = 1 to 3 source sentences that have a target side:
	length [4]float64   // their length
	lenR   [4]float64   // their length times the model's length ratio
	count  [4]int       // d plus the sentence ends inside them
	open   bool         // sentence i−1, the last of all of them, is an open line
	heads  [4]bool      // heads[d]: the d sentences hold an open line
	orphan [4]int       // their orphan names
	punct  [4]uint8     // their punctuation classes (see side.punct)
	set    [4]keySet    // their anchor keys
	filter [4]keyFilter // filter[d] is the filter of set[d]'s keys
	// keys[3] and weights[3] hold those of set[3], keys[two] and weights[two] those of set[2],
	// and the others of [0] and [2] the merge of two sentences a set of three is merged from (see
	// mergeSets).
	keys    [4][]uint32
	weights [4][]float32
	// twoOf and twoAt: set[2] is the set of two of row twoAt of side twoOf, in keys[two] and
	// weights[two], two being 0 or 2 (see mergeSets)
	twoOf *side
	twoAt int
	two   int
	// rest[d] is a lower bound on the terms of the cost that follow the length (punctuation,
	// sentence count, orphans, anchors), whatever the target: a bead whose shape, paragraph and
	// length terms already pass the limit by more than that is hopeless without reading the
	// target's punctuation and keys. −Inf when the model's weights allow no bound.
	rest [4]float64
	// pre[d] is rest[d] if the length term cannot be negative, else −Inf: a bound on the terms
	// that follow the shape and paragraph terms.
	pre [4]float64
}

// boundSlack is how far past the limit a lower bound must reach before rowCost stops early: far
// more than the rounding error of the costs, so that stopping early never changes which bead
// wins or which beads get a weight.
const boundSlack = 1e-6

// fillRow sets r to row i of a's source side.
func (a *aligner) fillRow(r *srcRow, i int) {
	s, m := a.src, a.m
	a.fitLengths()
	r.i = i
	if a.paras {
		r.end = s.paraEnd(i)
		for d := 1; d <= maxRun && d <= i; d++ {
			r.inside[d] = s.breaksInside(i, d)
			r.start[d] = s.paraEnd(i - d)
		}
	}
	// The bound holds when no later term can be negative except the punctuation and anchor
	// bonuses, each bounded by the source side alone.
	bounded := m.sentenceCount >= 0 && m.openOne >= 0 && m.openMulti >= 0 && m.orphanTgt >= 0 && m.orphanSrc >= 0 && m.maxBonus >= 0
	for _, w := range m.miss {
		bounded = bounded && w >= 0
	}
	r.open = i > 0 && s.openAt(i-1)
	for d := 1; d <= 3 && d <= i; d++ {
		r.heads[d] = s.heads[i] != s.heads[i-d]
		r.length[d] = s.cum[i] - s.cum[i-d]
		r.lenR[d] = m.ratio * r.length[d]
		r.count[d] = s.count(i, d)
		r.orphan[d] = int(s.orphan[i] - s.orphan[i-d])
		r.punct[d] = s.punct[d][i]
		if d == 1 {
			r.set[1] = s.set(1, i)
		} else if d == 2 {
			r.mergeSets(s, i) // r.set[2] and r.set[3]
		}
		r.filter[d].fill(r.set[d].keys)
		r.rest[d] = math.Inf(-1)
		if bounded {
			lb := m.orphanSrc * float64(r.orphan[d])
			for c := range nPunct {
				if r.punct[d]&(1<<c) != 0 {
					lb += min(-m.punctBoth[c], m.punctOne[c])
				} else {
					lb += min(0, m.punctOne[c])
				}
			}
			// Each shared key earns at most maxBonus times its weight.
			for _, w := range r.set[d].weight {
				lb -= m.maxBonus * float64(max(w, 0))
			}
			r.rest[d] = lb
		}
		r.pre[d] = math.Inf(-1)
		if m.length >= 0 && m.maxLengthCost >= 0 {
			r.pre[d] = r.rest[d]
		}
	}
}

// frameCost is the part of the cost of the bead of shape k that ends in column j that does not
// read its sentences: its shape and paragraph terms, the whole cost of a bead with one side empty.
// inside, end and start are the source side's (srcRow.inside[di], srcRow.end and
// srcRow.start[di]; start is read only for a bead without target).
func (a *aligner) frameCost(k, inside int, end, start bool, j int) float64 {
	c := a.m.shape[k]
	if a.paras {
		c = a.paraCost(c, k, inside, end, start, j)
	}
	return c
}

// paraCost adds to c, the shape term of frameCost, its paragraph terms (a function of its own so
// that frameCost is inlined).
//
// The edge term counts paragraph boundaries that no bead boundary of the path matches. A bead
// with both sides pays paraEdge when it ends a paragraph on one side only. A bead with one side
// empty leaves the other side where it is, so the cut before it and the cut after it share that
// side's position: a boundary there is matched if either cut has one on the other side too. When
// an editor drops the last sentence of a paragraph, the sentence before it ends the translation's
// paragraph but not the English one (its bead paid paraEdge), and the dropped sentence, alone,
// ends both: that matches the translation's boundary after all, and the bead alone pays the
// paraEdge back. Charged at every bead end instead, the right path paid for the drop and the path
// that shifted the translation's last sentence onto the dropped one did not. Likewise a sentence
// alone at the start of a paragraph pays nothing for the boundary the bead before it matched.
//
// A run of two or more sentences alone that is a whole paragraph of its side, from boundary to
// boundary, costs paraRun less: a desk adds or leaves out whole paragraphs, and a run cut out of
// a paragraph, or a paragraph whose first sentence went to a dropped English one because their
// lengths fit, is a weaker reading of the same text.
func (a *aligner) paraCost(c float64, k, inside int, end, start bool, j int) float64 {
	m := a.m
	sh := shapes[k]
	c += m.paraInside * float64(inside+a.tgt.breaksInside(j, sh.dj))
	tEnd := a.tgt.paraEnd(j)
	switch {
	case sh.dj == 0: // source sentences alone, at target position j
		if sh.di >= 2 && start && end && inside == 0 {
			c -= m.paraRun
		}
		if !tEnd {
			if end {
				c += m.paraEdge // a source boundary the target does not have
			}
		} else if end && !start {
			c -= m.paraEdge // the target's boundary, unmatched at the cut before, is matched here
		}
	case sh.di == 0: // target sentences alone, at source position r.i
		if sh.dj >= 2 && a.tgt.paraEnd(j-sh.dj) && tEnd && a.tgt.breaksInside(j, sh.dj) == 0 {
			c -= m.paraRun
		}
		if !end {
			if tEnd {
				c += m.paraEdge
			}
		} else if tEnd && !a.tgt.paraEnd(j-sh.dj) {
			c -= m.paraEdge
		}
	case end != tEnd:
		c += m.paraEdge
	}
	return c
}

// rowCost is beadCostBelow for the bead of shape k that ends at cell (r.i, j).
func (a *aligner) rowCost(r *srcRow, k, j int, limit float64) float64 {
	sh := shapes[k]
	m := a.m
	c := a.frameCost(k, r.inside[sh.di], r.end, r.start[sh.di], j)
	if sh.di == 0 || sh.dj == 0 {
		return c
	}
	// The length term is never negative: a bead that the bound on the later terms alone puts
	// past the limit is hopeless before it (in the first pass, a third of the beads).
	if lb := c + r.pre[sh.di]; lb >= limit+boundSlack {
		return lb
	}
	// m.lengthCostOf(r.length[sh.di], r.lenR[sh.di], lt, a.tgtLenRatio[sh.dj][j]), with lt the
	// target length, written out: too large to be inlined, and the call was a tenth of its time
	cum := a.tgt.cum
	mean := (r.length[sh.di] + a.tgtLenRatio[sh.dj][j]) / 2
	e := (cum[j] - cum[j-sh.dj]) - r.lenR[sh.di]
	if d2 := e * e / (m.variance*mean + 1); d2 < gcMax {
		if x := int(d2*gcStep + 0.5); x < len(m.lenTab) {
			c += m.lenTab[x] // min(m.length*m.gc[x], m.maxLengthCost)
		} else {
			c += m.maxLengthCost // every entry from len(lenTab) on reaches the cap
		}
	} else {
		c += m.lengthTail(d2)
	}
	return a.rowRest(r, k, j, limit, c)
}

// rowRest is the rest of rowCost from c, the bead's shape, paragraph and length terms: its
// punctuation, sentence count, orphan and anchor terms. guidePath works out the length terms of a
// row first (see lengthRow).
func (a *aligner) rowRest(r *srcRow, k, j int, limit, c float64) float64 {
	sh := shapes[k]
	m, t := a.m, a.tgt
	if lb := c + r.rest[sh.di]; lb >= limit+boundSlack {
		return lb
	}
	c += m.punctTab[r.punct[sh.di]][t.punct[sh.dj][j]] // m.punctCost of the two sides
	// Sentences, counting those joined inside a line, should pair up in number.
	ns := r.count[sh.di]
	nt := t.count(j, sh.dj)
	c += m.sentenceCount * math.Abs(float64(ns-nt))
	if r.open != t.openAt(j-1) {
		c += m.openOne
	} else if sh.di >= 2 && sh.dj >= 2 && r.heads[sh.di] != (t.heads[j] != t.heads[j-sh.dj]) {
		c += m.openMulti
	}
	c += m.orphanSrc*float64(r.orphan[sh.di]) + m.orphanTgt*float64(t.orphan[j]-t.orphan[j-sh.dj])
	// The target's set is read in place: building its keySet for every bead cost more than
	// comparing it.
	ks, kt := &r.set[sh.di], &t.sets[sh.dj][j]
	bound := bits.OnesCount64(ks.sig & kt.sig) // at most this many keys shared
	if bound == 0 {
		// Nothing shared: the bead pays for the anchors of the document its sentences hold.
		c += m.unanchored(&ks.keyHead, &kt.keyHead)
		if c >= limit {
			return c
		}
		return c + m.allAlone(&ks.keyHead, &kt.keyHead)
	}
	if c-m.maxBonus*float64(bound) >= limit {
		return c
	}
	ac, none := 0.0, true
	if ks.sig2&kt.sig2 != 0 {
		n, w := sharedWith(ks, &r.filter[sh.di], kt.of(t.keys[sh.dj])) // sharedKeys, faster
		ac, none = m.anchorCostFrom(ks, &kt.keyHead, n, w)
	} else {
		ac = m.allAlone(&ks.keyHead, &kt.keyHead) // sig2 shows that the sets share no key
	}
	if none {
		ac += m.unanchored(&ks.keyHead, &kt.keyHead)
	} else if sh.di+sh.dj > 2 && c+ac < limit {
		ac += a.memberCost(sh, r.i, j, ks, &kt.keyHead, kt.of(t.keys[sh.dj]))
	}
	return c + ac
}

// memberCost is the penalty of the sentences of a bead of shape sh, ending at cell (i, j), with
// several sentences on a side, that share no anchor with the bead's other side while the bead as a
// whole shares some (ks is the source side's key set; kt and tkeys the target side's): each pays
// what a 1-1 bead whose sides share nothing pays for its anchors (unanchored, of its own keys).
// An editor's dropped sentence, or a desk's added one, merged into its neighbour's bead because
// the lengths fit (NTREX's Russian sentences are long), shares nothing with the neighbour's
// translation; but the neighbour does, so the bead as a whole never paid unanchored, and the merge
// cost less than leaving the sentence alone. A sentence that holds no anchor the other side of
// the document has pays nothing: it was not expected to share one (absence says something only
// where presence was expected).
//
// On the edited sets of bench/editset.py (dev halves, seeds none and s2-s15), errors went from
// 288 to 272 (en-ru) and 142 to 130 (en-kk); on fresh edits of the same documents (s41-s45),
// from 97 to 87 and 66 to 64; the lightly perturbed sets (perturb.py) are unchanged. On the held
// halves (reported, not tuned on) en-ru went from 189 to 192 and 64 to 70, en-kk from 146 to 143
// and 62 to 62. Splitting a member off after the search when none of its keys is found in its
// partner and their recall in the first pass's confident beads made that unlikely (an
// expected-evidence test at level 0.01) did less: en-ru 288 to 278, the held halves unchanged.
//
// linkedRow works the same terms out from the sharing of single sentences (rowBits), each pair
// compared once; rowCost compares each member with the other side's set, only for a bead still
// under its limit.
func (a *aligner) memberCost(sh shape, i, j int, ks *keySet, kt *keyHead, tkeys []uint32) float64 {
	c := 0.0
	if sh.di > 1 {
		s := a.src
		for d := range sh.di {
			c += a.m.memberAlone(&s.sets[1][i-d], s.keys[1], s.weight[1], kt, tkeys)
		}
	}
	if sh.dj > 1 {
		t := a.tgt
		for d := range sh.dj {
			c += a.m.memberAlone(&t.sets[1][j-d], t.keys[1], t.weight[1], &ks.keyHead, ks.keys)
		}
	}
	return c
}

// memberAlone is the penalty of memberCost for the sentence whose key set is sp (in keys and
// weight): unanchored of its keys alone if it shares none with the other side's set (o, with keys
// ok), else 0. A sentence without a key of weight pays nothing and is not compared; nor is one
// whose signatures show that it shares nothing.
func (m *model) memberAlone(sp *keySpan, keys []uint32, weight []float32, o *keyHead, ok []uint32) float64 {
	if sp.wsum == [4]float32{} {
		return 0
	}
	if sp.sig&o.sig != 0 && sp.sig2&o.sig2 != 0 {
		one := sp.view(keys, weight)
		if n, _ := sharedKeys(&one, o.sig, ok); n != [4]uint16{} {
			return 0
		}
	}
	var none keyHead
	return m.unanchored(&sp.keyHead, &none)
}

// linkedRow sets out[x] to the exact cost of the bead of shape k, which has sentences on both
// sides, that ends in cell (r.i, j0+x): rowCost(r, k, j0+x, +Inf), the same terms added in the
// same order, with what the row and the shape fix read once for all its cells (see weighRow).
func (a *aligner) linkedRow(r *srcRow, k int, out []float64, j0 int) {
	sh := shapes[k]
	di, dj := sh.di, sh.dj
	m, t := a.m, a.tgt
	punct, tpunct := &m.punctTab[r.punct[di]], t.punct[dj]
	ns := r.count[di]
	orphanSrc := m.orphanSrc * float64(r.orphan[di])
	ks, filter := &r.set[di], &r.filter[di]
	tsets, tkeys := t.sets[dj], t.keys[dj]
	multi := di+dj > 2
	var bits []uint8
	var alone *[2][]float64
	if multi {
		bits = a.rowBits(r, j0-3, j0+len(out)-1) // from j0−3: one range for every shape of the row
		alone = a.alonePenalties()
	}
	a.lengthRow(r, k, out, j0)
	for x := range out {
		j := j0 + x
		c := out[x]
		c += punct[tpunct[j]]
		nt := t.count(j, dj)
		c += m.sentenceCount * math.Abs(float64(ns-nt))
		if r.open != t.openAt(j-1) {
			c += m.openOne
		} else if di >= 2 && dj >= 2 && r.heads[di] != (t.heads[j] != t.heads[j-dj]) {
			c += m.openMulti
		}
		c += orphanSrc + m.orphanTgt*float64(t.orphan[j]-t.orphan[j-dj])
		kt := &tsets[j]
		if ks.sig&kt.sig == 0 {
			c += m.unanchored(&ks.keyHead, &kt.keyHead)
			out[x] = c + m.allAlone(&ks.keyHead, &kt.keyHead)
			continue
		}
		ac, none := 0.0, true
		if ks.sig2&kt.sig2 != 0 {
			n, w := sharedWith(ks, filter, kt.of(tkeys))
			ac, none = m.anchorCostFrom(ks, &kt.keyHead, n, w)
		} else {
			ac = m.allAlone(&ks.keyHead, &kt.keyHead)
		}
		if none {
			ac += m.unanchored(&ks.keyHead, &kt.keyHead)
		} else if multi {
			ac += a.memberCostBits(sh, r.i, j, bits, alone)
		}
		out[x] = c + ac
	}
}

// pairBits holds, for row i of a search, which sentences near it share a key: bits[q-lo] has bit
// d set if source sentence i−1−d (d < 3) and target sentence q share one, for q in lo..hi−1. It
// is made from the sharing of single sentences, one source sentence a row (shares), so each pair
// of sentences is compared once however many beads and rows ask about it.
type pairBits struct {
	i, lo, hi int
	bits      []uint8
	shares    [3]rowShares // of source sentence p in shares[p%3]
}

// rowShares holds whether source sentence p shares a key with target sentence q, for q in
// lo..lo+len(on)−1.
type rowShares struct {
	p, lo int
	on    []bool
}

// cover returns the sharing of source sentence p with target sentences lo..hi−1 (hi > lo), as the
// row of p holds it (rs.on[q-rs.lo]), comparing only the pairs it does not hold yet.
func (a *aligner) cover(p, lo, hi int) *rowShares {
	rs := &a.pairs.shares[p%3]
	if rs.on == nil || rs.p != p || hi <= rs.lo || lo > rs.lo+len(rs.on) {
		rs.p, rs.lo, rs.on = p, lo, rs.on[:0]
	}
	if lo < rs.lo {
		grow := rs.lo - lo
		rs.on = append(rs.on, make([]bool, grow)...)
		copy(rs.on[grow:], rs.on[:len(rs.on)-grow])
		for q := lo; q < rs.lo; q++ {
			rs.on[q-lo] = a.shares(p, q)
		}
		rs.lo = lo
	}
	for q := rs.lo + len(rs.on); q < hi; q++ {
		rs.on = append(rs.on, a.shares(p, q))
	}
	return rs
}

// shares compares source sentence p with target sentence q.
func (a *aligner) shares(p, q int) bool {
	s, t := a.src, a.tgt
	sp, tp := &s.sets[1][p+1], &t.sets[1][q+1]
	if sp.sig&tp.sig == 0 || sp.sig2&tp.sig2 == 0 {
		return false
	}
	one := sp.view(s.keys[1], s.weight[1])
	n, _ := sharedKeys(&one, tp.sig, tp.of(t.keys[1]))
	return n != [4]uint16{}
}

// rowBits returns the pair bits of row r.i covering target sentences lo..hi−1 (clamped to the
// side), as a slice indexed by q − a.pairs.lo. linkedRow asks for them a shape at a time, over
// ranges that mostly overlap: they are worked out for the row over the union of the ranges.
func (a *aligner) rowBits(r *srcRow, lo, hi int) []uint8 {
	lo, hi = max(lo, 0), min(hi, a.tgt.n)
	pb := &a.pairs
	if pb.i == r.i && pb.bits != nil && lo >= pb.lo && hi <= pb.hi {
		return pb.bits
	}
	if pb.i == r.i && pb.bits != nil {
		lo, hi = min(lo, pb.lo), max(hi, pb.hi)
	}
	pb.i, pb.lo, pb.hi = r.i, lo, max(lo, hi)
	pb.bits = append(pb.bits[:0], make([]uint8, pb.hi-lo)...)
	if hi <= lo {
		return pb.bits
	}
	for d := 0; d < 3 && r.i-d >= 1; d++ {
		rs := a.cover(r.i-1-d, lo, hi)
		on := rs.on[lo-rs.lo : hi-rs.lo]
		for x, y := range on {
			if y {
				pb.bits[x] |= 1 << d
			}
		}
	}
	return pb.bits
}

// memberCostBits is memberCost from the pair bits of the row (see rowBits) and the penalties of
// single sentences (alone), the same terms in the same order.
func (a *aligner) memberCostBits(sh shape, i, j int, bits []uint8, alone *[2][]float64) float64 {
	lo := a.pairs.lo
	c := 0.0
	if sh.di > 1 {
		var or uint8
		for q := j - sh.dj; q < j; q++ {
			or |= bits[q-lo]
		}
		for d := range sh.di {
			if or&(1<<d) == 0 {
				c += alone[0][i-1-d]
			}
		}
	}
	if sh.dj > 1 {
		for d := range sh.dj {
			if bits[j-1-d-lo]&(1<<sh.di-1) == 0 {
				c += alone[1][j-1-d]
			}
		}
	}
	return c
}

// alonePenalties returns, for each sentence of the source ([0]) and the target ([1]), what
// memberCost charges it if it shares nothing: unanchored of its keys alone.
func (a *aligner) alonePenalties() *[2][]float64 {
	if a.alone[0] == nil {
		var none keyHead
		for x, s := range [2]*side{a.src, a.tgt} {
			a.alone[x] = make([]float64, s.n)
			for p := range s.n {
				a.alone[x][p] = a.m.unanchored(&s.sets[1][p+1].keyHead, &none)
			}
		}
	}
	return &a.alone
}

// lengthRow sets out[x] to the shape, paragraph and length terms of the bead of shape k, which
// has sentences on both sides, that ends in cell (r.i, j0+x): the cost rowCost has before the
// terms rowRest adds. A loop of its own: the division of the length term and the table read after
// it are a long wait, which the cells of a short loop overlap.
func (a *aligner) lengthRow(r *srcRow, k int, out []float64, j0 int) {
	sh := shapes[k]
	di, dj := sh.di, sh.dj
	m := a.m
	shapeCost, paras := m.shape[k], a.paras
	inside, end := r.inside[di], r.end
	ls, lsR := r.length[di], r.lenR[di]
	variance, lenTab, maxLength := m.variance, m.lenTab, m.maxLengthCost
	// the target lengths are cumEnd[x] − cumStart[x] and their ratios tlenR[x], cut to out's
	// length so that the reads need no bounds checks
	n := len(out)
	cumEnd, cumStart := a.tgt.cum[j0:j0+n], a.tgt.cum[j0-dj:][:n]
	tlenR := a.tgtLenRatio[dj][j0 : j0+n]
	for x := range out {
		j := j0 + x
		c := shapeCost // frameCost
		if paras {
			c = a.paraCost(c, k, inside, end, false, j)
		}
		mean := (ls + tlenR[x]) / 2
		e := (cumEnd[x] - cumStart[x]) - lsR
		if d2 := e * e / (variance*mean + 1); d2 < gcMax {
			if x := int(d2*gcStep + 0.5); x < len(lenTab) {
				c += lenTab[x]
			} else {
				c += maxLength
			}
		} else {
			c += m.lengthTail(d2)
		}
		out[x] = c
	}
}

// reestimate refits the length ratio and variance on the 1-1 beads of a first-pass path (see
// fitLengthModel), shrunk towards the language pair's prior (or the model learned from review,
// see FitLengths) so that a short document cannot pull them far. Translations differ in
// verbosity (a terse translator, a house style), and the fitted model separates right from wrong
// beads better than the corpus average.
func (a *aligner) reestimate(path []step) {
	ls, lt := make([]float64, 0, len(path)), make([]float64, 0, len(path))
	for _, s := range path {
		if s.shape == 0 {
			ls = append(ls, a.src.cum[s.i]-a.src.cum[s.i-1])
			lt = append(lt, a.tgt.cum[s.j]-a.tgt.cum[s.j-1])
		}
	}
	if len(ls) < 3 {
		return
	}
	r, v, ok := fitLengthModel(ls, lt)
	if !ok {
		return
	}
	nb := float64(len(ls))
	a.m.ratio = (lengthPseudo*a.m.ratio + nb*r) / (lengthPseudo + nb)
	a.m.variance = (lengthPseudo*a.m.variance + nb*v) / (lengthPseudo + nb)
}
