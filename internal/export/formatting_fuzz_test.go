package export

import (
	"bufio"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
)

// FuzzFormattingExport: a stored text and any formatting file beside it
// export in every format, or the formatting file is refused; never a
// panic. The first two seeds are spans inside "жаңа" whose text is the
// bytes they cover, which a YAML !!binary can write: one starts inside
// "ж" (D0 B6), one ends inside "ң" (D2 A3). Such spans matched the text
// byte for byte, and the second cut the article's runs inside the
// character: slice bounds out of range [2:0] in newBlock.
func FuzzFormattingExport(f *testing.F) {
	f.Add("жаңа сөз\n", "text: x\nspans:\n  - {start: 1, end: 2, kind: bold, text: !!binary tg==}\n")
	f.Add("жаңа сөз\n", "text: x\nspans:\n  - {start: 2, end: 5, kind: bold, text: !!binary 0LDS}\n")
	f.Add("a **b** c\n\nd e\n", "spans:\n  - {start: 0, end: 9, kind: item, text: \"a **b** c\"}\n  - {start: 2, end: 7, kind: italic, text: \"**b**\"}\n  - {start: 4, end: 10, kind: bold, text: \"b** c\\n\"}\n")
	f.Add("# Тақырып\nмәтін\nжол\n", "spans: [{start: 2, end: 18, kind: link, href: \"<x>\", text: Тақырып}, {start: 19, end: 29, kind: code, space: both, text: мәтін}]")
	f.Fuzz(func(t *testing.T, text, data string) {
		if !utf8.ValidString(text) || strings.Contains(text, "\r") {
			return // a stored text is UTF-8 with LF line ends
		}
		fm, err := document.ParseFormatting("en.format.yaml", []byte(data))
		if err != nil {
			return
		}
		a := parseArticle("en", text, fm)
		a.opt.Version = "dev"
		for _, write := range []func(*bufio.Writer, *article) error{writeArticleText, writeArticleMarkdown, writeArticleHTML, writeArticleDOCX} {
			w := bufio.NewWriter(io.Discard)
			if err := write(w, a); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzSpansExport: any spans a formatting file may hold once read (over
// the very text they name, between its characters: overlapping, nested,
// unsorted, repeated, with any kind, tag or space) export in every format
// and as the TMX codes of each line, never a panic. spec holds four
// bytes a span: start, length, kind and tag/space.
func FuzzSpansExport(f *testing.F) {
	f.Add("Forty videos of **Zarechnoye**\nжаңа сөз\n\n- item\n", []byte{0, 5, 0, 0, 3, 9, 1, 1, 6, 20, 3, 2, 34, 4, 4, 0, 34, 4, 9, 5, 0, 40, 6, 0})
	f.Add("a b c\n", []byte{0, 3, 0, 4, 2, 3, 1, 8, 0, 5, 9, 12, 2, 1, 3, 0})
	f.Add("# Тақырып\n\nмәтін жол\n", []byte{0, 9, 7, 0, 2, 7, 8, 2, 13, 10, 2, 15})
	kinds := []string{docformat.Bold, docformat.Italic, docformat.Code, docformat.Link, docformat.Item, docformat.Ordered, docformat.Quote, docformat.Note, docformat.Element, "", "strong"}
	spaces := []string{"", docformat.SpaceStart, docformat.SpaceEnd, docformat.SpaceBoth}
	f.Fuzz(func(t *testing.T, text string, spec []byte) {
		if !utf8.ValidString(text) || strings.Contains(text, "\r") || len(spec) > 4*64 {
			return
		}
		var spans []docformat.Span
		for i := 0; i+4 <= len(spec) && len(text) > 0; i += 4 {
			start := int(spec[i]) % len(text)
			end := start + 1 + int(spec[i+1])%(len(text)-start)
			if !utf8.ValidString(text[start:end]) {
				continue // refused by ParseFormatting
			}
			tags := append([]string{"", "b", "kbd"}, docformat.Elements()...)
			spans = append(spans, docformat.Span{
				Start: start, End: end, Kind: kinds[int(spec[i+2])%len(kinds)],
				Tag: tags[int(spec[i+3]>>2)%len(tags)], Space: spaces[spec[i+3]&3],
				Href: "https://x/?a=<b>", Text: text[start:end],
			})
		}
		fm := &document.Formatting{Text: document.Hash(text), From: "html", Spans: spans}
		a := parseArticle("kk", text, fm)
		a.opt.Version = "dev"
		for _, write := range []func(*bufio.Writer, *article) error{writeArticleText, writeArticleMarkdown, writeArticleHTML, writeArticleDOCX} {
			w := bufio.NewWriter(io.Discard)
			if err := write(w, a); err != nil {
				t.Fatal(err)
			}
		}
		in := NewTextInline("kk", text, fm)
		for at := 0; at < len(text); {
			end := strings.IndexByte(text[at:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += at
			}
			if end > at {
				in.Sentence("kk", document.Sentence{Start: at, End: end, Text: text[at:end]}).Variant()
			}
			at = end + 1
		}
	})
}
