package document

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// EncodingError is returned by Normalize for input that is not UTF-8.
type EncodingError struct {
	File         string
	Offset       int // byte offset of the first invalid byte
	Line, Column int // 1-based; Column counts characters
	Byte         byte
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("%s:%d:%d: invalid UTF-8 byte 0x%02x at byte offset %d", e.File, e.Line, e.Column, e.Byte, e.Offset)
}

// MessageID names the localized message for e.
func (e *EncodingError) MessageID() string { return "document.bad-utf8" }

// TemplateData gives the values of the localized message.
func (e *EncodingError) TemplateData() map[string]any {
	return map[string]any{"File": e.File, "Offset": e.Offset, "Line": e.Line, "Column": e.Column, "Byte": fmt.Sprintf("0x%02x", e.Byte)}
}

// Hint suggests a fix.
func (e *EncodingError) Hint() string { return "document.bad-utf8.hint" }

var bom = []byte{0xEF, 0xBB, 0xBF}

// Normalize turns an imported file into the stored form: UTF-8 without a
// byte-order mark, CR LF and lone CR turned into LF, and NFC, so that the
// same letter is always the same bytes (й and ё decompose under NFD, and a
// term check must not depend on which editor typed them). Trailing blank
// lines collapse to one final newline. Paragraph breaks and Markdown
// headings are kept as they are. Invalid UTF-8 is refused with the offset
// of the first bad byte in the input as given; name is used in the error.
func Normalize(name string, in []byte) ([]byte, error) {
	if i := invalidUTF8(in); i >= 0 {
		line, col := 1, 1
		for _, r := range string(in[:i]) {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return nil, &EncodingError{File: name, Offset: i, Line: line, Column: col, Byte: in[i]}
	}
	in = bytes.TrimPrefix(in, bom)
	in = bytes.ReplaceAll(in, []byte("\r\n"), []byte("\n"))
	in = bytes.ReplaceAll(in, []byte("\r"), []byte("\n"))
	out := norm.NFC.Bytes(in)
	out = bytes.TrimRight(out, "\n")
	if len(out) > 0 {
		out = append(out, '\n')
	}
	return out, nil
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Title returns the text of the first Markdown heading, or the first
// non-empty line, as a default title.
func Title(text []byte) string {
	for _, line := range bytes.Split(text, []byte("\n")) {
		l := bytes.TrimSpace(line)
		if len(l) == 0 {
			continue
		}
		return string(bytes.TrimSpace(bytes.TrimLeft(l, "#")))
	}
	return ""
}
