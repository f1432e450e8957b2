package reviewtest

import (
	"testing"

	"github.com/tilmash/tilmash/internal/document"
)

// TestLongIsCurrent: the long document's alignment was made from its texts
// as stored, so it is current, not stale: the benchmarks that use it
// measure an aligned document, as a translator's is.
func TestLongIsCurrent(t *testing.T) {
	for _, n := range []int{1, 6, 40, 250} {
		d := Big(t, 1)
		if n != 6 {
			ws := d.WS
			if err := Long(ws, "long", n); err != nil {
				t.Fatal(err)
			}
			var err error
			if d, err = document.Open(ws, "long"); err != nil {
				t.Fatal(err)
			}
		}
		a, err := d.Alignment()
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Groups) != n {
			t.Errorf("n=%d: %d groups", n, len(a.Groups))
		}
		for _, l := range Langs {
			text, err := d.Text(l)
			if err != nil {
				t.Fatal(err)
			}
			if a.Sources[l] != document.Hash(text) {
				t.Errorf("n=%d: the alignment's hash of %s is not the stored text's: stale from the start", n, l)
			}
		}
	}
}
