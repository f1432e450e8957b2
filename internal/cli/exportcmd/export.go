package exportcmd

import (
	"slices"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
)

func exportCommand(ap *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "export",
		Usage:       env.T("export.usage", nil),
		ArgsUsage:   env.T("export.args", nil),
		Description: env.T("export.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: env.T("export.flag.format", nil)},
			&urfave.StringFlag{Name: "langs", Usage: env.T("export.flag.langs", nil)},
			&urfave.StringFlag{Name: "lang", Usage: env.T("export.flag.lang", nil)},
			&urfave.StringFlag{Name: "units", Usage: env.T("export.flag.units", nil)},
			&urfave.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: env.T("export.flag.output", nil)},
			&urfave.BoolFlag{Name: "force", Usage: env.T("export.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() != 1 {
				return env.Usage("app.want-args", map[string]any{"Command": "export", "Args": env.T("export.args", nil)}, "export.hint")
			}
			id := c.Args().First()
			if err := document.ValidID(id); err != nil {
				return err
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			d, err := document.Open(ws, id)
			if err != nil {
				return err
			}
			out, err := resolveOutput(env, ws, c.String("output"), c.Bool("force"))
			if err != nil {
				return err
			}
			if lang := c.String("lang"); lang != "" {
				if c.IsSet("langs") {
					return env.Usage("export.lang-and-langs", nil, "export.hint")
				}
				return exportLocalized(ap, env, c, d, lang, out)
			}
			return exportGroups(ap, env, c, d, out)
		},
	}
}

func exportGroups(ap *app.App, env *console.Env, c *urfave.Context, d *document.Document, out *app.Output) error {
	format := c.String("format")
	if format == "" {
		format = "tmx"
	}
	if !slices.Contains(export.Formats, format) {
		id := "app.bad-format"
		if slices.Contains(export.LocalizedAll, format) {
			id = "export.format-needs-lang" // docx, txt: not "unknown"
		}
		return env.Usage(id, map[string]any{"Format": format, "Formats": strings.Join(export.Formats, ", ")}, "export.format.hint")
	}
	units := strings.ToLower(c.String("units"))
	if units != "" && format != "tmx" && slices.Contains(export.Units, units) {
		// (not "--units partial is not possible", which the values
		// listed after it contradict)
		return env.Usage("export.units-not-tmx", map[string]any{"Units": units, "Format": format, "ID": d.ID}, "export.units-not-tmx.hint")
	}
	if units != "" && (format != "tmx" || !slices.Contains(export.Units, units)) {
		return env.Usage("export.bad-units", map[string]any{"Units": c.String("units"), "Values": strings.Join(export.Units, ", ")}, "export.units.hint")
	}
	langs, err := cli.ParseLangs(d.WS, c.String("langs"))
	if err != nil {
		return err
	}
	a, langs, err := app.ExportGroupsLangs(d, langs)
	if err != nil {
		return err
	}
	if c.IsSet("langs") && len(langs) == 1 && !export.PairFormat(format) {
		// Every group format sets languages side by side: one language
		// would make a TMX or a table of one column. XLIFF says it in
		// its own words (app.ExportGroups).
		return env.Usage("export.langs-one", map[string]any{"Format": format, "Lang": langs[0]}, "export.langs-one.hint")
	}
	// Sentences in no group (a language imported after align, the
	// sentences a new version added) are not in the files: said, as
	// status and import say it, with the language left out whole when
	// --langs was not given.
	counted := langs
	if !c.IsSet("langs") {
		counted = d.Languages()
	}
	st, err := ap.ExportGroupsState(d, a, counted)
	if err != nil {
		return err
	}
	if len(st.Stale) > 0 {
		env.Warn("export.stale", map[string]any{"ID": d.ID, "Count": len(st.Stale)})
		env.HintOf(st.Stale[0])
	}
	for _, l := range counted {
		if n := st.Unaligned[l]; n > 0 {
			env.Warn("export.unaligned", map[string]any{"Count": n, "Lang": l, "ID": d.ID})
		}
	}
	if len(st.Unaligned) > 0 {
		env.Hint("export.unaligned.hint", map[string]any{"ID": d.ID})
	}
	// An output that cannot take the files is refused before the gate
	// warns of "exporting despite" what it exports nothing of.
	if err := app.CheckExportOutput(d, format, langs, out); err != nil {
		return err
	}
	force := c.Bool("force")
	v, err := ap.Inspect(d, a, langs, force)
	if err != nil {
		return err
	}
	if err := printGate(env, d.ID, v, force, []string{format}, false); err != nil {
		return err
	}
	opt := ap.ExportGroupsOptions(d, a, v, format, langs, units, labels(env))
	if n := export.Replaced(a, langs); n > 0 {
		env.Warn("export.replaced", map[string]any{"Count": n})
	}
	if err := warnUnplaced(ap, env, d, export.CarriesFormatting(format, false), langs); err != nil {
		return err
	}
	res, err := ap.ExportGroups(d, a, format, langs, opt, out)
	report(env, res)
	if res.NoUnits {
		// A valid TMX all the same (a script's next step finds its
		// file), but an empty one is not what --units partial was
		// asked for: said, as publish says it by writing none.
		env.Warn("export.partial-none", map[string]any{"ID": d.ID, "Langs": strings.Join(langs, ", ")})
	}
	return err
}

// report says where the files of an export went: nothing for standard
// output.
func report(env *console.Env, res app.Exported) {
	if res.Out.Path == "" {
		return
	}
	for _, name := range res.Names {
		env.Say("export.written", map[string]any{"File": shown(env, res.Out, name)})
	}
}

func exportLocalized(ap *app.App, env *console.Env, c *urfave.Context, d *document.Document, lang string, out *app.Output) error {
	format := c.String("format")
	if format == "" {
		format = "md"
	}
	if !slices.Contains(export.LocalizedAll, format) {
		id := "app.bad-format"
		if slices.Contains(export.Formats, format) {
			id = "export.format-bilingual" // tmx, xliff…: not "unknown"
		}
		return env.Usage(id, map[string]any{"Format": format, "Formats": strings.Join(export.LocalizedAll, ", ")}, "export.lang.hint")
	}
	if units := strings.ToLower(c.String("units")); units != "" {
		// an article has no units: not ignored in silence
		if !slices.Contains(export.Units, units) {
			return env.Usage("export.bad-units", map[string]any{"Units": c.String("units"), "Values": strings.Join(export.Units, ", ")}, "export.units.hint")
		}
		return env.Usage("export.units-not-tmx", map[string]any{"Units": units, "Format": format, "ID": d.ID}, "export.units-not-tmx.hint")
	}
	if err := app.ExportLocalizedLang(d, lang); err != nil {
		return err
	}
	if format == "docx" && out.Path == "" && env.OutTTY {
		// A Word file on the terminal only garbles the screen: it goes
		// to the workspace's export folder, as XLIFF files for several
		// targets do. A pipe or a redirection still gets it.
		out = app.ExportFolder(d.WS)
	}
	a, err := d.Alignment()
	if err != nil {
		return err
	}
	force := c.Bool("force")
	v, err := ap.Inspect(d, a, []string{lang}, force)
	if err != nil {
		return err
	}
	if err := printGate(env, d.ID, v, force, []string{format}, false); err != nil {
		return err
	}
	opt := ap.ExportOptions(labels(env))
	if len(v.Blockers) > 0 {
		opt.Forced = v.Blockers
	}
	if err := warnUnplaced(ap, env, d, export.CarriesFormatting(format, true), []string{lang}); err != nil {
		return err
	}
	res, err := ap.ExportLocalized(d, format, lang, opt, out)
	report(env, res)
	return err
}

// warnUnplaced says, one line a span, the formatting of langs that an
// export leaves out because a change of the text outside tilmash took
// its words away (see [app.UnplacedFormatting]), with how to have it
// back: said where it is lost, not by every command. An export that
// carries no formatting (carries false: txt, XLIFF, CSV…) says nothing.
func warnUnplaced(ap *app.App, env *console.Env, d *document.Document, carries bool, langs []string) error {
	if !carries {
		return nil
	}
	lost, err := ap.UnplacedFormatting(d, langs)
	if err != nil {
		return err
	}
	cli.WarnLostFormatting(env, d.ID, lost)
	return nil
}
