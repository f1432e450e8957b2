package segment

import (
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Segment is one sentence (or heading, list item, other block) of a text.
// Text == input[Start:End]; the bytes between consecutive segments, and
// before the first and after the last, are white space, so the segments and
// the separators tile the input exactly.
type Segment struct {
	Start, End int
	Text       string
	// Para is the 0-based index of the block the segment belongs to:
	// paragraphs, headings, list items and block quotes each count as one.
	Para int
	// Heading marks a Markdown heading or a title line: a headline,
	// caption or dateline that stands on its own line without final
	// punctuation.
	Heading bool
}

// Segmenter cuts text into sentences with one language's rules. It is safe
// for concurrent use.
type Segmenter struct {
	rules *ruleSet
	lang  string
}

// Lang returns the language code of the rules the segmenter was built from.
func (s *Segmenter) Lang() string { return s.lang }

var cache sync.Map // language code -> *Segmenter

// ForLanguage returns the segmenter with the built-in rules of lang. The
// segmenter is built once per language and shared.
func ForLanguage(lang string) (*Segmenter, error) {
	if s, ok := cache.Load(lang); ok {
		return s.(*Segmenter), nil
	}
	r, err := DefaultRules(lang)
	if err != nil {
		return nil, err
	}
	s, err := Compile(r)
	if err != nil {
		return nil, err
	}
	actual, _ := cache.LoadOrStore(lang, s)
	return actual.(*Segmenter), nil
}

// Segment cuts text into segments. Blank lines, Markdown headings, list
// items, block quotes, fenced code and thematic breaks are hard boundaries;
// inside a paragraph the rules decide, and a line without final punctuation
// followed by a line that starts like a sentence is a title of its own.
// White-space-only text gives no segments.
func (s *Segmenter) Segment(text string) []Segment {
	c := cutter{s: s, text: text}
	c.run()
	return c.out
}

// Each cuts text as [Segmenter.Segment] does and hands the segments to
// yield in order, a block at a time, without holding them all: a large
// input needs memory for its longest paragraph, not for all its segments.
func (s *Segmenter) Each(text string, yield func(Segment)) {
	c := cutter{s: s, text: text, yield: yield}
	c.run()
	c.deliver()
}

// readChunk is how much EachReader reads at a time.
const readChunk = 256 << 10

// EachReader cuts the text read from r as [Segmenter.Each] cuts it (the
// same segments, with offsets into all that r gives), reading it a
// chunk at a time into two buffers it uses in turn: it holds the block
// being cut and the chunk it is in, never the whole text, and makes no
// garbage. A segment's Text is only valid until yield returns (its bytes
// are then read over); copy it to keep it. EachReader returns the first
// error of r other than io.EOF.
func (s *Segmenter) EachReader(r io.Reader, yield func(Segment)) error {
	return s.eachReader(r, yield, readChunk)
}

// eachReader is EachReader reading chunk bytes at a time.
func (s *Segmenter) eachReader(r io.Reader, yield func(Segment), chunk int) error {
	c := cutter{s: s, first: true, more: true}
	base := 0 // offset of buf[0] in the input
	c.yield = func(seg Segment) {
		seg.Start += base
		seg.End += base
		yield(seg)
	}
	buf, spare := make([]byte, 0, chunk), []byte(nil)
	for {
		if len(buf) == cap(buf) {
			// Full: move what is still needed (the open block, the line
			// being read) to the other buffer, which no segment refers
			// to any more, and read on there.
			keep := c.ls
			if len(c.lines) > 0 {
				keep = c.lines[0].start
			}
			if c.kind == kindFence {
				keep = min(keep, c.fenceStart)
			}
			rest := buf[keep:]
			if need := len(rest) + max(chunk, len(rest)); cap(spare) < need {
				spare = make([]byte, 0, need)
			}
			c.text, c.u.text = "", ""
			buf, spare = append(spare[:0], rest...), buf
			base += keep
			c.ls -= keep
			c.fenceStart -= keep
			for i := range c.lines {
				c.lines[i].start -= keep
				c.lines[i].end -= keep
			}
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err != nil && err != io.EOF {
			return err
		}
		// The text shares the buffer's bytes; they stay as they are
		// until the buffer is used again, after its segments are
		// delivered.
		c.text = unsafe.String(unsafe.SliceData(buf), len(buf))
		c.more = err == nil
		c.scan()
		if !c.more {
			c.finish()
			c.deliver()
			return nil
		}
	}
}

// deliver hands the finished segments to yield, when there is one.
func (c *cutter) deliver() {
	if c.yield == nil {
		return
	}
	for _, seg := range c.out {
		c.yield(seg)
	}
	c.out = c.out[:0]
}

// cutter holds the state of one Segment call.
type cutter struct {
	s     *Segmenter
	text  string
	out   []Segment
	para  int
	lines []span // lines of the current text block
	first bool   // the current block is the first of the text
	u     unit   // the unit being cut
	skip  int    // no break at or before this position (a list marker)
	// yield, when set, takes the segments of each finished block (Each).
	yield func(Segment)

	// The line scan, which EachReader resumes when more text arrives.
	ls         int       // start of the next line to read
	kind       blockKind // the kind of the open block
	fence      string    // the fence string of an open code block
	fenceStart int
	// more is set while text may continue beyond c.text (EachReader):
	// a line without its end is not read yet.
	more bool
}

type span struct{ start, end int }

type blockKind int

const (
	kindNone  blockKind = iota
	kindText            // paragraph: split into sentences
	kindItem            // list item: split into sentences
	kindQuote           // block quote: split into sentences
	kindFence           // fenced code: one segment
)

func (c *cutter) run() {
	c.first = true
	c.scan()
	c.finish()
}

// scan reads the lines of c.text from c.ls on and cuts every block they
// finish. With more text to come it stops before a line without its end,
// and, in the first block, while less than evidenceWindow bytes follow
// (see aheadKnown).
func (c *cutter) scan() {
	text := c.text
	for c.ls < len(text) {
		ls := c.ls
		le := strings.IndexByte(text[ls:], '\n')
		next := len(text)
		if le < 0 {
			if c.more {
				return
			}
			le = len(text)
		} else {
			le += ls
			next = le + 1
		}
		if c.more && c.first && c.kind == kindText && !c.aheadKnown(ls) {
			return
		}
		line := text[ls:le]
		if c.kind == kindFence {
			if isFenceClose(line, c.fence) {
				c.emit(c.fenceStart, le, false)
				c.para++
				c.kind = kindNone
			}
			c.ls = next
			continue
		}
		switch lk, marker := classifyLine(line); lk {
		case lineBlank:
			c.kind = c.flush(c.kind)
		case lineFence:
			c.flush(c.kind)
			c.kind, c.fence, c.fenceStart = kindFence, marker, ls
		case lineHeading, lineRule:
			c.flush(c.kind)
			c.emit(ls, le, lk == lineHeading)
			c.para++
			c.first = false
			c.kind = kindNone
		case lineItem:
			c.flush(c.kind)
			c.kind = kindItem
			c.lines = append(c.lines, span{ls, le})
		case lineQuote:
			if c.kind != kindQuote {
				c.flush(c.kind)
				c.kind = kindQuote
			}
			c.lines = append(c.lines, span{ls, le})
		default:
			if c.kind == kindQuote {
				c.kind = c.flush(c.kind)
			}
			if c.kind == kindNone {
				c.kind = kindText
			}
			c.lines = append(c.lines, span{ls, le})
		}
		if len(c.out) > 0 {
			c.deliver() // segments of finished blocks only: a block is cut when it ends
		}
		c.ls = next
	}
}

// aheadKnown reports whether enough text follows position ls for the
// first block to be cut as if the whole text were known: its run-in
// headline test (headlineEnd) reads up to evidenceWindow bytes past the
// block and asks whether anything but white space follows it.
func (c *cutter) aheadKnown(ls int) bool {
	return len(c.text)-ls >= evidenceWindow && !isBlank(c.text[ls:])
}

// finish cuts the block left open at the end of the text.
func (c *cutter) finish() {
	if c.kind == kindFence {
		c.emit(c.fenceStart, len(c.text), false)
		c.para++
		return
	}
	c.flush(c.kind)
}

// flush segments the pending text block, if any, and returns kindNone.
func (c *cutter) flush(kind blockKind) blockKind {
	if len(c.lines) == 0 {
		return kindNone
	}
	c.block(c.lines, kind)
	c.lines = c.lines[:0]
	c.para++
	c.first = false
	return kindNone
}

// block segments a paragraph given as its lines. A line that reads as a
// title (see titleLine) ends a unit of its own; every unit is then cut by
// the rules. List items and quotes are never titles, and the period of a
// list number is no break. The first sentence of a text may hold a run-in
// headline (see headlineEnd).
func (c *cutter) block(lines []span, kind blockKind) {
	start := lines[0].start
	plain := kind == kindText
	if kind == kindItem {
		first := c.text[start:lines[0].end]
		body := strings.TrimLeft(first, " \t")
		c.skip = start + len(first) - len(body) + itemMarkerLen(body)
	}
	lead := plain && c.first
	width := wrapWidth(c.text, lines)
	for i, ln := range lines {
		if i+1 < len(lines) && c.titleLine(ln, lines[i+1], width) {
			c.sentences(start, ln.end, true, false)
			start = lines[i+1].start
			lead = false
		}
	}
	end := lines[len(lines)-1].end
	heading := plain && start == lines[len(lines)-1].start && c.standaloneTitle(start, end)
	c.sentences(start, end, heading, lead && !heading)
}

// sentences cuts text[start:end] with the rules and emits the pieces;
// heading marks the unit as a title when it stays in one piece, lead asks
// to look for a run-in headline in its first sentence.
func (c *cutter) sentences(start, end int, heading, lead bool) {
	text := c.text
	rs := c.s.rules
	from := start
	n0 := len(c.out)
	c.u.text, c.u.start, c.u.end = text, start, end
	p := max(start+1, c.skip+1)
	c.skip = 0
	for ; p < end; p++ {
		if !rs.lastByte[text[p-1]] || !rs.firstByte[text[p]] {
			continue
		}
		if c.breakAt(p) {
			c.cut(from, p, lead)
			from, lead = p, false
		}
	}
	c.cut(from, end, lead)
	if heading && len(c.out) == n0+1 {
		c.out[n0].Heading = true
	}
}

// cut emits the sentence text[from:to], first splitting off a run-in
// headline when lead is set.
func (c *cutter) cut(from, to int, lead bool) {
	// A headline heads an article: a text of one sentence has none.
	if lead && !isBlank(c.text[to:]) {
		if h := c.headlineEnd(from, to); h > from {
			c.emit(from, h, true)
			from = h
		}
	}
	c.emit(from, to, false)
}

// breakAt runs the rules at position p of the current unit: the first
// rule that matches decides.
func (c *cutter) breakAt(p int) bool {
	rs := c.s.rules
	u := &c.u
	r0, _ := utf8.DecodeLastRuneInString(u.text[u.start:p])
	r1, _ := utf8.DecodeRuneInString(u.text[p:u.end])
	candidate := false
	for _, i := range rs.breaks {
		cr := &rs.rules[i]
		if (cr.anyLast || cr.last.has(r0)) && (cr.anyFirst || cr.first.has(r1)) {
			candidate = true
			break
		}
	}
	if !candidate {
		return false
	}
	for i := range rs.rules {
		if cr := &rs.rules[i]; cr.matches(u, p, r0, r1) {
			return cr.brk
		}
	}
	return false
}

// emit appends text[start:end] without its surrounding white space, if
// anything is left.
func (c *cutter) emit(start, end int, heading bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(c.text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(c.text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start == end {
		return
	}
	c.out = append(c.out, Segment{Start: start, End: end, Text: c.text[start:end], Para: c.para, Heading: heading})
}
