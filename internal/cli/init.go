package cli

import (
	"errors"
	"io/fs"
	"strings"

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
				return env.Usage("app.too-many-args", map[string]any{"Command": "init", "Count": 1}, "")
			}
			dir := c.Args().First()
			if dir == "" {
				dir = "."
			}
			ws, err := workspace.Init(env.Abs(dir))
			if err != nil {
				return err
			}
			if err := ignoreLocalState(ws); err != nil {
				return err
			}
			env.Say("init.done", map[string]any{"Root": ws.Root})
			return nil
		},
	}
}

// gitignore keeps a workspace's local state out of git: the lock, the
// export folder, the undo journals (git keeps the history) and the
// temporary files a killed writer may leave.
var gitignore = []string{workspace.LockFile, "/export/", "documents/*/journal/", "*" + workspace.TempSuffix}

// ignoreLocalState adds the lines of gitignore that .gitignore lacks,
// keeping everything already there (init may run in an existing repository).
func ignoreLocalState(ws *workspace.Workspace) error {
	old, err := ws.ReadFile(".gitignore")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	out := string(old)
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	for _, l := range gitignore {
		if !have[l] {
			out += l + "\n"
		}
	}
	if out == string(old) {
		return nil
	}
	return ws.WriteFile(".gitignore", []byte(out))
}
