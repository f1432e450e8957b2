package docformat

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// builder assembles a Doc block by block. Text goes into the current
// block; inline spans open and close around it; EndBlock trims the block,
// normalizes it to NFC, moves its spans along and appends it to the text
// after a blank line.
type builder struct {
	out   strings.Builder
	spans []Span
	title string

	blk     []byte
	bspans  []Span
	open    []Span // inline spans open in the block, End unset
	kind    string // the block kind of the current block, "" for a paragraph
	level   int    // the heading level of the current block, 0 for none
	space   bool   // a collapsible space waits to be written
	blocks  int
	maxText int // the most bytes of text accepted; 0 for no limit
	tooLong bool
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
func (b *builder) Open(kind, href string) {
	if b.space && len(b.blk) > 0 && b.blk[len(b.blk)-1] != '\n' && b.blk[len(b.blk)-1] != ' ' {
		b.blk = append(b.blk, ' ')
	}
	b.space = false
	b.open = append(b.open, Span{Start: len(b.blk), Kind: kind, Href: href})
}

// Close closes the innermost open span of kind, if any.
func (b *builder) Close(kind string) {
	for i := len(b.open) - 1; i >= 0; i-- {
		if b.open[i].Kind == kind {
			s := b.open[i]
			s.End = len(b.blk)
			b.open = slices.Delete(b.open, i, i+1)
			if s.End > s.Start {
				b.bspans = append(b.bspans, s)
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
		b.blk, b.bspans, b.kind, b.level, b.space = b.blk[:0], b.bspans[:0], "", 0, false
	}()
	text := string(b.blk)
	lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	text = strings.TrimRightFunc(text[lead:], unicode.IsSpace)
	if text == "" {
		return
	}
	if b.level > 0 {
		text = strings.ReplaceAll(text, "\n", " ")
	}
	spans := make([]Span, 0, len(b.bspans))
	for _, s := range b.bspans {
		s.Start = min(max(s.Start-lead, 0), len(text))
		s.End = min(max(s.End-lead, 0), len(text))
		spans = append(spans, s)
	}
	if !norm.NFC.IsNormalString(text) {
		for i := range spans {
			spans[i].Start = len(norm.NFC.String(text[:spans[i].Start]))
			spans[i].End = len(norm.NFC.String(text[:spans[i].End]))
		}
		text = norm.NFC.String(text)
	}
	if b.maxText > 0 && b.out.Len()+len(text) > b.maxText {
		b.tooLong = true
		return
	}
	if b.blocks > 0 {
		b.out.WriteString("\n\n")
	}
	b.blocks++
	prefix := ""
	if b.level > 0 {
		prefix = strings.Repeat("#", min(b.level, 6)) + " "
		if b.title == "" {
			b.title = text
		}
	}
	b.out.WriteString(prefix)
	base := b.out.Len()
	b.out.WriteString(text)
	if b.level == 0 && b.kind != "" {
		b.spans = append(b.spans, Span{Start: base, End: base + len(text), Kind: b.kind})
	}
	for _, s := range spans {
		// Spans hold no white space at their edges.
		seg := text[s.Start:s.End]
		s.Start += len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
		s.End -= len(seg) - len(strings.TrimRightFunc(seg, unicode.IsSpace))
		if s.End <= s.Start {
			continue
		}
		s.Start += base
		s.End += base
		b.spans = append(b.spans, s)
	}
}

// Doc returns what was built.
func (b *builder) Doc() *Doc {
	b.EndBlock()
	text := b.out.String()
	if text != "" {
		text += "\n"
	}
	d := &Doc{Text: text, Spans: Tidy(text, b.spans), Title: b.title}
	return d
}

// Tidy sorts spans, merges touching or overlapping spans of the same kind
// and link, drops those outside text or empty, and fills in their Text.
func Tidy(text string, spans []Span) []Span {
	slices.SortStableFunc(spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	var out []Span
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.End <= s.Start {
			continue
		}
		merged := false
		for i := len(out) - 1; i >= 0 && i >= len(out)-8; i-- {
			p := &out[i]
			if p.Kind == s.Kind && p.Href == s.Href && !IsBlock(s.Kind) && s.Start <= p.End {
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
