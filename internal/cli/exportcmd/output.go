package exportcmd

import (
	"path/filepath"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/workspace"
)

// resolveOutput interprets -o (see app.ResolveOutput); a relative path is
// relative to the working folder.
func resolveOutput(env *console.Env, ws *workspace.Workspace, o string, force bool) (*app.Output, error) {
	return app.ResolveOutput(ws, o, env.Abs(o), force, env.Stdout)
}

// shown is how messages name the file written for name: as the user typed
// the output path, or relative to the working folder.
func shown(env *console.Env, o *app.Output, name string) string {
	if o.Given == "" {
		return display(env, o.File(name))
	}
	return o.ShownName(name)
}

// display shows a path relative to the working folder when it lies inside
// it.
func display(env *console.Env, p string) string {
	if r, err := filepath.Rel(env.Dir, p); err == nil && filepath.IsLocal(r) {
		return r
	}
	return p
}
