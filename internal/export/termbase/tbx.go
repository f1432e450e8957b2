package termbase

import (
	"io"
	"strconv"
	"strings"

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

// tbxDialect names the elements of one TBX version.
type tbxDialect struct {
	root, header, entry, langSet, term string
	// forbiddenDescrip lists forbidden forms as <descrip type="forbidden">
	// (as OmegaT reads TBX 2) instead of deprecated terms.
	forbiddenDescrip bool
}

var (
	// tbx3 is TBX v3, dialect TBX-Basic, style dca.
	tbx3 = tbxDialect{root: `tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"`, header: "tbxHeader",
		entry: "conceptEntry", langSet: "langSec", term: "termSec"}
	// tbx2 is TBX 2 (martif) for OmegaT and Translate Toolkit.
	tbx2 = tbxDialect{root: `martif type="TBX"`, header: "martifHeader",
		entry: "termEntry", langSet: "langSet", term: "tig", forbiddenDescrip: true}
)

func writeTBX3(w io.Writer, entries []*glossary.Entry, langs []string, opt Options) error {
	return writeTBX(w, tbx3, entries, langs, opt)
}

func writeTBX2(w io.Writer, entries []*glossary.Entry, langs []string, opt Options) error {
	return writeTBX(w, tbx2, entries, langs, opt)
}

// writeTBX writes entries in the TBX version d.
func writeTBX(w io.Writer, d tbxDialect, entries []*glossary.Entry, langs []string, opt Options) error {
	rootName, _, _ := strings.Cut(d.root, " ")
	x := xmlx.NewWriter(w)
	x.Raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.Raw("<" + d.root)
	x.Attr("xml:lang", langs[0])
	x.Raw(">\n  <" + d.header + ">\n")
	header(x, "  ", opt, countWith(entries, langs))
	x.Raw("  </" + d.header + ">\n  <text>\n    <body>\n")
	for _, e := range entries {
		if !hasTerm(e, langs) {
			continue
		}
		x.Raw("      <" + d.entry)
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
			x.Raw("        <" + d.langSet)
			x.Attr("xml:lang", l)
			x.Raw(">\n")
			if d.forbiddenDescrip {
				for _, v := range f.Forbidden {
					x.Raw(`          <descrip type="forbidden">`)
					x.Text(v)
					x.Raw("</descrip>\n")
				}
			}
			for _, t := range terms(f, !d.forbiddenDescrip) {
				x.Raw("          <" + d.term + ">\n            ")
				x.Element("term", t.text)
				x.Raw("\n            <termNote type=\"administrativeStatus\">", t.status, "</termNote>\n")
				for _, n := range t.notes {
					x.Raw("            ")
					x.Element("note", n)
					x.Raw("\n")
				}
				x.Raw("          </" + d.term + ">\n")
			}
			x.Raw("        </" + d.langSet + ">\n")
		}
		x.Raw("      </" + d.entry + ">\n")
	}
	x.Raw("    </body>\n  </text>\n</" + rootName + ">\n")
	return x.Flush()
}

// Count returns how many entries of g a term base in langs holds: those
// with a term in at least one of the languages. CSV and TSV hold those
// with a term in the source language (the first).
func Count(g *glossary.Glossary, format string, langs []string) int {
	if len(langs) == 0 {
		langs = g.Langs
	}
	if PairFormat(format) && len(langs) > 0 {
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
