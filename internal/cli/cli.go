// Package cli is tilmash's command-line framework: it builds the urfave/cli
// application from the command groups it is given, and runs it. The
// commands themselves live in the command packages (corecmd, aligncmd,
// glossarycmd, exportcmd, reviewcmd, segmentcmd), which cmd/tilmash wires
// together explicitly.
//
// [Main] runs one invocation. It picks the UI language before building the
// commands (so help is rendered in that language), lets people type flags
// after arguments as they do with git and go, localizes usage errors, and
// turns whatever a command returns into an exit code in one place
// ([console.Env.ExitCode]).
package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/locale"
)

// Group makes the commands of one part of tilmash for an Env. Two groups
// may both define a command of the same name (such as glossary): their
// subcommands are merged.
type Group func(env *console.Env) []*cli.Command

// Invocation is one run of tilmash: everything it may know of the
// process that runs it. Nothing below Main looks at the process itself
// (its working folder, environment or streams), so a test can run many
// invocations in one process.
type Invocation struct {
	Dir            string   // the working folder, absolute
	Args           []string // without the program name
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// Main runs one invocation of tilmash (whose --version is version) with
// the command groups and returns the exit code.
func Main(inv Invocation, version string, groups ...Group) int {
	args, stdin, stdout, stderr, getenv := inv.Args, inv.Stdin, inv.Stdout, inv.Stderr, inv.Getenv
	// tilmash --version alone needs none of the commands: building them
	// was most of its time after the Go runtime's
	// start. It prints what urfave/cli's version flag prints.
	if len(args) == 1 && isVersionFlag(args[0]) {
		_, err := fmt.Fprintf(stdout, "%s version %s\n", name, version)
		if err != nil {
			return 2
		}
		return 0
	}
	args = helpCommand(args)
	// Help text is built in the UI language, so the language must be known
	// before the app is built; but the global --ui-lang can only be told
	// apart from an argument once the app's flags are known (export DOC
	// --lang kk is the content language, never the UI's). The app is built
	// once, in the language the command line most likely asks for
	// (guessUILang); only when the arguments, reordered by that app, ask
	// for another is it built again in that one.
	lang := locale.Choose(guessUILang(args), getenv)
	for pass := 0; ; pass++ {
		env, err := console.NewEnv(inv.Dir, stdin, stdout, stderr, getenv, lang)
		if err != nil {
			fmt.Fprintf(stderr, "tilmash: %v\n", err)
			return 2
		}
		again, misplaced, value := false, false, ""
		err = withHelp(env, func() error {
			// Built here: commands copy urfave/cli's help templates.
			app, notFound := newApp(env, version, groups, args)
			argv := Reorder(app, append([]string{"tilmash"}, args...))
			ui := uiLangFlag(argv[1:])
			// --lang where it cannot be a content language is the old
			// name of --ui-lang: say so, in the language it asked for.
			misplaced, value = misplacedLang(app, args)
			if misplaced && ui == "" {
				ui = value
			}
			if want := locale.Choose(ui, getenv); want != lang && pass == 0 {
				lang, again = want, true
				return nil
			}
			if misplaced {
				return nil
			}
			if err := checkUILang(env, ui, getenv); err != nil {
				return err
			}
			err := app.Run(argv)
			if err == nil && *notFound != nil {
				err = *notFound
			}
			return err
		})
		if misplaced {
			if again { // the message, in the language it asked for
				if env, err = console.NewEnv(inv.Dir, stdin, stdout, stderr, getenv, lang); err != nil {
					fmt.Fprintf(stderr, "tilmash: %v\n", err)
					return 2
				}
			}
			if _, ok := locale.Lookup(value); !ok {
				value = "en|ru|kk"
			}
			return env.ExitCode(env.Usage("app.lang-is-content", map[string]any{"Value": value}, "app.lang-is-content.hint"))
		}
		// The second app chooses its own language: the commands' names and
		// flags do not depend on it.
		if !again {
			return env.ExitCode(err)
		}
	}
}

// guessUILang is the value of the first --ui-lang typed before any "--":
// the UI language the reordered arguments will almost always choose (a
// --ui-lang that is the value of another flag, or a misplaced --lang,
// makes Main build the app again).
func guessUILang(args []string) string {
	for i, a := range args {
		switch {
		case a == "--":
			return ""
		case strings.HasPrefix(a, "--ui-lang="), strings.HasPrefix(a, "-ui-lang="):
			_, v, _ := strings.Cut(a, "=")
			return v
		case (a == "--ui-lang" || a == "-ui-lang") && i+1 < len(args):
			return args[i+1]
		}
	}
	return ""
}

// checkUILang refuses a --ui-lang (ui), or else a TILMASH_LANG, that
// names none of the interface's languages: they are tilmash's own
// settings, and --ui-lang kz (the country, for kk) silently gave English.
// The locale variables (LC_ALL, LANG …) fall back to English, as any
// program's do.
func checkUILang(env *console.Env, ui string, getenv func(string) string) error {
	setting := "--ui-lang " + ui
	if strings.TrimSpace(ui) == "" {
		ui = strings.TrimSpace(getenv("TILMASH_LANG"))
		setting = "TILMASH_LANG=" + ui
	}
	if _, ok := locale.Lookup(strings.TrimSpace(ui)); ui != "" && !ok {
		return env.Usage("app.bad-ui-lang", map[string]any{"Setting": setting}, "app.bad-ui-lang.hint")
	}
	return nil
}

// helpCommand turns "[global flags] help [COMMAND…]" into "[global flags]
// COMMAND… --help", as git and go take "help": urfave/cli's own help
// command is hidden, its text being English only, so "tilmash help status"
// said "unknown command help". Only the first argument that is not a flag
// counts, so a document named help is still one.
func helpCommand(args []string) []string {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			return args
		case a == "-C" || a == "--C" || a == "--wait" || a == "-wait" || a == "--ui-lang" || a == "-ui-lang":
			i++ // skip the value
		case strings.HasPrefix(a, "-"):
		case a == "help":
			out := append(append([]string{}, args[:i]...), args[i+1:]...)
			return append(out, "--help")
		default:
			return args
		}
	}
	return args
}

// name is the program's name in help and --version.
const name = "tilmash"

// isVersionFlag reports whether a is one of the spellings urfave/cli
// takes for its version flag.
func isVersionFlag(a string) bool {
	switch a {
	case "--version", "-version", "-v", "--v":
		return true
	}
	return false
}

// uiLangFlag finds the global --ui-lang among reordered arguments: global
// flags come before the first argument that is not a flag.
func uiLangFlag(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case strings.HasPrefix(a, "--ui-lang="), strings.HasPrefix(a, "-ui-lang="):
			_, v, _ := strings.Cut(a, "=")
			return v
		case a == "--ui-lang" || a == "-ui-lang":
			if i+1 < len(args) {
				return args[i+1]
			}
		case a == "-C" || a == "--C" || a == "--wait" || a == "-wait":
			i++ // skip the value
		case len(a) > 0 && a[0] != '-':
			return ""
		}
	}
	return ""
}

// misplacedLang reports a --lang given where no content language is
// taken: before the command (where it used to choose the UI language), or
// to a command without a --lang of its own (tilmash status --lang ru). It
// returns the value typed with it, if any. args are as typed: a flag
// belongs to the last command named before it.
func misplacedLang(app *cli.App, args []string) (bool, string) {
	flags, cmds := app.Flags, app.Commands
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return false, ""
		}
		if len(a) > 1 && a[0] == '-' {
			name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if name == "lang" && !known(flags, a) {
				if !hasValue && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && find(cmds, args[i+1]) == nil {
					value = args[i+1]
				}
				return true, value
			}
			if !hasValue && (takesValue(flags, a) || takesValue(app.Flags, a)) {
				i++
			}
			continue
		}
		if c := find(cmds, a); c != nil {
			flags, cmds = c.Flags, c.Subcommands
		}
	}
	return false, ""
}

// NewApp builds the urfave/cli application of the command groups for
// env. Its help is in English until it runs through [Main].
func NewApp(env *console.Env, version string, groups ...Group) *cli.App {
	app, _ := newApp(env, version, groups, nil)
	return app
}

// newApp builds the application, and the place where it leaves the error
// of an unknown command (urfave/cli's CommandNotFound cannot return one).
// typed are the arguments as the user typed them, for naming a flag in an
// error as it was written.
func newApp(env *console.Env, version string, groups []Group, typed []string) (*cli.App, *error) {
	notFound := new(error)
	app := &cli.App{
		Name:                 name,
		Usage:                env.T("app.usage", nil),
		UsageText:            env.T("app.usage-text", nil),
		Description:          env.T("app.description", nil),
		Version:              version,
		Reader:               env.Stdin,
		Writer:               env.Stdout,
		ErrWriter:            env.Stderr,
		EnableBashCompletion: true,
		HideHelpCommand:      true,
		Suggest:              false,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "C", Usage: env.T("flag.C", nil), Destination: &env.WorkspaceDir, EnvVars: nil},
			&cli.StringFlag{Name: "ui-lang", Usage: env.T("flag.ui-lang", nil)},
			&cli.DurationFlag{Name: "wait", Usage: env.T("flag.wait", nil), Value: env.LockWait, Destination: &env.LockWait},
		},
		ExitErrHandler: func(*cli.Context, error) {}, // Main maps errors to exit codes, never os.Exit inside
		CommandNotFound: func(c *cli.Context, name string) {
			// Under a command with subcommands (tilmash tm build), the
			// hint is that command's help, which lists them. tilmash help
			// NAME asks the app's own command (named tilmash) for NAME.
			if c.Command != nil && c.Command.FullName() != "" && c.Command.FullName() != c.App.Name {
				if m := meant(name, commandNames(c.Command.Subcommands)); m != "" {
					*notFound = env.Usage("app.unknown-subcommand", map[string]any{"Name": name, "Command": c.Command.FullName(), "Meant": m}, "app.unknown-subcommand.meant-hint")
					return
				}
				*notFound = env.Usage("app.unknown-subcommand", map[string]any{"Name": name, "Command": c.Command.FullName()}, "app.unknown-subcommand.hint")
				return
			}
			*notFound = unknownCommand(env, name, c.App.Commands)
		},
	}
	app.Flags = strict(app.Flags)
	app.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
		return usageError(env, err, typed, app.Flags, nil)
	}
	app.Commands = commands(env, groups)
	for _, c := range app.Commands {
		setUsageErrors(env, c, typed, app.Flags)
	}
	app.Before = func(*cli.Context) error {
		*notFound = nil
		if env.LockWait < 0 { // taken as 0 before: a typo, not a choice
			return env.Usage("app.negative-wait", map[string]any{"Wait": env.LockWait.String()}, "app.negative-wait.hint")
		}
		return nil
	}
	app.Action = func(c *cli.Context) error {
		if c.NArg() > 0 {
			return unknownCommand(env, c.Args().First(), c.App.Commands)
		}
		return cli.ShowAppHelp(c)
	}
	return app, notFound
}

// unknownCommand is the error for name, which is none of cmds: its hint
// names the command name is most likely a typo of, when there is one.
func unknownCommand(env *console.Env, name string, cmds []*cli.Command) error {
	if m := meant(name, commandNames(cmds)); m != "" {
		return env.Usage("app.unknown-command", map[string]any{"Name": name, "Meant": m}, "app.unknown-command.meant-hint")
	}
	return env.Usage("app.unknown-command", map[string]any{"Name": name}, "app.unknown-command.hint")
}

func commands(env *console.Env, groups []Group) []*cli.Command {
	var out []*cli.Command
	byName := map[string]*cli.Command{}
	for _, g := range groups {
		for _, c := range g(env) {
			if prev, ok := byName[c.Name]; ok {
				prev.Subcommands = append(prev.Subcommands, c.Subcommands...)
				if prev.Usage == "" { // the group that owns the command gives its texts
					prev.Usage, prev.UsageText, prev.Description, prev.ArgsUsage = c.Usage, c.UsageText, c.Description, c.ArgsUsage
				}
				continue
			}
			byName[c.Name] = c
			out = append(out, c)
		}
	}
	for _, c := range out {
		sort.SliceStable(c.Subcommands, func(i, j int) bool { return c.Subcommands[i].Name < c.Subcommands[j].Name })
	}
	sort.SliceStable(out, func(i, j int) bool { return order(out[i].Name) < order(out[j].Name) })
	return out
}

// order lists commands in the order of the workflow, not the alphabet:
// that is how a newcomer reads the help.
func order(name string) int {
	for i, n := range []string{"init", "import", "status", "segment", "align", "align-files", "show", "group", "review", "undo", "redo", "glossary", "check", "export", "import-tmx", "import-xliff", "publish"} {
		if n == name {
			return i
		}
	}
	return 100
}

// setUsageErrors localizes flag errors at every level, makes every
// single-value flag refuse a second value (see strict), and hides
// urfave/cli's built-in help subcommand, whose text is English only
// (--help works everywhere).
func setUsageErrors(env *console.Env, c *cli.Command, typed []string, global []cli.Flag) {
	c.Flags = strict(c.Flags)
	c.OnUsageError = func(_ *cli.Context, err error, _ bool) error { return usageError(env, err, typed, global, c.Flags) }
	c.HideHelpCommand = true
	if len(c.Subcommands) == 0 {
		// urfave/cli renders some leaf commands with the subcommand
		// template ("command [command options]"); pin the leaf one.
		c.CustomHelpTemplate = cli.CommandHelpTemplate
	}
	for _, s := range c.Subcommands {
		setUsageErrors(env, s, typed, global)
	}
}

// usageError localizes the errors of Go's flag parser, which urfave/cli
// passes on in English. Their forms are fixed by the flag package; anything
// else is shown as it is. Flags are named as they were typed (typed, the
// command line): the parser's message has lost the dashes. An unknown flag
// that is a one-letter flag of global or flags glued to its value (-C.,
// which Go's parser does not split) is told to take a space.
func usageError(env *console.Env, err error, typed []string, global, flags []cli.Flag) error {
	msg := err.Error()
	if flag, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		written := dashed(flag, typed)
		name := strings.TrimLeft(written, "-")
		if len(written)-len(name) == 1 && len(name) > 1 {
			short, value := name[:1], name[1:]
			if takesValue(global, short) || takesValue(flags, short) {
				return env.Usage("app.unknown-flag", map[string]any{"Flag": written, "Short": "-" + short, "Value": value}, "app.glued-value.hint")
			}
		}
		if m := meantFlag(written, global, flags); m != "" {
			return env.Usage("app.unknown-flag", map[string]any{"Flag": written, "Meant": m}, "app.unknown-flag.meant-hint")
		}
		return env.Usage("app.unknown-flag", map[string]any{"Flag": written}, "app.bad-usage.hint")
	}
	if flag, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return env.Usage("app.flag-needs-value", map[string]any{"Flag": dashed(flag, typed)}, "app.bad-usage.hint")
	}
	if forms, ok := strings.CutPrefix(msg, "Cannot use two forms of the same flag: "); ok {
		flag, _, _ := strings.Cut(forms, " ")
		return env.Usage("app.repeated-flag", map[string]any{"Flag": dashed(flag, typed)}, "app.repeated-flag.hint")
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, flag, ok := strings.Cut(rest, " for flag "); ok {
			flag, reason, _ := strings.Cut(flag, ": ")
			if reason == errRepeated.Error() {
				return env.Usage("app.repeated-flag", map[string]any{"Flag": dashed(flag, typed)}, "app.repeated-flag.hint")
			}
			return env.Usage("app.bad-flag-value", map[string]any{"Flag": dashed(flag, typed), "Value": value}, "app.bad-usage.hint")
		}
	}
	return env.Usage("app.bad-usage", map[string]any{"Err": msg}, "app.bad-usage.hint")
}

// dashed writes a flag name as it was typed in typed (-C., -bogus), or
// else as people type it: -C, --format.
func dashed(flag string, typed []string) string {
	name := strings.TrimLeft(flag, "-")
	for _, a := range typed {
		if a == "--" {
			break
		}
		n, _, _ := strings.Cut(a, "=")
		if len(n) > 1 && n[0] == '-' && strings.TrimLeft(n, "-") == name {
			return n
		}
	}
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
