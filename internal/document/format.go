package document

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// FormatName returns the name of the formatting file of lang,
// LANG.format.yaml, beside LANG.txt in the document's folder.
func FormatName(lang string) string { return lang + ".format.yaml" }

// Formatting is what a LANG.format.yaml holds: the inline formatting
// (bold, italic, code, links) and the block kinds (list items, quotes,
// notes) of the language's text that the text itself cannot hold, as
// byte spans into it. Each span also records the text it covers: a span
// whose bytes no longer hold that text is left out on export, never
// applied to other words. Edits of the text through tilmash move the
// spans with it (see [Change.SetText]).
type Formatting struct {
	// Text is the sha256 of the text the spans were made for.
	Text string `yaml:"text"`
	// From is the format the text was imported from: md, html or docx.
	From  string           `yaml:"from,omitempty"`
	Spans []docformat.Span `yaml:"spans"`

	// file and data are the file f was read from, for the place of an
	// error in [Formatting.For].
	file string
	data []byte
}

// Marshal renders f one span a line, so that a change of formatting is a
// one-line diff.
func (f *Formatting) Marshal(lang string) []byte {
	// Appended to one buffer sized at once: the formatting of a long
	// DOCX is 10 MB, and fmt and a growing builder would make many
	// times that of garbage.
	size := 160 + len(lang) + len(f.Text) + len(f.From)
	for _, s := range f.Spans {
		size += 64 + len(s.Kind) + len(s.Tag) + len(s.Space) + len(s.Href) + len(s.Text)*2
	}
	b := make([]byte, 0, size)
	b = append(b, "# tilmash: formatting of "...)
	b = append(b, lang...)
	b = append(b, ".txt, as byte spans into it (tilmash docs/formats.md)\ntext: "...)
	b = append(b, f.Text...)
	b = append(b, '\n')
	if f.From != "" {
		b = append(b, "from: "...)
		b = append(b, f.From...)
		b = append(b, '\n')
	}
	if len(f.Spans) == 0 {
		return append(b, "spans: []\n"...)
	}
	b = append(b, "spans:\n"...)
	for _, s := range f.Spans {
		b = append(b, "  - {start: "...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, ", end: "...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, ", kind: "...)
		b = append(b, s.Kind...)
		if s.Tag != "" {
			b = append(b, ", tag: "...)
			b = strconv.AppendQuote(b, s.Tag)
		}
		if s.Space != "" {
			b = append(b, ", space: "...)
			b = strconv.AppendQuote(b, s.Space)
		}
		if s.Href != "" {
			b = append(b, ", href: "...)
			b = strconv.AppendQuote(b, s.Href)
		}
		b = append(b, ", text: "...)
		b = appendQuote(b, s.Text)
		b = append(b, "}\n"...)
	}
	return b
}

// appendQuote is strconv.AppendQuote, with a short way for the common
// text of an article: printable ASCII other than the quote and backslash,
// and Cyrillic (U+0400–U+052F, all printable), which it writes as they
// are.
func appendQuote(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7F && c != '"' && c != '\\':
		case c >= 0xD0 && c <= 0xD3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80,
			c == 0xD4 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xB0:
			i++
		default:
			return strconv.AppendQuote(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// ParseFormatting reads a LANG.format.yaml; file is its name for errors.
// The form [Formatting.Marshal] writes is read line by line
// ([parseFormattingFast]); anything else goes to yaml.v3, so that a file
// edited by hand means what YAML says and its errors are located as
// yaml.v3 and yamlx locate them.
func ParseFormatting(file string, data []byte) (*Formatting, error) {
	if err := yamlx.CheckSize(file, data); err != nil {
		return nil, err
	}
	f, ok := parseFormattingFast(data)
	if !ok {
		f = &Formatting{}
		if err := yamlx.Decode(file, data, f, false); err != nil {
			return nil, err
		}
	}
	f.file, f.data = file, data
	for i, s := range f.Spans {
		if err := checkSpan(s); err != nil {
			return nil, f.located(err, i)
		}
	}
	if i, j, ok := crossing(f.Spans); ok {
		line, _ := spanPos(file, data, j)
		a, b := f.Spans[i], f.Spans[j]
		return nil, f.located(locale.NewError("document.crossing-spans", map[string]any{
			"Kind": a.Kind, "Start": a.Start, "End": a.End, "OtherLine": line, "OtherStart": b.Start, "OtherEnd": b.End,
		}).WithHint("document.bad-formatting.hint"), i)
	}
	return f, nil
}

// parseFormattingFast reads the form [Formatting.Marshal] writes, as
// [parseFast] reads an alignment's, with the same scalars: yaml.v3 takes
// about a second of CPU for the 30,000 spans of a long DOCX, read again
// at every export. ok is false for anything else (a block-style span,
// other keys or another order of them, a plain or single-quoted text, a
// negative offset, a comment after the head), which yaml.v3 then reads.
func parseFormattingFast(data []byte) (f *Formatting, ok bool) {
	if !plainText(data) {
		return nil, false
	}
	l := &lines{s: string(data)}
	for l.next(); strings.HasPrefix(l.line, "#"); l.next() {
	}
	f = &Formatting{}
	if !l.header("text", &f.Text) {
		return nil, false
	}
	if strings.HasPrefix(l.line, "from: ") && !l.header("from", &f.From) {
		return nil, false
	}
	switch l.line {
	case "spans: []":
		f.Spans = []docformat.Span{}
		l.next()
		return f, l.eof && l.pos == len(l.s)
	case "spans:":
		f.Spans = make([]docformat.Span, 0, bytes.Count(data[l.pos:], []byte("\n")))
	default:
		return nil, false
	}
	for l.next(); !l.eof; l.next() {
		s, ok := parseSpanLine(l.line)
		if !ok {
			return nil, false
		}
		f.Spans = append(f.Spans, s)
	}
	return f, f.Spans != nil && l.pos == len(l.s)
}

// parseSpanLine reads a line of spans as [Formatting.Marshal] writes it:
// `  - {start: 0, end: 4, kind: bold, tag: "b", space: "end", href: "…",
// text: "…"}`, tag, space and href only when they are set.
func parseSpanLine(line string) (docformat.Span, bool) {
	var s docformat.Span
	rest, ok := strings.CutPrefix(line, "  - {start: ")
	if !ok {
		return s, false
	}
	start, rest, ok1 := strings.Cut(rest, ", end: ")
	end, rest, ok2 := strings.Cut(rest, ", kind: ")
	kind, rest, ok3 := strings.Cut(rest, ", ")
	if !ok1 || !ok2 || !ok3 || !digits(start) || !digits(end) || !lowerWord(kind) {
		return s, false
	}
	var err1, err2 error
	s.Start, err1 = strconv.Atoi(start)
	s.End, err2 = strconv.Atoi(end)
	if err1 != nil || err2 != nil {
		return s, false
	}
	s.Kind = kind
	for _, field := range []struct {
		key string
		dst *string
	}{{"tag: ", &s.Tag}, {"space: ", &s.Space}, {"href: ", &s.Href}, {"text: ", &s.Text}} {
		v, found := strings.CutPrefix(rest, field.key)
		if !found {
			if field.key == "text: " {
				return s, false
			}
			continue
		}
		if *field.dst, rest, ok = doubleQuoted(v); !ok {
			return s, false
		}
		if field.key != "text: " {
			if rest, ok = strings.CutPrefix(rest, ", "); !ok {
				return s, false
			}
		}
	}
	return s, rest == "}"
}

// lowerWord reports whether s is a word of lowercase ASCII letters that
// YAML reads as that string (a span's kind): not null.
func lowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != "" && s != "null"
}

// located places err at the i-th span of the file f was read from.
func (f *Formatting) located(err *locale.Error, i int) *locale.Error {
	line, col := spanPos(f.file, f.data, i)
	return err.At(locale.Pos{File: f.file, Line: line, Column: col})
}

// crossing finds two spans that overlap with neither holding the other
// where that cannot be: two links (a page cannot hold a link inside
// another), two spans [docformat.Tidy] would have merged (one kind and
// tag, as two bolds), or two block spans. It returns their indexes, the
// later one first. Bold crossing italic (Word's runs) is fine, as are
// crossing elements (a <sup> over part of a <span>): the exporters cut
// one of them.
func crossing(spans []docformat.Span) (int, int, bool) {
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if spans[a].Start != spans[b].Start {
			return spans[a].Start - spans[b].Start
		}
		return spans[b].End - spans[a].End
	})
	// The open spans of each kind, outermost first: a span that starts
	// inside the innermost must end inside it.
	open := map[string][]int{}
	for _, i := range order {
		s := spans[i]
		key := s.Kind + " " + s.Tag
		switch {
		case s.Kind == docformat.Element:
			continue
		case docformat.IsBlock(s.Kind):
			key = "block"
		case s.Kind == docformat.Link:
			key = s.Kind
		}
		st := open[key]
		for len(st) > 0 && spans[st[len(st)-1]].End <= s.Start {
			st = st[:len(st)-1]
		}
		if len(st) > 0 && spans[st[len(st)-1]].End < s.End {
			return i, st[len(st)-1], true
		}
		open[key] = append(st, i)
	}
	return 0, 0, false
}

// checkSpan refuses a span no tilmash writes and none can apply: offsets
// that are not a stretch of bytes (negative, or an end not after the
// start), or a text that is not UTF-8 (a YAML !!binary can hold any
// bytes). The stored text is UTF-8, so a span whose text is UTF-8 and
// matches it starts and ends between its characters; one that starts in
// the middle of a character would cut the export's runs there. A span
// past the end of the text, or over other words, is an error only in a
// file made for the very text (see [Formatting.For]).
func checkSpan(s docformat.Span) *locale.Error {
	if s.Start < 0 || s.End <= s.Start {
		return locale.NewError("document.bad-span-offsets", map[string]any{"Start": s.Start, "End": s.End}).
			WithHint("document.bad-formatting.hint")
	}
	if !utf8.ValidString(s.Text) {
		i := 0
		for i < len(s.Text) {
			r, n := utf8.DecodeRuneInString(s.Text[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return locale.NewError("document.bad-span-text", map[string]any{"Byte": fmt.Sprintf("0x%02x", s.Text[i]), "Index": i}).
			WithHint("document.bad-formatting.hint")
	}
	return nil
}

// spanPos returns the line and column of the i-th span of a formatting
// file (1:1 when it cannot be found). It parses the file again, on the
// error path only: a long DOCX's formatting is megabytes.
func spanPos(file string, data []byte, i int) (int, int) {
	root, err := yamlx.Parse(file, data)
	if err != nil || len(root.Content) == 0 {
		return 1, 1
	}
	m := root.Content[0]
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value == "spans" && i < len(m.Content[k+1].Content) {
			n := m.Content[k+1].Content[i]
			return n.Line, n.Column
		}
	}
	return 1, 1
}

// For returns the spans of f for text, the stored text of its language,
// and those that no longer apply to it. When f was made for text (its
// hash is f.Text), every span must lie inside it over the words it
// recorded: one that does not is an error at its line and column (the
// file was damaged, or edited by hand). When the text changed since
// outside tilmash (by hand, by a git merge: edits through tilmash move
// the spans with it), a span is kept where its words still are, moved
// where they moved (the only place the text has them, or where the edits
// moved the nearest span found), and lost otherwise.
func (f *Formatting) For(text string) (kept, lost []docformat.Span, err error) {
	if f == nil {
		return nil, nil, nil
	}
	if f.Text == Hash(text) {
		for i, s := range f.Spans {
			switch {
			case s.End > len(text):
				return nil, nil, f.located(locale.NewError("document.span-outside-text", map[string]any{"End": s.End, "Len": len(text)}).
					WithHint("document.bad-formatting.hint"), i)
			case text[s.Start:s.End] != s.Text:
				return nil, nil, f.located(locale.NewError("document.span-other-words", map[string]any{"Start": s.Start, "End": s.End, "Want": strconv.Quote(s.Text), "Have": strconv.Quote(text[s.Start:s.End])}).
					WithHint("document.bad-formatting.hint"), i)
			}
		}
		return f.Spans, nil, nil
	}
	kept, lost = uncross(relocate(f.Spans, text))
	return kept, lost, nil
}

// uncross moves from kept to lost the spans that cross others where they
// cannot (see [crossing]), the later of each two, so that a formatting
// file written with kept reads again: spans found again or moved each on
// its own may cross.
func uncross(kept, lost []docformat.Span) ([]docformat.Span, []docformat.Span) {
	for {
		i, _, ok := crossing(kept)
		if !ok {
			return kept, lost
		}
		lost = append(lost, kept[i])
		kept = slices.Delete(kept, i, i+1)
	}
}

// Apply returns f with the spans that apply to text (see [Formatting.For]),
// made for it; nil for a nil f. The spans lost to an edit of the text
// outside tilmash are left out.
func (f *Formatting) Apply(text string) (*Formatting, error) {
	if f == nil {
		return nil, nil
	}
	spans, _, err := f.For(text)
	if err != nil {
		return nil, err
	}
	return &Formatting{Text: Hash(text), From: f.From, Spans: spans}, nil
}

// relocateSearches bounds the searches of the whole text relocate makes.
const relocateSearches = 1000

// relocate finds spans made for another text in text by their words (see
// [Formatting.For]): first each span still where it was or whose words
// the text has once, then the others where the nearest span found before
// them (else after them) moved.
func relocate(spans []docformat.Span, text string) (kept, lost []docformat.Span) {
	at := func(i int, s docformat.Span) bool {
		return i >= 0 && i+len(s.Text) <= len(text) && text[i:i+len(s.Text)] == s.Text
	}
	place := make([]int, len(spans))
	searches := 0
	for k, s := range spans {
		place[k] = -1
		switch {
		case at(s.Start, s):
			place[k] = s.Start
		case searches < relocateSearches:
			searches++
			if i := strings.Index(text, s.Text); i >= 0 && !strings.Contains(text[i+1:], s.Text) {
				place[k] = i
			}
		}
	}
	for k, s := range spans {
		if place[k] >= 0 {
			continue
		}
		for _, near := range []int{-1, 1} {
			j := k + near
			for j >= 0 && j < len(spans) && place[j] < 0 {
				j += near
			}
			if j < 0 || j >= len(spans) {
				continue
			}
			if d := place[j] - spans[j].Start; at(s.Start+d, s) {
				place[k] = s.Start + d
				break
			}
		}
	}
	// Last, words the text has more than once: the place of them nearest
	// to where the nearest span found moved, between the spans found that
	// started before and after it, so that it keeps its order among them.
	for k, s := range spans {
		if place[k] >= 0 || searches >= relocateSearches {
			continue
		}
		searches++
		lo, hi, d, dist := 0, len(text), 0, -1
		for j, o := range spans {
			if place[j] < 0 {
				continue
			}
			if o.Start <= s.Start {
				lo = max(lo, place[j])
			}
			if o.Start >= s.Start {
				hi = min(hi, place[j])
			}
			if e := abs(o.Start - s.Start); dist < 0 || e < dist {
				d, dist = place[j]-o.Start, e
			}
		}
		want, best := s.Start+d, -1
		for i := lo; i <= hi && i < len(text); {
			n := strings.Index(text[i:], s.Text)
			if n < 0 || i+n > hi {
				break
			}
			if best < 0 || abs(i+n-want) < abs(best-want) {
				best = i + n
			}
			i += n + 1
		}
		place[k] = best
	}
	for k, s := range spans {
		if place[k] < 0 {
			lost = append(lost, s)
			continue
		}
		s.Start, s.End = place[k], place[k]+len(s.Text)
		kept = append(kept, s)
	}
	return kept, lost
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Valid returns the spans of f that apply to text: inside it, and over
// the very text they recorded.
func (f *Formatting) Valid(text string) []docformat.Span {
	if f == nil {
		return nil
	}
	var out []docformat.Span
	for _, s := range f.Spans {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(text) && text[s.Start:s.End] == s.Text {
			out = append(out, s)
		}
	}
	return out
}

// Rebase moves spans made for old onto new, as a word processor keeps
// formatting over an edit: each edge of a span moves with the unchanged
// text beside it inside the span (a start with the character after it,
// an end with the one before), failing that with the unchanged text just
// outside it, so the spans before, after and between the changes move
// with their words, and a span whose words were corrected inside it (a
// date fixed in a bold dateline, a word added inside a link) is kept over
// the corrected words. Text typed just before a span's start or after its
// end stays outside it. A span is dropped (lost) when less than half of
// the text it covered is left (its words were rewritten: the bold of a
// word is not the bold of the one that replaced it), or an edge of it
// falls inside rewritten text; a span that an edit broke into paragraphs
// is kept one a paragraph.
func Rebase(spans []docformat.Span, old, new string) (kept, lost []docformat.Span) {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	for p > 0 && p < len(old) && !utf8.RuneStart(old[p]) {
		p-- // the changes start at a character
	}
	q := 0
	for q < len(old)-p && q < len(new)-p && old[len(old)-1-q] == new[len(new)-1-q] {
		q++
	}
	for q > 0 && !utf8.RuneStart(old[len(old)-q]) {
		q--
	}
	oldEnd, newEnd := len(old)-q, len(new)-q
	var runs []sameRun // the unchanged stretches, when a span needs them
	for _, s := range spans {
		switch {
		case s.Start < 0 || s.End <= s.Start || s.End > len(old) || old[s.Start:s.End] != s.Text:
			lost = append(lost, s)
		case docformat.IsBlock(s.Kind) && s.End+2 > p && s.Start-2 < oldEnd && paragraphSpan(old, s):
			// A list item, quote or note covers its paragraph: one the
			// edit touches is its paragraph as the edit left it.
			if runs == nil {
				runs = append([]sameRun{{0, 0, p}}, sameRuns(old[p:oldEnd], new[p:newEnd], p)...)
				runs = append(runs, sameRun{oldEnd, newEnd, q})
			}
			if parts := moveBlock(s, runs, new); len(parts) > 0 {
				kept = append(kept, parts...)
			} else {
				lost = append(lost, s)
			}
		case s.End <= p:
			kept = append(kept, s)
		case s.Start >= oldEnd:
			s.Start += newEnd - oldEnd
			s.End += newEnd - oldEnd
			kept = append(kept, s)
		default:
			if runs == nil {
				runs = append([]sameRun{{0, 0, p}}, sameRuns(old[p:oldEnd], new[p:newEnd], p)...)
				runs = append(runs, sameRun{oldEnd, newEnd, q})
			}
			if parts := moveSpan(s, runs, new); len(parts) > 0 {
				kept = append(kept, parts...)
			} else {
				lost = append(lost, s)
			}
		}
	}
	return uncross(oneBlock(kept), lost)
}

// oneBlock drops from spans each block span of the kind and stretch of
// one before it: two list items an edit joined into one paragraph are one
// list item.
func oneBlock(spans []docformat.Span) []docformat.Span {
	type block struct {
		kind       string
		start, end int
	}
	var seen map[block]bool
	return slices.DeleteFunc(spans, func(s docformat.Span) bool {
		if !docformat.IsBlock(s.Kind) {
			return false
		}
		k := block{s.Kind, s.Start, s.End}
		if seen[k] {
			return true
		}
		if seen == nil {
			seen = map[block]bool{}
		}
		seen[k] = true
		return false
	})
}

// paragraph returns the paragraph of text around byte at: the stretch
// between blank lines (the blocks of a stored text are separated by one),
// without white space at its edges.
func paragraph(text string, at int) (int, int) {
	start := strings.LastIndex(text[:at], "\n\n")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(text[at:], "\n\n")
	if end < 0 {
		end = len(text)
	} else {
		end += at
	}
	p := text[start:end]
	start += len(p) - len(strings.TrimLeftFunc(p, unicode.IsSpace))
	end = max(start, start+len(strings.TrimSpace(p)))
	return start, end
}

// paragraphSpan reports whether s covers a whole paragraph of text, as
// the block kinds a reader records do.
func paragraphSpan(text string, s docformat.Span) bool {
	start, end := paragraph(text, s.Start)
	return start == s.Start && end == s.End
}

// moveBlock moves a block span that covered its paragraph (see [Rebase])
// to the paragraphs of new that hold what is left of it: those its words
// went to (see [moveSpan]), else the one that holds any of its unchanged
// text, else the one after the break before it or before the break after
// it (a list item whose words were all rewritten is still a list item).
// Words typed at its edges are inside it, and a paragraph the edit joined
// to it is the same block: two list items joined are one list item.
func moveBlock(s docformat.Span, runs []sameRun, new string) []docformat.Span {
	var at []int
	for _, p := range moveSpan(s, runs, new) {
		at = append(at, p.Start)
	}
	if len(at) == 0 {
		// Its words rewritten: where most of them are, else between
		// the breaks that were before and after it.
		same, in, before, after := 0, -1, -1, -1
		for _, r := range runs {
			if lo, hi := max(s.Start, r.old), min(s.End, r.old+r.n); lo < hi {
				same += hi - lo
				if in < 0 {
					in = r.new + lo - r.old
				}
			}
			if r.old < s.Start && s.Start <= r.old+r.n {
				before = r.new + s.Start - r.old
			}
			if r.old <= s.End && s.End < r.old+r.n && after < 0 {
				after = r.new + s.End - r.old
			}
		}
		switch {
		case 2*same >= s.End-s.Start:
			at = append(at, in)
		case before >= 0 && after > before:
			at = append(at, before)
		}
	}
	var out []docformat.Span
	for _, a := range at {
		start, end := paragraph(new, a)
		if start == end {
			continue
		}
		t := s
		t.Start, t.End, t.Text = start, end, new[start:end]
		out = append(out, t)
	}
	return oneBlock(out)
}

// moveSpan moves s over runs, the stretches old and new share in order
// (see [Rebase]); none when it cannot.
func moveSpan(s docformat.Span, runs []sameRun, new string) []docformat.Span {
	start, end := -1, -1       // edges moved with the text inside the span
	startOut, endOut := -1, -1 // with the text outside it
	same := 0                  // bytes of s's text left unchanged
	for _, r := range runs {
		if r.old <= s.Start && s.Start < r.old+r.n {
			start = r.new + s.Start - r.old
		} else if r.old+r.n == s.Start {
			startOut = r.new + r.n
		}
		if r.old < s.End && s.End <= r.old+r.n {
			end = r.new + s.End - r.old
		} else if r.old == s.End && endOut < 0 {
			endOut = r.new
		}
		same += max(0, min(s.End, r.old+r.n)-max(s.Start, r.old))
	}
	if start < 0 {
		start = startOut
	}
	if end < 0 {
		end = endOut
	}
	if 2*same < s.End-s.Start || start < 0 || end <= start {
		return nil
	}
	if !strings.Contains(new[start:end], "\n\n") || strings.Contains(s.Text, "\n\n") {
		if t, ok := trimSpan(s, new, start, end); ok {
			return []docformat.Span{t}
		}
		return nil
	}
	// The edit broke the span's paragraph in two: a span over each part.
	var out []docformat.Span
	for i := start; i < end; {
		j := strings.Index(new[i:end], "\n\n")
		if j < 0 {
			j = end - i
		}
		if t, ok := trimSpan(s, new, i, i+j); ok {
			out = append(out, t)
		}
		i += j + 2
	}
	return out
}

// trimSpan returns s over text[start:end] without the white space the
// edit brought to its edges (spans hold none), false when nothing else is
// left.
func trimSpan(s docformat.Span, text string, start, end int) (docformat.Span, bool) {
	seg := text[start:end]
	lead := 0
	if r, _ := utf8.DecodeRuneInString(s.Text); !unicode.IsSpace(r) {
		lead = len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
	}
	seg = seg[lead:]
	if r, _ := utf8.DecodeLastRuneInString(s.Text); !unicode.IsSpace(r) {
		seg = strings.TrimRightFunc(seg, unicode.IsSpace)
	}
	if seg == "" {
		return s, false
	}
	s.Start, s.End, s.Text = start+lead, start+lead+len(seg), seg
	return s, true
}

// sameRun is a stretch of n bytes that old and new share, at old and new
// (offsets into the whole texts).
type sameRun struct{ old, new, n int }

// sameRunsMax bounds each table of sameRuns (tokens of old times tokens
// of new): past it, the stretch is taken as changed all through.
const sameRunsMax = 1 << 20

// sameRuns are the stretches a and b have in common, in order; at is
// where a and b start in the whole texts. Lines are compared first, with
// the journal's line diff (an import that changed a few sentences of a
// long text leaves most of its lines alone), then the runes of each
// stretch of changed lines, as a longest common subsequence (an edit of
// two words of one sentence leaves the words between). It returns an
// empty, non-nil slice when they share nothing.
func sameRuns(a, b string, at int) []sameRun {
	runs := []sameRun{}
	add := func(r sameRun) {
		if l := len(runs) - 1; l >= 0 && runs[l].old+runs[l].n == r.old && runs[l].new+runs[l].n == r.new {
			runs[l].n += r.n
		} else if r.n > 0 {
			runs = append(runs, r)
		}
	}
	// The hunks turn b back into a: At and Remove count b's lines, Insert
	// is the lines of a in their place; the lines between hunks are the
	// same in both.
	lb := lineEnds(b)
	oa, j := 0, 0 // a's bytes and b's lines up to here
	lineStart := func(j int) int {
		if j == 0 {
			return 0
		}
		return lb[j-1]
	}
	for _, h := range append(journal.Diff([]byte(a), []byte(b)), journal.Hunk{At: len(lb)}) {
		ob := lineStart(j)
		n := lineStart(h.At) - ob
		add(sameRun{old: at + oa, new: at + ob, n: n})
		oa, ob = oa+n, ob+n
		end := lineStart(h.At + h.Remove)
		if h.Insert != "" && end > ob {
			for _, r := range runeRuns(h.Insert, b[ob:end], at+oa, at+ob) {
				add(r)
			}
		}
		oa += len(h.Insert)
		j = h.At + h.Remove
	}
	return runs
}

// lineEnds returns the offset after each line of s (after its line feed,
// or the end of s for a last line without one).
func lineEnds(s string) []int {
	var out []int
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '\n') + 1
		if k == 0 {
			k = len(s) - i
		}
		i += k
		out = append(out, i)
	}
	return out
}

// runeRuns are the stretches of runes a and b (at oa and ob in the whole
// texts) have in common.
func runeRuns(a, b string, oa, ob int) []sameRun {
	ra, rb := []rune(a), []rune(b)
	pairs, ok := lcs(len(ra), len(rb), func(i, j int) bool { return ra[i] == rb[j] })
	if !ok {
		return nil
	}
	var runs []sameRun
	i, j := 0, 0
	for _, pr := range pairs {
		for ; i < pr[0]; i++ {
			oa += utf8.RuneLen(ra[i])
		}
		for ; j < pr[1]; j++ {
			ob += utf8.RuneLen(rb[j])
		}
		w := utf8.RuneLen(ra[i])
		if l := len(runs) - 1; l >= 0 && runs[l].old+runs[l].n == oa && runs[l].new+runs[l].n == ob {
			runs[l].n += w
		} else {
			runs = append(runs, sameRun{old: oa, new: ob, n: w})
		}
		oa, ob = oa+w, ob+w
		i, j = i+1, j+1
	}
	return runs
}

// lcs returns the index pairs of a longest common subsequence of two
// sequences of n and m tokens that eq compares, in order; false when
// n·m is over sameRunsMax.
func lcs(n, m int, eq func(i, j int) bool) ([][2]int, bool) {
	if n == 0 || m == 0 {
		return nil, true
	}
	if n*m > sameRunsMax {
		return nil, false
	}
	// t[i*(m+1)+j] is the length of a longest common subsequence of the
	// tokens from i and from j.
	t := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			k := i*(m+1) + j
			switch {
			case eq(i, j):
				t[k] = t[k+m+2] + 1
			case t[k+m+1] >= t[k+1]:
				t[k] = t[k+m+1]
			default:
				t[k] = t[k+1]
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		k := i*(m+1) + j
		switch {
		case eq(i, j):
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case t[k+m+1] >= t[k+1]:
			i++
		default:
			j++
		}
	}
	return out, true
}

// Formatting returns the formatting of lang, nil when it has none. A
// file that cannot be read is an error.
func (d *Document) Formatting(lang string) (*Formatting, error) {
	data, err := d.ReadFile(FormatName(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseFormatting(d.rel(FormatName(lang)), data)
}

// FormattingFor returns the formatting of lang with the spans that apply
// to text, its stored text (see [Formatting.Apply]), nil when it has none.
func (d *Document) FormattingFor(lang, text string) (*Formatting, error) {
	f, err := d.Formatting(lang)
	if err != nil {
		return nil, err
	}
	return f.Apply(text)
}

// UnplacedFormatting returns the spans of the formatting of lang that
// can no longer be placed in text, its stored text: changed outside
// tilmash (by hand, by a merge), it no longer has their words where
// [Formatting.For] looks. Exports leave them out, and the next edit of
// the text through tilmash drops them from the file.
func (d *Document) UnplacedFormatting(lang, text string) ([]LostSpan, error) {
	f, err := d.Formatting(lang)
	if err != nil || f == nil || f.Text == Hash(text) {
		return nil, err
	}
	_, lost, err := f.For(text)
	if err != nil {
		return nil, err
	}
	out := make([]LostSpan, len(lost))
	for i, s := range lost {
		out[i] = LostSpan{Lang: lang, Span: s, Outside: true}
	}
	return out, nil
}

// Formatting returns the formatting of lang as the change would leave it,
// nil when there is none.
func (c *Change) Formatting(lang string) (*Formatting, error) {
	data, err := c.Raw(FormatName(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseFormatting(c.rel(FormatName(lang)), data)
}

// SetFormatting stages the formatting of lang, made for text.
func (c *Change) SetFormatting(lang, text string, f *Formatting) {
	c.setFormatting(lang, Hash(text), f)
}

// setFormatting is SetFormatting for a text whose hash the caller has.
func (c *Change) setFormatting(lang, hash string, f *Formatting) {
	f.Text = hash
	c.tx.Write(FormatName(lang), f.Marshal(lang))
}
