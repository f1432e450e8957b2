package qa

import (
	"strings"
	"testing"
)

// FuzzAppendLower: appendLower, with its Cyrillic table, is
// strings.ToLower byte for byte (the numbers check lower-cases a
// translation with it to find a unit's name), invalid UTF-8 included.
func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "Привет, ӘҒҚҢӨҰҮҺІ!", "İstanbul ΣΑΣ Ⅻ", "550 ФУНТОВ \xff\xd0", "Ёлка"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
