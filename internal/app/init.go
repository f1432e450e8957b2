package app

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/tilmash/tilmash/internal/workspace"
)

// Init creates a workspace in dir (an absolute path) and keeps its local
// state out of git.
func (app *App) Init(dir string) (*workspace.Workspace, error) {
	ws, err := workspace.Init(dir)
	if err != nil {
		return nil, err
	}
	if err := ignoreLocalState(ws); err != nil {
		return nil, err
	}
	return ws, nil
}

// gitignore keeps a workspace's local state out of git: the lock, the
// export folder, the undo journals (git keeps the history), the temporary
// files a killed writer may leave and the translation memory index
// (derived from the documents).
var gitignore = []string{workspace.LockFile, "/export/", "documents/*/journal/", "*" + workspace.TempSuffix, "/" + workspace.LocalFolder + "/"}

// ignoreLocalState adds the lines of gitignore that .gitignore lacks,
// keeping everything already there (init may run in an existing repository).
func ignoreLocalState(ws *workspace.Workspace) error {
	old, err := ws.ReadFile(".gitignore")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	out := string(old)
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	for _, l := range gitignore {
		if !have[l] {
			out += l + "\n"
		}
	}
	if out == string(old) {
		return nil
	}
	return ws.WriteFile(".gitignore", []byte(out))
}
