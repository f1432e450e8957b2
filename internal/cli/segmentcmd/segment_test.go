package segmentcmd

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/textenc"
)

// TestAppendJSONString checks the hand-written JSON string encoder of
// --format jsonl against encoding/json (HTML escaping off) on every
// character class it treats apart and on random byte strings, invalid
// UTF-8 included.
func TestAppendJSONString(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != want.String() {
			t.Fatalf("appendJSONString(%q) = %s, encoding/json gives %s", s, got, want.String())
		}
	}
	for _, s := range []string{"", "plain", `q"b\s`, "\b\f\n\r\t\x00\x01\x1f\x7f", "<&>", "a\u2028b\u2029c", "\xff\xfe", "\xe2\x80", "Қазақ тілі ё", "\U0001F600"} {
		check(s)
	}
	pieces := []string{"a", "\"", "\\", "\n", "\x00", "\x1f", "\x7f", "\xc3", "\xa9", "é", "\u2028", "ә", "\U0001F600", "\xed\xa0\x80", "<", " "}
	rnd := rand.New(rand.NewSource(1))
	for range 2000 {
		var b []byte
		for range rnd.Intn(12) {
			if rnd.Intn(4) == 0 {
				b = append(b, byte(rnd.Intn(256)))
			} else {
				b = append(b, pieces[rnd.Intn(len(pieces))]...)
			}
		}
		check(string(b))
	}
}

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
