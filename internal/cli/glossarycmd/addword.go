package glossarycmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
)

// addWordCommand is glossary add-word LANG WORD...: the words go in the
// glossary folder's word list of LANG, which the spelling check accepts
// (app.AddWords, the workbench's "add to the word list" too).
func addWordCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "add-word",
		Usage:       env.T("check.add-word.usage", nil),
		ArgsUsage:   env.T("check.add-word.args", nil),
		Description: env.T("check.add-word.description", nil),
		Action: func(c *urfave.Context) error {
			if c.NArg() < 2 {
				return env.Usage("app.want-args", map[string]any{"Command": "glossary add-word", "Args": env.T("check.add-word.args", nil)}, "check.add-word.hint")
			}
			ws, unlock, err := env.LockedWorkspace()
			if err != nil {
				return err
			}
			defer unlock()
			args := c.Args().Slice()
			res, err := a.AddWords(ws, args[0], args[1:])
			if err != nil {
				return err
			}
			for _, w := range res.Known {
				env.Say("check.add-word.known", map[string]any{"Word": w, "File": res.File})
			}
			if len(res.Added) > 0 {
				env.Say("check.add-word.done", map[string]any{"Count": len(res.Added), "File": res.File})
			}
			return nil
		},
	}
}
