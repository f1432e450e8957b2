package app

import (
	"errors"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/glossary"
)

// Verdict is what the consistency gate found for one export. export and
// publish both use it, so both refuse the same documents for the same
// reasons.
type Verdict struct {
	// Blockers are the flagged groups and glossary findings, in order:
	// first Flagged, then one for each of Findings.
	Blockers []export.Blocker
	// Flagged are the flagged groups among the blockers.
	Flagged []export.Blocker
	// Findings are the glossary findings among the blockers.
	Findings []glossary.Finding
	// Skipped is the lint error of a glossary that could not be enforced
	// and was skipped because the export was forced; nil otherwise.
	Skipped *check.LintError

	checker *check.Checker // nil without a glossary
}

// Inspect runs the consistency gate over the languages being exported:
// flagged groups, and glossary findings whose language is one of langs.
// a may be nil (a document that is not aligned: its texts are checked as
// check does). A glossary with lint problems cannot be enforced: the
// error is returned, unless force, in which case the check is skipped
// (Verdict.Skipped says so).
func (app *App) Inspect(d *document.Document, a *document.Alignment, langs []string, force bool) (*Verdict, error) {
	v := &Verdict{}
	for _, b := range export.Flagged(a) {
		v.Blockers = append(v.Blockers, b)
		v.Flagged = append(v.Flagged, b)
	}
	c, err := app.Glossary(d.WS)
	if err != nil {
		var lint *check.LintError
		if force && errors.As(err, &lint) {
			v.Skipped = lint
			return v, nil
		}
		return nil, err
	}
	if c == nil {
		return v, nil
	}
	v.checker = c
	var fs []glossary.Finding
	if a != nil && len(a.Groups) > 0 {
		fs = c.Alignment(d.ID, a, nil)
	} else {
		r, err := c.Document(d, a)
		if err != nil {
			return nil, err
		}
		fs = r.Plain()
	}
	for _, f := range fs {
		if !slices.Contains(langs, f.Lang) {
			continue
		}
		v.Findings = append(v.Findings, f)
		v.Blockers = append(v.Blockers, export.Blocker{
			Group: f.Group, Lang: f.Lang, Kind: f.Kind, EntryID: f.EntryID, Text: f.Text, Expected: f.Expected,
		})
	}
	return v, nil
}

// Refuses says whether the gate refuses the export: it has blockers and
// the export is not forced. A forced export records the blockers
// (export.Options.Forced).
func (v *Verdict) Refuses(force bool) bool { return len(v.Blockers) > 0 && !force }

// Unrecorded lists the formats among formats that cannot record a forced
// export (export.Records): for those the warning is the only record.
func Unrecorded(formats []string) []string {
	var out []string
	for _, f := range formats {
		if !export.Records(f) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// Marks turns glossary matches and findings into HTML highlights
// (export.Options.Marks): every accepted term found in a group's text,
// with the entry on hover, and every finding (a missing entry is marked
// where the source names it), titled by label.
func (v *Verdict) Marks(a *document.Alignment, langs []string, label func(glossary.Finding) string) []export.Mark {
	if v.checker == nil {
		return nil
	}
	var out []export.Mark
	g := v.checker.Glossary
	titles := map[string]string{}
	title := func(id string) string {
		if t, ok := titles[id]; ok {
			return t
		}
		e := g.Lookup(id)
		if e == nil {
			return id
		}
		parts := []string{id}
		for _, l := range g.Langs {
			if f := e.Langs[l]; f != nil && f.Term != "" {
				parts = append(parts, l+": "+f.Term)
			}
		}
		t := strings.Join(parts, " · ")
		if e.Note != "" {
			t += " — " + e.Note
		}
		titles[id] = t
		return t
	}
	for gi, grp := range a.Groups {
		for _, l := range langs {
			seen := map[[2]int]bool{}
			for _, m := range v.checker.Matcher.Find(l, grp.Text(l)) {
				if m.Forbidden || seen[[2]int{m.Start, m.End}] {
					continue
				}
				seen[[2]int{m.Start, m.End}] = true
				out = append(out, export.Mark{Group: gi + 1, Lang: l, Start: m.Start, End: m.End, Class: export.MarkTerm, Title: title(m.EntryID)})
			}
		}
	}
	for _, f := range v.Findings {
		if f.Group == 0 {
			continue
		}
		lang := f.Lang
		if f.Kind == glossary.FindingMissing {
			lang = f.SrcLang
		}
		out = append(out, export.Mark{Group: f.Group, Lang: lang, Start: f.Start, End: f.End, Class: export.MarkFinding, Title: label(f)})
	}
	return out
}
