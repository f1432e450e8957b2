package xmlx_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// TestReason: the common well-formedness errors, as encoding/xml words
// them, each get the catalogue message that says them (and what to write
// instead) in the reader's language; only words no message knows are kept
// as the parser's. Read through a Decoder, so that a change of
// encoding/xml's wording shows here.
func TestReason(t *testing.T) {
	tests := []struct {
		name, in, id string
		data         map[string]any
	}{
		{"cut short", "<tmx><body><tu>", "formats.xml.eof", nil},
		{"closed by", "<tmx><seg>a</sg></tmx>", "formats.xml.closed-by", map[string]any{"Open": "<seg>", "Close": "</sg>"}},
		{"end of nothing", "<tmx></tmx></seg>", "formats.xml.unexpected-end", map[string]any{"Tag": "</seg>"}},
		{"html entity", "<seg>a&nbsp;b</seg>", "formats.xml.entity", map[string]any{"Entity": "&nbsp;"}},
		{"lone ampersand", "<seg>AT&T and</seg>", "formats.xml.ampersand", map[string]any{"Entity": "&T"}},
		{"lone <", "<seg>a < b</seg>", "formats.xml.lone-lt", nil},
		{"attribute", "<tuv xml:lang=en>", "formats.xml.attribute", nil},
		{"attribute without =", "<tuv lang>", "formats.xml.attribute", nil},
		{"< in a value", `<tuv a="<"/>`, "formats.xml.lt-in-value", nil},
		{"control character", "<seg>a\x01b</seg>", "formats.xml.char", map[string]any{"Char": "U+0001"}},
		{"]]>", "<seg>a]]>b</seg>", "formats.xml.cdata-end", nil},
		{"unclosed comment", "<a><!-- a", "formats.xml.eof", nil},
		{"too deep", strings.Repeat("<a>", xmlx.MaxDepth+1), "formats.xml.too-deep", map[string]any{"Limit": xmlx.MaxDepth}},
		{"bad byte", "<a>\xff</a>", "formats.xml.bad-byte", map[string]any{"Byte": "0xFF"}},
		{"comment --", "<a><!-- a -- b --></a>", "formats.xml.parser", map[string]any{"Detail": `invalid sequence "--" not allowed in comments`}},
	}
	en, _ := locale.New("en")
	ru, _ := locale.New("ru")
	kk, _ := locale.New("kk")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := readAll(tt.in)
			var xe *xmlx.Error
			if !errors.As(err, &xe) {
				t.Fatalf("%q: %v, want an *xmlx.Error", tt.in, err)
			}
			m := xe.Reason()
			if m.ID != tt.id {
				t.Fatalf("%q: %s (%v) for %q, want %s", tt.in, m.ID, m.Data, xe.Detail, tt.id)
			}
			for k, v := range tt.data {
				if m.Data[k] != v {
					t.Errorf("%q: %s = %v, want %v", tt.in, k, m.Data[k], v)
				}
			}
			// Every language has its own words for it.
			e, r, k := en.Render(m), ru.Render(m), kk.Render(m)
			if e == m.ID || r == e || k == e || r == k || strings.Contains(r+k, "<no value>") {
				t.Errorf("%q: en %q, ru %q, kk %q", tt.in, e, r, k)
			}
		})
	}
}

func readAll(in string) error {
	d, err := xmlx.NewDecoder([]byte(in))
	if err != nil {
		return err
	}
	for {
		if _, err := d.Token(); err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
	}
}
