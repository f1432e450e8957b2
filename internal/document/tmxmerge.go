package document

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// A CAT tool's memory of a project (OmegaT's omegat/project_save.tmx,
// a Trados or memoQ export) holds one unit per segment the translator
// worked on, in no particular order, keyed by the source sentence. It is
// not a document: it comes back into one by its source sentences
// ([MergeTMX]).

// Translations is what a CAT tool's memory says of a document's groups.
type Translations struct {
	// Found maps each target language to the translation of each source
	// sentence the memory has, keyed by [SourceKey].
	Found map[string]map[string]string
	// Units counts the memory's units with text in the source language
	// and a target language of the workspace.
	Units int
}

// FromCATMemory collects the translations of memory m from source into
// the other workspace languages langs. Language codes are matched by
// language, ignoring region and case (OmegaT writes EN-US, KK, RU). A
// source segment with several translations (OmegaT's alternative
// translations carry a "file" prop) keeps the default one, the unit
// without such a prop, else the first.
func FromCATMemory(m *tmx.TMX, langs []string, source string) *Translations {
	lm := langtag.NewMap(langs)
	tr := &Translations{Found: map[string]map[string]string{}}
	alternative := map[string]map[string]bool{}
	for _, u := range m.Units {
		src := ""
		for _, v := range u.Variants {
			if l, _ := lm.Lookup(v.Lang); l == source {
				src = v.Text
				break
			}
		}
		key := SourceKey(src)
		if key == "" {
			continue
		}
		_, alt := u.Prop("file")
		counted := false
		for _, v := range u.Variants {
			l, _ := lm.Lookup(v.Lang)
			t, _ := segmentText(v.Text)
			if l == "" || l == source || t == "" {
				continue
			}
			if !counted {
				tr.Units++
				counted = true
			}
			if tr.Found[l] == nil {
				tr.Found[l], alternative[l] = map[string]string{}, map[string]bool{}
			}
			if _, seen := tr.Found[l][key]; seen && (alt || !alternative[l][key]) {
				continue
			}
			tr.Found[l][key], alternative[l][key] = t, alt
		}
	}
	return tr
}

// SourceKey is the form in which a sentence is looked up in a CAT tool's
// memory: NFC, without heading marks, runs of white space as one space.
func SourceKey(s string) string {
	// CAT tools see a heading without its marks.
	s = StripHeading(norm.NFC.String(strings.TrimSpace(s)))
	return strings.Join(strings.Fields(s), " ")
}

// Matches counts the sentences of alignment a in source that tr
// translates into some language: how well the memory fits the document.
func (tr *Translations) Matches(a *Alignment, source string) int {
	n := 0
	for _, g := range a.Groups {
		for _, s := range g.Sents[source] {
			for _, found := range tr.Found {
				if _, ok := found[SourceKey(s.Text)]; ok {
					n++
					break
				}
			}
		}
	}
	return n
}

// TMXMerge is what [MergeTMX] did.
type TMXMerge struct {
	// Langs are the target languages the memory has translations in.
	Langs []string
	// Sentences counts the document's source sentences; Matched those the
	// memory translates into every language of Langs.
	Sentences, Matched int
	// Changed lists, per language, the 1-based groups whose text the
	// memory changed.
	Changed map[string][]int
	// Unused counts the memory's units whose source is no sentence of the
	// document (another document of the CAT project, or a source the
	// translator edited).
	Unused int
	// LostFormatting are the spans of formatting dropped because the
	// memory rewrote the words under them (see [Rebase]).
	LostFormatting []LostSpan
	// Recovered is a change a crash had interrupted, rolled back first.
	Recovered *journal.Entry
}

// MergeTMX brings the translations of a CAT tool's memory m back into
// document id, as one journaled change that undo takes back. Each group
// whose source sentences the memory all translates gets, in each target
// language, the memory's translations of its sentences in order, a
// translation repeated by consecutive sentences written once: a group cut
// into sentence-level units (export --units sentences) comes back whole,
// and a source sentence that carried its group's whole target (x-partial)
// adds nothing twice. Where that differs from the group's text, the text of
// the language is rewritten in place: the group keeps its place, status and
// note, every other group and language is left as it was. Groups with a
// source sentence the memory lacks are left alone. Nothing is written when
// nothing changes. now is the time the journal records (zero meaning
// time.Now). The caller holds the workspace lock.
func MergeTMX(ws *workspace.Workspace, id string, m *tmx.TMX, now time.Time) (*TMXMerge, error) {
	source := ws.Config.Source
	tr := FromCATMemory(m, ws.Config.Languages, source)
	change, err := Begin(ws, id)
	if err != nil {
		return nil, err
	}
	res := &TMXMerge{Changed: map[string][]int{}, Recovered: change.Recovered}
	d, err := change.Document()
	if err != nil {
		return res, err
	}
	a, err := change.Alignment()
	if err != nil {
		return res, err
	}
	if a == nil || len(a.Groups) == 0 {
		return res, fmt.Errorf("import-tmx: document %s has no alignment to merge into", id)
	}
	texts, err := change.Texts(d)
	if err != nil {
		return res, err
	}
	for _, l := range a.Languages {
		if l != source && tr.Found[l] != nil && texts[l] != "" {
			res.Langs = append(res.Langs, l)
		}
	}
	for _, g := range a.Groups {
		for _, s := range g.Sents[source] {
			res.Sentences++
			all := len(res.Langs) > 0
			for _, l := range res.Langs {
				if _, ok := tr.Found[l][SourceKey(s.Text)]; !ok {
					all = false
				}
			}
			if all {
				res.Matched++
			}
		}
	}
	for _, l := range res.Langs {
		text := texts[l]
		type edit struct {
			group int
			parts []string
		}
		var edits []edit
		for gi, g := range a.Groups {
			if len(g.Sents[source]) == 0 || len(g.Sents[l]) == 0 {
				continue
			}
			var parts []string
			complete := true
			for _, s := range g.Sents[source] {
				key := SourceKey(s.Text)
				t, ok := tr.Found[l][key]
				if !ok {
					complete = false
					break
				}
				if len(parts) == 0 || parts[len(parts)-1] != t {
					parts = append(parts, t)
				}
			}
			if !complete {
				continue
			}
			var old []string
			for _, s := range g.Sents[l] {
				old = append(old, SourceKey(s.Text))
			}
			if strings.Join(old, " ") == SourceKey(strings.Join(parts, " ")) {
				continue
			}
			edits = append(edits, edit{gi, parts})
		}
		// Last group first, so that the spans before an edit stay put.
		for k := len(edits) - 1; k >= 0; k-- {
			e := edits[k]
			g := a.Groups[e.group]
			ss := g.Sents[l]
			start, end := ss[0].Start, ss[len(ss)-1].End
			_, marks := Heading(ss[0].Text)
			prefix := ss[0].Text[:marks]
			var b strings.Builder
			var sents []Sentence
			for i, p := range e.parts {
				if i > 0 {
					b.WriteString(" ")
				}
				if i == 0 {
					p = prefix + p
				}
				at := start + b.Len()
				b.WriteString(p)
				sents = append(sents, Sentence{Start: at, End: at + len(p), Text: p})
			}
			delta := b.Len() - (end - start)
			text = text[:start] + b.String() + text[end:]
			for _, other := range a.Groups {
				for i := range other.Sents[l] {
					if s := &other.Sents[l][i]; s.Start >= end {
						s.Start += delta
						s.End += delta
					}
				}
			}
			g.Sents[l] = sents
			res.Changed[l] = append(res.Changed[l], e.group+1)
		}
		slices.Sort(res.Changed[l])
		if len(edits) > 0 {
			texts[l] = text
			a.Sources[l] = Hash(text)
			if err := change.SetText(l, text); err != nil {
				return res, err
			}
		}
	}
	inDoc := map[string]bool{}
	for _, g := range a.Groups {
		for _, s := range g.Sents[source] {
			inDoc[SourceKey(s.Text)] = true
		}
	}
	unused := map[string]bool{}
	for _, found := range tr.Found {
		for key := range found {
			if !inDoc[key] {
				unused[key] = true
			}
		}
	}
	res.Unused = len(unused)
	if len(res.Changed) == 0 {
		return res, nil
	}
	if errs := a.Verify(d.WS.Rel(d.AlignmentFile()), texts); len(errs) > 0 {
		return res, fmt.Errorf("import-tmx: internal error: %v", errs[0])
	}
	if err := change.SetAlignment(a); err != nil {
		return res, err
	}
	res.LostFormatting = change.LostFormatting
	n := 0
	for _, gs := range res.Changed {
		n += len(gs)
	}
	_, err = change.Commit("review.done.import-tmx-merge", map[string]any{"Count": n, "Langs": strings.Join(res.Langs, ", ")}, now)
	return res, err
}

// MemoryDocument returns the aligned document of ws whose source sentences
// memory m translates most, "" when it translates none: the document a CAT
// tool's memory belongs to.
func MemoryDocument(ws *workspace.Workspace, m *tmx.TMX) (string, error) {
	ids, err := List(ws)
	if err != nil {
		return "", err
	}
	tr := FromCATMemory(m, ws.Config.Languages, ws.Config.Source)
	best, bestN := "", 0
	for _, id := range ids {
		d, err := Open(ws, id)
		if err != nil {
			continue
		}
		a, err := d.Alignment()
		if err != nil || a == nil {
			continue
		}
		if n := tr.Matches(a, ws.Config.Source); n > bestN {
			best, bestN = id, n
		}
	}
	return best, nil
}
