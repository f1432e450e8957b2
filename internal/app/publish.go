package app

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/export/termbase"
	"github.com/tilmash/tilmash/internal/workspace"
)

// articlePrefix names, in publish.formats, the one-language versions of
// a localized format: article-html is DOC.LANG.html for every language.
const articlePrefix = "article-"

// publishFormats are the export formats publish writes for the workspace
// (tilmash.yaml's publish.formats, or every one), each named once, for
// what the consistency gate says of them.
func publishFormats(p workspace.Publish) []string {
	var out []string
	for _, f := range workspace.PublishFormats {
		if p.Writes(f) {
			if f = strings.TrimPrefix(f, articlePrefix); !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// Published is one row of the publish summary.
type Published struct {
	ID                         string
	Groups, Confirmed, Flagged int
	Findings                   int
	Files                      int
	Held                       bool
	Removed                    bool  // held back, and the exports of an earlier publish removed
	Reason                     *Hold // why it was held back, when not by the consistency gate
}

// Hold is why publish holds a document back before the consistency gate:
// a requirement of tilmash.yaml's publish.require, or nothing to publish.
type Hold struct {
	Kind  string // the message is publish.held.KIND, its hint publish.held.KIND.hint
	Count int    // for a plural message; 0 for the others
	Data  map[string]any
}

// ready holds back, before it is aligned, a document with an empty text
// (there is nothing in it to align or publish), without the source
// language, or, when publish.require lists all-languages (the default),
// without a text in one of the workspace languages.
func ready(ws *workspace.Workspace, id string) (*Hold, error) {
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
		return &Hold{Kind: "empty", Data: map[string]any{"ID": id, "Langs": strings.Join(empty, ", ")}}, nil
	case len(missing) > 0:
		return &Hold{Kind: "missing", Data: map[string]any{"ID": id, "Langs": strings.Join(missing, ", ")}}, nil
	}
	return nil, nil
}

// aligned holds back, once it is aligned, a document with no group to
// publish or, when publish.require lists all-confirmed, with groups no
// person has confirmed.
func aligned(ws *workspace.Workspace, row Published) *Hold {
	switch {
	case row.Groups == 0:
		return &Hold{Kind: "not-aligned", Data: map[string]any{"ID": row.ID}}
	case ws.Config.Publish.Requires(workspace.RequireAllConfirmed) && row.Confirmed < row.Groups:
		n := row.Groups - row.Confirmed
		return &Hold{Kind: "unconfirmed", Count: n, Data: map[string]any{"ID": row.ID, "Total": row.Groups}}
	}
	return nil
}

// PublishOptions tune Publish.
type PublishOptions struct {
	// Force publishes documents the consistency gate would hold back.
	Force bool
	// Labels renders the texts of the localized exports (export.Options).
	Labels func(id string, data map[string]any) string
}

// PublishReporter hears, document by document, what publish decides, so
// that a person sees it as it happens.
type PublishReporter interface {
	Progress
	// Held is a document held back before the consistency gate.
	Held(id string, h *Hold)
	// Gate is the verdict of the consistency gate on a document: it
	// refuses the document when v.Refuses(force), and otherwise publishes
	// it in formats, recording the blockers a forced export goes past.
	Gate(id string, v *Verdict, force bool, formats []string)
}

// PublishResult is what Publish did.
type PublishResult struct {
	Rows     []Published
	Excluded []string // left out by tilmash.yaml's publish.exclude
	Files    int      // files written, term bases included
	Held     int      // documents held back
}

// Publish is the README's main job: for each document (every document but
// those publish.exclude lists, when ids is empty) it aligns (keeping
// confirmed groups), checks, and exports every format into the
// workspace's export folder, export/DOC/. A document that fails the
// consistency gate (flagged groups, glossary findings) is held back,
// unless opt.Force, and its export/DOC/ from an earlier publish is removed
// so that nobody ships it; the others are still published. The glossary
// is exported as term bases beside them. The caller holds the lock.
func (app *App) Publish(ws *workspace.Workspace, ids []string, opt PublishOptions, rep PublishReporter) (*PublishResult, error) {
	if err := ws.CheckExportFolder(); err != nil {
		return nil, err
	}
	res := &PublishResult{}
	if len(ids) == 0 {
		all, err := document.List(ws)
		if err != nil {
			return nil, err
		}
		for _, id := range all {
			if slices.Contains(ws.Config.Publish.Exclude, id) {
				res.Excluded = append(res.Excluded, id)
			} else {
				ids = append(ids, id)
			}
		}
	}
	holdBack := func(row Published, h *Hold) error {
		row.Held, row.Reason = true, h
		res.Held++
		rep.Held(row.ID, h)
		var err error
		row.Removed, err = removeExports(ws, row.ID)
		res.Rows = append(res.Rows, row)
		return err
	}
	for _, id := range ids {
		rep.Step(id)
		if h, err := ready(ws, id); err != nil {
			return nil, err
		} else if h != nil {
			if err := holdBack(Published{ID: id}, h); err != nil {
				return nil, err
			}
			continue
		}
		ar, err := app.Align(ws, id)
		if err != nil {
			return nil, err
		}
		d, a := ar.Doc, ar.Alignment
		row := Published{ID: id}
		row.Groups, row.Confirmed, row.Flagged = a.Counts()
		if h := aligned(ws, row); h != nil {
			if err := holdBack(row, h); err != nil {
				return nil, err
			}
			continue
		}
		langs := d.Languages()
		v, err := app.Inspect(d, a, langs, opt.Force)
		if err != nil {
			return nil, err
		}
		row.Findings = len(v.Findings)
		rep.Gate(id, v, opt.Force, publishFormats(ws.Config.Publish))
		if v.Refuses(opt.Force) {
			row.Held = true
			res.Held++
			if row.Removed, err = removeExports(ws, id); err != nil {
				return nil, err
			}
			res.Rows = append(res.Rows, row)
			continue
		}
		eo := app.ExportOptions(opt.Labels)
		eo.Langs = langs
		eo.Terms = app.termFinder(ws)
		if len(v.Blockers) > 0 {
			eo.Forced = v.Blockers
		}
		marks := v.Marks(a, langs, func(f check.Finding) string { return findingText(opt.Labels, f) })
		n, err := publishDocument(ws, id, d, a, eo, marks)
		if err != nil {
			return nil, err
		}
		row.Files = n
		res.Files += n
		res.Rows = append(res.Rows, row)
	}
	n, err := app.publishGlossary(ws)
	if err != nil {
		return nil, err
	}
	res.Files += n
	return res, nil
}

// findingText is a finding's localized message, or its English text when
// the catalogue has none.
func findingText(labels func(string, map[string]any) string, f check.Finding) string {
	msg := labels(f.MessageID(), f.TemplateData())
	if msg == f.MessageID() {
		msg = f.Error()
	}
	return msg
}

// ExportOptions are the export options every use case shares: this
// tilmash's version, the clock's date (written into TMX and XLIFF 1.2),
// and labels for the texts of localized exports.
func (app *App) ExportOptions(labels func(id string, data map[string]any) string) export.Options {
	return export.Options{Version: app.Version, Date: app.Now(), Labels: labels}
}

// Render runs a writer into memory, so that nothing is written when it
// fails half way.
func Render(f func(*bytes.Buffer) error) ([]byte, error) {
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
	plan, err := publishPlan(id, ws.Config.Source, opt.Langs, ws.Config.Publish.Writes, func(format string, langs ...string) func(*bytes.Buffer) error {
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
		data, err := Render(p.fill)
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
// language), then every localized format per language; only those writes
// accepts (by their publish.formats name), when it is not nil. fill, when
// not nil, makes the writer of a format for its languages (none, a pair,
// or one).
func publishPlan(id, source string, langs []string, writes func(string) bool, fill func(format string, langs ...string) func(*bytes.Buffer) error) ([]planned, error) {
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
		if writes != nil && !writes(format) {
			continue
		}
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
			if writes != nil && !writes(articlePrefix+format) {
				continue
			}
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
func (app *App) publishGlossary(ws *workspace.Workspace) (int, error) {
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
			data, err := Render(func(b *bytes.Buffer) error {
				return termbase.Write(b, format, g, termbase.Options{Langs: ls, Version: app.Version})
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
