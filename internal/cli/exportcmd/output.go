package exportcmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// output is where an export goes: standard output, a file, or a folder
// that receives files named by export.FileName.
type output struct {
	path  string // absolute; empty for standard output
	isDir bool
	given string // as typed, for messages
	ws    *workspace.Workspace
	force bool // overwrite an existing file outside the export folder
}

// resolveOutput interprets -o. A relative path is relative to the working
// folder. A path that is an existing folder, or ends in a slash, is a
// folder. An output in one of the workspace's own places (tilmash.yaml,
// the lock, the glossary folder, documents/) is refused at once, before
// any work; each file is checked again before it is written
// (workspace.CheckTarget), which is where an existing file is refused
// without force.
func resolveOutput(env *console.Env, ws *workspace.Workspace, o string, force bool) (*output, error) {
	if o == "" || o == "-" {
		return &output{ws: ws}, nil
	}
	out := &output{path: filepath.Clean(env.Abs(o)), given: o, ws: ws, force: force}
	if strings.HasSuffix(o, "/") || strings.HasSuffix(o, string(filepath.Separator)) {
		out.isDir = true
	} else if st, err := os.Stat(out.path); err == nil && st.IsDir() {
		out.isDir = true
	}
	if err := ws.CheckTarget(out.path, o, true); err != nil {
		return nil, err
	}
	return out, nil
}

// file returns the path of the output file named name (for a folder), or
// the output path itself.
func (o *output) file(name string) string {
	if o.isDir {
		return filepath.Join(o.path, name)
	}
	return o.path
}

// check refuses, before anything is written, a file the output may not
// replace (workspace.CheckTarget).
func (o *output) check(names ...string) error {
	if o.path == "" {
		return nil
	}
	for _, name := range names {
		if err := o.ws.CheckTarget(o.file(name), o.shownName(name), o.force); err != nil {
			return err
		}
	}
	return nil
}

// write delivers data: to standard output, or atomically to a file (a
// temporary file in the same folder, renamed into place), so a reader
// never sees half an export. The file is checked first (see check).
func (o *output) write(env *console.Env, name string, data []byte) (string, error) {
	if o.path == "" {
		_, err := env.Stdout.Write(data)
		return "", err
	}
	if err := o.check(name); err != nil {
		return "", err
	}
	p := o.file(name)
	if err := workspace.WriteFileAtomic(p, data); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", cannotWrite(p, err)
	}
	return p, nil
}

// shown is how messages name the file written for name: as the user typed
// the output path, or relative to the working folder.
func (o *output) shown(env *console.Env, name string) string {
	if o.given == "" {
		return display(env, o.file(name))
	}
	return o.shownName(name)
}

// shownName is shown for an output given with -o.
func (o *output) shownName(name string) string {
	if o.isDir {
		return filepath.Join(o.given, name)
	}
	return o.given
}

// display shows a path relative to the working folder when it lies inside
// it.
func display(env *console.Env, p string) string {
	if r, err := filepath.Rel(env.Dir, p); err == nil && filepath.IsLocal(r) {
		return r
	}
	return p
}

// cannotWrite is an output file that cannot be written.
func cannotWrite(path string, err error) error {
	return locale.NewError("export.cannot-write", map[string]any{"Path": path, "Err": err.Error()}).Wrap(err)
}
