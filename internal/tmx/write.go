package tmx

import (
	"fmt"
	"io"
	"strconv"

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
		if u.ChangeDate != "" {
			x.Attr("changedate", u.ChangeDate)
		}
		x.Raw(">\n")
		notesProps(x, "      ", u.Notes, u.Props)
		for _, v := range u.Variants {
			x.Raw("      <tuv")
			x.Attr("xml:lang", v.Lang)
			x.Raw(">\n")
			notesProps(x, "        ", v.Notes, v.Props)
			x.Raw("        <seg>")
			if err := writeSeg(x, &v); err != nil {
				return x.Replaced(), fmt.Errorf("tmx: unit %d: %w", i+1, err)
			}
			x.Raw("</seg>\n")
			x.Raw("      </tuv>\n")
		}
		x.Raw("    </tu>\n")
	}
	x.Raw("  </body>\n</tmx>\n")
	err = x.Flush()
	return x.Replaced(), err
}

// writeSeg writes the text of v with its codes between it. The codes
// must stand in order inside the text, and each End must follow a Begin
// of its I, so that the file stays valid and OmegaT pairs them.
func writeSeg(x *xmlx.Writer, v *Variant) error {
	at := 0
	open := map[int]bool{}
	for _, c := range v.Codes {
		if c.At < at || c.At > len(v.Text) {
			return fmt.Errorf("%s: inline code at byte %d out of order", v.Lang, c.At)
		}
		x.Text(v.Text[at:c.At])
		at = c.At
		switch c.Kind {
		case Begin:
			if open[c.I] || c.I <= 0 {
				return fmt.Errorf("%s: inline code i=%d opened twice", v.Lang, c.I)
			}
			open[c.I] = true
			x.Raw("<bpt")
			x.Attr("i", strconv.Itoa(c.I))
		case End:
			if !open[c.I] {
				return fmt.Errorf("%s: inline code i=%d closed before it opens", v.Lang, c.I)
			}
			delete(open, c.I)
			x.Raw("<ept")
			x.Attr("i", strconv.Itoa(c.I))
		case BeginAlone, EndAlone:
			x.Raw("<it")
			pos := "begin"
			if c.Kind == EndAlone {
				pos = "end"
			}
			x.Attr("pos", pos)
		case Standalone:
			x.Raw("<ph")
		default:
			return fmt.Errorf("%s: inline code of unknown kind %d", v.Lang, c.Kind)
		}
		if c.X > 0 && c.Kind != End {
			x.Attr("x", strconv.Itoa(c.X))
		}
		x.Raw(">")
		x.Text(c.Native)
		x.Raw("</" + codeNames[c.Kind] + ">")
	}
	if len(open) > 0 {
		return fmt.Errorf("%s: an inline code is not closed", v.Lang)
	}
	x.Text(v.Text[at:])
	return nil
}

var codeNames = [...]string{Begin: "bpt", End: "ept", BeginAlone: "it", EndAlone: "it", Standalone: "ph"}

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
