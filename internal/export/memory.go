package export

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export/xmltext"
	"github.com/tilmash/tilmash/internal/tmx"
)

// Memory is a translation memory turned into a document: the text of each
// language and an alignment whose groups point into those texts.
type Memory struct {
	// Langs are the workspace languages the memory has text in, in
	// workspace order.
	Langs []string
	// Texts holds the text of each language, in the stored form (NFC, LF,
	// one final newline).
	Texts map[string]string
	// Alignment has one group per unit with text; Sources is left for the
	// caller to fill in once the texts are stored.
	Alignment *document.Alignment
	// OtherLangs are languages of the file the workspace does not keep;
	// their variants were left out.
	OtherLangs []string
	// Skipped counts units with no text in any workspace language.
	Skipped int
	// Duplicates counts variants left out because their unit already had
	// one in the same language.
	Duplicates int
	// Flattened counts segments whose line breaks became spaces: a stored
	// text keeps one paragraph per line.
	Flattened int
}

// EmptyMemoryError is a translation memory with no text in any workspace
// language.
type EmptyMemoryError struct {
	File  string
	Langs []string // the workspace languages
	Found []string // the languages the file has
}

func (e *EmptyMemoryError) Error() string {
	return fmt.Sprintf("%s has no text in %s (it has %s)", e.File, strings.Join(e.Langs, ", "), orNone(e.Found))
}

func orNone(l []string) string {
	if len(l) == 0 {
		return "none"
	}
	return strings.Join(l, ", ")
}

// MessageID names the localized message for e.
func (e *EmptyMemoryError) MessageID() string { return "import-tmx.empty" }

// TemplateData gives the values of the localized message.
func (e *EmptyMemoryError) TemplateData() map[string]any {
	return map[string]any{"File": e.File, "Langs": strings.Join(e.Langs, ", "), "Found": orNone(e.Found)}
}

// FromTMX turns a TMX into texts and groups for the workspace languages
// langs, with source as the alignment's pivot when the memory has it.
// file names the input in errors.
//
// Each <tu> with text in a workspace language becomes a group: status from
// its x-status prop (aligned when absent or unknown), score from x-score
// (1 when absent: a memory holds translations a person made), note from
// its notes. Each variant becomes one sentence of its language.
//
// Paragraphs: a TMX written by tilmash marks with an x-paragraph prop the
// variants that open a paragraph ("p") or a heading ("h1"…"h6"); there a
// blank line is put before the segment (and "#"s before a heading), and
// unmarked segments continue the paragraph after a space, so the original
// layout comes back. A TMX from another tool has no such marks: each
// segment then becomes its own paragraph, which keeps every segment
// boundary visible to the segmenter (a paragraph break always ends a
// sentence). Line breaks inside a segment become spaces.
func FromTMX(m *tmx.TMX, file string, langs []string, source string) (*Memory, error) {
	mem := &Memory{Texts: map[string]string{}}
	// Which workspace language each variant language maps to.
	other := map[string]bool{}
	has := map[string]bool{}
	marked := map[string]bool{}
	// A memory repeats a handful of tags; parsing each tag once keeps a
	// large memory fast (see BenchmarkFromTMX).
	mapped := map[string]string{}
	wsLang := func(code string) string {
		if l, ok := mapped[code]; ok {
			return l
		}
		l := ""
		for _, w := range langs {
			if tmx.SameLanguage(code, w) {
				l = w
				break
			}
		}
		mapped[code] = l
		return l
	}
	for _, u := range m.Units {
		for _, v := range u.Variants {
			l := wsLang(v.Lang)
			if l == "" {
				other[strings.ToLower(strings.TrimSpace(v.Lang))] = true
				continue
			}
			if _, ok := v.Prop(ParagraphProp); ok {
				marked[l] = true
			}
		}
	}
	type cell struct {
		text, para string
	}
	var rows []map[string]cell
	var metas []*document.Group
	for _, u := range m.Units {
		row := map[string]cell{}
		for _, v := range u.Variants {
			l := wsLang(v.Lang)
			if l == "" {
				continue
			}
			if _, dup := row[l]; dup {
				mem.Duplicates++
				continue
			}
			t, flat := segmentText(v.Text)
			if t == "" {
				continue
			}
			if flat {
				mem.Flattened++
			}
			para, _ := v.Prop(ParagraphProp)
			row[l] = cell{t, para}
			has[l] = true
		}
		if len(row) == 0 {
			mem.Skipped++
			continue
		}
		g := &document.Group{Status: document.Aligned, Score: 1, Sents: map[string][]document.Sentence{}}
		if s, ok := u.Prop(StatusProp); ok {
			switch st := document.Status(strings.TrimSpace(s)); st {
			case document.Aligned, document.Confirmed, document.Flagged:
				g.Status = st
			}
		}
		if s, ok := u.Prop(ScoreProp); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil && f >= 0 && f <= 1 {
				g.Score = f
			}
		}
		var notes []string
		for _, n := range u.Notes {
			if n = strings.Join(strings.Fields(n), " "); n != "" {
				notes = append(notes, n)
			}
		}
		g.Note = strings.Join(notes, "; ")
		rows = append(rows, row)
		metas = append(metas, g)
	}
	for l := range other {
		mem.OtherLangs = append(mem.OtherLangs, l)
	}
	sort.Strings(mem.OtherLangs)
	for _, l := range langs {
		if has[l] {
			mem.Langs = append(mem.Langs, l)
		}
	}
	if len(mem.Langs) == 0 {
		return nil, &EmptyMemoryError{File: file, Langs: langs, Found: mem.OtherLangs}
	}
	pivot := mem.Langs[0]
	if has[source] {
		pivot = source
	}
	mem.Alignment = &document.Alignment{Pivot: pivot, Languages: mem.Langs, Sources: map[string]string{}, Groups: metas}
	for _, l := range mem.Langs {
		var b strings.Builder
		for i, row := range rows {
			c, ok := row[l]
			if !ok {
				continue
			}
			if b.Len() > 0 {
				if !marked[l] || c.para != "" {
					b.WriteString("\n\n")
				} else {
					b.WriteString(" ")
				}
			}
			if n := headingLevel(c.para); n > 0 && !strings.HasPrefix(c.text, "#") {
				b.WriteString(strings.Repeat("#", n) + " ")
			}
			start := b.Len()
			b.WriteString(c.text)
			metas[i].Sents[l] = []document.Sentence{{Start: start, End: b.Len(), Text: c.text}}
		}
		b.WriteString("\n")
		mem.Texts[l] = b.String()
	}
	return mem, nil
}

func headingLevel(para string) int {
	if len(para) == 2 && para[0] == 'h' && para[1] >= '1' && para[1] <= '6' {
		return int(para[1] - '0')
	}
	return 0
}

// segmentText makes a segment fit a stored text: NFC, characters XML
// cannot carry replaced, runs of white space holding a line break turned
// into one space, and trimmed. flat reports a line break was removed.
func segmentText(s string) (string, bool) {
	s, _ = xmltext.Clean(norm.NFC.String(s))
	flat := false
	if strings.ContainsAny(s, "\r\n") {
		flat = true
		var b strings.Builder
		for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
			if line = strings.TrimSpace(line); line != "" {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(line)
			}
		}
		s = b.String()
	}
	return strings.TrimSpace(s), flat
}
