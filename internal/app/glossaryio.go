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
	"github.com/tilmash/tilmash/internal/export/termbase"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// GlossaryExport is glossary export's file: its name, its bytes and the
// number of terms it holds, with the lint problems of the glossary it was
// made from (exported all the same, for a warning).
type GlossaryExport struct {
	Name     string
	Data     []byte
	Terms    int
	Problems []glossary.Problem
}

// ExportGlossary renders the workspace glossary as a term base in format
// (termbase.Formats), in langs (all for none).
func (a *App) ExportGlossary(ws *workspace.Workspace, format string, langs []string) (GlossaryExport, error) {
	g, probs, err := a.BrowseGlossary(ws)
	if err != nil {
		return GlossaryExport{}, err
	}
	opt := termbase.Options{Langs: langs, Version: a.Version}
	data, err := Render(func(b *bytes.Buffer) error { return termbase.Write(b, format, g, opt) })
	if err != nil {
		return GlossaryExport{}, err
	}
	name := "glossary" + termbase.Extension(format)
	if termbase.PairFormat(format) {
		name = "glossary." + strings.Join(langs, "-") + termbase.Extension(format)
	}
	return GlossaryExport{Name: name, Data: data, Terms: termbase.Count(g, format, langs), Problems: probs}, nil
}

// TermBase is a term base read for glossary import: its entries as the
// glossary YAML that will be written.
type TermBase struct {
	Format  string
	Entries []*glossary.Entry
	YAML    []byte
	// note is the comment at the top of YAML, kept to write it again with
	// fewer entries (see WriteTermBase).
	note string
}

// ReadTermBase reads data (a file shown as name) as a term base in format,
// detected when format is "". TBX names its languages; a CSV or TSV
// without tilmash's header line does not, and guessing its columns would
// silently file terms under the wrong language, so it is read in langs, or
// in the workspace's languages.
func (a *App) ReadTermBase(ws *workspace.Workspace, data []byte, name, format string, langs []string) (*TermBase, error) {
	if format == "" {
		if format = termbase.Detect(name, data); format == "" {
			return nil, locale.NewError("glossary-import.unknown-format", map[string]any{"File": name, "Formats": strings.Join(termbase.Formats, ", ")}).OfKind(locale.Usage)
		}
	} else if termbase.Extension(format) == "" {
		return nil, locale.NewError("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(termbase.Formats, ", ")}).
			WithHint("glossary-import.hint").OfKind(locale.Usage)
	}
	read := langs
	if len(read) == 0 && !termbase.PairFormat(format) {
		read = ws.Config.Languages
	}
	entries, err := termbase.Read(bytes.NewReader(data), name, format, read)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, locale.NewError("glossary-import.no-entries", map[string]any{"File": name, "Langs": strings.Join(ws.Config.Languages, ", ")})
	}
	note := "Imported by tilmash glossary import from " + filepath.Base(name) + " (" + format + ")."
	y, err := termbase.Marshal(entries, note)
	if err != nil {
		return nil, err
	}
	return &TermBase{Format: format, Entries: entries, YAML: y, note: note}, nil
}

// ImportedName is the default file of glossary import: the glossary
// folder, named after the input file (imported.yaml for standard input).
func ImportedName(ws *workspace.Workspace, file string) (dest, shown string) {
	base := document.Slug(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), 64)
	if base == "" || file == "-" {
		base = "imported"
	}
	dest = ws.Path(ws.Config.Glossary, base+".yaml")
	return dest, ws.Rel(dest)
}

// GlossaryImported is what WriteTermBase did.
type GlossaryImported struct {
	// Clashes are the imported ids that other glossary files use for an
	// entry with other forms: the import is refused for them, unless
	// SkipExisting leaves them out (then they are in Skipped).
	Clashes []string
	// Same are the imported entries other glossary files hold word for
	// word: left out, since a second copy would only break the glossary.
	Same []string
	// Skipped are the clashing entries SkipExisting left out.
	Skipped []string
	// Written counts the entries written; 0: no file was written.
	Written int
	// Problems are the lint problems of the file written: Gaps, by
	// language, its entries without a form in a workspace language (a
	// two-language term base), which leave the glossary usable, and
	// Blocking the others, which keep check from enforcing it.
	Problems []glossary.Problem
	Gaps     []check.Gap
	Blocking []glossary.Problem
}

// ImportOptions are glossary import's choices.
type ImportOptions struct {
	// Force overwrites the output file if it exists.
	Force bool
	// SkipExisting leaves out the entries whose ids other glossary files
	// already use with other forms, where the import is refused otherwise.
	SkipExisting bool
}

// WriteTermBase writes t to dest (absolute; shown in messages). Never over
// tilmash.yaml, the lock or documents/, not even with force; an existing
// file anywhere is refused without force. A file in the workspace goes
// through ws.WriteFile, which refuses links out of it; a dest elsewhere is
// the user's choice. The caller holds the workspace lock: the file must be
// looked for under it, as another writer may create it meanwhile.
//
// Into the glossary folder, an entry whose id another glossary file uses
// would make the glossary unusable (an id names one entry): one that file
// holds word for word is left out, and one with other forms refuses the
// whole import, nothing written, unless opt.SkipExisting leaves it out too.
// When nothing is left, nothing is written.
func (a *App) WriteTermBase(ws *workspace.Workspace, t *TermBase, dest, shown string, opt ImportOptions) (GlossaryImported, error) {
	var res GlossaryImported
	if err := ws.CheckTarget(dest, shown, true, workspace.AreaGlossary); err != nil {
		return res, err
	}
	if _, err := os.Stat(dest); err == nil && !opt.Force {
		return res, locale.NewError("glossary-import.exists", map[string]any{"Path": shown}).WithHint("glossary-import.exists.hint")
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, err
	}
	data, entries := t.YAML, t.Entries
	if workspace.Inside(ws.Path(ws.Config.Glossary), dest) {
		same, differ := clashes(ws, dest, t.Entries)
		if len(differ) > 0 && !opt.SkipExisting {
			res.Clashes = differ
			return res, locale.NewError("glossary-import.clash", map[string]any{"Count": len(differ), "IDs": strings.Join(differ, ", ")}).
				WithHint("glossary-import.clash.hint").OfKind(locale.Usage)
		}
		res.Same, res.Skipped = same, differ
		if len(same)+len(differ) > 0 {
			left := make(map[string]bool, len(same)+len(differ))
			for _, id := range append(append([]string(nil), same...), differ...) {
				left[id] = true
			}
			entries = nil
			for _, e := range t.Entries {
				if !left[e.ID] {
					entries = append(entries, e)
				}
			}
			if len(entries) == 0 {
				return res, nil
			}
			var err error
			if data, err = termbase.Marshal(entries, t.note); err != nil {
				return res, err
			}
		}
	}
	res.Written = len(entries)
	write := func() error { return workspace.WriteFileAtomic(dest, data) }
	if rel, err := filepath.Rel(ws.Root, dest); err == nil && filepath.IsLocal(rel) {
		write = func() error { return ws.WriteFile(rel, data) }
	}
	if err := write(); err != nil {
		var esc *workspace.EscapeError
		if errors.As(err, &esc) {
			return res, err
		}
		return res, CannotWrite(dest, err)
	}
	_, res.Problems = glossary.Parse(shown, data, ws.Config.Languages)
	var gaps []glossary.Problem
	res.Blocking, gaps = glossary.SplitGaps(res.Problems)
	res.Gaps = check.GapsByLang(gaps)
	return res, nil
}

// clashes returns the imported ids that other glossary files than dest
// already use: same for the entries that add nothing to the one held there
// (see holds), differ for the others.
func clashes(ws *workspace.Workspace, dest string, entries []*glossary.Entry) (same, differ []string) {
	g, _, _, err := check.ReadGlossary(ws)
	if err != nil || g == nil {
		return nil, nil
	}
	for _, e := range entries {
		old := g.Lookup(e.ID)
		if old == nil || ws.Path(old.File) == dest || old.File == dest {
			continue
		}
		if holds(old, e) {
			same = append(same, e.ID)
		} else {
			differ = append(differ, e.ID)
		}
	}
	return same, differ
}

// holds reports whether entry old has everything e says, so that e adds
// nothing: in each of e's languages (a CSV or TSV term base carries two)
// the same term, and e's variants, forbidden forms and listed forms among
// old's; e's kind, note and inflection class where e has them.
func holds(old, e *glossary.Entry) bool {
	if e.Kind != "" && e.Kind != old.Kind || e.Note != "" && e.Note != old.Note {
		return false
	}
	among := func(xs, in []string) bool {
		for _, x := range xs {
			if !slices.Contains(in, x) {
				return false
			}
		}
		return true
	}
	for l, f := range e.Langs {
		o := old.Langs[l]
		if f == nil {
			continue
		}
		if o == nil || f.Term != o.Term || f.Inflect != "" && f.Inflect != o.Inflect ||
			!among(f.Variants, o.Variants) || !among(f.Forbidden, o.Forbidden) || !among(f.Forms, o.Forms) {
			return false
		}
	}
	return true
}
