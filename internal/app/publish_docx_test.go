package app

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
)

// TestPublishArticleDOCX: publish.formats: [article-docx] writes the Word
// version of each language, the export writer's bytes; a second publish
// leaves it as it is, and new formatting of the same text (the
// LANG.format.yaml beside it, which publish's digest now reads) writes
// the article versions of that language again.
func TestPublishArticleDOCX(t *testing.T) {
	ap, ws := pubWorkspace(t, 2, 2)
	ws.Config.Publish.Formats = []string{"article-docx", "article-html"}
	md := func(strong string) []byte {
		return []byte(fmt.Sprintf("# Tokayev speaks, part 1\n\nTokayev spoke on %s. He promised reform number 1.\n", strong))
	}
	if _, err := ap.Import(ws, "doc1", "en", md("**Tuesday**"), "en.md", "", document.ImportOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	first, _ := publish(t, ap, ws, false)
	if first.Held != 0 || first.Rows[0].Files != 6 || first.Rows[1].Files != 6 { // a DOCX and an HTML page a language
		t.Fatalf("first publish: %+v", first)
	}
	files := exportFiles(t, ws)
	var docx []string
	for name := range files {
		if strings.HasSuffix(name, ".docx") {
			docx = append(docx, name)
		}
	}
	slices.Sort(docx)
	want := []string{"export/doc1/doc1.en.docx", "export/doc1/doc1.kk.docx", "export/doc1/doc1.ru.docx",
		"export/doc2/doc2.en.docx", "export/doc2/doc2.kk.docx", "export/doc2/doc2.ru.docx"}
	if !slices.Equal(docx, want) {
		t.Fatalf("DOCX files %v, want %v", docx, want)
	}
	d, err := document.Open(ws, "doc1")
	if err != nil {
		t.Fatal(err)
	}
	var direct bytes.Buffer
	if err := export.Localized(&direct, "docx", d, "en", ap.ExportOptions(nil)); err != nil {
		t.Fatal(err)
	}
	if files["export/doc1/doc1.en.docx"].data != direct.String() {
		t.Errorf("the published DOCX is not what export --lang en --format docx writes")
	}
	body := docxBody(t, files["export/doc1/doc1.en.docx"].data)
	if !strings.Contains(body, `<w:b/></w:rPr><w:t xml:space="preserve">Tuesday</w:t>`) {
		t.Errorf("the English DOCX lost the bold Tuesday:\n%s", body)
	}

	second, _ := publish(t, ap, ws, false)
	if d := changed(files, exportFiles(t, ws)); len(d) > 0 || second.Files != 0 || second.Unchanged != 2 {
		t.Errorf("second publish: wrote %v, %+v", d, second)
	}

	// The same text in italics: only the formatting changed.
	if _, err := ap.Import(ws, "doc1", "en", md("*Tuesday*"), "en.md", "", document.ImportOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	third, _ := publish(t, ap, ws, false)
	got := changed(files, exportFiles(t, ws))
	for _, f := range []string{"export/doc1/doc1.en.docx", "export/doc1/doc1.en.html"} {
		if !slices.Contains(got, f) {
			t.Errorf("%s was not written again after its formatting changed (written: %v)", f, got)
		}
	}
	if third.Unchanged != 1 {
		t.Errorf("third publish: %+v", third)
	}
	body = docxBody(t, exportFiles(t, ws)["export/doc1/doc1.en.docx"].data)
	if !strings.Contains(body, `<w:i/></w:rPr><w:t xml:space="preserve">Tuesday</w:t>`) {
		t.Errorf("the English DOCX is not in italics:\n%s", body)
	}
}

// docxBody is word/document.xml of a DOCX.
func docxBody(t *testing.T, data string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader([]byte(data)), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(filepath.ToSlash("word/document.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
