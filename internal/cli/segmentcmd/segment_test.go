package segmentcmd

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/segment"
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
