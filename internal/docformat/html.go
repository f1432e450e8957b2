package docformat

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/tilmash/tilmash/internal/locale"
)

// MaxHTML is the largest HTML page read, in bytes: a saved news page is a
// few megabytes with its scripts.
const MaxHTML = 64 << 20

// maxHTMLDepth is the deepest element nesting walked.
const maxHTMLDepth = 512

// ReadHTML reads an HTML page (any encoding its byte-order mark or
// <meta charset> names; UTF-8 when none) and returns its article: see the
// package documentation for what is kept. name is the input's name for
// errors.
func ReadHTML(name string, data []byte) (*Doc, error) {
	if len(data) > MaxHTML {
		return nil, tooLarge(name, "", int64(len(data)), MaxHTML)
	}
	// The parser would turn a NUL into U+FFFD and keep other controls:
	// refused at their place in the file (a single-byte encoding's
	// control bytes are ASCII's, and so are its columns).
	if err := Controls(name, data); err != nil {
		return nil, err
	}
	if e, _, _ := charset.DetermineEncoding(data, "text/html"); e != nil {
		if dec, err := e.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, locale.NewError("formats.html.bad", map[string]any{"Reason": err.Error()}).
			WithHint("formats.html.bad.hint").At(locale.Pos{File: name})
	}
	h := &htmlReader{b: &builder{nested: true}}
	if deeper(root, 0) {
		return nil, locale.NewError("formats.html.too-deep", map[string]any{"Limit": maxHTMLDepth}).
			WithHint("formats.html.bad.hint").At(locale.Pos{File: name})
	}
	body := h.article(root)
	if body == nil {
		return checked(name, data, h.b.Doc())
	}
	h.root = body
	if find(body, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) == nil {
		// The headline often sits above the article's text block.
		if h1 := find(root, func(n *html.Node) bool { return n.DataAtom == atom.H1 && !h.droppedUp(n) }); h1 != nil {
			h.block(h1, 0)
		} else if t := pageHeadline(root); t != "" {
			h.b.StartBlock("", 1)
			h.b.Put(t, true)
			h.b.EndBlock()
		}
	}
	h.walk(body, 0)
	return checked(name, data, h.b.Doc())
}

// checked returns d, or the error of CheckReferences for it.
func checked(name string, data []byte, d *Doc) (*Doc, error) {
	if err := CheckReferences(name, data, d); err != nil {
		return nil, err
	}
	return d, nil
}

// deeper reports whether n nests elements deeper than maxHTMLDepth.
func deeper(n *html.Node, depth int) bool {
	if depth > maxHTMLDepth {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && deeper(c, depth+1) {
			return true
		}
	}
	return false
}

type htmlReader struct {
	b     *builder
	root  *html.Node
	ctx   []string // the block kinds of the enclosing lists and quotes
	lists []bool   // enclosing lists: ordered or not
	pre   int      // inside <pre>
	cell  int      // inside a table cell: blocks are not split
	// notes counts the enclosing endnote lists (footnotes), note the
	// enclosing notes (blocks are not split), noteNum the notes read.
	notes, note, noteNum int
}

// hasClass reports whether n's class attribute holds the word w.
func hasClass(n *html.Node, w string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), w)
}

// Footnotes as pages write them: the DPUB-ARIA roles (pandoc, EPUB), and
// the classes of pandoc before the roles and of markdown-it.
func isNoteRef(n *html.Node) bool {
	return strings.EqualFold(attr(n, "role"), "doc-noteref") || hasClass(n, "footnote-ref")
}

func isEndnotes(n *html.Node) bool {
	return strings.EqualFold(attr(n, "role"), "doc-endnotes") || hasClass(n, "footnotes")
}

func isBackLink(n *html.Node) bool {
	return strings.EqualFold(attr(n, "role"), "doc-backlink") || hasClass(n, "footnote-back") || hasClass(n, "footnote-backref")
}

// find returns the first element under n (n included) that ok accepts,
// in document order, not looking inside dropped elements' kind of
// content (scripts, styles).
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, ok); f != nil {
			return f
		}
	}
	return nil
}

// pageHeadline is the headline of a page that has no <h1>: its Open Graph
// title (og:title, else twitter:title), which a newsroom's CMS writes as
// the bare headline, else its <title> without the site's name that a CMS
// puts before or after the headline ("Pass closed | Example News", where
// og:site_name or application-name says "Example News"): the name would
// otherwise become words of the article's headline, to be translated and
// published in every language. "" for a page without a title.
func pageHeadline(root *html.Node) string {
	meta := func(keys ...string) string {
		for _, k := range keys {
			m := find(root, func(n *html.Node) bool {
				return n.DataAtom == atom.Meta && (attr(n, "property") == k || attr(n, "name") == k)
			})
			if m != nil {
				if v := strings.Join(strings.Fields(attr(m, "content")), " "); v != "" {
					return v
				}
			}
		}
		return ""
	}
	if t := meta("og:title", "twitter:title"); t != "" {
		return t
	}
	t := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Title })
	if t == nil {
		return ""
	}
	title := textOf(t)
	if site := meta("og:site_name", "application-name"); site != "" && site != title {
		for _, sep := range []string{"|", "—", "–", "-", "·", "•", "::", ":", "»"} {
			if rest, ok := strings.CutSuffix(title, " "+sep+" "+site); ok && rest != "" {
				return rest
			}
			if rest, ok := strings.CutPrefix(title, site+" "+sep+" "); ok && rest != "" {
				return rest
			}
		}
	}
	return title
}

// textOf returns the text of n's subtree.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isJunkWord reports the words of a class or id that mark a block no
// article holds: advertising, promotion, sharing, related links, comments.
func isJunkWord(w string) bool {
	switch w {
	case "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsense", "adfox",
		"adriver", "rtb", "banner", "banners", "promo", "promoted", "sponsor", "sponsored", "share",
		"sharing", "social", "related", "recommended", "recommendations", "comments", "comment",
		"newsletter", "subscribe", "subscription", "sidebar", "breadcrumb", "breadcrumbs", "menu",
		"cookie", "cookies", "popup", "modal", "widget", "teaser", "teasers", "outbrain", "taboola",
		"navbar", "nav", "footer", "masthead", "paywall":
		return true
	}
	return false
}

// junk reports whether n's class or id names a block to drop.
func junk(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		v := attr(n, key)
		if v == "" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if isJunkWord(w) {
				return true
			}
		}
	}
	return false
}

// dropped reports whether the element n and everything in it are left
// out: not article text, or hidden.
func (h *htmlReader) dropped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Footer, atom.Aside,
		atom.Form, atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Iframe, atom.Object,
		atom.Embed, atom.Svg, atom.Math, atom.Canvas, atom.Img, atom.Picture, atom.Video, atom.Audio,
		atom.Map, atom.Dialog, atom.Menu, atom.Head, atom.Link, atom.Meta, atom.Label:
		return true
	case atom.Header:
		// An article's own header holds its headline; the page's holds
		// the site's name and menus.
		for p := n.Parent; p != nil; p = p.Parent {
			if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
				return false
			}
		}
		return true
	}
	if _, ok := hasAttr(n, "hidden"); ok {
		return true
	}
	if attr(n, "aria-hidden") == "true" || isBackLink(n) {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu":
		return true
	}
	if n == h.root || n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	return junk(n)
}

// droppedUp reports whether n or an element around it is dropped.
func (h *htmlReader) droppedUp(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && h.dropped(n) {
			return true
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// visibleText returns how many bytes of text n holds outside dropped
// elements.
func (h *htmlReader) visibleText(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if n.Type == html.ElementNode && h.dropped(n) {
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += h.visibleText(c)
	}
	return t
}

// article finds the element holding the article: the <article> with the
// most text, else <main> (or role=main), else the element whose
// paragraphs hold the most text (a paragraph counts fully for its parent
// and half for the parent's parent), else <body>.
func (h *htmlReader) article(root *html.Node) *html.Node {
	var best *html.Node
	bestLen := 0
	var main *html.Node
	score := map[*html.Node]int{}
	var body *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Body {
				body = n
			}
			if h.dropped(n) {
				return
			}
			switch {
			case n.DataAtom == atom.Article:
				if l := h.visibleText(n); l > bestLen {
					best, bestLen = n, l
				}
			case main == nil && (n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main") || attr(n, "itemprop") == "articleBody"):
				main = n
			case n.DataAtom == atom.P || n.DataAtom == atom.Pre || n.DataAtom == atom.Blockquote:
				l := h.visibleText(n)
				if p := n.Parent; p != nil {
					score[p] += l
					if g := p.Parent; g != nil {
						score[g] += l / 2
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if best != nil {
		return best
	}
	if main != nil {
		return main
	}
	var top *html.Node
	topScore := 0
	var order func(*html.Node) // document order, so ties go to the first
	order = func(n *html.Node) {
		if s := score[n]; s > topScore {
			top, topScore = n, s
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			order(c)
		}
	}
	order(root)
	if top != nil {
		return top
	}
	return body
}

func (h *htmlReader) kind() string {
	if len(h.ctx) == 0 {
		return ""
	}
	return h.ctx[len(h.ctx)-1]
}

// block reads n as a block of its own.
func (h *htmlReader) block(n *html.Node, depth int) {
	if h.cell > 0 || h.note > 0 {
		h.b.Put(" ", true)
		h.children(n, depth)
		h.b.Put(" ", true)
		return
	}
	level := 0
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level = int(n.Data[1] - '0')
	}
	h.b.StartBlock(h.kind(), level)
	h.children(n, depth)
	h.b.StartBlock(h.kind(), 0)
}

func (h *htmlReader) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c, depth+1)
	}
}

func (h *htmlReader) walk(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		if h.pre > 0 {
			for i, line := range strings.Split(n.Data, "\n") {
				if i > 0 {
					h.b.Break()
				}
				h.b.Put(line, false)
			}
			return
		}
		h.b.Put(n.Data, true)
		return
	case html.ElementNode:
	case html.DocumentNode:
		h.children(n, depth)
		return
	default:
		return // comments, doctype
	}
	if h.dropped(n) {
		return
	}
	switch {
	case isNoteRef(n):
		// A footnote reference, as the DOCX reader writes Word's: [1].
		h.b.Put("["+strings.Trim(textOf(n), "[] ")+"]", false)
		return
	case isEndnotes(n):
		h.notes++
		h.children(n, depth)
		h.notes--
		return
	case n.DataAtom == atom.Li && h.notes > 0 && h.note == 0:
		// A footnote: a note block "[1] …", its paragraphs joined.
		h.noteNum++
		h.b.StartBlock(Note, 0)
		h.b.Put(fmt.Sprintf("[%d] ", h.noteNum), false)
		h.note++
		h.children(n, depth)
		h.note--
		h.b.StartBlock(h.kind(), 0)
		return
	}
	switch n.DataAtom {
	case atom.Br:
		if h.cell > 0 {
			h.b.Put(" ", true)
		} else {
			h.b.Break()
		}
	case atom.Hr:
		h.b.StartBlock(h.kind(), 0)
	case atom.P, atom.Div, atom.Section, atom.Figcaption, atom.Figure, atom.Dt, atom.Dd, atom.Address,
		atom.Center, atom.Dl, atom.Details, atom.Summary, atom.Caption, atom.Header, atom.Article, atom.Main, atom.Body,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		h.block(n, depth)
	case atom.Pre:
		h.pre++
		h.block(n, depth)
		h.pre--
	case atom.Blockquote:
		h.ctx = append(h.ctx, Quote)
		h.block(n, depth)
		h.ctx = h.ctx[:len(h.ctx)-1]
		h.b.SetKind(h.kind(), 0)
	case atom.Ul, atom.Ol:
		h.lists = append(h.lists, n.DataAtom == atom.Ol)
		h.block(n, depth)
		h.lists = h.lists[:len(h.lists)-1]
	case atom.Li:
		k := Item
		if len(h.lists) > 0 && h.lists[len(h.lists)-1] {
			k = Ordered
		}
		h.ctx = append(h.ctx, k)
		h.block(n, depth)
		h.ctx = h.ctx[:len(h.ctx)-1]
		h.b.SetKind(h.kind(), 0)
	case atom.Tr:
		if h.cell > 0 {
			h.children(n, depth)
			return
		}
		h.b.StartBlock(h.kind(), 0)
		first := true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			if !first {
				h.b.Put(" | ", false)
			}
			first = false
			h.cell++
			h.children(c, depth+1)
			h.cell--
		}
		h.b.StartBlock(h.kind(), 0)
	case atom.B, atom.Strong:
		h.inline(n, depth, Bold, "")
	case atom.I, atom.Em, atom.Cite, atom.Dfn:
		h.inline(n, depth, Italic, "")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		if h.pre > 0 {
			h.children(n, depth)
			return
		}
		h.inline(n, depth, Code, "")
	case atom.A:
		href := strings.TrimSpace(attr(n, "href"))
		if href == "" || !SafeHref(href) || strings.HasPrefix(href, "#") {
			// no link of the article's, but a tag to a CAT tool
			h.inline(n, depth, Element, "")
			return
		}
		h.inline(n, depth, Link, href)
	default:
		if h.pre == 0 && slices.Contains(Elements(), n.Data) {
			h.inline(n, depth, Element, "")
			return
		}
		h.children(n, depth)
	}
}

func (h *htmlReader) inline(n *html.Node, depth int, kind, href string) {
	tag := ""
	switch n.DataAtom {
	case atom.B, atom.I, atom.Cite, atom.Dfn, atom.Kbd, atom.Samp, atom.Tt:
		tag = n.DataAtom.String() // not the element tilmash's page writes for kind
	}
	if kind == Element {
		tag = n.Data
	}
	h.b.OpenTag(kind, href, tag)
	h.children(n, depth)
	h.b.Close(kind)
}
