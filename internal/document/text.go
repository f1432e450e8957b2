package document

import (
	"bytes"
	"fmt"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/textenc"
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

// Normalize turns an imported file into the stored form: UTF-8 without a
// byte-order mark (UTF-16, with a mark or recognised without one, is
// converted: package textenc), CR LF and lone CR turned into LF, and NFC,
// so that the same letter is always the same bytes (й and ё decompose
// under NFD, and a term check must not depend on which editor typed them).
// NUL becomes U+FFFD. Trailing blank lines collapse to one final newline. Paragraph breaks and
// Markdown headings are kept as they are. Invalid UTF-8 is refused with
// the offset of the first bad byte in the input as given; name is used in
// the error.
func Normalize(name string, in []byte) ([]byte, error) {
	text, _, err := textenc.Decode(in)
	if err != nil {
		return nil, &EncodingError{File: name, Line: 1, Column: 1, Byte: in[0]}
	}
	if i := textenc.InvalidUTF8(text); i >= 0 {
		line, col := textenc.Position(text, i)
		// UTF-8 is not converted: the text is the input without its
		// byte-order mark.
		return nil, &EncodingError{File: name, Offset: i + len(in) - len(text), Line: line, Column: col, Byte: text[i]}
	}
	// NUL is no character of a text; it becomes U+FFFD, as in every
	// export. It is also what would make a stored text look like UTF-16
	// without a byte-order mark when it is read again.
	in = bytes.ReplaceAll(text, []byte{0}, []byte("\uFFFD"))
	for bytes.HasPrefix(in, []byte("\uFEFF")) { // a second mark, after the one Decode took off
		in = in[3:]
	}
	in = bytes.ReplaceAll(in, []byte("\r\n"), []byte("\n"))
	in = bytes.ReplaceAll(in, []byte("\r"), []byte("\n"))
	out := norm.NFC.Bytes(in)
	out = bytes.TrimRight(out, "\n")
	if len(out) > 0 {
		out = append(out, '\n')
	}
	return out, nil
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
