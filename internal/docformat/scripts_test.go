package docformat

import (
	"testing"

	"github.com/tilmash/tilmash/internal/testenv"
)

// TestEveryScriptEnds reads an HTML page, a DOCX body and a Markdown
// article holding, at the start, inside and at the end of words, in text
// and in attribute values, each character from U+0080 to U+07FF and every
// fifth to U+2FFF (see testenv.EveryScript): each
// read ends, and a read that succeeds gives a well-formed document. The
// XML scanner and the text builder have fast paths for ASCII and
// Cyrillic; a scan that stops on a character outside them without moving
// on loops for ever. A liveness guard with a generous deadline, not a
// timing test.
func TestEveryScriptEnds(t *testing.T) {
	ps, n := "", 0
	readDOCX := func() {
		if d, err := ReadDOCX("f.docx", makeDOCX(t, map[string]string{"word/document.xml": body(ps)})); err == nil {
			checkDoc(t, d)
		}
		ps = ""
	}
	testenv.EveryScript(t, func(r rune) {
		n++
		ch := string(r)
		text := ch + "ан Алматыға " + ch + ch + " келді, Тоқаевқа" + ch + ". Mr." + ch + " Sm" + ch + "ith 12" + ch + "5"
		page := `<html><head><title>` + ch + `</title></head><body><p title="` + ch + `">` + text + `<b>` + ch + `</b>` + ch + `</p><p>` + ch + `&amp;` + ch + `</p></body></html>`
		if d, err := ReadHTML("f.html", []byte(page)); err == nil {
			checkDoc(t, d)
		}
		// A package is slow to build: one holds 64 characters.
		ps += `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>` + ch + `</w:t></w:r></w:p>`
		if n%64 == 0 {
			readDOCX()
		}
		if md := "# " + ch + "\n\n" + text + " **" + ch + "** _" + ch + "_\n\n- " + ch + "\n"; normOK(md) {
			checkDoc(t, ReadMarkdown(md))
		}
	})
	if ps != "" {
		readDOCX()
	}
}
