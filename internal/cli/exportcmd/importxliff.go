package exportcmd

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
)

func importXLIFFCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "import-xliff",
		Usage:       env.T("import-xliff.usage", nil),
		ArgsUsage:   env.T("import-xliff.args", nil),
		Description: env.T("import-xliff.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "force", Usage: env.T("import-xliff.flag.force", nil)},
			&urfave.StringFlag{Name: "lang", Usage: env.T("import-xliff.flag.lang", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() < 1 || c.NArg() > 2 {
				return env.Usage("app.want-args", map[string]any{"Command": "import-xliff", "Args": env.T("import-xliff.args", nil)}, "import-xliff.hint")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			data, name, err := env.ReadInput(c.Args().Get(0))
			if err != nil {
				if swapped(c.Args().Get(0), c.Args().Get(1), err) {
					return locale.NewError("import-xliff.swapped", map[string]any{"File": c.Args().Get(0), "XLIFF": c.Args().Get(1)}).
						WithHint("import-xliff.swapped.hint").OfKind(locale.Usage).Wrap(err)
				}
				return err
			}
			f, err := app.ReadXLIFFFile(app.Input{Name: name, Data: data})
			if err != nil {
				return err
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			var marker review.Marker
			if m, err := a.Marker(ws); err != nil {
				env.Warn("review.unchecked", map[string]any{"Err": errText(env, err)})
			} else {
				marker = m
			}
			force := c.Bool("force")
			res, err := a.ImportXLIFF(ws, f, app.ImportXLIFFOptions{ID: c.Args().Get(1), Force: force, Marker: marker, Target: c.String("lang")})
			if res != nil {
				if res.TargetFrom == "document" {
					env.Say("import-xliff.target-from-document", map[string]any{"File": name, "Lang": res.Target, "ID": res.ID})
				}
				cli.WarnRecovered(env, res.Recovered)
				for _, p := range res.Problems {
					if force {
						env.Warn(p.Message, p.Data)
					} else {
						env.Say(p.Message, p.Data)
					}
				}
			}
			if err != nil {
				return err
			}
			if force && len(res.Problems) > 0 {
				env.Warn("import-xliff.skipped", map[string]any{"Count": len(res.Problems)})
			}
			if res.Edit == nil {
				env.Say("import-xliff.nothing", map[string]any{"File": name, "ID": res.ID})
				return nil
			}
			env.SayN("import-xliff.done", res.Groups, map[string]any{"ID": res.ID, "File": name, "Lang": res.Target,
				"Texts": res.Texts, "Confirmed": res.Confirmed, "Unconfirmed": res.Unconfirmed, "Notes": res.Notes})
			for _, g := range res.Edit.Change.Gaps {
				env.Warn("review.gap", map[string]any{"Group": g.Group, "Langs": strings.Join(g.Langs, ", ")})
			}
			cli.WarnLostFormatting(env, res.ID, res.Edit.LostFormatting)
			if res.Edit.Findings > 0 {
				env.Warn("import-xliff.findings", map[string]any{"Count": res.Edit.Findings, "Groups": review.FormatRange(res.Edit.Change.New)})
			}
			env.Hint("import-xliff.undo", map[string]any{"ID": res.ID})
			return nil
		},
	}
}

// swapped reports whether import-xliff was given the document first and
// the XLIFF file second (the order of export DOC, check DOC): the first
// argument is no file (err says so) and the second names an XLIFF file.
func swapped(first, second string, err error) bool {
	ext := strings.ToLower(filepath.Ext(second))
	return first != "-" && errors.Is(err, fs.ErrNotExist) && (ext == ".xlf" || ext == ".xliff")
}

// errText renders an error in the reader's language when it names a
// catalogue message.
func errText(env *console.Env, err error) string {
	var m locale.Message
	if errors.As(err, &m) {
		if s := env.T(m.MessageID(), m.TemplateData()); s != m.MessageID() {
			return s
		}
	}
	return err.Error()
}
