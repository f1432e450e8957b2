//go:build benchfloor

// Command floor is the start-up floor of bench/all.sh: a command line with
// urfave/cli and tilmash's message catalogues and nothing else, answering
// --version as tilmash does. Built with -tags benchfloor,benchsqlite it also
// links modernc.org/sqlite, the embedded store every tilmash binary holds,
// so the table shows what that one dependency's package initialisation
// costs at every start. bench/all.sh also builds it with -tags
// benchfloor,benchdeps and a go build -overlay file that imports, blank,
// every package tilmash links: the dependencies' floor; and with -tags
// benchfloor,benchused, which calls every library on a path that never runs
// (used.go), so the linker keeps what tilmash keeps. It is not part of
// tilmash.
package main

import (
	"fmt"
	"os"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/urfave/cli/v2"
)

func main() {
	if len(os.Args) > 64 { // never: keeps the calls of used.go in the benchused build
		useDeps(os.Args[1:])
	}
	_ = locale.NewError
	app := &cli.App{Name: "tilmash", Version: "floor"}
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
