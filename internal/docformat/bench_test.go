package docformat

import (
	"fmt"
	"strings"
	"testing"
)

// articleDOCX is a news article as Word or pandoc saves it: 40 paragraphs
// of about 450 bytes of XML each, a heading, a list, a footnote, and
// styles of the size a word processor writes (20 KB, most of them never
// used). Small parts, as most documents are.
func articleDOCX(tb testing.TB) []byte {
	var styles strings.Builder
	styles.WriteString(strings.TrimSuffix(testStyles, "</w:styles>"))
	for i := 0; styles.Len() < 20<<10; i++ {
		fmt.Fprintf(&styles, `<w:style w:type="character" w:styleId="s%d"><w:name w:val="Style %d"/><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr></w:style>`+"\n", i, i)
	}
	styles.WriteString("</w:styles>")
	var ps strings.Builder
	ps.WriteString(`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>Жаңалықтар мақаласы</w:t></w:r></w:p>`)
	for i := range 40 {
		ps.WriteString(`<w:p><w:pPr><w:pStyle w:val="a"/></w:pPr>`)
		if i%10 == 5 {
			ps.WriteString(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
		}
		fmt.Fprintf(&ps, `<w:r><w:t xml:space="preserve">%d. Ауданның әкімі жаңа мектептің құрылысы туралы айтты, ал </w:t></w:r>`, i)
		ps.WriteString(`<w:r><w:rPr><w:b/></w:rPr><w:t>тұрғындар</w:t></w:r><w:r><w:t xml:space="preserve"> келесі жылы бітеді деп үміттенеді.</w:t></w:r>`)
		if i == 20 {
			ps.WriteString(`<w:r><w:footnoteReference w:id="1"/></w:r>`)
		}
		ps.WriteString(`</w:p>`)
	}
	return makeDOCX(tb, map[string]string{
		"word/document.xml":  body(ps.String()),
		"word/styles.xml":    styles.String(),
		"word/footnotes.xml": `<?xml version="1.0"?><w:footnotes ` + wNS + `><w:footnote w:id="1"><w:p><w:r><w:t>Дереккөз: аудан әкімдігі.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
	})
}

// BenchmarkReadDOCXArticle reads an article-sized DOCX: the cost of a
// document is its parts' XML, not the reader's set-up for each part.
func BenchmarkReadDOCXArticle(b *testing.B) {
	data := articleDOCX(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDOCX("article.docx", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestArticleDOCX: the benchmark's document reads as an article.
func TestArticleDOCX(t *testing.T) {
	d, err := ReadDOCX("article.docx", articleDOCX(t))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(d.Text, "тұрғындар"); n != 40 || !strings.Contains(d.Text, "Дереккөз") {
		t.Errorf("article: %d paragraphs, note %v", n, strings.Contains(d.Text, "Дереккөз"))
	}
}
