package cli

import (
	"os"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/console"
)

// SaySetUp says that tilmash's merge driver was set up in the git
// repository at root (by git setup, or by init in a repository) and, when
// git would not find tilmash on this PATH, that git merges the files as
// text until it does: a driver git cannot find is not one that merges.
func SaySetUp(env *console.Env, root string) {
	if onPath(env.Getenv("PATH")) {
		env.Say("git.setup.done", map[string]any{"Root": root})
		return
	}
	env.Say("git.setup.done-no-path", map[string]any{"Root": root})
	env.Warn("git.setup.not-on-path", nil)
	env.Hint("git.setup.not-on-path.hint", nil)
}

// onPath says whether an executable tilmash is in one of the folders of
// path, where git looks for the driver's command.
func onPath(path string) bool {
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			continue
		}
		for _, name := range []string{"tilmash", "tilmash.exe"} {
			if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o111 != 0 {
				return true
			}
		}
	}
	return false
}
