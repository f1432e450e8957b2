package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func wordBody(ps string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + ps + `</w:body></w:document>`
}

// zipFile is one entry of a test archive; a non-zero declared size is
// written into the headers instead of the data's.
type zipFile struct {
	name     string
	data     []byte
	declared uint64
}

// zipData returns an archive of files.
func zipData(files ...zipFile) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		if f.declared != 0 {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: f.name, Method: zip.Store, UncompressedSize64: f.declared, CompressedSize64: uint64(len(f.data))})
			if err != nil {
				return nil, err
			}
			w.Write(f.data)
			continue
		}
		w, err := zw.Create(f.name)
		if err != nil {
			return nil, err
		}
		w.Write(f.data)
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// formatFiles writes the DOCX files of the formats scripts into dir: a
// Kazakh report as Word writes it, and the hostile files import refuses.
func formatFiles(dir string) error {
	files, err := formatData()
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// formatData makes the files of formatFiles, once for every script (the
// bomb's 16 MB take a while to compress), by name.
var formatData = sync.OnceValues(func() (map[string][]byte, error) {
	styles := `<?xml version="1.0"?><w:styles ` + wordNS + `><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style></w:styles>`
	report := wordBody(`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>Түрмелерді тексеру</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Президент </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Тоқаев</w:t></w:r><w:r><w:t xml:space="preserve"> тексеруді тапсырды.</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>Сандар</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Жарияланған бейнежазба: </w:t></w:r><w:del><w:r><w:delText>отыз</w:delText></w:r></w:del><w:ins><w:r><w:t>қырық</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>`)
	doc := []byte(report)
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol9 "&lol2;&lol2;&lol2;">]>` +
		`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`
	// A footnote with bold, italic and a link of the footnotes' own
	// relationships.
	notes := wordBody(`<w:p><w:r><w:t>Тексеру басталды.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`)
	footnotes := `<?xml version="1.0"?><w:footnotes ` + wordNS + `><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` +
		`<w:r><w:t xml:space="preserve"> Дереккөз: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Бас прокуратура</w:t></w:r><w:r><w:t xml:space="preserve">, </w:t></w:r>` +
		`<w:hyperlink r:id="rId1"><w:r><w:t>сайт</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> және </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>мұрағат</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	noteRels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://prokuror.gov.kz" TargetMode="External"/></Relationships>`
	out := map[string][]byte{}
	for _, f := range []struct {
		name  string
		files []zipFile
	}{
		{"report.docx", []zipFile{{name: "word/document.xml", data: doc}, {name: "word/styles.xml", data: []byte(styles)}}},
		{"notes.docx", []zipFile{{name: "word/document.xml", data: []byte(notes)}, {name: "word/footnotes.xml", data: []byte(footnotes)}, {name: "word/_rels/footnotes.xml.rels", data: []byte(noteRels)}}},
		{"bomb.docx", []zipFile{{name: "word/document.xml", data: bytes.Repeat([]byte{' '}, 16<<20)}}},
		{"laughs.docx", []zipFile{{name: "word/document.xml", data: []byte(laughs)}}},
		{"huge.docx", []zipFile{{name: "word/document.xml", data: doc}, {name: "word/media/video.mp4", data: []byte("0123456789"), declared: 1 << 30}}},
		{"slip.docx", []zipFile{{name: "word/document.xml", data: doc}, {name: "../../../tmp/evil.sh", data: []byte("rm -rf ~")}}},
	} {
		data, err := zipData(f.files...)
		if err != nil {
			return nil, err
		}
		out[f.name] = data
	}
	whole := out["report.docx"]
	out["broken.docx"] = whole[:len(whole)*2/3] // the end of the archive is missing
	// A Word 97 file (OLE) renamed .txt, and a PDF.
	out["old.txt"] = append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, strings.Repeat("\x00\x01", 300)...)
	return out, nil
})
