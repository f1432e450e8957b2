package yamlx

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/textenc"
)

// Codes of the [LimitError]s for a file yaml.v3's reader refuses before
// any syntax: its messages ("invalid leading UTF-8 octet", "control
// characters are not allowed") carry no position at all, so a bad byte at
// line 900 of an alignment was reported at 1:1.
const (
	CodeNotUTF8 = "yaml.not-utf8"          // Anchor is the byte, as 0xff
	CodeControl = "yaml.control-character" // Anchor is the character, as U+001B
	CodeUTF16   = "yaml.utf16-without-bom"
)

// readerProblems are the messages of yaml.v3's reader (readerc.go): the
// only errors that concern the bytes of the file rather than its syntax.
var readerProblems = []string{
	"invalid leading UTF-8 octet",
	"incomplete UTF-8 octet sequence",
	"invalid trailing UTF-8 octet",
	"invalid length of a UTF-8 sequence",
	"invalid Unicode character",
	"control characters are not allowed",
	"incomplete UTF-16 character",
	"unexpected low surrogate area",
	"incomplete UTF-16 surrogate pair",
	"expected low surrogate area",
}

// ReaderError returns, for err of yaml.v3 reading data, the located
// *[LimitError] of the byte or character its reader refused, or nil when
// err is not such an error (a syntax error, which yaml.v3 locates itself)
// or the character cannot be found. [Parse] and [Decode] do this already;
// readers that run yaml.v3 themselves call it.
func ReaderError(file string, data []byte, err error) error {
	if err == nil {
		return nil
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	reader := false
	for _, p := range readerProblems {
		reader = reader || msg == p
	}
	if !reader {
		return nil
	}
	enc, bom := textenc.Sniff(data)
	text := data[bom:]
	switch {
	case enc != textenc.UTF8 && bom == 0:
		// "e\0n\0": yaml.v3 reads UTF-16 only after a byte-order mark, and
		// takes the zero bytes for control characters.
		return &LimitError{File: file, Line: 1, Column: 1, Code: CodeUTF16}
	case enc != textenc.UTF8:
		var derr error
		if text, _, derr = textenc.Decode(data); derr != nil {
			return nil
		}
	}
	off, code, what := notText(text)
	if off < 0 {
		return nil
	}
	line, col := textenc.Position(text, off)
	return &LimitError{File: file, Line: line, Column: col, Code: code, Anchor: what}
}

// notText finds the first byte of text that is not UTF-8, or the first
// character yaml.v3's reader refuses (YAML 1.2's printable set: tab, line
// feed, carriage return, NEL, and everything from space up but DEL, the C1
// controls, U+FFFE and U+FFFF), and returns its offset, code and how to
// show it; -1 when there is none.
func notText(text []byte) (int, string, string) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return i, CodeControl, fmt.Sprintf("U+%04X", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return i, CodeNotUTF8, fmt.Sprintf("0x%02x", c)
		case r < 0xA0 && r != 0x85, r == 0xFFFE, r == 0xFFFF:
			return i, CodeControl, fmt.Sprintf("U+%04X", r)
		}
		i += size
	}
	return -1, "", ""
}
