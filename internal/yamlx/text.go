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
	CodeNotUTF8  = "yaml.not-utf8"          // Anchor is the byte, as 0xff
	CodeControl  = "yaml.control-character" // Anchor is the character, as U+001B
	CodeNotUTF16 = "yaml.not-utf16"         // Anchor is the code unit, as 0xd800
	CodeUTF16    = "yaml.utf16-without-bom"
	// CodeConflict is a file with the conflict markers of a merge left
	// unfinished (<<<<<<<, =======, >>>>>>>), at the opening one: yaml.v3
	// reports "could not find expected ':'" a line further on, or may even
	// read the markers as text.
	CodeConflict = "yaml.conflict-markers"
	// CodeConflictBase is the line ||||||| of a conflict left in the file
	// with the base's lines below it after the other markers were deleted.
	CodeConflictBase = "yaml.conflict-base"
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
	var line, col int
	var code, what string
	switch {
	case enc == textenc.UTF8:
		text := data[bom:]
		var off int
		if off, code, what = notText(text); off < 0 {
			return nil
		}
		line, col = textenc.Position(text, off)
	case bom == 0:
		// "e\0n\0": yaml.v3 reads UTF-16 only after a byte-order mark, and
		// takes the zero bytes for control characters.
		line, col, code = 1, 1, CodeUTF16
	default:
		if line, col, code, what = notText16(data[bom:], enc == textenc.UTF16BE); code == "" {
			return nil
		}
	}
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
			if refused(rune(c)) {
				return i, CodeControl, fmt.Sprintf("U+%04X", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return i, CodeNotUTF8, fmt.Sprintf("0x%02x", c)
		case refused(r):
			return i, CodeControl, fmt.Sprintf("U+%04X", r)
		}
		i += size
	}
	return -1, "", ""
}

// notText16 is notText for UTF-16 of the given byte order: the line and
// column of the first code unit that is not UTF-16 (a lone surrogate, or
// a last byte without its pair) or of the first character yaml.v3
// refuses; code is "" when there is none.
func notText16(b []byte, bigEndian bool) (line, col int, code, what string) {
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	line, col = 1, 1
	for i := 0; i < len(b); {
		if i+1 == len(b) {
			return line, col, CodeNotUTF16, fmt.Sprintf("0x%02x", b[i])
		}
		r, size := unit(i), 2
		switch {
		case r >= 0xD800 && r < 0xDC00 && i+3 < len(b) && unit(i+2) >= 0xDC00 && unit(i+2) < 0xE000:
			r, size = 0x10000+(r-0xD800)<<10+(unit(i+2)-0xDC00), 4
		case r >= 0xD800 && r < 0xE000:
			return line, col, CodeNotUTF16, fmt.Sprintf("0x%04x", r)
		case refused(r):
			return line, col, CodeControl, fmt.Sprintf("U+%04X", r)
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col, "", ""
}

// refused reports whether yaml.v3's reader refuses the character r, a
// valid code point.
func refused(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r < 0xA0 && r != 0x85 || r == 0xFFFE || r == 0xFFFF
}
