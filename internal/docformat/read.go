package docformat

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
)

// Read converts data, in format html or docx, into a Doc. Text and
// Markdown need the stored-text normalization first (package document),
// then [ReadMarkdown]; Read refuses them. name is the input's name for
// errors.
func Read(format Format, name string, data []byte) (*Doc, error) {
	switch format {
	case HTML:
		return ReadHTML(name, data)
	case DOCX:
		return ReadDOCX(name, data)
	}
	return nil, BadFormat(string(format))
}

// BadFormat is the error for a --format value that names no import
// format.
func BadFormat(f string) error {
	return locale.NewError("formats.bad-format", map[string]any{"Format": f, "Formats": "txt, md, html, docx"}).
		WithHint("formats.bad-format.hint").OfKind(locale.Usage)
}

// NotText is the error for a binary file read as text or Markdown: kind
// is what [Binary] found.
func NotText(name, kind string) error {
	return locale.NewError("formats.binary", map[string]any{"Kind": kind}).
		WithHint("formats.binary.hint").At(locale.Pos{File: name})
}

// Controls refuses text holding a control character other than tab, line
// feed and carriage return (a NUL from a broken save, a vertical tab a
// program pasted in): no article holds one, and it would be stored,
// aligned and exported as it is, or as U+FFFD. data is the file as given,
// in any encoding package textenc reads (a byte-order mark, UTF-16); a
// file it cannot decode is left to the reader's own error. The error names
// the character, its line and column, and its byte offset in the file.
func Controls(name string, data []byte) error {
	text, enc, err := textenc.Decode(data)
	if err != nil {
		return nil
	}
	i := controlAt(text)
	if i < 0 {
		return nil
	}
	line, col := textenc.Position(text, i)
	_, bom := textenc.Sniff(data)
	off := bom + i
	if enc == textenc.UTF16LE || enc == textenc.UTF16BE {
		// Two bytes a UTF-16 unit, four for a character beyond U+FFFF.
		off = bom
		for _, r := range string(text[:i]) {
			off += 2
			if r > 0xFFFF {
				off += 2
			}
		}
	}
	return controlError(locale.Pos{File: name, Line: line, Column: col, Offset: off}, text[i])
}

// controlAt returns the index of the first control character of text other
// than tab, LF and CR, or -1.
func controlAt(text []byte) int {
	for i, c := range text {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return i
		}
	}
	return -1
}

func controlError(at locale.Pos, c byte) error {
	return locale.NewError("formats.control", map[string]any{"Char": fmt.Sprintf("U+%04X", c)}).
		WithHint("formats.control.hint").At(at)
}

// CheckReferences refuses d, read from data, when its text holds a control
// character (other than tab, LF and CR) that a character reference of the
// source wrote (&#1; in HTML or Markdown): the file's bytes hold none
// ([Controls]), but the reader decoded one. The error names the first such
// reference, at its line and column; a reference Markdown left as text (in
// code) is not a character of the text, so nothing is refused unless the
// text does hold one.
func CheckReferences(name string, data []byte, d *Doc) error {
	if d == nil || controlAt([]byte(d.Text)) < 0 {
		return nil
	}
	text, _, err := textenc.Decode(data)
	if err != nil {
		text = data
	}
	for _, m := range charRef.Get().FindAllSubmatchIndex(text, -1) {
		digits := string(text[m[2]:m[3]])
		base := 10
		if digits[0] == 'x' || digits[0] == 'X' {
			digits, base = digits[1:], 16
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil || v >= 0x20 || v == '\t' || v == '\n' || v == '\r' {
			continue
		}
		line, col := textenc.Position(text, m[0])
		return controlError(locale.Pos{File: name, Line: line, Column: col, Offset: m[0]}, byte(v))
	}
	c := d.Text[controlAt([]byte(d.Text))]
	return controlError(locale.Pos{File: name}, c)
}

// charRef is a numeric character reference: &#1; &#x0B;.
var charRef = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`&#([0-9]{1,8}|[xX][0-9a-fA-F]{1,6});?`)
}}
