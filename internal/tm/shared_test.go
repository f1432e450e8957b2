package tm

import "testing"

// TestDecide: the three-way rules of a shared memory, one document at a
// time (X, Y, Z versions, "" none). The store suite (storetest.RunShared)
// runs them through whole updates against each store.
func TestDecide(t *testing.T) {
	for _, c := range []struct {
		base, local, mem string
		rebuild          bool
		want             verdict
	}{
		{"X", "X", "X", false, verdict{synced: true}},
		{"X", "X", "X", true, verdict{act: write, synced: true}},  // a rebuild rewrites the units
		{"", "X", "X", false, verdict{synced: true}},              // agree without a base: the base is set
		{"X", "Y", "Y", false, verdict{synced: true}},             // both pulled the same change
		{"", "", "", false, verdict{synced: true}},                // nothing anywhere
		{"X", "Y", "X", false, verdict{act: write, synced: true}}, // changed here
		{"", "X", "", false, verdict{act: write, synced: true}},   // new here
		{"X", "", "X", false, verdict{act: remove, synced: true}}, // deleted here
		{"X", "X", "Y", false, verdict{newer: true}},              // changed elsewhere, not pulled
		{"X", "X", "", false, verdict{newer: true}},               // deleted elsewhere, not pulled
		{"X", "X", "Y", true, verdict{newer: true}},               // a rebuild keeps it too
		{"", "", "X", false, verdict{other: true}},                // new elsewhere, never seen here
		{"", "", "X", true, verdict{other: true}},                 // also on a rebuild
		{"X", "Y", "Z", false, verdict{conflict: true}},           // changed on both sides
		{"X", "", "Y", false, verdict{conflict: true}},            // deleted here, changed there
		{"X", "Y", "", false, verdict{conflict: true}},            // changed here, deleted there
		{"", "X", "Y", false, verdict{conflict: true}},            // no base: a new machine, another memory
		{"X", "Y", "Z", true, verdict{act: write, synced: true}},  // a rebuild publishes this workspace's
		{"X", "", "Y", true, verdict{act: remove, synced: true}},  // its deletion too
		{"Y", "X", "", true, verdict{act: write, synced: true}},   // and its version of one deleted there
	} {
		if got := decide(c.base, c.local, c.mem, c.rebuild); got != c.want {
			t.Errorf("decide(base %q, local %q, memory %q, rebuild %v) = %+v, want %+v", c.base, c.local, c.mem, c.rebuild, got, c.want)
		}
	}
}
