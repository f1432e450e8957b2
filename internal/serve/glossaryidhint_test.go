package serve_test

import (
	"strings"
	"testing"
)

// TestGlossaryAddIDHint: the add form says what an id looks like, in the
// words of glossary add --help (--id), in each UI language, beside the
// field and as its description for a screen reader.
func TestGlossaryAddIDHint(t *testing.T) {
	a, ws := qaWorkspace(t)
	ministerGlossary(t, ws)
	c := fixtureOn(t, a, ws).client()
	for _, tc := range []struct{ lang, hint string }{
		{"en", "id of the entry: lower-case Latin letters and digits joined by - _ or ., such as aktobe"},
		{"ru", "id записи: строчные латинские буквы и цифры, соединённые знаками - _ или ., например aktobe"},
		{"kk", "жазбаның идентификаторы: - _ немесе . белгілерімен жалғанған кіші латын әріптері мен цифрлар, мысалы aktobe"},
	} {
		c.get("/?lang=" + tc.lang)
		_, page := c.get("/glossary")
		if !strings.Contains(page, `aria-describedby="gl-id-hint"`) || !strings.Contains(page, `<small class="hint" id="gl-id-hint">`+tc.hint+`</small>`) {
			t.Errorf("%s: the add form has no hint of what an id looks like (%q)", tc.lang, tc.hint)
		}
	}
}
