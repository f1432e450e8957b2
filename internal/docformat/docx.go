package docformat

import (
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
	notes := map[string]note{}
	for _, part := range []string{"footnotes", "endnotes"} {
		if err := r.readNotes(part, notes); err != nil {
			return nil, err
		}
	}
	if err := r.readRels("word/_rels/document.xml.rels"); err != nil {
		return nil, err
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
		r.b.PutSpans(notes[id].text, notes[id].spans)
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
	numbering map[string]bool   // numId → ordered
	rels      map[string]string // the relationships of the part being read
	notes     map[string]note
	noteOrder []string
	noteNum   map[string]int
	bs        *bodyState
}

// xmlStream is a part being read token by token, with its prefixes.
type xmlStream struct {
	r    *docxReader
	part string
	sc   *xmlScanner
	ns   map[string]string // prefix → namespace, as declared so far
	// The prefix last looked up and whether it is WordprocessingML's.
	lastPfx string
	lastW   bool
}

// stream reads a part token by token and hands each start element, end
// element and character data to f (s.sc holds the token). A part that is
// missing is no error.
func (r *docxReader) stream(part string, f func(*xmlStream) error) error {
	rc, err := r.a.open(part)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	s := &xmlStream{r: r, part: part, sc: newXMLScanner(rc, int64(min(r.a.files[part].UncompressedSize64, MaxPart))), ns: map[string]string{"xml": "http://www.w3.org/XML/1998/namespace"}}
	for {
		err := s.sc.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var se *errScan
			if errors.As(err, &se) {
				return locale.NewError("formats.docx.bad-xml", map[string]any{"Part": s.part, "Reason": se.msgOf()}).
					WithHint("formats.docx.bad-xml.hint").At(locale.Pos{File: s.r.name, Line: se.line, Column: se.col, Offset: int(se.off)})
			}
			return err
		}
		if s.sc.kind == tokStart {
			for _, at := range s.sc.attrs {
				switch pfx, local := prefix(at.name); {
				case string(pfx) == "xmlns":
					s.ns[string(local)] = string(at.value)
					s.lastPfx, s.lastW = "", false
				case pfx == nil && string(local) == "xmlns":
					s.ns[""] = string(at.value)
					s.lastPfx, s.lastW = "", false
				}
			}
		}
		if err := f(s); err != nil {
			return err
		}
	}
}

// isW reports whether prefix names the WordprocessingML namespace.
func (s *xmlStream) isW(pfx []byte) bool {
	if string(pfx) == s.lastPfx && s.lastPfx != "" {
		return s.lastW
	}
	ns := s.ns[string(pfx)]
	w := ns == nsW || ns == nsWStrict
	if len(pfx) > 0 {
		s.lastPfx, s.lastW = string(pfx), w
	}
	return w
}

// local returns the local name of the element of the token when it is a
// WordprocessingML element, else "".
func (s *xmlStream) local() []byte {
	pfx, local := prefix(s.sc.name)
	if !s.isW(pfx) {
		return nil
	}
	return local
}

// is reports whether the token is of the WordprocessingML element local.
func (s *xmlStream) is(local string) bool {
	pfx, l := prefix(s.sc.name)
	return string(l) == local && s.isW(pfx)
}

// attr returns the WordprocessingML (or unprefixed) attribute local of
// the start tag.
func (s *xmlStream) attr(local string) (string, bool) {
	for _, a := range s.sc.attrs {
		pfx, l := prefix(a.name)
		if string(l) == local && (pfx == nil || s.isW(pfx)) {
			return string(a.value), true
		}
	}
	return "", false
}

// relAttr returns the r:id attribute.
func (s *xmlStream) relAttr() string {
	for _, a := range s.sc.attrs {
		if pfx, l := prefix(a.name); string(l) == "id" {
			if ns := s.ns[string(pfx)]; ns == nsR || ns == nsRStrict {
				return string(a.value)
			}
		}
	}
	return ""
}

// on reports whether a toggle property (<w:b/>, <w:i w:val="0"/>) is on.
func (s *xmlStream) on() bool {
	v, ok := s.attr("val")
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
	err := r.stream("word/styles.xml", func(s *xmlStream) error {
		switch s.sc.kind {
		case tokStart:
			switch {
			case s.is("style"):
				cur, _ = s.attr("styleId")
				st, name, inStyle = pstyle{}, "", true
			case !inStyle:
			case s.is("name"):
				name, _ = s.attr("val")
			case s.is("basedOn"):
				st.basedOn, _ = s.attr("val")
			case s.is("outlineLvl"):
				if v, ok := s.attr("val"); ok {
					if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 9 {
						st.level = n + 1
					}
				}
			case s.is("numPr"):
				st.kind = Item
			}
		case tokEnd:
			if s.is("style") && inStyle {
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
	return r.stream("word/numbering.xml", func(s *xmlStream) error {
		if s.sc.kind != tokStart {
			return nil
		}
		switch {
		case s.is("abstractNum"):
			absID, _ = s.attr("abstractNumId")
			numID = ""
		case s.is("lvl"):
			level, _ = s.attr("ilvl")
		case s.is("numFmt") && numID == "" && level == "0":
			v, _ := s.attr("val")
			abstract[absID] = v != "bullet" && v != "none" && v != ""
		case s.is("num"):
			numID, _ = s.attr("numId")
		case s.is("abstractNumId") && numID != "":
			v, _ := s.attr("val")
			r.numbering[numID] = abstract[v]
		}
		return nil
	})
}

// readRels reads the relationships of a part (the targets of its links)
// into r.rels, in place of those of the part read before.
func (r *docxReader) readRels(rels string) error {
	r.rels = map[string]string{}
	return r.stream(rels, func(s *xmlStream) error {
		if _, local := prefix(s.sc.name); s.sc.kind != tokStart || string(local) != "Relationship" {
			return nil
		}
		var id, target string
		for _, a := range s.sc.attrs {
			switch _, local := prefix(a.name); string(local) {
			case "Id":
				id = string(a.value)
			case "Target":
				target = string(a.value)
			}
		}
		r.rels[id] = target
		return nil
	})
}

// note is a foot- or endnote: its text, its paragraphs joined by a
// space, and the inline formatting of the text.
type note struct {
	text  string
	spans []Span
}

// maxNote is the most text kept of a note.
const maxNote = 1 << 20

// readNotes reads word/KIND.xml (kind footnotes or endnotes) into notes,
// by id ("e" before the id of an endnote). A note is read as the body is
// (tracked changes, fields, bold, italic, code, links with the targets of
// the part's own relationships), into a builder of its own: its
// paragraphs, line breaks, tabs and table cells become single spaces.
func (r *docxReader) readNotes(kind string, notes map[string]note) error {
	if err := r.readRels("word/_rels/" + kind + ".xml.rels"); err != nil {
		return err
	}
	main := r.b
	defer func() { r.b, r.bs = main, nil }()
	var id string
	depth := 0 // of elements open inside the note
	return r.stream("word/"+kind+".xml", func(s *xmlStream) error {
		switch {
		case depth == 0 && s.sc.kind == tokStart && (s.is("footnote") || s.is("endnote")):
			id, _ = s.attr("id")
			if kind == "endnotes" {
				id = "e" + id
			}
			r.b, r.bs = &builder{}, &bodyState{note: true}
			depth = 1
			return nil
		case depth == 0:
			return nil
		case s.sc.kind == tokStart:
			depth++
		case s.sc.kind == tokEnd:
			depth--
			if depth == 0 {
				d := r.b.Doc()
				text, spans := collapseSpaces(strings.TrimSuffix(d.Text, "\n"), d.Spans)
				notes[id] = note{text: text, spans: spans}
				r.b, r.bs = main, nil
				return nil
			}
		}
		return r.body(s)
	})
}

// collapseSpaces turns every run of white space of text into one space
// and trims it, moving the spans along.
func collapseSpaces(text string, spans []Span) (string, []Span) {
	at := make([]int, len(text)+1) // old offset → new
	var b strings.Builder
	space := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		at[i] = b.Len()
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			at[i] = b.Len()
		}
		space = false
		b.WriteByte(c)
	}
	at[len(text)] = b.Len()
	out := make([]Span, 0, len(spans))
	for _, sp := range spans {
		sp.Start, sp.End = at[sp.Start], at[sp.End]
		if sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	return b.String(), out
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
	note   bool // a foot- or endnote: one paragraph of text, no blocks
	tables int  // nesting of tables
	cells  int  // cells started in the current row
	paras  int  // paragraphs started in the current cell
}

func (r *docxReader) body(s *xmlStream) error {
	st := r.state()
	b := r.b
	switch s.sc.kind {
	case tokStart:
		if st.skip > 0 {
			st.skip++
			return nil
		}
		local := s.local()
		if local == nil {
			if pfx, l := prefix(s.sc.name); s.ns[string(pfx)] == "http://schemas.openxmlformats.org/markup-compatibility/2006" && string(l) == "Fallback" {
				st.skip = 1
			}
			return nil
		}
		switch string(local) {
		case "del", "moveFrom", "instrText", "delText", "drawing", "pict", "object", "commentReference", "rPrChange", "pPrChange", "sectPr":
			st.skip = 1
		case "p":
			st.inPara = true
			if st.note {
				b.Put(" ", true)
				return nil
			}
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
			if st.inPPr && st.tables == 0 && !st.note {
				v, _ := s.attr("val")
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
			if st.inPPr && st.tables == 0 && !st.note {
				v, _ := s.attr("val")
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
				st.bold = s.on()
			}
		case "i":
			if st.inRPr {
				st.italic = s.on()
			}
		case "rStyle":
			if st.inRPr {
				v, _ := s.attr("val")
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
				if st.note {
					b.Put(" ", true)
				} else {
					b.Put("\t", false)
				}
			}
		case "br", "cr":
			if v, _ := s.attr("type"); v == "page" || v == "column" {
				return nil
			}
			if st.tables > 0 || st.note {
				b.Put(" ", true)
			} else {
				b.Break()
			}
		case "noBreakHyphen":
			r.format()
			b.Put("\u2011", false)
		case "footnoteReference", "endnoteReference":
			id, _ := s.attr("id")
			if string(local) == "endnoteReference" {
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
			if id := s.relAttr(); id != "" {
				st.link = r.rels[id]
			}
		case "fldChar":
			switch v, _ := s.attr("fldCharType"); v {
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
		case "tbl", "tr", "tc":
			if st.note {
				b.Put(" ", true)
				return nil
			}
		}
		switch string(local) {
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
	case tokEnd:
		if st.skip > 0 {
			st.skip--
			return nil
		}
		local := s.local()
		if local == nil {
			return nil
		}
		switch string(local) {
		case "p":
			st.inPara = false
			if st.tables == 0 && !st.note {
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
			if !st.note {
				st.tables--
			}
		case "tr":
			if st.tables == 1 && !st.note {
				b.EndBlock()
			}
		}
	case tokText:
		if st.inText && st.skip == 0 && (!st.note || len(b.blk) < maxNote) {
			r.format()
			b.PutChecked(s.sc.text, s.sc.nfcSafe)
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
