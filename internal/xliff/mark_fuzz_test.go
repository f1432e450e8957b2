package xliff

import "testing"

// FuzzParseMark: a unit's extradata or tilmash:exported attribute, as a
// CAT tool hands it back, is a mark or not, never a panic; a mark read is
// written back as the same mark.
func FuzzParseMark(f *testing.F) {
	f.Add(Mark{Status: "confirmed", Target: Fingerprint("Суд.")}.String())
	f.Add("  tilmash:flagged:0123456789abcdef\n")
	f.Add("tilmash::0123456789abcdef")
	f.Add("tilmash:a:b:0123456789abcdef")
	f.Add("omegat:x")
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := ParseMark(s)
		if !ok {
			if m != (Mark{}) {
				t.Fatalf("no mark, but %+v", m)
			}
			return
		}
		if m.Status == "" || len(m.Target) != 16 {
			t.Fatalf("mark %+v from %q", m, s)
		}
		if back, ok := ParseMark(m.String()); !ok || back != m {
			t.Fatalf("%+v written as %q reads as %+v, %v", m, m.String(), back, ok)
		}
	})
}
