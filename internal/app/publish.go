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
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tmx"
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
	// Err is, for Kind "unreadable", the error of the document's own file
	// that does not read (a damaged alignment.yaml or meta.yaml): the
	// command reports it after the summary, and exits 2 for it.
	Err error
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
	// LabelsID names the language of Labels: exports made with other
	// labels are written again.
	LabelsID string
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
	// Unplaced is the formatting a document's exports, written now,
	// leave out because a change of its texts outside tilmash took the
	// words away (see [App.UnplacedFormatting]): export says the same.
	Unplaced(id string, lost []document.LostSpan)
}

// PublishResult is what Publish did.
type PublishResult struct {
	Rows     []Published
	Excluded []string // left out by tilmash.yaml's publish.exclude
	// Gone are the documents no longer in documents/ whose exports a
	// publish of every document removed from the export folder.
	Gone     []string
	Unlisted []string // document folders left out for want of meta.yaml (document.Unlisted)
	Files    int      // files written, term bases included
	// TermBases counts the files of the glossary written (TBX, CSV, TSV),
	// which Files includes and no document's row does.
	TermBases int
	Held      int // documents held back
	// Unchanged counts the documents published whose files were left as
	// they were: nothing they are made from changed since the last publish.
	Unchanged int
	// GlossaryGaps are the glossary's entries with no form in one of the
	// workspace languages, by language, when the gate runs the glossary
	// check: no document's text in that language was checked for them
	// (the verdicts' Gaps, said once for the run).
	GlossaryGaps []check.Gap
}

// docWork is one document on its way through Publish.
type docWork struct {
	id   string
	err  error
	row  Published
	hold *Hold     // held back before the consistency gate
	old  *manifest // export/ID's manifest before this publish, nil when there is none (or it does not read)
	own  string    // digest of the document's own inputs, once aligned
	// kept says the document's own inputs are those of the last publish:
	// it is not aligned again (that would change nothing).
	kept  bool
	d     *document.Document
	a     *document.Alignment
	v     *Verdict // nil when the gate was not run again (it had nothing to say)
	fresh bool     // its exports are left as they are
	files []rendered
	lost  []document.LostSpan // formatting its files leave out (App.UnplacedFormatting)
}

// rendered is one export of a document, made in memory.
type rendered struct {
	name string
	data []byte
}

// Publish is the README's main job: for each document (every document but
// those publish.exclude lists, when ids is empty) it aligns (keeping
// confirmed groups), checks, and exports every format into the
// workspace's export folder, export/DOC/. A document that fails the
// consistency gate (flagged groups, glossary findings) is held back,
// unless opt.Force, and its export/DOC/ from an earlier publish is removed
// so that nobody ships it; the others are still published. The glossary
// is exported as term bases beside them. The caller holds the lock.
//
// Publish is incremental: a document whose files, the glossary,
// tilmash.yaml and this build of tilmash are what they were when it was
// last published (the digests in its manifest), and whose exports are as
// publish left them, is neither aligned nor exported again. The gate runs
// again only for such a document it had something to say of. Documents
// are worked on in parallel ([App.Workers]); what the reporter hears, and
// the result, come in the order of the documents.
func (app *App) Publish(ws *workspace.Workspace, ids []string, opt PublishOptions, rep PublishReporter) (*PublishResult, error) {
	if err := ws.CheckExportFolder(); err != nil {
		return nil, err
	}
	res := &PublishResult{}
	var known []string // every document folder, when every document is published
	if len(ids) == 0 {
		all, unlisted, err := document.Folders(ws)
		if err != nil {
			return nil, err
		}
		res.Unlisted = unlisted
		known = append(append([]string{}, all...), unlisted...)
		for _, id := range all {
			if slices.Contains(ws.Config.Publish.Exclude, id) {
				res.Excluded = append(res.Excluded, id)
			} else {
				ids = append(ids, id)
			}
		}
	}
	r := ws.NewReader()
	defer r.Close()
	defer app.sums.saveKept(ws)
	wd, err := app.workspaceDigest(ws, r, "publish", opt.LabelsID)
	if err != nil {
		return nil, err
	}
	docs := make([]docWork, len(ids))
	for i, id := range ids {
		docs[i].id = id
	}
	workers := app.workers()

	// 1. Align the documents whose own inputs changed.
	err = inOrder(len(docs), workers, func(i int) {
		docs[i].err = app.publishAlign(ws, r, &docs[i], wd)
	}, func(i int) error {
		rep.Step(docs[i].id)
		return docs[i].err
	})
	if err != nil {
		return nil, err
	}

	// 2. The gate, and the exports in memory; in order, what the gate
	// said, and the files staged in batches of writes.
	consistency := ""
	if gateConsistency(ws) {
		// The gate compares each document with all the others: a change
		// anywhere may change its findings.
		if consistency, err = consistencyDigest(ws, r); err != nil {
			return nil, err
		}
	}
	w := newPublishWrites(ws, app.PublishFS)
	defer w.abort()
	formats := publishFormats(ws.Config.Publish)
	holdBack := func(row Published, h *Hold) error {
		row.Held, row.Reason = true, h
		res.Held++
		rep.Held(row.ID, h)
		var err error
		row.Removed, err = removeExports(ws, row.ID)
		res.Rows = append(res.Rows, row)
		return err
	}
	err = inOrder(len(docs), workers, func(i int) {
		docs[i].err = app.publishGate(ws, r, &docs[i], opt, wd, consistency)
	}, func(i int) error {
		dw := &docs[i]
		defer func() { dw.d, dw.a, dw.files = nil, nil, nil }()
		if dw.err != nil {
			return dw.err
		}
		row := dw.row
		if dw.hold != nil {
			return holdBack(row, dw.hold)
		}
		v := dw.v
		if v == nil {
			v = &Verdict{} // it had nothing to say, and has nothing now
		}
		rep.Gate(dw.id, v, opt.Force, formats)
		if v.Refuses(opt.Force) {
			row.Held = true
			res.Held++
			var err error
			if row.Removed, err = removeExports(ws, dw.id); err != nil {
				return err
			}
			res.Rows = append(res.Rows, row)
			return nil
		}
		if dw.fresh {
			if len(dw.lost) > 0 {
				rep.Unplaced(dw.id, dw.lost)
			}
			row.Files = len(dw.old.Files)
			res.Unchanged++
			res.Rows = append(res.Rows, row)
			return nil
		}
		if err := w.document(dw, combineDigests(dw.own, consistency), row); err != nil {
			return err
		}
		if len(dw.lost) > 0 {
			rep.Unplaced(dw.id, dw.lost)
		}
		row.Files = len(dw.files)
		res.Files += row.Files
		res.Rows = append(res.Rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if known != nil {
		if res.Gone, err = removeGone(ws, known); err != nil {
			return nil, err
		}
	}
	n, gaps, err := app.publishGlossary(ws, w.files)
	if err != nil {
		return nil, err
	}
	res.Files += n
	res.TermBases = n
	if cfg, _ := gateChecks(ws); slices.Contains(cfg.Checks, check.Terms) {
		res.GlossaryGaps = check.GapsByLang(gaps)
	}
	return res, w.commit()
}

// publishAlign is the first half of a document's publish: unless its own
// inputs are those its manifest records, it is checked to be ready and
// aligned. It fills in dw.
func (app *App) publishAlign(ws *workspace.Workspace, r *workspace.Reader, dw *docWork, wd string) error {
	id := dw.id
	dw.row = Published{ID: id}
	rel := filepath.Join(ws.Config.Export, id)
	if dir := ws.Path(rel); document.ValidID(id) == nil && workspace.Inside(ws.Root, dir) {
		// A manifest that does not read is not trusted; it is reported
		// when publish writes or removes the files.
		file := filepath.Join(rel, ManifestName)
		if data, err := r.ReadFile(file); err == nil {
			if m, err := parseManifest(file, data); err == nil {
				dw.old = m
			}
		}
	}
	own, err := app.sums.publishDigest(ws, r, id, wd)
	if err != nil {
		return err
	}
	if dw.old != nil && dw.old.Aligned == own {
		g := dw.old.Gate
		dw.own, dw.kept = own, true
		dw.row.Groups, dw.row.Confirmed, dw.row.Flagged, dw.row.Findings = g.Groups, g.Confirmed, g.Flagged, g.Findings
		return nil
	}
	if h, err := ready(ws, id); err != nil {
		return unreadable(dw, err)
	} else if h != nil {
		dw.hold = h
		return nil
	}
	ar, err := app.Align(ws, id)
	var changed *document.TextChangedError
	if errors.As(err, &changed) {
		// A text edited by hand under confirmed groups holds back this
		// document only: the others are still published.
		dw.hold = &Hold{Kind: "text-changed", Count: changed.Confirmed, Data: changed.Data()}
		return nil
	}
	if err != nil {
		return unreadable(dw, err)
	}
	dw.d, dw.a = ar.Doc, ar.Alignment
	dw.row.Groups, dw.row.Confirmed, dw.row.Flagged = dw.a.Counts()
	if h := aligned(ws, dw.row); h != nil {
		dw.hold = h
		return nil
	}
	dw.own, err = app.sums.publishDigest(ws, r, id, wd)
	return err
}

// unreadable holds dw back when err is bad input in one of the
// document's own files (a hand edit broke its alignment.yaml or
// meta.yaml, at a line): one damaged document used to stop the whole
// publish, the others unpublished. Any other error is returned, and stops
// it.
func unreadable(dw *docWork, err error) error {
	var e *locale.Error
	if !errors.As(err, &e) || e.Kind != locale.Input || e.Pos == nil ||
		!strings.HasPrefix(filepath.ToSlash(e.Pos.File), "documents/"+dw.id+"/") {
		return err
	}
	dw.hold = &Hold{Kind: "unreadable", Data: map[string]any{"ID": dw.id}, Err: err}
	return nil
}

// publishGate is the second half: the consistency gate (unless it had
// nothing to say of a document whose exports are left as they are) and
// the exports, in memory, of a document it lets through.
func (app *App) publishGate(ws *workspace.Workspace, r *workspace.Reader, dw *docWork, opt PublishOptions, wd, consistency string) error {
	if dw.hold != nil {
		return nil
	}
	rel := filepath.Join(ws.Config.Export, dw.id)
	if dw.kept {
		fresh := dw.old.Inputs == combineDigests(dw.own, consistency) && dw.old.intact(ws.Path(rel))
		if fresh && dw.old.Gate.Quiet && dw.old.Gate.Unplaced == 0 {
			dw.fresh = true
			return nil
		}
		d, err := document.Open(ws, dw.id)
		if err != nil {
			return err
		}
		a, err := d.Alignment()
		if err != nil {
			return err
		}
		if a == nil {
			// Gone since the digest was taken (a writer without the
			// lock): aligned again, as any changed document.
			dw.old.Aligned, dw.kept = "", false
			if err := app.publishAlign(ws, r, dw, wd); err != nil || dw.hold != nil {
				return err
			}
			return app.publishGate(ws, r, dw, opt, wd, consistency)
		}
		dw.d, dw.a = d, a
		dw.row.Groups, dw.row.Confirmed, dw.row.Flagged = a.Counts()
		if fresh {
			dw.fresh = true
			if !dw.old.Gate.Quiet {
				v, err := app.Inspect(d, a, d.Languages(), opt.Force)
				if err != nil {
					return err
				}
				dw.v = v
				dw.row.Findings = len(v.Findings)
			}
			if dw.old.Gate.Unplaced > 0 {
				// Its files still leave that formatting out: said
				// again, as status keeps counting it.
				dw.lost, err = app.unplacedFormatting(d, d.Languages())
			}
			return err
		}
	}
	d, a := dw.d, dw.a
	langs := d.Languages()
	v, err := app.Inspect(d, a, langs, opt.Force)
	if err != nil {
		return err
	}
	dw.v = v
	dw.row.Findings = len(v.Findings)
	if v.Refuses(opt.Force) {
		return nil
	}
	eo := app.ExportOptions(opt.Labels)
	eo.Langs = langs
	eo.Terms = app.termFinder(ws)
	if len(v.Blockers) > 0 {
		eo.Forced = v.Blockers
	}
	marks := v.Marks(a, langs, func(f check.Finding) string { return findingText(opt.Labels, f) })
	if dw.files, err = renderDocument(ws, dw.id, d, a, eo, marks); err != nil {
		return err
	}
	if carriesFormatting(ws.Config.Publish) {
		dw.lost, err = app.unplacedFormatting(d, langs)
	}
	return err
}

// carriesFormatting says whether publish writes a format that carries
// the texts' formatting (as export says it: TMX, and the Markdown, HTML
// and Word versions of a language), so that formatting it can no longer
// place is left out of something.
func carriesFormatting(p workspace.Publish) bool {
	for _, f := range export.Formats {
		if export.CarriesFormatting(f, false) && p.Writes(f) {
			return true
		}
	}
	for _, f := range export.LocalizedAll {
		if export.CarriesFormatting(f, true) && p.Writes(articlePrefix+f) {
			return true
		}
	}
	return false
}

// combineDigests is a document's own digest with the consistency gate's
// digest of the workspace, when the gate compares documents.
func combineDigests(own, consistency string) string {
	if consistency == "" {
		return own
	}
	d := newDigester("inputs")
	d.part("own", []byte(own))
	d.part("consistency", []byte(consistency))
	return d.sum()
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
// tilmash's version, the date of the texts (written into TMX and XLIFF
// 1.2: the newest import of the languages a file carries, so exports of
// unchanged content are byte-identical, see export.Options.Dated), and
// labels for the texts of localized exports.
func (app *App) ExportOptions(labels func(id string, data map[string]any) string) export.Options {
	return export.Options{Version: app.Version, Dated: true, Labels: labels, FlagNotes: FlagNotesAt}
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

// removeGone removes the exports of the documents that are no longer in
// documents/ (deleted, or renamed), so that nobody ships an article the
// newsroom took down: each folder of the export folder that holds a
// manifest (publish wrote it) and names none of the document folders
// known. Only the files publish wrote go, as for a document held back
// (removeExports). It returns the ids of those it removed files of.
func removeGone(ws *workspace.Workspace, known []string) ([]string, error) {
	entries, err := os.ReadDir(ws.Path(ws.Config.Export))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var gone []string
	for _, e := range entries { // sorted by name
		id := e.Name()
		if !e.IsDir() || document.ValidID(id) != nil || slices.Contains(known, id) {
			continue
		}
		if _, err := os.Lstat(ws.Path(ws.Config.Export, id, ManifestName)); err != nil {
			continue // not a folder publish wrote
		}
		removed, err := removeExports(ws, id)
		if err != nil {
			return gone, err
		}
		if removed {
			// Said once: a folder left with a file of someone
			// else's keeps an empty manifest (see removeExports).
			gone = append(gone, id)
		}
	}
	return gone, nil
}

// renderDocument makes, in memory, every bilingual format (one file per
// language pair for XLIFF) and every localized version of d that publish
// writes into export/ID/.
func renderDocument(ws *workspace.Workspace, id string, d *document.Document, a *document.Alignment, opt export.Options, marks []export.Mark) ([]rendered, error) {
	// The TMX of every language, each pair's and their partial units
	// cut the same groups: once.
	opt.Cuts = export.NewCuts()
	plan, err := publishPlan(id, ws.Config.Source, opt.Langs, ws.Config.Publish.Writes, func(format string, langs ...string) func(*bytes.Buffer) error {
		o := opt
		switch {
		case len(langs) == 1:
			return func(b *bytes.Buffer) error { return export.Localized(b, format, d, langs[0], opt) }
		case len(langs) == 2 && format == "tmx":
			o.Langs, o.Source = langs, langs[0]
		case len(langs) == 2:
			o.Source, o.Target = langs[0], langs[1]
		case format == "html":
			o.Marks = marks
		}
		return func(b *bytes.Buffer) error { return export.Write(b, format, d, a, o) }
	})
	if err != nil {
		return nil, err
	}
	out := make([]rendered, 0, len(plan)+1)
	for _, p := range plan {
		data, err := Render(p.fill)
		if err != nil {
			return nil, err
		}
		out = append(out, rendered{p.name, data})
	}
	if ws.Config.Publish.Writes("tmx") {
		// The units the default TMX leaves out for a partial target
		// (see export.UnitsPartial), beside it for OmegaT's tm/: a
		// newsroom that hands OmegaT the folder would have none. So for
		// each pair's memory: its partial units are those of a target
		// partial in that pair.
		sets := append([][]string{nil}, tmxPairs(ws.Config.Source, opt.Langs)...)
		for _, langs := range sets {
			o := opt
			o.Units = export.UnitsPartial
			if langs != nil {
				o.Langs, o.Source = langs, langs[0]
			}
			name := partialTMXName(id, langs...)
			data, err := Render(func(b *bytes.Buffer) error { return export.Write(b, "tmx", d, a, o) })
			if err != nil {
				return nil, err
			}
			if t, err := tmx.Read(bytes.NewReader(data), name); err != nil {
				return nil, err
			} else if len(t.Units) > 0 {
				out = append(out, rendered{name, data})
			}
		}
	}
	return out, nil
}

// partialTMXName is the file publish writes the partial units of
// document id's TMX to, when it has any: DOC.partial.tmx for every
// language, DOC.SRC-TRG.partial.tmx for a pair's memory.
func partialTMXName(id string, pair ...string) string {
	return unitsTMXName(id, export.UnitsPartial, pair...)
}

// unitsTMXName is the name of document id's TMX of units (export.Units)
// other than the default sentence cut, whose name is publish's memory's:
// DOC.partial.tmx, DOC.groups.tmx, or DOC.SRC-TRG.partial.tmx for a pair.
func unitsTMXName(id, units string, pair ...string) string {
	if len(pair) == 2 {
		return id + "." + pair[0] + "-" + pair[1] + "." + units + ".tmx"
	}
	return id + "." + units + ".tmx"
}

// tmxPairs are the language pairs publish writes a memory of its own for,
// beside the TMX of every language (DOC.en-kk.tmx): the source and each
// other language, when the document has more than two. The TMX of every
// language leaves out a unit whose target is partial in any language
// (OmegaT would take another language as the missing one), so a sentence
// with a partial Russian would have its clean Kazakh in no memory OmegaT
// fills matches from; and OmegaT wants one pair a file.
func tmxPairs(source string, langs []string) [][]string {
	if len(langs) <= 2 || !slices.Contains(langs, source) {
		return nil
	}
	var pairs [][]string
	for _, t := range langs {
		if t != source {
			pairs = append(pairs, []string{source, t})
		}
	}
	return pairs
}

// publishWrites are the writes of one publish, in three batches (see
// workspace.Batch), committed in order, each durable before the next
// begins:
//
//  1. manifests listing, besides the files of the last publish, those
//     this one adds (only where it adds some): every file publish puts in
//     export/DOC is listed before it is there, so that holding the
//     document back later removes it;
//  2. the exports, and the term bases whose bytes change;
//  3. after the files of the last publish this one no longer writes are
//     removed, manifests listing exactly this publish's files, with
//     their digests, sizes and times.
//
// After a crash each file is old or new, and a manifest never vouches for
// a file that is not complete and in place: a manifest of batch 1 has no
// digests (the document is published again), and one left from the last
// publish records sizes and times the new files do not have.
type publishWrites struct {
	ws           *workspace.Workspace
	lists, files *workspace.Batch
	pending      []pendingManifest
	committed    bool
}

type pendingManifest struct {
	rel   string
	m     *manifest
	stale []string
}

func newPublishWrites(ws *workspace.Workspace, fsys workspace.BatchFS) *publishWrites {
	w := &publishWrites{ws: ws, lists: ws.NewBatch(), files: ws.NewBatch()}
	w.lists.FS, w.files.FS = fsys, fsys
	return w
}

// document stages the exports of dw (inputs is its digest, row its row
// of the summary) and the manifests that go with them. The export folder
// is checked as ws.WriteFile checks a path: it must not leave the
// workspace, also through a symbolic link (a cloned workspace may carry
// export -> /somewhere), nor lead into the workspace's own files.
func (w *publishWrites) document(dw *docWork, inputs string, row Published) error {
	ws := w.ws
	rel := filepath.Join(ws.Config.Export, dw.id)
	dir := ws.Path(rel)
	if err := ws.CheckTarget(dir, rel, true); err != nil {
		return err // export/ID is a link into documents/ or the glossary
	}
	if !workspace.Inside(ws.Root, dir) {
		return &workspace.EscapeError{Path: rel}
	}
	var names []string
	for _, f := range dw.files {
		names = append(names, f.name)
	}
	old, err := readManifest(dir, rel)
	if err != nil {
		return err
	}
	m := &manifest{}
	if old != nil {
		m.Created = old.Created
		if all := union(old.Files, names); len(all) > len(old.Files) {
			if err := stageManifest(w.lists, rel, &manifest{Created: m.Created, Files: all}); err != nil {
				return err
			}
		}
	} else {
		_, err := os.Lstat(dir)
		m.Created = errors.Is(err, fs.ErrNotExist)
		if err := stageManifest(w.lists, rel, &manifest{Created: m.Created, Files: names}); err != nil {
			return err
		}
	}
	for _, f := range dw.files {
		info, err := w.files.Stage(filepath.Join(rel, f.name), f.data)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, f.name)
		m.Written = append(m.Written, writtenFile{Name: f.name, Size: info.Size(), MTime: info.ModTime().UnixNano()})
	}
	m.Aligned, m.Inputs = dw.own, inputs
	m.Gate = &gateSummary{Groups: row.Groups, Confirmed: row.Confirmed, Flagged: row.Flagged, Findings: row.Findings,
		Quiet: dw.v == nil || (dw.v.Skipped == nil && len(dw.v.Blockers) == 0), Unplaced: len(dw.lost)}
	p := pendingManifest{rel: rel, m: m}
	if old != nil {
		p.stale = without(old.Files, names)
	}
	w.pending = append(w.pending, p)
	return nil
}

// commit writes the three batches.
func (w *publishWrites) commit() error {
	if err := w.lists.Commit(); err != nil {
		return err
	}
	if err := w.files.Commit(); err != nil {
		return err
	}
	final := w.ws.NewBatch()
	final.FS = w.files.FS
	defer final.Abort()
	for _, p := range w.pending {
		if _, err := removeFiles(w.ws.Path(p.rel), p.stale); err != nil {
			return err
		}
		if err := stageManifest(final, p.rel, p.m); err != nil {
			return err
		}
	}
	w.committed = true
	return final.Commit()
}

// abort removes what was staged and not committed.
func (w *publishWrites) abort() {
	if !w.committed {
		w.lists.Abort()
		w.files.Abort()
	}
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
		if !export.PairFormat(format) {
			if err := add(format); err != nil {
				return nil, err
			}
			// The memory of each pair beside the one of every
			// language: see tmxPairs.
			if format == "tmx" {
				for _, pair := range tmxPairs(source, langs) {
					if err := add(format, pair...); err != nil {
						return nil, err
					}
				}
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
		for _, format := range export.LocalizedAll {
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

// publishGlossary stages the glossary as every term base format into the
// export folder (OmegaT, Trados and Translate Toolkit can then use the
// same terms), each file only when its bytes change, and returns how many
// it staged, with the glossary's gaps (entries lacking a language).
func (app *App) publishGlossary(ws *workspace.Workspace, b *workspace.Batch) (int, []glossary.Problem, error) {
	g, probs, _, err := check.ReadGlossary(ws)
	if err != nil {
		return 0, nil, err
	}
	// Entries lacking a language do not keep the glossary from being
	// enforced (glossary.Problem.Gap), nor from being published.
	probs, gaps := glossary.SplitGaps(probs)
	if g == nil || len(g.Entries) == 0 || len(probs) > 0 {
		return 0, nil, nil // nothing to publish; lint problems were reported by the gate
	}
	n := 0
	langs := ws.Config.Languages
	for _, format := range termbase.Formats {
		var pairs [][]string
		if termbase.PairFormat(format) {
			for _, t := range langs {
				if t != ws.Config.Source {
					pairs = append(pairs, []string{ws.Config.Source, t})
				}
			}
		} else {
			pairs = [][]string{langs}
		}
		for _, ls := range pairs {
			name := "glossary" + termbase.Extension(format)
			if termbase.PairFormat(format) {
				name = "glossary." + strings.Join(ls, "-") + termbase.Extension(format)
			}
			data, err := Render(func(b *bytes.Buffer) error {
				return termbase.Write(b, format, g, termbase.Options{Langs: ls, Version: app.Version})
			})
			if err != nil {
				return n, nil, err
			}
			rel := filepath.Join(ws.Config.Export, name)
			if old, err := ws.ReadFile(rel); err == nil && bytes.Equal(old, data) {
				continue
			}
			if _, err := b.Stage(rel, data); err != nil {
				return n, nil, err
			}
			n++
		}
	}
	return n, gaps, nil
}
