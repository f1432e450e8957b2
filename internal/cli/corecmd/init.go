// Package corecmd holds the commands of the workspace itself: init,
// import and status.
package corecmd

import (
	"path/filepath"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
)

// Commands are init, import and status, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{initCommand(a, env), importCommand(a, env), statusCommand(a, env)}
	}
}

func initCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "init",
		Usage:       env.T("init.usage", nil),
		ArgsUsage:   env.T("init.args", nil),
		Description: env.T("init.description", nil),
		Action: func(c *urfave.Context) error {
			if c.NArg() > 1 {
				return env.Usage("app.too-many-args", map[string]any{"Command": "init", "Count": 1}, "")
			}
			dir := c.Args().First()
			if dir == "" {
				dir = "."
			}
			if !filepath.IsAbs(dir) && env.WorkspaceDir != "" { // -C ws init: in ws, as git -C
				dir = filepath.Join(env.WorkspaceDir, dir)
			}
			ws, err := a.Init(env.Abs(dir))
			if err != nil {
				return err
			}
			env.Say("init.done", map[string]any{"Root": ws.Root})
			// A workspace made inside another (an article's own folder,
			// say) takes over every command run in it, unnoticed.
			outer := a.EnclosingWorkspace(ws)
			if outer != "" {
				data := map[string]any{"Root": ws.Root, "Outer": outer}
				env.Warn("init.nested", data)
				env.Hint("init.nested.hint", data)
			}
			// In a git repository, the merge driver .gitattributes names
			// is configured too (a clone runs tilmash git setup).
			// Said as git setup says it: a driver git cannot find on
			// the PATH merges nothing.
			switch set, err := a.GitSetupIfRepo(ws); {
			case err != nil:
				env.WarnError(err)
			case set:
				cli.SaySetUp(env, ws.Root)
			}
			if outer == "" { // else the nested hint says where to import
				// The next step, as git init's users expect one: import,
				// in the new folder when it is not this one.
				data := map[string]any{"Args": env.T("import.args", nil), "Source": ws.Config.Source}
				if ws.Root != env.Abs(".") {
					data["Dir"] = dir
				}
				env.Hint("init.next.hint", data)
			}
			return nil
		},
	}
}
