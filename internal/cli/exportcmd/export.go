package exportcmd

import (
	"bytes"
	"slices"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/workspace"
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

// parseLangs reads --langs: codes separated by commas or spaces, each a
// workspace language.
func parseLangs(ws *workspace.Workspace, s string) ([]string, error) {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		l = strings.ToLower(l)
		if !ws.HasLanguage(l) {
			return nil, document.BadLanguage(l, ws.Config.Languages)
		}
		out = append(out, l)
	}
	return out, nil
}

func exportGroups(ap *app.App, env *console.Env, c *urfave.Context, d *document.Document, out *output) error {
	format := c.String("format")
	if format == "" {
		format = "tmx"
	}
	if _, ok := export.Extensions[format]; !ok || format == "txt" {
		return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(export.Formats, ", ")}, "export.format.hint")
	}
	langs, err := parseLangs(d.WS, c.String("langs"))
	if err != nil {
		return err
	}
	a, err := d.Alignment()
	if err != nil {
		return err
	}
	if a == nil || len(a.Groups) == 0 {
		return export.NotAligned(d.ID)
	}
	if len(langs) == 0 {
		for _, l := range d.WS.Config.Languages {
			if slices.Contains(a.Languages, l) && d.Meta.Versions[l] != nil {
				langs = append(langs, l)
			}
		}
	}
	for _, l := range langs {
		if !slices.Contains(a.Languages, l) {
			return export.BadLang(l, "unknown", a.Languages)
		}
	}
	if texts, err := d.Texts(); err == nil {
		if errs := a.Verify(d.WS.Rel(d.AlignmentFile()), texts); len(errs) > 0 {
			env.Warn("export.stale", map[string]any{"ID": d.ID, "Count": len(errs)})
		}
	}
	force := c.Bool("force")
	v, err := ap.Inspect(d, a, langs, force)
	if err != nil {
		return err
	}
	if err := printGate(env, d.ID, v, force, []string{format}); err != nil {
		return err
	}
	opt := ap.ExportOptions(labels(env))
	opt.Langs = langs
	if len(v.Blockers) > 0 {
		opt.Forced = v.Blockers
	}
	if format == "html" {
		opt.Marks = v.Marks(a, langs, func(f glossary.Finding) string { return findingText(env, f) })
	}
	if n := export.Replaced(a, langs); n > 0 {
		env.Warn("export.replaced", map[string]any{"Count": n})
	}
	if !export.PairFormats[format] {
		name, err := export.FileName(d.ID, format)
		if err != nil {
			return err
		}
		data, err := app.Render(func(b *bytes.Buffer) error { return export.Write(b, format, d, a, opt) })
		if err != nil {
			return err
		}
		return report(env, out, name, data)
	}
	// XLIFF holds one language pair per file: one file per target.
	source := langs[0]
	if slices.Contains(langs, d.WS.Config.Source) {
		source = d.WS.Config.Source
	}
	var targets []string
	for _, l := range langs {
		if l != source {
			targets = append(targets, l)
		}
	}
	if len(targets) == 0 {
		return env.Usage("export.xliff-one-lang", map[string]any{"Lang": source}, "export.xliff.hint")
	}
	if len(targets) > 1 {
		switch {
		case out.path == "":
			// Several files cannot share standard output: they go to the
			// workspace's export folder, as publish writes them.
			out = &output{path: d.WS.Path(d.WS.Config.Export), isDir: true, ws: d.WS}
		case !out.isDir:
			return env.Usage("export.xliff-pairs", map[string]any{"Targets": strings.Join(targets, ", "), "Output": out.given}, "export.xliff.hint")
		}
	}
	// Every file is made and checked before the first is written, so a
	// refused one leaves none behind.
	var names []string
	var files [][]byte
	for _, t := range targets {
		opt.Source, opt.Target = source, t
		name, err := export.FileName(d.ID, format, source, t)
		if err != nil {
			return err
		}
		data, err := app.Render(func(b *bytes.Buffer) error { return export.Write(b, format, d, a, opt) })
		if err != nil {
			return err
		}
		names, files = append(names, name), append(files, data)
	}
	if err := out.check(names...); err != nil {
		return err
	}
	for i, name := range names {
		if err := report(env, out, name, files[i]); err != nil {
			return err
		}
	}
	return nil
}

// report writes data and says where it went.
func report(env *console.Env, out *output, name string, data []byte) error {
	p, err := out.write(env, name, data)
	if err != nil || p == "" {
		return err
	}
	env.Say("export.written", map[string]any{"File": out.shown(env, name)})
	return nil
}

func exportLocalized(ap *app.App, env *console.Env, c *urfave.Context, d *document.Document, lang string, out *output) error {
	format := c.String("format")
	if format == "" {
		format = "md"
	}
	if !slices.Contains(export.LocalizedFormats, format) {
		return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(export.LocalizedFormats, ", ")}, "export.lang.hint")
	}
	if !d.WS.HasLanguage(lang) {
		return document.BadLanguage(lang, d.WS.Config.Languages)
	}
	if d.Meta.Versions[lang] == nil {
		return document.MissingLanguage(d.ID, lang)
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
	if err := printGate(env, d.ID, v, force, []string{format}); err != nil {
		return err
	}
	opt := ap.ExportOptions(labels(env))
	if len(v.Blockers) > 0 {
		opt.Forced = v.Blockers
	}
	name, err := export.FileName(d.ID, format, lang)
	if err != nil {
		return err
	}
	data, err := app.Render(func(b *bytes.Buffer) error { return export.Localized(b, format, d, lang, opt) })
	if err != nil {
		return err
	}
	return report(env, out, name, data)
}
