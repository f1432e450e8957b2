// Package docformat reads the article formats a newsroom keeps its copy in
// (HTML pages, Word DOCX files, Markdown) into tilmash's stored text, and
// records the formatting that text cannot hold beside it.
//
// # The stored text
//
// A reader returns a [Doc]: the text as tilmash stores every language
// version (UTF-8, NFC, LF line ends, blocks separated by one blank line,
// headings as "# …" with one "#" a level), and the formatting as byte
// [Span]s into that text. List items, block quotes and notes are blocks of
// their own, without list or quote marks in the text (so they never reach
// a TMX or XLIFF segment); a span of kind item, ordered, quote or note
// covering the block says what it was. A line break inside a paragraph
// (HTML <br>, DOCX <w:br/>, a Markdown hard break) stays a single LF.
//
// # Formats
//
//   - HTML (golang.org/x/net/html): the article body only: <article>, else
//     <main>, else the element holding the most paragraph text. Scripts,
//     styles, navigation, headers outside the article, footers, asides,
//     forms, hidden elements, advertising and sharing blocks (a class or
//     id with a word such as ad, promo, banner, share, related, comments)
//     and comments are dropped; footnotes (DPUB-ARIA roles, pandoc's
//     classes) become notes at the end as in DOCX. See html.go.
//   - DOCX (archive/zip, encoding/xml, streaming): paragraphs, Title and
//     Heading n styles, numbered and bulleted lists, tables one row a
//     paragraph with the cells joined by " | ", footnotes and endnotes as
//     notes at the end, tracked changes accepted, fields' shown result.
//     Zip bombs, oversized parts, unsafe entry paths, DTDs and deep XML
//     are refused. See docx.go.
//   - Markdown: headings, paragraphs, lists, block quotes, footnotes
//     (as notes at the end); emphasis, strong, code and link markup
//     become spans. See markdown.go.
//
// The package knows nothing of workspaces or the command line: errors are
// *locale.Error values, located in the input, of kind Input.
package docformat

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Format is an import format.
type Format string

// The formats [Read] knows.
const (
	TXT  Format = "txt"
	MD   Format = "md"
	HTML Format = "html"
	DOCX Format = "docx"
)

// Formats lists the formats, in the order messages show them.
var Formats = []string{"txt", "md", "html", "docx"}

// ParseFormat reads a --format value, in any letter case.
func ParseFormat(s string) (Format, bool) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	switch f {
	case TXT, MD, HTML, DOCX:
		return f, true
	case "markdown":
		return MD, true
	case "htm":
		return HTML, true
	}
	return "", false
}

// Span is formatting recorded beside the text: bytes [Start, End) of the
// text are Kind. Inline kinds are bold, italic, code, link (with Href) and
// element (an HTML element of no kind of tilmash's own, in Tag); block
// kinds, each covering a whole block, are item (a bulleted list item),
// ordered (a numbered one), quote and note.
type Span struct {
	Start int    `yaml:"start"`
	End   int    `yaml:"end"`
	Kind  string `yaml:"kind"`
	Href  string `yaml:"href,omitempty"`
	// Tag is the HTML element an inline span was read from when it is not
	// the one tilmash's page writes for its kind (strong, em, code, a):
	// "b" for a bold, "i", "cite" or "dfn" for an italic, "kbd", "samp"
	// or "tt" for code. A CAT tool names its tags after the element (OmegaT
	// shows <b> as <b0>, <strong> as <s0>), so the TMX export writes the
	// element the page had. For kind element it is the element itself
	// (one of [Elements]).
	Tag string `yaml:"tag,omitempty"`
	// Space says the element read from HTML also held the white space
	// just before Start ("start"), just after End ("end") or both
	// ("both"), which a span leaves out: a page's <b>prison </b>reform is
	// OmegaT's "The <b0>prison </b0>reform", so the page and the TMX codes
	// put the tag beyond that space.
	Space string `yaml:"space,omitempty"`
	// Text is the text the span covers, as stored beside it so that a
	// span whose text changed is recognised and left out.
	Text string `yaml:"text"`
}

// The kinds of a Span.
const (
	Bold    = "bold"
	Italic  = "italic"
	Code    = "code"
	Link    = "link"
	Item    = "item"
	Ordered = "ordered"
	Quote   = "quote"
	Note    = "note"

	// Element is an inline HTML element that is no formatting of
	// tilmash's own (<span>, <sup>, <sub>, <u>, an <a> without a link
	// …; Span.Tag names it): a CAT tool makes a tag of it, numbered with
	// the paragraph's others (OmegaT shows <span> as <s0>), so the page
	// and the TMX codes write it where it was.
	Element = "element"
)

// Elements lists the HTML elements an element span may name: the inline
// elements of a newsroom's page, as the HTML reader records them and
// tilmash's page writes them back (bare, without attributes). (A
// function, not a variable: package data built at start is refused.)
func Elements() []string {
	return []string{"a", "abbr", "bdi", "big", "del", "font", "ins", "mark", "q", "s", "small", "span", "strike", "sub", "sup", "time", "u", "var"}
}

// SafeHref reports whether href may be the target of an article's link:
// not a script (javascript:, vbscript:) nor a document of its own (data:,
// which a browser opens as a page that may hold a script), with the scheme
// read as a browser reads it (in any case, after the spaces and control
// characters before it, without the tabs and line ends inside it: a
// "java&#9;script:" link runs). A page's own anchor ("#top") and relative
// addresses are safe. Readers make an unsafe link an <a> without one
// (kind element), and the exports write no such link a file stored
// before they did holds.
func SafeHref(href string) bool {
	s := strings.TrimLeftFunc(href, func(r rune) bool { return r <= ' ' })
	s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return true
	}
	for j, c := range s[:i] {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (j == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return true // no scheme: the colon is in a path or query
		}
	}
	switch strings.ToLower(s[:i]) {
	case "javascript", "vbscript", "data":
		return false
	}
	return true
}

// The values of Span.Space.
const (
	SpaceStart = "start"
	SpaceEnd   = "end"
	SpaceBoth  = "both"
)

// SpaceAt reports whether s's element held the white space before its
// start (end false) or after its end (end true).
func (s Span) SpaceAt(end bool) bool {
	if end {
		return s.Space == SpaceEnd || s.Space == SpaceBoth
	}
	return s.Space == SpaceStart || s.Space == SpaceBoth
}

// withSpace returns s with the space at its start or end recorded.
func (s Span) withSpace(end bool) Span {
	switch {
	case s.SpaceAt(!end) || s.Space == SpaceBoth:
		s.Space = SpaceBoth
	case end:
		s.Space = SpaceEnd
	default:
		s.Space = SpaceStart
	}
	return s
}

// IsBlock reports whether kind is a block kind.
func IsBlock(kind string) bool {
	switch kind {
	case Item, Ordered, Quote, Note:
		return true
	}
	return false
}

// Doc is an imported article.
type Doc struct {
	Text  string // the stored text
	Spans []Span // in order of Start, then of End descending
	Title string // the article's title when the format names one
}

// Magic bytes of the binary formats an article may arrive in by mistake.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .doc, .xls
	pdfMagic = []byte("%PDF-")
)

// Detect returns the format of an input: by content first (a ZIP archive
// is DOCX, a page starting with <!doctype html> or <html> is HTML), then
// by the extension of name (.md and .markdown are Markdown, .html and .htm
// HTML, .docx DOCX), else plain text.
func Detect(name string, data []byte) Format {
	if bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return DOCX
	}
	if looksHTML(data) {
		return HTML
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return MD
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".docx":
		return DOCX
	}
	return TXT
}

// looksHTML reports whether data starts (after a byte-order mark, white
// space and comments) with <!doctype html or <html.
func looksHTML(data []byte) bool {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	for {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		if bytes.HasPrefix(head, []byte("<!--")) {
			i := bytes.Index(head, []byte("-->"))
			if i < 0 {
				return false
			}
			head = head[i+3:]
			continue
		}
		if bytes.HasPrefix(head, []byte("<?xml")) {
			i := bytes.Index(head, []byte("?>"))
			if i < 0 {
				return false
			}
			head = head[i+2:]
			continue
		}
		break
	}
	l := bytes.ToLower(head[:min(len(head), 15)])
	return bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html"))
}

// Binary names the kind of a binary file that is no text at all ("ZIP
// archive", "PDF", "Word 97-2003 or other OLE file", "binary"), or returns
// "" for what may be text. A text reader asks it before it reports bad
// UTF-8, whose hint (convert from CP1251) would mislead.
func Binary(data []byte) string {
	switch {
	case bytes.HasPrefix(data, zipMagic), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return "ZIP"
	case bytes.HasPrefix(data, pdfMagic):
		return "PDF"
	case bytes.HasPrefix(data, oleMagic):
		return "OLE"
	}
	head := data[:min(len(data), 8192)]
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return "" // UTF-16 text holds zero bytes
	}
	controls := 0
	for i, c := range head {
		if c == 0 && i%2 == 0 && i+1 < len(head) && head[i+1] == 0 {
			return "BIN" // two zero bytes in a row: no UTF-16 text of a letter
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0 {
			controls++
		}
	}
	if len(head) >= 64 && controls*10 > len(head) {
		return "BIN"
	}
	return ""
}
