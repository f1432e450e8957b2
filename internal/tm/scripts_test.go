package tm

import (
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestEveryScriptEnds scores, tokenises and keys texts holding each
// character from U+0080 to U+2FFF (every fifth above U+07FF): each ends.
func TestEveryScriptEnds(t *testing.T) {
	testenv.EveryScript(t, func(r rune) {
		ch := string(r)
		ws := testenv.ScriptWords(ch)
		for i, text := range ws {
			Score(text, ws[(i+1)%len(ws)])
			Score(text, text+ch)
			Words(text)
			EachWord(text, func([]byte) {})
			EachWordJoined(text, func([]byte, bool) {})
			other := ws[(i+1)%len(ws)]
			numberChanges(Tokens(text), text, Tokens(other), other)
		}
	})
}
