package export

import (
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// The HTML pages are rendered with html/template, so every value is
// escaped for the place it lands in (element text, attribute, URL) by
// construction: no text of a document, a glossary or alignment.yaml can
// add markup. Their words come from the catalogues (locales/export.*.yaml,
// and the flag reasons of locales/align.*.yaml) through Options.Labels;
// without Labels, from the English catalogue.

var (
	englishOnce sync.Once
	english     *locale.Localizer
)

// label renders catalogue message id for the page.
func (o *Options) label(id string, data map[string]any) string {
	if o.Labels != nil {
		return o.Labels(id, data)
	}
	return englishText(id, data)
}

// englishText renders catalogue message id from the English catalogue.
func englishText(id string, data map[string]any) string {
	englishOnce.Do(func() { english, _ = locale.New("en") })
	if english == nil {
		return id
	}
	return english.T(id, data)
}

// englishLabel is the English catalogue's word for id (a finding kind:
// check.kind.numbers), or the last part of id when it has none.
func englishLabel(id string) string {
	if t := englishText(id, nil); t != id && t != "" {
		return t
	}
	return id[strings.LastIndexByte(id, '.')+1:]
}

// baseCSS styles both HTML exports. The CSS is inline so the page is one
// self-contained file that opens offline and mails as an attachment.
const baseCSS = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#222;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}
`

// tableCSS is the rest of the side-by-side page's CSS: its table, marks,
// banner and legend, which the localized article has none of.
const tableCSS = `.meta{color:#555;margin:0 0 1rem}
.banner{border:2px solid #b00;background:#fff0f0;padding:.5rem 1rem;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4rem .6rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th{background:#f3f3f3;position:sticky;top:0}
th.num{width:6.5rem;font-weight:normal}
.status{display:block;font-size:.8em;color:#555}
tr.confirmed .status{color:#1f6f1f}
tr.flagged>*{background:#fff4e5}
tr.flagged .status{color:#a64b00;font-weight:bold}
.reason{font-size:.8em;color:#a64b00;margin-top:.2rem}
.note{font-size:.8em;color:#555;margin-top:.3rem}
.was{font-size:.8em;margin-top:.2rem;white-space:pre-wrap}
.heading{font-weight:bold;font-size:1.08em}
mark{color:inherit}
mark.term{background:#e8f0ff;border-bottom:1px dotted #2b5fb3}
mark.finding{background:#ffe0e0;border-bottom:2px solid #b00}
.legend{margin-top:1rem;font-size:.85em;color:#555}
.legend span{margin-right:1.2rem}
footer{margin-top:1rem;font-size:.8em;color:#777}
@media print{body{margin:0;font-size:10pt}thead{display:table-header-group}thead th{position:static}tr{break-inside:avoid}mark{background:none}mark.term{border:0}mark.finding{text-decoration:underline wavy #b00}mark.finding[title]::after{content:" [" attr(title) "]";font-size:.8em;color:#555}tr.flagged>*{background:none}tr.flagged th.num{border-left:4px solid #a64b00}.legend{display:none}}
`

// articleCSS is the rest of the localized article's CSS. Its headline is
// the largest heading: baseCSS's h1 (1.4rem, for the side-by-side page's
// title over a table) was smaller than the 1.5em a browser gives an h2 of
// the article's text, so every subheading stood above the headline.
const articleCSS = `article{max-width:42rem;margin:0 auto;font-size:1.05rem}
article h1{font-size:1.9em;line-height:1.25;margin:0 0 .8rem}
@media print{body{margin:0;font-size:10pt}}
`

// pageHead is the start of a page, up to <body>, with css in its style
// element.
func pageHead(css string) string {
	return `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="{{.Generator}}" />
{{with .Forced}}<meta name="tilmash-forced" content="{{.}}" />
{{end}}{{with .ForcedComment}}{{.}}
{{end}}<title>{{.Title}}</title>
<style>
` + css + `</style>
</head>
<body>
`
}

var pages = lazy.Value[*template.Template]{New: func() *template.Template {
	return template.Must(template.New("side-by-side").Funcs(template.FuncMap{"upper": strings.ToUpper}).Parse(pageHead(baseCSS+tableCSS) + `<header>
<h1 lang="{{.HeadingLang}}">{{.Heading}}</h1>
<p class="meta"><code>{{.ID}}</code> · {{.Counts}}</p>
</header>
{{with .Banner}}<p class="banner" role="alert">{{.}}</p>
{{end}}<table>
<thead><tr><th scope="col" class="num">{{.GroupLabel}}</th>{{range .Langs}}<th scope="col" lang="{{.}}">{{upper .}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr id="g{{.N}}" class="{{.Status}}"><th scope="row" class="num"><a href="#g{{.N}}">{{.N}}</a><span class="status">{{.StatusLabel}}</span>
{{- range .Reasons}}<div class="reason">{{.}}</div>{{end}}
{{- range .Was}}<div class="was"><b>{{.Label}}:</b> <span lang="{{.Lang}}">{{.Text}}</span></div>{{end}}
{{- with .Note}}<div class="note">{{.}}</div>{{end}}</th>
{{- range .Cells}}<td lang="{{.Lang}}">{{template "cell" .}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<p class="legend"><span><mark class="term">{{.LegendTerm}}</mark></span><span><mark class="finding">{{.LegendFinding}}</mark></span><span>⚑ {{.LegendFlagged}}</span></p>
<footer>{{.Footer}}</footer>
</body>
</html>
{{define "cell"}}{{range $i, $p := .Parts}}{{if $i}} {{end}}{{if .Heading}}<span class="heading h{{.Heading}}">{{template "pieces" .Pieces}}</span>{{else}}{{template "pieces" .Pieces}}{{end}}{{end}}{{end}}
{{- define "pieces"}}{{range .}}{{if .Class}}<mark class="{{.Class}}"{{with .Title}} title="{{.}}"{{end}}>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}{{end}}`))
}}

var articlePage = lazy.Value[*template.Template]{New: func() *template.Template {
	return template.Must(template.New("article").Parse(pageHead(baseCSS+articleCSS) + `<article>
{{range .Blocks}}{{if eq .Level 1}}<h1>{{template "inline" .}}</h1>{{else if eq .Level 2}}<h2>{{template "inline" .}}</h2>{{else if eq .Level 3}}<h3>{{template "inline" .}}</h3>
{{- else if eq .Level 4}}<h4>{{template "inline" .}}</h4>{{else if eq .Level 5}}<h5>{{template "inline" .}}</h5>{{else if eq .Level 6}}<h6>{{template "inline" .}}</h6>
{{- else}}{{if eq .ListOpen "ul"}}<ul>
{{else if eq .ListOpen "ol"}}<ol>
{{end}}{{if .QuoteOpen}}<blockquote>
{{end}}{{if eq .Kind "li"}}<li>{{else}}<p>{{end}}{{template "inline" .}}{{if eq .Kind "li"}}</li>{{else}}</p>{{end}}
{{- if .QuoteClose}}
</blockquote>{{end}}{{if eq .ListClose "ul"}}
</ul>{{else if eq .ListClose "ol"}}
</ol>{{end}}{{end}}
{{end}}</article>
</body>
</html>
{{define "inline"}}{{with .Pieces}}{{template "pieces" .}}{{else}}{{.Text}}{{end}}{{end}}
{{- define "pieces"}}{{range .}}{{if .Break}}<br>{{else if .Href}}<a href="{{.Href}}">{{else if .Tag}}{{.Tag}}{{else}}{{.Text}}{{end}}{{end}}{{end}}`))
}}

// head is what pageHead shows.
type head struct {
	Lang, Generator, Forced, Title string
	// ForcedComment is the HTML comment a forced localized page carries
	// besides its meta element: built by [xmlx.CommentText] from the
	// summary, so it cannot end the comment or hold markup.
	ForcedComment template.HTML
}

type sideBySide struct {
	head
	HeadingLang, Heading, ID, Counts, Banner, GroupLabel string
	Langs                                                []string
	Rows                                                 []row
	LegendTerm, LegendFinding, LegendFlagged, Footer     string
}

type row struct {
	N           int
	Status      string
	StatusLabel string
	groupReview
	Cells []cellData
}

// groupReview is what a reviewer reads of a group beside its texts, on
// the side-by-side page and in the Markdown table alike: why it is
// flagged, the text a new version took from it, its note.
type groupReview struct {
	Reasons []string
	// Was is the text a new version took from a changed group, by
	// language, with its label: as show, review and serve show it
	// ([document.Group.Before]).
	Was  []wasText
	Note string
}

// reviewOf is the review of group i of the plan's alignment, its texts
// in the labels' language (Options.Labels), cleaned of what XML and HTML
// cannot carry: the reasons a flagged group is flagged
// (Options.FlagNotes, else [align.FlagReasons]), the text a new version
// took from it in each language exported, and its note.
func reviewOf(p *plan, i int) groupReview {
	g := p.a.Groups[i]
	r := groupReview{Note: clean(g.Note)}
	if g.Status == document.Flagged {
		var reasons []locale.Message
		if p.opt.FlagNotes != nil {
			reasons = p.opt.FlagNotes(p.a, i)
		} else {
			for _, reason := range flagReasons(g, p.a.Languages) {
				reasons = append(reasons, reason)
			}
		}
		for _, reason := range reasons {
			r.Reasons = append(r.Reasons, p.opt.label(reason.MessageID(), reason.TemplateData()))
		}
	}
	for _, b := range g.Before(p.langs) {
		r.Was = append(r.Was, wasText{Lang: b.Lang, Label: p.opt.label("review.was-label", map[string]any{"Lang": strings.ToUpper(b.Lang)}), Text: clean(b.Text)})
	}
	return r
}

// wasText is a language's text a changed group had, with its label
// ("RU before the new version").
type wasText struct{ Lang, Label, Text string }

// cellData is a group's text in one language: a part per sentence.
type cellData struct {
	Lang  string
	Parts []cellPart
}

// cellPart is a sentence of a cell: its heading level (0 for none) and
// its pieces of text, each plain or marked.
type cellPart struct {
	Heading int
	Pieces  []Piece
}

// Piece is a run of a cell's text, plain or marked (Class is MarkTerm or
// MarkFinding, Title its explanation).
type Piece struct{ Text, Class, Title string }

// clean replaces the characters XML and HTML cannot carry by U+FFFD.
func clean(s string) string {
	s, _ = xmlx.Clean(s)
	return s
}

// writeHTML writes a self-contained side-by-side page: a row per group, a
// column per language (each cell carries its lang attribute), glossary
// terms and findings highlighted with their explanation on hover (and
// printed after findings), flagged groups tinted and marked with why they
// are flagged (Options.FlagNotes, else [align.FlagReasons]), and a banner when the export was
// forced.
func writeHTML(w io.Writer, p *plan) error {
	uiLang := "en"
	if l := p.opt.label("export.html.lang", nil); langCode.Get().MatchString(l) {
		uiLang = l
	}
	title := p.doc.ID
	if p.title != "" {
		title = p.title + " — " + p.doc.ID
	}
	n, conf, flag := p.a.Counts()
	pg := sideBySide{
		head:          head{Lang: uiLang, Generator: Tool + " " + p.opt.Version, Title: clean(title)},
		HeadingLang:   p.langs[0],
		Heading:       clean(orID(p.title, p.doc.ID)),
		ID:            p.doc.ID,
		Counts:        p.opt.label("export.html.counts", map[string]any{"Groups": n, "Confirmed": conf, "Flagged": flag}),
		GroupLabel:    p.opt.label("export.html.group", nil),
		Langs:         p.langs,
		LegendTerm:    p.opt.label("export.html.legend.term", nil),
		LegendFinding: p.opt.label("export.html.legend.finding", nil),
		LegendFlagged: p.opt.label("export.html.legend.flagged", nil),
		Footer:        p.opt.label("export.html.generated", map[string]any{"Version": p.opt.Version}),
	}
	if len(p.opt.Forced) > 0 {
		pg.Forced = Summary(p.opt.Forced)
		nf := 0
		for _, b := range p.opt.Forced {
			if b.Kind != KindFlagged {
				nf++
			}
		}
		pg.Banner = p.opt.label("export.html.forced", map[string]any{"What": forcedWhat(len(p.opt.Forced)-nf, nf)})
	}
	marks := groupMarks(p.opt.Marks)
	for i, g := range p.a.Groups {
		r := row{N: i + 1, Status: string(g.Status), StatusLabel: p.opt.label("export.html.status."+string(g.Status), nil), groupReview: reviewOf(p, i)}
		if g.Status == document.Flagged {
			r.StatusLabel = "⚑ " + r.StatusLabel
		}
		for _, l := range p.langs {
			r.Cells = append(r.Cells, cellOf(p, l, g.Sents[l], marks[markKey{i + 1, l}]))
		}
		pg.Rows = append(pg.Rows, r)
	}
	return pages.Get().Execute(w, pg)
}

// flagReasons says why a stored group is flagged, by the aligner's rule
// over the alignment's languages: a language with no sentence, a low
// score. A group a person flagged by hand may have none.
func flagReasons(g *document.Group, langs []string) []align.Reason {
	sides := make([]align.Side, 0, len(langs))
	for _, l := range langs {
		sides = append(sides, align.Side{Lang: l, Sentences: len(g.Sents[l])})
	}
	return align.FlagReasons(g.Score, 0, sides...)
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

// cellOf lays out a group's sentences in one language, ms marking spans
// of the group's text as Group.Text joins them (a space between
// sentences). A heading is shown as a heading, without its "#" marks
// ([document.Heading]), the marks after them moved with the text.
func cellOf(p *plan, lang string, ss []document.Sentence, ms []Mark) cellData {
	c := cellData{Lang: lang}
	off := 0
	for _, s := range ss {
		var in []Mark
		for _, m := range ms {
			if m.Start >= off && m.End <= off+len(s.Text) {
				m.Start -= off
				m.End -= off
				in = append(in, m)
			}
		}
		level, pieces := Cell(s.Text, in)
		if level == 0 && p != nil {
			level = p.level(lang, s)
		}
		c.Parts = append(c.Parts, cellPart{Heading: level, Pieces: pieces})
		off += len(s.Text) + 1
	}
	return c
}

// Cell lays out a sentence for an HTML view, as the side-by-side page
// does: the level of its heading (0 for none; shown without its "#"
// marks), and its pieces, the spans of ms (offsets into the sentence)
// marked and every text cleaned of what HTML cannot carry. tilmash serve
// draws its sentences with it.
func Cell(text string, ms []Mark) (heading int, pieces []Piece) {
	level, k := document.Heading(text)
	if k > 0 {
		shifted := make([]Mark, 0, len(ms))
		for _, m := range ms {
			if m.Start >= k {
				m.Start -= k
				m.End -= k
				shifted = append(shifted, m)
			}
		}
		text, ms = text[k:], shifted
	}
	pieces = highlight(text, ms)
	for i := range pieces {
		pieces[i].Text = clean(pieces[i].Text)
	}
	return level, pieces
}

// highlight cuts text into pieces, the marked spans in their own. Spans
// that fall outside the text, cut a character in two, or overlap a span
// already placed are left out; findings are placed before terms, so a
// finding is never hidden by the term it concerns.
func highlight(text string, ms []Mark) []Piece {
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
	var out []Piece
	pos := 0
	for _, m := range placed {
		if pos < m.Start {
			out = append(out, Piece{Text: text[pos:m.Start]})
		}
		out = append(out, Piece{Text: text[m.Start:m.End], Class: m.Class, Title: clean(m.Title)})
		pos = m.End
	}
	if pos < len(text) {
		out = append(out, Piece{Text: text[pos:]})
	}
	return out
}

// forcedWhat says what a forced export went past, counted by kind, as
// the command line says it: "1 flagged group", "2 error findings", "1
// flagged group and 2 error findings" (a kind it did not go past is not
// named, "flagged groups (0)" it said).
func forcedWhat(flagged, findings int) locale.Msg {
	f := locale.Msg{ID: "export.gate.what.flagged", Data: map[string]any{"Count": flagged}}
	e := locale.Msg{ID: "export.gate.what.findings", Data: map[string]any{"Count": findings}}
	switch {
	case findings == 0:
		return f
	case flagged == 0:
		return e
	}
	return locale.Msg{ID: "export.gate.what.both", Data: map[string]any{"Flagged": f, "Findings": e}}
}
