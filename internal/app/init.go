package app

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Init creates a workspace in dir (an absolute path) and keeps its local
// state out of git; its .gitattributes names the merge driver, which
// [App.GitSetupIfRepo] configures.
func (app *App) Init(dir string) (*workspace.Workspace, error) {
	ws, err := workspace.Init(dir)
	if err != nil {
		return nil, err
	}
	if err := ignoreLocalState(ws); err != nil {
		return nil, err
	}
	if err := keepLF(ws); err != nil {
		return nil, err
	}
	return ws, nil
}

// EnclosingWorkspace is the root of the workspace whose folder holds ws,
// or "" when none does: commands run inside ws use ws, not that one.
func (app *App) EnclosingWorkspace(ws *workspace.Workspace) string {
	outer, err := workspace.Find("", "", filepath.Dir(ws.Root))
	if err != nil {
		return ""
	}
	return outer.Root
}

// gitattributes keeps the workspace's own text files in LF on every
// system. alignment.yaml holds byte offsets into LANG.txt and sha256 sums
// of the texts: a clone made with core.autocrlf (Git for Windows' default)
// added a CR to every line, so every text was "changed on disk", every
// sentence after the first line missed its span, and no group could be
// edited. eol=lf applies whatever the clone's settings. The last lines
// give alignment.yaml and meta.yaml to tilmash's merge driver (see
// [App.GitSetup]); without the driver configured (a fresh clone: git
// config is not cloned) git merges them as text, as before. Static data:
// nothing runs at start.
var gitattributes = []string{
	"# tilmash: alignment.yaml holds byte offsets into the texts; keep LF on every system",
	"documents/**/*.txt text eol=lf",
	"documents/**/*.yaml text eol=lf",
	"glossary/**/*.yaml text eol=lf",
	"glossary/**/*.txt text eol=lf",
	"tilmash.yaml text eol=lf",
	"# tilmash: merges the offsets and sums of alignment.yaml and meta.yaml itself (tilmash git setup)",
	"documents/*/" + document.AlignmentName + " merge=" + GitDriver,
	"documents/*/meta.yaml merge=" + GitDriver,
}

// keepLF adds the lines of gitattributes that .gitattributes lacks,
// keeping everything already there.
func keepLF(ws *workspace.Workspace) error {
	return addLines(ws, ".gitattributes", gitattributes)
}

// gitignore keeps a workspace's local state out of git: the lock, the
// export folder, the undo journals (git keeps the history), the temporary
// files a killed writer may leave and the translation memory index
// (derived from the documents).
var gitignore = []string{workspace.LockFile, "/export/", "documents/*/journal/", "*" + workspace.TempSuffix, "/" + workspace.LocalFolder + "/"}

// ignoreLocalState adds the lines of gitignore that .gitignore lacks,
// keeping everything already there (init may run in an existing repository).
func ignoreLocalState(ws *workspace.Workspace) error {
	return addLines(ws, ".gitignore", gitignore)
}

// addLines adds to the file name of ws the lines it lacks, keeping
// everything already there (init may run in an existing repository).
func addLines(ws *workspace.Workspace, name string, lines []string) error {
	old, err := ws.ReadFile(name)
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
	for _, l := range lines {
		if !have[l] {
			out += l + "\n"
		}
	}
	if out == string(old) {
		return nil
	}
	return ws.WriteFile(name, []byte(out))
}
