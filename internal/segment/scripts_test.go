package segment

import (
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestEveryScriptEnds segments, in every language, texts holding each
// character from U+0080 to U+2FFF (every fifth above
// U+07FF, see testenv.EveryScript): each segmentation ends and tiles the text.
func TestEveryScriptEnds(t *testing.T) {
	var segs []*Segmenter
	for _, lang := range Languages() {
		s, err := ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, s)
	}
	testenv.EveryScript(t, func(r rune) {
		ch := string(r)
		for _, text := range testenv.ScriptWords(ch) {
			for _, s := range segs {
				checkTiling(t, text, s.Segment(text))
			}
		}
	})
}
