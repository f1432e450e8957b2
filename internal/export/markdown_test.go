package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/testenv"
)

// markdownHostile are paragraphs whose characters are markup in one of the
// dialects the Markdown export promises to be read back by (CommonMark
// with GitHub's extensions, and pandoc's Markdown): each must come back as
// its own text, with no strikethrough, subscript, superscript, math,
// citation, emoji, table, line block, list, definition or raw HTML made
// of it.
var markdownHostile = []string{
	"Water rose ~5 km upstream and ~10 km downstream.",
	"~~Struck~~ and ~sub~ and H~2~O.",
	"~~~",
	"2^10^ is 1024, x^2 and e^x^.",
	"As @smith04 says, and [@doe99, p. 3] too; mail me at news@example.kz.",
	"@tokayev wrote",
	"It cost $5 and then $10, or $x$ and $$y$$.",
	"$5",
	"| Region | Votes |",
	"|---|---|",
	"a | b",
	"Visit <https://example.org> or <news@example.kz>.",
	"Plain https://example.org/a_b_c and www.example.org.",
	"A line ending with a backslash \\",
	"Two spaces at the end  ",
	": a definition?",
	"~ another definition",
	"% A title block",
	"(@) an example list",
	"(a) a fancy list",
	"a. a lettered list",
	"b) a lettered list",
	"iv. a roman list",
	"IV. Roman with two spaces",
	"A.  Capital with two spaces",
	"#. a numbered list",
	"1. not a list",
	"2) not a list",
	"- not a list",
	"+ not a list",
	"* not a list",
	"> not a quote",
	"# not a heading",
	"= not a rule",
	"***",
	"___",
	"    four spaces are code",
	"\ttab is code",
	"```go",
	"<!-- not a comment -->",
	"<div>not html</div> &amp; &copy; &#65;",
	"Fire :fire: and :smile: and 10:30:00.",
	"Heading attributes {#id .class}",
	"Inline note^[not a note] and [^1] footnote.",
	"[text](not-a-link) and ![alt](img.png) and [span]{.class}",
	"\\begin{equation} x \\end{equation} and \\alpha and \\(x\\)",
	"Backslash space\\ and \\* and \\_ and \\\\.",
	"*emph* _emph_ **strong** __strong__ `code` ~~gone~~ <b>b</b>",
	"snake_case_word and 2*3*4 and a*b",
	"Ends with hashes ##",
}

var markdownRandom = flag.Int("markdown.random", 80, "random paragraphs TestMarkdownReadBack writes and reads back")

// markdownHeadings are headings that must keep their text.
var markdownHeadings = []string{
	"C# and F#",
	"Score 5 #",
	"Attributes {#id}",
	"Ends with a backslash \\",
	"~Tilde~ and ^caret^",
	"#hashtag",
}

// TestMarkdownReadBack writes the hostile paragraphs and headings, and
// random ones (-markdown.random, 80), as the Markdown article, without
// formatting and with (list items, quotes, bold, italic, links, line
// breaks), and reads the file back with pandoc as CommonMark with GitHub's
// extensions (gfm) and as pandoc's own Markdown: every block comes back as
// one paragraph, item or heading with the block's text (white space
// collapsed, as Markdown does), and nothing but text, line breaks, the
// formatting and the bare links GitHub makes of addresses.
//
// pandoc's "smart" extension is left out: it makes typographic quotes and
// dashes of ' " -- ..., which is a choice of the site's typography, not
// markup read out of the text.
func TestMarkdownReadBack(t *testing.T) {
	pandoc := testenv.Command(t, "pandoc", "apt-get install pandoc (Debian's pandoc; .ci/run installs it)")
	var paras []string
	for _, h := range markdownHeadings {
		paras = append(paras, "## "+h)
	}
	paras = append(paras, markdownHostile...)
	// and again, as list items and quotes (of the formatted article)
	items := len(paras)
	paras = append(paras, markdownHostile...)
	paras = append(paras, "first line\n~second~ line\n| third | line\n: fourth")
	rng := rand.New(rand.NewPCG(17, 2026))
	for range *markdownRandom {
		paras = append(paras, randomMarkdownText(rng))
	}
	text := strings.Join(paras, "\n\n") + "\n"
	// formatting: every paragraph a block, some of them list items or
	// quotes; one in three has a span (bold, italic or a link); the
	// last is hostile text with line breaks
	var spans []docformat.Span
	pos := 0
	for i, p := range paras {
		if !strings.HasPrefix(p, "#") {
			if i >= items && i < items+len(markdownHostile) {
				kind := []string{docformat.Item, docformat.Ordered, docformat.Quote}[i%3]
				spans = append(spans, docformat.Span{Start: pos, End: pos + len(p), Kind: kind, Text: p})
				pos += len(p) + 2
				continue
			}
			if kind := []string{"", docformat.Item, "", docformat.Ordered, docformat.Quote}[i%5]; kind != "" {
				spans = append(spans, docformat.Span{Start: pos, End: pos + len(p), Kind: kind, Text: p})
			}
			// a span over the words between the first space and the last
			// (as formatting falls, on words; CommonMark has no emphasis
			// that starts at a punctuation mark inside a word)
			if i1, i2 := strings.IndexByte(p, ' '), strings.LastIndexByte(p, ' '); i%3 == 0 && i1 >= 0 && i1 < i2 {
				kinds := []string{docformat.Bold, docformat.Italic, docformat.Link}
				s := docformat.Span{Start: pos + i1 + 1, End: pos + i2, Kind: kinds[i/3%len(kinds)]}
				if s.Kind == docformat.Link {
					s.Href = "https://example.org/a b(c)"
				}
				s.Text = text[s.Start:s.End]
				if s.End > s.Start && strings.TrimSpace(s.Text) == s.Text && !strings.Contains(s.Text, "\n") {
					spans = append(spans, s)
				}
			}
		}
		pos += len(p) + 2
	}
	for _, f := range []*document.Formatting{nil, {Spans: spans}} {
		a := parseArticle("en", text, f)
		if f != nil && len(f.Valid(text)) != len(spans) {
			t.Fatalf("%d of the %d spans are valid", len(f.Valid(text)), len(spans))
		}
		if f == nil {
			// without formatting, each line is a block of its own
			a = parseArticle("en", strings.ReplaceAll(text, "\n\n", "\n"), nil)
		}
		var md bytes.Buffer
		w := bufio.NewWriter(&md)
		if err := writeArticleMarkdown(w, a); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		for _, dialect := range []string{"gfm", "markdown-smart"} {
			t.Run(fmt.Sprintf("%s/formatted=%v", dialect, f != nil), func(t *testing.T) {
				t.Parallel()
				got := pandocBlocks(t, pandoc, dialect, md.Bytes())
				errs := 0
				for i, b := range a.blocks {
					want := blockText(b)
					if i >= len(got) {
						t.Fatalf("pandoc -f %s read %d blocks, want %d; block %d %q lost\n%s", dialect, len(got), len(a.blocks), i, want, md.String())
					}
					if got[i].err != "" || got[i].level != b.level || got[i].text != want {
						if errs++; errs > 20 {
							t.Fatal("too many errors")
						}
						t.Errorf("pandoc -f %s reads block %d as %s (level %d) %q, want level %d %q\nmarkdown:\n%s", dialect, i, got[i].err, got[i].level, got[i].text, b.level, want, mdOf(md.String(), want))
					}
				}
				if len(got) != len(a.blocks) {
					t.Fatalf("pandoc -f %s read %d blocks, want %d", dialect, len(got), len(a.blocks))
				}
			})
		}
	}
}

// mdOf is the line of the Markdown nearest the block's text, for a message.
func mdOf(md, want string) string {
	first, _, _ := strings.Cut(want, "\n")
	if len(first) > 12 {
		first = first[:12]
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.Contains(strings.ReplaceAll(l, `\`, ""), strings.ReplaceAll(first, `\`, "")) {
			return l
		}
	}
	return "(not found)"
}

// randomMarkdownText is a paragraph of words, spaces and the characters
// Markdown's dialects make markup of, in random places.
func randomMarkdownText(rng *rand.Rand) string {
	pieces := []string{"word", "сөз", "слово", "5", "10", " ", " ", " ", "  ", "\t",
		"~", "~~", "^", "@", "$", "|", ":", "%", "#", "*", "_", "`", "[", "]", "(", ")", "{", "}",
		"<", ">", "&", "!", "\\", "=", "-", "+", ".", "'", "\"", "<https://example.org>", "http://x.org",
		"&amp;", "&#65;", ":fire:", "a.", "(a)", "1.", "#.", "\n"}
	var b strings.Builder
	n := 1 + rng.IntN(12)
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	s := strings.Trim(b.String(), "\n")
	for strings.Contains(s, "\n\n") {
		s = strings.ReplaceAll(s, "\n\n", "\n")
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		if strings.TrimSpace(lines[i]) == "" {
			lines[i] = "x"
		}
	}
	s = strings.Join(lines, "\n")
	if headingLine.Get().MatchString(strings.Split(s, "\n")[0]) {
		s = "x" + s
	}
	return s
}

// blockText is the text a reader of the Markdown must find in b: its runs,
// a line break as "\n", white space collapsed.
func blockText(b block) string {
	var s strings.Builder
	if len(b.runs) == 0 {
		s.WriteString(b.text)
	}
	for _, r := range b.runs {
		if r.Break {
			s.WriteString("\n")
			continue
		}
		t := r.Text
		if r.Code() {
			t = strings.ReplaceAll(t, "`", "'")
		}
		s.WriteString(t)
	}
	return collapse(s.String())
}

var spaceRun = regexp.MustCompile(`[ \t]+`)

func collapse(s string) string {
	s = spaceRun.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, " \n", "\n")
	s = strings.ReplaceAll(s, "\n ", "\n")
	return strings.TrimSpace(s)
}

type readBlock struct {
	level int
	text  string
	err   string // the node that is not text, if any
}

// pandocBlocks reads md with pandoc -f dialect into its AST (JSON) and
// returns its blocks: paragraphs, headings, and the paragraphs inside
// lists and block quotes, as their text.
func pandocBlocks(t *testing.T, pandoc, dialect string, md []byte) []readBlock {
	t.Helper()
	nodes := pandocRead(t, pandoc, dialect, md)
	var blocks []readBlock
	var walkBlocks func([]pandocNode)
	walkBlocks = func(ns []pandocNode) {
		for _, n := range ns {
			switch n.T {
			case "Para", "Plain":
				var in []pandocNode
				json.Unmarshal(n.C, &in)
				blocks = append(blocks, inlineText(0, in))
			case "Header":
				var c []json.RawMessage
				json.Unmarshal(n.C, &c)
				var level int
				var in []pandocNode
				json.Unmarshal(c[0], &level)
				json.Unmarshal(c[2], &in)
				rb := inlineText(level, in)
				var attr []json.RawMessage
				json.Unmarshal(c[1], &attr)
				if len(attr) == 3 && (string(attr[1]) != "[]" || string(attr[2]) != "[]") {
					rb.err += "Header attributes " + string(c[1])
				}
				blocks = append(blocks, rb)
			case "BulletList":
				var items [][]pandocNode
				json.Unmarshal(n.C, &items)
				for _, it := range items {
					walkBlocks(it)
				}
			case "OrderedList":
				var c []json.RawMessage
				json.Unmarshal(n.C, &c)
				var items [][]pandocNode
				json.Unmarshal(c[1], &items)
				for _, it := range items {
					walkBlocks(it)
				}
			case "BlockQuote":
				var in []pandocNode
				json.Unmarshal(n.C, &in)
				walkBlocks(in)
			default:
				blocks = append(blocks, readBlock{err: n.T + " " + string(n.C)})
			}
		}
	}
	walkBlocks(nodes)
	return blocks
}

type pandocNode struct {
	T string          `json:"t"`
	C json.RawMessage `json:"c"`
}

// inlineText is the text of inlines; a node that is not text, a line
// break, emphasis or a link is named in err.
func inlineText(level int, in []pandocNode) readBlock {
	rb := readBlock{level: level}
	var s strings.Builder
	var walk func([]pandocNode)
	walk = func(ns []pandocNode) {
		for _, n := range ns {
			switch n.T {
			case "Str":
				var v string
				json.Unmarshal(n.C, &v)
				s.WriteString(v)
			case "Space", "SoftBreak":
				s.WriteString(" ")
			case "LineBreak":
				s.WriteString("\n")
			case "Emph", "Strong":
				var c []pandocNode
				json.Unmarshal(n.C, &c)
				walk(c)
			case "Code":
				var c []json.RawMessage
				json.Unmarshal(n.C, &c)
				var v string
				json.Unmarshal(c[1], &v)
				s.WriteString(v)
			case "Link":
				var c []json.RawMessage
				json.Unmarshal(n.C, &c)
				var inner []pandocNode
				json.Unmarshal(c[1], &inner)
				var target []string
				json.Unmarshal(c[2], &target)
				if len(inner) == 1 && inner[0].T == "Str" && len(target) == 2 {
					// A bare address GitHub links (autolink extension):
					// pandoc's gfm reader finds it before entities are
					// read, so "http://x.org&lt;b" is one link with
					// "&lt;" in its text; cmark-gfm (GitHub's own) reads
					// the entity first and ends the link at the "<" it
					// is, as the GFM spec has it. The export must write
					// "<" as "&lt;" (a backslash before it is raw HTML to
					// Python-Markdown), so the link's text is read as
					// GitHub reads it.
					var v string
					json.Unmarshal(inner[0].C, &v)
					if strings.TrimPrefix(target[0], "http://") == strings.TrimPrefix(v, "http://") {
						s.WriteString(html.UnescapeString(v))
						continue
					}
				}
				walk(inner)
			default:
				rb.err += n.T + " " + string(n.C) + "; "
			}
		}
	}
	walk(in)
	rb.text = collapse(s.String())
	return rb
}

// TestMarkdownTableReadBack: the groups' Markdown table (export --format
// md) reads back in both dialects as a table whose cells are the
// sentences, the hostile ones too.
func TestMarkdownTableReadBack(t *testing.T) {
	pandoc := testenv.Command(t, "pandoc", "apt-get install pandoc (Debian's pandoc; .ci/run installs it)")
	var sents []string
	for _, s := range markdownHostile {
		if s = strings.TrimSpace(s); s != "" {
			sents = append(sents, s)
		}
	}
	sents = append(sents, "# A heading ~with~ marks #")
	text := strings.Join(sents, "\n\n") + "\n"
	var groups []groupSpec
	for _, s := range sents {
		groups = append(groups, groupSpec{document.Aligned, "", [3][]string{{s}, {s}, {s}}})
	}
	d, a := newDoc(t, "table", map[string]string{"en": text, "ru": text, "kk": text}, groups)
	var md bytes.Buffer
	if err := Write(&md, "md", d, a, Options{}); err != nil {
		t.Fatal(err)
	}
	want := []string{"#", "en", "ru", "kk"}
	for i, s := range sents {
		c := collapse(SentenceText(s))
		want = append(want, strconv.Itoa(i+1), c, c, c)
	}
	for _, dialect := range []string{"gfm", "markdown-smart"} {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			nodes := pandocRead(t, pandoc, dialect, md.Bytes())
			if len(nodes) != 1 || nodes[0].T != "Table" {
				t.Fatalf("pandoc -f %s reads %d blocks, want one table\n%s", dialect, len(nodes), md.String())
			}
			var cells []readBlock
			var walk func(v any)
			walk = func(v any) {
				switch v := v.(type) {
				case map[string]any:
					if v["t"] == "Plain" {
						raw, _ := json.Marshal(v["c"])
						var in []pandocNode
						json.Unmarshal(raw, &in)
						cells = append(cells, inlineText(0, in))
						return
					}
					for _, k := range []string{"t", "c"} {
						walk(v[k])
					}
				case []any:
					for _, e := range v {
						walk(e)
					}
				}
			}
			var tree any
			json.Unmarshal(nodes[0].C, &tree)
			walk(tree)
			if len(cells) != len(want) {
				t.Fatalf("pandoc -f %s reads %d cells, want %d\n%s", dialect, len(cells), len(want), md.String())
			}
			for i, c := range cells {
				if c.err != "" || c.text != want[i] {
					t.Errorf("pandoc -f %s reads cell %d as %s %q, want %q", dialect, i, c.err, c.text, want[i])
				}
			}
		})
	}
}

// pandocRead reads md with pandoc's reader of dialect and returns the
// blocks of its JSON document.
func pandocRead(t *testing.T, pandoc, dialect string, md []byte) []pandocNode {
	t.Helper()
	cmd := exec.Command(pandoc, "-f", dialect, "-t", "json")
	cmd.Stdin = bytes.NewReader(md)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc -f %s: %v", dialect, err)
	}
	var doc struct {
		Blocks []pandocNode `json:"blocks"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Blocks
}

// TestMarkdownShowsReview: the groups' Markdown table shows under a
// group's number what the side-by-side page shows under it, with the same
// texts in the reader's language: why a flagged group is flagged, the
// text a new version took from a changed group (after show's label), and
// the note; escaped as the sentences are, so that the row keeps its
// cells. A group with none of them has its number alone, and a confirmed
// group no old text (confirming ends it). It showed "4 ⚑" and nothing
// else.
func TestMarkdownShowsReview(t *testing.T) {
	d, a := newDoc(t, "sample", sample, sampleGroups)
	g := a.Groups[3]
	g.Detached = true
	g.Was = map[string][]string{"ru": {"Старый <текст> | с чертой.", "Второе *предложение*."}}
	ru, err := locale.New("ru")
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Labels: ru.T}
	page := string(render(t, "html", d, a, opt))
	reasons := regexp.MustCompile(`<div class="reason">([^<]*)</div>`).FindAllStringSubmatch(page, -1)
	if len(reasons) == 0 {
		t.Fatal("the side-by-side page gives no reason for group 4")
	}
	rows := strings.Split(string(render(t, "md", d, a, opt)), "\n")
	row := rows[2+3]
	want := "| 4 ⚑"
	for _, r := range reasons {
		want += " <br>" + mdCellText(html.UnescapeString(r[1]))
	}
	want += " <br>**" + ru.T("review.was-label", map[string]any{"Lang": "RU"}) + ":** Старый &lt;текст> \\| с чертой. Второе \\*предложение\\*."
	want += " <br>**" + ru.T("review.note-label", nil) + ":** low score: check the quote |"
	if !strings.HasPrefix(row, want) {
		t.Errorf("group 4's row\n%s\nwant it to start\n%s", row, want)
	}
	if cells := strings.Count(row, "|") - strings.Count(row, `\|`); cells != 5 {
		t.Errorf("group 4's row has %d cell borders, want 5: %s", cells, row)
	}
	if row := rows[2+1]; !strings.HasPrefix(row, "| 2 | Forty") {
		t.Errorf("group 2 has nothing to review, its row is %s", row)
	}
	g.Status = document.Confirmed
	if row := strings.Split(string(render(t, "md", d, a, opt)), "\n")[2+3]; strings.Contains(row, "Старый") {
		t.Errorf("a confirmed group shows an old text: %s", row)
	}
}
