package cli

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/document"
)

// meant returns the one name of names that typed is most likely a typo
// of, "" when none is close or two are as close: one edit away (a letter
// left out, added, changed, or two swapped), two for a name of more than
// four letters. It is for the "did you mean" of an unknown command or
// option; urfave/cli's own suggestions are English only and guess even
// for a word that is nothing like a command.
func meant(typed string, names []string) string {
	if len([]rune(typed)) < 2 {
		return ""
	}
	limit := 1
	if len([]rune(typed)) > 4 {
		limit = 2
	}
	best, found, tie := limit+1, "", false
	for _, n := range names {
		if n == typed {
			return ""
		}
		d := document.EditDistance(typed, n)
		switch {
		case d < best:
			best, found, tie = d, n, false
		case d == best && n != found:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return found
}

// commandNames are the names and aliases of the visible commands.
func commandNames(cmds []*cli.Command) []string {
	var out []string
	for _, c := range cmds {
		if !c.Hidden {
			out = append(out, c.Names()...)
		}
	}
	return out
}

// meantFlag returns the option of global or flags that written (as typed,
// with its dashes) is most likely a typo of, with its dashes; "" for none.
func meantFlag(written string, global, flags []cli.Flag) string {
	var names []string
	for _, f := range append(append([]cli.Flag(nil), flags...), global...) {
		names = append(names, f.Names()...)
	}
	names = append(names, "help")
	m := meant(strings.TrimLeft(written, "-"), names)
	switch {
	case m == "":
		return ""
	case len(m) == 1:
		return "-" + m
	}
	return "--" + m
}
