package app

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Output is where an export goes: standard output, a file, or a folder
// that receives files named by export.FileName.
type Output struct {
	Path  string // absolute; empty for standard output
	IsDir bool
	Given string // as typed, for messages; empty when not given
	ws    *workspace.Workspace
	force bool      // overwrite an existing file outside the export folder
	out   io.Writer // standard output
}

// ResolveOutput interprets -o: given as typed, abs the same path made
// absolute by the caller (relative to the working folder), "" or "-" for
// stdout. A path that is an existing folder, or ends in a slash, is a
// folder. An output in one of the workspace's own places (tilmash.yaml,
// the lock, the glossary folder, documents/) is refused at once, before
// any work; each file is checked again before it is written
// (workspace.CheckTarget), which is where an existing file is refused
// without force.
func ResolveOutput(ws *workspace.Workspace, given, abs string, force bool, stdout io.Writer) (*Output, error) {
	if given == "" || given == "-" {
		return &Output{ws: ws, out: stdout}, nil
	}
	o := &Output{Path: filepath.Clean(abs), Given: given, ws: ws, force: force, out: stdout}
	if strings.HasSuffix(given, "/") || strings.HasSuffix(given, string(filepath.Separator)) {
		o.IsDir = true
	} else if st, err := os.Stat(o.Path); err == nil && st.IsDir() {
		o.IsDir = true
	}
	if err := ws.CheckTarget(o.Path, given, true); err != nil {
		return nil, err
	}
	if err := o.checkFolder(); err != nil {
		return nil, err
	}
	return o, nil
}

// checkFolder refuses, before any work, an output whose folder does not
// exist: a mistyped path (-o /tmp/exprot/x.tmx) would otherwise leave
// folders nobody asked for and a file nobody finds. -o DIR/ names the
// folder to write into, which is made when the folder holding it exists;
// the export folder is tilmash's own, made as it is needed.
func (o *Output) checkFolder() error {
	dir, shown := filepath.Dir(o.Path), filepath.Dir(o.Given)
	if o.IsDir {
		if st, err := os.Stat(o.Path); err == nil && st.IsDir() {
			return nil
		}
		dir, shown = filepath.Dir(o.Path), filepath.Dir(strings.TrimRightFunc(o.Given, func(r rune) bool { return r == '/' || r == filepath.Separator }))
	}
	if o.ws.Classify(dir) == workspace.AreaExport {
		return nil
	}
	if _, err := os.Stat(dir); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil // there, or the write names what else is wrong
	}
	return locale.NewError("app.output-no-folder", map[string]any{"Folder": shown, "Path": o.Given}).
		WithHint("app.output-no-folder.hint").OfKind(locale.Usage)
}

// ExportFolder is the workspace's export folder as an output, where files
// go that cannot share standard output.
func ExportFolder(ws *workspace.Workspace) *Output {
	return &Output{Path: ws.Path(ws.Config.Export), IsDir: true, ws: ws}
}

// File returns the path of the output file named name (for a folder), or
// the output path itself.
func (o *Output) File(name string) string {
	if o.IsDir {
		return filepath.Join(o.Path, name)
	}
	return o.Path
}

// Check refuses, before anything is written, a file the output may not
// replace (workspace.CheckTarget).
func (o *Output) Check(names ...string) error {
	if o.Path == "" {
		return nil
	}
	for _, name := range names {
		if err := o.ws.CheckTarget(o.File(name), o.ShownName(name), o.force); err != nil {
			return err
		}
	}
	return nil
}

// Write delivers data: to standard output, or atomically to a file (a
// temporary file in the same folder, renamed into place), so a reader
// never sees half an export. The file is checked first (see Check). It
// returns the file written, "" for standard output.
func (o *Output) Write(name string, data []byte) (string, error) {
	if o.Path == "" {
		_, err := o.out.Write(data)
		return "", err
	}
	if err := o.Check(name); err != nil {
		return "", err
	}
	p := o.File(name)
	if err := workspace.WriteFileAtomic(p, data); err != nil {
		return "", CannotWrite(p, err)
	}
	return p, nil
}

// ShownName is how messages name the file written for name when the
// output was given with -o: as the user typed it.
func (o *Output) ShownName(name string) string {
	if o.IsDir {
		return filepath.Join(o.Given, name)
	}
	return o.Given
}

// CannotWrite is an output file that cannot be written: the cause in the
// user's language when it is a usual one (workspace.WriteFailed).
func CannotWrite(path string, err error) error {
	return workspace.WriteFailed(path, err)
}
