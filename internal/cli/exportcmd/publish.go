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
	removed                    bool  // held back, and the exports of an earlier publish removed
	reason                     *hold // why it was held back, when not by the consistency gate
}

// hold is why publish holds a document back before the consistency gate:
// a requirement of tilmash.yaml's publish.require, or nothing to publish.
type hold struct {
	kind  string // the message is publish.held.KIND, its hint publish.held.KIND.hint
	count int    // for a plural message; 0 for the others
	data  map[string]any
}

// text is the localized reason.
func (h *hold) text(env *console.Env) string {
	if h.count > 0 {
		return env.N("publish.held."+h.kind, h.count, h.data)
	}
	return env.T("publish.held."+h.kind, h.data)
}

// ready holds back, before it is aligned, a document with an empty text
// (there is nothing in it to align or publish), without the source
// language, or, when publish.require lists all-languages (the default),
// without a text in one of the workspace languages.
func ready(ws *workspace.Workspace, id string) (*hold, error) {
	d, err := document.Open(ws, id)
	if err != nil {
		return nil, err
	}
	var empty, missing []string
	for _, l := range ws.Config.Languages {
		if d.Meta.Versions[l] == nil {
			if l == ws.Config.Source || ws.Config.Publish.Requires(workspace.RequireAllLanguages) {
				missing = append(missing, l)
			}
			continue
		}
		t, err := d.Text(l)
		if err != nil {
			return nil, err
		}
		if document.Blank(t) {
			empty = append(empty, l)
		}
	}
	switch {
	case len(empty) > 0:
		return &hold{kind: "empty", data: map[string]any{"ID": id, "Langs": strings.Join(empty, ", ")}}, nil
	case len(missing) > 0:
		return &hold{kind: "missing", data: map[string]any{"ID": id, "Langs": strings.Join(missing, ", ")}}, nil
	}
	return nil, nil
}

// aligned holds back, once it is aligned, a document with no group to
// publish or, when publish.require lists all-confirmed, with groups no
// person has confirmed.
func aligned(ws *workspace.Workspace, row published) *hold {
	switch {
	case row.groups == 0:
		return &hold{kind: "not-aligned", data: map[string]any{"ID": row.id}}
	case ws.Config.Publish.Requires(workspace.RequireAllConfirmed) && row.confirmed < row.groups:
		n := row.groups - row.confirmed
		return &hold{kind: "unconfirmed", count: n, data: map[string]any{"ID": row.id, "Total": row.groups}}
	}
	return nil
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
	if err := ws.CheckExportFolder(); err != nil {
		return err
	}
	var rows []published
	held, files := 0, 0
	holdBack := func(row published, h *hold) error {
		row.held, row.reason = true, h
		held++
		env.Say("publish.held.line", map[string]any{"ID": row.id, "Reason": h.text(env)})
		var err error
		row.removed, err = removeExports(ws, row.id)
		rows = append(rows, row)
		return err
	}
	steps := env.Steps(env.T("publish.progress", nil), len(ids))
	defer steps.Done()
	for _, id := range ids {
		steps.Step(id)
		if h, err := ready(ws, id); err != nil {
			return err
		} else if h != nil {
			if err := holdBack(published{id: id}, h); err != nil {
				return err
			}
			continue
		}
		res, err := aligncmd.Document(ws, id)
		if err != nil {
			return err
		}
		d, a := res.Doc, res.Alignment
		row := published{id: id}
		row.groups, row.confirmed, row.flagged = a.Counts()
		if h := aligned(ws, row); h != nil {
			if err := holdBack(row, h); err != nil {
				return err
			}
			continue
		}
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
	steps.Done()
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

// removeExports removes from export/ID the files an earlier publish wrote
// for a document publish now holds back, and reports whether there were
// any: left there, they would be shipped as if the document had passed.
// It removes only the files export/ID's manifest lists (without one, from
// a tilmash before manifests, the files publish would write for the
// document under their own names), and the folder only when publish made
// it and it is left empty: never a file or a folder publish did not write.
// export/ID itself is never followed: a symbolic link there is removed,
// not its target.
func removeExports(ws *workspace.Workspace, id string) (bool, error) {
	if err := document.ValidID(id); err != nil {
		return false, err
	}
	rel := filepath.Join(ws.Config.Export, id)
	path := ws.Path(rel)
	if !filepath.IsLocal(rel) || !workspace.Inside(ws.Root, filepath.Dir(path)) {
		return false, &workspace.EscapeError{Path: rel}
	}
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case info.Mode()&fs.ModeSymlink != 0:
		return true, os.Remove(path)
	case !info.IsDir():
		return false, nil // not a folder publish made
	}
	m, err := readManifest(path, rel)
	if err != nil {
		return false, err
	}
	names, created := []string(nil), false
	if m != nil {
		names, created = m.Files, m.Created
	} else if names, err = publishedNames(id, ws.Config.Source, ws.Config.Languages); err != nil {
		return false, err
	}
	n, err := removeFiles(path, names)
	if err != nil {
		return n > 0, err
	}
	if m != nil {
		if err := os.Remove(filepath.Join(path, ManifestName)); err != nil {
			return true, err
		}
	}
	if created && os.Remove(path) != nil {
		// Something else is in the folder publish made: it stays, and
		// the manifest keeps saying who made it.
		return n > 0, writeManifest(ws, rel, &manifest{Created: true, Files: []string{}})
	}
	return n > 0, nil
}

// publishDocument writes every bilingual format (one file per language
// pair for XLIFF) and every localized version of d into export/ID/, and
// returns how many files it wrote. It writes through ws.WriteFile, which
// refuses a path that leaves the workspace, also through a symbolic link
// (a cloned workspace may carry export -> /somewhere), and refuses an
// export/ID that leads into the workspace's own files.
//
// The manifest (ManifestName) is written first, listing the files of the
// last publish and of this one, so that a crash at any point leaves no
// file of publish's unlisted; then the files; then files of the last
// publish this one did not write are removed and the manifest lists
// exactly this publish's.
func publishDocument(ws *workspace.Workspace, id string, d *document.Document, a *document.Alignment, opt export.Options, marks []export.Mark) (int, error) {
	rel := filepath.Join(ws.Config.Export, id)
	dir := ws.Path(rel)
	if err := ws.CheckTarget(dir, rel, true); err != nil {
		return 0, err // export/ID is a link into documents/ or the glossary
	}
	if !workspace.Inside(ws.Root, dir) {
		return 0, &workspace.EscapeError{Path: rel}
	}
	plan, err := publishPlan(id, ws.Config.Source, opt.Langs, func(format string, langs ...string) func(*bytes.Buffer) error {
		o := opt
		switch {
		case len(langs) == 1:
			return func(b *bytes.Buffer) error { return export.Localized(b, format, d, langs[0], opt) }
		case len(langs) == 2:
			o.Source, o.Target = langs[0], langs[1]
		case format == "html":
			o.Marks = marks
		}
		return func(b *bytes.Buffer) error { return export.Write(b, format, d, a, o) }
	})
	if err != nil {
		return 0, err
	}
	var names []string
	for _, p := range plan {
		names = append(names, p.name)
	}
	old, err := readManifest(dir, rel)
	if err != nil {
		return 0, err
	}
	m := &manifest{}
	if old != nil {
		m.Created = old.Created
		m.Files = union(old.Files, names)
	} else {
		_, err := os.Lstat(dir)
		m.Created = errors.Is(err, fs.ErrNotExist)
		m.Files = names
	}
	if err := writeManifest(ws, rel, m); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range plan {
		data, err := render(p.fill)
		if err != nil {
			return n, err
		}
		if err := ws.WriteFile(filepath.Join(rel, p.name), data); err != nil {
			return n, err
		}
		n++
	}
	if old != nil {
		if _, err := removeFiles(dir, without(old.Files, names)); err != nil {
			return n, err
		}
	}
	m.Files = names
	return n, writeManifest(ws, rel, m)
}

// planned is one file publish writes for a document.
type planned struct {
	name string
	fill func(*bytes.Buffer) error // nil when only the names are wanted
}

// publishPlan lists the files publish writes for document id in langs:
// every bilingual format (XLIFF once per pair of source and another
// language), then every localized format per language. fill, when not
// nil, makes the writer of a format for its languages (none, a pair, or
// one).
func publishPlan(id, source string, langs []string, fill func(format string, langs ...string) func(*bytes.Buffer) error) ([]planned, error) {
	var out []planned
	add := func(format string, ls ...string) error {
		name, err := export.FileName(id, format, ls...)
		if err != nil {
			return err
		}
		p := planned{name: name}
		if fill != nil {
			p.fill = fill(format, ls...)
		}
		out = append(out, p)
		return nil
	}
	for _, format := range export.Formats {
		if !export.PairFormats[format] {
			if err := add(format); err != nil {
				return nil, err
			}
			continue
		}
		for _, t := range langs {
			if t != source {
				if err := add(format, source, t); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, lang := range langs {
		for _, format := range export.LocalizedFormats {
			if err := add(format, lang); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
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
		findings := fmt.Sprint(r.findings)
		if r.held {
			result = env.T("publish.held", nil)
			if r.reason != nil {
				result = env.T("publish.held.because", map[string]any{"Reason": r.reason.text(env)})
				findings = "—" // not checked: held back before the consistency gate
				if r.reason.kind == "empty" || r.reason.kind == "missing" {
					groups = "—" // held back before it was aligned
				}
			}
			if r.removed {
				result = env.T("export.publish.held-removed", map[string]any{"Held": result, "Dir": filepath.Join(ws.Config.Export, r.id)})
			}
			result = env.Paint(console.Red, result)
		} else {
			done++
		}
		table = append(table, []string{r.id, groups, findings, result})
	}
	for _, id := range excluded {
		table = append(table, []string{id, "—", "—", env.T("publish.excluded", nil)})
	}
	env.Table(header, table)
	env.SayN("publish.summary", done, map[string]any{"Files": files, "Dir": ws.Config.Export + string(filepath.Separator)})
	// One hint per reason, in the order of the rows: the hint for the
	// consistency gate says nothing useful about a missing translation.
	var hinted []string
	for _, r := range rows {
		hint := "publish.held.hint"
		if !r.held {
			continue
		} else if r.reason != nil {
			hint = "publish.held." + r.reason.kind + ".hint"
		}
		if !slices.Contains(hinted, hint) {
			hinted = append(hinted, hint)
			env.Hint(hint, nil)
		}
	}
}
