package export

import (
	"bufio"
	"html/template"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// Localized writes one language version of the article, ready to publish,
// in format md, html or txt. It works from the stored text of lang, not
// from the groups, so paragraphs and headings are exactly those of the
// original: each non-blank line is a block, a line starting with "#" a
// heading of that level. Straight double quotes become the language's
// quotation marks ([Quotes]).
//
// A forced export is recorded as an HTML comment in md, and as a meta
// element and a comment in html. Plain text has no place for a record that
// would not be published with it, so txt carries none; the caller reports
// the forcing on its own.
func Localized(w io.Writer, format string, d *document.Document, lang string, opt Options) error {
	var write func(*bufio.Writer, *article) error
	switch format {
	case "md":
		write = writeArticleMarkdown
	case "html":
		write = writeArticleHTML
	case "txt":
		write = writeArticleText
	default:
		return badFormat(format, LocalizedFormats)
	}
	raw, err := d.Text(lang)
	if err != nil {
		return err
	}
	a := parseArticle(lang, raw)
	a.opt = opt
	if a.opt.Version == "" {
		a.opt.Version = "dev"
	}
	if v := d.Meta.Versions[lang]; v != nil {
		a.title = v.Title
	}
	if a.title == "" {
		a.title = d.ID
	}
	bw := bufio.NewWriter(w)
	if err := write(bw, a); err != nil {
		return err
	}
	return bw.Flush()
}

// block is a paragraph or heading of an article.
type block struct {
	level int    // 0 for a paragraph, 1–6 for a heading
	text  string // without the heading marks, quotes converted
	gap   bool   // a blank line precedes it in the original
}

// Level and Text are what the article page shows of a block.
func (b block) Level() int   { return b.level }
func (b block) Text() string { return b.text }

type article struct {
	lang   string
	title  string
	blocks []block
	opt    Options
}

var headingLine = regexp.MustCompile(`^(#{1,6})[ \t]+(.*)$`)

// parseArticle splits a stored text into blocks, one per non-blank line.
func parseArticle(lang, text string) *article {
	a := &article{lang: lang}
	gap := false
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			gap = len(a.blocks) > 0
			continue
		}
		b := block{text: line, gap: gap}
		if m := headingLine.FindStringSubmatch(line); m != nil {
			b.level, b.text = len(m[1]), strings.TrimSpace(m[2])
		}
		b.text, _ = xmlx.Clean(Quotes(lang, b.text))
		a.blocks = append(a.blocks, b)
		gap = false
	}
	return a
}

func writeArticleText(w *bufio.Writer, a *article) error {
	for i, b := range a.blocks {
		if i > 0 && b.gap {
			w.WriteString("\n")
		}
		if b.level > 0 {
			w.WriteString(strings.Repeat("#", b.level) + " ")
		}
		w.WriteString(b.text + "\n")
	}
	return nil
}

// mdInline escapes the characters that would make Markdown read text as
// markup, and the HTML-significant ones (Markdown passes raw HTML on).
var mdInline = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
)

// mdLineStart matches what would open a list, a quote, a heading or a
// rule at the start of a paragraph: "1. ", "- ", "+ ", "#", "=".
var mdLineStart = regexp.MustCompile(`^(\d+)([.)])(\s)|^([-+=#])`)

func mdParagraph(s string) string {
	s = mdInline.Replace(s)
	if m := mdLineStart.FindStringSubmatchIndex(s); m != nil {
		if m[2] >= 0 { // "1. " → "1\. "
			return s[:m[3]] + `\` + s[m[3]:]
		}
		return `\` + s
	}
	return s
}

func writeArticleMarkdown(w *bufio.Writer, a *article) error {
	if len(a.opt.Forced) > 0 {
		w.WriteString("<!-- tilmash: " + strings.ReplaceAll(oneLine(Summary(a.opt.Forced)), "--", "- -") + " -->\n\n")
	}
	for i, b := range a.blocks {
		if i > 0 {
			w.WriteString("\n") // Markdown needs a blank line between blocks
		}
		if b.level > 0 {
			w.WriteString(strings.Repeat("#", b.level) + " " + mdInline.Replace(b.text) + "\n")
			continue
		}
		w.WriteString(mdParagraph(b.text) + "\n")
	}
	return nil
}

// articleData is what the article page shows.
type articleData struct {
	head
	Blocks []block
}

func writeArticleHTML(w *bufio.Writer, a *article) error {
	title := a.title
	if len(a.blocks) > 0 && a.blocks[0].level == 1 {
		title = a.blocks[0].text
	}
	d := articleData{head: head{Lang: a.lang, Generator: Tool + " " + a.opt.Version, Title: clean(title)}}
	if len(a.opt.Forced) > 0 {
		d.Forced = Summary(a.opt.Forced)
		// A comment, not markup: CommentText keeps it from ending early,
		// and escaping its text keeps markup out of it.
		d.ForcedComment = template.HTML("<!-- tilmash: " + xmlx.CommentText(xmlx.Text(oneLine(d.Forced))) + " -->")
	}
	d.Blocks = a.blocks
	return articlePage().Execute(w, d)
}

// quoteMarks are a language's outer and inner quotation marks.
type quoteMarks struct{ open, close, innerOpen, innerClose rune }

var quotesByLang = map[string]quoteMarks{
	"en": {'“', '”', '‘', '’'},
	"ru": {'«', '»', '„', '“'},
	"kk": {'«', '»', '„', '“'},
}

// Quotes replaces the straight double quotes of text with lang's
// quotation marks: « » in Russian and Kazakh („ “ inside them), “ ” in
// English (‘ ’ inside). A quote opens after a space, an opening bracket or
// quote, or a dash, or at the start; otherwise it closes. Typographic
// quotes already in the text count towards nesting. Apostrophes are left
// alone: in English they are not quotation marks. Languages without rules
// are returned unchanged.
func Quotes(lang, text string) string {
	q, ok := quotesByLang[lang]
	if !ok || !strings.Contains(text, `"`) {
		return text
	}
	var b strings.Builder
	depth := 0
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r == '\n':
			depth = 0 // quotes never run across paragraphs
		case r == q.open:
			depth++
		case r == q.close && depth > 0:
			depth--
		case r == '"':
			if opens(prev, q) {
				if depth == 0 {
					r = q.open
				} else {
					r = q.innerOpen
				}
				depth++
			} else {
				switch {
				case depth >= 2:
					r = q.innerClose
				default:
					r = q.close
				}
				if depth > 0 {
					depth--
				}
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func opens(prev rune, q quoteMarks) bool {
	if prev == q.close || prev == q.innerClose {
		return false
	}
	if prev < 0 || unicode.IsSpace(prev) {
		return true
	}
	switch prev {
	case '(', '[', '{', '«', '„', '“', '‘', '—', '–', '-', '/':
		return true
	}
	return false
}
