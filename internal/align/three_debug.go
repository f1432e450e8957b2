package align

import (
	"fmt"
	"os"
)

// TEMPORARY debug dump; not to be committed.
var threeDebug = os.Getenv("TILMASH_THREE_DEBUG") != ""

func dbgSents(name string, s []Sentence) {
	if !threeDebug {
		return
	}
	for i, x := range s {
		fmt.Fprintf(os.Stderr, "%s%d p%d: %.90s\n", name, i, x.Para, x.Text)
	}
}

func dbgBeads(name string, beads []Bead) {
	if !threeDebug {
		return
	}
	fmt.Fprintf(os.Stderr, "== %s\n", name)
	for _, b := range beads {
		fmt.Fprintf(os.Stderr, "  %v-%v %.3f\n", b.Src, b.Tgt, b.Score)
	}
}

func dbgPins(name string, pins []pivotPin) {
	if !threeDebug {
		return
	}
	fmt.Fprintf(os.Stderr, "== pins %s: %+v\n", name, pins)
}
