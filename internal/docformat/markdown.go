package docformat

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/tilmash/tilmash/internal/lazy"
)

// ReadMarkdown reads Markdown text (already UTF-8, NFC, LF) into a Doc:
// ATX and Setext headings, paragraphs (soft line breaks become spaces,
// hard ones stay line breaks), bulleted and numbered lists, block quotes,
// fenced and indented code as paragraphs. Inline, *emphasis*, **strong**,
// `code` and [links](url) become spans with their markers removed;
// backslash escapes and entities are resolved; images are dropped.
// Reference links use the document's [label]: url definitions. A front
// matter block at the start (YAML between "---" lines, as Jekyll, Hugo and
// pandoc write it, or Hugo's TOML between "+++" lines) is metadata, not
// text: it is left out, and its title is the article's.
func ReadMarkdown(text string) *Doc {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	m := &mdReader{b: &builder{}, refs: map[string]string{}, notes: map[string]string{}, noteNum: map[string]int{}}
	lines, m.b.title = frontMatter(lines)
	lines = m.definitions(lines)
	m.blocks(lines, "", 0)
	// The footnotes at the end, as the DOCX and HTML readers put them: in
	// the order of their references, then those never referred to.
	for _, label := range m.noteDefs {
		if m.noteNum[label] == 0 {
			m.noteNum[label] = len(m.noteRefs) + 1
			m.noteRefs = append(m.noteRefs, label)
		}
	}
	for _, label := range m.noteRefs {
		m.b.StartBlock(Note, 0)
		m.b.Put(fmt.Sprintf("[%d] ", m.noteNum[label]), false)
		m.inNote = true
		m.inline(m.notes[label], 0)
		m.inNote = false
		m.b.EndBlock()
	}
	return m.b.Doc()
}

// frontMatter returns lines without a front matter block at their start,
// and the title the block gives ("" for none). A block opens on the first
// line with "---" (YAML) or "+++" (TOML), its first line is a key
// ("title: …", "title = …") or a comment, and it closes with the same
// fence ("..." too for YAML) within maxFrontMatter lines: a thematic
// break before a paragraph stays Markdown.
func frontMatter(lines []string) ([]string, string) {
	const maxFrontMatter = 200
	if len(lines) < 3 {
		return lines, ""
	}
	fence := strings.TrimRight(lines[0], " \t")
	sep := ":"
	switch fence {
	case "---":
	case "+++":
		sep = "="
	default:
		return lines, ""
	}
	first := strings.TrimSpace(lines[1])
	if !strings.HasPrefix(first, "#") && !mdFrontKey.Get().MatchString(first) {
		return lines, ""
	}
	for i := 1; i < len(lines) && i <= maxFrontMatter; i++ {
		end := strings.TrimRight(lines[i], " \t")
		if end != fence && !(fence == "---" && end == "...") {
			continue
		}
		title := ""
		for _, l := range lines[1:i] {
			key, val, ok := strings.Cut(l, sep)
			if !ok || strings.TrimSpace(key) != "title" || key != strings.TrimLeft(key, " \t") {
				continue
			}
			val = strings.TrimSpace(val)
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			if val != "" && !strings.ContainsAny(val[:1], "|>[{&*!") {
				title = val
			}
			break
		}
		return lines[i+1:], title
	}
	return lines, ""
}

type mdReader struct {
	b    *builder
	refs map[string]string
	// Footnotes: their texts by label, the labels in the order of their
	// definitions and of their first references, and their numbers.
	notes    map[string]string
	noteDefs []string
	noteRefs []string
	noteNum  map[string]int
	inNote   bool
}

var (
	// mdFrontKey is the first line of a front matter block: a YAML or
	// TOML key.
	mdFrontKey = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*[ \t]*(:([ \t]|$)|=)`)
	}}
	// mdHTMLTag is a raw HTML open or closing tag, as CommonMark's but
	// for attributes without a value ("a <b and c> d" stays text): the
	// slash of a closing tag, the name, the attributes, the slash of a
	// self-closing one.
	mdHTMLTag = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))*)\s*(/?)>`)
	}}
	// mdHref is the href attribute of a tag's attributes.
	mdHref = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)
	}}
	mdATX = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	}}
	mdSetext = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`) }}
	mdRule   = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$`)
	}}
	mdItem     = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)`) }}
	mdQuote    = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}> ?`) }}
	mdFence    = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile("^ {0,3}(```+|~~~+)") }}
	mdDef      = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$`) }}
	mdNote     = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$`) }}
	mdHardWrap = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`(  +|\\)$`) }}
	// mdTableDelim is the delimiter row under a table's header row (GFM):
	// cells of dashes with optional alignment colons, at least one pipe.
	mdTableDelim = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}(\|[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?|:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?)[ \t]*$`)
	}}
)

// definitions takes the link reference definitions and the footnotes
// ("[^label]: text", then its indented lines, paragraphs joined) out of
// lines.
func (m *mdReader) definitions(lines []string) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if f := mdNote.Get().FindStringSubmatch(l); f != nil {
			label := strings.ToLower(f[1])
			text := []string{strings.TrimSpace(f[2])}
			for i+1 < len(lines) {
				next := lines[i+1]
				if indented(next) {
					text = append(text, strings.TrimSpace(next))
					i++
					continue
				}
				if strings.TrimSpace(next) == "" && i+2 < len(lines) && indented(lines[i+2]) {
					i++
					continue
				}
				break
			}
			if _, dup := m.notes[label]; !dup {
				m.notes[label] = strings.Join(text, " ")
				m.noteDefs = append(m.noteDefs, label)
			}
			continue
		}
		if d := mdDef.Get().FindStringSubmatch(l); d != nil && !strings.HasPrefix(d[1], "^") {
			m.refs[strings.ToLower(strings.Join(strings.Fields(d[1]), " "))] = d[2]
			continue
		}
		out = append(out, l)
	}
	return out
}

// indented reports a line that goes on a footnote: not blank, starting
// with a space or a tab.
func indented(l string) bool {
	return strings.TrimSpace(l) != "" && (l[0] == ' ' || l[0] == '\t')
}

// blocks reads lines as blocks; kind is the block kind around them (a
// quote), depth the nesting of quotes.
func (m *mdReader) blocks(lines []string, kind string, depth int) {
	var para []string
	paraKind := kind
	flush := func() {
		if len(para) > 0 {
			m.paragraph(para, paraKind, 0)
			para = nil
		}
		paraKind = kind
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case len(para) == 0 && strings.Contains(line, "|") && i+1 < len(lines) && mdTableDelim.Get().MatchString(lines[i+1]):
			// A table: the header row, the delimiter row (dropped), then
			// rows up to a blank line or a line without a pipe. Each row
			// is a paragraph, its cells joined by " | ", as HTML and DOCX
			// tables are read.
			m.tableRow(line, kind)
			for i += 2; i < len(lines) && strings.TrimSpace(lines[i]) != "" && strings.Contains(lines[i], "|"); i++ {
				m.tableRow(lines[i], kind)
			}
			i--
		case mdFence.Get().MatchString(line):
			flush()
			fence := mdFence.Get().FindStringSubmatch(line)[1]
			var code []string
			for i++; i < len(lines); i++ {
				if strings.HasPrefix(strings.TrimLeft(lines[i], " "), fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(lines[i]), fence[:1])) == "" {
					break
				}
				code = append(code, lines[i])
			}
			m.b.StartBlock(kind, 0)
			m.b.Open(Code, "")
			for j, c := range code {
				if j > 0 {
					m.b.Break()
				}
				m.b.Put(c, false)
			}
			m.b.EndBlock()
		case mdATX.Get().MatchString(line) && depth < 64:
			flush()
			h := mdATX.Get().FindStringSubmatch(line)
			m.paragraph([]string{h[2]}, kind, len(h[1]))
		case len(para) > 0 && paraKind == kind && mdSetext.Get().MatchString(line):
			level := 1
			if strings.TrimSpace(line)[0] == '-' {
				level = 2
			}
			m.paragraph(para, kind, level)
			para = nil
		case mdRule.Get().MatchString(line):
			flush()
		case mdQuote.Get().MatchString(line) && depth < 32:
			flush()
			var inner []string
			for ; i < len(lines); i++ {
				l := lines[i]
				if loc := mdQuote.Get().FindStringIndex(l); loc != nil {
					inner = append(inner, l[loc[1]:])
				} else if strings.TrimSpace(l) != "" && len(inner) > 0 && strings.TrimSpace(inner[len(inner)-1]) != "" && !mdItem.Get().MatchString(l) {
					inner = append(inner, l) // a lazy continuation
				} else {
					break
				}
			}
			i--
			m.blocks(inner, Quote, depth+1)
		case mdItem.Get().MatchString(line) && (len(para) == 0 || paraKind == Item || paraKind == Ordered || isListStart(line)):
			flush()
			loc := mdItem.Get().FindStringSubmatchIndex(line)
			marker := line[loc[4]:loc[5]]
			k := Item
			if marker[0] >= '0' && marker[0] <= '9' {
				k = Ordered
			}
			if kind == Quote {
				k = Quote
			}
			para, paraKind = []string{line[loc[1]:]}, k
		case len(para) > 0:
			para = append(para, strings.TrimLeft(line, " \t"))
		case strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t"):
			// Indented code, or the body of a loose list item.
			para, paraKind = []string{strings.TrimLeft(line, " \t")}, kind
		default:
			para = []string{strings.TrimLeft(line, " \t")}
		}
	}
	flush()
}

// tableRow adds a table row as one block, its cells (split at pipes that
// are not escaped, the outer pipes dropped) joined by " | ".
func (m *mdReader) tableRow(line, kind string) {
	row := strings.TrimSpace(line)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, "\\|") {
		row = row[:len(row)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, row[start:i])
			start = i + 1
		}
	}
	cells = append(cells, row[start:])
	m.b.StartBlock(kind, 0)
	for i, c := range cells {
		if i > 0 {
			m.b.Put(" | ", false)
		}
		m.inline(strings.TrimSpace(c), 0)
	}
	m.b.EndBlock()
}

// isListStart reports whether an item marker line may interrupt a
// paragraph: a bullet, or a number 1.
func isListStart(line string) bool {
	t := strings.TrimLeft(line, " ")
	return t[0] == '-' || t[0] == '*' || t[0] == '+' || strings.HasPrefix(t, "1.") || strings.HasPrefix(t, "1)")
}

// paragraph adds one block from its lines.
func (m *mdReader) paragraph(lines []string, kind string, level int) {
	m.b.StartBlock(kind, level)
	for i, l := range lines {
		hard := false
		if i < len(lines)-1 && mdHardWrap.Get().MatchString(l) {
			hard = true
			l = strings.TrimSuffix(strings.TrimRight(l, " "), "\\")
		}
		m.inline(strings.TrimRight(l, " \t"), 0)
		if i < len(lines)-1 {
			if hard {
				m.b.Break()
			} else {
				m.b.Put(" ", true)
			}
		}
	}
	m.b.EndBlock()
}

const mdPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

var mdEntity = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
}}

// inline reads the inline markup of s into the current block.
func (m *mdReader) inline(s string, depth int) {
	b := m.b
	var lit strings.Builder
	// dead[0] for *, dead[1] for _: the markers no closer follows (see
	// closer), found once for the whole of s.
	var dead [2][]bool
	emit := func() {
		if lit.Len() > 0 {
			b.Put(lit.String(), true)
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(mdPunct, s[i+1]) >= 0:
			lit.WriteByte(s[i+1])
			i += 2
			continue
		case c == '&':
			if e := mdEntity.Get().FindString(s[i:]); e != "" {
				lit.WriteString(html.UnescapeString(e))
				i += len(e)
				continue
			}
		case c == '`':
			n := run(s, i, '`')
			if j := closingTicks(s, i+n, n); j >= 0 {
				emit()
				code := s[i+n : j]
				if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
					code = code[1 : len(code)-1]
				}
				b.Open(Code, "")
				b.Put(code, true)
				b.Close(Code)
				i = j + n
				continue
			}
			lit.WriteString(s[i : i+n])
			i += n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if text, _, end, ok := m.link(s, i+1); ok {
				_ = text // images are dropped, their alt text with them
				i = end
				continue
			}
		case c == '[' && i+1 < len(s) && s[i+1] == '^' && !m.inNote:
			// A footnote reference: [1], numbered as referred to.
			if j := strings.IndexByte(s[i:], ']'); j > 2 {
				label := strings.ToLower(s[i+2 : i+j])
				if _, ok := m.notes[label]; ok {
					if m.noteNum[label] == 0 {
						m.noteRefs = append(m.noteRefs, label)
						m.noteNum[label] = len(m.noteRefs)
					}
					emit()
					b.Put(fmt.Sprintf("[%d]", m.noteNum[label]), false)
					i += j + 1
					continue
				}
			}
		case c == '[':
			if text, href, end, ok := m.link(s, i); ok && depth < 16 {
				emit()
				b.Open(Link, href)
				m.inline(text, depth+1)
				b.Close(Link)
				i = end
				continue
			}
		case c == '<':
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				u := s[i+1 : i+j]
				if (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "mailto:")) && !strings.ContainsAny(u, " <") {
					emit()
					b.Open(Link, u)
					b.Put(strings.TrimPrefix(u, "mailto:"), true)
					b.Close(Link)
					i += j + 1
					continue
				}
			}
			// Raw inline HTML of the elements the HTML reader knows
			// (<b>, <sup>, <span class="x">, <a href>, <br>): formatting,
			// as from an HTML page, not text. Any other <…> (<not two>)
			// stays text.
			if n := m.htmlTag(s[i:], emit); n > 0 {
				i += n
				continue
			}
		case (c == '*' || c == '_') && depth < 16:
			n := run(s, i, c)
			d := &dead[0]
			if c == '_' {
				d = &dead[1]
			}
			if j, k := closer(s, i, n, c, d); j >= 0 {
				emit()
				kinds := []string{Italic}
				if k == 2 {
					kinds = []string{Bold}
				} else if k >= 3 {
					kinds = []string{Bold, Italic}
				}
				for _, kd := range kinds {
					b.Open(kd, "")
				}
				m.inline(s[i+k:j], depth+1)
				for l := len(kinds) - 1; l >= 0; l-- {
					b.Close(kinds[l])
				}
				if n > k {
					lit.WriteString(s[i+k : i+n]) // unmatched markers stay
				}
				i = j + k
				continue
			}
			lit.WriteString(s[i : i+n])
			i += n
			continue
		}
		lit.WriteByte(c)
		i++
	}
	emit()
}

// htmlTag reads a raw HTML tag at the start of s of an inline element the
// HTML reader knows, and opens or closes its span as that reader would
// (emit first writes out the text before it); it returns the tag's length,
// 0 when s starts with no such tag.
func (m *mdReader) htmlTag(s string, emit func()) int {
	t := mdHTMLTag.Get().FindStringSubmatch(s)
	if t == nil {
		return 0
	}
	closing, name, attrs := t[1] == "/", strings.ToLower(t[2]), t[3]
	if closing && (attrs != "" || t[4] != "") {
		return 0
	}
	kind, tag, href := "", "", ""
	switch name {
	case "br":
		if closing {
			return 0
		}
		emit()
		m.b.Break()
		return len(t[0])
	case "b", "strong":
		kind = Bold
	case "i", "em", "cite", "dfn":
		kind = Italic
	case "code", "kbd", "samp", "tt":
		kind = Code
	case "a":
		kind = Element
		if closing && m.b.IsOpen(Link) {
			kind = Link
		}
		if h := mdHref.Get().FindStringSubmatch(attrs); h != nil && !closing {
			if href = strings.TrimSpace(html.UnescapeString(h[1] + h[2] + h[3])); href != "" && SafeHref(href) && !strings.HasPrefix(href, "#") {
				kind = Link
			} else {
				href = ""
			}
		}
	default:
		if !slices.Contains(Elements(), name) {
			return 0
		}
		kind = Element
	}
	switch name {
	case "b", "i", "cite", "dfn", "kbd", "samp", "tt":
		tag = name // not the element tilmash's page writes for kind
	}
	if kind == Element {
		tag = name
	}
	emit()
	if closing {
		m.b.Close(kind)
	} else if t[4] == "" {
		m.b.OpenTag(kind, href, tag)
	}
	return len(t[0])
}

// linkDest reads the destination and optional title of an inline link,
// "(url)", "(url "title")", "(<url with spaces>)", at the start of s, as
// CommonMark does: a bare destination runs to white space or to the ")"
// that no "(" in it opened, so that a Wikipedia address keeps its
// parentheses ("…/wiki/Almaty_(region)"), not the first ")" cutting it
// and leaving one in the text; a backslash escapes the punctuation after
// it. It returns the destination and the length of "(…)".
func linkDest(s string) (dest string, end int, ok bool) {
	space := func(p int) int {
		for p < len(s) && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n') {
			p++
		}
		return p
	}
	p := space(1)
	if p < len(s) && s[p] == '<' {
		q := strings.IndexAny(s[p+1:], ">\n")
		if q < 0 || s[p+1+q] != '>' {
			return "", 0, false
		}
		dest, p = s[p+1:p+1+q], p+1+q+1
	} else {
		var b strings.Builder
		depth := 0
	scan:
		for ; p < len(s); p++ {
			c := s[p]
			switch {
			case c == '\\' && p+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[p+1]) >= 0:
				p++
				c = s[p]
			case c == '(':
				depth++
			case c == ')':
				if depth == 0 {
					break scan
				}
				depth--
			case c <= ' ':
				break scan
			}
			b.WriteByte(c)
		}
		if depth > 0 {
			return "", 0, false
		}
		dest = b.String()
	}
	if q := space(p); q > p && q < len(s) && (s[q] == '"' || s[q] == '\'' || s[q] == '(') {
		closing := s[q]
		if closing == '(' {
			closing = ')'
		}
		t := strings.IndexByte(s[q+1:], closing)
		if t < 0 {
			return "", 0, false
		}
		p = q + 1 + t + 1
	}
	p = space(p)
	if p >= len(s) || s[p] != ')' {
		return "", 0, false
	}
	return dest, p + 1, true
}

// run returns the length of the run of c at s[i:].
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closingTicks finds a run of exactly n backticks from i.
func closingTicks(s string, i, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		k := run(s, j, '`')
		if k == n {
			return j
		}
		i = j + k
	}
	return -1
}

// closer finds the closing delimiter of the run of n markers c at s[i:]:
// it returns where it starts and how many markers open and close (1
// emphasis, 2 strong, 3 both), or -1. An opener must be left-flanking
// (not followed by white space); a closer right-flanking; with _, not
// inside a word.
//
// dead marks the runs of c in s that no closer follows. The search walks
// from the opener to the end of s; when it finds nothing, every run of c
// it stepped over would walk the same rest of s and find nothing either,
// so they are marked and answered at once. Without that, text with many
// markers and no closer (*a *a *a …, each opener after a space) took the
// square of its length.
func closer(s string, i, n int, c byte, dead *[]bool) (int, int) {
	if *dead != nil && (*dead)[i] {
		return -1, 0
	}
	after, _ := utf8.DecodeRuneInString(s[i+n:])
	if i+n >= len(s) || unicode.IsSpace(after) {
		return -1, 0
	}
	if c == '_' && i > 0 {
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(before) || unicode.IsDigit(before) {
			return -1, 0
		}
	}
	want := min(n, 3)
	var passed []int // the runs of c the last search, for one marker, stepped over
	for want > 0 {
		passed = passed[:0]
		for j := i + n; j < len(s); {
			if s[j] == '\\' {
				j += 2
				continue
			}
			if s[j] == '`' { // code spans bind tighter
				k := run(s, j, '`')
				if e := closingTicks(s, j+k, k); e >= 0 {
					j = e + k
					continue
				}
				j += k
				continue
			}
			if s[j] != c {
				j++
				continue
			}
			k := run(s, j, c)
			before, _ := utf8.DecodeLastRuneInString(s[:j])
			rightFlank := !unicode.IsSpace(before)
			if c == '_' && j+k < len(s) {
				next, _ := utf8.DecodeRuneInString(s[j+k:])
				if unicode.IsLetter(next) || unicode.IsDigit(next) {
					rightFlank = false
				}
			}
			if rightFlank && k >= want && j > i+n-1+0 && j-(i+want) > 0 {
				return j + (k - want), want
			}
			passed = append(passed, j)
			j += k
		}
		want--
	}
	// No closer even for one marker: nor for any run stepped over.
	if *dead == nil {
		*dead = make([]bool, len(s))
	}
	for _, j := range passed {
		(*dead)[j] = true
	}
	return -1, 0
}

// link reads [text](url "title") or [text][ref] or [ref] at s[i:].
func (m *mdReader) link(s string, i int) (text, href string, end int, ok bool) {
	depth := 0
	j := i
	for ; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
			continue
		case '[':
			if depth++; depth > 32 { // no link text nests so deep; scanning each "[" to its "]" was quadratic
				return "", "", 0, false
			}
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j >= len(s) {
		return "", "", 0, false
	}
	text = s[i+1 : j]
	rest := s[j+1:]
	switch {
	case strings.HasPrefix(rest, "("):
		dest, k, ok := linkDest(rest)
		if !ok {
			return "", "", 0, false
		}
		return text, dest, j + 1 + k, true
	case strings.HasPrefix(rest, "["):
		k := strings.IndexByte(rest, ']')
		if k < 0 {
			return "", "", 0, false
		}
		label := rest[1:k]
		if label == "" {
			label = text
		}
		if u, found := m.refs[strings.ToLower(strings.Join(strings.Fields(label), " "))]; found {
			return text, u, j + 1 + k + 1, true
		}
	default:
		if u, found := m.refs[strings.ToLower(strings.Join(strings.Fields(text), " "))]; found {
			return text, u, j + 1, true
		}
	}
	return "", "", 0, false
}
