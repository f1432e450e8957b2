package reviewcmd

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/args"
)

// languageFlag is the --language flag of the group commands. --lang is an
// alias: the issue's own example is "group split DOC 12 --lang ru --at 2",
// and a command's own --lang wins over the global one that picks the
// language of the messages (which must then come before the command).
func languageFlag(env *console.Env, usageID string) urfave.Flag {
	return &urfave.StringFlag{Name: "language", Aliases: []string{"l", "lang"}, Usage: flagUsage(env, usageID, "review.ph.lang")}
}

func groupCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "group",
		Usage:       env.T("review.group.usage", nil),
		Description: env.T("review.group.description", nil),
		Subcommands: []*urfave.Command{
			{
				Name: "merge", Usage: env.T("review.group.merge.usage", nil), ArgsUsage: env.T("review.group.merge.args", nil),
				Description: env.T("review.group.merge.description", nil),
				Flags:       []urfave.Flag{widthFlag(env)},
				Action: func(c *urfave.Context) error {
					return mergeEdit(a, env, c)
				},
			},
			{
				Name: "split", Usage: env.T("review.group.split.usage", nil), ArgsUsage: env.T("review.group.split.args", nil),
				Description: env.T("review.group.split.description", nil),
				Flags: []urfave.Flag{
					&urfave.StringSliceFlag{Name: "at", Usage: flagUsage(env, "review.flag.at", "review.ph.at")},
					languageFlag(env, "review.flag.at-language"),
					widthFlag(env),
				},
				Action: func(c *urfave.Context) error {
					if err := spreadArg(env, c, "split"); err != nil {
						return err
					}
					return groupEdit(a, env, c, 2, "review.group.split.args", func(_ *document.Alignment, n int) (review.Op, error) {
						if len(c.StringSlice("at")) == 0 {
							return nil, needFlag(env, "at", "review.ph.at")
						}
						at, err := args.ParseAt(c.StringSlice("at"), c.String("language"))
						if err != nil {
							return nil, err
						}
						return review.Split{Group: n, At: at}, nil
					})
				},
			},
			{
				Name: "move", Usage: env.T("review.group.move.usage", nil), ArgsUsage: env.T("review.group.move.args", nil),
				Description: env.T("review.group.move.description", nil),
				Flags: []urfave.Flag{
					languageFlag(env, "review.flag.language"),
					&urfave.StringFlag{Name: "to", Usage: flagUsage(env, "review.flag.to", "review.ph.to")},
					widthFlag(env),
				},
				Action: func(c *urfave.Context) error {
					return groupEdit(a, env, c, 2, "review.group.move.args", func(a *document.Alignment, n int) (review.Op, error) {
						lang, err := needLanguage(env, c, a)
						if err != nil {
							return nil, err
						}
						if !c.IsSet("to") {
							return nil, needFlag(env, "to", "review.ph.to")
						}
						next, err := args.ParseDirection(c.String("to"))
						if err != nil {
							return nil, err
						}
						return review.Move{Group: n, Lang: lang, Next: next}, nil
					})
				},
			},
			{
				Name: "edit", Usage: env.T("review.group.edit.usage", nil), ArgsUsage: env.T("review.group.edit.args", nil),
				Description: env.T("review.group.edit.description", nil),
				Flags: []urfave.Flag{
					languageFlag(env, "review.flag.language"),
					&urfave.IntFlag{Name: "sentence", Usage: flagUsage(env, "review.flag.sentence", "review.ph.k"),
						DefaultText: env.T("review.flag.sentence.default", nil)},
					&urfave.StringFlag{Name: "text", Usage: flagUsage(env, "review.flag.text", "review.ph.text")},
					widthFlag(env),
				},
				Action: func(c *urfave.Context) error {
					if err := spreadArg(env, c, "edit"); err != nil {
						return err
					}
					return groupEdit(a, env, c, 2, "review.group.edit.args", func(a *document.Alignment, n int) (review.Op, error) {
						lang, err := needLanguage(env, c, a)
						if err != nil {
							return nil, err
						}
						if !c.IsSet("text") {
							return nil, needFlag(env, "text", "review.ph.text")
						}
						k := c.Int("sentence")
						if !c.IsSet("sentence") {
							if n < 1 || n > len(a.Groups) {
								return nil, review.NoGroup(n, len(a.Groups))
							}
							// Without --sentence the group's only sentence in
							// the language is meant; with none or several the
							// error says which.
							k = 1
							if have := len(a.Groups[n-1].Sents[lang]); have > 1 {
								return nil, env.Usage("review.which-sentence", map[string]any{"Group": n, "Lang": lang, "Count": have, "ID": c.Args().First()}, "review.which-sentence.hint")
							}
						}
						return review.EditText{Group: n, Lang: lang, Sentence: k, Text: c.String("text")}, nil
					})
				},
			},
			{
				Name: "confirm", Usage: env.T("review.group.confirm.usage", nil), ArgsUsage: env.T("review.group.confirm.args", nil),
				Description: env.T("review.group.confirm.description", nil),
				Action: func(c *urfave.Context) error {
					return rangeEdit(a, env, c, true)
				},
			},
			{
				Name: "unconfirm", Usage: env.T("review.group.unconfirm.usage", nil), ArgsUsage: env.T("review.group.unconfirm.args", nil),
				Description: env.T("review.group.unconfirm.description", nil),
				Action: func(c *urfave.Context) error {
					return rangeEdit(a, env, c, false)
				},
			},
			{
				Name: "note", Usage: env.T("review.group.note.usage", nil), ArgsUsage: env.T("review.group.note.args", nil),
				Description: env.T("review.group.note.description", nil),
				Action: func(c *urfave.Context) error {
					if err := spreadArg(env, c, "note"); err != nil {
						return err
					}
					return groupEdit(a, env, c, 3, "review.group.note.args", func(_ *document.Alignment, n int) (review.Op, error) {
						return review.SetNote{Group: n, Note: c.Args().Get(2)}, nil
					})
				},
			},
		},
	}
}

// flagUsage renders a flag's usage with its placeholder in back quotes,
// which the help shows after the flag's name: --at LANG:K, or in Russian
// --at ЯЗЫК:K. The placeholder comes from its own catalogue id, so that the
// help and the messages that name the flag (needFlag) agree.
func flagUsage(env *console.Env, usageID, placeholderID string) string {
	return env.T(usageID, map[string]any{"Ph": "`" + env.T(placeholderID, nil) + "`"})
}

// needFlag is the usage error for a missing flag, shown with its
// placeholder: "this command needs --at LANG:K".
func needFlag(env *console.Env, name, placeholderID string) error {
	return env.Usage("review.need-flag", map[string]any{"Flag": "--" + name + " " + env.T(placeholderID, nil)}, "review.args.hint")
}

// widthFlag is the --width flag of show and of the group commands that
// draw the groups they changed.
func widthFlag(env *console.Env) urfave.Flag {
	return &urfave.IntFlag{Name: "width", Usage: flagUsage(env, "review.flag.width", "review.ph.n"),
		DefaultText: env.T("review.default.width", nil)}
}

// needLanguage reads --language, which must be one of the alignment's.
func needLanguage(env *console.Env, c *urfave.Context, a *document.Alignment) (string, error) {
	l := c.String("language")
	if l == "" {
		return "", needFlag(env, "language", "review.ph.lang")
	}
	for _, k := range a.Languages {
		if k == l {
			return l, nil
		}
	}
	return "", review.BadLanguage(l, a.Languages)
}

// groupEdit runs a subcommand whose arguments are DOC N (and nargs-2 more):
// it builds the op from the current alignment and applies it.
func groupEdit(ap *app.App, env *console.Env, c *urfave.Context, nargs int, argsID string, build func(a *document.Alignment, n int) (review.Op, error)) error {
	if c.NArg() != nargs {
		return wantArgs(env, argsID)
	}
	n, err := args.ParseGroup(c.Args().Get(1))
	if err != nil {
		return err
	}
	return edit(ap, env, c, c.Args().First(), func(a *document.Alignment) (review.Op, error) { return build(a, n) })
}

// mergeEdit joins group N with the next (DOC N, or DOC N N+1 as a person
// names the two), or a run of neighbouring groups (DOC N-M).
func mergeEdit(ap *app.App, env *console.Env, c *urfave.Context) error {
	if c.NArg() != 2 && c.NArg() != 3 {
		return wantArgs(env, "review.group.merge.args")
	}
	first, last, err := args.ParseMerge(c.Args().Slice()[1:])
	if err != nil {
		return err
	}
	return edit(ap, env, c, c.Args().First(), func(*document.Alignment) (review.Op, error) {
		return review.Merge{Group: first, Last: last}, nil
	})
}

func rangeEdit(ap *app.App, env *console.Env, c *urfave.Context, confirm bool) error {
	argsID := "review.group.unconfirm.args"
	if confirm {
		argsID = "review.group.confirm.args"
	}
	name := "unconfirm"
	if confirm {
		name = "confirm"
	}
	if err := spreadArg(env, c, name); err != nil {
		return err
	}
	if c.NArg() != 2 {
		return wantArgs(env, argsID)
	}
	return edit(ap, env, c, c.Args().First(), func(a *document.Alignment) (review.Op, error) {
		groups, err := args.ParseRange(c.Args().Get(1), len(a.Groups))
		if err != nil {
			return nil, err
		}
		return review.SetStatus{Groups: groups, Confirm: confirm}, nil
	})
}

// edit is the one path every change takes from the command line: open
// the document, take the workspace lock, let the app build and apply the
// op (see app.Edit) and report what changed, glossary findings included.
// The touched groups of an edit that reshapes groups or text are drawn on
// standard output, --width cells wide when the command has it.
func edit(ap *app.App, env *console.Env, c *urfave.Context, id string, build func(a *document.Alignment) (review.Op, error)) error {
	ws, d, err := openDoc(env, id)
	if err != nil {
		return err
	}
	unlock, err := env.Lock(ws)
	if err != nil {
		return err
	}
	defer unlock()
	res, err := ap.Edit(d, app.EditRequest{
		Marker: loadMarker(ap, env, ws),
		Build: func(a *document.Alignment) (review.Op, error) {
			if err := checkWidth(env, c, len(a.Languages)); err != nil {
				return nil, err
			}
			return build(a)
		},
	})
	if err != nil {
		return review.InDocument(err, d.ID)
	}
	report(env, d.ID, res, c.Int("width"))
	return nil
}

// report tells what an applied edit did, and draws the groups an edit of
// sentences made, width cells wide (0: the terminal's).
func report(env *console.Env, id string, res *app.EditResult, width int) {
	if e := res.Recovered; e != nil {
		env.Warn("review.recovered", map[string]any{"What": describe(env, e), "Step": e.Step})
	}
	c := res.Change
	if res.Step == 0 {
		env.Say("review.unchanged", map[string]any{"ID": id})
		return
	}
	say(env, c.Message, c.Data)
	if len(c.Unconfirmed) > 0 {
		warn(env, "review.unconfirmed", map[string]any{"Count": len(c.Unconfirmed), "Groups": review.FormatRange(c.Unconfirmed)})
	}
	for _, g := range c.Gaps {
		env.Warn("review.gap", map[string]any{"Group": g.Group, "Langs": strings.Join(g.Langs, ", ")})
	}
	for _, j := range res.Joined {
		data := map[string]any{"ID": id, "Group": j.Group, "Lang": j.Lang, "Sentence": j.Sentence, "Count": j.Count}
		env.Warn("review.joined", data)
		env.Hint("review.joined.hint", data)
	}
	cli.WarnLostFormatting(env, id, res.LostFormatting)
	if len(c.Removed) > 0 {
		env.SayN("review.confirmed-removed", len(c.Removed), map[string]any{"ID": id, "Groups": review.FormatRange(c.Removed)})
	}
	if groups, langs := c.Omitted(); len(groups) > 0 {
		data := map[string]any{"ID": id, "Count": len(groups), "Groups": review.FormatRange(groups), "Langs": strings.Join(langs, ", ")}
		warn(env, "review.confirmed-omission", data)
		env.Hint("review.confirmed-omission.hint", data)
	}
	if !c.Sentences {
		// Confirming does not resolve findings, and export refuses a
		// document that has any.
		if len(res.Still) > 0 {
			env.Warn("review.findings-still", map[string]any{"Count": res.StillCount, "Groups": review.FormatRange(res.Still), "Kinds": app.KindSummary(env.T, res.StillKinds)})
			hint := "review.findings-still.hint"
			if res.StillErrors == 0 { // export refuses errors only
				hint = "review.findings-still.warnings-hint"
			}
			env.Hint(hint, map[string]any{"ID": id, "Groups": review.FormatRange(res.Still)})
		}
		return
	}
	l := labels(env)
	for _, m := range res.Resolved {
		env.Say("review.finding-resolved", map[string]any{"Finding": l.Finding(m)})
	}
	for _, m := range res.Added {
		env.Warn("review.finding-added", map[string]any{"Finding": l.Finding(m)})
	}
	switch {
	case res.Findings > 0:
		say(env, "review.findings-now", map[string]any{"Count": res.Findings, "Groups": review.FormatRange(c.New), "Kinds": app.KindSummary(env.T, res.Kinds)})
	case len(res.Resolved) > 0:
		env.Say("review.findings-none", map[string]any{"Groups": review.FormatRange(c.New)})
	}
	v := newView(env, width, res.Alignment.Languages)
	v.Header(env.Stdout)
	for _, n := range c.New {
		v.Group(env.Stdout, res.Alignment, n, res.After, false)
	}
}

// spreadArg answers a group command given more arguments than it takes
// because one argument was typed as several, the shell cutting it at its
// spaces: a note or a --text of several words without quotes (group note
// DOC 5 ask the desk), groups parted by spaces (group confirm DOC 1 2 5),
// split positions after one --at (group split DOC 5 --at en:2 kk:2, as
// review's prompt takes them). It says so with the command meant, so that
// the person need not work out what the bare usage line leaves unsaid. It
// returns nil for any other arguments, which get the usage line.
func spreadArg(env *console.Env, c *urfave.Context, name string) error {
	all := c.Args().Slice()
	want := 2
	if name == "note" {
		want = 3
	}
	if len(all) <= want {
		return nil
	}
	id, extra := all[0], all[want:]
	line := []string{"tilmash", "group", name, shellWord(id)}
	var msg string
	switch name {
	case "note":
		msg = "review.group.note.spread"
		line = append(line, shellWord(all[1]), shellWord(strings.Join(all[2:], " ")))
	case "edit":
		if !c.IsSet("text") {
			return nil
		}
		msg = "review.group.edit.spread"
		line = append(line, shellWord(all[1]))
		if l := c.String("language"); l != "" {
			line = append(line, "--language", shellWord(l))
		}
		if c.IsSet("sentence") {
			line = append(line, "--sentence", strconv.Itoa(c.Int("sentence")))
		}
		line = append(line, "--text", shellWord(strings.Join(append([]string{c.String("text")}, extra...), " ")))
	case "confirm", "unconfirm":
		var parts []string
		for _, a := range all[1:] {
			a = strings.Trim(a, ", ")
			if a == "" {
				continue
			}
			if _, err := args.ParseRange(a, math.MaxInt32); err != nil || a == "all" {
				return nil
			}
			parts = append(parts, a)
		}
		msg = "review.group.range.spread"
		line = append(line, strings.Join(parts, ","))
	case "split":
		if len(c.StringSlice("at")) == 0 {
			return nil
		}
		if _, err := args.ParseAt(extra, ""); err != nil {
			return nil
		}
		msg = "review.group.split.spread"
		line = append(line, shellWord(all[1]))
		if l := c.String("language"); l != "" {
			line = append(line, "--language", shellWord(l))
		}
		for _, at := range append(c.StringSlice("at"), extra...) {
			line = append(line, "--at", shellWord(at))
		}
	default:
		return nil
	}
	return env.Usage(msg, map[string]any{"Command": "group " + name, "Meant": strings.Join(line, " ")}, "review.group.spread.hint")
}

// shellWord is s as a POSIX shell reads it back: as it is when it holds
// only letters, digits and punctuation the shell leaves alone, else in
// single quotes.
func shellWord(s string) string {
	plain := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_.,:/+=@%", r)
	}) < 0
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
