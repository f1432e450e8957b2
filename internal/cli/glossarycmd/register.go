package glossarycmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/cli/aligncmd"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// init registers the commands and plugs the workspace glossary check into
// the commands of the core and of aligncmd, which leave hooks for it so
// that they need not import the glossary.
func init() {
	cli.Register(commands)
	cli.CountFindings = countFindings
	aligncmd.GlossaryFinder = glossaryFinder
	aligncmd.TermFinder = termFinder
	aligncmd.Findings = alignFindings
}

// commands are glossary (its usage and the lint, list, show and add
// subcommands; exportcmd adds export and import) and check.
func commands(env *console.Env) []*urfave.Command {
	return []*urfave.Command{
		{
			Name:        "glossary",
			Usage:       env.T("glossary.usage", nil),
			Description: env.T("check.glossary.description", nil),
			Subcommands: []*urfave.Command{lintCommand(env), listCommand(env), showCommand(env), addCommand(env)},
		},
		checkCommand(env),
	}
}

// countFindings is status's findings column: the document's findings
// with the workspace glossary, or not ok when there is no glossary. A
// glossary that does not load is a *cli.GlossaryError, so that status can
// still list the documents.
func countFindings(ws *workspace.Workspace, d *document.Document, a *document.Alignment) (int, bool, error) {
	c, err := check.Load(ws)
	if err != nil {
		return 0, false, &cli.GlossaryError{Err: err}
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

// glossaryFinder is align-files --glossary DIR: the folder's entries, in
// any language, as anchors. The first language is the source.
func glossaryFinder(dir string, langs []string) (align.TermFinder, error) {
	src := ""
	if len(langs) > 0 {
		src = langs[0]
	}
	c, err := check.LoadDir(dir, src)
	if err != nil {
		return nil, err
	}
	return c, nil
}
