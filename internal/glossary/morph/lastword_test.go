package morph

import (
	"strings"
	"testing"
)

// TestLastWord wants the last word strings.Fields gives, at its place.
func TestLastWord(t *testing.T) {
	for _, s := range []string{"", "   ", "Алматы", "Алматы облысы", "  Тоқаев\t", "a\u00a0b", "x\u2003 y z\n", "ә"} {
		start, end := LastWord(s)
		fs := strings.Fields(s)
		if len(fs) == 0 {
			if end != -1 {
				t.Errorf("%q: %d,%d for no word", s, start, end)
			}
			continue
		}
		if end < 0 || s[start:end] != fs[len(fs)-1] {
			t.Errorf("%q: %d,%d, want the word %q", s, start, end, fs[len(fs)-1])
		}
	}
}
