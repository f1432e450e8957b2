package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// docxTime is the modification time of every entry of a DOCX written, so
// that the same article gives the same bytes.
func docxTime() time.Time { return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) }

// writeArticleDOCX writes the article as a minimal Word document: content
// types, relationships, word/document.xml, styles.xml (the language of
// the text, Normal, Title, Heading 1–6, Quote, Hyperlink) and numbering.xml (bullets; a numbering
// restarted for each numbered list). A forced export is recorded as the
// document's description (docProps/core.xml).
func writeArticleDOCX(w *bufio.Writer, a *article) error {
	var body, rels bytes.Buffer
	x := xmlx.NewWriter(&body)
	links := map[string]string{}
	var linkOrder []string
	lists := 0 // numbered lists so far: each gets its own w:num
	x.Raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.Raw(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + "\n")
	for _, b := range a.blocks {
		x.Raw("<w:p>")
		switch {
		case b.level > 0:
			x.Raw(fmt.Sprintf(`<w:pPr><w:pStyle w:val="Heading%d"/></w:pPr>`, b.level))
		case b.kind == docformat.Item:
			x.Raw(`<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
		case b.kind == docformat.Ordered:
			if b.ListOpen != "" {
				lists++
			}
			x.Raw(fmt.Sprintf(`<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>`, lists+1))
		case b.kind == docformat.Quote:
			x.Raw(`<w:pPr><w:pStyle w:val="Quote"/></w:pPr>`)
		}
		runs := b.runs
		if len(runs) == 0 {
			runs = []run{{Text: b.text}}
		}
		href := ""
		for i, r := range runs {
			if h := r.Href(); h != href {
				if href != "" {
					x.Raw("</w:hyperlink>")
				}
				if h != "" {
					id, ok := links[h]
					if !ok {
						id = fmt.Sprintf("rIdL%d", len(links)+1)
						links[h] = id
						linkOrder = append(linkOrder, h)
					}
					x.Raw(`<w:hyperlink r:id="` + id + `">`)
				}
				href = h
			}
			if r.Break {
				x.Raw("<w:r><w:br/></w:r>")
				continue
			}
			x.Raw("<w:r>")
			el := r.elements()
			if r.Bold() || r.Italic() || r.Code() || href != "" || el.strike || el.mark || el.underline || el.vert != "" {
				x.Raw("<w:rPr>")
				if href != "" {
					x.Raw(`<w:rStyle w:val="Hyperlink"/>`)
				} else if r.Code() {
					x.Raw(`<w:rStyle w:val="VerbatimChar"/>`)
				}
				// (in the order of CT_RPr's sequence)
				if r.Bold() {
					x.Raw("<w:b/>")
				}
				if r.Italic() {
					x.Raw("<w:i/>")
				}
				if el.strike {
					x.Raw("<w:strike/>")
				}
				if el.mark {
					x.Raw(`<w:highlight w:val="yellow"/>`)
				}
				if el.underline {
					x.Raw(`<w:u w:val="single"/>`)
				}
				if el.vert != "" {
					x.Raw(`<w:vertAlign w:val="` + el.vert + `"/>`)
				}
				x.Raw("</w:rPr>")
			}
			text := quoteMarksAround(a.lang, runs, i)
			for k, part := range strings.Split(text, "\t") {
				if k > 0 {
					x.Raw("<w:tab/>")
				}
				if part != "" {
					x.Raw(`<w:t xml:space="preserve">`)
					x.Text(part)
					x.Raw("</w:t>")
				}
			}
			x.Raw("</w:r>")
		}
		if href != "" {
			x.Raw("</w:hyperlink>")
		}
		x.Raw("</w:p>\n")
	}
	x.Raw(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>` + "\n")
	if err := x.Flush(); err != nil {
		return err
	}
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	for _, h := range linkOrder {
		rels.WriteString(`<Relationship Id="` + links[h] + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="` + xmlx.Attr(h) + `" TargetMode="External"/>`)
	}
	rels.WriteString("</Relationships>\n")

	var num strings.Builder
	num.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for i := 1; i <= lists; i++ {
		fmt.Fprintf(&num, `<w:num w:numId="%d"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, i+1)
	}
	num.WriteString("</w:numbering>\n")

	var core bytes.Buffer
	cx := xmlx.NewWriter(&core)
	cx.Raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`)
	cx.Element("dc:title", clean(a.heading()))
	cx.Element("dc:language", a.lang)
	cx.Element("dc:creator", Tool+" "+a.opt.Version)
	if len(a.opt.Forced) > 0 {
		cx.Element("dc:description", "tilmash: "+oneLine(Summary(a.opt.Forced)))
	}
	cx.Raw("</cp:coreProperties>\n")
	if err := cx.Flush(); err != nil {
		return err
	}

	// The language of the text, which Word proofs and hyphenates it in
	// (without it, in the language of the reader's Word): a language and
	// the country it is most likely written in, as Word names them.
	var lang bytes.Buffer
	lx := xmlx.NewWriter(&lang)
	lx.Raw("<w:lang")
	lx.Attr("w:val", langtag.Regional(a.lang))
	lx.Raw("/>")
	if err := lx.Flush(); err != nil {
		return err
	}

	zw := zip.NewWriter(w)
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(docxContentTypes)},
		{"_rels/.rels", []byte(docxRootRels)},
		{"docProps/core.xml", core.Bytes()},
		{"word/document.xml", body.Bytes()},
		{"word/_rels/document.xml.rels", rels.Bytes()},
		{"word/styles.xml", []byte(strings.Replace(docxStyles.Get(), docxLangMark, lang.String(), 1))},
		{"word/numbering.xml", []byte(num.String())},
	} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: docxTime()})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
`

const docxRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
`

// docxLangMark stands in docxStyles where the article's <w:lang> goes.
const docxLangMark = "<w:lang/>"

// docxStyles are the styles the document uses; heading names are the
// built-in ones ("heading 1"), which Word shows in its own language and
// other readers (pandoc, LibreOffice) map to headings. Made on first use:
// every start of tilmash made it, a tenth of the package inits of our own.
var docxStyles = lazy.Value[string]{New: func() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="Calibri"/><w:sz w:val="24"/><w:szCs w:val="24"/>` + docxLangMark + `</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="48"/></w:rPr></w:style>`)
	sizes := []int{36, 32, 28, 26, 24, 24}
	for i, sz := range sizes {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/></w:rPr></w:style>`, i+1, i+1, i, sz)
	}
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>`)
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>`)
	b.WriteString(`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="character" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/></w:rPr></w:style>`)
	b.WriteString("</w:styles>\n")
	return b.String()
}}

// runElements is what a run's [meaningful] elements make of it in Word.
type runElements struct {
	strike, underline, mark bool
	vert                    string // "superscript", "subscript" or ""
}

// elements says how the run's elements format it in Word (see
// elementFormat).
func (r run) elements() runElements {
	var e runElements
	for _, s := range r.spans {
		if s.Kind != docformat.Element {
			continue
		}
		f, _ := elementFormat(s.Tag)
		e.strike, e.underline, e.mark = e.strike || f.strike, e.underline || f.underline, e.mark || f.mark
		if f.vert != "" {
			e.vert = f.vert
		}
	}
	return e
}

// elementFormat is what an element of the [meaningful] ones makes of the
// words it holds in Word: <sup> and <sub> raise or lower them, <s>,
// <strike> and <del> strike them through, <u> and <ins> underline them,
// <mark> highlights them; <q> gives quotation marks instead
// (quoteMarksAround). ok is false for the other elements: the page's and
// the TMX's alone. The one table of those elements.
func elementFormat(tag string) (f runElements, ok bool) {
	switch tag {
	case "sup":
		f.vert = "superscript"
	case "sub":
		f.vert = "subscript"
	case "s", "strike", "del":
		f.strike = true
	case "u", "ins":
		f.underline = true
	case "mark":
		f.mark = true
	case "q":
	default:
		return f, false
	}
	return f, true
}

// quoteMarksAround is the text of runs[i] with the quotation marks of the
// <q> elements that open before it and close after it: Word has no inline
// quotation, and without the marks a browser draws for it, a quoted phrase
// reads as the writer's own words. An outer <q> takes the language's
// quotation marks (« » in Russian and Kazakh, “ ” in English and in a
// language without rules of its own), one inside it the inner ones.
func quoteMarksAround(lang string, runs []run, i int) string {
	q, ok := quotesOf(lang)
	if !ok {
		q, _ = quotesOf("en")
	}
	prev, next := textRunSpans(runs, i, -1), textRunSpans(runs, i, 1)
	var open, close string
	depth := 0
	for _, s := range runs[i].spans {
		if s.Kind != docformat.Element || s.Tag != "q" {
			continue
		}
		o, c := q.open, q.close
		if depth > 0 {
			o, c = q.innerOpen, q.innerClose
		}
		depth++
		if !slices.Contains(prev, s) {
			open += string(o)
		}
		if !slices.Contains(next, s) {
			close = string(c) + close // the inner quotation closes first
		}
	}
	return open + runs[i].Text + close
}

// textRunSpans are the spans of the run with text nearest runs[i] in
// direction dir (-1 before, 1 after), past line breaks; nil at the
// block's edge.
func textRunSpans(runs []run, i, dir int) []docformat.Span {
	for j := i + dir; j >= 0 && j < len(runs); j += dir {
		if !runs[j].Break {
			return runs[j].spans
		}
	}
	return nil
}
