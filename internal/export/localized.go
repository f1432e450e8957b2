package export

import (
	"bufio"
	"html"
	"html/template"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// Localized writes one language version of the article, ready to publish,
// in format md, html, txt or docx. It works from the stored text of lang,
// not from the groups, so paragraphs and headings are exactly those of the
// original: a line starting with "#" is a heading of that level. Straight
// double quotes become the language's quotation marks ([Quotes]).
//
// A text imported from Markdown, HTML or DOCX has its formatting beside it
// (document.Formatting, LANG.format.yaml): its blocks are separated by
// blank lines, a single line end inside one is a line break, and the
// spans that still match the text put back list items, quotes, bold,
// italic, code and links (txt keeps the stored text as it is, but for the
// quotation marks of an HTML <q>, which are words to a reader). A text
// without formatting is read as before: each non-blank line a block.
//
// A forced export is recorded as an HTML comment in md, as a meta element
// and a comment in html, and as a document property in docx. Plain text
// has no place for a record that would not be published with it, so txt
// carries none; the caller reports the forcing on its own.
func Localized(w io.Writer, format string, d *document.Document, lang string, opt Options) error {
	var write func(*bufio.Writer, *article) error
	switch format {
	case "md":
		write = writeArticleMarkdown
	case "html":
		write = writeArticleHTML
	case "txt":
		write = writeArticleText
	case "docx":
		write = writeArticleDOCX
	default:
		return badFormat(format, LocalizedAll)
	}
	raw, err := d.Text(lang)
	if err != nil {
		return err
	}
	f, err := d.FormattingFor(lang, raw)
	if err != nil {
		return err
	}
	a := parseArticle(lang, raw, f)
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

// LocalizedAll lists every format of [Localized]: [LocalizedFormats],
// which publish writes, and docx, which export writes on request.
// (TestLocalizedAll holds it to LocalizedFormats.)
var LocalizedAll = []string{"md", "html", "txt", "docx"}

// CarriesFormatting says whether an export in format keeps the texts'
// formatting (bold, links, list items...): TMX among the bilingual
// formats (as inline codes), and every one-language version but plain
// text (localized). Formatting such an export can no longer place is
// worth saying; the others never had it. XLIFF 2.0 and 1.2 are not among
// them: their segments are plain text, with no <pc>, <ph> or <g>, so a
// translator opening one in OmegaT, Trados or memoQ sees no tag of any
// span, placed or not, and import-xliff puts the formatting back by the
// words. TestCarriesFormattingAgrees holds this to what each writer
// writes.
func CarriesFormatting(format string, localized bool) bool {
	if localized {
		return format != "txt"
	}
	return format == "tmx"
}

// block is a paragraph, heading, list item or quote of an article.
type block struct {
	level int    // 0 for a paragraph, 1–6 for a heading
	text  string // without the heading marks, quotes converted
	gap   bool   // a blank line precedes it in the original
	kind  string // docformat.Item, Ordered, Quote, Note, or "" for a paragraph
	runs  []run
	// pieces are the block's text and tags as the page writes them (nil
	// for a block of plain text)
	pieces []piece
	// ListOpen and ListClose say that the block opens or closes a list
	// ("ul" or "ol"); QuoteOpen and QuoteClose a block quote.
	ListOpen, ListClose   string
	QuoteOpen, QuoteClose bool
	num                   int // the number of an ordered item
}

// run is a piece of a block with one formatting: the spans over it, in
// the order they open (outer first).
type run struct {
	Text  string
	Break bool // a line break, no text
	spans []docformat.Span
	// at and end are the run's bytes in the stored text.
	at, end int
}

// Level and Text are what the article page shows of a block.
func (b block) Level() int   { return b.level }
func (b block) Text() string { return b.text }

// Kind is the block's kind for the page: "li", "quote" or "p".
func (b block) Kind() string {
	switch b.kind {
	case docformat.Item, docformat.Ordered:
		return "li"
	case docformat.Quote:
		return "quote"
	}
	return "p"
}

// Pieces are the block's text, tags and line breaks as the page writes
// them; none for a block of plain text.
func (b block) Pieces() []piece { return b.pieces }

// Formatted reports whether the block has formatting or line breaks.
func (b block) Formatted() bool {
	return len(b.runs) > 1 || len(b.runs) == 1 && len(b.runs[0].spans) > 0
}

// Bold, Italic, Code and Href say how a run is formatted.
func (r run) Bold() bool   { return r.has(docformat.Bold) }
func (r run) Italic() bool { return r.has(docformat.Italic) }
func (r run) Code() bool   { return r.has(docformat.Code) }
func (r run) Href() string {
	for _, s := range r.spans {
		if s.Kind == docformat.Link {
			return s.Href
		}
	}
	return ""
}

// spanTags are the elements a span of an inline kind may have been read
// from (docformat's HTML reader), the page's own first. (A function, not
// a map: package data built at start is refused, TestStartupRunsNoInit.)
func spanTags(kind string) []string {
	switch kind {
	case docformat.Bold:
		return []string{"strong", "b"}
	case docformat.Italic:
		return []string{"em", "i", "cite", "dfn"}
	case docformat.Code:
		return []string{"code", "kbd", "samp", "tt"}
	case docformat.Element:
		return docformat.Elements()
	}
	return nil
}

// element is the HTML element the article page writes for an inline span:
// a link's a; for bold, italic and code the element the page it was
// imported from had (docformat.Span.Tag) when it is one HTML has for that
// kind, else the page's own; for an element span its element when
// docformat.Elements lists it. "" for a span the page has no tag for.
func element(s docformat.Span) string {
	if s.Kind == docformat.Link {
		return "a"
	}
	tags := spanTags(s.Kind)
	if s.Tag != "" && slices.Contains(tags, s.Tag) {
		return s.Tag
	}
	if len(tags) == 0 || s.Kind == docformat.Element {
		return ""
	}
	return tags[0]
}

// meaningful reports whether s is an element span whose meaning its
// words alone do not keep, so that the Markdown and Word articles write it
// too, not only the page: a superscript or subscript (10<sup>4</sup> homes
// are not 104 homes), struck or inserted words (a correction that reads as
// both versions), underlining, highlighting, and an inline quotation, <q>,
// whose quotation marks are the element's (a browser draws them). The
// others (<span>, <font>, <small>, an <a> without a link …) carry nothing
// a reader would miss and stay the page's and the TMX's.
func meaningful(s docformat.Span) bool {
	if s.Kind != docformat.Element {
		return false
	}
	_, ok := elementFormat(s.Tag)
	return ok
}

// piece is a piece of a block as the article page writes it: text, a tag
// or a line break. Tags nest as the spans do (an element read from HTML is
// written where it was, the spans inside it inside it); a span that
// overlaps another's end is closed and opened again.
type piece struct {
	Text  string        // text, escaped by the template
	Tag   template.HTML // an element's tag (from spanTags only, so safe); a link's closing tag
	Href  string        // a link's address: the piece opens the link
	Break bool          // a line break
	at    int           // its place in the stored text, in bytes
	// a tag's shape (Begin, End; Standalone for a line break; not set
	// for text) and its span's kind and element; pair is the index of a
	// closing tag's opening piece and of an opening tag's closing one
	shape tmx.CodeKind
	kind  string
	elem  string
	pair  int
	// wrap says the tag is one of those around the whole block, which a
	// CAT tool leaves out of the segment (OmegaT's HTML filter: the
	// leading tags before the first whose end is inside the text, the
	// trailing ones after the last whose start is)
	wrap bool
}

// isTag reports whether p is an opening or closing tag.
func (p piece) isTag() bool { return p.elem != "" && !p.Break }

// html is the tag as the TMX's native code writes it: the link with its
// address.
func (p piece) html() string {
	switch {
	case p.shape == tmx.End:
		return "</" + p.elem + ">"
	case p.kind == docformat.Link:
		return `<a href="` + html.EscapeString(p.Href) + `">`
	}
	return "<" + p.elem + ">"
}

// makePieces lays out raw, a block at byte base of the stored text (conv
// its text as shown, at[i] the offset in conv of raw's rune at i), with
// its inline spans (offsets into raw).
func makePieces(raw, conv string, at []int, base int, spans []docformat.Span) []piece {
	var tagged []docformat.Span
	for _, s := range spans {
		if element(s) == "" {
			continue
		}
		// the white space the element held beside its words
		if s.SpaceAt(false) && s.Start > 0 && raw[s.Start-1] == ' ' {
			s.Start--
		}
		if s.SpaceAt(true) && s.End < len(raw) && raw[s.End] == ' ' {
			s.End++
		}
		tagged = append(tagged, s)
	}
	// outer spans first; spans over the same text in their recorded order
	slices.SortStableFunc(tagged, func(a, b docformat.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	cuts := []int{0, len(raw)}
	for _, s := range tagged {
		cuts = append(cuts, s.Start, s.End)
	}
	for i, c := range raw {
		if c == '\n' {
			cuts = append(cuts, i, i+1)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []piece
	var stack []int                     // indexes into tagged of the open spans
	opening := make([]int, len(tagged)) // the piece of each open span's opening tag
	open := func(i, p int) {
		s := tagged[i]
		pc := piece{at: base + p, shape: tmx.Begin, kind: s.Kind, elem: element(s), pair: -1}
		if s.Kind == docformat.Link && s.Href != "" {
			pc.Href = s.Href
		} else {
			pc.Tag = template.HTML("<" + pc.elem + ">")
		}
		opening[i] = len(out)
		out = append(out, pc)
		stack = append(stack, i)
	}
	closeTop := func(p int) {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		o := opening[i]
		out[o].pair = len(out)
		out = append(out, piece{at: base + p, shape: tmx.End, kind: out[o].kind, elem: out[o].elem, pair: o, Tag: template.HTML("</" + out[o].elem + ">")})
	}
	next := 0 // the next span of tagged to open
	for k, p := range cuts {
		// close the spans that end here, and those inside them, to open
		// those again
		deepest := -1
		for d, i := range stack {
			if tagged[i].End <= p {
				deepest = d
				break
			}
		}
		var again []int
		if deepest >= 0 {
			for len(stack) > deepest {
				if i := stack[len(stack)-1]; tagged[i].End > p {
					again = append(again, i)
				}
				closeTop(p)
			}
		}
		if k == len(cuts)-1 {
			break
		}
		slices.Reverse(again) // outer first
		for next < len(tagged) && tagged[next].Start <= p {
			again = append(again, next)
			next++
		}
		slices.SortStableFunc(again, func(a, b int) int { return tagged[b].End - tagged[a].End })
		for _, i := range again {
			open(i, p)
		}
		e := cuts[k+1]
		if raw[p:e] == "\n" {
			out = append(out, piece{Break: true, at: base + p, shape: tmx.Standalone, kind: "br", elem: "br"})
			continue
		}
		out = append(out, piece{Text: conv[at[p]:at[e]], at: base + p})
	}
	for len(stack) > 0 {
		closeTop(len(raw))
	}
	markWrap(out)
	return out
}

// markWrap marks the tags around the whole block as OmegaT's HTML filter
// leaves them out of the segment.
func markWrap(ps []piece) {
	first, last := -1, -1
	for i, p := range ps {
		if !p.isTag() && !p.Break {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return
	}
	good := first
	for i := 0; i < first; i++ {
		if ps[i].isTag() && ps[i].shape == tmx.Begin && ps[i].pair <= last {
			good = i
			break
		}
	}
	for i := 0; i < good; i++ {
		ps[i].wrap = true
	}
	good = last
	for i := len(ps) - 1; i > last; i-- {
		if ps[i].isTag() && ps[i].shape == tmx.End && ps[i].pair >= first {
			good = i
			break
		}
	}
	for i := good + 1; i < len(ps); i++ {
		ps[i].wrap = true
	}
}

func (r run) has(kind string) bool {
	for _, s := range r.spans {
		if s.Kind == kind {
			return true
		}
	}
	return false
}

type article struct {
	lang   string
	title  string
	blocks []block
	opt    Options
}

var headingLine = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^(#{1,6})[ \t]+(.*)$`) }}

// parseArticle splits a stored text into blocks: with formatting f, the
// blocks separated by blank lines; without, one per non-blank line.
func parseArticle(lang, text string, f *document.Formatting) *article {
	a := &article{lang: lang}
	var spans []docformat.Span
	if f != nil {
		spans = f.Valid(text)
		// In order of their start (the readers write them so; a stable
		// sort keeps the order of spans that start together), so that
		// each block looks only at the spans that start in it.
		slices.SortStableFunc(spans, func(a, b docformat.Span) int { return a.Start - b.Start })
	}
	gap := false
	pos := 0
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		if strings.TrimSpace(text[pos:end]) == "" {
			gap = len(a.blocks) > 0
			pos = end + 1
			continue
		}
		if f != nil && !headingLine.Get().MatchString(text[pos:end]) {
			// A block runs to the next blank line or heading.
			for end < len(text) {
				next := strings.IndexByte(text[end+1:], '\n')
				line := text[end+1:]
				if next >= 0 {
					line = text[end+1 : end+1+next]
				}
				if strings.TrimSpace(line) == "" || headingLine.Get().MatchString(line) {
					break
				}
				end += 1 + len(line)
			}
		}
		start, level := pos, 0
		line := text[pos:end]
		if m := headingLine.Get().FindStringSubmatchIndex(line); m != nil {
			level = m[3] - m[2]
			inner := line[m[4]:m[5]]
			start = pos + m[4] + (len(inner) - len(strings.TrimLeft(inner, " \t")))
			end = pos + m[4] + len(strings.TrimRight(inner, " \t"))
		}
		lo, _ := slices.BinarySearchFunc(spans, start, func(s docformat.Span, at int) int { return s.Start - at })
		hi, _ := slices.BinarySearchFunc(spans, end+1, func(s docformat.Span, at int) int { return s.Start - at })
		b := newBlock(lang, text, start, end, spans[lo:max(lo, hi)])
		b.level, b.gap = level, gap
		a.blocks = append(a.blocks, b)
		gap = false
		pos = max(end, pos+len(line)) + 1
	}
	a.group()
	return a
}

// newBlock makes the block of text[start:end] with the spans over it.
func newBlock(lang, text string, start, end int, spans []docformat.Span) block {
	raw := text[start:end]
	conv, _ := xmlx.Clean(Quotes(lang, raw))
	b := block{text: conv}
	var inner, all []docformat.Span
	cuts := []int{0, len(raw)}
	for _, s := range spans {
		if s.Start < start || s.End > end {
			continue
		}
		s.Start -= start
		s.End -= start
		if s.Kind == docformat.Link && !docformat.SafeHref(s.Href) {
			// (stored before the readers refused it) no link to a
			// script or a data: page in a published file
			s = docformat.Span{Start: s.Start, End: s.End, Kind: docformat.Element, Tag: "a", Space: s.Space, Text: s.Text}
		}
		if docformat.IsBlock(s.Kind) {
			if s.Start == 0 && s.End == len(raw) {
				b.kind = s.Kind
			}
			continue
		}
		all = append(all, s)
		if s.Kind == docformat.Element && !meaningful(s) {
			continue // the page's tag only: no formatting of a run
		}
		inner = append(inner, s)
		cuts = append(cuts, s.Start, s.End)
	}
	for i, c := range raw {
		if c == '\n' {
			cuts = append(cuts, i, i+1)
		}
	}
	if len(all) == 0 && !strings.Contains(raw, "\n") {
		b.runs = []run{{Text: conv, at: start, end: end}}
		return b
	}
	// Quotes and Clean replace rune for rune: the n-th rune of raw is the
	// n-th of conv; at maps raw's rune starts to conv's.
	at := make([]int, len(raw)+1)
	at[len(raw)] = len(conv)
	j := 0
	for i := range raw {
		at[i] = j
		_, n := utf8.DecodeRuneInString(conv[j:])
		j += n
	}
	b.pieces = makePieces(raw, conv, at, start, all)
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	for k := 0; k+1 < len(cuts); k++ {
		s, e := cuts[k], cuts[k+1]
		if raw[s:e] == "\n" {
			b.runs = append(b.runs, run{Break: true, at: start + s, end: start + e})
			continue
		}
		r := run{Text: conv[at[s]:at[e]], at: start + s, end: start + e}
		for _, sp := range inner {
			if sp.Start <= s && e <= sp.End {
				r.spans = append(r.spans, sp)
			}
		}
		b.runs = append(b.runs, r)
	}
	return b
}

// group marks where lists and quotes open and close, and numbers the
// items of ordered lists.
func (a *article) group() {
	list := func(b *block) string {
		switch {
		case b.level > 0:
		case b.kind == docformat.Item:
			return "ul"
		case b.kind == docformat.Ordered:
			return "ol"
		}
		return ""
	}
	for i := range a.blocks {
		b := &a.blocks[i]
		var prev, next *block
		if i > 0 {
			prev = &a.blocks[i-1]
		}
		if i+1 < len(a.blocks) {
			next = &a.blocks[i+1]
		}
		l := list(b)
		if l != "" && (prev == nil || list(prev) != l) {
			b.ListOpen = l
		}
		if l != "" && (next == nil || list(next) != l) {
			b.ListClose = l
		}
		if l == "ol" {
			b.num = 1
			if b.ListOpen == "" {
				b.num = prev.num + 1
			}
		}
		q := b.kind == docformat.Quote && b.level == 0
		b.QuoteOpen = q && (prev == nil || prev.kind != docformat.Quote || prev.level > 0)
		b.QuoteClose = q && (next == nil || next.kind != docformat.Quote || next.level > 0)
	}
}

func writeArticleText(w *bufio.Writer, a *article) error {
	for i, b := range a.blocks {
		if i > 0 && b.gap {
			w.WriteString("\n")
		}
		if b.level > 0 {
			w.WriteString(strings.Repeat("#", b.level) + " ")
		}
		w.WriteString(quotedText(a.lang, b) + "\n")
	}
	return nil
}

// quotedText is the block's text with the quotation marks of its <q>
// elements, which plain text has no other way to keep (a quotation
// otherwise reads as the writer's own words), as the Word article writes
// them (quoteMarksAround).
func quotedText(lang string, b block) string {
	q := false
	for _, r := range b.runs {
		for _, s := range r.spans {
			q = q || s.Kind == docformat.Element && s.Tag == "q"
		}
	}
	if !q {
		return b.text
	}
	var out strings.Builder
	for i, r := range b.runs {
		if r.Break {
			out.WriteString("\n")
			continue
		}
		out.WriteString(quoteMarksAround(lang, b.runs, i))
	}
	return out.String()
}

// The Markdown article is read back as its text by CommonMark with
// GitHub's extensions (GFM: strikethrough, tables, autolinks, emoji) and
// by pandoc's Markdown (subscript, superscript, math, citations, line
// blocks, definition and fancy lists, attributes): whatever of the text
// one of them would take for markup is escaped, and nothing else, so that
// the file stays readable (TestMarkdownReadBack reads it back with pandoc
// in both dialects). An escape is a backslash before ASCII punctuation,
// which both read as the character, but for "<", written "&lt;": a
// reader with fewer escapes (Python-Markdown) would take "\<b>" for raw
// HTML.

// mdEscape escapes the characters of text that would make either dialect
// read markup out of it. Some are markup only in company, and are left
// alone where they cannot be: ">" (a quote only at the start of a line,
// mdEscapeStart), an "&" that starts no entity, "_" between two letters
// or digits, a "$" before a digit (pandoc's math never closes there, so
// prices stay "$5"), an "@" after a letter or digit (an address, not a
// citation), a ":" that opens no emoji name.
func mdEscape(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]&<~^$@:") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '[', ']', '~', '^':
			b.WriteByte('\\')
		case '<':
			b.WriteString("&lt;")
			continue
		case '&':
			if mdEntity.Get().MatchString(s[i+1:]) {
				b.WriteString("&amp;")
				continue
			}
		case '_':
			if !(wordBefore(s, i) && wordAfter(s, i+1)) {
				b.WriteByte('\\')
			}
		case '$':
			if i+1 >= len(s) || s[i+1] < '0' || s[i+1] > '9' {
				b.WriteByte('\\')
			}
		case '@':
			if !wordBefore(s, i) && (wordAfter(s, i+1) || i+1 < len(s) && s[i+1] == '{') {
				b.WriteByte('\\')
			}
		case ':':
			if emojiName(s[i+1:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdEntity matches what makes an entity of an "&" before it: "amp;",
// "#65;", "#x41;".
var mdEntity = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`)
}}

// wordBefore and wordAfter report whether a letter or digit ends s[:i]
// and starts s[i:].
func wordBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return n > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordAfter(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// emojiName reports whether s starts with what GFM's emoji take for a
// name, "fire:" of ":fire:": letters, digits, "_", "+", "-", and at
// least one letter (so that "10:30:00" is left alone).
func emojiName(s string) bool {
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			return letter && i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			letter = true
		case '0' <= c && c <= '9', c == '_', c == '+', c == '-':
		default:
			return false
		}
	}
	return false
}

// mdTableDelim matches a line that would be a table's delimiter row
// (GFM's and pandoc's pipe tables: dashes, colons and at least one pipe),
// making the line above it a header row.
var mdTableDelim = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-*:?[ \t]*)*$`)
}}

// mdLineStart matches, in escaped text, what would open a block at the
// start of a line: a list item ("1. ", "a) ", "iv. ", "(1)", pandoc's
// example "(@)" and "@."), a quote, heading, rule or table row (">", "-",
// "+", "=", "#", "|"), pandoc's definition (":") or title block ("%").
var mdLineStart = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|\\?@\w*)([.)])([ \t]+|$)|(\()(?:[0-9]+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|\\?@\w*|#)\)|([-+=#|:%>]))`)
}}

// mdParagraph is a paragraph of text without formatting.
func mdParagraph(s string) string {
	return mdEscapeStart(mdLine(s))
}

// mdLine escapes text that is not at the start of a line, and the pipes
// of a line that would be a table's delimiter row.
func mdLine(s string) string {
	s = mdEscape(s)
	if strings.Contains(s, "|") && mdTableDelim.Get().MatchString(s) {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	return s
}

// mdEscapeStart escapes what would open a block at the start of an
// escaped line, after dropping the white space before it (which a
// Markdown reader drops, or takes for code).
func mdEscapeStart(s string) string {
	s = strings.TrimLeft(s, " \t")
	m := mdLineStart.Get().FindStringSubmatchIndex(s)
	switch {
	case m == nil:
		return s
	case m[2] >= 0: // "1. " → "1\. "
		// pandoc's "B. Russell": a capital letter and a period open a
		// list only before two spaces
		if m[3]-m[2] == 1 && s[m[2]] >= 'A' && s[m[2]] <= 'Z' && s[m[4]] == '.' && s[m[6]:m[7]] == " " {
			return s
		}
		return s[:m[4]] + `\` + s[m[4]:]
	}
	return `\` + s
}

// mdHeading escapes a heading's text, and the end that would close it:
// trailing "#"s, and pandoc's "{#id .class}".
func mdHeading(s string) string {
	s = mdEscape(s)
	if strings.HasSuffix(s, "}") {
		s = strings.ReplaceAll(s, "{", `\{`)
	}
	if t := strings.TrimRight(s, "#"); len(t) < len(s) {
		s = t + strings.Repeat(`\#`, len(s)-len(t))
	}
	return s
}

// mdRuns renders the runs of a block as Markdown: markers (and the
// elements that are [meaningful], as bare HTML) open and close as spans
// do (outer spans first), text escaped, line breaks as a
// backslash at the end of the line, prefix starting each continued line.
func mdRuns(b block, prefix string) string {
	var out strings.Builder
	var stack []docformat.Span
	closed := false // a code span or link closed just before
	closeTo := func(n int) {
		for len(stack) > n {
			s := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch s.Kind {
			case docformat.Bold:
				out.WriteString("**")
			case docformat.Italic:
				out.WriteString("*")
			case docformat.Code:
				out.WriteString("`")
				closed = true
			case docformat.Link:
				out.WriteString("](" + mdURL(s.Href) + ")")
				closed = true
			case docformat.Element:
				out.WriteString("</" + s.Tag + ">")
			}
		}
	}
	lineStart := true
	for _, r := range b.runs {
		if r.Break {
			closeTo(0)
			out.WriteString("\\\n" + prefix)
			lineStart = true
			continue
		}
		closed = false
		keep := 0
		// (a span of the same formatting that touches the one open, as
		// HTML's <b>bold</b><b>pair</b>, goes on: Markdown has no way to
		// close and open it again between two letters)
		for keep < len(stack) && keep < len(r.spans) && stack[keep].Kind == r.spans[keep].Kind && stack[keep].Href == r.spans[keep].Href &&
			(stack[keep].Kind != docformat.Element || stack[keep].Tag == r.spans[keep].Tag) &&
			(stack[keep] == r.spans[keep] || stack[keep].End == r.spans[keep].Start) {
			keep++
		}
		closeTo(keep)
		marked := keep > 0
		for _, s := range r.spans[keep:] {
			if len(stack) > 0 && stack[len(stack)-1].Kind == docformat.Code {
				break // nothing nests inside code
			}
			stack = append(stack, s)
			marked = true
			switch s.Kind {
			case docformat.Bold:
				out.WriteString("**")
			case docformat.Italic:
				out.WriteString("*")
			case docformat.Code:
				out.WriteString("`")
			case docformat.Link:
				out.WriteString("[")
			case docformat.Element:
				// the bare element, as raw HTML: both dialects pass
				// it on to the page (GFM has no superscript of its
				// own), and tilmash's reader takes it back
				out.WriteString("<" + s.Tag + ">")
			}
		}
		text := r.Text
		if len(stack) > 0 && stack[len(stack)-1].Kind == docformat.Code {
			text = strings.ReplaceAll(text, "`", "'")
		} else {
			text = mdLine(text)
			if closed && strings.HasPrefix(text, "{") {
				text = `\` + text // not the attributes of the code or link before it (pandoc)
			}
			if lineStart && !marked {
				text = mdEscapeStart(text)
			}
		}
		out.WriteString(text)
		lineStart, closed = false, false
	}
	closeTo(0)
	return out.String()
}

// mdURL writes a link target so that Markdown reads it back whole.
func mdURL(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

func writeArticleMarkdown(w *bufio.Writer, a *article) error {
	if len(a.opt.Forced) > 0 {
		w.WriteString("<!-- tilmash: " + strings.ReplaceAll(oneLine(Summary(a.opt.Forced)), "--", "- -") + " -->\n\n")
	}
	for i, b := range a.blocks {
		tight := i > 0 && b.ListOpen == "" && (b.kind == docformat.Item || b.kind == docformat.Ordered) && b.level == 0
		if i > 0 && !tight {
			w.WriteString("\n") // Markdown needs a blank line between blocks
		}
		if b.level > 0 {
			w.WriteString(strings.Repeat("#", b.level) + " " + mdHeading(b.text) + "\n")
			continue
		}
		if !b.Formatted() {
			switch b.kind {
			case docformat.Item:
				w.WriteString("- " + mdParagraph(b.text) + "\n")
			case docformat.Ordered:
				w.WriteString(strconv.Itoa(b.num) + ". " + mdParagraph(b.text) + "\n")
			case docformat.Quote:
				w.WriteString("> " + mdParagraph(b.text) + "\n")
			default:
				w.WriteString(mdParagraph(b.text) + "\n")
			}
			continue
		}
		switch b.kind {
		case docformat.Item:
			w.WriteString("- " + mdRuns(b, "  ") + "\n")
		case docformat.Ordered:
			w.WriteString(strconv.Itoa(b.num) + ". " + mdRuns(b, "   ") + "\n")
		case docformat.Quote:
			w.WriteString("> " + mdRuns(b, "> ") + "\n")
		default:
			w.WriteString(mdRuns(b, "") + "\n")
		}
	}
	return nil
}

// articleData is what the article page shows.
type articleData struct {
	head
	Blocks []block
}

// heading is the article's title as the page and the Word file's properties
// give it: its headline as the body prints it, else its meta.yaml title
// with the language's quotation marks, as in the body.
func (a *article) heading() string {
	if len(a.blocks) > 0 && a.blocks[0].level == 1 {
		return a.blocks[0].text
	}
	return Quotes(a.lang, a.title)
}

func writeArticleHTML(w *bufio.Writer, a *article) error {
	d := articleData{head: head{Lang: a.lang, Generator: Tool + " " + a.opt.Version, Title: clean(a.heading())}}
	if len(a.opt.Forced) > 0 {
		d.Forced = Summary(a.opt.Forced)
		// A comment, not markup: CommentText keeps it from ending early,
		// and escaping its text keeps markup out of it.
		d.ForcedComment = template.HTML("<!-- tilmash: " + xmlx.CommentText(xmlx.Text(oneLine(d.Forced))) + " -->")
	}
	d.Blocks = a.blocks
	return articlePage.Get().Execute(w, d)
}

// quoteMarks are a language's outer and inner quotation marks.
type quoteMarks struct{ open, close, innerOpen, innerClose rune }

func quotesOf(lang string) (quoteMarks, bool) {
	switch lang {
	case "en":
		return quoteMarks{'“', '”', '‘', '’'}, true
	case "ru", "kk":
		return quoteMarks{'«', '»', '„', '“'}, true
	}
	return quoteMarks{}, false
}

// Quotes replaces the straight double quotes of text with lang's
// quotation marks: « » in Russian and Kazakh („ “ inside them), “ ” in
// English (‘ ’ inside). A quote opens after a space, an opening bracket or
// quote, or a dash, or at the start; otherwise it closes. Typographic
// quotes already in the text count towards nesting. Apostrophes are left
// alone: in English they are not quotation marks. Languages without rules
// are returned unchanged.
func Quotes(lang, text string) string {
	q, ok := quotesOf(lang)
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
