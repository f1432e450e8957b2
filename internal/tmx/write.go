package tmx

import (
	"bufio"
	"fmt"
	"io"

	"github.com/tilmash/tilmash/internal/export/xmltext"
)

// DTDName is the system identifier Write puts in the DOCTYPE. Validators
// look for the DTD under this name beside the file.
const DTDName = "tmx14.dtd"

// MissingAttrError is returned by Write when the header lacks an attribute
// the DTD requires.
type MissingAttrError struct{ Attr string }

func (e *MissingAttrError) Error() string {
	return fmt.Sprintf("tmx: header attribute %s is required", e.Attr)
}

// Write writes m as a TMX 1.4b document. Text is escaped for XML; the
// characters XML 1.0 cannot carry are replaced by U+FFFD and counted in
// replaced. Write checks the required header attributes first, so an
// invalid file is never started.
func Write(w io.Writer, m *TMX) (replaced int, err error) {
	h := &m.Header
	for _, a := range []struct{ name, val string }{
		{"creationtool", h.CreationTool}, {"creationtoolversion", h.CreationToolVersion},
		{"segtype", h.SegType}, {"o-tmf", h.OTMF}, {"adminlang", h.AdminLang},
		{"srclang", h.SrcLang}, {"datatype", h.DataType},
	} {
		if a.val == "" {
			return 0, &MissingAttrError{Attr: a.name}
		}
	}
	switch h.SegType {
	case "block", "paragraph", "sentence", "phrase":
	default:
		return 0, fmt.Errorf("tmx: segtype %q is not block, paragraph, sentence or phrase", h.SegType)
	}
	bw := bufio.NewWriter(w)
	p := &printer{w: bw}
	p.s("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p.s("<!DOCTYPE tmx SYSTEM \"" + DTDName + "\">\n")
	p.s("<tmx version=\"" + Version + "\">\n")
	p.s("  <header")
	p.attr("creationtool", h.CreationTool)
	p.attr("creationtoolversion", h.CreationToolVersion)
	p.attr("segtype", h.SegType)
	p.attr("o-tmf", h.OTMF)
	p.attr("adminlang", h.AdminLang)
	p.attr("srclang", h.SrcLang)
	p.attr("datatype", h.DataType)
	if h.CreationDate != "" {
		p.attr("creationdate", h.CreationDate)
	}
	if len(h.Props) == 0 && len(h.Notes) == 0 {
		p.s("/>\n")
	} else {
		p.s(">\n")
		p.notesProps("    ", h.Notes, h.Props)
		p.s("  </header>\n")
	}
	p.s("  <body>\n")
	for i := range m.Units {
		u := &m.Units[i]
		if len(u.Variants) == 0 {
			return p.replaced, fmt.Errorf("tmx: unit %d has no variant", i+1)
		}
		p.s("    <tu")
		if u.ID != "" {
			p.attr("tuid", u.ID)
		}
		p.s(">\n")
		p.notesProps("      ", u.Notes, u.Props)
		for _, v := range u.Variants {
			p.s("      <tuv")
			p.attr("xml:lang", v.Lang)
			p.s(">\n")
			p.notesProps("        ", v.Notes, v.Props)
			p.s("        <seg>")
			p.text(v.Text)
			p.s("</seg>\n")
			p.s("      </tuv>\n")
		}
		p.s("    </tu>\n")
	}
	p.s("  </body>\n</tmx>\n")
	if err := bw.Flush(); err != nil {
		return p.replaced, err
	}
	return p.replaced, p.err
}

// printer writes escaped XML and counts replaced characters. It keeps the
// first write error, so the writing code reads straight through.
type printer struct {
	w        *bufio.Writer
	replaced int
	err      error
}

func (p *printer) s(s string) {
	if p.err == nil {
		_, p.err = p.w.WriteString(s)
	}
}

func (p *printer) attr(name, val string) {
	p.replaced += xmltext.Invalid(val)
	p.s(" " + name + "=\"" + xmltext.Attr(val) + "\"")
}

func (p *printer) text(s string) {
	p.replaced += xmltext.Invalid(s)
	p.s(xmltext.Text(s))
}

// notesProps writes notes then props: the DTD allows them in any order,
// and a fixed one keeps output stable.
func (p *printer) notesProps(indent string, notes []string, props []Prop) {
	for _, n := range notes {
		p.s(indent + "<note>")
		p.text(n)
		p.s("</note>\n")
	}
	for _, pr := range props {
		p.s(indent + "<prop")
		p.attr("type", pr.Type)
		p.s(">")
		p.text(pr.Value)
		p.s("</prop>\n")
	}
}
