package docformat

import (
	"flag"
	"testing"
	"time"
)

var everyChar = flag.Bool("scripts.all", false, "TestEveryScriptEnds: every character from U+0800 to U+2FFF, not every fifth")

// TestEveryScriptEnds reads an HTML page, a DOCX body and a Markdown
// article holding, at the start, inside and at the end of words, in text
// and in attribute values, each character from U+0080 to U+07FF and every
// fifth to U+2FFF (each with -scripts.all): each
// read ends, and a read that succeeds gives a well-formed document. The
// XML scanner and the text builder have fast paths for ASCII and
// Cyrillic; a scan that stops on a character outside them without moving
// on loops for ever. A liveness guard with a generous deadline, not a
// timing test.
func TestEveryScriptEnds(t *testing.T) {
	done := make(chan rune)
	go func() {
		defer close(done)
		ps, n := "", 0
		for r := rune(0x80); r < 0x3000; r++ {
			if r >= 0x800 && r%5 != 0 && !*everyChar {
				continue
			}
			n++
			done <- r
			ch := string(r)
			text := ch + "ан Алматыға " + ch + ch + " келді, Тоқаевқа" + ch + ". Mr." + ch + " Sm" + ch + "ith 12" + ch + "5"
			page := `<html><head><title>` + ch + `</title></head><body><p title="` + ch + `">` + text + `<b>` + ch + `</b>` + ch + `</p><p>` + ch + `&amp;` + ch + `</p></body></html>`
			if d, err := ReadHTML("f.html", []byte(page)); err == nil {
				checkDoc(t, d)
			}
			// A package is slow to build: one holds 64 characters.
			ps += `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>` + ch + `</w:t></w:r></w:p>`
			if n%64 == 0 || r == 0x2FFF {
				if d, err := ReadDOCX("f.docx", makeDOCX(t, map[string]string{"word/document.xml": body(ps)})); err == nil {
					checkDoc(t, d)
				}
				ps = ""
			}
			if md := "# " + ch + "\n\n" + text + " **" + ch + "** _" + ch + "_\n\n- " + ch + "\n"; normOK(md) {
				checkDoc(t, ReadMarkdown(md))
			}
		}
	}()
	last := rune(0)
	for {
		select {
		case r, ok := <-done:
			if !ok {
				return
			}
			last = r
		case <-time.After(20 * time.Second):
			t.Fatalf("reading a document with %U (%q) did not end", last, last)
		}
	}
}
