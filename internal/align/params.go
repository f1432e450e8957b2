//go:build !aligntune

package align

// The tuned weights and thresholds of lexical evidence and realignment. They are constants; a
// build with the aligntune tag (params_tune.go) makes them variables with the same values, so that
// the tuning tests (edit_tune_test.go) can try others. Keep the two files in step.

// Weights of lexical anchors: a bonus per shared entry (times the entry's weight and its rarity in
// the document), and a penalty per entry found on one side of a bead only while the other side of
// the document has its other stem: a translation shares most of the words the lexicon knows, an
// unrelated sentence of the right length shares few. With a lexicon learned from Tatoeba and UDHR
// and no penalty, the lexicon gained nothing on the dev half of the edited NTREX sets
// (bench/editset.py); with the second pass's lexicon, learned from the document itself, a small
// penalty does best (0.3 cost the lightly perturbed sets up to 0.02 strict F1). The penalty counts
// entries, not words, so a dense, noisy lexicon (many entries a word) is penalised more: lexicons
// should keep few targets a word (lexicon build keeps three).
const (
	lexMatch = 2.0
	lexMiss  = 0.1
)

// The seed lexicon of common words (lexicon.Seed) enters every alignment at this weight.
const seedWeight = 1.0

// A non-null bead whose sides share no anchor pays noAnchor times the weight of the anchors they
// hold, up to noAnchorFull (see unanchored).
const (
	noAnchor     = 1.5
	noAnchorFull = 2.0
)

// Realignment (realign.go).
const (
	learnScore    = 0.9  // beads of the first pass scored at least this teach the lexicon
	learnMaxPairs = 3000 // at most this many beads teach it, evenly spread
	learnMinPairs = 4    // fewer confident beads teach nothing worth a second pass
	learnMinCount = 2    // a stem pair must occur together in this many beads
	learnMinDice  = 0.5  // and have at least this Dice coefficient
	learnPerWord  = 2    // targets kept for each source stem
	realignBelow  = 0.45 // the second pass replaces stretches with a bead below this (see better)
	realignSlack  = 0.1  // if its mean score is no lower by this much (see better)
	realignPad    = 4    // the second pass searches this many rows around such beads
)

// A bead whose last sentence is an open line (a headline, see openLine) on one side only pays
// openOne (see side.openAt).
const openOne = 3.0

// A bead of two or more sentences on each side that holds an open line (a headline) on one side
// and none on the other pays openMulti, unless its last sentences already differ (openOne). A
// headline is a line of its own: where one desk has a headline and the other has not, the
// headline has no counterpart in that block, and the block is two readings joined. The case: a
// desk adds its own headline before the lead and drops the sentence after the lead; the headline
// shares that sentence's words, and the four lines fitted as one 2-2 bead. A 2-1 or 3-1 bead with
// a headline on the side of two or three is not concerned: the other side's one line may hold it,
// joined to the lead (see side.count). On the edited dev sets (20 seeds) errors went from 403 to
// 396 (en-ru) and 266 to 263 (en-kk); any value from 4.5 to 30 gives the same beads, so this
// acts as a rule, not a fitted weight.
const openMulti = 6.0

// An English headline (an open line, see openLine) counts headlineLength/5 times its characters
// in the length model: English headlines drop articles and auxiliaries, and their translations
// are longer than the model's ratio says.
const headlineLength uint32 = 6

// Names of a sentence that the other side never mentions (see orphanNames) cost orphanWeight
// each, and orphanWeight·orphanEn in English, which capitalises more words than Russian and
// Kazakh and translates the names of organisations.
const (
	orphanWeight = 1.0
	orphanEn     = 0.5
)

// Russian and Kazakh sentences without English at the same place (see newModelFor): the cost of
// pairing them, on top of the shape's, and of each left alone.
const (
	unpairedPair  = 3.0
	unpairedAlone = 0.5
)

// The margin (margin.go): a bead scored under marginBelow is split into sentences alone when its
// sentences share less than marginMin times what they share with their rivals, the marginK
// sentences most like either of them within marginBand sentences of the other. Artetxe and
// Schwenk's mining takes k = 4; the band is as wide as the refining search's widest
// (refineWideBand).
const (
	marginBelow = 0.7
	marginMin   = 0.75
	marginK     = 4
	marginBand  = 8
)
