package app

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/xliff"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// XLIFFProblem is a unit import-xliff cannot apply: it names no group of
// the document, its source no longer matches the group's, or its target
// was emptied. Message is its catalogue id; Data its values, Pos included.
type XLIFFProblem struct {
	Message string
	Data    map[string]any
}

// ImportXLIFFOptions tune ImportXLIFF.
type ImportXLIFFOptions struct {
	// ID is the document; empty means the one the file names.
	ID string
	// Force applies the units that can be applied when others cannot;
	// without it nothing is written while there is a problem.
	Force bool
	// Marker re-checks the groups that changed; nil for none.
	Marker review.Marker
	// Target is the target language the user named (--lang): for a
	// file that names none, or to confirm the one it names.
	Target string
}

// ImportXLIFFResult is what ImportXLIFF did.
type ImportXLIFFResult struct {
	ID, Source, Target string // the document and the file's languages in it
	// TargetFrom says where Target came from when the file names none:
	// "option" (ImportXLIFFOptions.Target) or "document" (the file's
	// targets are the document's texts in that language and in no other).
	TargetFrom string
	// From is the document of the workspace the file names, when the
	// import was asked into another one (the file of another document,
	// given by mistake); "" otherwise.
	From     string
	Problems []XLIFFProblem
	// Groups counts the groups that changed; Texts, Confirmed,
	// Unconfirmed and Notes what changed in them.
	Groups, Texts, Confirmed, Unconfirmed, Notes int
	// Edit is the applied edit; nil when nothing was applied.
	Edit *EditResult
	// Recovered is an interrupted edit rolled back first.
	Recovered *journal.Entry
}

// XLIFFFile is an XLIFF file import-xliff read, parsed: [ReadXLIFFFile]
// reads it before the workspace is locked, so a file that is no XLIFF 1.2
// or 2.0 is refused at once, with where it goes wrong, whoever holds the
// lock.
type XLIFFFile struct{ f *xliff.File }

// ReadXLIFFFile parses the XLIFF file in.
func ReadXLIFFFile(in Input) (*XLIFFFile, error) {
	f, err := xliff.Read(in.Data, in.Name)
	if err != nil {
		return nil, err
	}
	return &XLIFFFile{f: f}, nil
}

// ImportXLIFF brings back into a document the work a translator did on one
// of its XLIFF exports in a CAT tool: changed targets replace the group's
// sentences in the target language (cut by its segmenter), states confirm
// groups or take confirmations back, and notes become the groups' notes.
// It is one journal step: one undo takes it all back. The file was read
// with [ReadXLIFFFile], before the lock.
//
// Units are matched to groups by id (tilmash writes the group number). A
// unit that names no group, one whose source no longer matches the
// group's (the document was realigned or edited since the export), or one
// whose target was emptied is a problem: without opt.Force nothing is
// written and the result lists them with an error of kind Findings; with
// it they are skipped and the rest applied. The caller holds the lock.
func (app *App) ImportXLIFF(ws *workspace.Workspace, x *XLIFFFile, opt ImportXLIFFOptions) (*ImportXLIFFResult, error) {
	f := x.f
	id, err := xliffDocument(ws, f, opt.ID)
	if err != nil {
		return nil, err
	}
	d, err := document.Open(ws, id)
	if err != nil {
		return nil, err
	}
	res := &ImportXLIFFResult{ID: id}
	if opt.ID != "" {
		if named, err := xliffDocument(ws, f, ""); err == nil && named != id {
			res.From = named
		}
	}
	req := EditRequest{Marker: opt.Marker, Build: func(a *document.Alignment) (review.Op, error) {
		res.Problems, res.Groups, res.Texts, res.Confirmed, res.Unconfirmed, res.Notes = nil, 0, 0, 0, 0, 0
		m := langtag.NewMap(a.Languages)
		var err error
		if res.Source, err = xliffLang(f, m, f.SourceLang, "xliff.bad-lang.source", "xliff.no-lang.source", a.Languages); err != nil {
			return nil, err
		}
		if res.Target, res.TargetFrom, err = xliffTarget(f, m, a, id, res.Source, opt.Target); err != nil {
			return nil, err
		}
		if res.Source == res.Target {
			return nil, locale.NewError("xliff.same-lang", map[string]any{"File": f.Name, "Lang": res.Source})
		}
		seg, err := app.Segmenter(ws, res.Target)
		if err != nil {
			return nil, err
		}
		op := review.Retarget{Lang: res.Target, From: res.Source, File: f.Name}
		seen := map[int]bool{}
		for _, u := range f.Units {
			problem := func(msg string, at xliff.Position, data map[string]any) {
				data["Pos"] = locale.Pos{File: f.Name, Line: at.Line, Column: at.Column, Offset: at.Offset}.String()
				data["Unit"], data["ID"] = u.ID, id
				res.Problems = append(res.Problems, XLIFFProblem{Message: msg, Data: data})
			}
			n, err := strconv.Atoi(strings.TrimSpace(u.ID))
			if err != nil || n < 1 || n > len(a.Groups) || strings.TrimSpace(u.ID) != strconv.Itoa(n) {
				problem("import-xliff.problem.unknown-unit", u.Pos, map[string]any{"Groups": len(a.Groups)})
				continue
			}
			if seen[n] {
				problem("import-xliff.problem.duplicate-unit", u.Pos, map[string]any{})
				continue
			}
			seen[n] = true
			g := a.Groups[n-1]
			src, old := exported(g, res.Source), exported(g, res.Target)
			if u.NoTranslate && src == "" {
				continue
			}
			if !same(u.Source, src) {
				if src == "" {
					// Not "the document “”": the group has no sentence
					// in the source language.
					problem("import-xliff.problem.no-source", u.SourcePos, map[string]any{"Group": n, "Found": flat(u.Source), "Lang": res.Source})
					continue
				}
				problem("import-xliff.problem.source-changed", u.SourcePos, map[string]any{"Group": n, "Found": flat(u.Source), "Expected": src})
				continue
			}
			e := review.TargetEdit{Group: n}
			changed := false
			blank := !u.HasTarget || document.Blank(u.Target)
			// With the export's mark, a target the translator left as it
			// was exported is not theirs to apply: the group's text may
			// have been corrected in tilmash since, and that stays. Both
			// changed is a conflict, like a changed source.
			untouched := u.HasMark && xliff.Fingerprint(u.Target) == u.Mark.Target
			switch {
			case untouched:
			case blank && old != "":
				problem("import-xliff.problem.target-emptied", u.TargetPos, map[string]any{"Group": n, "Lang": res.Target, "Expected": old})
				continue
			case !blank && !same(u.Target, old) && u.HasMark && xliff.Fingerprint(markedText(g, res.Target)) != u.Mark.Target:
				problem("import-xliff.problem.target-conflict", u.TargetPos, map[string]any{"Group": n, "Lang": res.Target, "Found": flat(u.Target), "Expected": old})
				continue
			case !blank && !same(u.Target, old):
				for _, s := range seg.Segment(flat(u.Target)) {
					e.Sentences = append(e.Sentences, s.Text)
				}
				if len(e.Sentences) > 0 {
					res.Texts++
					changed = true
				}
			}
			state := u.State
			if blank {
				state = xliff.StateNone // the state of no translation says nothing of the group
			}
			if u.HasMark && state == markState(u.Mark.Status) {
				// The state is still the one the export wrote for the
				// group's status then: the translator did not change it,
				// and a confirmation given or taken back in tilmash since
				// stands.
				state = xliff.StateNone
			}
			switch state {
			case xliff.Confirmed:
				yes := true
				e.Confirm = &yes
				if g.Status != document.Confirmed {
					res.Confirmed++
					changed = true
				}
			case xliff.Unconfirmed:
				no := false
				e.Confirm = &no
				if g.Status == document.Confirmed {
					res.Unconfirmed++
					changed = true
				}
			}
			// A unit without notes leaves the group's note as it is: the
			// tool may have dropped notes it does not know (a round trip
			// through PO loses tilmash's), and a note is work.
			if note := flat(strings.Join(u.Notes, "; ")); u.HasNotes && note != g.Note {
				e.Note = &note
				res.Notes++
				changed = true
			}
			if changed {
				res.Groups++
				op.Edits = append(op.Edits, e)
			}
		}
		if len(res.Problems) > 0 && !opt.Force {
			if res.From != "" {
				// The file was exported from another document: the
				// mismatches say so more plainly than "export again".
				return nil, locale.NewError("import-xliff.refused", map[string]any{"Count": len(res.Problems), "File": f.Name, "ID": id, "From": res.From}).
					WithHint("import-xliff.refused.other-doc-hint").OfKind(locale.Findings)
			}
			return nil, locale.NewError("import-xliff.refused", map[string]any{"Count": len(res.Problems), "File": f.Name, "ID": id}).
				WithHint("import-xliff.refused.hint").OfKind(locale.Findings)
		}
		return op, nil
	}}
	if len(f.Units) == 0 {
		return res, locale.NewError("xliff.no-units", map[string]any{"File": f.Name})
	}
	er, err := app.Edit(d, req)
	if er != nil {
		res.Recovered = er.Recovered
		if er.Step > 0 {
			res.Edit = er
		}
	}
	return res, err
}

// markedText is a group's text in lang as the XLIFF export writes it and
// fingerprints in its mark: each sentence as export.SentenceText gives it.
func markedText(g *document.Group, lang string) string {
	parts := make([]string, len(g.Sents[lang]))
	for i, s := range g.Sents[lang] {
		parts[i] = export.SentenceText(s.Text)
	}
	return strings.Join(parts, " ")
}

// markState is the state an XLIFF export writes for a group of status s,
// as Read reports it: confirmed groups are final (2.0) or signed-off and
// approved (1.2), the others short of that.
func markState(s string) xliff.State {
	if document.Status(s) == document.Confirmed {
		return xliff.Confirmed
	}
	return xliff.Unconfirmed
}

// exported is a group's text in lang as export writes it.
func exported(g *document.Group, lang string) string {
	s, _ := xmlx.Clean(g.Text(lang))
	return s
}

// flat is text as a CAT tool's target is stored: valid UTF-8 in NFC, white
// space (line breaks included) collapsed to single spaces, trimmed.
func flat(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))), " ")
}

// same reports whether a file's text is a group's text: tools re-wrap and
// re-space text, so white space does not count, nor normalization.
// The Markdown marker of a heading is not counted either: exports may
// leave it out.
func same(file, group string) bool {
	f, g := flat(file), flat(group)
	return f == g || document.StripHeading(f) == document.StripHeading(g)
}

// xliffDocument is the document an import goes to: id when given, else
// the first document of the workspace the file names.
func xliffDocument(ws *workspace.Workspace, f *xliff.File, id string) (string, error) {
	if id != "" {
		return id, document.ValidID(id)
	}
	for _, o := range f.Originals {
		for _, cand := range []string{o, strings.TrimSuffix(o, ".txt")} {
			if document.ValidID(cand) != nil {
				continue
			}
			if _, err := document.Open(ws, cand); err == nil {
				return cand, nil
			}
		}
	}
	return "", locale.NewError("xliff.no-doc", map[string]any{"File": f.Name, "Names": fmt.Sprintf("%q", f.Originals)}).
		WithHint("xliff.no-doc.hint").OfKind(locale.Usage)
}

// xliffLang maps a language tag of the file to one of the alignment's
// languages; bad is the error when it is none of them, none when the file
// gives no tag.
func xliffLang(f *xliff.File, m *langtag.Map, tag, bad, none string, known []string) (string, error) {
	if l, _ := m.Lookup(tag); l != "" {
		return l, nil
	}
	data := map[string]any{"File": f.Name, "Tag": tag, "Known": strings.Join(known, ", ")}
	if strings.TrimSpace(tag) == "" {
		// A file that names no language (po2xliff writes no
		// target-language): say so, not "the language  is not one of".
		return "", locale.NewError(none, data).WithHint("xliff.no-lang.hint")
	}
	return "", locale.NewError(bad, data).WithHint("xliff.bad-lang.hint")
}

// xliffTarget is the target language of an import: the one the file
// names, checked against given (the user's --lang) when both are there.
// A file that names none (po2xliff writes no target-language) takes given,
// or else the document's one language besides the source, or else the one
// language whose texts the file's targets are: every unit of a file the
// translator returns holds the target text either as exported or edited,
// so units left as they were match the document's text in the target
// language. When no language is the only one to match, the error names the
// flag to pass. A given language is refused when the targets are the
// document's texts in another one. from is "", "option" or "document".
func xliffTarget(f *xliff.File, m *langtag.Map, a *document.Alignment, id, source, given string) (lang, from string, err error) {
	if strings.TrimSpace(given) != "" {
		l, _ := m.Lookup(given)
		if l == "" {
			return "", "", document.WithMeant(locale.NewError("document.bad-language", map[string]any{"Lang": given, "Known": strings.Join(a.Languages, ", ")}), given, a.Languages).OfKind(locale.Usage)
		}
		given = l
	}
	if strings.TrimSpace(f.TargetLang) != "" {
		lang, err := xliffLang(f, m, f.TargetLang, "xliff.bad-lang.target", "xliff.no-lang.target", a.Languages)
		if err == nil && given != "" && given != lang {
			err = locale.NewError("import-xliff.lang-differs", map[string]any{"File": f.Name, "Tag": f.TargetLang, "Lang": given, "Target": lang}).
				WithHint("import-xliff.lang-differs.hint").OfKind(locale.Usage)
		}
		return lang, "", err
	}
	var cands []string
	for _, l := range a.Languages {
		if l != source {
			cands = append(cands, l)
		}
	}
	match := targetsMatch(f, a, source, cands)
	switch {
	case given != "" && match != "" && match != given:
		// The targets are the document's texts in another language:
		// imported as given, they would replace its text with them.
		return "", "", locale.NewError("import-xliff.lang-texts", map[string]any{"File": f.Name, "ID": id, "Lang": given, "Target": match}).
			WithHint("import-xliff.lang-texts.hint").OfKind(locale.Usage)
	case given != "":
		return given, "option", nil
	case len(cands) == 1:
		return cands[0], "document", nil
	case match != "":
		return match, "document", nil
	}
	return "", "", locale.NewError("xliff.no-lang.target", map[string]any{"File": f.Name, "Known": strings.Join(cands, ", "), "Lang": cands[len(cands)-1]}).
		WithHint("import-xliff.no-target.hint").OfKind(locale.Usage)
}

// targetsMatch is the one language of cands whose texts the file's
// targets are: the language some unit's target is the group's text in and
// in no other candidate, when no unit's target is only another's. Units
// that name no group or whose source is not the group's say nothing.
func targetsMatch(f *xliff.File, a *document.Alignment, source string, cands []string) string {
	only := map[string]int{}
	for _, u := range f.Units {
		n, err := strconv.Atoi(strings.TrimSpace(u.ID))
		if err != nil || n < 1 || n > len(a.Groups) || !u.HasTarget || document.Blank(u.Target) {
			continue
		}
		g := a.Groups[n-1]
		if !same(u.Source, exported(g, source)) {
			continue
		}
		match := ""
		for _, l := range cands {
			if t := exported(g, l); t != "" && same(u.Target, t) {
				if match != "" {
					match = ""
					break
				}
				match = l
			}
		}
		if match != "" {
			only[match]++
		}
	}
	if len(only) != 1 {
		return ""
	}
	for l := range only {
		return l
	}
	return ""
}
