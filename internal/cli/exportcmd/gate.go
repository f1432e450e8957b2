package exportcmd

import (
	"errors"
	"strings"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/glossary"
)

// verdict is what the consistency gate found for one export.
type verdict struct {
	blockers []export.Blocker
	// messages are the localized lines listing the blockers, in order.
	messages []string
	findings []glossary.Finding // the glossary findings among the blockers
	checker  *check.Checker     // nil without a glossary
}

// inspect runs the consistency gate over the languages being exported:
// flagged groups, and glossary findings whose language is one of langs.
// A glossary with lint problems cannot be enforced: the error is returned,
// unless force, in which case the check is skipped with a warning.
func inspect(env *console.Env, d *document.Document, a *document.Alignment, langs []string, force bool) (*verdict, error) {
	v := &verdict{}
	for _, b := range export.Flagged(a) {
		v.blockers = append(v.blockers, b)
		if b.Note != "" {
			v.messages = append(v.messages, env.T("export.gate.flagged-note", map[string]any{"Group": b.Group, "Note": b.Note}))
		} else {
			v.messages = append(v.messages, env.T("export.gate.flagged", map[string]any{"Group": b.Group}))
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
		if !contains(langs, f.Lang) {
			continue
		}
		v.findings = append(v.findings, f)
		v.blockers = append(v.blockers, export.Blocker{
			Group: f.Group, Lang: f.Lang, Kind: f.Kind, EntryID: f.EntryID, Text: f.Text, Expected: f.Expected,
		})
		msg := env.T(f.MessageID(), f.TemplateData())
		if msg == f.MessageID() {
			msg = f.Error()
		}
		if f.Group > 0 {
			msg = env.T("export.gate.finding", map[string]any{"Group": f.Group, "Finding": msg})
		}
		v.messages = append(v.messages, msg)
	}
	return v, nil
}

// apply prints the verdict. Without force, blockers refuse the export:
// the returned error maps to exit 1. With force, the export goes on and
// the blockers are returned for the output to record.
func (v *verdict) apply(env *console.Env, id string, force bool) ([]export.Blocker, error) {
	if len(v.blockers) == 0 {
		return nil, nil
	}
	if !force {
		for _, m := range v.messages {
			env.Say("export.gate.line", map[string]any{"Message": m})
		}
		env.SayN("export.gate.refused", len(v.blockers), map[string]any{"ID": id})
		env.Hint("export.gate.hint", map[string]any{"ID": id})
		return nil, &console.Findings{Count: len(v.blockers)}
	}
	env.Warn("export.gate.forced", map[string]any{"Count": len(v.blockers), "ID": id})
	return v.blockers, nil
}

// marks turns glossary matches and findings into HTML highlights: every
// accepted term found in a group's text, with the entry on hover, and
// every finding (a missing entry is marked where the source names it).
func (v *verdict) marks(env *console.Env, a *document.Alignment, langs []string) []export.Mark {
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
