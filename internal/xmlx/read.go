package xmlx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
)

// Limits of what a [Decoder] reads. A file past them is refused with an
// [Error] rather than read until memory or the stack runs out.
const (
	// MaxDepth is the deepest nesting of elements accepted. TMX, TBX and
	// SRX files nest a dozen levels; a million nested <hi> is an attack.
	MaxDepth = 1000
	// MaxSize is the largest file accepted, in bytes.
	MaxSize = 1 << 30
)

// The codes of [Error].
const (
	CodeSyntax   = "malformed-xml" // not well-formed XML
	CodeEncoding = "encoding"      // an encoding that cannot be read
	CodeBadUTF8  = "bad-utf8"      // a byte that is not UTF-8
	CodeNoRoot   = "no-root"       // no element at all
	CodeTooDeep  = "too-deep"      // nesting deeper than MaxDepth
	CodeTooLarge = "too-large"     // a file larger than MaxSize
)

// Error is XML that cannot be read, with where: Line and Column (1-based,
// the column in characters) and Offset, the byte offset into the decoded
// UTF-8 text. Each reader turns it into its own error type, which keeps
// Code.
type Error struct {
	Line, Column int
	Offset       int
	Code         string
	Value        string // the encoding's name, or the offending byte as 0xNN
	Detail       string // what is wrong, in English (the XML parser's words)
	// Msg, when set (see [Error.With]), says what is wrong in the
	// catalogue's words: a reader's own problem (no <body>); Reason
	// gives the message of the others.
	Msg locale.Msg
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Detail) }

// Decoder reads XML token by token over encoding/xml, with what every
// reader of outside files needs and encoding/xml leaves to its caller:
//
//   - the input's encoding: UTF-16 with or without a byte-order mark
//     (package textenc) and any encoding an XML declaration names are
//     turned into UTF-8 first, so every offset is into one UTF-8 text;
//   - strict parsing with nothing fetched: encoding/xml expands only the
//     five predefined entities and character references, never a DTD's,
//     so there are no entity bombs; external DTDs are never read;
//   - limits on depth ([MaxDepth]) and size ([MaxSize]);
//   - located errors: every error is an *[Error] with line:column and
//     byte offset, pointing at the start of the token that failed.
type Decoder struct {
	dec   *xml.Decoder
	text  []byte
	loc   *textenc.Locator
	win   *window // instead of text and loc, for a stream (NewStreamDecoder)
	depth int
	start int // byte offset where the last token starts
}

// declared finds the encoding an XML declaration names.
var declared = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
}}

// NewDecoder returns a Decoder over a file's bytes.
func NewDecoder(data []byte) (*Decoder, error) {
	if len(data) > MaxSize {
		return nil, &Error{Line: 1, Column: 1, Code: CodeTooLarge, Detail: fmt.Sprintf("the file is larger than %d MiB", MaxSize>>20)}
	}
	text, enc, err := textenc.Decode(data)
	if err != nil {
		return nil, &Error{Line: 1, Column: 1, Code: CodeEncoding, Value: string(enc), Detail: err.Error()}
	}
	if m := declared.Get().FindSubmatch(text); m != nil && enc == textenc.UTF8 {
		label := strings.ToLower(string(m[1]))
		if !strings.HasPrefix(label, "utf-8") && !strings.HasPrefix(label, "utf8") && !strings.HasPrefix(label, "utf-16") && !strings.HasPrefix(label, "utf16") {
			e, err := htmlindex.Get(label)
			if err != nil {
				return nil, &Error{Line: 1, Column: 1, Code: CodeEncoding, Value: string(m[1]), Detail: fmt.Sprintf("unsupported encoding %q", string(m[1]))}
			}
			if text, err = e.NewDecoder().Bytes(text); err != nil {
				return nil, &Error{Line: 1, Column: 1, Code: CodeEncoding, Value: string(m[1]), Detail: err.Error()}
			}
		}
	}
	d := &Decoder{text: text, loc: textenc.NewLocator(text)}
	if i := textenc.InvalidUTF8(text); i >= 0 {
		return nil, d.Errorf(i, CodeBadUTF8, fmt.Sprintf("0x%02X", text[i]), "invalid UTF-8 byte 0x%02X", text[i])
	}
	d.dec = xml.NewDecoder(bytes.NewReader(text))
	d.dec.Strict = true
	// The text is UTF-8 by now, whatever the declaration says.
	d.dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d, nil
}

// Bytes returns the decoded text the offsets count in; nil for a stream.
func (d *Decoder) Bytes() []byte { return d.text }

// At returns the line and column of byte offset off, which for a stream
// must not be before the last [Decoder.Release].
func (d *Decoder) At(off int) (line, col int) {
	if d.win != nil {
		return d.win.at(off)
	}
	return d.loc.At(off)
}

// slice returns the decoded text from a to b.
func (d *Decoder) slice(a, b int) []byte {
	if d.win != nil {
		return d.win.slice(a, b)
	}
	return d.text[a:b]
}

// Start returns the byte offset where the last token read starts.
func (d *Decoder) Start() int { return d.start }

// Offset returns the byte offset just after the last token read.
func (d *Decoder) Offset() int { return int(d.dec.InputOffset()) }

// Errorf returns an *Error at byte offset off.
func (d *Decoder) Errorf(off int, code, value, format string, args ...any) *Error {
	line, col := d.At(off)
	return &Error{Line: line, Column: col, Offset: off, Code: code, Value: value, Detail: fmt.Sprintf(format, args...)}
}

// Token returns the next token: io.EOF at the end of the input, an
// *Error for anything wrong. Comments, processing instructions and
// directives are returned too.
func (d *Decoder) Token() (xml.Token, error) {
	d.start = d.Offset()
	tok, err := d.dec.Token()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		var xe *Error
		if errors.As(err, &xe) {
			return nil, xe // the stream's own: an invalid byte, an encoding, the size
		}
		detail := err.Error()
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			detail = se.Msg
			if detail == "unexpected EOF" {
				detail = "unexpected end of file"
			}
		}
		e := d.Errorf(d.start, CodeSyntax, "", "%s", detail)
		// Point at the start of the token that failed (the "</tuv>"
		// that closes an open <seg>), unless the parser found the
		// problem on a later line (an unclosed comment).
		if se != nil && se.Line != e.Line {
			e.Line, e.Column = se.Line, 1
		}
		return nil, e
	}
	switch tok.(type) {
	case xml.StartElement:
		d.depth++
		if d.depth > MaxDepth {
			return nil, d.Errorf(d.start, CodeTooDeep, "", "elements nested deeper than %d levels", MaxDepth)
		}
	case xml.EndElement:
		d.depth--
	}
	return tok, nil
}

// next is Token inside an element: the end of the input is an error.
func (d *Decoder) next() (xml.Token, error) {
	tok, err := d.Token()
	if err == io.EOF {
		return nil, d.Errorf(d.Offset(), CodeSyntax, "", "unexpected end of file")
	}
	return tok, err
}

// Root returns the first element of the document. A document with none
// gives an *Error with CodeNoRoot.
func (d *Decoder) Root() (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return xml.StartElement{}, d.Errorf(0, CodeNoRoot, "", "no root element")
		}
		if err != nil {
			return xml.StartElement{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

// Skip reads up to and including the end of the element just opened.
func (d *Decoder) Skip() error {
	for n := 0; ; {
		tok, err := d.next()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			n++
		case xml.EndElement:
			if n == 0 {
				return nil
			}
			n--
		}
	}
}

// Children calls f for each child element of the element just opened,
// up to its end tag. f must consume the child: read it to its end, or
// Skip it.
func (d *Decoder) Children(f func(xml.StartElement) error) error {
	for {
		tok, err := d.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// Content reads the character data of the element just opened, up to and
// including its end tag. Child elements for which leave returns true are
// left out with everything in them; the text of the others counts (leave
// may be nil). start is the byte offset where the content starts, and
// exact reports that text stands in the file just as it is returned, from
// start on: no markup, entity, CDATA section, comment or carriage return.
func (d *Decoder) Content(leave func(xml.Name) bool) (text string, start int, exact bool, err error) {
	start = d.Offset()
	var b strings.Builder
	depth := 0
	exact = true
	for {
		tok, err := d.next()
		if err != nil {
			return "", start, false, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			exact = false
			if leave != nil && leave(t.Name) {
				if err := d.Skip(); err != nil {
					return "", start, false, err
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth > 0 {
				depth--
				continue
			}
			s := b.String()
			return s, start, exact && string(d.slice(start, d.start)) == s, nil
		default:
			exact = false // a comment or processing instruction
		}
	}
}

// XMLNamespace is the namespace encoding/xml gives the xml: prefix.
const XMLNamespace = "http://www.w3.org/XML/1998/namespace"

// AttrValue returns the value of the attribute local of se in no namespace or
// the xml: namespace (xml:lang and TMX 1.1's lang are both "lang"), and
// whether it is there.
func AttrValue(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == XMLNamespace) {
			return a.Value, true
		}
	}
	return "", false
}
