//go:build aligntune

package align

// The values of params.go as variables, for the tuning tests (edit_tune_test.go, ALIGN_VARS).
// Keep the two files in step.
var (
	lexMatch = 2.0
	lexMiss  = 0.1

	seedWeight = 1.0

	noAnchor     = 1.5
	noAnchorFull = 2.0

	learnScore    = 0.9
	learnMaxPairs = 3000
	learnMinPairs = 4
	learnMinCount = 2
	learnMinDice  = 0.5
	learnPerWord  = 2
	realignBelow  = 0.45
	realignSlack  = 0.1
	realignPad    = 4

	openOne   = 3.0
	openMulti = 6.0

	orphanWeight = 1.0
	orphanEn     = 0.5
)

// Russian and Kazakh sentences without English at the same place (see newModelFor): the cost of
// pairing them, on top of the shape's, and of each left alone.
var (
	unpairedPair  = 3.0
	unpairedAlone = 0.5
)

var (
	marginBelow = 0.7
	marginMin   = 0.75
)

const (
	marginK    = 4
	marginBand = 8
)

var headlineLength uint32 = 6
