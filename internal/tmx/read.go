package tmx

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// ParseError is a TMX file that cannot be read, with the position of the
// problem.
type ParseError struct {
	File         string
	Line, Column int
	Offset       int // byte offset into the file's text, decoded to UTF-8
	// Code names the problem: one of xmlx's codes (malformed-xml,
	// encoding, bad-utf8, no-root, too-deep, too-large) or of this
	// package (not-tmx, no-body, no-lang, no-seg).
	Code   string
	Value  string // the root element, the encoding or the byte concerned
	Reason string // in English
	// Msg says what Reason says in the catalogue's words, so that the
	// message is in the reader's language (xmlx.Error.Reason).
	Msg locale.Msg
}

// The codes of [ParseError] that are TMX's own.
const (
	CodeNotTMX = "not-tmx" // the root element is not <tmx>
	CodeNoBody = "no-body" // <tmx> without <body>
	CodeNoLang = "no-lang" // <tuv> without xml:lang
	CodeNoSeg  = "no-seg"  // <tuv> without <seg>
)

func (e *ParseError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads. ParseError is a named type
// because check branches on it: it names each problem in its own words.
func (e *ParseError) Unwrap() error {
	var reason any = e.Reason
	if e.Msg.ID != "" {
		reason = e.Msg
	}
	return locale.NewError("tmx.bad-file", map[string]any{"Reason": reason}).WithHint("tmx.bad-file.hint").
		At(locale.Pos{File: e.File, Line: e.Line, Column: e.Column, Offset: e.Offset})
}

// Read parses a TMX document (versions 1.1 to 1.4). name is used in
// errors. The input may be UTF-8, UTF-16 with or without a byte-order mark
// (Trados writes UTF-16), or any encoding its XML declaration names
// (package xmlx). External entities and DTDs are never fetched.
//
// A <seg>'s text is its character data and that of <hi>. The native codes
// of the tool's source format (<bpt>, <ept>, <it>, <ph>, <ut>) are left
// out, and so are sub-flows (<sub>: a footnote, an image's alt text),
// which are not part of the segment's sentence wherever they stand.
//
// Every variant records where it was read: the <tuv> and the first
// character of its <seg> (line, column and byte offset in the text the
// file decodes to), and whether its text stands there exactly as read, so
// that an offset into the text is also one into the file ([Variant.Exact]).
func Read(r io.Reader, name string) (*TMX, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec, err := xmlx.NewDecoder(data)
	if err != nil {
		return nil, located(name, err)
	}
	p := &parser{dec: dec}
	m, err := p.document()
	if err != nil {
		return nil, located(name, err)
	}
	return m, nil
}

// Stream reads a TMX document as [Read] does, handing each unit to each
// as soon as it is read and keeping none: a file of any size is read in
// memory that does not grow with it. header is called once, when the
// <body> starts, with the header read so far (TMX puts <header> before
// <body>). Positions, limits and errors are those of Read; an error
// header or each returns ends the reading and is returned as it is.
func Stream(r io.Reader, name string, header func(h *Header) error, each func(u *Unit) error) error {
	dec, err := xmlx.NewStreamDecoder(r)
	if err != nil {
		return located(name, err)
	}
	p := &parser{dec: dec, head: header, each: each}
	if _, err := p.document(); err != nil {
		return located(name, err)
	}
	return nil
}

// located turns an *xmlx.Error into a *ParseError of file name.
func located(name string, err error) error {
	var xe *xmlx.Error
	if !errors.As(err, &xe) {
		return err
	}
	reason, msg := xe.Detail, xe.Reason()
	if xe.Code == xmlx.CodeNoRoot {
		reason, msg = "no <tmx> element: this is not a TMX file", locale.Msg{ID: "tmx.no-root"}
	}
	return &ParseError{File: name, Line: xe.Line, Column: xe.Column, Offset: xe.Offset, Code: xe.Code, Value: xe.Value, Reason: reason, Msg: msg}
}

type parser struct {
	dec *xmlx.Decoder
	// omegat is set by a header written by OmegaT, whose <seg>s hold
	// its tags as text (see omegatTag).
	omegat bool
	// head and each, when set, take the header as the body starts and
	// each unit instead of the document's list (Stream).
	head func(h *Header) error
	each func(u *Unit) error
}

// fail returns an error at off: code and value, the catalogue message id
// (its data: Value), and its English.
func (p *parser) fail(off int, code, value, id, format string, args ...any) error {
	return p.dec.Errorf(off, code, value, format, args...).With(id, map[string]any{"Value": value})
}

func (p *parser) pos(off int) Position {
	line, col := p.dec.At(off)
	return Position{Line: line, Column: col, Offset: off}
}

func (p *parser) document() (*TMX, error) {
	se, err := p.dec.Root()
	if err != nil {
		return nil, err
	}
	if se.Name.Local != "tmx" {
		return nil, p.fail(p.dec.Start(), CodeNotTMX, se.Name.Local, "tmx.not-tmx", "the root element is <%s>, not <tmx>: this is not a TMX file", se.Name.Local)
	}
	m := &TMX{}
	sawBody := false
	err = p.dec.Children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "header":
			return p.header(se, &m.Header)
		case "body":
			if p.head != nil && !sawBody {
				if err := p.head(&m.Header); err != nil {
					return err
				}
			}
			sawBody = true
			return p.body(m)
		}
		return p.dec.Skip()
	})
	if err != nil {
		return nil, err
	}
	if !sawBody {
		return nil, p.fail(p.dec.Start(), CodeNoBody, "", "tmx.no-body", "<tmx> has no <body>")
	}
	return m, nil
}

func attr(se xml.StartElement, local string) string {
	v, _ := xmlx.AttrValue(se, local)
	return v
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
	p.omegat = h.CreationTool == OmegaT
	return p.dec.Children(func(c xml.StartElement) error {
		return p.noteOrProp(c, &h.Notes, &h.Props)
	})
}

// noteOrProp reads a <note> or <prop> into notes or props and skips
// anything else (<ude> in a header).
func (p *parser) noteOrProp(se xml.StartElement, notes *[]string, props *[]Prop) error {
	switch se.Name.Local {
	case "note", "prop":
		s, _, _, err := p.dec.Content(func(xml.Name) bool { return true })
		if err != nil {
			return err
		}
		if se.Name.Local == "note" {
			*notes = append(*notes, s)
		} else {
			*props = append(*props, Prop{Type: attr(se, "type"), Value: s})
		}
		return nil
	}
	return p.dec.Skip()
}

func (p *parser) body(m *TMX) error {
	return p.dec.Children(func(se xml.StartElement) error {
		if se.Name.Local != "tu" {
			return p.dec.Skip()
		}
		line, _ := p.dec.At(p.dec.Start())
		u := Unit{ID: attr(se, "tuid"), ChangeDate: attr(se, "changedate"), Line: line}
		err := p.dec.Children(func(c xml.StartElement) error {
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
		if p.each != nil {
			if err := p.each(&u); err != nil {
				return err
			}
			p.dec.Release(p.dec.Offset())
			return nil
		}
		m.Units = append(m.Units, u)
		return nil
	})
}

// OmegaT is the creationtool of the TMX files OmegaT writes.
const OmegaT = "OmegaT"

// omegatTag matches a tag of OmegaT's segments (<s0>, </s0>, <t3/>,
// <br1>): a letter or more and its number. OmegaT's own TMX files
// (project_save.tmx, creationtool="OmegaT") hold them in the <seg> as
// text, not as inline codes, where a segment of a formatted file had
// them; Read leaves them out as it leaves out other tools' codes, so that
// the text is the sentence's ("The <s0>prison</s0> reform" is "The prison
// reform"). In files of other tools such text is text.
var omegatTag = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`</?[^\s/\d<>]+\d+/?>`) }}

// leftOut reports the elements of a <seg> whose content is not text: the
// native codes of the tool's source format, and sub-flows.
func leftOut(name string) bool {
	switch name {
	case "bpt", "ept", "it", "ph", "ut", "sub":
		return true
	}
	return false
}

func (p *parser) tuv(se xml.StartElement) (Variant, error) {
	v := Variant{Lang: attr(se, "lang"), Tuv: p.pos(p.dec.Start())}
	if v.Lang == "" {
		return v, p.fail(p.dec.Start(), CodeNoLang, "", "tmx.no-lang", "<tuv> has no xml:lang")
	}
	sawSeg := false
	err := p.dec.Children(func(c xml.StartElement) error {
		if c.Name.Local == "seg" {
			s, start, exact, err := p.dec.Content(func(n xml.Name) bool { return leftOut(n.Local) })
			if err != nil {
				return err
			}
			if !sawSeg {
				v.Seg, v.Exact = p.pos(start), exact
			} else {
				v.Exact = false // two <seg>s: the text is not in one place
			}
			if p.omegat && strings.IndexByte(s, '<') >= 0 {
				if t := omegatTag.Get().ReplaceAllString(s, ""); t != s {
					s, v.Exact = t, false
				}
			}
			v.Text += s
			sawSeg = true
			return nil
		}
		return p.noteOrProp(c, &v.Notes, &v.Props)
	})
	if err == nil && !sawSeg {
		err = p.fail(p.dec.Start(), CodeNoSeg, v.Lang, "tmx.no-seg", "<tuv xml:lang=%q> has no <seg>", v.Lang)
	}
	return v, err
}
