package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// ManifestName is the file publish keeps in export/DOC/: the names of the
// files it wrote there, so that it removes those and nothing else when it
// holds the document back, or when a later publish no longer writes one of
// them (a language dropped from tilmash.yaml).
const ManifestName = ".tilmash-manifest.yaml"

// manifest is the content of ManifestName.
type manifest struct {
	// Created says publish made the folder, so it may remove it once it
	// is empty. A folder that was there before is never removed.
	Created bool     `yaml:"created"`
	Files   []string `yaml:"files"`
}

const manifestHeader = "# Written by tilmash publish: the files it wrote into this folder. When it\n" +
	"# holds the document back, it removes these files, and the folder only if it\n" +
	"# made it and nothing else is left. Do not edit.\n"

// readManifest reads the manifest of the export folder dir (absolute;
// rel names it in messages). It returns nil when there is none. Every
// name must be a plain file name: a manifest edited by hand cannot make
// publish remove anything outside the folder.
func readManifest(dir, rel string) (*manifest, error) {
	file := filepath.Join(rel, ManifestName)
	data, err := workspace.ReadFileIn(dir, ManifestName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if re := (*workspace.ReadError)(nil); errors.As(err, &re) {
		re.Path = file
		return nil, err
	} else if err != nil {
		return nil, err
	}
	m := &manifest{}
	if err := yamlx.Decode(file, data, m, true); err != nil {
		if yamlx.IsLimit(err) {
			return nil, err
		}
		line, reason := workspace.YAMLError(err)
		return nil, badManifest(file, line, reason)
	}
	for i, name := range m.Files {
		if !plainName(name) {
			return nil, badManifest(file, 1, fmt.Sprintf("file %d, %q, is not a file name in this folder", i+1, name))
		}
	}
	return m, nil
}

// plainName reports whether name is a file directly in a folder, other
// than the manifest.
func plainName(name string) bool {
	return name != "" && name != ManifestName && filepath.IsLocal(name) && filepath.Base(name) == name
}

// writeManifest stores m in dir (rel is dir relative to the root) through
// ws.WriteFile, atomically.
func writeManifest(ws *workspace.Workspace, rel string, m *manifest) error {
	data, err := yamlx.Marshal(manifestHeader, m)
	if err != nil {
		return err
	}
	return ws.WriteFile(filepath.Join(rel, ManifestName), data)
}

// removeFiles removes the named files from dir, each only if it is a file
// or a symbolic link (the link goes, not its target); a folder of that
// name is left alone. It returns how many it removed.
func removeFiles(dir string, names []string) (int, error) {
	n := 0
	for _, name := range names {
		if !plainName(name) {
			continue
		}
		p := filepath.Join(dir, name)
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return n, err
		}
		if info.IsDir() {
			continue
		}
		if err := os.Remove(p); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// publishedNames are the names of the files publish writes for document
// id in langs, source being the pivot of the XLIFF pairs.
func publishedNames(id, source string, langs []string) ([]string, error) {
	plan, err := publishPlan(id, source, langs, nil, nil)
	var names []string
	for _, p := range plan {
		names = append(names, p.name)
	}
	return names, err
}

// union is a followed by the names of b it lacks.
func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// without is a less the names in b.
func without(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// badManifest is a manifest that cannot be read: publish will not guess
// what to remove.
func badManifest(file string, line int, reason string) error {
	return locale.NewError("publish.bad-manifest", map[string]any{"File": file, "Line": line, "Reason": reason}).WithHint("publish.bad-manifest.hint")
}
