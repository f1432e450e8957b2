package align

import (
	"math"
	"slices"

	"github.com/tilmash/tilmash/internal/lazy"
)

// The cost of a bead is a sum of penalties, each roughly a negative log-likelihood, so that the
// cheapest path through the document is the most plausible alignment. Every term exists because
// it separates a right bead from a tempting wrong one:
//
//   - shape: most beads are 1-1; merges and omissions are rarer, and the prior keeps the search
//     from explaining every small length difference by a merge.
//   - length (Gale–Church): a translation's length is proportional to its source's. This is the
//     only cue that always exists, and it is what decides 2-1 against 1-1 plus 1-0.
//   - anchors: numbers, dates, names and glossary terms are copied or transliterated, so a shared
//     anchor is strong evidence that two sentences belong together, and an anchor left without a
//     partner inside a bead is evidence that the bead is too big or wrong. Sentences that hold
//     anchors of the document and share none are most likely not translations at all.
//   - punctuation: a question stays a question, a quotation stays quoted, a parenthesis stays.
//   - sentence count: a line that holds two sentences (one translator's sentence cut in two by
//     the other, or input segmented more coarsely on one side) pairs with two sentences.
//   - paragraphs: translators rarely move a sentence across a paragraph break, so a bead should
//     not straddle one, and bead ends should coincide on both sides; a run of sentences without
//     counterpart is most often a whole paragraph an editor added or left out.

// A shape is the number of source and target sentences a bead takes.
type shape struct{ di, dj int }

// shapes lists the bead shapes the search considers. A shape's index is what the search stores
// as a cell's back-pointer, and the first guideShapes shapes are the common ones the first pass
// tries.
//
// The shapes after 1-3 are runs: 2 to maxRun sentences of one side without counterpart, such as a
// paragraph an editor dropped or added. A run is one editorial decision, so it costs the start of
// an omission and then a smaller price per further sentence; as single 1-0 beads, a paragraph-sized
// omission would cost so much that the search would rather pair its sentences with unrelated ones
// whose lengths fit. Beads come out of Pair one sentence at a time (see beadsOf).
var shapes = [...]shape{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3},
	{2, 0}, {3, 0}, {4, 0}, {5, 0}, {0, 2}, {0, 3}, {0, 4}, {0, 5}}

const (
	nShapes = len(shapes)
	maxRun  = 5 // the longest run shape, and the most rows any shape spans
	// ring is the number of rows of costs the search keeps: a power of two above maxRun.
	ring = 8
	// runSecond is the cost of the second sentence of a run, and runCont that of each further
	// one, in nats. A run of two costs more than a 2-1 merge and a 1-0 bead (a short sentence
	// merged into its neighbour's translation is as likely; 3.2 cost the lightly perturbed
	// en-ru dev set 0.004 strict F1 and gained nothing on the edited dev sets); longer runs
	// come cheaper a sentence the longer they get, as a dropped paragraph is one decision.
	runSecond = 3.8
	runCont   = 1.6
)

// model holds the weights of the cost terms. Weights are in nats (natural-log units).
type model struct {
	ratio, variance float64 // length model, see lengthPrior
	shape           [nShapes]float64
	length          float64         // weight of the Gale–Church term
	match           [4]float64      // bonus per anchor shared by both sides, by key kind
	miss            [4]float64      // penalty per anchor without partner in a non-null bead
	noAnchor        float64         // penalty of a non-null bead whose sides share no anchor (see unanchored)
	punctBoth       [nPunct]float64 // bonus when both sides have the punctuation class
	punctOne        [nPunct]float64 // penalty when only one side has it
	sentenceCount   float64         // penalty per sentence of difference, inner ends included
	openOne         float64         // penalty when a bead's last sentence is open on one side only (see side.openAt)
	openMulti       float64         // penalty when a bead of two or more sentences a side holds an open line on one side only
	// orphanSrc and orphanTgt are the penalties per name of a non-null bead unknown to the other
	// side (see orphanNames), by side: English writes more words with capitals than Russian and
	// Kazakh, and organisations (Save the Children) are translated, not transliterated.
	orphanSrc, orphanTgt float64
	paraInside           float64 // penalty per paragraph break inside one side of a bead
	paraEdge             float64 // penalty when a bead ends a paragraph on one side only
	paraRun              float64 // bonus of a run of sentences alone that is a whole paragraph
	maxLengthCost        float64 // cap, so one freak sentence cannot dominate
	maxBonus             float64 // the largest match weight: a bound on the bonus per key
	gc                   *gcTab  // gcTable.Get(), fetched once a model: the search reads it for every bead
	// lenTab[x] is min(length·gc[x], maxLengthCost), the length term for δ² ≈ x/gcStep, for
	// the entries of the table below the first from which on all reach the cap (see setBound):
	// beyond it the term is the cap. The search reads this instead of gc: a third the size, so it
	// stays in the cache (reading the whole table was a fifth of rowCost).
	lenTab []float64
	// punctTab[a][b] is punctCost for sides whose classes of punctuation are the bits of a and
	// b (see punctMask), built in setBound: the search reads it for every bead.
	punctTab *[1 << nPunct][1 << nPunct]float64
}

// newModel returns the model for a language pair with the default weights.
//
// Shape costs are −log of bead frequencies typical of translated news (Gale and Church found 89%
// 1-1, 9% 2-1 or 1-2, 1% 1-0 or 0-1 and 1% 2-2 in their corpus; news translations drop and add
// a few more sentences). 2-2 is made rarer still, 0.1%: a true 2-2 bead needs crossing
// boundaries, and a cheap 2-2 mostly swallows two good 1-1 beads, or a sentence a desk dropped
// beside a line it added (at 0.2%, 15 of the 430 errors on the edited en-ru dev sets were 2-2
// beads, none of them right; at 0.1%, dev errors 430 → 403 en-ru, 274 → 266 en-kk, and the
// unseen three-way groups 1734 → 1738 of 1764 exactly right). The other weights started from how often each
// cue is shared by true pairs and were then tuned by a coordinate search (TestSearch in
// tune_test.go) on half of the NTREX documents, with UDHR and Tatoeba at lower weight, and kept
// only where the other half agreed.
func newModel(src, tgt string) *model {
	p := priorFor(src, tgt)
	m := &model{
		ratio:         p.Ratio,
		variance:      p.Var,
		length:        defaultLength,
		match:         [4]float64{kindWord >> 30: 2.4, kindNumber >> 30: 2.5, kindTerm >> 30: 2.5, kindLex >> 30: lexMatch},
		miss:          [4]float64{kindWord >> 30: 0, kindNumber >> 30: 1.0, kindTerm >> 30: 1.0, kindLex >> 30: lexMiss},
		noAnchor:      noAnchor,
		punctBoth:     defaultPunctBoth,
		punctOne:      defaultPunctOne,
		sentenceCount: 2,
		openOne:       openOne,
		openMulti:     openMulti,
		orphanSrc:     orphanFor(src),
		orphanTgt:     orphanFor(tgt),
		paraInside:    2,
		paraEdge:      1.5,
		paraRun:       2,
		maxLengthCost: defaultMaxLength,
		gc:            gcTable.Get(),
	}
	freq := [...]float64{
		0.85,         // 1-1
		0.015, 0.015, // 1-0, 0-1
		0.05, 0.05, // 2-1, 1-2
		0.001,        // 2-2
		0.005, 0.005, // 3-1, 1-3
	}
	for k, f := range freq {
		m.shape[k] = -math.Log(f)
	}
	for k := len(freq); k < nShapes; k++ {
		d := max(shapes[k].di, shapes[k].dj)
		m.shape[k] = m.shape[1] + runSecond + float64(d-2)*runCont
	}
	m.setBound()
	return m
}

// newModelFor returns the model for opt: newModel, with the shapes of Options.unpivoted for
// sentences that have no counterpart in the pivot. Those are an editor's additions to one
// translation or the other far more often than a passage both translations added, so pairing
// them costs unpairedPair and leaving them alone unpairedAlone a sentence: only anchors they share
// make two of them a bead.
func newModelFor(opt Options) *model {
	m := newModel(opt.SrcLang, opt.TgtLang)
	if len(opt.Lengths) > 0 {
		p := lengthsFor(opt.Lengths, opt.SrcLang, opt.TgtLang)
		m.ratio, m.variance = p.Ratio, p.Var
	}
	if opt.unpivoted {
		for k, sh := range shapes {
			switch {
			case sh.di == 0 || sh.dj == 0:
				m.shape[k] = unpairedAlone * float64(sh.di+sh.dj)
			default:
				m.shape[k] += unpairedPair
			}
		}
	}
	return m
}

// orphanFor is the penalty per orphan name of a sentence in lang.
func orphanFor(lang string) float64 {
	if lang == "en" {
		return orphanWeight * orphanEn
	}
	return orphanWeight
}

// setBound updates maxBonus and lenTab after the weights change.
func (m *model) setBound() {
	m.maxBonus = 0
	for _, w := range m.match {
		m.maxBonus = max(m.maxBonus, w)
	}
	if m.length == defaultLength && m.maxLengthCost == defaultMaxLength {
		m.lenTab = defaultLenTab.Get()
	} else {
		m.lenTab = lengthTable(m.gc, m.length, m.maxLengthCost)
	}
	if m.punctBoth == defaultPunctBoth && m.punctOne == defaultPunctOne {
		m.punctTab = defaultPunctTab.Get()
	} else {
		m.punctTab = punctTable(m)
	}
}

// The default weights of the punctuation classes.
var (
	defaultPunctBoth = [nPunct]float64{
		punctQuestion: 2, punctExclaim: 1.5, punctQuote: 0.5, punctColon: 0.3, punctParen: 1,
	}
	defaultPunctOne = [nPunct]float64{
		punctQuestion: 1.5, punctExclaim: 1, punctQuote: 0.3, punctColon: 0.2, punctParen: 0.7,
	}
)

// punctTable returns model.punctTab for m's weights: punctCost itself for every pair of sets of
// classes, so that the table holds the very sums punctCost makes.
func punctTable(m *model) *[1 << nPunct][1 << nPunct]float64 {
	t := new([1 << nPunct][1 << nPunct]float64)
	for a := range t {
		for b := range t[a] {
			var pa, pb [nPunct]uint8
			for c := range nPunct {
				pa[c], pb[c] = uint8(a>>c&1), uint8(b>>c&1)
			}
			t[a][b] = m.punctCost(&pa, &pb)
		}
	}
	return t
}

// defaultPunctTab is punctTable for the default weights, built on first use.
var defaultPunctTab = lazy.Value[*[1 << nPunct][1 << nPunct]float64]{New: func() *[1 << nPunct][1 << nPunct]float64 {
	return punctTable(&model{punctBoth: defaultPunctBoth, punctOne: defaultPunctOne})
}}

// punctMask returns the classes of punctuation counts holds, as bits.
func punctMask(counts *[nPunct]uint8) uint8 {
	var m uint8
	for c, n := range counts {
		if n > 0 {
			m |= 1 << c
		}
	}
	return m
}

const (
	defaultLength    = 0.5 // model.length of newModel
	defaultMaxLength = 25  // model.maxLengthCost of newModel
)

// lengthTable returns model.lenTab for the weights length and capAt.
func lengthTable(gc *gcTab, length, capAt float64) []float64 {
	n := len(gc)
	for n > 0 && length*gc[n-1] >= capAt {
		n--
	}
	t := make([]float64, n)
	for x := range t {
		t[x] = min(length*gc[x], capAt)
	}
	return t
}

// defaultLenTab is lengthTable for the default weights, built on first use.
var defaultLenTab = lazy.Value[[]float64]{New: func() []float64 {
	return lengthTable(gcTable.Get(), defaultLength, defaultMaxLength)
}}

// lengthCost is the Gale–Church penalty −log(2·(1 − Φ(|δ|))), where δ measures how far the
// target length is from the expected one in standard deviations. The variance grows with the
// sentence lengths, so a 10-character difference matters less between long sentences.
func (m *model) lengthCost(ls, lt float64) float64 {
	return m.lengthCostOf(ls, m.ratio*ls, lt, lt/m.ratio)
}

// lengthCostOf is lengthCost with m.ratio·ls and lt/m.ratio given: the search works out the one
// once a row and the other once a column (see aligner.fitLengths), not once a bead.
func (m *model) lengthCostOf(ls, lsRatio, lt, ltRatio float64) float64 {
	mean := (ls + ltRatio) / 2
	e := lt - lsRatio
	return min(m.length*m.gc.penalty(e*e/(m.variance*mean+1)), m.maxLengthCost)
}

// lengthTail is lengthCostOf for δ² = d2 beyond the table (a function of its own: rowCost has
// its own copy of lengthCostOf, the search's most frequent call, and keeps only the table part).
func (m *model) lengthTail(d2 float64) float64 {
	return min(m.length*gcTail(d2), m.maxLengthCost)
}

// gcTable holds −log(erfc(√(x/2))) for δ² = x in steps of 1/gcStep: erfc and the square root
// are too slow to call for every cell of the search. Built on first use, not at start-up.
const (
	gcStep = 64
	gcMax  = 256 // δ up to 16
)

type gcTab [gcMax*gcStep + 1]float64

var gcTable = lazy.Value[*gcTab]{New: func() *gcTab {
	t := new(gcTab)
	for k := range t {
		t[k] = -math.Log(math.Erfc(math.Sqrt(float64(k) / gcStep / 2)))
	}
	return t
}}

// penalty returns −log(erfc(|δ|/√2)) for δ² = d2.
func (t *gcTab) penalty(d2 float64) float64 {
	if d2 >= gcMax {
		return gcTail(d2)
	}
	return t[int(d2*gcStep+0.5)]
}

// gcTail is the asymptote of the penalty, beyond the table (a function of its own, so that
// penalty, called for every bead, is inlined).
func gcTail(d2 float64) float64 {
	x := math.Sqrt(d2)
	return d2/2 + math.Log(x) + 0.23
}

// keySet is the union of the anchor keys of one to three consecutive sentences, with the number
// of keys of each kind and each key's weight (see keyWeights).
type keySet struct {
	keys   []uint32
	weight []float32
	keyHead
}

// keyHead is what a key set knows besides its keys and their weights.
type keyHead struct {
	count [4]uint16
	// wsum is the total weight of the keys of each kind (each key once).
	wsum [4]float32
	// sig has bit keyBit(k) set for every k in keys. Two sets share at most
	// popcount(a.sig & b.sig) keys, which lets the search skip most comparisons.
	sig uint64
	// sig2 has bit keyBit2(k) set for every k in keys, another hash of the keys: two sets whose
	// sig share bits but whose sig2 share none have no key in common either. With a few keys a
	// sentence, half the sets that passed sig alone shared nothing, and comparing their keys was
	// a tenth of the search.
	sig2 uint64
}

// keySpan is a keySet kept in a side: the set's keys and weights are the n from off of arrays
// the side holds for all the sets of one height (see side.set).
type keySpan struct {
	off, n int32
	keyHead
}

// view returns the key set whose keys and weights are cut from keys and weight.
func (s *keySpan) view(keys []uint32, weight []float32) keySet {
	end := s.off + s.n
	return keySet{keys: keys[s.off:end:end], weight: weight[s.off:end:end], keyHead: s.keyHead}
}

// of returns the keys of s, cut from keys.
func (s *keySpan) of(keys []uint32) []uint32 { return keys[s.off : s.off+s.n : s.off+s.n] }

func keyBit(k uint32) uint64 { return 1 << ((k * 2654435761) >> 26) }

// keyBit2 is the bit of key k in keyHead.sig2: the top six bits of another multiplicative hash
// (the multiplier of MurmurHash3's 32-bit finaliser), so that two keys that share a bit of sig
// mostly do not share one here.
func keyBit2(k uint32) uint64 { return 1 << ((k * 0x85ebca6b) >> 26) }

// sharedKeys counts the keys of each kind present in both a and the set b given as its signature
// and keys, and sums their weights. Both sets are sorted; a key has the same weight in every set
// of an alignment problem. Two sets share at most popcount(a.sig & bsig) keys.
func sharedKeys(a *keySet, bsig uint64, bk []uint32) (n [4]uint16, w [4]float64) {
	if a.sig&bsig == 0 {
		return n, w
	}
	// The steps are taken without branches on the order of the keys, which a processor cannot
	// predict: this merge was a tenth of the search.
	ak, aw := a.keys, a.weight[:len(a.keys)]
	i, j := 0, 0
	for i < len(ak) && j < len(bk) {
		x, y := ak[i], bk[j]
		if x == y {
			k := x >> 30
			n[k]++
			w[k] += float64(aw[i])
		}
		d := int64(y) - int64(x)
		i += int(d>>63 + 1)  // x ≤ y
		j += int(-d>>63 + 1) // y ≤ x
	}
	return n, w
}

// keyFilter maps the keys of a set to their places in it, by a hash of 11 bits a key
// (keyFilterBit): a key whose entry is empty is not in the set. The search fills one for each
// source set of a row (srcRow.filter) and looks the keys of each target set up in it
// (sharedWith).
type keyFilter struct {
	// pos[keyFilterBit(k)] is the place of k in the set plus one, 0 if no key of the set has
	// that hash, or filterMany if more than one has it or the place does not fit a byte
	pos [keyFilterSize]uint8
	// used lists the entries of pos that are set, which the next fill clears
	used []uint16
}

// keyFilterSize is the number of entries of a keyFilter: with the 10 to 30 keys of a row's
// source sets, a key not in the set finds an entry set one time in 70 to 200.
const keyFilterSize = 2048

// filterMany marks an entry of keyFilter.pos that does not say where its key is.
const filterMany = 255

func keyFilterBit(k uint32) uint32 { return (k * 0x9e3779b1) >> (32 - 11) } // 2^11 = keyFilterSize

// fill sets f to the filter of keys, a sorted set.
func (f *keyFilter) fill(keys []uint32) {
	for _, x := range f.used {
		f.pos[x] = 0
	}
	f.used = f.used[:0]
	for i, k := range keys {
		x := keyFilterBit(k)
		switch {
		case f.pos[x] != 0:
			f.pos[x] = filterMany
		case i+1 < filterMany:
			f.pos[x] = uint8(i + 1)
			f.used = append(f.used, uint16(x))
		default:
			f.pos[x] = filterMany
			f.used = append(f.used, uint16(x))
		}
	}
}

// sharedWith is sharedKeys(a, ·, bk) for the set a whose filter is f, and gives the same counts and
// sums: it walks bk in order and finds each key's place in a from f (searching a only for a key
// whose entry holds more than one), so the shared keys are met in the same (ascending) order and
// their weights added in it. The merge of sharedKeys steps through both sets, each step waiting
// for the one before (a tenth of the search); so did a walk of a up to each key f let pass, which
// was half of sharedWith. Here the keys of bk are looked up independently of each other.
func sharedWith(a *keySet, f *keyFilter, bk []uint32) (n [4]uint16, w [4]float64) {
	ak, aw := a.keys, a.weight[:len(a.keys)]
	for _, y := range bk {
		p := f.pos[keyFilterBit(y)]
		if p == 0 {
			continue
		}
		i := int(p) - 1
		if p == filterMany {
			var found bool
			if i, found = slices.BinarySearch(ak, y); !found {
				continue
			}
		} else if i >= len(ak) || ak[i] != y {
			continue
		}
		k := y >> 30
		n[k]++
		w[k] += float64(aw[i])
	}
	return n, w
}

// anchorCost scores the anchors of a non-null bead: a bonus for each shared key and a penalty for
// each key left alone on either side.
func (m *model) anchorCost(a, b *keySet) float64 {
	c, _ := m.anchorCostShared(a, b)
	return c
}

// anchorCostShared is anchorCost, and reports whether the sets share no key.
func (m *model) anchorCostShared(a, b *keySet) (float64, bool) {
	return m.anchorCostOf(a, &b.keyHead, b.keys)
}

// anchorCostOf is anchorCostShared for a set b given as its head and keys (the search reads the
// target's sets in place, see keySpan); bk is not read when the signatures share no bit.
func (m *model) anchorCostOf(a *keySet, b *keyHead, bk []uint32) (float64, bool) {
	n, w := sharedKeys(a, b.sig, bk)
	return m.anchorCostFrom(a, b, n, w)
}

// anchorCostFrom is anchorCostOf with the keys the sets share counted and weighed (n and w, as
// sharedKeys returns them).
func (m *model) anchorCostFrom(a *keySet, b *keyHead, n [4]uint16, w [4]float64) (float64, bool) {
	// The four kinds written out, without the loop's test for kinds neither set holds: such a
	// kind adds −match·0 + miss·0, a zero, which leaves the sum as it is (a tenth of the
	// search's anchor terms was the loop's own counting and branching).
	c := 0.0
	c += -m.match[0]*w[0] + m.miss[0]*(float64(a.count[0])+float64(b.count[0])-2*float64(n[0]))
	c += -m.match[1]*w[1] + m.miss[1]*(float64(a.count[1])+float64(b.count[1])-2*float64(n[1]))
	c += -m.match[2]*w[2] + m.miss[2]*(float64(a.count[2])+float64(b.count[2])-2*float64(n[2]))
	c += -m.match[3]*w[3] + m.miss[3]*(float64(a.count[3])+float64(b.count[3])-2*float64(n[3]))
	return c, n == [4]uint16{}
}

// allAlone is anchorCostOf for sets a and b known to share no key, without its calls (a tenth of
// rowCost): every key is alone, and the bonus term (−match·0) adds nothing.
func (m *model) allAlone(a, b *keyHead) float64 {
	// Written out like anchorCostFrom: a kind neither set holds adds miss·0, a zero.
	c := 0.0
	c += m.miss[0] * (float64(a.count[0]) + float64(b.count[0]))
	c += m.miss[1] * (float64(a.count[1]) + float64(b.count[1]))
	c += m.miss[2] * (float64(a.count[2]) + float64(b.count[2]))
	c += m.miss[3] * (float64(a.count[3]) + float64(b.count[3]))
	return c
}

// unanchored is the penalty of a non-null bead whose sides a and b share no anchor: noAnchor
// times the weight of the anchors the two hold (those the other side of the document has, see
// keyWeights), up to noAnchorFull. Sentences that hold nothing to share say nothing by sharing
// nothing; but on the edited NTREX dev sets, of the pairs whose anchors weigh 1.5 to 3 together,
// a translation shared none one time in four and an unrelated sentence of similar length five in
// six, and above 3, one in fifty against two in three. An editor's added sentence, paired with a
// dropped one because their lengths fit, is such a bead.
func (m *model) unanchored(a, b *keyHead) float64 {
	// the sum of the loop over the kinds, written out (a loop of four was a twentieth of the
	// search): the same additions in the same order
	var w float32
	w += a.wsum[0] + b.wsum[0]
	w += a.wsum[1] + b.wsum[1]
	w += a.wsum[2] + b.wsum[2]
	w += a.wsum[3] + b.wsum[3]
	return m.noAnchor * min(1, float64(w)/noAnchorFull)
}

// punctCost compares the punctuation profiles of the two sides of a non-null bead.
func (m *model) punctCost(a, b *[nPunct]uint8) float64 {
	c := 0.0
	for k := range a {
		switch {
		case a[k] > 0 && b[k] > 0:
			c -= m.punctBoth[k]
		case a[k] > 0 || b[k] > 0:
			c += m.punctOne[k]
		}
	}
	return c
}
