package console

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/locale"

	"github.com/tilmash/tilmash/internal/workspace"
)

// Abs makes a path typed on the command line absolute against the Env's
// working folder (which tests set), leaving absolute paths as they are.
func (e *Env) Abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.Dir, p)
}

// ReadInput reads a file argument, "-" meaning standard input. It returns
// the name to use in messages ("standard input", localized, for "-"). The
// file may be anywhere (the person named it), but it must be a regular
// file: a named pipe, a device or a folder gives a *workspace.ReadError,
// as does more than workspace.MaxFileSize bytes, also on standard input.
// A file that cannot be read gives a [NewFileError].
func (e *Env) ReadInput(arg string) (data []byte, name string, err error) {
	if arg == "-" {
		name = e.T("app.stdin", nil)
		data, err = workspace.ReadLimited(e.Stdin, name)
		return data, name, err
	}
	data, err = workspace.ReadRegular(e.Abs(arg), arg)
	if workspace.IsReadError(err) {
		return nil, arg, err
	}
	if err != nil {
		return nil, arg, NewFileError(arg, err)
	}
	return data, arg, nil
}

// OpenInput opens the file named by arg for a command that reads it as a
// stream, with the checks and errors of ReadInput. It returns a nil file
// for "-": standard input is read whole, with ReadInput.
func (e *Env) OpenInput(arg string) (*os.File, error) {
	if arg == "-" {
		return nil, nil
	}
	f, err := workspace.OpenRegular(e.Abs(arg), arg)
	if workspace.IsReadError(err) {
		return nil, err
	}
	if err != nil {
		return nil, NewFileError(arg, err)
	}
	return f, nil
}

// NewFileError is the error for an input file that cannot be read: it
// names the file and the operating system's reason alone (the message
// already names the file), and wraps err.
func NewFileError(file string, err error) error {
	id := "app.file-unreadable"
	switch {
	case os.IsNotExist(err):
		id = "app.file-missing"
	case os.IsPermission(err):
		id = "app.file-denied"
	}
	reason := err
	var pe *fs.PathError
	if errors.As(reason, &pe) {
		reason = pe.Err
	}
	return locale.NewError(id, map[string]any{"File": file, "Err": reason.Error()}).Wrap(err)
}
