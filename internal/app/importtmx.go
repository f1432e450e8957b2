package app

import (
	"time"

	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// ImportTMXOptions tune [App.ImportTMX].
type ImportTMXOptions struct {
	// ID is the document; empty means the one a CAT tool's memory
	// translates (found by its source sentences), else Slug.
	ID string
	// Slug is the id made from the file's name, for a TMX that names no
	// document and translates none.
	Slug string
	// Source is the file name recorded as the texts' source ("" for
	// standard input).
	Source string
	// Force stores a CAT tool's memory as the document's texts, as
	// tilmash's own TMX is, and replaces an alignment with groups.
	Force bool
}

// ImportTMXResult is what [App.ImportTMX] did to document ID: either
// Import (the TMX stored as the document's texts and groups) or Merge (a
// CAT tool's memory brought back into the aligned document it
// translates).
type ImportTMXResult struct {
	ID     string
	Import *document.TMXImport
	Merge  *document.TMXMerge
	// Recovered is a change a crash had interrupted, rolled back first.
	Recovered *journal.Entry
}

// ImportTMX brings TMX m (read from name) into the workspace. A CAT tool's
// memory (OmegaT's project_save.tmx: not tilmash's own, and no opt.Force)
// holds the translator's segments keyed by source sentence: it goes back
// into the document it translates (found by those sentences when opt.ID
// is empty), merged into its groups when the document is aligned
// ([document.MergeTMX]). Anything else is stored as the document's texts
// with one group per unit ([document.ImportTMX]). One journal step either
// way. The caller holds the workspace lock.
func (app *App) ImportTMX(ws *workspace.Workspace, m *tmx.TMX, name string, opt ImportTMXOptions) (*ImportTMXResult, error) {
	id := opt.ID
	cat := m.Header.CreationTool != export.Tool && !opt.Force
	if id == "" && cat {
		var err error
		if id, err = document.MemoryDocument(ws, m); err != nil {
			return nil, err
		}
	}
	if id == "" {
		id = opt.Slug
	}
	if err := document.ValidID(id); err != nil {
		return nil, err
	}
	res := &ImportTMXResult{ID: id}
	if cat {
		if d, err := document.Open(ws, id); err == nil {
			if a, err := d.Alignment(); err == nil && a != nil && len(a.Groups) > 0 {
				return res, mergeTMX(ws, id, m, name, res, app.now())
			}
		}
	}
	mem, err := document.ImportTMX(ws, id, m, name, opt.Source, opt.Force, app.now())
	if mem != nil {
		res.Recovered = mem.Recovered
	}
	if err != nil {
		return res, err
	}
	res.Import = mem
	return res, nil
}

// mergeTMX merges a CAT tool's memory m into the aligned document id,
// into res; a memory with no translation in a target language is an
// error.
func mergeTMX(ws *workspace.Workspace, id string, m *tmx.TMX, name string, res *ImportTMXResult, now time.Time) error {
	mg, err := document.MergeTMX(ws, id, m, now)
	if mg != nil {
		res.Recovered = mg.Recovered
	}
	if err != nil {
		return err
	}
	if len(mg.Langs) == 0 {
		var langs []string
		for _, l := range ws.Config.Languages {
			if l != ws.Config.Source {
				langs = append(langs, l)
			}
		}
		return locale.NewError("import-tmx.empty", map[string]any{"File": name, "Langs": strings.Join(langs, ", "), "Found": "none"}).OfKind(locale.Input)
	}
	res.Merge = mg
	return nil
}
