package exportcmd

import (
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
)

func importTMXCommand(ap *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "import-tmx",
		Usage:       env.T("import-tmx.usage", nil),
		ArgsUsage:   env.T("import-tmx.args", nil),
		Description: env.T("import-tmx.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "force", Usage: env.T("import-tmx.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() < 1 || c.NArg() > 2 {
				return env.Usage("app.want-args", map[string]any{"Command": "import-tmx", "Args": env.T("import-tmx.args", nil)}, "import-tmx.hint")
			}
			file := c.Args().Get(0)
			id := c.Args().Get(1)
			given, shownName := file, file
			if file == "-" {
				given, shownName = "", env.T("app.stdin", nil)
			}
			if id == "" {
				// Refused before the workspace is looked for.
				if _, err := app.TMXSlug(given, shownName); err != nil {
					return err
				}
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			data, name, err := env.ReadInput(file)
			if err != nil {
				return err
			}
			f, err := app.ReadTMXFile(app.Input{Name: name, Data: data})
			if err != nil {
				return err
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			res, err := ap.ImportTMXFile(ws, f, app.ImportTMXFileOptions{ID: id, File: given, Force: c.Bool("force")})
			if res != nil {
				cli.WarnRecovered(env, res.Recovered)
			}
			if err != nil {
				return err
			}
			if res.Merge != nil {
				sayMerged(env, res.ID, res.Merge)
				return nil
			}
			mem := res.Import
			a, created := mem.Alignment, mem.Created
			if len(mem.OtherLangs) > 0 {
				env.Warn("import-tmx.other-langs", map[string]any{"Langs": strings.Join(mem.OtherLangs, ", ")})
			}
			if mem.Skipped > 0 {
				env.Warn("import-tmx.skipped", map[string]any{"Count": mem.Skipped})
			}
			if mem.Duplicates > 0 {
				env.Warn("import-tmx.duplicates", map[string]any{"Count": mem.Duplicates})
			}
			if mem.Flattened > 0 {
				env.Warn("import-tmx.flattened", map[string]any{"Count": mem.Flattened})
			}
			n, conf, flag := a.Counts()
			msg := "import-tmx.updated"
			if created {
				msg = "import-tmx.created"
			}
			env.SayN(msg, n, map[string]any{"ID": res.ID, "Langs": strings.Join(mem.Langs, ", "), "Confirmed": conf, "Flagged": flag})
			return nil
		},
	}
}

// sayMerged says what a CAT tool's memory changed in document id.
func sayMerged(env *console.Env, id string, res *document.TMXMerge) {
	cli.WarnLostFormatting(env, id, res.LostFormatting)
	if res.Unused > 0 {
		env.Warn("import-tmx.unused", map[string]any{"ID": id, "Count": res.Unused})
	}
	data := map[string]any{"ID": id, "Langs": strings.Join(res.Langs, ", "), "Matched": res.Matched, "Sentences": res.Sentences}
	n := 0
	for _, gs := range res.Changed {
		n += len(gs)
	}
	if n == 0 {
		env.Say("import-tmx.merged-none", data)
		return
	}
	env.SayN("import-tmx.merged", n, data)
}
