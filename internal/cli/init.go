package cli

import (
	"github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/workspace"
)

// coreCommands are the commands of the workspace itself: they are always
// there, whatever command groups a binary links in.
func coreCommands(env *console.Env) []*cli.Command {
	return []*cli.Command{initCommand(env), importCommand(env), statusCommand(env)}
}

func initCommand(env *console.Env) *cli.Command {
	return &cli.Command{
		Name:        "init",
		Usage:       env.T("init.usage", nil),
		ArgsUsage:   env.T("init.args", nil),
		Description: env.T("init.description", nil),
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return env.Usage("app.too-many-args", map[string]any{"Command": "init", "Max": 1}, "")
			}
			dir := c.Args().First()
			if dir == "" {
				dir = "."
			}
			ws, err := workspace.Init(resolve(env, dir))
			if err != nil {
				return err
			}
			if err := ws.WriteFile(".gitignore", []byte(gitignore)); err != nil {
				return err
			}
			env.Say("init.done", map[string]any{"Root": ws.Root})
			return nil
		},
	}
}

// gitignore keeps a workspace's local state out of git: the lock, the
// export folder and the undo journals (git keeps the history).
const gitignore = workspace.LockFile + "\n/export/\ndocuments/*/journal/\n"
