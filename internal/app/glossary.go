package app

import (
	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// AlignCheck is the glossary check of a freshly aligned document, which
// align reports in one line.
type AlignCheck struct {
	// Err is why the document was not checked: the glossary does not load,
	// or the check failed. The alignment stands all the same.
	Err error
	// Checked says there was a glossary to check against.
	Checked  bool
	Findings []check.Finding
}

// CheckAligned checks an aligned document against the workspace glossary.
func (app *App) CheckAligned(d *document.Document, a *document.Alignment) AlignCheck {
	c, err := app.Glossary(d.WS)
	if err != nil {
		return AlignCheck{Err: err}
	}
	if c == nil {
		return AlignCheck{}
	}
	r, err := c.Document(d, a)
	if err != nil {
		return AlignCheck{Err: err}
	}
	return AlignCheck{Checked: true, Findings: r.Findings}
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

// countFindings is status's findings column: the document's findings
// with the workspace glossary, or not ok when there is no glossary. A
// glossary that does not load is a *glossaryError, so that status can
// still list the documents.
func (app *App) countFindings(ws *workspace.Workspace, d *document.Document, a *document.Alignment) (int, bool, error) {
	c, err := app.Glossary(ws)
	if err != nil {
		return 0, false, &glossaryError{err}
	}
	if c == nil {
		return 0, false, nil
	}
	r, err := c.Document(d, a)
	if err != nil {
		return 0, false, err
	}
	return len(r.Findings), true, nil
}

// glossaryError is a workspace glossary that does not load (a YAML typo in
// one of its files, say). For status it is not a reason to show nothing.
type glossaryError struct{ err error }

func (e *glossaryError) Error() string { return e.err.Error() }
func (e *glossaryError) Unwrap() error { return e.err }
