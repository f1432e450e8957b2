package tmx

import (
	"fmt"
	"io"

	"github.com/tilmash/tilmash/internal/xmlx"
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
	x := xmlx.NewWriter(w)
	x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	x.Raw("<!DOCTYPE tmx SYSTEM \"" + DTDName + "\">\n")
	x.Raw("<tmx version=\"" + Version + "\">\n")
	x.Raw("  <header")
	x.Attr("creationtool", h.CreationTool)
	x.Attr("creationtoolversion", h.CreationToolVersion)
	x.Attr("segtype", h.SegType)
	x.Attr("o-tmf", h.OTMF)
	x.Attr("adminlang", h.AdminLang)
	x.Attr("srclang", h.SrcLang)
	x.Attr("datatype", h.DataType)
	if h.CreationDate != "" {
		x.Attr("creationdate", h.CreationDate)
	}
	if len(h.Props) == 0 && len(h.Notes) == 0 {
		x.Raw("/>\n")
	} else {
		x.Raw(">\n")
		notesProps(x, "    ", h.Notes, h.Props)
		x.Raw("  </header>\n")
	}
	x.Raw("  <body>\n")
	for i := range m.Units {
		u := &m.Units[i]
		if len(u.Variants) == 0 {
			return x.Replaced(), fmt.Errorf("tmx: unit %d has no variant", i+1)
		}
		x.Raw("    <tu")
		if u.ID != "" {
			x.Attr("tuid", u.ID)
		}
		x.Raw(">\n")
		notesProps(x, "      ", u.Notes, u.Props)
		for _, v := range u.Variants {
			x.Raw("      <tuv")
			x.Attr("xml:lang", v.Lang)
			x.Raw(">\n")
			notesProps(x, "        ", v.Notes, v.Props)
			x.Raw("        <seg>")
			x.Text(v.Text)
			x.Raw("</seg>\n")
			x.Raw("      </tuv>\n")
		}
		x.Raw("    </tu>\n")
	}
	x.Raw("  </body>\n</tmx>\n")
	err = x.Flush()
	return x.Replaced(), err
}

// notesProps writes notes then props: the DTD allows them in any order,
// and a fixed one keeps output stable.
func notesProps(x *xmlx.Writer, indent string, notes []string, props []Prop) {
	for _, n := range notes {
		x.Raw(indent)
		x.Element("note", n)
		x.Raw("\n")
	}
	for _, pr := range props {
		x.Raw(indent + "<prop")
		x.Attr("type", pr.Type)
		x.Raw(">")
		x.Text(pr.Value)
		x.Raw("</prop>\n")
	}
}
