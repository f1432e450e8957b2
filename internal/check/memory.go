package check

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/sheet"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/xmlx"
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
	r := memoryReport(m, c.Source)
	r.Findings = c.Units(m.Name, r.Source, r.Scope, m.Units)
	return r
}

// Memory checks a translation memory with every check of the suite.
func (s *Suite) Memory(input int, m *Memory) *Report {
	r := memoryReport(m, s.Source)
	r.Findings = s.Units(input, m.Name, r.Source, r.Scope, m.Units)
	return r
}

// memoryReport is the report of m before its units are checked; source is
// the workspace's source language.
func memoryReport(m *Memory, source string) *Report {
	src := m.Source
	if src == "" {
		src = source
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
		Skipped: m.Skipped,
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
	Offset       int    // byte offset in the file's text, for a control character
	Detail       string // the XML parser's own words, in English
	// Reason says what Detail says in the catalogue's words (an XML
	// problem: xmlx.Error.Reason), for the reader's language.
	Reason locale.Msg
}

// The codes of [InputError].
const (
	CodeMalformedXML  = "malformed-xml"
	CodeMalformedTSV  = "malformed-tsv"
	CodeTSVQuote      = "tsv-quote" // a quoted cell not closed, or text after its closing quote
	CodeNotTMX        = "not-tmx"
	CodeEncoding      = "encoding"
	CodeBadUTF8       = "bad-utf8"
	CodeNoLang        = "no-lang"
	CodeBadLang       = "bad-lang"
	CodeUnknownLang   = "unknown-lang"
	CodeDuplicateLang = "duplicate-lang"
	CodeNoHeader      = "no-header"
	CodeExtraCell     = "extra-cell"
	CodeShortRow      = "short-row"
	CodeControl       = "control" // a control character other than tab and newline
	CodeRowTooLong    = "row-too-long"
)

func (e *InputError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *InputError) Unwrap() error {
	var detail any = e.Detail
	if e.Reason.ID != "" {
		detail = e.Reason
	}
	return locale.NewError("check.input."+e.Code, map[string]any{
		"Pos":   fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column),
		"Value": e.Value, "Lang": e.Lang, "Known": e.Known, "Other": e.Other, "Detail": detail, "Offset": e.Offset,
	}).WithHint("check.input." + e.Code + ".hint").At(locale.Pos{File: e.File, Line: e.Line, Column: e.Column})
}

// ReadTMX reads a TMX document for the workspace languages langs with the
// one TMX reader, [tmx.Read] (encodings, what a <seg>'s text is). name is
// used in positions. Language tags are mapped to workspace languages by
// package langtag; variants in other languages are skipped and listed in
// Skipped, a tag that is not a language tag is an error, and so is a unit
// with two variants of one workspace language.
func ReadTMX(name string, data []byte, langs []string) (*Memory, error) {
	m, err := tmx.Read(bytes.NewReader(data), name)
	if err != nil {
		return nil, tmxError(err)
	}
	rd := newTMXUnits(name, langs)
	mem := &Memory{Name: name, Format: "tmx", Total: len(m.Units)}
	if l, _ := rd.lm.Lookup(m.Header.SrcLang); l != "" {
		mem.Source = l
	}
	for i := range m.Units {
		unit, err := rd.unit(i+1, &m.Units[i])
		if err != nil {
			return nil, err
		}
		if len(unit.Texts) > 0 {
			mem.Units = append(mem.Units, unit)
		}
	}
	mem.Langs, mem.Skipped = rd.langs, rd.skippedTags()
	return mem, nil
}

// tmxUnits makes the units of a TMX file's <tu>s for the workspace
// languages: the one reading of ReadTMX and Suite.TMX.
type tmxUnits struct {
	name    string
	lm      *langtag.Map
	langs   []string // the workspace languages met, in order
	skipped map[string]bool
}

func newTMXUnits(name string, langs []string) *tmxUnits {
	return &tmxUnits{name: name, lm: langtag.NewMap(langs), skipped: map[string]bool{}}
}

// unit makes unit number n of u.
func (rd *tmxUnits) unit(n int, u *tmx.Unit) (Unit, error) {
	fail := func(p tmx.Position, code string, e InputError) error {
		e.File, e.Line, e.Column, e.Code = rd.name, p.Line, p.Column, code
		return &e
	}
	unit := Unit{Number: n, Texts: map[string]string{}, Pos: map[string]Position{}, Exact: map[string]bool{}}
	first := map[string]tmx.Position{} // where each language of the unit was given
	for _, v := range u.Variants {
		lang, ok := rd.lm.Lookup(v.Lang)
		if !ok {
			return unit, fail(v.Tuv, CodeBadLang, InputError{Value: v.Lang})
		}
		if lang == "" {
			rd.skipped[v.Lang] = true
			continue
		}
		if p, dup := first[lang]; dup {
			return unit, fail(v.Tuv, CodeDuplicateLang, InputError{Value: v.Lang, Lang: lang, Other: fmt.Sprintf("%d:%d", p.Line, p.Column)})
		}
		first[lang] = v.Tuv
		if !slices.Contains(rd.langs, lang) {
			rd.langs = append(rd.langs, lang)
		}
		unit.Texts[lang] = v.Text
		unit.Pos[lang] = Position{File: rd.name, Line: v.Seg.Line, Column: v.Seg.Column}
		unit.Exact[lang] = v.Exact
	}
	return unit, nil
}

// skippedTags lists, sorted, the language tags left out.
func (rd *tmxUnits) skippedTags() []string {
	var out []string
	for t := range rd.skipped {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// TMX checks a TMX file (see [ReadTMX]) read from r unit by unit with
// every check of the suite: a <tu> is read, checked and dropped, so a
// file of any size is checked in memory that does not grow with it (but
// for what consistency keeps of each sentence). The report is that of
// checking the [Memory] ReadTMX reads. When the header names no workspace
// language as the source, units are held until one has the suite's
// source language (or the file ends): that decides the source of all.
func (s *Suite) TMX(input int, name string, r io.Reader, langs []string) (*Report, error) {
	rd := newTMXUnits(name, langs)
	m := &Memory{Name: name, Format: "tmx"}
	var rep *Report
	var held []Unit
	var found findingChunks
	units := 0
	decide := func() {
		m.Langs = rd.langs
		rep = memoryReport(m, s.Source)
		for i := range held {
			rep.Findings = s.Unit(rep.Findings, input, name, rep.Source, rep.Scope, &held[i])
		}
		held = nil
	}
	err := tmx.Stream(r, name, func(h *tmx.Header) error {
		if l, _ := rd.lm.Lookup(h.SrcLang); l != "" {
			m.Source = l
			decide()
		}
		return nil
	}, func(tu *tmx.Unit) error {
		m.Total++
		u, err := rd.unit(m.Total, tu)
		if err != nil || len(u.Texts) == 0 {
			return err
		}
		units++
		if rep != nil {
			found.unit(s, input, name, rep, &u)
			return nil
		}
		held = append(held, u)
		if slices.Contains(rd.langs, s.Source) {
			decide()
		}
		return nil
	})
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, ie
		}
		return nil, tmxError(err)
	}
	if rep == nil {
		decide()
	}
	rep.Findings = found.all(rep.Findings)
	rep.Units, rep.Skipped = units, rd.skippedTags()
	return rep, nil
}

// tmxError turns the TMX reader's error into an *InputError, whose
// messages name each problem in the user's language.
func tmxError(err error) error {
	var pe *tmx.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	e := &InputError{File: pe.File, Line: pe.Line, Column: pe.Column, Code: CodeMalformedXML, Detail: pe.Reason, Reason: pe.Msg}
	switch pe.Code {
	case tmx.CodeNotTMX:
		e.Code, e.Value = CodeNotTMX, pe.Value
	case tmx.CodeNoLang:
		e.Code = CodeNoLang
	case xmlx.CodeEncoding:
		e.Code, e.Value = CodeEncoding, pe.Value
	case xmlx.CodeBadUTF8:
		e.Code, e.Value = CodeBadUTF8, pe.Value
	}
	return e
}

// ReadTSV reads tab-separated text whose first non-blank row names the
// language of each column (en, ru-RU, kk-KZ …), for the workspace languages
// langs. Every other non-blank row is a unit, numbered from 1. The file is
// read in the dialect tilmash's TSV export writes (sheet.TSV: quoted as
// spreadsheets and encoding/csv quote, the quote before a cell a
// spreadsheet would take for a formula dropped), so checking an exported
// TSV finds what checking the document finds, at the same byte offsets of
// the same texts; positions point into the file, past quotes. A header
// cell that is not a workspace language is an error (a typo such as kz for
// kk would otherwise drop a column unnoticed); so is a row with more
// non-empty cells than the header has, or fewer cells.
func ReadTSV(name string, data []byte, langs []string) (*Memory, error) {
	t, err := sheet.ReadTable(data, sheet.TSV)
	if err != nil {
		return nil, tsvError(name, err)
	}
	if len(t.Rows) == 0 {
		return nil, &InputError{File: name, Line: 1, Column: 1, Code: CodeNoHeader}
	}
	pos := func(off int) Position {
		line, col := t.At(off)
		return Position{File: name, Line: line, Column: col}
	}
	m := &Memory{Name: name, Format: "tsv"}
	cols, err := tsvHeader(name, t.Rows[0].Cells, langs, pos)
	if err != nil {
		return nil, err
	}
	m.Langs = append([]string(nil), cols...)
	for _, row := range t.Rows[1:] {
		m.Total++
		u, err := tsvUnit(m.Total, row.Cells, cols, pos, func(c sheet.Cell, off int) int { return t.Place(c, off) })
		if err != nil {
			return nil, err
		}
		u.Pos = map[string]Position{}
		for k, c := range row.Cells {
			if k < len(cols) {
				u.Pos[cols[k]] = pos(c.Offset)
			}
		}
		m.Units = append(m.Units, u)
	}
	return m, nil
}

// tsvError turns the table reader's error into an *InputError of file
// name.
func tsvError(name string, err error) error {
	var re *sheet.ReadError
	if !errors.As(err, &re) {
		return err
	}
	e := &InputError{File: name, Line: re.Line, Column: re.Column, Code: CodeMalformedTSV, Value: re.Value, Detail: re.Detail}
	switch re.Code {
	case "encoding":
		e.Code = CodeEncoding
	case "bad-utf8":
		e.Code = CodeBadUTF8
	case "control":
		e.Code, e.Offset = CodeControl, re.Offset
	case "too-long":
		e.Code, e.Value = CodeRowTooLong, strconv.Itoa(sheet.MaxRow>>20)
	case "malformed":
		// The table reader says what is wrong with a quote in
		// encoding/csv's English; the messages say it in the reader's
		// language. (A quote inside a cell that does not start with one
		// is text, no error.)
		if re.Detail == csv.ErrQuote.Error() {
			e.Code = CodeTSVQuote
		}
	}
	return e
}

// tsvHeader reads the header row: the workspace language of each column.
func tsvHeader(name string, cells []sheet.Cell, langs []string, pos func(int) Position) ([]string, error) {
	lm := langtag.NewMap(langs)
	var cols []string
	colPos := map[string]Position{}
	for _, c := range cells {
		tag := strings.TrimSpace(c.Text)
		lang, ok := lm.Lookup(tag)
		p := pos(c.Offset)
		switch {
		case !ok || lang == "":
			return nil, &InputError{File: name, Line: p.Line, Column: p.Column, Code: CodeUnknownLang, Value: tag, Known: strings.Join(langs, ", ")}
		case colPos[lang].Line != 0:
			first := colPos[lang]
			return nil, &InputError{File: name, Line: p.Line, Column: p.Column, Code: CodeDuplicateLang, Value: tag, Lang: lang, Other: fmt.Sprintf("%d:%d", first.Line, first.Column)}
		}
		colPos[lang] = p
		cols = append(cols, lang)
	}
	return cols, nil
}

// tsvUnit makes a unit of a row's cells. pos and place locate offsets; the
// unit's positions are computed only when asked for.
func tsvUnit(n int, cells []sheet.Cell, cols []string, pos func(int) Position, place func(sheet.Cell, int) int) (Unit, error) {
	var u Unit
	var row tsvRow
	err := row.fill(&u, n, cells, cols, pos, place)
	if err != nil {
		return u, err
	}
	// A unit kept after the next row is read keeps its own cells.
	own := row
	own.cells = append([]sheet.Cell(nil), row.cells...)
	u.at = own.at
	return u, nil
}

// tsvRow locates the texts of the unit made of one row.
type tsvRow struct {
	cells []sheet.Cell // by column
	cols  []string
	pos   func(int) Position
	place func(sheet.Cell, int) int
}

func (r *tsvRow) at(lang string, off int) Position {
	for k, c := range r.cells {
		if r.cols[k] == lang {
			return r.pos(r.place(c, off))
		}
	}
	return Position{}
}

// fill makes u the unit of row n, reusing its map of texts.
func (r *tsvRow) fill(u *Unit, n int, cells []sheet.Cell, cols []string, pos func(int) Position, place func(sheet.Cell, int) int) error {
	texts := u.Texts
	if texts == nil {
		texts = make(map[string]string, len(cols))
	}
	clear(texts)
	*r = tsvRow{cells: r.cells[:0], cols: cols, pos: pos, place: place}
	*u = Unit{Number: n, Texts: texts, Langs: cols, Confirmed: true, at: u.at}
	for k, c := range cells {
		if k >= len(cols) {
			if strings.TrimSpace(c.Text) != "" {
				p := pos(c.Offset)
				return &InputError{File: p.File, Line: p.Line, Column: p.Column, Code: CodeExtraCell}
			}
			continue
		}
		texts[cols[k]] = c.Text
		r.cells = append(r.cells, c)
	}
	if len(cells) < len(cols) && len(cells) > 0 {
		// A row short of a cell is refused as one with a cell too many:
		// a missing tab would otherwise leave a language unchecked (an
		// empty cell is written with its tab).
		last := cells[len(cells)-1]
		p := pos(place(last, len(last.Text)))
		return &InputError{File: p.File, Line: p.Line, Column: p.Column, Code: CodeShortRow, Lang: cols[len(cells)]}
	}
	return nil
}

// TSV checks a TSV file (see [ReadTSV]) read from r row by row with every
// check of the suite: a row is read, checked and dropped, so a file of any
// size is checked in memory that does not grow with it (but for what
// consistency keeps of each sentence). Positions are computed for findings
// only.
func (s *Suite) TSV(input int, name string, r io.Reader, langs []string) (*Report, error) {
	rd := sheet.NewReader(r, sheet.TSV)
	// The rows' texts are views of the reader's buffer, good until the
	// next row: the findings that outlive the row are kept through
	// rd.Keep, one copy of a row for all of them, and consistency copies
	// the texts it keeps itself (Borrowed), the few new ones; a row with
	// nothing to keep costs no allocation.
	rd.ReuseBuffers()
	s.keep = rd.Keep
	if s.cons != nil {
		s.cons.Borrowed = true
	}
	defer func() {
		s.keep = nil
		if s.cons != nil {
			s.cons.Borrowed = false
		}
	}()
	pos := func(off int) Position {
		line, col := rd.Position(off)
		return Position{File: name, Line: line, Column: col}
	}
	row, err := rd.Read()
	if err == io.EOF {
		return nil, &InputError{File: name, Line: 1, Column: 1, Code: CodeNoHeader}
	}
	if err != nil {
		return nil, tsvError(name, err)
	}
	cols, err := tsvHeader(name, row.Cells, langs, pos)
	if err != nil {
		return nil, err
	}
	m := &Memory{Name: name, Format: "tsv", Langs: cols}
	rep := memoryReport(m, s.Source)
	// One unit, its map of texts and its locator serve every row in turn:
	// nothing the checks keep refers to them.
	var u Unit
	var cur tsvRow
	var found findingChunks
	u.at = cur.at
	place := rd.Place // one method value for every row, not one each
	for {
		row, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, tsvError(name, err)
		}
		m.Total++
		if err := cur.fill(&u, m.Total, row.Cells, cols, pos, place); err != nil {
			return nil, err
		}
		found.unit(s, input, name, rep, &u)
	}
	rep.Findings = found.all(rep.Findings)
	rep.Units = m.Total
	return rep, nil
}

// findingChunks collects the findings of a file's units in chunks of a
// fixed size and puts them in one slice at the end: appended to one
// slice, findings (large structs) would be copied again at every growth,
// thousands of them several times over. A unit's findings are appended to
// the last chunk directly.
type findingChunks struct {
	chunks [][]Finding
	n      int
}

// chunkRoom is the room a chunk must have left for the next unit's
// findings; a unit with more grows the chunk.
const chunkRoom = 32

// unit appends the findings of u, checked by s for rep, to the chunks.
func (c *findingChunks) unit(s *Suite, input int, name string, rep *Report, u *Unit) {
	if len(c.chunks) == 0 || cap(c.chunks[len(c.chunks)-1])-len(c.chunks[len(c.chunks)-1]) < chunkRoom {
		c.chunks = append(c.chunks, make([]Finding, 0, 256))
	}
	last := &c.chunks[len(c.chunks)-1]
	k := len(*last)
	*last = s.Unit(*last, input, name, rep.Source, rep.Scope, u)
	c.n += len(*last) - k
	if s.keep != nil {
		for i := k; i < len(*last); i++ {
			(*last)[i].keep(s.keep)
		}
	}
}

// all returns dst with every finding collected appended.
func (c *findingChunks) all(dst []Finding) []Finding {
	if c.n == 0 {
		return dst
	}
	// Room for an eighth more: consistency's findings, added after the
	// file is checked (Report.AddByGroup), fit without a copy of these.
	dst = slices.Grow(dst, c.n+c.n/8)
	for _, ch := range c.chunks {
		dst = append(dst, ch...)
	}
	c.chunks, c.n = nil, 0
	return dst
}
