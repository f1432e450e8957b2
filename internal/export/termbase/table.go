package termbase

import (
	"io"
	"strings"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/sheet"
)

// listSep separates the items of a list in a CSV or TSV cell.
const listSep = "; "

// listError is the error for a form that cannot go into a CSV or TSV list
// cell because it holds the list separator.
func listError(id, lang, form string) error {
	return locale.NewError("glossary-export.list-separator", map[string]any{"ID": id, "Lang": lang, "Form": form})
}

// columns returns the column names of a table for the pair src, trg.
func columns(src, trg string) []string {
	cols := []string{src, trg, "comment", "id", "kind"}
	for _, l := range []string{src, trg} {
		cols = append(cols, l+":variants", l+":forbidden", l+":forms", l+":inflect")
	}
	return cols
}

// cell makes a value fit a cell OmegaT reads line by line: no line breaks,
// and in TSV (which OmegaT does not quote) no tabs.
func cell(format, s string) string {
	if strings.ContainsAny(s, "\r\n\t") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' || r == '\t' }), " ")
	}
	return s
}

func list(format, id, lang string, items []string) (string, error) {
	for _, it := range items {
		if strings.Contains(it, strings.TrimSpace(listSep)) {
			return "", listError(id, lang, it)
		}
	}
	return cell(format, strings.Join(items, listSep)), nil
}

// writeTable writes an OmegaT glossary with tilmash's extra columns, one
// row per entry that has a term in the source language.
func writeTable(w io.Writer, format string, entries []*glossary.Entry, langs []string) error {
	src, trg := langs[0], langs[1]
	var rows [][]string
	for _, e := range entries {
		sf := e.Langs[src]
		if sf == nil || sf.Term == "" {
			continue
		}
		tf := e.Langs[trg]
		if tf == nil {
			tf = &glossary.Form{}
		}
		kind := e.Kind
		if kind == "" {
			kind = glossary.Other
		}
		row := []string{cell(format, sf.Term), cell(format, tf.Term), cell(format, e.Note), e.ID, string(kind)}
		for _, lf := range []struct {
			lang string
			f    *glossary.Form
		}{{src, sf}, {trg, tf}} {
			for _, items := range [][]string{lf.f.Variants, lf.f.Forbidden, lf.f.Forms} {
				c, err := list(format, e.ID, lf.lang, items)
				if err != nil {
					return err
				}
				row = append(row, c)
			}
			row = append(row, cell(format, lf.f.Inflect))
		}
		rows = append(rows, row)
	}
	head := columns(src, trg)
	head[0] = "# " + head[0]
	// A cell a spreadsheet would take for a formula is neutralised
	// (package sheet). OmegaT reads TSV without quotes, splitting at tabs.
	sw := sheet.NewCSV(w)
	if format == "tsv" {
		sw = sheet.NewTSV(w, false)
	}
	return sw.WriteAll(append([][]string{head}, rows...))
}
