package document

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/xmlx"
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
	Alignment *Alignment
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
	// Derived counts the units of a sentence-level tilmash export that
	// repeat part of a group's unit (x-cut, x-partial); they were left
	// out, since the group's unit holds their text.
	Derived int
}

// emptyMemory is the error for a translation memory file with no text in
// any workspace language langs; found are the languages it has.
func emptyMemory(file string, langs, found []string) error {
	has := "none"
	if len(found) > 0 {
		has = strings.Join(found, ", ")
	}
	return locale.NewError("import-tmx.empty", map[string]any{"File": file, "Langs": strings.Join(langs, ", "), "Found": has})
}

// FromTMX turns a TMX into texts and groups for the workspace languages
// langs, with source as the alignment's pivot when the memory has it.
// file names the input in errors.
//
// Each <tu> with text in a workspace language becomes a group: status from
// its x-status prop (aligned when absent or unknown; flagged, unless
// confirmed, when it has no text in one of the memory's workspace
// languages), score from x-score
// (1 when absent: a memory holds translations a person made), note from
// its notes. Each variant becomes one sentence of its language, or the
// sentences its x-sentences prop lists. The units a sentence-level tilmash
// export adds after a group's unit (x-cut, x-partial) are left out and
// counted in Derived: the group's unit holds their text.
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
	// The one mapping of tags to workspace languages (package langtag),
	// the same check's TMX reader uses.
	lm := langtag.NewMap(langs)
	wsLang := func(code string) string {
		l, _ := lm.Lookup(code)
		return l
	}
	for _, u := range m.Units {
		for _, v := range u.Variants {
			l := wsLang(v.Lang)
			if l == "" {
				other[strings.ToLower(strings.TrimSpace(v.Lang))] = true
				continue
			}
			if _, ok := v.Prop(tmx.ParagraphProp); ok {
				marked[l] = true
			}
		}
	}
	type cell struct {
		text, para string
		sents      []string // the sentences of text, when x-sentences gave them
	}
	var rows []map[string]cell
	var metas []*Group
	for _, u := range m.Units {
		if derived(&u) {
			mem.Derived++
			continue
		}
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
			para, _ := v.Prop(tmx.ParagraphProp)
			c := cell{text: t, para: para}
			if lens, ok := v.Prop(tmx.SentencesProp); ok && !flat {
				c.sents = splitSentences(t, lens)
			}
			row[l] = c
			has[l] = true
		}
		if len(row) == 0 {
			mem.Skipped++
			continue
		}
		g := &Group{Status: Aligned, Score: 1, Sents: map[string][]Sentence{}}
		if s, ok := u.Prop(tmx.StatusProp); ok {
			switch st := Status(strings.TrimSpace(s)); st {
			case Aligned, Confirmed, Flagged:
				g.Status = st
			}
		}
		if g.Status == Confirmed {
			// The date the file gives its unit's last change: the
			// confirmation when tilmash wrote it.
			if t, err := time.Parse(tmx.DateLayout, u.ChangeDate); err == nil {
				g.ConfirmedAt = t.UTC()
			}
		}
		if s, ok := u.Prop(tmx.ScoreProp); ok {
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
		return nil, emptyMemory(file, langs, mem.OtherLangs)
	}
	pivot := mem.Langs[0]
	if has[source] {
		pivot = source
	}
	mem.Alignment = &Alignment{Pivot: pivot, Languages: mem.Langs, Sources: map[string]string{}, Groups: metas}
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
			// A heading's marks are part of its first sentence, as the
			// segmenter cuts the text ("# Title"): a sentence without
			// them would leave "#" in no group, and align would make a
			// group of it.
			start, marks := b.Len(), ""
			if n := headingLevel(c.para); n > 0 && !strings.HasPrefix(c.text, "#") {
				marks = strings.Repeat("#", n) + " "
				b.WriteString(marks)
			}
			if c.sents == nil {
				b.WriteString(c.text)
				metas[i].Sents[l] = []Sentence{{Start: start, End: b.Len(), Text: marks + c.text}}
				continue
			}
			for k, st := range c.sents {
				if k > 0 {
					b.WriteString(" ")
					start, marks = b.Len(), ""
				}
				b.WriteString(st)
				metas[i].Sents[l] = append(metas[i].Sents[l], Sentence{Start: start, End: b.Len(), Text: marks + st})
			}
		}
		b.WriteString("\n")
		mem.Texts[l] = b.String()
	}
	// A group without a sentence in one of the document's languages is
	// flagged for review, as the aligner and review flag one, unless the
	// memory says a person confirmed the omission: an "aligned" group
	// missing a translation would pass the export gate unseen.
	for _, g := range metas {
		if g.Status == Confirmed {
			continue
		}
		for _, l := range mem.Langs {
			if len(g.Sents[l]) == 0 {
				g.Status = Flagged
				break
			}
		}
	}
	return mem, nil
}

// derived reports a unit that a sentence-level tilmash export added after
// a group's own unit (a piece cut from the group, or a source sentence
// with the group's whole target): the group's unit holds all its text.
func derived(u *tmx.Unit) bool {
	_, cut := u.Prop(tmx.CutProp)
	_, partial := u.Prop(tmx.PartialProp)
	return cut || partial
}

// splitSentences cuts a segment into the sentences an x-sentences prop
// lists (their lengths in characters, one space between them). It returns
// nil, and the segment stays one sentence, when the lengths do not fit the
// text exactly.
func splitSentences(text, lengths string) []string {
	fields := strings.Fields(lengths)
	if len(fields) < 2 {
		return nil
	}
	runes := []rune(text)
	var out []string
	at := 0
	for k, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 || at+n > len(runes) {
			return nil
		}
		if k > 0 {
			if at >= len(runes) || runes[at] != ' ' {
				return nil
			}
			at++
			if at+n > len(runes) {
				return nil
			}
		}
		st := string(runes[at : at+n])
		if strings.TrimSpace(st) != st {
			return nil
		}
		out = append(out, st)
		at += n
	}
	if at != len(runes) {
		return nil
	}
	return out
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
	s, _ = xmlx.Clean(norm.NFC.String(s))
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

// TMXImport is what [ImportTMX] did.
type TMXImport struct {
	*Memory
	// Created says the document did not exist before.
	Created bool
	// Recovered is a change a crash had interrupted, rolled back first
	// (see [Begin]); set even when ImportTMX fails after it.
	Recovered *journal.Entry
}

// ImportTMX stores translation memory m as document id, as one journaled
// change that undo takes back: the text of each workspace language it has
// ([FromTMX]) and an alignment of one group per unit. name names the input
// in errors and in meta.yaml; source is the file name recorded as the
// document's source ("" for standard input). An existing alignment with
// groups is replaced only with force, since its confirmations would be
// lost: without it the error is import-tmx.would-replace. now is the time
// the journal records (zero meaning time.Now). The caller holds the
// workspace lock.
func ImportTMX(ws *workspace.Workspace, id string, m *tmx.TMX, name, source string, force bool, now time.Time) (*TMXImport, error) {
	mem, err := FromTMX(m, name, ws.Config.Languages, ws.Config.Source)
	if err != nil {
		return nil, err
	}
	change, err := Begin(ws, id)
	if err != nil {
		return nil, err
	}
	res := &TMXImport{Memory: mem, Recovered: change.Recovered}
	if old, err := change.Alignment(); err != nil {
		return res, err
	} else if old != nil && len(old.Groups) > 0 && !force {
		n, conf, _ := old.Counts()
		return res, wouldReplace(id, n, conf)
	}
	if _, err := change.Document(); err != nil {
		if _, missing := err.(*NotFoundError); !missing {
			return res, err
		}
		res.Created = true
	}
	// The texts are dated as the memory dates itself (its header's
	// creationdate, which tilmash's exports set to the texts' import), so
	// a TMX tilmash wrote comes back with its date and exports again byte
	// for byte; a memory without one is dated now.
	var dated time.Time
	if t, err := time.Parse(tmx.DateLayout, m.Header.CreationDate); err == nil {
		dated = t
	}
	for _, l := range mem.Langs {
		// Force: the alignment is replaced below, so groups the old one
		// would lose do not matter.
		if _, err := change.Import(l, []byte(mem.Texts[l]), name, ImportOptions{Source: source, Force: true, Now: dated}); err != nil {
			return res, err
		}
	}
	d, err := change.Document()
	if err != nil {
		return res, err
	}
	texts, err := change.Texts(d)
	if err != nil {
		return res, err
	}
	a := mem.Alignment
	a.Document = id
	for _, l := range mem.Langs {
		a.Sources[l] = Hash(texts[l])
	}
	if errs := a.Verify(d.WS.Rel(d.AlignmentFile()), texts); len(errs) > 0 {
		// The texts were built from these very segments; a mismatch is
		// a bug, and no alignment is better than a wrong one.
		return res, fmt.Errorf("import-tmx: internal error: %v", errs[0])
	}
	if err := change.SetAlignment(a); err != nil {
		return res, err
	}
	if _, err := change.Commit("review.done.import-tmx", map[string]any{"Langs": strings.Join(mem.Langs, ", ")}, now); err != nil {
		return res, err
	}
	return res, nil
}

// wouldReplace refuses to replace the existing alignment of document id,
// of groups groups (confirmed of them), without force.
func wouldReplace(id string, groups, confirmed int) error {
	return locale.NewError("import-tmx.would-replace", map[string]any{"ID": id, "Groups": groups, "Confirmed": confirmed}).
		WithHint("import-tmx.would-replace.hint")
}
