// Command tilmash is a translation and glossary workbench for newsrooms
// that publish in English, Russian and Kazakh. See README.md.
//
// main is the only place that knows the process: it reads the working
// folder, the arguments, the streams and the environment once, and run
// wires the application (internal/app) and the command groups
// (internal/cli/*cmd) to the command-line framework (internal/cli)
// explicitly. Tests call run in-process with the same wiring.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/app/stores"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/cli/aligncmd"
	"github.com/tilmash/tilmash/internal/cli/corecmd"
	"github.com/tilmash/tilmash/internal/cli/exportcmd"
	"github.com/tilmash/tilmash/internal/cli/gitcmd"
	"github.com/tilmash/tilmash/internal/cli/glossarycmd"
	"github.com/tilmash/tilmash/internal/cli/reviewcmd"
	"github.com/tilmash/tilmash/internal/cli/segmentcmd"
	"github.com/tilmash/tilmash/internal/cli/servecmd"
	"github.com/tilmash/tilmash/internal/cli/tmcmd"
	"github.com/tilmash/tilmash/internal/qa"
)

// version is the tilmash version, set at build time with
// -ldflags "-X main.version=…".
var version = "0.1.0"

func main() {
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "tilmash: %v\n", err)
		os.Exit(2)
	}
	os.Exit(run(cli.Invocation{Dir: dir, Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}))
}

// run is one invocation of tilmash with every command group. The
// hunspell processes of the spelling check are kept for the invocation's
// later checks (publish's gate spells each document) and ended at its end.
func run(inv cli.Invocation) int {
	spellers := qa.NewSpellers(maxIdleSpellers)
	defer spellers.Close()
	return runWith(inv, spellers)
}

// maxIdleSpellers bounds the spellers an invocation keeps: those of the
// Russian and Kazakh translations for two documents checked at once.
const maxIdleSpellers = 4

// runWith is run with spellers keeping the spelling check's processes.
func runWith(inv cli.Invocation, spellers *qa.Spellers) int {
	a := app.New(version)
	a.Now = clock(inv.Getenv)
	a.Spellers = spellers
	a.DicPath = inv.Getenv("DICPATH")
	a.Stores = stores.Memory() // SQLite in .tilmash, PostgreSQL for --tm / tm.url
	return cli.Main(inv, version, groups(a)...)
}

// groups are the command groups of tilmash, over a.
func groups(a *app.App) []cli.Group {
	return []cli.Group{
		corecmd.Commands(a),
		segmentcmd.Commands(a),
		aligncmd.Commands(a),
		reviewcmd.Commands(a),
		glossarycmd.Commands(a),
		exportcmd.Commands(a),
		servecmd.Commands(a),
		tmcmd.Commands(a),
		gitcmd.Commands(a),
	}
}

// clock is the time written into exported files: now, or
// SOURCE_DATE_EPOCH when set, so that builds and tests can make
// byte-identical exports.
func clock(getenv func(string) string) func() time.Time {
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			t := time.Unix(n, 0)
			return func() time.Time { return t }
		}
	}
	return time.Now
}
