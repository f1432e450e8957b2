package export

import (
	"bufio"
	"io"
	"strconv"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export/xmltext"
)

// XLIFF holds one language pair per file (XLIFF 2.0 has a single srcLang
// and trgLang per document; CAT tools open one target language per
// project), so both writers take the plan's source and target.

// xw writes XML with escaping, keeping the first error.
type xw struct {
	w   *bufio.Writer
	err error
}

func (x *xw) s(ss ...string) {
	for _, s := range ss {
		if x.err == nil {
			_, x.err = x.w.WriteString(s)
		}
	}
}

func (x *xw) attr(name, val string) { x.s(" ", name, `="`, xmltext.Attr(val), `"`) }

func (x *xw) text(s string) { x.s(xmltext.Text(s)) }

func (x *xw) flush() error {
	if err := x.w.Flush(); x.err == nil {
		x.err = err
	}
	return x.err
}

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

// writeXLIFF2 writes an XLIFF 2.0 document: one <file> for the document,
// one <unit> per group, each with one <segment>. The segment state comes
// from the group status (confirmed → final, aligned → translated, flagged
// → initial) and subState keeps the exact status as tilmash:STATUS. A
// group with no source text is marked translate="no".
func writeXLIFF2(w io.Writer, p *plan) error {
	x := &xw{w: bufio.NewWriter(w)}
	x.s(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.s(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"`)
	x.attr("srcLang", p.source)
	x.attr("trgLang", p.target)
	x.s(">\n  <file")
	x.attr("id", p.doc.ID)
	x.attr("original", "documents/"+p.doc.ID)
	x.s(">\n")
	if len(p.opt.Forced) > 0 {
		x.s(`    <notes>`, "\n", `      <note id="forced" category="tilmash">`)
		x.text(Summary(p.opt.Forced))
		x.s("</note>\n    </notes>\n")
	}
	for i, g := range p.a.Groups {
		id := strconv.Itoa(i + 1)
		src, trg := text(g, p.source), text(g, p.target)
		x.s("    <unit")
		x.attr("id", id)
		if src == "" {
			x.attr("translate", "no")
		}
		x.s(">\n")
		if g.Note != "" {
			x.s(`      <notes>`, "\n", `        <note category="tilmash">`)
			x.text(g.Note)
			x.s("</note>\n      </notes>\n")
		}
		x.s("      <segment")
		x.attr("id", id)
		x.attr("state", state2(g.Status, trg != ""))
		x.attr("subState", "tilmash:"+string(g.Status))
		x.s(">\n        <source>")
		x.text(src)
		x.s("</source>\n")
		if trg != "" {
			x.s("        <target>")
			x.text(trg)
			x.s("</target>\n")
		}
		x.s("      </segment>\n    </unit>\n")
	}
	x.s("  </file>\n</xliff>\n")
	return x.flush()
}

// writeXLIFF12 writes an XLIFF 1.2 document (strict schema): one <file>,
// one <trans-unit> per group. Target state: confirmed → signed-off (and
// approved="yes"), aligned → translated, flagged →
// needs-review-translation.
func writeXLIFF12(w io.Writer, p *plan) error {
	x := &xw{w: bufio.NewWriter(w)}
	x.s(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.s(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">`, "\n")
	x.s("  <file")
	x.attr("original", p.doc.ID)
	x.attr("source-language", p.source)
	x.attr("target-language", p.target)
	x.attr("datatype", "plaintext")
	x.attr("tool-id", Tool)
	if !p.opt.Date.IsZero() {
		x.attr("date", p.opt.Date.UTC().Format("2006-01-02T15:04:05Z"))
	}
	x.s(">\n    <header>\n      <tool")
	x.attr("tool-id", Tool)
	x.attr("tool-name", Tool)
	x.attr("tool-version", p.opt.Version)
	x.s("/>\n")
	if len(p.opt.Forced) > 0 {
		x.s(`      <note from="tilmash">`)
		x.text(Summary(p.opt.Forced))
		x.s("</note>\n")
	}
	x.s("    </header>\n    <body>\n")
	for i, g := range p.a.Groups {
		src, trg := text(g, p.source), text(g, p.target)
		x.s("      <trans-unit")
		x.attr("id", strconv.Itoa(i+1))
		if g.Status == document.Confirmed && trg != "" {
			x.attr("approved", "yes")
		}
		if src == "" {
			x.attr("translate", "no")
		}
		x.s(">\n        <source>")
		x.text(src)
		x.s("</source>\n")
		if trg != "" {
			x.s("        <target")
			x.attr("state", state12(g.Status))
			x.s(">")
			x.text(trg)
			x.s("</target>\n")
		}
		if g.Note != "" {
			x.s(`        <note from="tilmash">`)
			x.text(g.Note)
			x.s("</note>\n")
		}
		x.s("      </trans-unit>\n")
	}
	x.s("    </body>\n  </file>\n</xliff>\n")
	return x.flush()
}
