package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// ParseError is a TMX file that cannot be read, with the position of the
// problem.
type ParseError struct {
	File         string
	Line, Column int
	Reason       string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Reason)
}

// MessageID names the localized message for e.
func (e *ParseError) MessageID() string { return "tmx.bad-file" }

// TemplateData gives the values of the localized message.
func (e *ParseError) TemplateData() map[string]any {
	return map[string]any{"File": e.File, "Line": e.Line, "Column": e.Column, "Reason": e.Reason}
}

// Hint suggests a fix.
func (e *ParseError) Hint() string { return "tmx.bad-file.hint" }

// xmlNS is the namespace encoding/xml gives the xml: prefix.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// Read parses a TMX document (versions 1.1 to 1.4). name is used in
// errors. The input may be UTF-8, UTF-16 with or without a byte-order mark
// (Trados writes UTF-16), or any encoding its XML declaration names.
// External entities and DTDs are never fetched.
func Read(r io.Reader, name string) (*TMX, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data, err = fromUTF16(data)
	if err != nil {
		return nil, &ParseError{File: name, Line: 1, Column: 1, Reason: err.Error()}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = charsetReader
	p := &parser{dec: dec, name: name}
	m, err := p.document()
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, pe
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			msg := se.Msg
			if msg == "unexpected EOF" {
				msg = "unexpected end of file"
			}
			e := p.fail("%s", msg)
			e.Line = se.Line
			return nil, e
		}
		return nil, p.fail("%v", err)
	}
	return m, nil
}

// fromUTF16 converts UTF-16 input to UTF-8 before the XML decoder sees it:
// encoding/xml reads bytes as UTF-8 up to the declaration, so it cannot
// itself switch to a two-byte encoding.
//
// Without a byte-order mark, UTF-16 is recognised by its first two
// characters being ASCII (every XML document starts with "<" or white
// space: "<?xml", "<tmx", "<!--", "\n<tmx"), one zero byte each, as in
// appendix F of the XML specification. UTF-8 XML cannot hold a zero byte,
// so the test never takes UTF-8 for UTF-16.
func fromUTF16(data []byte) ([]byte, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), asciiPair(data, 1):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), asciiPair(data, 0):
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	default:
		return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("bad UTF-16: %v", err)
	}
	return out, nil
}

// asciiPair reports whether data starts with two ASCII characters in
// UTF-16. zero is where the zero high byte sits in each two-byte unit: 0
// for big endian, 1 for little endian.
func asciiPair(data []byte, zero int) bool {
	if len(data) < 4 {
		return false
	}
	for i := 0; i < 4; i += 2 {
		hi, lo := data[i+zero], data[i+1-zero]
		if hi != 0 || lo == 0 || lo >= 0x80 {
			return false
		}
	}
	return true
}

// charsetReader decodes the encodings an XML declaration may name. UTF-16
// has already been converted by fromUTF16.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "utf16":
		return in, nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return enc.NewDecoder().Reader(in), nil
}

type parser struct {
	dec  *xml.Decoder
	name string
}

func (p *parser) fail(format string, args ...any) *ParseError {
	line, col := p.dec.InputPos()
	return &ParseError{File: p.name, Line: line, Column: col, Reason: fmt.Sprintf(format, args...)}
}

// token returns the next token, turning the end of input into an error:
// every caller is inside an element that must still be closed.
func (p *parser) token() (xml.Token, error) {
	t, err := p.dec.Token()
	if err == io.EOF {
		return nil, p.fail("unexpected end of file")
	}
	return t, err
}

func (p *parser) document() (*TMX, error) {
	for {
		t, err := p.dec.Token()
		if err == io.EOF {
			return nil, p.fail("no <tmx> element: this is not a TMX file")
		}
		if err != nil {
			return nil, err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "tmx" {
			return nil, p.fail("the root element is <%s>, not <tmx>: this is not a TMX file", se.Name.Local)
		}
		return p.tmx()
	}
}

func (p *parser) tmx() (*TMX, error) {
	m := &TMX{}
	sawBody := false
	err := p.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "header":
			return p.header(se, &m.Header)
		case "body":
			sawBody = true
			return p.body(m)
		}
		return p.dec.Skip()
	})
	if err != nil {
		return nil, err
	}
	if !sawBody {
		return nil, p.fail("<tmx> has no <body>")
	}
	return m, nil
}

// children calls f for each child element of the element just opened,
// until its end tag. f must consume the child (parse it or Skip it).
func (p *parser) children(f func(xml.StartElement) error) error {
	for {
		t, err := p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == xmlNS) {
			return a.Value
		}
	}
	return ""
}

func (p *parser) header(se xml.StartElement, h *Header) error {
	h.CreationTool = attr(se, "creationtool")
	h.CreationToolVersion = attr(se, "creationtoolversion")
	h.SegType = attr(se, "segtype")
	h.OTMF = attr(se, "o-tmf")
	h.AdminLang = attr(se, "adminlang")
	h.SrcLang = attr(se, "srclang")
	h.DataType = attr(se, "datatype")
	h.CreationDate = attr(se, "creationdate")
	return p.children(func(c xml.StartElement) error {
		return p.noteOrProp(c, &h.Notes, &h.Props)
	})
}

// noteOrProp reads a <note> or <prop> into notes or props and skips
// anything else (<ude> in a header).
func (p *parser) noteOrProp(se xml.StartElement, notes *[]string, props *[]Prop) error {
	switch se.Name.Local {
	case "note":
		s, err := p.text(false)
		if err != nil {
			return err
		}
		*notes = append(*notes, s)
		return nil
	case "prop":
		s, err := p.text(false)
		if err != nil {
			return err
		}
		*props = append(*props, Prop{Type: attr(se, "type"), Value: s})
		return nil
	}
	return p.dec.Skip()
}

func (p *parser) body(m *TMX) error {
	return p.children(func(se xml.StartElement) error {
		if se.Name.Local != "tu" {
			return p.dec.Skip()
		}
		line, _ := p.dec.InputPos()
		u := Unit{ID: attr(se, "tuid"), Line: line}
		err := p.children(func(c xml.StartElement) error {
			if c.Name.Local == "tuv" {
				v, err := p.tuv(c)
				if err != nil {
					return err
				}
				u.Variants = append(u.Variants, v)
				return nil
			}
			return p.noteOrProp(c, &u.Notes, &u.Props)
		})
		if err != nil {
			return err
		}
		m.Units = append(m.Units, u)
		return nil
	})
}

func (p *parser) tuv(se xml.StartElement) (Variant, error) {
	v := Variant{Lang: attr(se, "lang")}
	if v.Lang == "" {
		return v, p.fail("<tuv> has no xml:lang")
	}
	sawSeg := false
	err := p.children(func(c xml.StartElement) error {
		if c.Name.Local == "seg" {
			s, err := p.text(true)
			if err != nil {
				return err
			}
			v.Text += s
			sawSeg = true
			return nil
		}
		return p.noteOrProp(c, &v.Notes, &v.Props)
	})
	if err == nil && !sawSeg {
		err = p.fail("<tuv xml:lang=%q> has no <seg>", v.Lang)
	}
	return v, err
}

// codes are the inline elements of a <seg> that hold the native codes of
// the tool's source format, not text.
var codes = map[string]bool{"bpt": true, "ept": true, "it": true, "ph": true, "ut": true}

// text reads the character data of the element just opened, up to its end
// tag. In a <seg> (inSeg), native codes are left out and other inline
// elements (<hi>, <sub> outside codes) contribute their text.
func (p *parser) text(inSeg bool) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		t, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if !inSeg || codes[t.Name.Local] {
				if err := p.dec.Skip(); err != nil {
					return "", err
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}
