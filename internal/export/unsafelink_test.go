package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestArticleUnsafeStoredLink: a LANG.format.yaml stored before the
// readers refused links to scripts and data: pages (or written by hand)
// still holds one; the Markdown and Word articles wrote it as a link
// (the page's template only blanked it to "#ZgotmplZ"). No article
// links to it now, and its words stay.
func TestArticleUnsafeStoredLink(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	text := "Read more here and there.\n"
	spans := []docformat.Span{
		{Start: 10, End: 14, Kind: docformat.Link, Href: "java\tscript:alert(1)", Text: "here"},
		{Start: 19, End: 24, Kind: docformat.Link, Href: "data:text/html;base64,PHNjcmlwdD4=", Text: "there"},
	}
	opt := document.ImportOptions{Now: time.Date(2019, 7, 31, 12, 0, 0, 0, time.UTC), Stored: true,
		Formatting: &document.Formatting{From: "html", Spans: spans}}
	if _, err := document.ImportText(ws, "links", "en", text, "en.html", opt); err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, "links")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range LocalizedAll {
		var b bytes.Buffer
		if err := Localized(&b, f, d, "en", Options{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if f == "docx" {
			out = docxDocument(t, b.Bytes())
			if rels := docxPart(t, b.Bytes(), "word/_rels/document.xml.rels"); strings.Contains(rels, "script") || strings.Contains(rels, "data:") {
				t.Errorf("docx: relationships link to a script or data: page:\n%s", rels)
			}
		}
		for _, bad := range []string{"script:", "data:", "ZgotmplZ", "hyperlink", "](", "href"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s article has %q:\n%s", f, bad, out)
			}
		}
		if !strings.Contains(out, "here") || !strings.Contains(out, "there") {
			t.Errorf("%s article lost the link's words:\n%s", f, out)
		}
	}
}
