package export

import (
	"io"
	"strconv"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/xliff"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// XLIFF holds one language pair per file (XLIFF 2.0 has a single srcLang
// and trgLang per document; CAT tools open one target language per
// project), so both writers take the plan's source and target.

// state2 maps a group status to an XLIFF 2.0 segment state. A segment
// without a target can only be "initial".
func state2(s document.Status, hasTarget bool) string {
	if !hasTarget {
		return "initial"
	}
	switch s {
	case document.Confirmed:
		return "final"
	case document.Aligned:
		return "translated"
	}
	return "initial"
}

// state12 maps a group status to an XLIFF 1.2 target state.
func state12(s document.Status) string {
	switch s {
	case document.Confirmed:
		return "signed-off"
	case document.Aligned:
		return "translated"
	}
	return "needs-review-translation"
}

// mark is what an XLIFF export records of group g's unit: its status and
// the fingerprint of target trg as written (see xliff.Mark), so that
// import-xliff tells the translator's changes from tilmash's own since.
func mark(g *document.Group, trg string) string {
	return xliff.Mark{Status: string(g.Status), Target: xliff.Fingerprint(trg)}.String()
}

// writeXLIFF2 writes an XLIFF 2.0 document: one <file> for the document,
// one <unit> per group, each with one <segment>. The segment state comes
// from the group status (confirmed → final, aligned → translated, flagged
// → initial) and subState keeps the exact status as tilmash:STATUS. A
// group with no source text is marked translate="no". Each unit carries
// the mark import-xliff compares with (tilmash:exported).
func writeXLIFF2(w io.Writer, p *plan) error {
	x := xmlx.NewWriter(w)
	x.Raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.Raw(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:tilmash="` + xliff.MarkNS + `" version="2.0"`)
	x.Attr("srcLang", p.source)
	x.Attr("trgLang", p.target)
	x.Raw(">\n  <file")
	x.Attr("id", p.doc.ID)
	x.Attr("original", "documents/"+p.doc.ID)
	x.Raw(">\n")
	if len(p.opt.Forced) > 0 {
		x.Raw(`    <notes>`, "\n", `      <note id="forced" category="tilmash">`)
		x.Text(Summary(p.opt.Forced))
		x.Raw("</note>\n    </notes>\n")
	}
	for i, g := range p.a.Groups {
		id := strconv.Itoa(i + 1)
		src, trg := segText(g, p.source), segText(g, p.target)
		x.Raw("    <unit")
		x.Attr("id", id)
		if src == "" {
			x.Attr("translate", "no")
		}
		x.Attr("tilmash:exported", mark(g, trg))
		x.Raw(">\n")
		if g.Note != "" {
			x.Raw(`      <notes>`, "\n", `        <note category="tilmash">`)
			x.Text(g.Note)
			x.Raw("</note>\n      </notes>\n")
		}
		x.Raw("      <segment")
		x.Attr("id", id)
		x.Attr("state", state2(g.Status, trg != ""))
		x.Attr("subState", "tilmash:"+string(g.Status))
		x.Raw(">\n        <source>")
		x.Text(src)
		x.Raw("</source>\n")
		if trg != "" {
			x.Raw("        <target>")
			x.Text(trg)
			x.Raw("</target>\n")
		}
		x.Raw("      </segment>\n    </unit>\n")
	}
	x.Raw("  </file>\n</xliff>\n")
	return x.Flush()
}

// writeXLIFF12 writes an XLIFF 1.2 document (strict schema): one <file>,
// one <trans-unit> per group. Target state: confirmed → signed-off (and
// approved="yes"), aligned → translated, flagged →
// needs-review-translation; a group with no text in the target language
// has an empty <target state="needs-translation"/> (XLIFF 2.0's
// "initial"). The unit's extradata holds the mark import-xliff compares
// with.
func writeXLIFF12(w io.Writer, p *plan) error {
	x := xmlx.NewWriter(w)
	x.Raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.Raw(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">`, "\n")
	x.Raw("  <file")
	x.Attr("original", p.doc.ID)
	x.Attr("source-language", p.source)
	x.Attr("target-language", p.target)
	x.Attr("datatype", "plaintext")
	x.Attr("tool-id", Tool)
	if date := p.date(); !date.IsZero() {
		x.Attr("date", date.UTC().Format("2006-01-02T15:04:05Z"))
	}
	x.Raw(">\n    <header>\n      <tool")
	x.Attr("tool-id", Tool)
	x.Attr("tool-name", Tool)
	x.Attr("tool-version", p.opt.Version)
	x.Raw("/>\n")
	if len(p.opt.Forced) > 0 {
		x.Raw(`      <note from="tilmash">`)
		x.Text(Summary(p.opt.Forced))
		x.Raw("</note>\n")
	}
	x.Raw("    </header>\n    <body>\n")
	for i, g := range p.a.Groups {
		src, trg := segText(g, p.source), segText(g, p.target)
		x.Raw("      <trans-unit")
		x.Attr("id", strconv.Itoa(i+1))
		if g.Status == document.Confirmed && trg != "" {
			x.Attr("approved", "yes")
		}
		if src == "" {
			x.Attr("translate", "no")
		}
		x.Attr("extradata", mark(g, trg))
		x.Raw(">\n        <source>")
		x.Text(src)
		x.Raw("</source>\n")
		switch {
		case trg != "":
			x.Raw("        <target")
			x.Attr("state", state12(g.Status))
			x.Raw(">")
			x.Text(trg)
			x.Raw("</target>\n")
		case src != "":
			// No translation yet: XLIFF 1.2 keeps a state on <target>
			// only, so an empty one says it, as XLIFF 2.0's "initial"
			// does. Tools read an empty target as none (OmegaT's
			// XLIFF 1 filter, xliff2po; import-xliff too).
			x.Raw(`        <target state="needs-translation"/>`, "\n")
		}
		if g.Note != "" {
			x.Raw(`        <note from="tilmash">`)
			x.Text(g.Note)
			x.Raw("</note>\n")
		}
		x.Raw("      </trans-unit>\n")
	}
	x.Raw("    </body>\n  </file>\n</xliff>\n")
	return x.Flush()
}
