package docformat

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
)

// MaxDOCX is the largest DOCX file read, in bytes.
const MaxDOCX = 256 << 20

// maxXMLDepth is the deepest element nesting of a DOCX part.
const maxXMLDepth = 1000

// The WordprocessingML namespaces, transitional and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// ReadDOCX reads a Word document (Office Open XML): see the package
// documentation for what is kept. Table cells are joined with " | ".
// The body is read as a stream of XML tokens, so memory follows the text,
// not the markup. name is the input's name for errors.
func ReadDOCX(name string, data []byte) (*Doc, error) {
	if len(data) > MaxDOCX {
		return nil, tooLarge(name, "", int64(len(data)), MaxDOCX)
	}
	a, err := openZip(name, data)
	if err != nil {
		return nil, err
	}
	if a.files["word/document.xml"] == nil {
		return nil, locale.NewError("formats.docx.no-document", nil).WithHint("formats.docx.no-document.hint").At(locale.Pos{File: name})
	}
	r := &docxReader{name: name, a: a, b: &builder{}, styles: map[string]pstyle{}, numbering: map[string]bool{}, rels: map[string]string{}}
	if err := r.readStyles(); err != nil {
		return nil, err
	}
	if err := r.readNumbering(); err != nil {
		return nil, err
	}
	if err := r.readRels(); err != nil {
		return nil, err
	}
	notes := map[string]string{}
	for _, part := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		if err := r.readNotes(part, notes); err != nil {
			return nil, err
		}
	}
	r.notes = notes
	// The text is most of a document's XML in a long article: room for
	// it at once saves the copies of growing (pages never written are
	// never touched).
	r.b.out.Grow(int(min(a.files["word/document.xml"].UncompressedSize64*3/4, MaxPart)))
	if err := r.stream("word/document.xml", r.body); err != nil {
		return nil, err
	}
	for i, id := range r.noteOrder {
		r.b.StartBlock(Note, 0)
		r.b.Put(fmt.Sprintf("[%d] ", i+1), false)
		r.b.Put(notes[id], false)
		r.b.EndBlock()
	}
	return r.b.Doc(), nil
}

// pstyle is what a paragraph style says about its paragraphs.
type pstyle struct {
	level   int    // heading level, 0 for none
	kind    string // Quote, Item, or ""
	basedOn string
	ordered bool
}

type docxReader struct {
	name      string
	a         *archive
	b         *builder
	styles    map[string]pstyle
	numbering map[string]bool // numId → ordered
	rels      map[string]string
	notes     map[string]string
	noteOrder []string
	noteNum   map[string]int
	bs        *bodyState
}

// xmlStream is a part being read token by token, with its prefixes.
type xmlStream struct {
	r     *docxReader
	part  string
	dec   *xml.Decoder
	depth int
	ns    map[string]string // prefix → namespace, as declared so far
}

// stream reads a part token by token and hands each start element, end
// element and character data to f. A part that is missing is no error.
func (r *docxReader) stream(part string, f func(*xmlStream, xml.Token) error) error {
	rc, err := r.a.open(part)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	s := &xmlStream{r: r, part: part, dec: xml.NewDecoder(rc), ns: map[string]string{"xml": "http://www.w3.org/XML/1998/namespace"}}
	s.dec.Strict = true
	s.dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); l == "utf-8" || l == "utf8" {
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	for {
		tok, err := s.dec.RawToken()
		if err == io.EOF {
			if s.depth != 0 {
				return s.fail("unexpected end of file")
			}
			return nil
		}
		if err != nil {
			var le *locale.Error
			if errors.As(err, &le) {
				return err
			}
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return s.fail(msg)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.depth++
			if s.depth > maxXMLDepth {
				return s.fail(fmt.Sprintf("elements nest deeper than %d levels", maxXMLDepth))
			}
			for _, at := range t.Attr {
				if at.Name.Space == "xmlns" {
					s.ns[at.Name.Local] = at.Value
				} else if at.Name.Space == "" && at.Name.Local == "xmlns" {
					s.ns[""] = at.Value
				}
			}
		case xml.EndElement:
			s.depth--
		case xml.Directive:
			return s.fail("a DTD (<!DOCTYPE …>) is not allowed in a DOCX part")
		default:
			if _, ok := tok.(xml.CharData); !ok {
				continue
			}
		}
		if err := f(s, tok); err != nil {
			return err
		}
	}
}

// fail returns the error for a part that cannot be read, at the decoder's
// place.
func (s *xmlStream) fail(reason string) error {
	line, col := s.dec.InputPos()
	return locale.NewError("formats.docx.bad-xml", map[string]any{"Part": s.part, "Reason": reason}).
		WithHint("formats.docx.bad-xml.hint").At(locale.Pos{File: s.r.name, Line: line, Column: col, Offset: int(s.dec.InputOffset())})
}

// is reports whether name is the WordprocessingML element local.
func (s *xmlStream) is(name xml.Name, local string) bool {
	if name.Local != local {
		return false
	}
	ns := s.ns[name.Space]
	return ns == nsW || ns == nsWStrict
}

// val returns the w:val (or other WordprocessingML) attribute local.
func (s *xmlStream) attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			if ns := s.ns[a.Name.Space]; ns == nsW || ns == nsWStrict || a.Name.Space == "" {
				return a.Value, true
			}
		}
	}
	return "", false
}

// relAttr returns the r:id attribute.
func (s *xmlStream) relAttr(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Local == "id" {
			if ns := s.ns[a.Name.Space]; ns == nsR || ns == nsRStrict {
				return a.Value
			}
		}
	}
	return ""
}

// on reports whether a toggle property (<w:b/>, <w:i w:val="0"/>) is on.
func (s *xmlStream) on(t xml.StartElement) bool {
	v, ok := s.attr(t, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// readStyles reads word/styles.xml: which paragraph styles are headings
// (by name: Title, heading 1…9, or an outline level), quotes, lists.
func (r *docxReader) readStyles() error {
	var cur string
	var st pstyle
	var name string
	inStyle := false
	err := r.stream("word/styles.xml", func(s *xmlStream, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case s.is(t.Name, "style"):
				cur, _ = s.attr(t, "styleId")
				st, name, inStyle = pstyle{}, "", true
			case !inStyle:
			case s.is(t.Name, "name"):
				name, _ = s.attr(t, "val")
			case s.is(t.Name, "basedOn"):
				st.basedOn, _ = s.attr(t, "val")
			case s.is(t.Name, "outlineLvl"):
				if v, ok := s.attr(t, "val"); ok {
					if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 9 {
						st.level = n + 1
					}
				}
			case s.is(t.Name, "numPr"):
				st.kind = Item
			}
		case xml.EndElement:
			if s.is(t.Name, "style") && inStyle {
				inStyle = false
				n := strings.ToLower(strings.TrimSpace(name))
				switch {
				case n == "title":
					st.level = 1
				case strings.HasPrefix(n, "heading "):
					if k, err := strconv.Atoi(strings.TrimPrefix(n, "heading ")); err == nil && k >= 1 && k <= 9 {
						st.level = k
					}
				case n == "quote" || n == "block text" || n == "intense quote":
					st.kind = Quote
				case strings.HasPrefix(n, "list number"):
					st.kind, st.ordered = Ordered, true
				case strings.HasPrefix(n, "list bullet"):
					st.kind = Item
				}
				r.styles[cur] = st
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// A style based on a heading or quote is one too (a few levels).
	for id, st := range r.styles {
		base := st.basedOn
		for i := 0; i < 8 && base != "" && st.level == 0 && st.kind == ""; i++ {
			b, ok := r.styles[base]
			if !ok {
				break
			}
			st.level, st.kind, st.ordered = b.level, b.kind, b.ordered
			base = b.basedOn
		}
		r.styles[id] = st
	}
	return nil
}

// readNumbering reads word/numbering.xml: which lists are numbered (the
// first level's format is not a bullet).
func (r *docxReader) readNumbering() error {
	abstract := map[string]bool{}
	var absID, numID string
	level := ""
	return r.stream("word/numbering.xml", func(s *xmlStream, tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch {
		case s.is(t.Name, "abstractNum"):
			absID, _ = s.attr(t, "abstractNumId")
			numID = ""
		case s.is(t.Name, "lvl"):
			level, _ = s.attr(t, "ilvl")
		case s.is(t.Name, "numFmt") && numID == "" && level == "0":
			v, _ := s.attr(t, "val")
			abstract[absID] = v != "bullet" && v != "none" && v != ""
		case s.is(t.Name, "num"):
			numID, _ = s.attr(t, "numId")
		case s.is(t.Name, "abstractNumId") && numID != "":
			v, _ := s.attr(t, "val")
			r.numbering[numID] = abstract[v]
		}
		return nil
	})
}

// readRels reads the document's relationships: the targets of links.
func (r *docxReader) readRels() error {
	return r.stream("word/_rels/document.xml.rels", func(s *xmlStream, tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Local != "Relationship" {
			return nil
		}
		var id, target string
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Target":
				target = a.Value
			}
		}
		r.rels[id] = target
		return nil
	})
}

// readNotes reads the foot- or endnotes of part into notes, by id, as
// plain text (their paragraphs joined by a space).
func (r *docxReader) readNotes(part string, notes map[string]string) error {
	var id string
	var text strings.Builder
	inNote, inText := false, false
	skip := 0
	return r.stream(part, func(s *xmlStream, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case skip > 0:
				skip++
			case s.is(t.Name, "footnote") || s.is(t.Name, "endnote"):
				id, _ = s.attr(t, "id")
				if part == "word/endnotes.xml" {
					id = "e" + id
				}
				text.Reset()
				inNote = true
			case s.is(t.Name, "del") || s.is(t.Name, "moveFrom") || s.is(t.Name, "instrText"):
				skip = 1
			case s.is(t.Name, "t"):
				inText = true
			case s.is(t.Name, "tab"):
				text.WriteByte(' ')
			case s.is(t.Name, "p") && text.Len() > 0:
				text.WriteByte(' ')
			}
		case xml.EndElement:
			switch {
			case skip > 0:
				skip--
			case s.is(t.Name, "t"):
				inText = false
			case inNote && (s.is(t.Name, "footnote") || s.is(t.Name, "endnote")):
				notes[id] = strings.Join(strings.Fields(text.String()), " ")
				inNote = false
			}
		case xml.CharData:
			if inText && inNote && skip == 0 && text.Len() < 1<<20 {
				text.Write(t)
			}
		}
		return nil
	})
}

// field is a complex field being read: its instruction is skipped, its
// result kept.
type field struct{ result bool }

// body reads word/document.xml into the builder.
type bodyState struct {
	skip   int // inside a subtree that is left out (deleted text, drawings)
	inPara bool
	inRun  bool
	inRPr  bool
	inPPr  bool
	inText bool
	bold   bool // the run's own bold, italic, code
	italic bool
	code   bool
	link   string
	fields []field
	tables int // nesting of tables
	cells  int // cells started in the current row
	paras  int // paragraphs started in the current cell
}

func (r *docxReader) body(s *xmlStream, tok xml.Token) error {
	st := r.state()
	b := r.b
	switch t := tok.(type) {
	case xml.StartElement:
		if st.skip > 0 {
			st.skip++
			return nil
		}
		local := t.Name.Local
		if !s.is(t.Name, local) {
			if ns := s.ns[t.Name.Space]; ns == "http://schemas.openxmlformats.org/markup-compatibility/2006" && local == "Fallback" {
				st.skip = 1
			}
			return nil
		}
		switch local {
		case "del", "moveFrom", "instrText", "delText", "drawing", "pict", "object", "commentReference", "rPrChange", "pPrChange", "sectPr":
			st.skip = 1
		case "p":
			st.inPara = true
			if st.tables > 0 {
				if st.paras > 0 {
					b.Put(" ", true)
				}
				st.paras++
				return nil
			}
			b.StartBlock("", 0)
		case "pPr":
			st.inPPr = true
		case "pStyle":
			if st.inPPr && st.tables == 0 {
				v, _ := s.attr(t, "val")
				ps := r.styles[v]
				switch {
				case ps.level > 0:
					b.SetKind("", ps.level)
				case ps.kind == Item && ps.ordered:
					b.SetKind(Ordered, 0)
				case ps.kind != "":
					b.SetKind(ps.kind, 0)
				}
			}
		case "numId":
			if st.inPPr && st.tables == 0 {
				v, _ := s.attr(t, "val")
				if v != "0" && b.level == 0 {
					k := Item
					if r.numbering[v] {
						k = Ordered
					}
					b.SetKind(k, 0)
				}
			}
		case "r":
			st.inRun, st.bold, st.italic, st.code = true, false, false, false
		case "rPr":
			st.inRPr = !st.inPPr
		case "b":
			if st.inRPr {
				st.bold = s.on(t)
			}
		case "i":
			if st.inRPr {
				st.italic = s.on(t)
			}
		case "rStyle":
			if st.inRPr {
				v, _ := s.attr(t, "val")
				switch strings.ToLower(v) {
				case "strong", "strongemphasis":
					st.bold = true
				case "emphasis":
					st.italic = true
				case "verbatimchar", "htmlcode", "code", "sourcecode":
					st.code = true
				}
			}
		case "t":
			if st.inRun && !r.inInstruction() {
				st.inText = true
			}
		case "tab":
			if st.inRun && !st.inPPr {
				r.format()
				b.Put("\t", false)
			}
		case "br", "cr":
			if v, _ := s.attr(t, "type"); v == "page" || v == "column" {
				return nil
			}
			if st.tables > 0 {
				b.Put(" ", true)
			} else {
				b.Break()
			}
		case "noBreakHyphen":
			r.format()
			b.Put("\u2011", false)
		case "footnoteReference", "endnoteReference":
			id, _ := s.attr(t, "id")
			if local == "endnoteReference" {
				id = "e" + id
			}
			if _, ok := r.notes[id]; ok {
				if r.noteNum == nil {
					r.noteNum = map[string]int{}
				}
				n, seen := r.noteNum[id]
				if !seen {
					r.noteOrder = append(r.noteOrder, id)
					n = len(r.noteOrder)
					r.noteNum[id] = n
				}
				r.format()
				b.Put(fmt.Sprintf("[%d]", n), false)
			}
		case "hyperlink":
			if id := s.relAttr(t); id != "" {
				st.link = r.rels[id]
			}
		case "fldChar":
			switch v, _ := s.attr(t, "fldCharType"); v {
			case "begin":
				st.fields = append(st.fields, field{})
			case "separate":
				if n := len(st.fields); n > 0 {
					st.fields[n-1].result = true
				}
			case "end":
				if n := len(st.fields); n > 0 {
					st.fields = st.fields[:n-1]
				}
			}
		case "tbl":
			if st.tables == 0 {
				b.EndBlock()
			}
			st.tables++
		case "tr":
			if st.tables == 1 {
				b.StartBlock("", 0)
				st.cells = 0
			}
		case "tc":
			if st.tables == 1 {
				if st.cells > 0 {
					b.Put(" | ", false)
				}
				st.cells++
				st.paras = 0
			} else {
				b.Put(" ", true)
			}
		}
	case xml.EndElement:
		if st.skip > 0 {
			st.skip--
			return nil
		}
		if !s.is(t.Name, t.Name.Local) {
			return nil
		}
		switch t.Name.Local {
		case "p":
			st.inPara = false
			if st.tables == 0 {
				b.EndBlock()
			}
		case "pPr":
			st.inPPr = false
		case "rPr":
			st.inRPr = false
		case "r":
			st.inRun = false
		case "t":
			st.inText = false
		case "hyperlink":
			st.link = ""
			b.Close(Link)
		case "tbl":
			st.tables--
		case "tr":
			if st.tables == 1 {
				b.EndBlock()
			}
		}
	case xml.CharData:
		if st.inText && st.skip == 0 {
			r.format()
			b.PutBytes(t)
		}
	}
	return nil
}

func (r *docxReader) state() *bodyState {
	if r.bs == nil {
		r.bs = &bodyState{}
	}
	return r.bs
}

// inInstruction reports whether the text read now is a field's
// instruction rather than its shown result.
func (r *docxReader) inInstruction() bool {
	for _, f := range r.bs.fields {
		if !f.result {
			return true
		}
	}
	return false
}

// format brings the open inline spans in line with the run's bold,
// italic and link.
func (r *docxReader) format() {
	st, b := r.bs, r.b
	toggle(b, Bold, st.bold)
	toggle(b, Italic, st.italic)
	toggle(b, Code, st.code)
	href, open := "", false
	for _, s := range b.open {
		if s.Kind == Link {
			href, open = s.Href, true
		}
	}
	if href != st.link || (open && st.link == "") {
		if open {
			b.Close(Link)
		}
		if st.link != "" {
			b.Open(Link, st.link)
		}
	}
}

func toggle(b *builder, kind string, on bool) {
	switch open := b.IsOpen(kind); {
	case on && !open:
		b.Open(kind, "")
	case !on && open:
		b.Close(kind)
	}
}
