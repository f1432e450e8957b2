package app

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
	y, err := termbase.Marshal(entries, "Imported by tilmash glossary import from "+filepath.Base(name)+" ("+format+").")
	if err != nil {
		return nil, err
	}
	return &TermBase{Format: format, Entries: entries, YAML: y}, nil
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

// GlossaryImported is what WriteTermBase did: the ids other glossary
// files already use, and the lint problems of the file written.
type GlossaryImported struct {
	Clashes  []string
	Problems []glossary.Problem
}

// WriteTermBase writes t to dest (absolute; shown in messages). Never over
// tilmash.yaml, the lock or documents/, not even with force; an existing
// file anywhere is refused without force. A file in the workspace goes
// through ws.WriteFile, which refuses links out of it; a dest elsewhere is
// the user's choice. The caller holds the workspace lock: the file must be
// looked for under it, as another writer may create it meanwhile.
func (a *App) WriteTermBase(ws *workspace.Workspace, t *TermBase, dest, shown string, force bool) (GlossaryImported, error) {
	var res GlossaryImported
	if err := ws.CheckTarget(dest, shown, true, workspace.AreaGlossary); err != nil {
		return res, err
	}
	if _, err := os.Stat(dest); err == nil && !force {
		return res, locale.NewError("glossary-import.exists", map[string]any{"Path": shown}).WithHint("glossary-import.exists.hint")
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, err
	}
	if workspace.Inside(ws.Path(ws.Config.Glossary), dest) {
		res.Clashes = clashes(ws, dest, t.Entries)
	}
	write := func() error { return workspace.WriteFileAtomic(dest, t.YAML) }
	if rel, err := filepath.Rel(ws.Root, dest); err == nil && filepath.IsLocal(rel) {
		write = func() error { return ws.WriteFile(rel, t.YAML) }
	}
	if err := write(); err != nil {
		var esc *workspace.EscapeError
		if errors.As(err, &esc) {
			return res, err
		}
		return res, CannotWrite(dest, err)
	}
	_, res.Problems = glossary.Parse(shown, t.YAML, ws.Config.Languages)
	return res, nil
}

// clashes returns the imported ids that other glossary files already use.
func clashes(ws *workspace.Workspace, dest string, entries []*glossary.Entry) []string {
	g, _, _, err := check.ReadGlossary(ws)
	if err != nil || g == nil {
		return nil
	}
	var ids []string
	for _, e := range entries {
		if old := g.Lookup(e.ID); old != nil && ws.Path(old.File) != dest && old.File != dest {
			ids = append(ids, e.ID)
		}
	}
	return ids
}
