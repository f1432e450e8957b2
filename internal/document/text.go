package document

import (
	"bytes"
	"strings"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
)

// Normalize turns an imported file into the stored form: UTF-8 without a
// byte-order mark (UTF-16, with a mark or recognised without one, is
// converted: package textenc), CR LF and lone CR turned into LF, and NFC,
// so that the same letter is always the same bytes (й and ё decompose
// under NFD, and a term check must not depend on which editor typed them).
// NUL becomes U+FFFD. Trailing blank lines collapse to one final newline. Paragraph breaks and
// Markdown headings are kept as they are. Invalid UTF-8 is refused with
// the offset of the first bad byte in the input as given; name is used in
// the error. The result may share memory with in: a text that is already in
// the stored form is not copied.
func Normalize(name string, in []byte) ([]byte, error) {
	out, add, err := normalized(name, in)
	if err != nil {
		return nil, err
	}
	if add {
		out = append(out[:len(out):len(out)], '\n') // never into the caller's array
	}
	return out, nil
}

// NormalizeString is [Normalize] for a caller that wants the text as a
// string: it is copied once, where string(Normalize(…)) copied a text that
// lacks its final newline twice (align-files reads two files of a few MB).
func NormalizeString(name string, in []byte) (string, error) {
	out, add, err := normalized(name, in)
	if err != nil || !add {
		return string(out), err
	}
	var b strings.Builder
	b.Grow(len(out) + 1)
	b.Write(out)
	b.WriteByte('\n')
	return b.String(), nil
}

// NormalizeOwned is [NormalizeString] for a caller that hands in over: the
// string may share in's memory (no copy of a text already in the stored
// form, and the final newline written into in's spare capacity), so in must
// never change afterwards, nor be appended to. align-files reads two files
// of a few MB and keeps their text for as long as it runs: the copy was
// one more fresh text of that size, each of its pages a page fault.
func NormalizeOwned(name string, in []byte) (string, error) {
	out, add, err := normalized(name, in)
	if err != nil {
		return "", err
	}
	if add {
		out = append(out, '\n') // into in's capacity when it has room: in is ours
	}
	return unsafe.String(unsafe.SliceData(out), len(out)), nil
}

// normalized is the text [Normalize] returns, but for the final newline
// when add is true (the text does not end with its own).
func normalized(name string, in []byte) (out []byte, add bool, err error) {
	text, err := decode(name, in)
	if err != nil {
		return nil, false, err
	}
	// NUL is no character of a text; it becomes U+FFFD, as in every
	// export. It is also what would make a stored text look like UTF-16
	// without a byte-order mark when it is read again. Each rewrite copies
	// the text, so it runs only when there is something to rewrite.
	in = text
	if bytes.IndexByte(in, 0) >= 0 {
		in = bytes.ReplaceAll(in, []byte{0}, []byte("\uFFFD"))
	}
	for bytes.HasPrefix(in, []byte("\uFEFF")) { // a second mark, after the one Decode took off
		in = in[3:]
	}
	if bytes.IndexByte(in, '\r') >= 0 {
		in = bytes.ReplaceAll(in, []byte("\r\n"), []byte("\n"))
		in = bytes.ReplaceAll(in, []byte("\r"), []byte("\n"))
	}
	out = in
	if !textenc.IsNFC(in) {
		out = norm.NFC.Bytes(in)
	}
	out = bytes.TrimRight(out, "\n")
	if len(out) > 0 {
		if len(out) < len(in) && in[len(out)] == '\n' && &out[0] == &in[0] {
			return in[:len(out)+1], false, nil // the input's own final newline
		}
		return out, true, nil
	}
	return out, false, nil
}

// Check refuses a file that [Normalize] would refuse, with the same error,
// without building the normalised text: for commands that work on the
// input as given (segment reports offsets into it).
func Check(name string, in []byte) error {
	_, err := decode(name, in)
	return err
}

// decode is the refusing part of Normalize: in as UTF-8 without its
// byte-order mark (converted from UTF-16), or the error for it. Valid UTF-8
// is not copied.
func decode(name string, in []byte) ([]byte, error) {
	text, _, err := textenc.Decode(in)
	if err != nil {
		return nil, badUTF8(locale.Pos{File: name, Line: 1, Column: 1}, in[0])
	}
	if i := textenc.InvalidUTF8(text); i >= 0 {
		line, col := textenc.Position(text, i)
		// UTF-8 is not converted: the text is the input without its
		// byte-order mark.
		return nil, badUTF8(locale.Pos{File: name, Line: line, Column: col, Offset: i + len(in) - len(text)}, text[i])
	}
	return text, nil
}

// Title returns the text of the first Markdown heading, or the first
// non-empty line, as a default title.
func Title[T string | []byte](text T) string {
	for len(text) > 0 {
		line := text
		rest := text[len(text):]
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				line, rest = text[:i], text[i+1:]
				break
			}
		}
		text = rest
		l := strings.TrimSpace(string(line))
		if l == "" {
			continue
		}
		return strings.TrimSpace(strings.TrimLeft(l, "#"))
	}
	return ""
}
