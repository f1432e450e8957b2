package exportcmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/cli/aligncmd"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/export/termbase"
	"github.com/tilmash/tilmash/internal/workspace"
)

func publishCommand(env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "publish",
		Usage:       env.T("publish.usage", nil),
		ArgsUsage:   env.T("publish.args", nil),
		Description: env.T("publish.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "force", Usage: env.T("publish.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			ids := c.Args().Slice()
			var excluded []string
			if len(ids) == 0 {
				all, err := document.List(ws)
				if err != nil {
					return err
				}
				for _, id := range all {
					if slices.Contains(ws.Config.Publish.Exclude, id) {
						excluded = append(excluded, id)
					} else {
						ids = append(ids, id)
					}
				}
			}
			for _, id := range ids {
				if err := document.ValidID(id); err != nil {
					return err
				}
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			return Publish(env, ws, ids, excluded, c.Bool("force"))
		},
	}
}

// publishedFormats are the formats publish writes for every document.
var publishedFormats = append(append([]string(nil), export.Formats...), export.LocalizedFormats...)

// published is one row of the publish summary.
type published struct {
	id                         string
	groups, confirmed, flagged int
	findings                   int
	files                      int
	held                       bool
	removed                    bool // held back, and the exports of an earlier publish removed
}

// Publish is the README's main job: for each document it aligns (keeping
// confirmed groups), checks, and exports every format into the workspace's
// export folder, export/DOC/. A document that fails the consistency gate
// (flagged groups, glossary findings) is held back, unless force, and its
// export/DOC/ from an earlier publish is removed so that nobody ships it;
// the others are still published. The glossary is exported as term bases
// beside them. It returns a *console.Findings (exit 1) when a document was
// held back.
func Publish(env *console.Env, ws *workspace.Workspace, ids, excluded []string, force bool) error {
	var rows []published
	held, files := 0, 0
	for _, id := range ids {
		res, err := aligncmd.Document(ws, id)
		if err != nil {
			return err
		}
		d, a := res.Doc, res.Alignment
		row := published{id: id}
		row.groups, row.confirmed, row.flagged = a.Counts()
		langs := d.Languages()
		v, err := Inspect(env, d, a, langs, force)
		if err != nil {
			return err
		}
		for _, b := range v.Blockers {
			if b.Kind != export.KindFlagged {
				row.findings++
			}
		}
		forced, err := v.Apply(env, id, force, publishedFormats)
		var f *console.Findings
		if errors.As(err, &f) {
			row.held = true
			held++
			if row.removed, err = removeExports(ws, id); err != nil {
				return err
			}
			rows = append(rows, row)
			continue
		} else if err != nil {
			return err
		}
		opt := options(env)
		opt.Langs, opt.Forced = langs, forced
		n, err := publishDocument(ws, id, d, a, opt, v.Marks(env, a, langs))
		if err != nil {
			return err
		}
		row.files = n
		files += n
		rows = append(rows, row)
	}
	n, err := publishGlossary(ws)
	if err != nil {
		return err
	}
	files += n
	printPublished(env, ws, rows, excluded, files)
	if held > 0 {
		return &console.Findings{Count: held}
	}
	return nil
}

// removeExports deletes export/ID of a document publish held back, and
// reports whether there was one: files of an earlier publish left there
// would be shipped as if the document had passed. The path is built only
// from the validated id under the workspace's export folder, and that
// folder must lie inside the workspace with links resolved. export/ID
// itself is never followed: a symbolic link there is removed, not its
// target (os.RemoveAll unlinks a link, and does not follow the links
// inside a folder it deletes).
func removeExports(ws *workspace.Workspace, id string) (bool, error) {
	if err := document.ValidID(id); err != nil {
		return false, err
	}
	rel := filepath.Join(ws.Config.Export, id)
	path := ws.Path(rel)
	if !filepath.IsLocal(rel) || !workspace.Inside(ws.Root, filepath.Dir(path)) {
		return false, &workspace.EscapeError{Path: rel}
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if err := os.RemoveAll(path); err != nil {
		return false, err
	}
	return true, nil
}

// publishDocument writes every bilingual format (one file per language
// pair for XLIFF) and every localized version of d into export/ID/, and
// returns how many files it wrote. It writes through ws.WriteFile, which
// refuses a path that leaves the workspace, also through a symbolic link
// (a cloned workspace may carry export -> /somewhere).
func publishDocument(ws *workspace.Workspace, id string, d *document.Document, a *document.Alignment, opt export.Options, marks []export.Mark) (int, error) {
	n := 0
	write := func(name string, fill func(*bytes.Buffer) error) error {
		data, err := render(fill)
		if err != nil {
			return err
		}
		n++
		return ws.WriteFile(filepath.Join(ws.Config.Export, id, name), data)
	}
	source := ws.Config.Source
	for _, format := range export.Formats {
		o := opt
		if format == "html" {
			o.Marks = marks
		}
		if !export.PairFormats[format] {
			name, err := export.FileName(d.ID, format)
			if err != nil {
				return n, err
			}
			if err := write(name, func(b *bytes.Buffer) error { return export.Write(b, format, d, a, o) }); err != nil {
				return n, err
			}
			continue
		}
		for _, t := range opt.Langs {
			if t == source {
				continue
			}
			o.Source, o.Target = source, t
			name, err := export.FileName(d.ID, format, source, t)
			if err != nil {
				return n, err
			}
			if err := write(name, func(b *bytes.Buffer) error { return export.Write(b, format, d, a, o) }); err != nil {
				return n, err
			}
		}
	}
	for _, lang := range opt.Langs {
		for _, format := range export.LocalizedFormats {
			name, err := export.FileName(d.ID, format, lang)
			if err != nil {
				return n, err
			}
			if err := write(name, func(b *bytes.Buffer) error { return export.Localized(b, format, d, lang, opt) }); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// publishGlossary writes the glossary as every term base format into the
// export folder: OmegaT, Trados and Translate Toolkit can then use the
// same terms.
func publishGlossary(ws *workspace.Workspace) (int, error) {
	g, probs, _, err := check.ReadGlossary(ws)
	if err != nil {
		return 0, err
	}
	if g == nil || len(g.Entries) == 0 || len(probs) > 0 {
		return 0, nil // nothing to publish; lint problems were reported by the gate
	}
	n := 0
	langs := ws.Config.Languages
	for _, format := range termbase.Formats {
		var pairs [][]string
		if termbase.PairFormats[format] {
			for _, t := range langs {
				if t != ws.Config.Source {
					pairs = append(pairs, []string{ws.Config.Source, t})
				}
			}
		} else {
			pairs = [][]string{langs}
		}
		for _, ls := range pairs {
			name := "glossary" + termbase.Extensions[format]
			if termbase.PairFormats[format] {
				name = "glossary." + strings.Join(ls, "-") + termbase.Extensions[format]
			}
			data, err := render(func(b *bytes.Buffer) error {
				return termbase.Write(b, format, g, termbase.Options{Langs: ls, Version: cli.Version})
			})
			if err != nil {
				return n, err
			}
			if err := ws.WriteFile(filepath.Join(ws.Config.Export, name), data); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

func printPublished(env *console.Env, ws *workspace.Workspace, rows []published, excluded []string, files int) {
	header := []string{env.T("status.col.document", nil), env.T("publish.col.groups", nil), env.T("publish.col.findings", nil), env.T("publish.col.result", nil)}
	var table [][]string
	done := 0
	for _, r := range rows {
		groups := env.N("status.groups", r.groups, map[string]any{"Confirmed": r.confirmed})
		if r.flagged > 0 {
			groups += ", " + env.N("status.flagged", r.flagged, nil)
		}
		result := env.N("publish.files", r.files, map[string]any{"Dir": filepath.Join(ws.Config.Export, r.id)})
		if r.held {
			result = env.T("publish.held", nil)
			if r.removed {
				result = env.T("export.publish.held-removed", map[string]any{"Held": result, "Dir": filepath.Join(ws.Config.Export, r.id)})
			}
			result = env.Paint(console.Red, result)
		} else {
			done++
		}
		table = append(table, []string{r.id, groups, fmt.Sprint(r.findings), result})
	}
	for _, id := range excluded {
		table = append(table, []string{id, "—", "—", env.T("publish.excluded", nil)})
	}
	env.Table(header, table)
	env.SayN("publish.summary", done, map[string]any{"Files": files, "Dir": ws.Config.Export + string(filepath.Separator)})
	if len(rows) > done {
		env.Hint("publish.held.hint", nil)
	}
}
