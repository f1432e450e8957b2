package cli

import (
	"fmt"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
)

// help guards urfave/cli's help templates and flag rendering, which it
// keeps in package variables: lang is the UI language they are set for.
// Invocations in that language run side by side (tests run many in one
// process); one in another language waits to switch them.
var help struct {
	sync.RWMutex
	lang string
}

// withHelp runs an app with urfave/cli's help in env's UI language.
func withHelp(env *console.Env, run func() error) error {
	for {
		help.RLock()
		if help.lang == env.Loc.Lang {
			defer help.RUnlock()
			return run()
		}
		help.RUnlock()
		help.Lock()
		localizeHelp(env)
		help.lang = env.Loc.Lang
		help.Unlock()
	}
}

// localizeHelp replaces urfave/cli's English help templates and flag
// rendering with ones whose headings and words come from the catalogue.
// The caller holds help's lock.
func localizeHelp(env *console.Env) {
	r := strings.NewReplacer(
		"@NAME@", env.T("help.name", nil),
		"@USAGE@", env.T("help.usage", nil),
		"@VERSION@", env.T("help.version", nil),
		"@DESCRIPTION@", env.T("help.description", nil),
		"@COMMANDS@", env.T("help.commands", nil),
		"@GLOBAL@", env.T("help.global-options", nil),
		"@OPTIONS@", env.T("help.options", nil),
		"@COMMAND@", env.T("help.command-placeholder", nil),
		"@CMDOPTS@", env.T("help.command-options", nil),
		"@GLOBALOPTS@", env.T("help.global-options-placeholder", nil),
	)
	cli.AppHelpTemplate = r.Replace(appHelp)
	cli.CommandHelpTemplate = r.Replace(commandHelp)
	cli.SubcommandHelpTemplate = r.Replace(subcommandHelp)
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: env.T("flag.help", nil)}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: env.T("flag.version", nil)}
	def := env.T("help.default", nil)
	value := func(name string) string {
		id := valueID + name
		if s := env.T(id, nil); s != id {
			return s
		}
		return ""
	}
	cli.FlagStringer = func(f cli.Flag) string { return flagString(f, def, value) }
}

// valueID is the prefix of the catalogue ids of flags' value placeholders,
// by flag name (flag.value.format: ФОРМАТ), shared by every command whose
// flag has that name. A back-quoted word in a flag's usage comes first.
const valueID = "flag.value."

// flagString renders one flag line: names, a placeholder for its value,
// the localized usage and the default. As in urfave/cli, a back-quoted word
// in the usage names the placeholder ("language of the `ТЕКСТ`"); else
// valueName gives it from the catalogue by the flag's name, so every
// placeholder is in the reader's language.
func flagString(f cli.Flag, def string, valueName func(name string) string) string {
	var names []string
	for _, n := range f.Names() {
		if len(n) == 1 {
			names = append(names, "-"+n)
		} else {
			names = append(names, "--"+n)
		}
	}
	s := strings.Join(names, ", ")
	usage, value := "", ""
	if df, ok := f.(cli.DocGenerationFlag); ok {
		var ph string
		ph, usage = unquote(df.GetUsage())
		if df.TakesValue() {
			if ph == "" {
				ph = valueName(f.Names()[0])
			}
			if ph == "" {
				ph = placeholder(f)
			}
			s += " " + ph
			value = df.GetDefaultText()
			if value == "" {
				value = df.GetValue()
			}
		}
	}
	if value != "" && value != `""` && value != "[]" && value != "0s" {
		usage += fmt.Sprintf(" (%s: %s)", def, strings.Trim(value, `"`))
	}
	return s + "\t" + usage
}

func placeholder(f cli.Flag) string {
	name := f.Names()[0]
	if len(name) == 1 {
		return "DIR"
	}
	return strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

const appHelp = `@NAME@:
   {{template "helpNameTemplate" .}}

@USAGE@:
   {{if .UsageText}}{{wrap .UsageText 3}}{{else}}{{.HelpName}} [@GLOBALOPTS@] @COMMAND@ [@CMDOPTS@]{{end}}{{if .Description}}

@DESCRIPTION@:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

@COMMANDS@:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

@GLOBAL@:{{template "visibleFlagTemplate" .}}{{end}}{{if .Version}}

@VERSION@:
   {{.Version}}{{end}}
`

const commandHelp = `@NAME@:
   {{template "helpNameTemplate" .}}

@USAGE@:
   {{if .UsageText}}{{wrap .UsageText 3}}{{else}}{{.HelpName}}{{if .VisibleFlags}} [@CMDOPTS@]{{end}}{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}{{end}}{{if .Description}}

@DESCRIPTION@:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleFlags}}

@OPTIONS@:{{template "visibleFlagTemplate" .}}{{end}}
`

const subcommandHelp = `@NAME@:
   {{template "helpNameTemplate" .}}

@USAGE@:
   {{if .UsageText}}{{wrap .UsageText 3}}{{else}}{{.HelpName}} @COMMAND@{{if .VisibleFlags}} [@CMDOPTS@]{{end}}{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}{{end}}{{if .Description}}

@DESCRIPTION@:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

@COMMANDS@:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

@OPTIONS@:{{template "visibleFlagTemplate" .}}{{end}}
`

// unquote takes the first back-quoted word out of a usage text as the
// placeholder, the way urfave/cli's own help does.
func unquote(usage string) (placeholder, text string) {
	i := strings.IndexByte(usage, '`')
	if i < 0 {
		return "", usage
	}
	j := strings.IndexByte(usage[i+1:], '`')
	if j < 0 {
		return "", usage
	}
	name := usage[i+1 : i+1+j]
	return name, usage[:i] + name + usage[i+2+j:]
}
