package docformat

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/locale"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// testStyles names its heading styles as a Russian Word does: style ids
// that say nothing ("1", "2"), built-in names that do.
const testStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Zag"><w:name w:val="Заголовок статьи"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Quote"/></w:style>
</w:styles>`

const testNumbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`

// body wraps paragraphs in a word/document.xml.
func body(ps string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + ps + `</w:body></w:document>`
}

// makeDOCX builds a DOCX from its parts; styles and numbering are added
// when not given.
func makeDOCX(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	all := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/styles.xml":     testStyles,
		"word/numbering.xml":  testNumbering,
	}
	for k, v := range parts {
		all[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels", "word/footnotes.xml", "word/_rels/footnotes.xml.rels", "word/endnotes.xml"} {
		data, ok := all[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dump renders a Doc for golden files: the text, then one span a line.
func dump(d *Doc) string {
	var b strings.Builder
	b.WriteString(d.Text)
	b.WriteString("--- title: " + d.Title + "\n")
	for _, s := range d.Spans {
		fmt.Fprintf(&b, "%d-%d %s %s %q\n", s.Start, s.End, s.Kind, s.Href, s.Text)
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n%s", name, path, got)
	}
}

// checkDoc checks what every reader promises of its output, whatever the
// input: stored-text form, and spans inside the text over their own text.
func checkDoc(t *testing.T, d *Doc) {
	t.Helper()
	text := d.Text
	if !utf8.ValidString(text) {
		t.Fatalf("text is not UTF-8: %q", text)
	}
	if !norm.NFC.IsNormalString(text) {
		t.Fatalf("text is not NFC: %q", text)
	}
	if strings.ContainsAny(text, "\r\x00\uFEFF") {
		t.Fatalf("text holds CR, NUL or a byte-order mark: %q", text)
	}
	if text != "" && (!strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\n\n") || strings.Contains(text, "\n\n\n")) {
		t.Fatalf("blocks are not separated by one blank line: %q", text)
	}
	for _, s := range d.Spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("span %+v does not cover its text in %q", s, text)
		}
		if strings.TrimSpace(s.Text) != s.Text {
			t.Fatalf("span %+v has white space at its edges", s)
		}
		if s.Kind == Element && !slices.Contains(Elements(), s.Tag) {
			t.Fatalf("element span %+v names no element of Elements", s)
		}
		if s.Space != "" && s.Space != SpaceStart && s.Space != SpaceEnd && s.Space != SpaceBoth {
			t.Fatalf("span %+v: space %q", s, s.Space)
		}
	}
}

// errID returns the message id of a *locale.Error, or fails.
func errID(t *testing.T, err error) string {
	t.Helper()
	var le *locale.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *locale.Error", err, err)
	}
	return le.ID
}

// normOK reports whether s is what ReadMarkdown is given: the stored
// form of document.Normalize (valid UTF-8, NFC, no NUL).
func normOK(s string) bool {
	return utf8.ValidString(s) && norm.NFC.IsNormalString(s) && !strings.ContainsAny(s, "\x00\uFEFF")
}
