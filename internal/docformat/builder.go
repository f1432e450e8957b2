package docformat

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/textenc"
)

// builder assembles a Doc block by block. Text goes into the current
// block; inline spans open and close around it; EndBlock trims the block,
// normalizes it to NFC, moves its spans along and appends it to the text
// after a blank line.
type builder struct {
	out   strings.Builder
	spans []Span
	title string

	blk    []byte
	bspans []Span
	open   []Span // inline spans open in the block, End unset
	kind   string // the block kind of the current block, "" for a paragraph
	level  int    // the heading level of the current block, 0 for none
	space  bool   // a collapsible space waits to be written
	// unsure says the block may hold a character that is not a plain
	// starter (textenc.IsNFC), so its normalization must be checked.
	unsure bool
	blocks int

	// nested says the spans are elements (HTML) whose nesting is kept:
	// opened numbers the spans of open and bspans in the order they were
	// opened (openAt, spanAt), so that spans over the same text keep the
	// order of their elements (<a><b>x</b></a> is not <b><a>x</a></b>).
	nested         bool
	opened         int
	openAt, spanAt []int
}

// StartBlock ends the current block and starts one of kind (a block kind
// or "") and heading level.
func (b *builder) StartBlock(kind string, level int) {
	b.EndBlock()
	b.kind, b.level = kind, level
}

// Kind changes the kind of the current block.
func (b *builder) SetKind(kind string, level int) { b.kind, b.level = kind, level }

// Put adds text to the block. With collapse (HTML), runs of white space
// become one space and leading white space of a block is dropped;
// without, text is taken as it is, line ends becoming spaces.
func (b *builder) Put(s string, collapse bool) {
	if !b.unsure {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				b.unsure = true
				break
			}
		}
	}
	if !collapse && plain(s) {
		// The common case of a DOCX run: nothing to replace.
		if b.space && len(s) > 0 {
			b.space = false
			if len(b.blk) > 0 && b.blk[len(b.blk)-1] != '\n' && b.blk[len(b.blk)-1] != ' ' {
				b.blk = append(b.blk, ' ')
			}
		}
		b.blk = append(b.blk, s...)
		return
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			r = unicode.ReplacementChar
		case r == 0:
			r = unicode.ReplacementChar
		case r == '\uFEFF':
			continue
		}
		if collapse && isSpace(r) {
			b.space = true
			continue
		}
		if r == '\r' || r == '\n' {
			r = ' '
		}
		if b.space {
			b.space = false
			if len(b.blk) > 0 && b.blk[len(b.blk)-1] != '\n' && b.blk[len(b.blk)-1] != ' ' {
				b.blk = append(b.blk, ' ')
			}
		}
		b.blk = utf8.AppendRune(b.blk, r)
	}
}

// PutChecked adds text as it is (Put without collapse), copying it once,
// for text the XML scanner has read: valid UTF-8
// without NUL or CR, so only line ends and byte-order marks (whose first
// byte is 0xEF) are looked for, with the fast IndexByte. nfcSafe says the
// scanner found only plain starters in it.
func (b *builder) PutChecked(p []byte, nfcSafe bool) {
	if !nfcSafe {
		b.unsure = true
	}
	if bytes.IndexByte(p, '\n') >= 0 || bytes.IndexByte(p, 0xEF) >= 0 {
		b.Put(string(p), false)
		return
	}
	if b.space && len(p) > 0 {
		b.space = false
		if len(b.blk) > 0 && b.blk[len(b.blk)-1] != '\n' && b.blk[len(b.blk)-1] != ' ' {
			b.blk = append(b.blk, ' ')
		}
	}
	b.blk = append(b.blk, p...)
}

// PutSpans adds text that a builder made (valid, NFC, no blank line)
// with its inline spans, offsets into text.
func (b *builder) PutSpans(text string, spans []Span) {
	if b.space && len(text) > 0 {
		b.space = false
		if len(b.blk) > 0 && b.blk[len(b.blk)-1] != '\n' && b.blk[len(b.blk)-1] != ' ' {
			b.blk = append(b.blk, ' ')
		}
	}
	base := len(b.blk)
	b.blk = append(b.blk, text...)
	b.unsure = true
	for _, s := range spans {
		if !IsBlock(s.Kind) {
			b.bspans = append(b.bspans, Span{Start: base + s.Start, End: base + s.End, Kind: s.Kind, Href: s.Href, Tag: s.Tag})
		}
	}
}

// plain reports whether Put may take s as it is: valid UTF-8 without NUL,
// line ends or a byte-order mark (whose first byte is 0xEF).
func plain[T string | []byte](s T) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0, c == '\r', c == '\n', c == 0xEF:
			return false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if ascii {
		return true
	}
	switch v := any(s).(type) {
	case string:
		return utf8.ValidString(v)
	case []byte:
		return utf8.Valid(v)
	}
	return false
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f':
		return true
	}
	return false
}

// Break adds a line break inside the block (none at its start, and never
// two in a row: a blank line would end the paragraph).
func (b *builder) Break() {
	b.space = false
	b.blk = trimRightSpace(b.blk)
	if len(b.blk) > 0 && b.blk[len(b.blk)-1] != '\n' {
		b.blk = append(b.blk, '\n')
	}
}

func trimRightSpace(p []byte) []byte {
	for len(p) > 0 && (p[len(p)-1] == ' ' || p[len(p)-1] == '\t') {
		p = p[:len(p)-1]
	}
	return p
}

// Open opens an inline span of kind at the current place.
func (b *builder) Open(kind, href string) { b.OpenTag(kind, href, "") }

// OpenTag is Open of a span read from HTML element tag (Span.Tag; "" for
// the element tilmash's page writes).
func (b *builder) OpenTag(kind, href, tag string) {
	if b.space && len(b.blk) > 0 && b.blk[len(b.blk)-1] != '\n' && b.blk[len(b.blk)-1] != ' ' {
		b.blk = append(b.blk, ' ')
	}
	b.space = false
	b.open = append(b.open, Span{Start: len(b.blk), Kind: kind, Href: href, Tag: tag})
	b.openAt = append(b.openAt, b.opened)
	b.opened++
}

// Close closes the innermost open span of kind, if any.
func (b *builder) Close(kind string) {
	for i := len(b.open) - 1; i >= 0; i-- {
		if b.open[i].Kind == kind {
			s, at := b.open[i], b.openAt[i]
			s.End = len(b.blk)
			b.open = slices.Delete(b.open, i, i+1)
			b.openAt = slices.Delete(b.openAt, i, i+1)
			if b.nested && b.space && s.End > s.Start {
				// white space inside the element, before its end tag,
				// not written yet
				s = s.withSpace(true)
			}
			if s.End > s.Start {
				b.bspans = append(b.bspans, s)
				b.spanAt = append(b.spanAt, at)
			}
			return
		}
	}
}

// IsOpen reports whether a span of kind is open.
func (b *builder) IsOpen(kind string) bool {
	for _, s := range b.open {
		if s.Kind == kind {
			return true
		}
	}
	return false
}

// EndBlock finishes the current block: a block with no visible text is
// dropped with its spans.
func (b *builder) EndBlock() {
	for len(b.open) > 0 {
		b.Close(b.open[len(b.open)-1].Kind)
	}
	defer func() {
		b.blk, b.bspans, b.kind, b.level, b.space, b.unsure = b.blk[:0], b.bspans[:0], "", 0, false, false
		b.spanAt = b.spanAt[:0]
	}()
	b.openOrder()
	// The block is worked on in place: a string of it is made only for
	// the rare block that needs normalizing or is a heading.
	text := b.blk
	lead := len(text) - len(bytes.TrimLeftFunc(text, unicode.IsSpace))
	text = bytes.TrimRightFunc(text[lead:], unicode.IsSpace)
	if len(text) == 0 {
		return
	}
	if b.level > 0 {
		text = bytes.ReplaceAll(text, []byte("\n"), []byte(" "))
	}
	spans := b.bspans[:0:0]
	for _, s := range b.bspans {
		s.Start = min(max(s.Start-lead, 0), len(text))
		s.End = min(max(s.End-lead, 0), len(text))
		spans = append(spans, s)
	}
	if b.unsure && !textenc.IsNFC(text) {
		for i := range spans {
			spans[i].Start = len(norm.NFC.Bytes(text[:spans[i].Start]))
			spans[i].End = len(norm.NFC.Bytes(text[:spans[i].End]))
		}
		text = norm.NFC.Bytes(text)
	}
	if b.blocks > 0 {
		b.out.WriteString("\n\n")
	}
	b.blocks++
	if b.level > 0 {
		b.out.WriteString(strings.Repeat("#", min(b.level, 6)) + " ")
		if b.title == "" {
			b.title = string(text)
		}
	}
	base := b.out.Len()
	b.out.Write(text)
	if b.level == 0 && b.kind != "" {
		b.spans = append(b.spans, Span{Start: base, End: base + len(text), Kind: b.kind})
	}
	for _, s := range spans {
		// Spans hold no white space at their edges.
		seg := text[s.Start:s.End]
		lead := len(seg) - len(bytes.TrimLeftFunc(seg, unicode.IsSpace))
		trail := len(seg) - len(bytes.TrimRightFunc(seg, unicode.IsSpace))
		s.Start += lead
		s.End -= trail
		if s.End <= s.Start {
			continue
		}
		if b.nested && lead > 0 {
			s = s.withSpace(false)
		}
		if b.nested && trail > 0 {
			s = s.withSpace(true)
		}
		s.Start += base
		s.End += base
		b.spans = append(b.spans, s)
	}
}

// openOrder puts the block's spans in the order they were opened: an
// element closes before the one around it, and Tidy's stable sort keeps
// this order for spans over the same text.
func (b *builder) openOrder() {
	if !b.nested || len(b.spanAt) != len(b.bspans) || slices.IsSorted(b.spanAt) {
		return // PutSpans' spans come in order
	}
	idx := make([]int, len(b.bspans))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int { return b.spanAt[i] - b.spanAt[j] })
	sorted := make([]Span, len(idx))
	for k, i := range idx {
		sorted[k] = b.bspans[i]
	}
	copy(b.bspans, sorted)
}

// Doc returns what was built.
func (b *builder) Doc() *Doc {
	b.EndBlock()
	if b.out.Len() > 0 {
		b.out.WriteByte('\n')
	}
	text := b.out.String()
	for i, s := range b.spans {
		if s.Kind == Link && !SafeHref(s.Href) {
			// a script or a page inside the link: its words, a tag to a
			// CAT tool (an <a> without a link), and no link anywhere
			b.spans[i] = Span{Start: s.Start, End: s.End, Kind: Element, Tag: "a", Space: s.Space}
		}
	}
	d := &Doc{Text: text, Spans: tidy(text, b.spans, !b.nested), Title: b.title}
	return d
}

// Tidy sorts spans, merges touching or overlapping spans of the same kind
// and link, drops those outside text or empty, and fills in their Text.
// It works in place: spans is reused for the result.
func Tidy(text string, spans []Span) []Span { return tidy(text, spans, true) }

// tidy is Tidy; touching says whether spans that only touch are merged
// too (DOCX's runs, cut wherever Word likes), or only those that overlap
// (HTML's elements: <b>bold</b><b>pair</b> is two tags to a CAT tool).
func tidy(text string, spans []Span, touching bool) []Span {
	slices.SortStableFunc(spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	// out never gets ahead of the span read: merging only looks back.
	out := spans[:0]
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.End <= s.Start {
			continue
		}
		merged := false
		for i := len(out) - 1; i >= 0 && i >= len(out)-8; i-- {
			p := &out[i]
			// (An element is a tag of its own even next to another.)
			if p.Kind == s.Kind && p.Href == s.Href && p.Tag == s.Tag && !IsBlock(s.Kind) && s.Kind != Element && (s.Start < p.End || touching && s.Start == p.End) {
				p.End = max(p.End, s.End)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, s)
		}
	}
	for i := range out {
		out[i].Text = text[out[i].Start:out[i].End]
	}
	return out
}
