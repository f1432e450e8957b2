package wordcount

import (
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestEveryScriptEnds counts words of texts holding each character from
// U+0080 to U+07FF and every fifth to U+2FFF, in every language: each
// count ends.
func TestEveryScriptEnds(t *testing.T) {
	testenv.EveryScript(t, func(r rune) {
		ch := string(r)
		for _, text := range testenv.ScriptWords(ch) {
			for _, lang := range []string{"kk", "ru", "en", "zh", "ja"} {
				Count(lang, text)
			}
		}
	})
}
