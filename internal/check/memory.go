package check

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"

	"github.com/tilmash/tilmash/internal/sheet"
)

// Memory is a translation memory read from a TMX or TSV file: units of
// texts that translate each other, keyed by workspace language.
type Memory struct {
	Name   string // the file name as given, for positions
	Format string // "tmx" or "tsv"
	// Source is the workspace language the file names as its source (the
	// TMX header's srclang), or "" when it names none.
	Source string
	// Langs are the workspace languages the file has text in, in the order
	// the file first uses them.
	Langs []string
	// Units holds the units with text in a workspace language. Their
	// numbers count every unit of the file, so unit 7 is the 7th <tu> or
	// the 7th row even when earlier ones were left out.
	Units []Unit
	// Total is the number of units in the file.
	Total int
	// Skipped lists, sorted, the language tags that are not workspace
	// languages: their texts were left out.
	Skipped []string
}

// Memory checks a translation memory unit by unit. The source language is
// the one the file declares, else the checker's when the file has it, else
// the file's first language.
func (c *Checker) Memory(m *Memory) *Report {
	src := m.Source
	if src == "" {
		src = c.Source
		if !slices.Contains(m.Langs, src) && len(m.Langs) > 0 {
			src = m.Langs[0]
		}
	}
	scope := ScopeTU
	if m.Format == "tsv" {
		scope = ScopeRow
	}
	return &Report{
		Name: m.Name, Format: m.Format, Source: src, Scope: scope, Units: len(m.Units),
		Skipped: m.Skipped, Findings: c.Units(m.Name, src, scope, m.Units),
	}
}

// InputError is a TMX or TSV file that cannot be checked, with the
// position of the problem. Code names the problem; it is also the last
// part of the message id.
type InputError struct {
	File         string
	Line, Column int
	Code         string
	Value        string // the offending tag, element or encoding
	Lang         string // the workspace language concerned
	Known        string // the workspace languages, for an unknown language
	Other        string // line:column of the earlier use, for a duplicate
	Detail       string // the XML parser's own words
}

// The codes of [InputError].
const (
	CodeMalformedXML  = "malformed-xml"
	CodeNotTMX        = "not-tmx"
	CodeEncoding      = "encoding"
	CodeBadUTF8       = "bad-utf8"
	CodeNoLang        = "no-lang"
	CodeBadLang       = "bad-lang"
	CodeUnknownLang   = "unknown-lang"
	CodeDuplicateLang = "duplicate-lang"
	CodeNoHeader      = "no-header"
	CodeExtraCell     = "extra-cell"
)

func (e *InputError) Error() string {
	pos := fmt.Sprintf("%s:%d:%d: ", e.File, e.Line, e.Column)
	switch e.Code {
	case CodeMalformedXML:
		return pos + "malformed XML: " + e.Detail
	case CodeNotTMX:
		return pos + "not a TMX file: the root element is <" + e.Value + ">, not <tmx>"
	case CodeEncoding:
		return pos + "unsupported encoding " + e.Value
	case CodeBadUTF8:
		return pos + "invalid UTF-8 byte " + e.Value
	case CodeNoLang:
		return pos + "<tuv> has no xml:lang attribute"
	case CodeBadLang:
		return pos + fmt.Sprintf("%q is not a language tag", e.Value)
	case CodeUnknownLang:
		return pos + fmt.Sprintf("column %q is not a workspace language (%s)", e.Value, e.Known)
	case CodeDuplicateLang:
		return pos + fmt.Sprintf("%s (%s) is given twice; the first at %s", e.Lang, e.Value, e.Other)
	case CodeNoHeader:
		return pos + "no header row of language codes"
	case CodeExtraCell:
		return pos + "the row has more cells than the header"
	}
	return pos + e.Code
}

// MessageID names the localized message for e.
func (e *InputError) MessageID() string { return "check.input." + e.Code }

// TemplateData gives the values of the localized message.
func (e *InputError) TemplateData() map[string]any {
	return map[string]any{
		"File": e.File, "Line": e.Line, "Column": e.Column,
		"Pos":   fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column),
		"Value": e.Value, "Lang": e.Lang, "Known": e.Known, "Other": e.Other, "Detail": e.Detail,
	}
}

// Hint suggests a fix.
func (e *InputError) Hint() string { return "check.input." + e.Code + ".hint" }

// LangMap maps the language tags of a file (en-US, kk-Cyrl-KZ, rus) to
// workspace languages by their base language.
type LangMap struct {
	langs []string
	bases []language.Base
}

// NewLangMap returns the map for the workspace languages langs.
func NewLangMap(langs []string) *LangMap {
	m := &LangMap{langs: langs}
	for _, l := range langs {
		t, _ := language.Parse(l)
		b, _ := t.Base()
		m.bases = append(m.bases, b)
	}
	return m
}

// Lookup returns the workspace language of tag. ok is false when tag is
// not a language tag at all; lang is "" when it is one but not of the
// workspace.
func (m *LangMap) Lookup(tag string) (lang string, ok bool) {
	tag = strings.TrimSpace(tag)
	for _, l := range m.langs {
		if strings.EqualFold(tag, l) {
			return l, true
		}
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", false
	}
	b, conf := t.Base()
	if conf == language.No {
		return "", false
	}
	for i, wb := range m.bases {
		if wb == b {
			return m.langs[i], true
		}
	}
	return "", true
}

// text turns a file's bytes into UTF-8: a UTF-8 byte-order mark is
// dropped, UTF-16 (with a mark, or without one when the file starts with
// an ASCII character, as XML does) is decoded.
func text(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	case len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	}
	return data, nil
}

// validUTF8 reports the first byte of data that is not UTF-8, with its
// position.
func validUTF8(name string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	line, col := newLocator(data).at(i)
	return &InputError{File: name, Line: line, Column: col, Code: CodeBadUTF8, Value: fmt.Sprintf("0x%02X", data[i])}
}

// locator turns byte offsets of a UTF-8 text into line and column. Offsets
// asked for mostly grow, so it walks forward from the last one: reading a
// file, even one long line of minified XML, costs one pass.
type locator struct {
	data      []byte
	off       int
	line, col int
}

func newLocator(data []byte) *locator { return &locator{data: data, line: 1, col: 1} }

func (l *locator) at(off int) (line, col int) {
	if off < l.off {
		l.off, l.line, l.col = 0, 1, 1
	}
	if off > len(l.data) {
		off = len(l.data)
	}
	for l.off < off {
		c := l.data[l.off]
		switch {
		case c == '\n':
			l.line++
			l.col = 1
			l.off++
		case c < utf8.RuneSelf:
			l.col++
			l.off++
		default:
			_, n := utf8.DecodeRune(l.data[l.off:])
			l.col++
			l.off += n
		}
	}
	return l.line, l.col
}

// xmlEncoding finds the encoding an XML declaration names.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// TMX elements whose content is markup of the original format (a <b> tag
// of HTML, say), not text: their content is left out of the segment.
var tmxCode = map[string]bool{"bpt": true, "ept": true, "ph": true, "it": true, "ut": true, "sub": true}

// ReadTMX reads a TMX document (1.1 to 1.4, as OmegaT, Trados, memoQ and
// tilmash write it) for the workspace languages langs. name is used in
// positions. The file may be UTF-8, UTF-16 (Trados writes it) or any
// encoding its XML declaration names. A <seg>'s text is its character
// data and that of <hi>; the original format's codes in <bpt>, <ept>,
// <ph>, <it>, <ut> and the sub-flows in <sub> are left out. Variants in
// languages outside the workspace are skipped and listed in Skipped.
func ReadTMX(name string, data []byte, langs []string) (*Memory, error) {
	data, err := text(data)
	if err != nil {
		return nil, &InputError{File: name, Line: 1, Column: 1, Code: CodeEncoding, Value: "UTF-16", Detail: err.Error()}
	}
	if m := xmlEncoding.FindSubmatch(data); m != nil {
		label := strings.ToLower(string(m[1]))
		if !strings.HasPrefix(label, "utf-8") && !strings.HasPrefix(label, "utf8") && !strings.HasPrefix(label, "utf-16") {
			enc, err := htmlindex.Get(label)
			if err != nil {
				return nil, &InputError{File: name, Line: 1, Column: 1, Code: CodeEncoding, Value: string(m[1])}
			}
			if data, err = enc.NewDecoder().Bytes(data); err != nil {
				return nil, &InputError{File: name, Line: 1, Column: 1, Code: CodeEncoding, Value: string(m[1]), Detail: err.Error()}
			}
		}
	}
	if err := validUTF8(name, data); err != nil {
		return nil, err
	}
	p := &tmxParser{
		name: name, data: data, loc: newLocator(data), langs: NewLangMap(langs),
		mem:     &Memory{Name: name, Format: "tmx"},
		skipped: map[string]bool{},
	}
	p.dec = xml.NewDecoder(bytes.NewReader(data))
	p.dec.Strict = true
	// The bytes are UTF-8 by now, whatever the declaration says.
	p.dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := p.read(); err != nil {
		return nil, err
	}
	for t := range p.skipped {
		p.mem.Skipped = append(p.mem.Skipped, t)
	}
	sort.Strings(p.mem.Skipped)
	return p.mem, nil
}

type tmxParser struct {
	name    string
	data    []byte
	dec     *xml.Decoder
	loc     *locator
	langs   *LangMap
	mem     *Memory
	skipped map[string]bool

	unit    *Unit
	langPos map[string]Position // where each language of the unit was given
	lang    string              // the current <tuv>'s workspace language, "" when skipped
}

func (p *tmxParser) pos(off int) Position {
	line, col := p.loc.at(off)
	return Position{File: p.name, Line: line, Column: col}
}

func (p *tmxParser) fail(off int, code string, e InputError) error {
	pos := p.pos(off)
	e.File, e.Line, e.Column, e.Code = p.name, pos.Line, pos.Column, code
	return &e
}

// token returns the next token and the offset where it starts.
func (p *tmxParser) token() (xml.Token, int, error) {
	off := int(p.dec.InputOffset())
	tok, err := p.dec.Token()
	if err != nil && !errors.Is(err, io.EOF) {
		var se *xml.SyntaxError
		detail := err.Error()
		if errors.As(err, &se) {
			detail = se.Msg
		}
		// The problem is in the token that failed to read: point at its
		// start, such as the "</tuv>" that closes an open <seg>.
		return nil, off, p.fail(off, CodeMalformedXML, InputError{Detail: detail})
	}
	return tok, off, err
}

func attr(se xml.StartElement, space, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == space || space == "*") {
			return a.Value, true
		}
	}
	return "", false
}

const xmlNS = "http://www.w3.org/XML/1998/namespace"

func (p *tmxParser) read() error {
	var stack []string
	root := false
	for {
		tok, off, err := p.token()
		if errors.Is(err, io.EOF) {
			if !root {
				return p.fail(0, CodeMalformedXML, InputError{Detail: "no root element"})
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			switch {
			case len(stack) == 0 && name != "tmx":
				return p.fail(off, CodeNotTMX, InputError{Value: name})
			case len(stack) == 0:
				root = true
			case name == "header" && parent == "tmx":
				if v, ok := attr(t, "*", "srclang"); ok {
					if l, _ := p.langs.Lookup(v); l != "" {
						p.mem.Source = l
					}
				}
			case name == "tu" && parent == "body":
				p.mem.Total++
				p.unit = &Unit{Number: p.mem.Total, Texts: map[string]string{}, Pos: map[string]Position{}, Exact: map[string]bool{}}
				p.langPos = map[string]Position{}
			case name == "tuv" && parent == "tu" && p.unit != nil:
				if err := p.tuv(t, off); err != nil {
					return err
				}
			case name == "seg" && parent == "tuv" && p.unit != nil:
				if err := p.seg(); err != nil {
					return err
				}
				continue // seg consumed its end tag
			}
			stack = append(stack, name)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if t.Name.Local == "tu" && p.unit != nil {
				if len(p.unit.Texts) > 0 {
					p.mem.Units = append(p.mem.Units, *p.unit)
				}
				p.unit = nil
			}
		}
	}
}

// tuv starts a variant: its language must be a tag, and not the same
// workspace language as an earlier variant of the unit.
func (p *tmxParser) tuv(t xml.StartElement, off int) error {
	tag, ok := attr(t, xmlNS, "lang")
	if !ok {
		tag, ok = attr(t, "", "lang") // TMX 1.1
	}
	if !ok {
		return p.fail(off, CodeNoLang, InputError{})
	}
	lang, valid := p.langs.Lookup(tag)
	if !valid {
		return p.fail(off, CodeBadLang, InputError{Value: tag})
	}
	p.lang = lang
	if lang == "" {
		p.skipped[tag] = true
		return nil
	}
	if first, dup := p.langPos[lang]; dup {
		return p.fail(off, CodeDuplicateLang, InputError{Value: tag, Lang: lang, Other: fmt.Sprintf("%d:%d", first.Line, first.Column)})
	}
	p.langPos[lang] = p.pos(off)
	if !slices.Contains(p.mem.Langs, lang) {
		p.mem.Langs = append(p.mem.Langs, lang)
	}
	return nil
}

// seg reads a segment's text up to and including </seg>.
func (p *tmxParser) seg() error {
	start := int(p.dec.InputOffset())
	var b strings.Builder
	depth := 0
	exact := true
	for {
		tok, off, err := p.token()
		if errors.Is(err, io.EOF) {
			return p.fail(off, CodeMalformedXML, InputError{Detail: "unexpected end of file inside <seg>"})
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			exact = false
			if tmxCode[t.Name.Local] {
				if err := p.dec.Skip(); err != nil {
					return p.fail(int(p.dec.InputOffset()), CodeMalformedXML, InputError{Detail: err.Error()})
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				if p.lang != "" {
					s := b.String()
					p.unit.Texts[p.lang] = s
					p.unit.Pos[p.lang] = p.pos(start)
					p.unit.Exact[p.lang] = exact && string(p.data[start:off]) == s
				}
				return nil
			}
			depth--
		default:
			exact = false // a comment or processing instruction
		}
	}
}

// ReadTSV reads tab-separated text whose first non-blank line names the
// language of each column (en, ru-RU, kk-KZ …), for the workspace languages
// langs. Every other non-blank line is a row, numbered from 1. Cells are
// taken as they are: there is no quoting, as in the TSV that tilmash
// align-files and most aligners write; only the single quote tilmash's
// exports put before a cell a spreadsheet would take for a formula is
// dropped (package sheet). A header cell that is not a
// workspace language is an error (a typo such as kz for kk would
// otherwise drop a column unnoticed); so is a row with more non-empty
// cells than the header has. A UTF-8 or UTF-16 byte-order mark is
// honoured.
func ReadTSV(name string, data []byte, langs []string) (*Memory, error) {
	data, err := text(data)
	if err != nil {
		return nil, &InputError{File: name, Line: 1, Column: 1, Code: CodeEncoding, Value: "UTF-16", Detail: err.Error()}
	}
	if err := validUTF8(name, data); err != nil {
		return nil, err
	}
	lm := NewLangMap(langs)
	m := &Memory{Name: name, Format: "tsv"}
	var cols []string // workspace language per column
	colPos := map[string]Position{}
	s := string(data)
	for lineNo := 1; len(s) > 0 || lineNo == 1; lineNo++ {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" {
			if len(s) == 0 {
				break
			}
			continue
		}
		cells := strings.Split(line, "\t")
		col := func(k int) int { // 1-based character column of cell k
			c := 1
			for _, cell := range cells[:k] {
				c += utf8.RuneCountInString(cell) + 1
			}
			return c
		}
		if cols == nil {
			for k, cell := range cells {
				tag := strings.TrimSpace(cell)
				lang, ok := lm.Lookup(tag)
				pos := Position{File: name, Line: lineNo, Column: col(k)}
				switch {
				case !ok || lang == "":
					return nil, &InputError{File: name, Line: pos.Line, Column: pos.Column, Code: CodeUnknownLang, Value: tag, Known: strings.Join(langs, ", ")}
				case colPos[lang].Line != 0:
					first := colPos[lang]
					return nil, &InputError{File: name, Line: pos.Line, Column: pos.Column, Code: CodeDuplicateLang, Value: tag, Lang: lang, Other: fmt.Sprintf("%d:%d", first.Line, first.Column)}
				}
				colPos[lang] = pos
				cols = append(cols, lang)
			}
			m.Langs = append([]string(nil), cols...)
			continue
		}
		m.Total++
		u := Unit{Number: m.Total, Texts: map[string]string{}, Pos: map[string]Position{}, Exact: map[string]bool{}}
		for k, cell := range cells {
			if k >= len(cols) {
				if strings.TrimSpace(cell) != "" {
					return nil, &InputError{File: name, Line: lineNo, Column: col(k), Code: CodeExtraCell}
				}
				continue
			}
			// A cell tilmash neutralised against spreadsheet formulas
			// ("'=…", see package sheet) is read as it was written; the
			// text then starts one column later.
			text, c := sheet.Restore(cell), col(k)
			if len(text) < len(cell) {
				c++
			}
			u.Texts[cols[k]] = text
			u.Pos[cols[k]] = Position{File: name, Line: lineNo, Column: c}
			u.Exact[cols[k]] = true
		}
		m.Units = append(m.Units, u)
	}
	if cols == nil {
		return nil, &InputError{File: name, Line: 1, Column: 1, Code: CodeNoHeader}
	}
	return m, nil
}
