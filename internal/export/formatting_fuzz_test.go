package export

import (
	"bufio"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

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
