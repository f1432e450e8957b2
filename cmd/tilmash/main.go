// Command tilmash is a translation and glossary workbench for newsrooms
// that publish in English, Russian and Kazakh. See README.md.
package main

import (
	"os"

	"github.com/tilmash/tilmash/internal/cli"
	_ "github.com/tilmash/tilmash/internal/cli/aligncmd"
	_ "github.com/tilmash/tilmash/internal/cli/exportcmd"
	_ "github.com/tilmash/tilmash/internal/cli/glossarycmd"
	_ "github.com/tilmash/tilmash/internal/cli/reviewcmd"
	_ "github.com/tilmash/tilmash/internal/cli/segmentcmd"
)

func main() { os.Exit(cli.Run()) }
