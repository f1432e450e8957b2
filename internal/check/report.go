package check

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
)

// Scope names the unit a finding's Group counts.
type Scope string

// The units a check runs over.
const (
	ScopeGroup     Scope = "group"     // an aligned group of alignment.yaml
	ScopeParagraph Scope = "paragraph" // a paragraph of a document not aligned yet
	ScopeText      Scope = "text"      // the whole text of a document not aligned yet
	ScopeTU        Scope = "tu"        // a translation unit of a TMX file
	ScopeRow       Scope = "row"       // a row of a TSV file
)

// Position is a place in a file: 1-based line and column, the column
// counted in characters (what editors show). File is empty when the place
// is not known.
type Position struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// Finding is a finding of one of the checks, with the unit it was found in
// and where its text is in the files. The glossary's findings keep their
// kinds (missing, forbidden, homoglyph, hidden-character); the editors'
// checks' findings have the check's name as their kind (numbers,
// untranslated, …), their message in qa's catalogue, and Expected the fix
// when there is one.
type Finding struct {
	glossary.Finding
	// Check is the check that found it: terms, numbers, links, untranslated,
	// consistency, typography, endings or spelling.
	Check    string
	Severity Severity
	Scope    Scope
	// Position is where Text starts: in the source-language file when
	// InSource (a missing entry, a number missing from the translation),
	// in the file of Lang otherwise.
	Position
	// InSource says that Start, End and Segment are about the source
	// text: the translation has nothing to point at.
	InSource bool
	// Target is the text of Lang in the unit when InSource: what the
	// translation says in place of the name or the number.
	Target string
	// SrcText is the unit's source text, for the editors' checks.
	SrcText string
	// Places lists every place of a consistency finding, the first being
	// the finding's own; Input is the input of the first place.
	Places []Place
	Input  int

	qa *qa.Finding // the editors' check's finding, nil for the glossary's
}

// MessageID returns the catalogue id of the finding's message.
func (f Finding) MessageID() string {
	if f.qa != nil {
		return f.qa.MessageID()
	}
	return f.Finding.MessageID()
}

// TemplateData returns the values of the message.
func (f Finding) TemplateData() map[string]any {
	if f.qa != nil {
		return f.qa.TemplateData()
	}
	return f.Finding.TemplateData()
}

// Error returns the message in English.
func (f Finding) Error() string {
	if f.qa != nil {
		return locale.NewError(f.MessageID(), f.TemplateData()).Error()
	}
	return f.Finding.Error()
}

// Blocks reports whether the finding blocks export and publish.
func (f Finding) Blocks() bool { return f.Severity == qa.Error }

// SourceText returns the unit's text in the source language, and
// TargetText its text in Lang, whichever Segment is.
func (f Finding) SourceText() string {
	if f.InSource {
		return f.Segment
	}
	return f.SrcText
}

// TargetText returns the unit's text in Lang.
func (f Finding) TargetText() string {
	if f.InSource {
		return f.Target
	}
	return f.Segment
}

// Report is the result of checking one document or file.
type Report struct {
	Name   string // the document id, or the file name as given
	Format string // "document", "tmx" or "tsv"
	Source string // the language whose entries the others must carry
	Scope  Scope
	Units  int // units checked
	// Stale says the document's alignment no longer matches its texts, so
	// it was checked by paragraph or whole text instead of by group.
	Stale bool
	// Skipped lists the language tags of a TMX file that are not
	// workspace languages; their segments were not checked.
	Skipped  []string
	Findings []Finding
}

// AddByGroup puts fs (findings of r's input found after it was checked:
// consistency's) among r's findings and orders them by group, stably:
// r's own before fs at a group, each in its order. It is a stable sort
// of r.Findings and fs appended, done as one merge, from the end in
// place when r.Findings has the room (the streaming readers leave some):
// r's findings, large structs and often thousands, are not copied to a
// new array.
func (r *Report) AddByGroup(fs []Finding) {
	byGroup := func(a, b Finding) int { return a.Group - b.Group }
	if !slices.IsSortedFunc(r.Findings, byGroup) {
		slices.SortStableFunc(r.Findings, byGroup)
	}
	if len(fs) == 0 {
		return
	}
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, byGroup)
	n := len(r.Findings)
	out := slices.Grow(r.Findings, len(fs))[:n+len(fs)]
	// From the end: at a tie, fs's finding goes after r's.
	i, j := n-1, len(fs)-1
	for k := len(out) - 1; j >= 0; k-- {
		if i >= 0 && out[i].Group > fs[j].Group {
			out[k] = out[i]
			i--
		} else {
			out[k] = fs[j]
			j--
		}
	}
	r.Findings = out
}

// Plain returns the findings as the glossary reports them, with Doc
// filled in. Group is the unit's number for aligned groups, TMX units and
// TSV rows; for a document checked by paragraph or whole text it is 0,
// since there is no group to name (the Findings say which paragraph).
func (r *Report) Plain() []glossary.Finding {
	out := make([]glossary.Finding, len(r.Findings))
	for i, f := range r.Findings {
		out[i] = f.Finding
		if f.Scope == ScopeParagraph || f.Scope == ScopeText {
			out[i].Group = 0
		}
	}
	return out
}

// Unit is a set of texts that translate each other: an aligned group, a
// paragraph, a TMX translation unit, a TSV row.
type Unit struct {
	Number int               // 1-based
	Texts  map[string]string // by workspace language
	// Langs, when set, orders the languages of Texts; otherwise they
	// are taken in the order of their codes.
	Langs []string
	// Confirmed says a person confirmed the unit's translations (an
	// aligned group so marked; every unit of a translation memory): only
	// those are compared for consistency.
	Confirmed bool
	// Pos is where each text starts in its file.
	Pos map[string]Position
	// Exact says the text of a language is written in its file exactly as
	// it is (no escapes, no markup, no CR), so an offset into the text is
	// also a character offset from Pos.
	Exact map[string]bool
	// at, when set, maps a byte offset of the text of lang to a position;
	// documents use it to map a group's joined sentences back to the file.
	at func(lang string, off int) Position
}

// position returns where byte offset off of the text of lang is.
func (u *Unit) position(lang string, off int) Position {
	if u.at != nil {
		return u.at(lang, off)
	}
	p, ok := u.Pos[lang]
	if !ok {
		return Position{}
	}
	text := u.Texts[lang]
	if !u.Exact[lang] || off < 0 || off > len(text) {
		return p
	}
	return advance(p, text[:off])
}

// advance moves p over s: a newline starts a new line, anything else is a
// character.
func advance(p Position, s string) Position {
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			p.Column += utf8.RuneCountInString(s)
			break
		}
		p.Line++
		p.Column = 1
		s = s[i+1:]
	}
	return p
}

// lineIndex finds the line and column of a byte offset of a text: where
// [advance] from the text's start would get, without reading the text
// from its start for every offset (a long document has thousands).
type lineIndex struct {
	text     string
	newlines []int // the offsets of the text's newlines, in order
}

// lineIndexes indexes the lines of every text.
func lineIndexes(texts map[string]string) map[string]*lineIndex {
	out := make(map[string]*lineIndex, len(texts))
	for l, t := range texts {
		x := &lineIndex{text: t}
		for i := 0; ; {
			j := strings.IndexByte(t[i:], '\n')
			if j < 0 {
				break
			}
			x.newlines = append(x.newlines, i+j)
			i += j + 1
		}
		out[l] = x
	}
	return out
}

// at returns the position of byte offset off (0 <= off <= len(text)) in
// file: advance(Position{File: file, Line: 1, Column: 1}, text[:off]). A
// nil index is of an empty text (a language the document has no text in).
func (x *lineIndex) at(file string, off int) Position {
	if x == nil {
		return Position{File: file, Line: 1, Column: 1}
	}
	n, _ := slices.BinarySearch(x.newlines, off) // the newlines before off
	start := 0
	if n > 0 {
		start = x.newlines[n-1] + 1
	}
	return Position{File: file, Line: n + 1, Column: utf8.RuneCountInString(x.text[start:off]) + 1}
}

// langs returns the languages of the unit's texts.
func (u *Unit) langs() []string {
	if u.Langs != nil {
		return u.Langs
	}
	out := make([]string, 0, len(u.Texts))
	for l := range u.Texts {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Units checks units against the glossary with src as the source
// language.
func (c *Checker) Units(name, src string, scope Scope, units []Unit) []Finding {
	var out []Finding
	for i := range units {
		out = c.unit(out, name, src, scope, &units[i])
	}
	for i := range out {
		out[i].Check, out[i].Severity = Terms, qa.Error
	}
	return out
}

// unit appends the glossary findings of one unit to out.
func (c *Checker) unit(out []Finding, name, src string, scope Scope, u *Unit) []Finding {
	for _, f := range c.Matcher.CheckGroup(src, u.Texts) {
		f.Doc, f.Group = name, u.Number
		c.fixForbidden(&f)
		lf := Finding{Finding: f, Scope: scope}
		if f.Kind == glossary.FindingMissing {
			lf.InSource = true
			lf.Position = u.position(f.SrcLang, f.Start)
			lf.Target = u.Texts[f.Lang]
		} else {
			lf.Position = u.position(f.Lang, f.Start)
		}
		lf.SrcText = u.Texts[src]
		out = append(out, lf)
	}
	return out
}

// Document checks a workspace document against the glossary: by aligned
// group when a is an alignment of the document's current texts, otherwise
// by paragraph or whole text (see the package documentation).
func (c *Checker) Document(d *document.Document, a *document.Alignment) (*Report, error) {
	r, units, err := documentUnits(d, a, c.Source)
	if err != nil {
		return nil, err
	}
	r.Findings = c.Units(d.ID, c.Source, r.Scope, units)
	return r, nil
}

// Document checks a workspace document with every check of the suite;
// input numbers it among the inputs of the run, for consistency places.
func (s *Suite) Document(input int, d *document.Document, a *document.Alignment) (*Report, error) {
	r, units, err := documentUnits(d, a, s.Source)
	if err != nil {
		return nil, err
	}
	r.Findings = s.Units(input, d.ID, s.Source, r.Scope, units)
	return r, nil
}

// documentUnits cuts a document into the units it is checked by.
func documentUnits(d *document.Document, a *document.Alignment, source string) (*Report, []Unit, error) {
	texts, err := d.Texts()
	if err != nil {
		return nil, nil, err
	}
	langs := d.Languages()
	file := func(lang string) string { return filepath.Join(document.Folder, d.ID, lang+".txt") }
	r := &Report{Name: d.ID, Format: "document", Source: source}
	var units []Unit
	if a != nil && current(a, langs, texts) {
		r.Scope = ScopeGroup
		units = groupUnits(a, texts, file)
	} else {
		r.Stale = a != nil
		r.Scope, units = paragraphUnits(langs, texts, file)
	}
	r.Units = len(units)
	return r, units, nil
}

// current reports whether a was made for exactly these texts.
func current(a *document.Alignment, langs []string, texts map[string]string) bool {
	for _, l := range langs {
		if h, ok := a.Sources[l]; !ok || h != document.Hash(texts[l]) {
			return false
		}
	}
	return true
}

// groupUnits makes a unit of each group; offsets into a group's joined
// text map back through its sentences' spans to the language file.
func groupUnits(a *document.Alignment, texts map[string]string, file func(string) string) []Unit {
	units := make([]Unit, len(a.Groups))
	lines := lineIndexes(texts)
	for i, g := range a.Groups {
		u := Unit{Number: i + 1, Texts: make(map[string]string, len(a.Languages)), Confirmed: g.Status == document.Confirmed}
		for _, l := range a.Languages {
			u.Texts[l] = g.Text(l)
		}
		u.at = func(lang string, off int) Position {
			base := 0
			for _, s := range g.Sents[lang] {
				if off <= base+len(s.Text) {
					abs := s.Start + off - base
					text := texts[lang]
					if abs < 0 || abs > len(text) {
						return Position{File: file(lang)}
					}
					return lines[lang].at(file(lang), abs)
				}
				base += len(s.Text) + 1
			}
			return Position{File: file(lang)}
		}
		units[i] = u
	}
	return units
}

// span is a byte range of a text.
type span struct{ start, end int }

// paragraphs returns the paragraphs of text: runs of lines that are not
// blank, separated by blank lines (white space only). Each span ends at
// the last non-space character of its paragraph.
func paragraphs(text string) []span {
	var out []span
	start := -1
	last := 0
	for pos := 0; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := text[pos:end]
		if strings.TrimSpace(line) == "" {
			if start >= 0 {
				out = append(out, span{start, last})
				start = -1
			}
		} else {
			if start < 0 {
				start = pos + len(line) - len(strings.TrimLeft(line, " \t\r"))
			}
			last = pos + len(strings.TrimRight(line, " \t\r"))
		}
		pos = end + 1
	}
	if start >= 0 {
		out = append(out, span{start, last})
	}
	return out
}

// paragraphUnits pairs paragraphs by position when every language has the
// same number of them, and falls back to one unit of whole texts.
func paragraphUnits(langs []string, texts map[string]string, file func(string) string) (Scope, []Unit) {
	paras := map[string][]span{}
	lines := lineIndexes(texts)
	n := -1
	same := true
	for _, l := range langs {
		paras[l] = paragraphs(texts[l])
		if n >= 0 && len(paras[l]) != n {
			same = false
		}
		n = len(paras[l])
	}
	if !same || n <= 0 {
		u := Unit{Number: 1, Texts: map[string]string{}, Pos: map[string]Position{}, Exact: map[string]bool{}}
		for _, l := range langs {
			u.Texts[l] = texts[l]
			u.Pos[l] = Position{File: file(l), Line: 1, Column: 1}
			u.Exact[l] = true
		}
		return ScopeText, []Unit{u}
	}
	units := make([]Unit, n)
	for i := range units {
		u := Unit{Number: i + 1, Texts: map[string]string{}, Pos: map[string]Position{}, Exact: map[string]bool{}}
		for _, l := range langs {
			s := paras[l][i]
			u.Texts[l] = texts[l][s.start:s.end]
			u.Pos[l] = lines[l].at(file(l), s.start)
			u.Exact[l] = true
		}
		units[i] = u
	}
	return ScopeParagraph, units
}

// keep makes f hold only strings keep returns: every text of f (its
// glossary finding, the editors' check's finding and its data, its
// places) passed through keep. A streaming reader that reuses its buffer
// for the next row ([sheet.Reader.Keep]) gives the texts of a finding
// kept past the row a copy of their own; a field added to Finding must be
// added here (TestFindingKeep walks every string of a Finding).
func (f *Finding) keep(keep func(string) string) {
	g := &f.Finding
	g.Doc, g.Lang, g.EntryID, g.Kind = keep(g.Doc), keep(g.Lang), keep(g.EntryID), keep(g.Kind)
	g.Text, g.Expected, g.Segment = keep(g.Text), keep(g.Expected), keep(g.Segment)
	g.SrcLang, g.Hidden = keep(g.SrcLang), keep(g.Hidden)
	f.Check, f.Severity, f.Scope = keep(f.Check), Severity(keep(string(f.Severity))), Scope(keep(string(f.Scope)))
	f.File, f.Target, f.SrcText = keep(f.File), keep(f.Target), keep(f.SrcText)
	for i := range f.Places {
		p := &f.Places[i]
		p.Doc, p.Scope, p.File = keep(p.Doc), Scope(keep(string(p.Scope))), keep(p.File)
	}
	if f.qa != nil {
		f.qa.Keep(keep)
	}
}
