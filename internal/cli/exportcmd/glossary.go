package exportcmd

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export/termbase"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
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
			if _, ok := termbase.Extensions[format]; !ok {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(termbase.Formats, ", ")}, "glossary-export.hint")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			langs, err := parseLangs(ws, c.String("langs"))
			if err != nil {
				return err
			}
			out, err := resolveOutput(env, ws, c.String("output"), c.Bool("force"))
			if err != nil {
				return err
			}
			g, probs, _, err := check.ReadGlossary(ws)
			if err != nil {
				return err
			}
			if g == nil {
				g = glossary.New(ws.Config.Languages)
			}
			if len(probs) > 0 {
				env.Warn("glossary-export.lint", map[string]any{"Count": len(probs), "Pos": probs[0].Pos()})
				env.Hint("glossary-export.lint.hint", nil)
			}
			opt := termbase.Options{Langs: langs, Version: a.Version}
			data, err := app.Render(func(b *bytes.Buffer) error { return termbase.Write(b, format, g, opt) })
			if err != nil {
				return err
			}
			name := "glossary" + termbase.Extensions[format]
			if termbase.PairFormats[format] {
				name = "glossary." + strings.Join(langs, "-") + termbase.Extensions[format]
			}
			p, err := out.Write(name, data)
			if err != nil {
				return err
			}
			if p != "" {
				env.SayN("glossary-export.written", termbase.Count(g, format, langs), map[string]any{"File": shown(env, out, name)})
			}
			return nil
		},
	}
}

func glossaryImportCommand(env *console.Env) *urfave.Command {
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
			langs, err := parseLangs(ws, c.String("langs"))
			if err != nil {
				return err
			}
			data, name, err := env.ReadInput(file)
			if err != nil {
				return err
			}
			format := c.String("format")
			if format == "" {
				if format = termbase.Detect(name, data); format == "" {
					return env.Usage("glossary-import.unknown-format", map[string]any{"File": name, "Formats": strings.Join(termbase.Formats, ", ")}, "")
				}
			} else if _, ok := termbase.Extensions[format]; !ok {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(termbase.Formats, ", ")}, "glossary-import.hint")
			}
			// TBX names its languages; a CSV or TSV without tilmash's
			// header line does not, and guessing its columns would
			// silently file terms under the wrong language.
			read := langs
			if len(read) == 0 && !termbase.PairFormats[format] {
				read = ws.Config.Languages
			}
			entries, err := termbase.Read(bytes.NewReader(data), name, format, read)
			if err != nil {
				return err
			}
			if len(entries) == 0 {
				return locale.NewError("glossary-import.no-entries", map[string]any{"File": name, "Langs": strings.Join(ws.Config.Languages, ", ")})
			}
			// Where the YAML goes: -o, else the workspace glossary folder,
			// named after the input.
			o := c.String("output")
			var dest, shown string
			switch {
			case o == "-":
			case o != "":
				dest, shown = o, o
				if !filepath.IsAbs(dest) {
					dest = filepath.Join(env.Dir, dest)
				}
			default:
				base := document.Slug(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), 64)
				if base == "" || file == "-" {
					base = "imported"
				}
				dest = ws.Path(ws.Config.Glossary, base+".yaml")
				shown = ws.Rel(dest)
			}
			yamlData, err := termbase.Marshal(entries, "Imported by tilmash glossary import from "+filepath.Base(name)+" ("+format+").")
			if err != nil {
				return err
			}
			if dest == "" {
				_, err := env.Stdout.Write(yamlData)
				return err
			}
			// The glossary folder belongs to the workspace: write under
			// its lock, and report ids that other files already use. The
			// file must be looked for under the lock too: another writer
			// may create it while this one waits.
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			// Into the glossary folder by design; never over tilmash.yaml,
			// the lock or documents/, not even with --force. An existing
			// file anywhere is refused below without --force.
			if err := ws.CheckTarget(dest, shown, true, workspace.AreaGlossary); err != nil {
				return err
			}
			if _, err := os.Stat(dest); err == nil && !c.Bool("force") {
				return locale.NewError("glossary-import.exists", map[string]any{"Path": shown}).WithHint("glossary-import.exists.hint")
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			if workspace.Inside(ws.Path(ws.Config.Glossary), dest) {
				clashes(env, ws, dest, entries)
			}
			// A file in the workspace goes through ws.WriteFile, which
			// refuses links out of it; an -o elsewhere is the user's choice.
			write := func() error { return workspace.WriteFileAtomic(dest, yamlData) }
			if rel, err := filepath.Rel(ws.Root, dest); err == nil && filepath.IsLocal(rel) {
				write = func() error { return ws.WriteFile(rel, yamlData) }
			}
			if err := write(); err != nil {
				var esc *workspace.EscapeError
				if errors.As(err, &esc) {
					return err
				}
				return app.CannotWrite(dest, err)
			}
			_, probs := glossary.Parse(shown, yamlData, ws.Config.Languages)
			env.SayN("glossary-import.done", len(entries), map[string]any{"File": shown, "Format": format})
			if len(probs) > 0 {
				env.Warn("glossary-import.lint", map[string]any{"Count": len(probs), "First": probs[0].Error()})
				env.Hint("glossary-export.lint.hint", nil)
			}
			return nil
		},
	}
}

// clashes warns about imported ids that other glossary files already use.
func clashes(env *console.Env, ws *workspace.Workspace, dest string, entries []*glossary.Entry) {
	g, _, _, err := check.ReadGlossary(ws)
	if err != nil || g == nil {
		return
	}
	var ids []string
	for _, e := range entries {
		if old := g.Lookup(e.ID); old != nil && ws.Path(old.File) != dest && old.File != dest {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) > 0 {
		env.Warn("glossary-import.clash", map[string]any{"Count": len(ids), "IDs": strings.Join(ids, ", ")})
	}
}
