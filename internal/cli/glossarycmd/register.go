package glossarycmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
)

// Commands are glossary (its usage and the lint, list, show, add and add-word
// subcommands; exportcmd adds export and import) and check, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{
			{
				Name:        "glossary",
				Usage:       env.T("glossary.usage", nil),
				Description: env.T("check.glossary.description", nil),
				Subcommands: []*urfave.Command{lintCommand(a, env), listCommand(a, env), showCommand(a, env), addCommand(a, env), addWordCommand(a, env)},
			},
			checkCommand(a, env),
		}
	}
}
