package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
)

// DocumentsFolder is the folder, relative to the root, that holds the
// documents: their texts, alignments, metadata and journals.
const DocumentsFolder = "documents"

// Area is what a path is to a workspace, for a command about to write a
// file there. [Workspace.Classify] tells it; [Workspace.CheckTarget] applies
// the one rule every command with an output flag follows.
type Area int

const (
	// AreaOther is any path that is none of the workspace's own files: outside
	// the workspace, or a file of the user's inside it (README.md).
	AreaOther Area = iota
	// AreaExport is inside the export folder: tilmash's own output, which
	// publish and export rewrite.
	AreaExport
	// AreaConfig is tilmash.yaml.
	AreaConfig
	// AreaLock is the writer lock, .tilmash.lock.
	AreaLock
	// AreaGlossary is the glossary folder or anything in it.
	AreaGlossary
	// AreaDocuments is documents/ or anything in it (texts, alignments,
	// journals).
	AreaDocuments
)

// String names the area in English, for tests and logs.
func (a Area) String() string {
	return [...]string{"other", "export", "config", "lock", "glossary", "documents"}[a]
}

// Protected reports whether nothing but tilmash's own code for it may
// write there: everything but AreaOther and AreaExport.
func (a Area) Protected() bool { return a != AreaOther && a != AreaExport }

// Classify tells what path (absolute, or relative to the working folder
// of the process) is to the workspace. It resolves "..", and symbolic
// links in the part of the path that exists, and it compares existing
// files by identity, so that another spelling of tilmash.yaml (through a
// link, a hard link, or a different case on a case-insensitive disk) is
// still tilmash.yaml. The nearest match wins: a path inside the export
// folder is AreaExport, a path inside the glossary folder AreaGlossary.
func (w *Workspace) Classify(path string) Area {
	abs, err := filepath.Abs(path)
	if err != nil {
		return AreaOther
	}
	places := []struct {
		rel  string
		area Area
	}{
		{ConfigFile, AreaConfig}, {LockFile, AreaLock},
		{w.Config.Glossary, AreaGlossary}, {DocumentsFolder, AreaDocuments}, {w.Config.Export, AreaExport},
	}
	type known struct {
		info os.FileInfo
		area Area
	}
	var have []known
	for _, p := range places {
		if info, err := os.Stat(w.Path(p.rel)); err == nil {
			have = append(have, known{info, p.area})
		}
	}
	rootInfo, rootErr := os.Stat(w.Root)
	// By identity: the path itself, then each folder holding it.
	for cur := abs; ; {
		if info, err := os.Stat(cur); err == nil {
			for _, k := range have {
				if os.SameFile(info, k.info) {
					return k.area
				}
			}
			if rootErr == nil && os.SameFile(info, rootInfo) {
				break // the root, or inside it in none of its own places
			}
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		cur = parent
	}
	// By name, for the places that do not exist yet (a lock never taken, a
	// glossary folder not made).
	rel, err := filepath.Rel(realPath(w.Root), realPath(abs))
	if err != nil || !filepath.IsLocal(rel) {
		return AreaOther
	}
	for _, p := range places {
		if within(filepath.Clean(p.rel), rel) {
			return p.area
		}
	}
	return AreaOther
}

// CheckExportFolder applies the rule of tilmash.yaml's export folder
// (see exportClash) to the folders as they are on disk, with symbolic
// links followed: publish calls it before it writes or removes anything,
// since a link such as export -> documents passes the check of the names.
func (w *Workspace) CheckExportFolder() error {
	root := realPath(w.Root)
	export := realPath(w.Path(w.Config.Export))
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(r) {
			return r
		}
		return p
	}
	if export == root {
		return exportFolderError(w.Config.Export, "root", "", "")
	}
	for _, o := range []string{DocumentsFolder, w.Config.Glossary, LocalFolder} {
		if clash, _ := exportClash(export, realPath(w.Path(o))); clash != "" {
			return exportFolderError(w.Config.Export, clash, o, rel(export))
		}
	}
	return nil
}

// exportFolderError refuses an export folder that, with symbolic links
// followed, is the workspace folder (clash "root"), or is or holds
// ("holds") or lies inside ("inside") the other folder; resolved is where
// the export folder leads.
func exportFolderError(export, clash, other, resolved string) error {
	return locale.NewError("workspace.export-folder-"+clash, map[string]any{"Export": export, "Other": other, "Resolved": resolved}).
		WithHint("workspace.export-folder.hint")
}

// within reports whether the relative path rel is dir or lies in it.
func within(dir, rel string) bool {
	return dir == "." || rel == dir || strings.HasPrefix(rel, dir+string(filepath.Separator))
}

// CheckTarget applies the rule for a file a command is about to write at
// path, on a person's request (-o): never over the workspace's own files
// (tilmash.yaml, the lock, the glossary folder, documents/ with its
// journals), always into the export folder, and elsewhere over an
// existing file only with force. allow lists protected areas the command
// writes by design (glossary import writes into the glossary folder; it
// checks for an existing file itself). shown is the path as the person
// typed it, for the message.
func (w *Workspace) CheckTarget(path, shown string, force bool, allow ...Area) error {
	area := w.Classify(path)
	if slices.Contains(allow, area) {
		return nil
	}
	switch {
	case area.Protected():
		return protected(shown, area, w.areaFolder(area))
	case area == AreaExport || force:
		return nil
	}
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return WriteFailed(shown, err) // a file where a folder should be, a folder it may not read
	case info.IsDir():
		return nil // the write fails on its own, naming the folder
	}
	return overwrite(shown)
}

// areaFolder names the folder of a protected area, relative to the root.
func (w *Workspace) areaFolder(a Area) string {
	switch a {
	case AreaGlossary:
		return w.Config.Glossary
	case AreaDocuments:
		return DocumentsFolder
	case AreaExport:
		return w.Config.Export
	}
	return ""
}

// protected refuses to write the file shown over one of the workspace's
// own, in area; folder names the folder of AreaGlossary and AreaDocuments.
func protected(shown string, area Area, folder string) error {
	return locale.NewError("workspace.protected."+area.String(), map[string]any{"Path": shown, "Folder": folder, "File": ConfigFile, "Lock": LockFile}).
		WithHint("workspace.protected.hint")
}

// overwrite refuses to replace the existing file shown outside the export
// folder without --force.
func overwrite(shown string) error {
	return locale.NewError("workspace.overwrite", map[string]any{"Path": shown}).WithHint("workspace.overwrite.hint")
}
