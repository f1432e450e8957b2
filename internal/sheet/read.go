package sheet

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/textenc"
)

// Dialect is how one kind of table file is written. There is one per
// kind of file, and the writer and the reader of a kind use the same:
//
//   - [CSV]: RFC 4180, as encoding/csv reads and writes it. Document and
//     glossary CSV exports, glossary import.
//   - [TSV]: the same quoting with tabs (Python's excel-tab dialect,
//     what spreadsheets write): a cell holding a tab, a line break or a
//     double quote, or starting with a space, is put in double quotes
//     and its quotes doubled. Document TSV exports, and `check FILE.tsv`.
//   - [PlainTSV]: cells as they are, split at tabs, one row a line, no
//     quoting: OmegaT's glossary files. Glossary TSV export and import.
//
// Both quoted dialects read a double quote inside a cell that does not
// start with one as text, as spreadsheets do (encoding/csv's LazyQuotes):
// a TSV written by paste holds cells like 'He said "yes".' unquoted.
type Dialect struct {
	Comma  rune
	Quoted bool
}

// The dialects of the table files tilmash reads and writes.
var (
	CSV      = Dialect{Comma: ',', Quoted: true}
	TSV      = Dialect{Comma: '\t', Quoted: true}
	PlainTSV = Dialect{Comma: '\t', Quoted: false}
)

// Cell is one cell of a [Table] as written in the file, and where.
type Cell struct {
	// Text is the cell's text: unquoted, and with the quote tilmash puts
	// before a cell a spreadsheet would evaluate taken off again
	// ([Restore]).
	Text string
	// Offset is the byte offset in the table's text where Text starts
	// (after an opening double quote and a neutralising single quote).
	Offset int
	// Exact reports that Text stands in the file from Offset on exactly
	// as it is (no doubled quotes, no CR LF turned into LF).
	Exact bool
}

// Row is a row of a [Table]: its cells and the line it starts on.
type Row struct {
	Line  int
	Cells []Cell
}

// Table is a table file read by [ReadTable]: its rows, without the blank
// ones, and the text their offsets count in. Lines and columns are
// computed only when asked for ([Table.At]).
type Table struct {
	Rows []Row
	text []byte
	loc  *textenc.Locator
}

// ReadError is a table file that cannot be read, with where.
type ReadError struct {
	Line, Column int
	Offset       int
	Code         string // "encoding", "bad-utf8", "control" or "malformed"
	Value        string // the offending byte, as 0xNN (a control character as U+NNNN)
	Detail       string // in English
}

func (e *ReadError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Detail) }

// ReadTable reads a table file in dialect d. The bytes are decoded with
// package textenc (a byte-order mark dropped, UTF-16 converted) and must
// then be UTF-8. Rows whose cells are all blank are left out.
func ReadTable(data []byte, d Dialect) (*Table, error) {
	text, enc, err := textenc.Decode(data)
	if err != nil {
		return nil, &ReadError{Line: 1, Column: 1, Code: "encoding", Value: string(enc), Detail: err.Error()}
	}
	t := &Table{text: text, loc: textenc.NewLocator(text)}
	if i := textenc.InvalidUTF8(text); i >= 0 {
		line, col := t.At(i)
		return nil, &ReadError{Line: line, Column: col, Offset: i, Code: "bad-utf8", Value: fmt.Sprintf("0x%02X", text[i]), Detail: fmt.Sprintf("invalid UTF-8 byte 0x%02X", text[i])}
	}
	if i := ControlAt(text); i >= 0 && !d.Quoted {
		line, col := t.At(i)
		c := fmt.Sprintf("U+%04X", text[i])
		return nil, &ReadError{Line: line, Column: col, Offset: i, Code: "control", Value: c, Detail: "control character " + c}
	}
	if d.Quoted {
		err = t.readQuoted(d.Comma)
	} else {
		t.readPlain(d.Comma)
	}
	return t, err
}

// At returns the line and column (in characters) of byte offset off.
func (t *Table) At(off int) (line, col int) { return t.loc.At(off) }

// Place returns the byte offset in the table's text of byte offset off
// of c's text, counting the quotes that were doubled and the CRs dropped
// in the file.
func (t *Table) Place(c Cell, off int) int {
	if c.Exact {
		return c.Offset + off
	}
	p := c.Offset
	for i := 0; i < off && i < len(c.Text) && p < len(t.text); i++ {
		switch {
		case c.Text[i] == '"' && p+1 < len(t.text) && t.text[p+1] == '"':
			p += 2
		case c.Text[i] == '\n' && t.text[p] == '\r':
			p += 2
		default:
			p++
		}
	}
	return p
}

func blank(cells []Cell) bool {
	for _, c := range cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// cell makes a cell of text starting at byte offset off, taking off a
// neutralising quote.
func cell(text string, off int, exact bool) Cell {
	r := Restore(text)
	if len(r) < len(text) {
		off += len(text) - len(r)
	}
	return Cell{Text: r, Offset: off, Exact: exact}
}

func (t *Table) readPlain(comma rune) {
	s := string(t.text)
	for off, line := 0, 1; off < len(s); line++ {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		raw := strings.TrimSuffix(s[off:end], "\r")
		var cells []Cell
		at := off
		for _, c := range strings.Split(raw, string(comma)) {
			cells = append(cells, cell(c, at, true))
			at += len(c) + len(string(comma))
		}
		if !blank(cells) {
			t.Rows = append(t.Rows, Row{Line: line, Cells: cells})
		}
		off = end + 1
	}
}

func (t *Table) readQuoted(comma rune) error {
	r := NewReader(bytes.NewReader(t.text), Dialect{Comma: comma, Quoted: true})
	for {
		row, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		t.Rows = append(t.Rows, Row{Line: row.Line, Cells: slices.Clone(row.Cells)})
	}
}
