package docformat

import (
	"strings"
	"testing"
)

func TestSafeHref(t *testing.T) {
	for href, want := range map[string]bool{
		"https://example.kz/a?b=1":            true,
		"mailto:desk@example.kz":              true,
		"/news/2019/07/story":                 true,
		"#top":                                true,
		"story.html?t=10:30":                  true,
		"tel:+77172000000":                    true,
		"javascript:alert(1)":                 false,
		" JaVaScRiPt:alert(1)":                false,
		"\x01javascript:alert(1)":             false,
		"java\tscript:alert(1)":               false,
		"java\nscript:alert(1)":               false,
		"vbscript:msgbox(1)":                  false,
		"data:text/html;base64,PHNjcmlwdD4=":  false,
		"DATA:text/html,<script>x()</script>": false,
	} {
		if got := SafeHref(href); got != want {
			t.Errorf("SafeHref(%q) = %v, want %v", href, got, want)
		}
	}
}

// TestUnsafeLinksRead: a link to a script or a data: page was kept by
// every reader but HTML's (which knew javascript: alone), and the
// Markdown and Word articles wrote it out as a link ("java&#9;script:",
// which a browser runs, passed HTML's too). Every reader now keeps the
// words, as an <a> without a link, and no link.
func TestUnsafeLinksRead(t *testing.T) {
	const bad = `javascript:alert(1)`
	html, err := ReadHTML("a.html", []byte(`<article><p>One <a href="java&#9;script:alert(1)">here</a>, two <a href="data:text/html;base64,PHNjcmlwdD4=">there</a>, three <a href="VBScript:msgbox(1)">vb</a>, four <a href="https://example.kz/">safe</a>.</p></article>`))
	if err != nil {
		t.Fatal(err)
	}
	md := ReadMarkdown("One [here](javascript:void), two [there](data:text/html;base64,PHNjcmlwdD4=), three <a href=\"vbscript:x\">vb</a>, four [safe](https://example.kz/).\n")
	docx, err := ReadDOCX("a.docx", makeDOCX(t, map[string]string{
		"word/document.xml": body(`<w:p><w:r><w:t xml:space="preserve">One </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>here</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve">, four </w:t></w:r><w:hyperlink r:id="rId2"><w:r><w:t>safe</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>`),
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="` + bad + `" TargetMode="External"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.kz/" TargetMode="External"/></Relationships>`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*Doc{"html": html, "md": md, "docx": docx} {
		var links []string
		for _, s := range d.Spans {
			if s.Kind == Link {
				links = append(links, s.Text+" "+s.Href)
			}
		}
		if got := strings.Join(links, "; "); got != "safe https://example.kz/" {
			t.Errorf("%s: links %q, want only safe https://example.kz/", name, got)
		}
		if !strings.Contains(d.Text, "One here, ") {
			t.Errorf("%s: the link's words are gone: %q", name, d.Text)
		}
	}
}
