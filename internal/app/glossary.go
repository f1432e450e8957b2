package app

import (
	"errors"
	"slices"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// AlignCheck is the check of a freshly aligned document, which align
// reports in one line: the quick checks (see [QuickChecks]).
type AlignCheck struct {
	// Err is why the document was not checked: the glossary does not load,
	// or the check failed. The alignment stands all the same.
	Err error
	// Checked says some check ran.
	Checked  bool
	Findings []check.Finding
	// Notes are checks that could not run (spelling without hunspell or
	// its dictionary), each said once: the workbench's check only.
	Notes []qa.Note
	// kept is the check itself, for [App.RecheckAligned].
	kept *check.Checked
}

// CheckAligned runs the quick checks on an aligned document, or, when a
// is nil, on one not aligned yet (its texts alone): the findings status
// counts.
func (app *App) CheckAligned(d *document.Document, a *document.Alignment) AlignCheck {
	return app.checkAligned(d, a, nil, false)
}

// RecheckAligned is [App.CheckAligned] of a document that prev checked in
// an earlier state (an edit later, say): the groups whose texts did not
// change keep their findings, and only the others are checked again
// ([check.Suite.Recheck]); the findings are those CheckAligned gives. prev
// is of no use when the glossary or the checks changed since: then the
// whole document is checked. The result keeps what the next
// RecheckAligned needs (CheckAligned's does not: a check that is not kept
// spares copying it), so a zero prev starts a run of rechecks.
func (app *App) RecheckAligned(d *document.Document, a *document.Alignment, prev AlignCheck) AlignCheck {
	return app.checkAligned(d, a, prev.kept, true)
}

// WorkbenchCheck is [App.RecheckAligned] with the workbench's checks (see
// [WorkbenchChecks]): the quick checks and spelling, its hunspell
// processes taken from and given back to Spellers, so that tilmash serve,
// one long process, starts them once. Only the groups that changed since
// prev are spelt.
func (app *App) WorkbenchCheck(d *document.Document, a *document.Alignment, prev AlignCheck) AlignCheck {
	cfg, err := app.workbenchConfig(d.WS)
	if err != nil {
		return AlignCheck{Err: err}
	}
	return app.checkWith(d, a, prev.kept, true, cfg, spellLangs(d.WS.Config.Source, d.WS.Config.Languages, d))
}

// checkAligned is CheckAligned, or RecheckAligned when keep is set.
func (app *App) checkAligned(d *document.Document, a *document.Alignment, prev *check.Checked, keep bool) AlignCheck {
	return app.checkWith(d, a, prev, keep, QuickChecks(d.WS), d.WS.Config.Languages)
}

// checkWith is checkAligned with the checks cfg, spelling langs.
func (app *App) checkWith(d *document.Document, a *document.Alignment, prev *check.Checked, keep bool, cfg check.Config, langs []string) AlignCheck {
	fs, kept, notes, ok, err := app.findings(d.WS, d, a, prev, keep, cfg, langs)
	if err != nil {
		var gerr *glossaryError
		if errors.As(err, &gerr) {
			err = gerr.err
		}
		return AlignCheck{Err: err}
	}
	return AlignCheck{Checked: ok, Findings: fs, Notes: notes, kept: kept}
}

// Rechecked counts the groups (or paragraphs) the check ran on; the others
// kept their findings from the check RecheckAligned was given.
func (c AlignCheck) Rechecked() int {
	if c.kept == nil {
		return 0
	}
	return c.kept.Rechecked
}

// QuickChecks returns the checks status and align count: every check the
// workspace leaves on (tilmash.yaml's checks:) but spelling, which starts
// hunspell and takes seconds a document, and consistency, which compares
// every document of the workspace. check runs them all.
func QuickChecks(ws *workspace.Workspace) check.Config {
	cfg := check.ConfigFor(ws, nil)
	cfg.Checks = slices.DeleteFunc(cfg.Checks, func(n string) bool {
		return n == string(qa.Spelling) || n == string(qa.Consistency)
	})
	return cfg
}

// WorkbenchChecks returns the checks tilmash serve shows: the quick checks
// (see [QuickChecks]) and spelling when the workspace leaves it on. serve
// is one long process: it keeps its hunspell processes between requests
// (App.Spellers), and after the first check of a document spells only the
// groups an edit changed. Consistency, which compares every document,
// stays check's.
func WorkbenchChecks(ws *workspace.Workspace) check.Config {
	cfg := check.ConfigFor(ws, nil)
	cfg.Checks = slices.DeleteFunc(cfg.Checks, func(n string) bool {
		return n == string(qa.Consistency)
	})
	return cfg
}

// QuickOnly returns the findings of fs, found by the workbench's checks
// (see [WorkbenchChecks]), that the quick checks give: those status
// counts, without spelling's. fs is left as it is.
func QuickOnly(fs []check.Finding) []check.Finding {
	var out []check.Finding
	for _, f := range fs {
		if f.Check != string(qa.Spelling) {
			out = append(out, f)
		}
	}
	return out
}

// workbenchConfig is [WorkbenchChecks] with what spelling needs: the
// app's pool of spellers and the glossary folder's word lists.
func (app *App) workbenchConfig(ws *workspace.Workspace) (check.Config, error) {
	cfg := WorkbenchChecks(ws)
	cfg.Spellers, cfg.DicPath = app.Spellers, app.DicPath
	if err := spellingWords(ws, &cfg); err != nil {
		return check.Config{}, err
	}
	return cfg, nil
}

// quickFindings runs the quick checks on a document; ok is false when no
// check is on (or only the glossary's, and there is none). With keep, the
// check is kept too, for the next (kept), and is run again only where the
// document changed since prev when prev is not nil ([check.Suite.Recheck]).
// A glossary that does not load is a *glossaryError.
func (app *App) quickFindings(ws *workspace.Workspace, d *document.Document, a *document.Alignment, prev *check.Checked, keep bool) (fs []check.Finding, kept *check.Checked, ok bool, err error) {
	fs, kept, _, ok, err = app.findings(ws, d, a, prev, keep, QuickChecks(ws), ws.Config.Languages)
	return fs, kept, ok, err
}

// findings is quickFindings with the checks cfg, spelling the languages
// langs; notes are the checks that could not run.
func (app *App) findings(ws *workspace.Workspace, d *document.Document, a *document.Alignment, prev *check.Checked, keep bool, cfg check.Config, langs []string) (fs []check.Finding, kept *check.Checked, notes []qa.Note, ok bool, err error) {
	load := app.Glossary
	if app.CheckGlossary != nil {
		load = app.CheckGlossary
	}
	c, err := load(ws)
	if err != nil {
		return nil, nil, nil, false, &glossaryError{err}
	}
	suite := check.NewSuite(c, ws.Config.Source, langs, cfg)
	defer suite.Close()
	if suite.Empty() {
		return nil, nil, nil, false, nil
	}
	if keep {
		kept, err = suite.Recheck(0, d, a, prev)
		if err != nil {
			return nil, nil, nil, false, err
		}
		return kept.Report.Findings, kept, suite.Notes, true, nil
	}
	r, err := suite.Document(0, d, a)
	if err != nil {
		return nil, nil, nil, false, err
	}
	return r.Findings, nil, suite.Notes, true, nil
}

// TermsFromDir is align-files --glossary DIR: the folder's entries, in
// any language, as anchors. The first language is the source.
func (app *App) TermsFromDir(dir string, langs []string) (align.TermFinder, error) {
	src := ""
	if len(langs) > 0 {
		src = langs[0]
	}
	c, err := app.GlossaryDir(dir, src)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// glossaryGaps is what status says of the glossary's gaps (see
// check.Checker.Gaps), by language: the entries of the glossary the quick
// checks enforce that text in a language is not checked for. None when the
// glossary check is off or there is no glossary; !ok when the glossary
// does not load (status reports that instead).
func (app *App) glossaryGaps(ws *workspace.Workspace) ([]check.Gap, bool) {
	if !slices.Contains(QuickChecks(ws).Checks, check.Terms) {
		return nil, true
	}
	load := app.Glossary
	if app.CheckGlossary != nil {
		load = app.CheckGlossary
	}
	c, err := load(ws)
	if err != nil {
		return nil, false
	}
	if c == nil {
		return nil, true
	}
	return check.GapsByLang(c.Gaps), true
}

// countFindings is status's findings column: the errors and warnings of
// the quick checks in the document, or not ok when no check is on. A
// glossary that does not load is a *glossaryError, so that status can
// still list the documents.
func (app *App) countFindings(ws *workspace.Workspace, d *document.Document, a *document.Alignment) (errs, warns int, ok bool, err error) {
	fs, _, ok, err := app.quickFindings(ws, d, a, nil, false)
	if err != nil || !ok {
		return 0, 0, ok, err
	}
	for _, f := range fs {
		if f.Blocks() {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns, true, nil
}

// glossaryError is a workspace glossary that does not load (a YAML typo in
// one of its files, say). For status it is not a reason to show nothing.
type glossaryError struct{ err error }

func (e *glossaryError) Error() string { return e.err.Error() }
func (e *glossaryError) Unwrap() error { return e.err }
