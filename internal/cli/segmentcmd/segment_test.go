package segmentcmd

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/textenc"
)

// TestWriteJSONL checks a whole --format jsonl line against the struct
// encoding/json wrote before.
func TestWriteJSONL(t *testing.T) {
	segs := []segment.Segment{{Start: 0, End: 5, Text: "Hello"}, {Start: 7, End: 12, Text: "W\"o\nr"}}
	var got bytes.Buffer
	all := func(yield func(segment.Segment)) {
		for _, s := range segs {
			yield(s)
		}
	}
	if err := write(&got, "jsonl", all); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for i, s := range segs {
		enc.Encode(struct {
			I     int    `json:"i"`
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
		}{i, s.Start, s.End, s.Text})
	}
	if got.String() != want.String() || !utf8.Valid(got.Bytes()) {
		t.Errorf("write = %q, want %q", got.String(), want.String())
	}
}

// TestPlainUTF8 checks the streaming check of segment's input against
// document.Check on the whole of it, with runes cut at the edge of its
// 256 KB reads and bad bytes far into the file.
func TestPlainUTF8(t *testing.T) {
	long := strings.Repeat("Ёж 😀 … x. ", 30000) // 450 KB: runes of 1-4 bytes across every read edge
	cases := map[string]string{
		"empty":      "",
		"ascii":      "One. Two.\n",
		"long":       long,
		"long+1":     "x" + long,
		"long+2":     "xy" + long,
		"bom":        "\xef\xbb\xbf" + long,
		"bad late":   long + "\xff",
		"cut late":   long + "\xf0\x9f\x98",
		"bad middle": long[:300000] + "\x80" + long[300000:],
		"utf-16":     "\xff\xfeH\x00i\x00",
		"utf-16 bom": "\xfe\xff\x00H\x00i",
		"utf-16 raw": "H\x00i\x00.\x00",
		"surrogate":  "a\xed\xa0\x80b",
	}
	for name, text := range cases {
		got, err := plainUTF8(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		// Plain means: Check accepts it and it is UTF-8 as it stands.
		enc, _ := textenc.Sniff([]byte(text))
		want := document.Check("f", []byte(text)) == nil && enc == textenc.UTF8
		if got != want {
			t.Errorf("%s: plainUTF8 %v, want %v", name, got, want)
		}
	}
}
