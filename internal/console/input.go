package console

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

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
// A file that cannot be read gives a *FileError.
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
		return nil, arg, &FileError{File: arg, Err: err}
	}
	return data, arg, nil
}

// FileError is an input file that cannot be read.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return e.File + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// MessageID names the localized message for e.
func (e *FileError) MessageID() string {
	switch {
	case os.IsNotExist(e.Err):
		return "app.file-missing"
	case os.IsPermission(e.Err):
		return "app.file-denied"
	}
	return "app.file-unreadable"
}

// TemplateData gives the values of the localized message. Err is the
// operating system's reason alone: the message already names the file.
func (e *FileError) TemplateData() map[string]any {
	err := e.Err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return map[string]any{"File": e.File, "Err": err.Error()}
}
