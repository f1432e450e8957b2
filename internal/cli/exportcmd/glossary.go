package exportcmd

import (
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/export/termbase"
)

func glossaryExportCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "export",
		Usage:       env.T("glossary-export.usage", nil),
		Description: env.T("glossary-export.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "tbx", Usage: env.T("glossary-export.flag.format", nil)},
			&urfave.StringFlag{Name: "langs", Usage: env.T("glossary-export.flag.langs", nil)},
			&urfave.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: env.T("glossary-export.flag.output", nil)},
			&urfave.BoolFlag{Name: "force", Usage: env.T("glossary-export.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() > 0 {
				return env.Usage("app.no-args", map[string]any{"Command": "glossary export"}, "glossary-export.hint")
			}
			format := c.String("format")
			if termbase.Extension(format) == "" {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(termbase.Formats, ", ")}, "glossary-export.hint")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			langs, err := cli.ParseLangs(ws, c.String("langs"))
			if err != nil {
				return err
			}
			out, err := resolveOutput(env, ws, c.String("output"), c.Bool("force"))
			if err != nil {
				return err
			}
			x, err := a.ExportGlossary(ws, format, langs)
			if err != nil {
				return err
			}
			if len(x.Problems) > 0 {
				env.Warn("glossary-export.lint", map[string]any{"Count": len(x.Problems), "Pos": x.Problems[0].Pos()})
				env.Hint("glossary-export.lint.hint", nil)
			}
			p, err := out.Write(x.Name, x.Data)
			if err != nil {
				return err
			}
			if p != "" {
				env.SayN("glossary-export.written", x.Terms, map[string]any{"File": shown(env, out, x.Name)})
			}
			return nil
		},
	}
}

func glossaryImportCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "import",
		Usage:       env.T("glossary-import.usage", nil),
		ArgsUsage:   env.T("glossary-import.args", nil),
		Description: env.T("glossary-import.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: env.T("glossary-import.flag.format", nil)},
			&urfave.StringFlag{Name: "langs", Usage: env.T("glossary-import.flag.langs", nil)},
			&urfave.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: env.T("glossary-import.flag.output", nil)},
			&urfave.BoolFlag{Name: "force", Usage: env.T("glossary-import.flag.force", nil)},
			&urfave.BoolFlag{Name: "skip-existing", Usage: env.T("glossary-import.flag.skip-existing", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() != 1 {
				return env.Usage("app.want-args", map[string]any{"Command": "glossary import", "Args": env.T("glossary-import.args", nil)}, "glossary-import.hint")
			}
			file := c.Args().First()
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			langs, err := cli.ParseLangs(ws, c.String("langs"))
			if err != nil {
				return err
			}
			data, name, err := env.ReadInput(file)
			if err != nil {
				return err
			}
			t, err := a.ReadTermBase(ws, data, name, c.String("format"), langs)
			if err != nil {
				return err
			}
			// Where the YAML goes: -o, else the workspace glossary folder,
			// named after the input.
			var dest, shown string
			switch o := c.String("output"); o {
			case "-":
				_, err := env.Stdout.Write(t.YAML)
				return err
			case "":
				dest, shown = app.ImportedName(ws, file)
			default:
				dest, shown = env.Abs(o), o
			}
			// The glossary folder belongs to the workspace: write under
			// its lock.
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			res, err := a.WriteTermBase(ws, t, dest, shown, app.ImportOptions{Force: c.Bool("force"), SkipExisting: c.Bool("skip-existing")})
			if err != nil {
				return err
			}
			if len(res.Same) > 0 {
				env.SayN("glossary-import.same", len(res.Same), map[string]any{"Count": len(res.Same)})
			}
			if len(res.Skipped) > 0 {
				env.SayN("glossary-import.skipped", len(res.Skipped), map[string]any{"Count": len(res.Skipped), "IDs": strings.Join(res.Skipped, ", ")})
			}
			if res.Written == 0 {
				env.Say("glossary-import.nothing-new", map[string]any{"File": name})
				return nil
			}
			env.SayN("glossary-import.done", res.Written, map[string]any{"File": shown, "Format": t.Format})
			// Entries without a form in a workspace language (a two-language
			// term base) leave the glossary usable: said per language, as
			// check says it. Other problems keep check from enforcing it.
			probs := res.Blocking
			for _, g := range res.Gaps {
				env.Warn("glossary-import.gap", map[string]any{"Count": len(g.IDs), "Lang": g.Lang, "IDs": g.Names()})
				env.Hint("check.glossary-gap.hint", map[string]any{"Lang": g.Lang})
			}
			if len(probs) > 0 {
				env.Warn("glossary-import.lint", map[string]any{"Count": len(probs), "First": probs[0].Error()})
				env.Hint("glossary-export.lint.hint", nil)
			}
			return nil
		},
	}
}
