package exportcmd

import (
	"errors"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/glossary"
)

// Verdict is what the consistency gate found for one export. publish uses
// it too, so both refuse the same documents for the same reasons.
type Verdict struct {
	// Blockers are the flagged groups and glossary findings, in order.
	Blockers []export.Blocker
	// Messages are the localized lines describing the blockers.
	Messages []string
	findings []glossary.Finding // the glossary findings among the blockers
	checker  *check.Checker     // nil without a glossary
}

// Inspect runs the consistency gate over the languages being exported:
// flagged groups, and glossary findings whose language is one of langs.
// a may be nil (a document that is not aligned: its texts are checked as
// check does). A glossary with lint problems cannot be enforced: the
// error is returned, unless force, in which case the check is skipped with
// a warning.
func Inspect(env *console.Env, d *document.Document, a *document.Alignment, langs []string, force bool) (*Verdict, error) {
	v := &Verdict{}
	for _, b := range export.Flagged(a) {
		v.Blockers = append(v.Blockers, b)
		if b.Note != "" {
			v.Messages = append(v.Messages, env.T("export.gate.flagged-note", map[string]any{"Group": b.Group, "Note": b.Note}))
		} else {
			v.Messages = append(v.Messages, env.T("export.gate.flagged", map[string]any{"Group": b.Group}))
		}
	}
	c, err := check.Load(d.WS)
	if err != nil {
		var lint *check.LintError
		if force && errors.As(err, &lint) {
			env.Warn("export.gate.glossary-skipped", map[string]any{"Pos": lint.Problems[0].Pos(), "Count": len(lint.Problems)})
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
		fs, err = check.Document(d.WS, d, a)
		if err != nil {
			return nil, err
		}
	}
	for _, f := range fs {
		if !slices.Contains(langs, f.Lang) {
			continue
		}
		v.findings = append(v.findings, f)
		v.Blockers = append(v.Blockers, export.Blocker{
			Group: f.Group, Lang: f.Lang, Kind: f.Kind, EntryID: f.EntryID, Text: f.Text, Expected: f.Expected,
		})
		msg := env.T(f.MessageID(), f.TemplateData())
		if msg == f.MessageID() {
			msg = f.Error()
		}
		if f.Group > 0 {
			msg = env.T("export.gate.finding", map[string]any{"Group": f.Group, "Finding": msg})
		}
		v.Messages = append(v.Messages, msg)
	}
	return v, nil
}

// Apply prints the verdict. Without force, blockers refuse the export:
// the returned error (a *console.Findings) maps to exit 1. With force, the
// export goes on with a warning, and the blockers are returned for the
// output to record (export.Options.Forced). formats are the formats about
// to be written: the warning says which of them cannot record the forcing
// (export.Records), since for those it is the only record there is.
func (v *Verdict) Apply(env *console.Env, id string, force bool, formats []string) ([]export.Blocker, error) {
	if len(v.Blockers) == 0 {
		return nil, nil
	}
	if !force {
		for _, m := range v.Messages {
			env.Say("export.gate.line", map[string]any{"Message": m})
		}
		env.SayN("export.gate.refused", len(v.Blockers), map[string]any{"ID": id})
		env.Hint("export.gate.hint", map[string]any{"ID": id})
		return nil, &console.Findings{Count: len(v.Blockers)}
	}
	var unrecorded []string
	for _, f := range formats {
		if !export.Records(f) && !slices.Contains(unrecorded, f) {
			unrecorded = append(unrecorded, f)
		}
	}
	data := map[string]any{"Count": len(v.Blockers), "ID": id, "Formats": strings.Join(unrecorded, ", ")}
	switch {
	case len(unrecorded) == 0:
		env.Warn("export.gate.forced", data)
	case len(formats) == 1:
		env.Warn("export.gate.forced-unrecorded", data)
	default:
		env.Warn("export.gate.forced-some", data)
	}
	return v.Blockers, nil
}

// Marks turns glossary matches and findings into HTML highlights
// (export.Options.Marks): every accepted term found in a group's text,
// with the entry on hover, and every finding (a missing entry is marked
// where the source names it).
func (v *Verdict) Marks(env *console.Env, a *document.Alignment, langs []string) []export.Mark {
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
	for _, f := range v.findings {
		if f.Group == 0 {
			continue
		}
		lang := f.Lang
		if f.Kind == glossary.FindingMissing {
			lang = f.SrcLang
		}
		msg := env.T(f.MessageID(), f.TemplateData())
		if msg == f.MessageID() {
			msg = f.Error()
		}
		out = append(out, export.Mark{Group: f.Group, Lang: lang, Start: f.Start, End: f.End, Class: export.MarkFinding, Title: msg})
	}
	return out
}
