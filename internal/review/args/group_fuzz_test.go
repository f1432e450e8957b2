package args

import (
	"strconv"
	"testing"
)

// FuzzParseGroup: a group number as typed is a group (1 or more, at most
// maxGroups) that reads back from its decimal form, or an error, never a
// panic.
func FuzzParseGroup(f *testing.F) {
	for _, s := range []string{"1", " 12 ", "0", "-3", "1e3", "99999999999999999999", "٣", "1,2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseGroup(s)
		if err != nil {
			return
		}
		if n < 1 || n > maxGroups {
			t.Fatalf("%q read as group %d", s, n)
		}
		if back, err := ParseGroup(strconv.Itoa(n)); err != nil || back != n {
			t.Fatalf("group %d reads back as %d, %v", n, back, err)
		}
	})
}
