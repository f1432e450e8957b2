package cli

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// Reorder moves flags in front of positional arguments at every command
// level, so that "tilmash export DOC --format tmx" works as well as
// "tilmash export --format tmx DOC", and a global flag typed after the
// command ("tilmash status -C ws") is moved in front of it. urfave/cli v2
// (like Go's flag package) stops reading flags at the first argument;
// people who use git and go expect otherwise.
//
// A flag's value is kept with it: a flag that is not boolean takes the next
// argument unless written as --flag=value. After "--" nothing is moved. A
// positional argument that itself starts with "-" (other than "-", which
// means standard input) is put after a "--" so it is not read as a flag.
func Reorder(app *cli.App, argv []string) []string {
	if len(argv) == 0 {
		return argv
	}
	globals, rest, _ := reorderLevel(app.Flags, app.Flags, app.Commands, argv[1:], true)
	return append(append([]string{argv[0]}, globals...), rest...)
}

// reorderLevel returns the global flags it found (to go before the
// command) and the reordered arguments of this level. dangling says the
// last of globals is a global flag that needs a value and has none (typed
// last, after the command): the command is then left out, so that the
// flag ends the command line and the parser says it needs a value, rather
// than taking the command's name for it ("-C export" ran no command and
// exited 0).
func reorderLevel(global, flags []cli.Flag, cmds []*cli.Command, args []string, top bool) (globals, out []string, dangling bool) {
	var flagArgs, pos []string
	help := false // a --help or -h of its own, not a flag's value
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			own := top || known(flags, a)
			value := !strings.Contains(a, "=") && i+1 < len(args) &&
				((own && takesValue(flags, a)) || (!own && takesValue(global, a)))
			group := &flagArgs
			if !own && known(global, a) {
				group = &globals
			}
			*group = append(*group, a)
			help = help || a == "--help" || a == "-h"
			if value {
				i++
				*group = append(*group, args[i])
			} else if !strings.Contains(a, "=") && i+1 == len(args) && ((own && takesValue(flags, a)) || (!own && takesValue(global, a))) {
				// A value flag with nothing after it: left last, with no
				// arguments for it to swallow, the parser says it needs a
				// value.
				return globals, flagArgs, group == &globals
			}
			continue
		}
		if len(pos) == 0 {
			if c := find(cmds, a); c != nil {
				g, rest, dangling := reorderLevel(global, c.Flags, c.Subcommands, args[i+1:], false)
				switch {
				case dangling && top:
					return nil, append(flagArgs, g...), false
				case dangling:
					return g, nil, true
				case top:
					return nil, append(append(append(flagArgs, g...), a), rest...), false
				}
				return g, append(append(flagArgs, a), rest...), false
			}
		}
		pos = append(pos, a)
	}
	// A command without subcommands asked for its help after its
	// arguments (tilmash export DOC --help, as git log FILE --help): the
	// arguments go, or urfave/cli would read the first as the name of a
	// help topic, a subcommand it does not have.
	if help && !top && len(cmds) == 0 {
		pos = nil
	}
	// Flags go first, then the positional arguments. If any of them looks
	// like a flag (or the command line had "--"), a single "--" before them
	// keeps the parser from reading them as flags; the original "--" is
	// dropped, since Go's flag parser only consumes one at the front.
	dash := false
	var rest []string
	for _, p := range pos {
		switch {
		case p == "--" && !dash:
			dash = true
			continue
		case len(p) > 1 && p[0] == '-':
			dash = true
		}
		rest = append(rest, p)
	}
	if dash {
		flagArgs = append(flagArgs, "--")
	}
	return globals, append(flagArgs, rest...), false
}

func find(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// known reports whether arg names one of flags.
func known(flags []cli.Flag, arg string) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// takesValue reports whether flag arg (such as "--format" or "-C") needs
// a value. Unknown flags are treated as boolean: the parser will reject
// them with a clear message anyway.
func takesValue(flags []cli.Flag, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if _, ok := f.(*cli.BoolFlag); ok {
				return false
			}
			return true
		}
	}
	return false
}
