package glossary

import (
	"fmt"
	"strings"
	"testing"
)

// hiddenRunes are the invisible characters that hid forbidden spellings
// from the check.
var hiddenRunes = []struct {
	r    rune
	name string
}{
	{0x200B, "ZWSP"}, {0x200C, "ZWNJ"}, {0x200D, "ZWJ"}, {0x2060, "WJ"}, {0xFEFF, "ZWNBSP"}, {0x00AD, "SHY"},
}

// TestHiddenCharacters plants each hidden character at the start, in the
// middle and at the end of a forbidden Latin name (en Tokaev), a forbidden
// Cyrillic one (ru Тоқаев) and a look-alike (ru Tокаев, Latin T). Each is
// still reported as forbidden or look-alike, at the byte span of the word
// as written, and the hidden character is a finding of its own. Before,
// a character inside the word split it in two and nothing was found.
func TestHiddenCharacters(t *testing.T) {
	m := fixture(t)
	words := []struct {
		lang, word, before, after, kind, id string
		split                               int // byte offset of "the middle"
	}{
		{"en", "Tokaev", "The decree of ", " was signed.", FindingForbidden, "tokayev", 3},
		{"ru", "Тоқаев", "Указ подписал ", " вчера.", FindingForbidden, "tokayev", 4},
		{"ru", "Tокаев", "Указ подписал ", " вчера.", FindingHomoglyph, "tokayev", 3},
	}
	for _, w := range words {
		for _, h := range hiddenRunes {
			hs := string(h.r)
			for _, at := range []string{"start", "middle", "end"} {
				var planted string
				switch at {
				case "start":
					planted = hs + w.word
				case "middle":
					planted = w.word[:w.split] + hs + w.word[w.split:]
				case "end":
					planted = w.word + hs
				}
				text := w.before + planted + w.after
				name := fmt.Sprintf("%s %s %s %s", w.lang, w.word, h.name, at)
				texts := map[string]string{"en": "", w.lang: text}
				if w.lang != "en" {
					texts["en"] = "The Tokayev decree."
				}
				fs := m.CheckGroup("en", texts)
				var main, hidden *Finding
				for i := range fs {
					if fs[i].Lang != w.lang {
						continue
					}
					switch fs[i].Kind {
					case w.kind:
						main = &fs[i]
					case FindingHidden:
						hidden = &fs[i]
					}
				}
				if main == nil {
					t.Errorf("%s: no %s finding in %s", name, w.kind, describeFindings(fs))
					continue
				}
				// The word as the matcher sees it: hidden characters
				// inside it belong to it, those at its edges do not.
				span := w.word
				if at == "middle" {
					span = planted
				}
				start := strings.Index(text, span)
				if main.Start != start || main.End != start+len(span) || main.Text != span {
					t.Errorf("%s: %s at %d-%d %q, want %d-%d %q", name, w.kind, main.Start, main.End, main.Text, start, start+len(span), span)
				}
				if hidden == nil {
					t.Errorf("%s: no hidden-character finding in %s", name, describeFindings(fs))
					continue
				}
				hStart := strings.Index(text, planted)
				want := fmt.Sprintf("U+%04X", h.r)
				if hidden.Start != hStart || hidden.End != hStart+len(planted) || hidden.Text != planted ||
					hidden.Expected != w.word || hidden.Hidden != want || hidden.EntryID != w.id {
					t.Errorf("%s: hidden finding %+v, want %q at %d (%s) of %s", name, *hidden, planted, hStart, want, w.id)
				}
			}
		}
	}
}

// TestHiddenCharactersElsewhere: what is not a word with a hidden
// character is not reported, and matching is unchanged.
func TestHiddenCharactersElsewhere(t *testing.T) {
	m := fixture(t)
	tests := []struct {
		name, text string
		hidden     int
	}{
		{"byte order mark that starts the text", "\ufeffThe Tokayev decree.", 0},
		{"between spaces", "The \u200b Tokayev decree.", 0},
		{"alone", "\u200b", 0},
		{"two in one word", "To\u200bkay\u00adev", 1},
		{"one per word", "To\u200bkayev and Al\u200bmaty", 2},
		{"byte order mark inside the text", "The \ufeffTokayev decree.", 1},
	}
	for _, tt := range tests {
		n := 0
		for _, f := range m.CheckGroup("en", map[string]string{"en": tt.text}) {
			if f.Kind == FindingHidden {
				n++
				if f.Segment[f.Start:f.End] != f.Text || strings.ContainsFunc(f.Expected, isHidden) {
					t.Errorf("%s: bad finding %+v", tt.name, f)
				}
			}
		}
		if n != tt.hidden {
			t.Errorf("%s: %d hidden-character findings, want %d", tt.name, n, tt.hidden)
		}
	}
	if got := describe(m.Find("en", "To\u200bkay\u00adev and Al\u2060maty")); got != "tokayev=To\u200bkay\u00adev; almaty=Al\u2060maty" {
		t.Errorf("Find through hidden characters = %q", got)
	}
}

// TestHiddenCharactersInForms: a glossary form written with a hidden
// character inside a word (a soft hyphen pasted from a typeset page) keys
// as the word without it, as the text it is matched against does. The
// soft hyphen, the one hidden character below U+0500, once had a fast
// fold of its own and stayed in the form's key, so the form never matched.
func TestHiddenCharactersInForms(t *testing.T) {
	for _, tt := range []struct{ lang, form, plain string }{
		{"kk", "Тоқа\u00adев", "Тоқаев"},
		{"ru", "Тока\u00adев", "Токаев"},
		{"en", "Toka\u00adyev", "Tokayev"},
		{"kk", "Тоқаев\u00adЁ", "ТоқаевЁ"},
		{"en", "To\u200bkayev", "Tokayev"},
	} {
		if got, want := keyOf(tt.lang, tt.form), keyOf(tt.lang, tt.plain); got != want {
			t.Errorf("keyOf(%s, %q) = %q, want %q (the key of %q)", tt.lang, tt.form, got, want, tt.plain)
		}
	}
}
