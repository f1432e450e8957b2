package exportcmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
)

func init() { cli.Register(commands) }

// commands are export, import-tmx, and the export and import subcommands
// of glossary (the glossary command itself, its usage and its other
// subcommands belong to glossarycmd; the core merges the two).
func commands(env *console.Env) []*urfave.Command {
	return []*urfave.Command{
		exportCommand(env),
		importTMXCommand(env),
		publishCommand(env),
		{Name: "glossary", Subcommands: []*urfave.Command{glossaryExportCommand(env), glossaryImportCommand(env)}},
	}
}
