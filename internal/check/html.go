package check

import (
	"html/template"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/qa"
)

// KindOrder is the order in which reports list finding kinds: the
// glossary's, then the editors' checks'.
// (TestNamesAreTheChecks holds it to Names.)
var KindOrder = []string{glossary.FindingMissing, glossary.FindingForbidden, glossary.FindingHomoglyph, glossary.FindingHidden,
	string(qa.Numbers), string(qa.Links), string(qa.Untranslated), string(qa.Consistency), string(qa.Typography), string(qa.Endings), string(qa.Spelling)}

// HTMLOptions are the words and the language of an HTML report.
type HTMLOptions struct {
	// Lang is the language of the page's labels (its lang attribute).
	Lang string
	// Labels renders catalogue messages (check.html.*, check.kind.*, the
	// findings' messages) in the reader's language.
	Labels func(id string, data map[string]any) string
	// Workspace names the workspace in the title.
	Workspace string
}

// WriteHTML writes reports as one page a person reads in a browser,
// offline: inline style, no scripts, nothing fetched. Findings are grouped
// by kind, then by document or file; each shows its message, where it is,
// and its unit's source and translation side by side with the spot
// marked. Every text is escaped by html/template.
func WriteHTML(w io.Writer, reports []*Report, opt HTMLOptions) error {
	T := func(id string, data map[string]any) string { return opt.Labels(id, data) }
	page := htmlPage{Lang: opt.Lang, Title: T("check.html.title", map[string]any{"Workspace": opt.Workspace})}
	byKind := map[string]map[string][]Finding{}
	sources := map[string]string{}
	var docs []string
	errs, n := 0, 0
	for _, r := range reports {
		docs = append(docs, r.Name)
		sources[r.Name] = r.Source
		for _, f := range r.Findings {
			if byKind[f.Kind] == nil {
				byKind[f.Kind] = map[string][]Finding{}
			}
			byKind[f.Kind][r.Name] = append(byKind[f.Kind][r.Name], f)
			n++
			if f.Severity == qa.Error {
				errs++
			}
		}
	}
	page.Summary = T("check.html.summary", map[string]any{"Inputs": len(reports), "Count": n, "Errors": errs, "Warnings": n - errs})
	if n == 0 {
		page.Clean = T("check.html.clean", nil)
	}
	for _, k := range KindOrder {
		if byKind[k] == nil {
			continue
		}
		sec := htmlKind{ID: "kind-" + k, Name: T("check.kind."+k, nil)}
		seen := map[string]bool{}
		for _, d := range docs {
			fs := byKind[k][d]
			if len(fs) == 0 || seen[d] {
				continue
			}
			seen[d] = true
			doc := htmlDoc{Name: d}
			for _, f := range fs {
				doc.Findings = append(doc.Findings, htmlFinding(f, sources[d], T))
				sec.Count++
			}
			sec.Docs = append(sec.Docs, doc)
		}
		page.Kinds = append(page.Kinds, sec)
	}
	page.Labels = map[string]string{
		"source": T("check.html.source", nil), "translation": T("check.html.translation", nil),
		"places": T("check.html.places", nil), "variants": T("check.html.variants", nil), "fix": T("check.html.fix", nil),
	}
	return htmlTemplate.Get().Execute(w, page)
}

type htmlPage struct {
	Lang, Title, Summary, Clean string
	Kinds                       []htmlKind
	Labels                      map[string]string
}

type htmlKind struct {
	ID, Name string
	Count    int
	Docs     []htmlDoc
}

type htmlDoc struct {
	Name     string
	Findings []htmlItem
}

type htmlItem struct {
	Severity, SeverityName string
	Where, Unit, Message   string
	Lang, SrcLang          string
	Fix                    string
	Source, Target         htmlText
	// Places are a consistency finding's places, each under its variant
	// in Variants (Places holds those whose variant is not known).
	Places   []string
	Variants []htmlVariant
	Multi    bool // a consistency finding
}

// htmlText is a text cut around the spot a finding marks.
type htmlText struct {
	Before, Mark, After string
	Marked, Present     bool
	// CutBefore and CutAfter say that an excerpt left text out there.
	CutBefore, CutAfter bool
}

// cut is text (one of f's unit's texts) with the spot f marks when mark,
// whole for a sentence, a group, a paragraph; of a whole text (a document
// not aligned yet) only an excerpt, as the text report shows it: around
// the spot, or, in the text it is not in, around the place that
// corresponds to it in proportion.
func cut(f Finding, text string, mark bool) htmlText {
	start, end := f.Start, f.End
	if !mark || start < 0 || end > len(text) || start > end {
		if f.Scope != ScopeText || utf8.RuneCountInString(text) <= 2*ExcerptWidth {
			return htmlText{Before: text, Present: text != ""}
		}
		at := CorrespondingAt(text, f.Segment, f.Start)
		e := CutExcerpt(text, at, at)
		return htmlText{Before: e.Before, After: e.After, CutBefore: e.CutBefore, CutAfter: e.CutAfter, Present: true}
	}
	if f.Scope != ScopeText {
		return htmlText{Before: text[:start], Mark: text[start:end], After: text[end:], Marked: true, Present: true}
	}
	e := CutExcerpt(text, start, end)
	return htmlText{Before: e.Before, Mark: e.Span, After: e.After, CutBefore: e.CutBefore, CutAfter: e.CutAfter, Marked: true, Present: true}
}

// htmlVariant is one text of a consistency finding with its places.
type htmlVariant struct {
	Text   string
	Places []string
}

func htmlFinding(f Finding, source string, T func(string, map[string]any) string) htmlItem {
	it := htmlItem{
		Severity: string(f.Severity), SeverityName: T("check.severity."+string(f.Severity), nil),
		Unit: T("check.place."+string(f.Scope), map[string]any{"Number": f.Group}),
		Lang: f.Lang, SrcLang: f.SrcLang, Fix: f.Expected,
	}
	if it.SrcLang == "" {
		it.SrcLang = source
	}
	if f.File != "" {
		it.Where = f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	}
	it.Message = T(f.MessageID(), f.TemplateData())
	if it.Message == f.MessageID() {
		it.Message = f.Error()
	}
	if len(f.Places) > 0 {
		it.Multi = true
		vs, _ := f.TemplateData()["Variants"].([]string)
		for _, v := range vs {
			it.Variants = append(it.Variants, htmlVariant{Text: v})
		}
		for _, p := range f.Places {
			place := p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) + " (" + T("check.place."+string(p.Scope), map[string]any{"Number": p.Group}) + ")"
			if p.Variant >= 1 && p.Variant <= len(it.Variants) {
				v := &it.Variants[p.Variant-1]
				v.Places = append(v.Places, place)
			} else {
				it.Places = append(it.Places, place)
			}
		}
		return it
	}
	if f.Check != Terms && f.Check != "" || f.InSource {
		it.Source = cut(f, f.SourceText(), f.InSource)
		it.Target = cut(f, f.TargetText(), !f.InSource)
	} else {
		// A glossary finding in any text of the unit: the text it is in.
		it.Target = cut(f, f.Segment, true)
		if f.Lang != f.SrcLang && f.SrcText != "" && f.SrcText != f.Segment {
			it.Source = cut(f, f.SrcText, false)
		}
	}
	return it
}

// htmlTemplate is parsed on first use: parsing it at init cost every start of tilmash.
var htmlTemplate = lazy.Value[*template.Template]{New: func() *template.Template {
	return template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tilmash check">
<title>{{.Title}}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.05em;font-family:monospace}
nav a{margin-right:1em}
.finding{border-left:4px solid #c00;padding:.3em .8em;margin:.8em 0;background:#fff8f8}
.finding.warning{border-color:#d80;background:#fffbf2}
.meta{font-size:.85em;color:#555}.meta code{color:#222}
.sev{font-weight:bold;text-transform:uppercase;font-size:.8em;margin-right:.5em}
.error .sev{color:#c00}.warning .sev{color:#a60}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin-top:.3em}
td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left;white-space:pre-wrap;word-wrap:break-word}
th{width:50%;background:#f4f4f4;font-weight:normal;font-size:.85em}
mark{background:#ffd54f;outline:1px solid #c00}
.fix{color:#060}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Summary}}</p>
{{if .Clean}}<p>{{.Clean}}</p>{{end}}
{{if .Kinds}}<nav>{{range .Kinds}}<a href="#{{.ID}}">{{.Name}} ({{.Count}})</a>{{end}}</nav>{{end}}
{{range .Kinds}}
<section id="{{.ID}}">
<h2>{{.Name}} ({{.Count}})</h2>
{{range .Docs}}
<h3>{{.Name}}</h3>
{{range .Findings}}
<div class="finding {{.Severity}}">
<div class="meta"><span class="sev">{{.SeverityName}}</span> <code>{{.Lang}}</code> · {{.Unit}}{{if .Where}} · <code>{{.Where}}</code>{{end}}</div>
<div class="msg">{{.Message}}</div>
{{if .Fix}}<div class="fix">{{$.Labels.fix}}: {{.Fix}}</div>{{end}}
{{if .Multi}}{{if .Places}}<div>{{$.Labels.places}}:</div><ul>{{range .Places}}<li><code>{{.}}</code></li>{{end}}</ul>{{end}}
<div>{{$.Labels.variants}}:</div><ol>{{range .Variants}}<li>{{.Text}}<ul>{{range .Places}}<li><code>{{.}}</code></li>{{end}}</ul></li>{{end}}</ol>
{{else}}<table><tr>{{if .Source.Present}}<th>{{$.Labels.source}} ({{.SrcLang}})</th>{{end}}<th>{{$.Labels.translation}} ({{.Lang}})</th></tr>
<tr>{{if .Source.Present}}<td>{{template "text" .Source}}</td>{{end}}<td>{{template "text" .Target}}</td></tr></table>{{end}}
</div>
{{end}}
{{end}}
</section>
{{end}}
</body>
</html>
{{define "text"}}{{if .CutBefore}}…{{end}}{{.Before}}{{if .Marked}}<mark>{{.Mark}}</mark>{{end}}{{.After}}{{if .CutAfter}}…{{end}}{{end}}`))
}}
