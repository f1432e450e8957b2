package glossary

import (
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestEveryScriptEnds runs the matcher, the check of a group and the
// look-alike check over texts holding each character from U+0080 to
// U+2FFF (every fifth above U+07FF): each ends.
func TestEveryScriptEnds(t *testing.T) {
	m := fixture(t)
	testenv.EveryScript(t, func(r rune) {
		ch := string(r)
		ws := testenv.ScriptWords(ch)
		for _, lang := range []string{"kk", "ru", "en"} {
			for _, text := range ws {
				m.Find(lang, text)
				m.FindTerms(lang, text)
				Homoglyphs(lang, text)
			}
		}
		m.CheckGroup("en", map[string]string{"kk": ws[0], "ru": ws[1], "en": ws[2]})
		m.CheckGroup("ru", map[string]string{"kk": ws[0], "ru": ws[1], "en": ws[2]})
	})
}
