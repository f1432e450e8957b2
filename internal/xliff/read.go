package xliff

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// ParseError is an XLIFF file that cannot be read, with where.
type ParseError struct {
	File         string
	Line, Column int
	Offset       int // byte offset into the file's text, decoded to UTF-8
	// Code names the problem: one of xmlx's codes (malformed-xml,
	// encoding, bad-utf8, no-root, too-deep, too-large) or of this
	// package (not-xliff, version, no-file).
	Code   string
	Value  string
	Reason string // in English
	// Msg says what Reason says in the catalogue's words, so that the
	// message is in the reader's language (xmlx.Error.Reason).
	Msg locale.Msg
}

// The codes of [ParseError] that are XLIFF's own.
const (
	CodeNotXLIFF = "not-xliff" // the root element is not <xliff>
	CodeVersion  = "version"   // a version other than 1.2 and 2.x
	CodeNoFile   = "no-file"   // <xliff> without <file>
)

func (e *ParseError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *ParseError) Unwrap() error {
	var reason any = e.Reason
	if e.Msg.ID != "" {
		reason = e.Msg
	}
	return locale.NewError("xliff.bad-file", map[string]any{"Reason": reason}).WithHint("xliff.bad-file.hint").
		At(locale.Pos{File: e.File, Line: e.Line, Column: e.Column, Offset: e.Offset})
}

// Read parses an XLIFF 1.2 or 2.x file; name is used in errors and kept as
// File.Name. See the package documentation for what is kept of the
// markup CAT tools add.
func Read(data []byte, name string) (*File, error) {
	dec, err := xmlx.NewDecoder(data)
	if err != nil {
		return nil, located(name, err)
	}
	p := &parser{dec: dec, f: &File{Name: name}}
	if err := p.document(); err != nil {
		return nil, located(name, err)
	}
	return p.f, nil
}

func located(name string, err error) error {
	var xe *xmlx.Error
	if !errors.As(err, &xe) {
		return err
	}
	reason, msg := xe.Detail, xe.Reason()
	if xe.Code == xmlx.CodeNoRoot {
		reason, msg = "no <xliff> element: this is not an XLIFF file", locale.Msg{ID: "xliff.no-root"}
	}
	return &ParseError{File: name, Line: xe.Line, Column: xe.Column, Offset: xe.Offset, Code: xe.Code, Value: xe.Value, Reason: reason, Msg: msg}
}

type parser struct {
	dec *xmlx.Decoder
	f   *File
}

func (p *parser) pos(off int) Position {
	line, col := p.dec.At(off)
	return Position{Line: line, Column: col, Offset: off}
}

func attr(se xml.StartElement, local string) string {
	v, _ := xmlx.AttrValue(se, local)
	return v
}

const (
	ns1  = "urn:oasis:names:tc:xliff:document:1."
	ns20 = "urn:oasis:names:tc:xliff:document:2."
)

// version1 reports whether v is an XLIFF 1 version: 1.0 and 1.1 (Translate
// Toolkit's po2xliff writes 1.1) have the <file>, <body>, <trans-unit>
// structure of 1.2 and its attributes that tilmash reads, so all three are
// read as 1.2.
func version1(v string) bool { return v == "1.0" || v == "1.1" || v == "1.2" }

func (p *parser) document() error {
	se, err := p.dec.Root()
	if err != nil {
		return err
	}
	if se.Name.Local != "xliff" {
		return p.dec.Errorf(p.dec.Start(), CodeNotXLIFF, se.Name.Local, "the root element is <%s>, not <xliff>: this is not an XLIFF file", se.Name.Local).With("xliff.not-xliff", map[string]any{"Value": se.Name.Local})
	}
	v := attr(se, "version")
	switch {
	case version1(v) || v == "" && strings.HasPrefix(se.Name.Space, ns1):
		p.f.Version = V12
	case strings.HasPrefix(v, "2.") || v == "" && strings.HasPrefix(se.Name.Space, ns20):
		p.f.Version = V20
		p.f.SourceLang, p.f.TargetLang = attr(se, "srcLang"), attr(se, "trgLang")
	default:
		return p.dec.Errorf(p.dec.Start(), CodeVersion, v, "XLIFF version %q: tilmash reads XLIFF 1.0 to 1.2 and 2.0", v).With("xliff.version", map[string]any{"Value": v})
	}
	files := 0
	err = p.dec.Children(func(se xml.StartElement) error {
		if se.Name.Local != "file" {
			return p.dec.Skip()
		}
		files++
		return p.file(se)
	})
	if err != nil {
		return err
	}
	if files == 0 {
		return p.dec.Errorf(p.dec.Offset(), CodeNoFile, "", "<xliff> has no <file>").With("xliff.no-file", nil)
	}
	return nil
}

func (p *parser) original(s string) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\\", "/"))
	if s == "" {
		return
	}
	s = path.Base(s)
	for _, o := range p.f.Originals {
		if o == s {
			return
		}
	}
	p.f.Originals = append(p.f.Originals, s)
}

func (p *parser) file(se xml.StartElement) error {
	p.original(attr(se, "original"))
	if p.f.Version == V12 {
		if p.f.SourceLang == "" {
			p.f.SourceLang = attr(se, "source-language")
		}
		if p.f.TargetLang == "" {
			p.f.TargetLang = attr(se, "target-language")
		}
		return p.container(func(se xml.StartElement) error {
			if se.Name.Local == "body" {
				return p.container(p.body12)
			}
			return p.dec.Skip()
		})
	}
	p.original(attr(se, "id"))
	return p.container(p.body20)
}

func (p *parser) container(f func(xml.StartElement) error) error { return p.dec.Children(f) }

// body12 reads a child of a 1.2 <body> or <group>.
func (p *parser) body12(se xml.StartElement) error {
	switch se.Name.Local {
	case "group":
		return p.container(p.body12)
	case "trans-unit":
		if attr(se, "restype") == "x-gettext-domain-header" {
			// The PO header that po2xliff turns into a unit: no text
			// of the document.
			return p.dec.Skip()
		}
		return p.unit12(se)
	}
	return p.dec.Skip()
}

// body20 reads a child of a 2.0 <file> or <group>.
func (p *parser) body20(se xml.StartElement) error {
	switch se.Name.Local {
	case "group":
		return p.container(p.body20)
	case "unit":
		return p.unit20(se)
	}
	return p.dec.Skip()
}

func (p *parser) newUnit(se xml.StartElement) Unit {
	u := Unit{ID: attr(se, "id"), Pos: p.pos(p.dec.Start()), NoTranslate: attr(se, "translate") == "no"}
	u.TargetPos = u.Pos
	return u
}

func (p *parser) note(u *Unit) error {
	u.HasNotes = true
	s, _, err := p.inline(nil)
	if err != nil {
		return err
	}
	if s = strings.TrimSpace(s); s != "" {
		u.Notes = append(u.Notes, s)
	}
	return nil
}

func (p *parser) unit12(se xml.StartElement) error {
	u := p.newUnit(se)
	u.Mark, u.HasMark = ParseMark(attr(se, "extradata"))
	approved, hasApproved := xmlx.AttrValue(se, "approved")
	state := ""
	var refs []string // po-reference locations
	err := p.container(func(c xml.StartElement) error {
		var err error
		switch c.Name.Local {
		case "source":
			var start int
			u.Source, start, err = p.inline(nil)
			u.SourcePos = p.pos(start)
		case "target":
			var start int
			u.HasTarget = true
			state = attr(c, "state")
			u.Target, start, err = p.inline(nil)
			u.TargetPos = p.pos(start)
		case "note":
			err = p.note(&u)
		case "context-group":
			if attr(c, "name") != "po-reference" {
				return p.dec.Skip()
			}
			err = p.container(func(c xml.StartElement) error {
				if c.Name.Local != "context" || attr(c, "context-type") != "sourcefile" {
					return p.dec.Skip()
				}
				s, _, err := p.inline(nil)
				refs = append(refs, strings.Fields(s)...)
				return err
			})
		default: // alt-trans, seg-source, …
			err = p.dec.Skip()
		}
		return err
	})
	if err != nil {
		return err
	}
	// A round trip through PO (xliff2po, then po2xliff) numbers the units
	// anew and keeps the exported id as the PO location ("#: 3"), which
	// po2xliff writes as the po-reference: that is the unit's id.
	if len(refs) == 1 {
		u.ID = refs[0]
	}
	switch {
	case hasApproved && approved == "no":
		u.State, u.StateText = Unconfirmed, `approved="no"`
	case state == "final" || state == "signed-off":
		u.State, u.StateText = Confirmed, state
	case approved == "yes":
		u.State, u.StateText = Confirmed, `approved="yes"`
	case state != "":
		u.State, u.StateText = Unconfirmed, state
	}
	p.f.Units = append(p.f.Units, u)
	return nil
}

func (p *parser) unit20(se xml.StartElement) error {
	u := p.newUnit(se)
	for _, a := range se.Attr {
		if a.Name.Space == MarkNS && a.Name.Local == "exported" {
			u.Mark, u.HasMark = ParseMark(a.Value)
		}
	}
	data := map[string]string{}
	var src, trg strings.Builder
	var states []string
	sawSource := false
	err := p.container(func(c xml.StartElement) error {
		switch c.Name.Local {
		case "notes":
			return p.container(func(n xml.StartElement) error {
				if n.Name.Local == "note" {
					return p.note(&u)
				}
				return p.dec.Skip()
			})
		case "originalData":
			return p.container(func(d xml.StartElement) error {
				if d.Name.Local != "data" {
					return p.dec.Skip()
				}
				s, _, err := p.inline(nil)
				data[attr(d, "id")] = s
				return err
			})
		case "segment", "ignorable":
			segment := c.Name.Local == "segment"
			if s, ok := xmlx.AttrValue(c, "state"); ok && segment {
				states = append(states, s)
			}
			var s, t string
			hasT := false
			err := p.container(func(e xml.StartElement) error {
				switch e.Name.Local {
				case "source":
					text, start, err := p.inline(data)
					if !sawSource {
						u.SourcePos, sawSource = p.pos(start), true
					}
					s = text
					return err
				case "target":
					text, start, err := p.inline(data)
					if !u.HasTarget {
						u.TargetPos = p.pos(start)
					}
					t, hasT, u.HasTarget = text, true, u.HasTarget || segment
					return err
				}
				return p.dec.Skip()
			})
			if err != nil {
				return err
			}
			src.WriteString(s)
			if hasT || !segment {
				if !hasT {
					t = s // an ignorable without a target stands as it is
				}
				trg.WriteString(t)
			}
			return nil
		}
		return p.dec.Skip()
	})
	if err != nil {
		return err
	}
	u.Source = src.String()
	if u.HasTarget {
		u.Target = trg.String()
	}
	for _, s := range states {
		if s != "final" && s != "reviewed" {
			u.State, u.StateText = Unconfirmed, s
			break
		}
		u.State, u.StateText = Confirmed, s
	}
	p.f.Units = append(p.f.Units, u)
	return nil
}

// inline reads the content of the element just opened, up to its end tag,
// as text: character data, the text inside inline elements, and for XLIFF
// 2.0 the original data (data, by id) its codes refer to. It returns the
// offset where the content starts.
func (p *parser) inline(data map[string]string) (string, int, error) {
	start := p.dec.Offset()
	var b strings.Builder
	var ends []string // per open element: the data to write at its end
	for {
		tok, err := p.dec.Token()
		if err != nil {
			if err == io.EOF {
				return "", start, p.dec.Errorf(p.dec.Offset(), xmlx.CodeSyntax, "", "unexpected end of file")
			}
			return "", start, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			end := ""
			if data != nil {
				switch t.Name.Local {
				case "ph", "sc", "ec":
					b.WriteString(data[attr(t, "dataRef")])
				case "pc":
					b.WriteString(data[attr(t, "dataRefStart")])
					end = data[attr(t, "dataRefEnd")]
				case "cp":
					if r, err := strconv.ParseUint(attr(t, "hex"), 16, 32); err == nil {
						b.WriteRune(rune(r))
					}
				}
			}
			ends = append(ends, end)
		case xml.EndElement:
			if len(ends) == 0 {
				return b.String(), start, nil
			}
			b.WriteString(ends[len(ends)-1])
			ends = ends[:len(ends)-1]
		}
	}
}
