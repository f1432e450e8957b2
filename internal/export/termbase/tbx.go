package termbase

import (
	"io"
	"strconv"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// Administrative statuses of TBX terms.
const (
	statusPreferred  = "preferredTerm-admn-sts"
	statusAdmitted   = "admittedTerm-admn-sts"
	statusDeprecated = "deprecatedTerm-admn-sts"
	statusSuperseded = "supersededTerm-admn-sts"
)

// term is one form of an entry as TBX lists it.
type term struct {
	text, status string
	notes        []string // tilmash: notes of the term
}

// terms lists the forms of f: term, variants, forms, forbidden (the
// latter only when withForbidden).
func terms(f *glossary.Form, withForbidden bool) []term {
	var out []term
	if f.Term != "" {
		t := term{text: f.Term, status: statusPreferred}
		if f.Inflect != "" {
			t.notes = append(t.notes, tilmashNote+" inflect="+f.Inflect)
		}
		out = append(out, t)
	}
	for _, v := range f.Variants {
		out = append(out, term{text: v, status: statusAdmitted})
	}
	for _, v := range f.Forms {
		out = append(out, term{text: v, status: statusAdmitted, notes: []string{tilmashNote + " form"}})
	}
	if withForbidden {
		for _, v := range f.Forbidden {
			out = append(out, term{text: v, status: statusDeprecated})
		}
	}
	return out
}

// entryNotes are the notes of an entry: its own note, then its kind.
func entryNotes(e *glossary.Entry) []string {
	var out []string
	if e.Note != "" {
		out = append(out, e.Note)
	}
	kind := e.Kind
	if kind == "" {
		kind = glossary.Other
	}
	return append(out, tilmashNote+" kind="+string(kind))
}

// hasTerm reports whether e has a form with a term in any of langs.
func hasTerm(e *glossary.Entry, langs []string) bool {
	for _, l := range langs {
		if f := e.Langs[l]; f != nil && f.Term != "" {
			return true
		}
	}
	return false
}

func header(x *xmlx.Writer, indent string, opt Options, count int) {
	x.Raw(indent, "  <fileDesc>\n", indent, "    <titleStmt>")
	x.Element("title", "tilmash glossary")
	x.Raw("</titleStmt>\n", indent, "    <sourceDesc>")
	x.Element("p", "Exported by tilmash "+opt.Version+" from the workspace glossary ("+itoa(count)+" entries).")
	x.Raw("</sourceDesc>\n", indent, "  </fileDesc>\n")
}

// writeTBX3 writes TBX v3, dialect TBX-Basic, style dca.
func writeTBX3(w io.Writer, entries []*glossary.Entry, langs []string, opt Options) error {
	x := xmlx.NewWriter(w)
	x.Raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.Raw(`<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"`)
	x.Attr("xml:lang", langs[0])
	x.Raw(">\n  <tbxHeader>\n")
	header(x, "  ", opt, countWith(entries, langs))
	x.Raw("  </tbxHeader>\n  <text>\n    <body>\n")
	for _, e := range entries {
		if !hasTerm(e, langs) {
			continue
		}
		x.Raw("      <conceptEntry")
		x.Attr("id", xmlID(e.ID))
		x.Raw(">\n")
		for _, n := range entryNotes(e) {
			x.Raw("        ")
			x.Element("note", n)
			x.Raw("\n")
		}
		for _, l := range langs {
			f := e.Langs[l]
			if f == nil || f.Term == "" {
				continue
			}
			x.Raw("        <langSec")
			x.Attr("xml:lang", l)
			x.Raw(">\n")
			for _, t := range terms(f, true) {
				x.Raw("          <termSec>\n            ")
				x.Element("term", t.text)
				x.Raw("\n            <termNote type=\"administrativeStatus\">", t.status, "</termNote>\n")
				for _, n := range t.notes {
					x.Raw("            ")
					x.Element("note", n)
					x.Raw("\n")
				}
				x.Raw("          </termSec>\n")
			}
			x.Raw("        </langSec>\n")
		}
		x.Raw("      </conceptEntry>\n")
	}
	x.Raw("    </body>\n  </text>\n</tbx>\n")
	return x.Flush()
}

// writeTBX2 writes TBX 2 (martif) for OmegaT and Translate Toolkit.
func writeTBX2(w io.Writer, entries []*glossary.Entry, langs []string, opt Options) error {
	x := xmlx.NewWriter(w)
	x.Raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.Raw(`<martif type="TBX"`)
	x.Attr("xml:lang", langs[0])
	x.Raw(">\n  <martifHeader>\n")
	header(x, "  ", opt, countWith(entries, langs))
	x.Raw("  </martifHeader>\n  <text>\n    <body>\n")
	for _, e := range entries {
		if !hasTerm(e, langs) {
			continue
		}
		x.Raw("      <termEntry")
		x.Attr("id", xmlID(e.ID))
		x.Raw(">\n")
		for _, n := range entryNotes(e) {
			x.Raw("        ")
			x.Element("note", n)
			x.Raw("\n")
		}
		for _, l := range langs {
			f := e.Langs[l]
			if f == nil || f.Term == "" {
				continue
			}
			x.Raw("        <langSet")
			x.Attr("xml:lang", l)
			x.Raw(">\n")
			for _, v := range f.Forbidden {
				x.Raw(`          <descrip type="forbidden">`)
				x.Text(v)
				x.Raw("</descrip>\n")
			}
			for _, t := range terms(f, false) {
				x.Raw("          <tig>\n            ")
				x.Element("term", t.text)
				x.Raw("\n            <termNote type=\"administrativeStatus\">", t.status, "</termNote>\n")
				for _, n := range t.notes {
					x.Raw("            ")
					x.Element("note", n)
					x.Raw("\n")
				}
				x.Raw("          </tig>\n")
			}
			x.Raw("        </langSet>\n")
		}
		x.Raw("      </termEntry>\n")
	}
	x.Raw("    </body>\n  </text>\n</martif>\n")
	return x.Flush()
}

// Count returns how many entries of g a term base in langs holds: those
// with a term in at least one of the languages. CSV and TSV hold those
// with a term in the source language (the first).
func Count(g *glossary.Glossary, format string, langs []string) int {
	if len(langs) == 0 {
		langs = g.Langs
	}
	if PairFormats[format] && len(langs) > 0 {
		langs = langs[:1]
	}
	return countWith(g.Entries, langs)
}

func countWith(entries []*glossary.Entry, langs []string) int {
	n := 0
	for _, e := range entries {
		if hasTerm(e, langs) {
			n++
		}
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }
