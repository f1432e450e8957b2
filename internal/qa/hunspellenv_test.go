package qa

import (
	"slices"
	"testing"
)

// TestHunspellEnv: hunspell, given a dictionary by name, is given the
// invocation's $DICPATH, never the process's: one the process has is
// replaced, or removed when the invocation has none.
func TestHunspellEnv(t *testing.T) {
	for _, c := range []struct {
		environ []string
		dicpath string
		want    []string
	}{
		{[]string{"PATH=/bin", "DICPATH=/process", "LANG=C"}, "/invocation", []string{"PATH=/bin", "LANG=C", "DICPATH=/invocation"}},
		{[]string{"PATH=/bin", "DICPATH=/process"}, "", []string{"PATH=/bin"}},
		{[]string{"PATH=/bin", "DICPATHS=/kept"}, "/a:/b", []string{"PATH=/bin", "DICPATHS=/kept", "DICPATH=/a:/b"}},
		{nil, "", nil},
	} {
		if got := hunspellEnv(slices.Clone(c.environ), c.dicpath); !slices.Equal(got, c.want) {
			t.Errorf("hunspellEnv(%q, %q) = %q, want %q", c.environ, c.dicpath, got, c.want)
		}
	}
}
