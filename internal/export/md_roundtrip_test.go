package export

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/docformat"
)

// FuzzMarkdownOwnReadBack: the Markdown article of any one-line paragraph
// imports back (tilmash's own Markdown reader) as the same text.
func FuzzMarkdownOwnReadBack(f *testing.F) {
	for _, s := range markdownHostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\r\n") || !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			return // a stored text is NFC, its lines end in LF, and a line is a paragraph
		}
		a := parseArticle("en", "x\n"+s+"\n", nil)
		if len(a.blocks) != 2 || a.blocks[1].level > 0 {
			return // a heading, or no text
		}
		var md bytes.Buffer
		w := bufio.NewWriter(&md)
		if err := writeArticleMarkdown(w, a); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		d := docformat.ReadMarkdown(md.String())
		want := "x\n\n" + collapse(a.blocks[1].text) + "\n"
		if got := spaceRun.ReplaceAllString(d.Text, " "); got != want {
			t.Fatalf("%q → markdown %q → %q, want %q", s, md.String(), got, want)
		}
	})
}
