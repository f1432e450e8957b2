package exportcmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
)

// Commands are export, import-tmx, import-xliff, publish, and the export and import
// subcommands of glossary (the glossary command itself, its usage and its
// other subcommands belong to glossarycmd; the framework merges the two),
// over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{
			exportCommand(a, env),
			importTMXCommand(a, env),
			importXLIFFCommand(a, env),
			publishCommand(a, env),
			{Name: "glossary", Subcommands: []*urfave.Command{glossaryExportCommand(a, env), glossaryImportCommand(a, env)}},
		}
	}
}
