// Package gitcmd holds the git commands: the setup of a repository that
// shares a workspace, and the merge driver git runs for alignment.yaml
// and meta.yaml.
package gitcmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/locale"
)

// Commands is the git command and its subcommands, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{{
			Name:        "git",
			Usage:       env.T("git.usage", nil),
			Description: env.T("git.description", nil),
			Subcommands: []*urfave.Command{setupCommand(a, env), mergeDriverCommand(a, env)},
		}}
	}
}

func setupCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "setup",
		Usage:       env.T("git.setup.usage", nil),
		Description: env.T("git.setup.description", nil),
		Action: func(c *urfave.Context) error {
			if c.NArg() > 0 {
				return env.Usage("app.no-args", map[string]any{"Command": "git setup"}, "")
			}
			ws, unlock, err := env.LockedWorkspace()
			if err != nil {
				return err
			}
			defer unlock()
			if err := a.GitSetup(ws); err != nil {
				return err
			}
			cli.SaySetUp(env, ws.Root)
			return nil
		},
	}
}

func mergeDriverCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "merge-driver",
		Usage:       env.T("git.merge-driver.usage", nil),
		ArgsUsage:   env.T("git.merge-driver.args", nil),
		Description: env.T("git.merge-driver.description", nil),
		Action: func(c *urfave.Context) error {
			if c.NArg() != 4 {
				return env.Usage("git.merge-driver.args-count", map[string]any{"Count": c.NArg()}, "git.merge-driver.hint")
			}
			args := c.Args().Slice()
			left, addedBoth, err := a.GitMerge(env.Abs(args[0]), env.Abs(args[1]), env.Abs(args[2]), args[3])
			if err != nil {
				return err
			}
			if addedBoth {
				return locale.NewError("git.merge-driver.added-both", map[string]any{"Path": args[3]}).
					WithHint("git.merge-driver.added-both.hint").OfKind(locale.Findings)
			}
			if left > 0 {
				// Non-zero tells git the file is left with conflict
				// markers for a person.
				return locale.NewError("git.merge-driver.left", map[string]any{"Path": args[3], "Count": left}).
					WithHint("git.merge-driver.left.hint").OfKind(locale.Findings)
			}
			return nil
		},
	}
}
