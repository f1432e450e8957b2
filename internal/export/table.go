package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/sheet"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// writeCSV writes RFC 4180 CSV: a header row of language codes, then a
// row per group. The header is always the first line, forced or not (see
// [Records]): OmegaT and Translate Toolkit take it for the languages of
// the columns, pandas and spreadsheets for their names. A cell a
// spreadsheet would take for a formula is neutralised (package sheet).
func writeCSV(w io.Writer, p *plan) error { return writeDelimited(sheet.NewCSV(w), p) }

// writeTSV is writeCSV with tabs, quoted the way spreadsheets and
// Python's excel-tab dialect read it.
func writeTSV(w io.Writer, p *plan) error { return writeDelimited(sheet.NewTSV(w, true), p) }

func writeDelimited(sw *sheet.Writer, p *plan) error {
	if err := sw.Write(p.langs); err != nil {
		return err
	}
	row := make([]string, len(p.langs))
	for _, g := range p.a.Groups {
		for i, l := range p.langs {
			row[i] = segText(g, l)
		}
		if err := sw.Write(row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// mdEscaper makes text literal inside a Markdown table cell: the
// characters Markdown gives a meaning, the pipe that ends a cell, and the
// HTML-significant ones (Markdown passes raw HTML through, so "<script>"
// must become text). Line breaks cannot live in a cell and become spaces.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "|", `\|`,
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", " ", "\r", " ", "\t", " ",
)

// writeMarkdown writes a Markdown table: a column with the group number
// (⚑ marks a flagged group), then a column per language.
func writeMarkdown(w io.Writer, p *plan) error {
	bw := bufio.NewWriter(w)
	if len(p.opt.Forced) > 0 {
		bw.WriteString("<!-- tilmash: " + strings.ReplaceAll(oneLine(Summary(p.opt.Forced)), "--", "- -") + " -->\n\n")
	}
	bw.WriteString("| # |")
	for _, l := range p.langs {
		bw.WriteString(" " + l + " |")
	}
	bw.WriteString("\n|--:|")
	for range p.langs {
		bw.WriteString("---|")
	}
	bw.WriteString("\n")
	for i, g := range p.a.Groups {
		bw.WriteString("| " + strconv.Itoa(i+1))
		if g.Status == document.Flagged {
			bw.WriteString(" ⚑")
		}
		bw.WriteString(" |")
		for _, l := range p.langs {
			bw.WriteString(" " + mdEscaper.Replace(text(g, l)) + " |")
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// jsonGroup is one line of JSON Lines output.
type jsonGroup struct {
	Doc       string              `json:"doc"`
	Group     int                 `json:"group"`
	Status    string              `json:"status"`
	Score     float64             `json:"score"`
	Note      string              `json:"note,omitempty"`
	Forced    bool                `json:"forced,omitempty"`
	Text      map[string]string   `json:"text"`
	Sentences map[string][]string `json:"sentences"`
}

// writeJSONL writes one JSON object per group and line: the document id,
// group number, status, score, note, the text per language and its
// sentences. In a forced export every line carries "forced": true, so no
// line can be taken out of context.
func writeJSONL(w io.Writer, p *plan) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // data, not a page: keep "<" readable
	for i, g := range p.a.Groups {
		j := jsonGroup{
			Doc: p.doc.ID, Group: i + 1, Status: string(g.Status), Score: g.Score, Note: g.Note,
			Forced: len(p.opt.Forced) > 0, Text: map[string]string{}, Sentences: map[string][]string{},
		}
		for _, l := range p.langs {
			j.Text[l] = text(g, l)
			ss := []string{}
			for _, s := range g.Sents[l] {
				c, _ := xmlx.Clean(s.Text)
				ss = append(ss, c)
			}
			j.Sentences[l] = ss
		}
		if err := enc.Encode(&j); err != nil {
			return err
		}
	}
	return bw.Flush()
}
