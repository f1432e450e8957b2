package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/sheet"
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

// mdCellText makes text literal inside a Markdown table cell: what
// either dialect would read as markup escaped as in the article
// ([mdEscape]: "<" as "&lt;", so that "<script>" is text), and the pipe
// that ends a cell. Line breaks cannot live in a cell and become spaces.
func mdCellText(s string) string {
	return mdCellReplacer.Get().Replace(mdEscape(s))
}

var mdCellReplacer = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "\t", " ")
}}

// writeMarkdown writes a Markdown table: a column with the group number
// (⚑ marks a flagged group) and what the side-by-side page shows under
// it ([reviewOf]), then a column per language.
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
		bw.WriteString(mdReview(p, reviewOf(p, i)))
		bw.WriteString(" |")
		for _, l := range p.langs {
			bw.WriteString(" " + mdCell(p, g, l) + " |")
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// mdReview is a group's review as the number's cell of the Markdown
// table shows it after the number, the side-by-side page's lines each on
// a line of its own (a cell holds no line break but "<br>"; the space
// before it keeps the lines apart where a reader drops raw HTML): the
// reasons it is flagged, the text a new version took from it after its
// label in bold, its note after the label show gives it, in bold too (a
// table has no style to tell a note from a reason). Escaped as the
// sentences are.
func mdReview(p *plan, r groupReview) string {
	var b strings.Builder
	line := func(label, text string) {
		b.WriteString(" <br>")
		if label != "" {
			b.WriteString("**" + mdCellText(label) + ":** ")
		}
		b.WriteString(mdCellText(oneLine(text)))
	}
	for _, reason := range r.Reasons {
		line("", reason)
	}
	for _, w := range r.Was {
		line(w.Label, w.Text)
	}
	if note := oneLine(r.Note); note != "" {
		line(p.opt.label("review.note-label", nil), note)
	}
	return b.String()
}

// mdCell is a group's sentences in lang as a Markdown table cell shows
// them: escaped, joined by a space, a heading in bold without its "#"
// marks (a cell cannot hold a heading).
func mdCell(p *plan, g *document.Group, lang string) string {
	var b strings.Builder
	for i, s := range g.Sents[lang] {
		if i > 0 {
			b.WriteByte(' ')
		}
		t := mdCellText(SentenceText(s.Text))
		if p.level(lang, s) > 0 {
			t = "**" + t + "**"
		}
		b.WriteString(t)
	}
	return b.String()
}

// jsonGroup is one line of JSON Lines output.
type jsonGroup struct {
	Doc       string              `json:"doc"`
	Group     int                 `json:"group"`
	Status    string              `json:"status"`
	Score     float64             `json:"score"`
	Note      string              `json:"note,omitempty"`
	Heading   int                 `json:"heading,omitempty"`
	Forced    bool                `json:"forced,omitempty"`
	Text      map[string]string   `json:"text"`
	Sentences map[string][]string `json:"sentences"`
}

// writeJSONL writes one JSON object per group and line: the document id,
// group number, status, score, note, the text per language and its
// sentences. A heading's text carries no "#" marks: a group that opens
// with a heading has "heading": its level (1–6). In a forced export every
// line carries "forced": true, so no line can be taken out of context.
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
			j.Text[l] = segText(g, l)
			j.Sentences[l] = append([]string{}, sentTexts(g.Sents[l])...)
			if ss := g.Sents[l]; j.Heading == 0 && len(ss) > 0 {
				j.Heading = p.level(l, ss[0])
			}
		}
		if err := enc.Encode(&j); err != nil {
			return err
		}
	}
	return bw.Flush()
}
