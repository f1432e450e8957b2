package app

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Verdict is what the consistency gate found for one export. export and
// publish both use it, so both refuse the same documents for the same
// reasons.
type Verdict struct {
	// Blockers are the flagged groups and error findings, in order: first
	// Flagged, then one for each of Findings.
	Blockers []export.Blocker
	// Flagged are the flagged groups among the blockers.
	Flagged []export.Blocker
	// Reasons say why each flagged group is flagged (FlagNotesAt), by
	// group number: what show --flagged says of it.
	Reasons map[int][]locale.Message
	// Findings are the findings among the blockers: those of the checks
	// whose severity is error (the glossary's, numbers, links, untranslated, and
	// any tilmash.yaml makes an error).
	Findings []check.Finding
	// Skipped is the lint error of a glossary that could not be enforced
	// and was skipped because the export was forced; nil otherwise.
	Skipped *check.LintError
	// Gaps are the glossary's entries with no form in one of the
	// languages exported, by language (see check.Checker.Gaps): the gate
	// did not check that language's text for them. None when the gate
	// does not run the glossary check.
	Gaps []check.Gap

	checker *check.Checker // nil without a glossary
}

// Inspect runs the consistency gate over the languages being exported:
// flagged groups, and findings of severity error whose language is one of
// langs. Only the checks whose findings are errors run (see
// [check.ConfigFor]); consistency, when tilmash.yaml makes it an error,
// compares the document with every other document of the workspace. a may
// be nil (a document that is not aligned: its texts are checked as check
// does). A glossary with lint problems cannot be enforced: the error is
// returned, unless force, in which case the glossary check is skipped
// (Verdict.Skipped says so) and the others still run.
func (app *App) Inspect(d *document.Document, a *document.Alignment, langs []string, force bool) (*Verdict, error) {
	v := &Verdict{}
	for _, b := range export.Flagged(a) {
		v.Blockers = append(v.Blockers, b)
		v.Flagged = append(v.Flagged, b)
		if v.Reasons == nil {
			v.Reasons = map[int][]locale.Message{}
		}
		v.Reasons[b.Group] = FlagNotesAt(a, b.Group-1)
	}
	c, err := app.Glossary(d.WS)
	if err != nil {
		var lint *check.LintError
		if !force || !errors.As(err, &lint) {
			return nil, err
		}
		v.Skipped, c = lint, nil
	}
	v.checker = c
	cfg, consistency := gateChecks(d.WS)
	cfg.Spellers, cfg.DicPath = app.Spellers, app.DicPath
	if err := spellingWords(d.WS, &cfg); err != nil {
		return nil, err
	}
	spell := []string{}
	if slices.Contains(cfg.Checks, string(qa.Spelling)) {
		spell = spellLangs(d.WS.Config.Source, langs, d)
	}
	suite := check.NewSuite(c, d.WS.Config.Source, spell, cfg)
	defer suite.Close()
	if c != nil && suite.On(check.Terms) {
		v.Gaps = gapsIn(check.GapsByLang(c.Gaps), langs)
	}
	var fs []check.Finding
	if !suite.Empty() {
		r, err := suite.Document(0, d, a)
		if err != nil {
			return nil, err
		}
		fs = r.Findings
		if r.Scope != check.ScopeGroup {
			for i := range fs {
				fs[i].Group = 0 // no group to name (see check.Report.Plain)
			}
		}
	}
	if consistency {
		cf, err := app.workspaceConsistency(d, cfg)
		if err != nil {
			return nil, err
		}
		fs = append(fs, cf...)
	}
	for _, f := range fs {
		if !f.Blocks() || !slices.Contains(langs, f.Lang) {
			continue
		}
		v.Findings = append(v.Findings, f)
		v.Blockers = append(v.Blockers, export.Blocker{
			Group: f.Group, Lang: f.Lang, Kind: f.Kind, EntryID: f.EntryID, Text: f.Text, Expected: f.Expected,
		})
	}
	return v, nil
}

// gapsIn returns the gaps of the languages langs.
func gapsIn(gaps []check.Gap, langs []string) []check.Gap {
	return slices.DeleteFunc(gaps, func(g check.Gap) bool { return !slices.Contains(langs, g.Lang) })
}

// gateChecks is the configuration of the checks the gate runs: those
// whose findings are errors, without consistency, and whether consistency
// is one of them (it compares the document with all the others).
func gateChecks(ws *workspace.Workspace) (cfg check.Config, consistency bool) {
	cfg = check.ConfigFor(ws, nil)
	probe := check.NewSuite(nil, ws.Config.Source, nil, check.Config{Checks: []string{}, Severity: cfg.Severity})
	var errorChecks []string
	for _, n := range cfg.Checks {
		if probe.SeverityOf(n) == qa.Error {
			errorChecks = append(errorChecks, n)
		}
	}
	// endings runs beside terms even as a warning (its findings do not
	// block): it is what drops the missing finding of a name written with
	// a wrong Kazakh ending, as check does.
	if slices.Contains(errorChecks, check.Terms) && slices.Contains(cfg.Checks, string(qa.Endings)) && !slices.Contains(errorChecks, string(qa.Endings)) {
		errorChecks = append(errorChecks, string(qa.Endings))
	}
	consistency = slices.Contains(errorChecks, string(qa.Consistency))
	cfg.Checks = slices.DeleteFunc(errorChecks, func(n string) bool { return n == string(qa.Consistency) })
	return cfg, consistency
}

// gateConsistency says whether the gate compares each document with the
// others (tilmash.yaml makes consistency an error).
func gateConsistency(ws *workspace.Workspace) bool {
	_, c := gateChecks(ws)
	return c
}

// consistencyDigest is the digest of what the consistency gate compares a
// document with: the alignment of every document of the workspace.
func consistencyDigest(ws *workspace.Workspace, r *workspace.Reader) (string, error) {
	ids, err := document.List(ws)
	if err != nil {
		return "", err
	}
	d := newDigester("consistency")
	for _, id := range ids {
		if err := d.file(r, filepath.Join(document.Folder, id, document.AlignmentName)); err != nil {
			return "", err
		}
	}
	return d.sum(), nil
}

// workspaceConsistency returns the consistency findings that have a place
// in document d, comparing the confirmed groups of every aligned document
// of the workspace. Each is given at its first place in d.
func (app *App) workspaceConsistency(d *document.Document, cfg check.Config) ([]check.Finding, error) {
	ids, err := document.List(d.WS)
	if err != nil {
		return nil, err
	}
	cfg.Checks = []string{string(qa.Consistency)}
	suite := check.NewSuite(nil, d.WS.Config.Source, nil, cfg)
	defer suite.Close()
	for i, id := range ids {
		other, err := document.Open(d.WS, id)
		if err != nil {
			return nil, err
		}
		a, err := other.Alignment()
		if err != nil {
			return nil, err
		}
		if a == nil {
			continue
		}
		if _, err := suite.Document(i, other, a); err != nil {
			return nil, err
		}
	}
	var out []check.Finding
	for _, f := range suite.Consistency() {
		for _, p := range f.Places {
			if p.Doc == d.ID {
				f.Doc, f.Group, f.Position, f.Scope = p.Doc, p.Group, p.Position, p.Scope
				out = append(out, f)
				break
			}
		}
	}
	return out, nil
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
func (v *Verdict) Marks(a *document.Alignment, langs []string, label func(check.Finding) string) []export.Mark {
	var out []export.Mark
	if v.checker != nil {
		out = v.termMarks(a, langs)
	}
	for _, f := range v.Findings {
		if f.Group == 0 {
			continue
		}
		lang := f.Lang
		if f.InSource {
			lang = f.SrcLang
		}
		out = append(out, export.Mark{Group: f.Group, Lang: lang, Start: f.Start, End: f.End, Class: export.MarkFinding, Title: label(f)})
	}
	return out
}

// termMarks marks every accepted term found in the groups' texts.
func (v *Verdict) termMarks(a *document.Alignment, langs []string) []export.Mark {
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
	return out
}
