package export

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// Label ids of the words on the HTML pages, with their English text. The
// export command passes a Labels function that renders them from the
// catalogue (locales/export.*.yaml holds the same ids).
var DefaultLabels = map[string]string{
	"export.html.lang":             "en",
	"export.html.group":            "#",
	"export.html.status.aligned":   "aligned",
	"export.html.status.confirmed": "confirmed",
	"export.html.status.flagged":   "flagged",
	"export.html.counts":           "groups: {{.Groups}} · confirmed: {{.Confirmed}} · flagged: {{.Flagged}}",
	"export.html.forced":           "Forced export: it went ahead past flagged groups ({{.Flagged}}) and glossary findings ({{.Findings}}) that the consistency check refuses",
	"export.html.legend.term":      "glossary term (hover for the entry)",
	"export.html.legend.finding":   "glossary finding",
	"export.html.legend.flagged":   "flagged group: check the alignment",
	"export.html.generated":        "Exported by tilmash {{.Version}}",
}

func (p *plan) label(id string, data map[string]any) string {
	if p.opt.Labels != nil {
		return p.opt.Labels(id, data)
	}
	return defaultLabel(id, data)
}

func defaultLabel(id string, data map[string]any) string {
	s, ok := DefaultLabels[id]
	if !ok {
		return id
	}
	for k, v := range data {
		s = strings.ReplaceAll(s, "{{."+k+"}}", fmt.Sprint(v))
	}
	return s
}

// pageCSS styles both HTML exports. It is inline so the page is one
// self-contained file that opens offline and mails as an attachment.
const pageCSS = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#222;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}
.meta{color:#555;margin:0 0 1rem}
.banner{border:2px solid #b00;background:#fff0f0;padding:.5rem 1rem;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4rem .6rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th{background:#f3f3f3;position:sticky;top:0}
th.num{width:6.5rem;font-weight:normal}
.status{display:block;font-size:.8em;color:#555}
tr.confirmed .status{color:#1f6f1f}
tr.flagged>*{background:#fff4e5}
tr.flagged .status{color:#a64b00;font-weight:bold}
.note{font-size:.8em;color:#555;margin-top:.3rem}
.heading{font-weight:bold;font-size:1.08em}
mark{color:inherit}
mark.term{background:#e8f0ff;border-bottom:1px dotted #2b5fb3}
mark.finding{background:#ffe0e0;border-bottom:2px solid #b00}
.legend{margin-top:1rem;font-size:.85em;color:#555}
.legend span{margin-right:1.2rem}
footer{margin-top:1rem;font-size:.8em;color:#777}
article{max-width:42rem;margin:0 auto;font-size:1.05rem}
@media print{body{margin:0;font-size:10pt}thead{display:table-header-group}thead th{position:static}tr{break-inside:avoid}mark{background:none}mark.term{border:0}mark.finding{text-decoration:underline wavy #b00}mark.finding[title]::after{content:" [" attr(title) "]";font-size:.8em;color:#555}tr.flagged>*{background:none}tr.flagged th.num{border-left:4px solid #a64b00}.legend{display:none}}
`

// writeHTML writes a self-contained side-by-side page: a row per group, a
// column per language (each cell carries its lang attribute), glossary
// terms and findings highlighted with their explanation on hover (and
// printed after findings), flagged groups tinted and marked, and a banner
// when the export was forced.
func writeHTML(w io.Writer, p *plan) error {
	bw := bufio.NewWriter(w)
	uiLang := "en"
	if v := p.opt.Labels; v != nil {
		if l := v("export.html.lang", nil); langCode.MatchString(l) {
			uiLang = l
		}
	}
	title := p.doc.ID
	if p.title != "" {
		title = p.title + " — " + p.doc.ID
	}
	h := func(s string) { bw.WriteString(s) }
	h("<!DOCTYPE html>\n<html lang=\"" + xmlx.Attr(uiLang) + "\">\n<head>\n<meta charset=\"utf-8\" />\n")
	h("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
	h("<meta name=\"generator\" content=\"" + xmlx.Attr(Tool+" "+p.opt.Version) + "\" />\n")
	if len(p.opt.Forced) > 0 {
		h("<meta name=\"tilmash-forced\" content=\"" + xmlx.Attr(Summary(p.opt.Forced)) + "\" />\n")
	}
	h("<title>" + xmlx.Text(title) + "</title>\n<style>\n" + pageCSS + "</style>\n</head>\n<body>\n")
	h("<header>\n<h1 lang=\"" + xmlx.Attr(p.langs[0]) + "\">" + xmlx.Text(orID(p.title, p.doc.ID)) + "</h1>\n")
	n, conf, flag := p.a.Counts()
	h("<p class=\"meta\"><code>" + xmlx.Text(p.doc.ID) + "</code> · " +
		xmlx.Text(p.label("export.html.counts", map[string]any{"Groups": n, "Confirmed": conf, "Flagged": flag})) + "</p>\n</header>\n")
	if len(p.opt.Forced) > 0 {
		nf := 0
		for _, b := range p.opt.Forced {
			if b.Kind != KindFlagged {
				nf++
			}
		}
		h("<p class=\"banner\" role=\"alert\">" + xmlx.Text(p.label("export.html.forced",
			map[string]any{"Flagged": len(p.opt.Forced) - nf, "Findings": nf})) + "</p>\n")
	}
	h("<table>\n<thead><tr><th scope=\"col\" class=\"num\">" + xmlx.Text(p.label("export.html.group", nil)) + "</th>")
	for _, l := range p.langs {
		h("<th scope=\"col\" lang=\"" + xmlx.Attr(l) + "\">" + xmlx.Text(strings.ToUpper(l)) + "</th>")
	}
	h("</tr></thead>\n<tbody>\n")
	marks := groupMarks(p.opt.Marks)
	for i, g := range p.a.Groups {
		num := strconv.Itoa(i + 1)
		h("<tr id=\"g" + num + "\" class=\"" + xmlx.Attr(string(g.Status)) + "\"><th scope=\"row\" class=\"num\"><a href=\"#g" + num + "\">" + num + "</a>")
		st := p.label("export.html.status."+string(g.Status), nil)
		if g.Status == document.Flagged {
			st = "⚑ " + st
		}
		h("<span class=\"status\">" + xmlx.Text(st) + "</span>")
		if g.Note != "" {
			h("<div class=\"note\">" + xmlx.Text(g.Note) + "</div>")
		}
		h("</th>")
		for _, l := range p.langs {
			h("<td lang=\"" + xmlx.Attr(l) + "\">")
			h(cell(g.Text(l), marks[markKey{i + 1, l}]))
			h("</td>")
		}
		h("</tr>\n")
	}
	h("</tbody>\n</table>\n<p class=\"legend\"><span><mark class=\"term\">" + xmlx.Text(p.label("export.html.legend.term", nil)) +
		"</mark></span><span><mark class=\"finding\">" + xmlx.Text(p.label("export.html.legend.finding", nil)) +
		"</mark></span><span>⚑ " + xmlx.Text(p.label("export.html.legend.flagged", nil)) + "</span></p>\n")
	h("<footer>" + xmlx.Text(p.label("export.html.generated", map[string]any{"Version": p.opt.Version})) + "</footer>\n</body>\n</html>\n")
	return bw.Flush()
}

func orID(title, id string) string {
	if title != "" {
		return title
	}
	return id
}

type markKey struct {
	group int
	lang  string
}

func groupMarks(ms []Mark) map[markKey][]Mark {
	out := map[markKey][]Mark{}
	for _, m := range ms {
		k := markKey{m.Group, m.Lang}
		out[k] = append(out[k], m)
	}
	return out
}

// cell renders a group's text in one language. A Markdown heading is shown
// as a heading, without its "#" markers: the page is for reading, and the
// markers stay in every data format.
func cell(text string, ms []Mark) string {
	k := headingMarker(text)
	if k == 0 {
		return highlight(text, ms)
	}
	shifted := make([]Mark, 0, len(ms))
	for _, m := range ms {
		if m.Start >= k {
			m.Start -= k
			m.End -= k
			shifted = append(shifted, m)
		}
	}
	return "<span class=\"heading\">" + highlight(text[k:], shifted) + "</span>"
}

// headingMarker returns the length of a leading Markdown heading marker
// ("# " to "###### "), or 0.
func headingMarker(text string) int {
	n := 0
	for n < len(text) && n < 6 && text[n] == '#' {
		n++
	}
	if n == 0 || n >= len(text) || text[n] != ' ' {
		return 0
	}
	return n + 1
}

// highlight escapes text for HTML and wraps the marked spans in <mark>.
// Spans that fall outside the text, cut a character in two, or overlap a
// span already placed are left out; findings are placed before terms, so
// a finding is never hidden by the term it concerns.
func highlight(text string, ms []Mark) string {
	var placed []Mark
	fits := func(m Mark) bool {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End ||
			!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End]) {
			return false
		}
		for _, q := range placed {
			if m.Start < q.End && q.Start < m.End {
				return false
			}
		}
		return true
	}
	for _, class := range []string{MarkFinding, MarkTerm} {
		for _, m := range ms {
			if m.Class == class && fits(m) {
				placed = append(placed, m)
			}
		}
	}
	sort.Slice(placed, func(i, j int) bool { return placed[i].Start < placed[j].Start })
	var b strings.Builder
	pos := 0
	for _, m := range placed {
		b.WriteString(xmlx.Text(text[pos:m.Start]))
		b.WriteString("<mark class=\"" + xmlx.Attr(m.Class) + "\"")
		if m.Title != "" {
			b.WriteString(" title=\"" + xmlx.Attr(m.Title) + "\"")
		}
		b.WriteString(">" + xmlx.Text(text[m.Start:m.End]) + "</mark>")
		pos = m.End
	}
	b.WriteString(xmlx.Text(text[pos:]))
	return b.String()
}
