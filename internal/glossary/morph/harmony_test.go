package morph

import "testing"

// TestKazakhHarmony: which endings a word takes, as kkHarmony tells them (back, front).
func TestKazakhHarmony(t *testing.T) {
	for _, c := range []struct {
		word        string
		back, front bool
	}{
		{"Атырау", true, false},     // у after a vowel is a glide: the а before it decides
		{"Ақтөбе", false, true},     // the last vowel
		{"Берлин", false, true},     // a last и is front
		{"мұхит", true, false},      // but ұ ғ қ make it back
		{"банк", true, true},        // a loan's final к after a back vowel: both
		{"кондоминиум", true, true}, // у after и is a vowel of a loan (-иум): either harmony
		{"консорциум", true, true},
		{"форум", true, true}, // у after a consonant: either
	} {
		if back, front := kkHarmony(c.word); back != c.back || front != c.front {
			t.Errorf("kkHarmony(%q) = back %v, front %v; want %v, %v", c.word, back, front, c.back, c.front)
		}
	}
}
