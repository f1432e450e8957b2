package aligncmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
)

func init() { cli.Register(commands) }

func commands(env *console.Env) []*urfave.Command {
	return []*urfave.Command{alignFilesCommand(env)}
}
