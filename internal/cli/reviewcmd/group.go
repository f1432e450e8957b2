package reviewcmd

import (
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/review"
)

func groupCommand(env *console.Env) *urfave.Command {
	language := func() urfave.Flag {
		return &urfave.StringFlag{Name: "language", Aliases: []string{"l"}, Usage: env.T("review.flag.language", nil)}
	}
	return &urfave.Command{
		Name:        "group",
		Usage:       env.T("review.group.usage", nil),
		Description: env.T("review.group.description", nil),
		Subcommands: []*urfave.Command{
			{
				Name: "merge", Usage: env.T("review.group.merge.usage", nil), ArgsUsage: env.T("review.group.merge.args", nil),
				Description: env.T("review.group.merge.description", nil),
				Action: func(c *urfave.Context) error {
					return groupEdit(env, c, 2, "review.group.merge.args", func(_ *document.Alignment, n int) (review.Op, error) {
						return review.Merge{Group: n}, nil
					})
				},
			},
			{
				Name: "split", Usage: env.T("review.group.split.usage", nil), ArgsUsage: env.T("review.group.split.args", nil),
				Description: env.T("review.group.split.description", nil),
				Flags: []urfave.Flag{
					&urfave.StringSliceFlag{Name: "at", Usage: env.T("review.flag.at", nil)},
					language(),
				},
				Action: func(c *urfave.Context) error {
					return groupEdit(env, c, 2, "review.group.split.args", func(_ *document.Alignment, n int) (review.Op, error) {
						if len(c.StringSlice("at")) == 0 {
							return nil, env.Usage("review.need-flag", map[string]any{"Flag": "--at LANG:K"}, "review.args.hint")
						}
						at, err := review.ParseAt(c.StringSlice("at"), c.String("language"))
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
					language(),
					&urfave.StringFlag{Name: "to", Usage: env.T("review.flag.to", nil)},
					&urfave.StringFlag{Name: "sentence", Usage: env.T("review.flag.which", nil)},
				},
				Action: func(c *urfave.Context) error {
					return groupEdit(env, c, 2, "review.group.move.args", func(a *document.Alignment, n int) (review.Op, error) {
						lang, err := needLanguage(env, c, a)
						if err != nil {
							return nil, err
						}
						if !c.IsSet("to") {
							return nil, env.Usage("review.need-flag", map[string]any{"Flag": "--to prev|next"}, "review.args.hint")
						}
						next, err := review.ParseDirection(c.String("to"))
						if err != nil {
							return nil, err
						}
						which, err := review.ParseWhich(c.String("sentence"))
						if err != nil {
							return nil, err
						}
						return review.Move{Group: n, Lang: lang, Next: next, Sentence: which}, nil
					})
				},
			},
			{
				Name: "edit", Usage: env.T("review.group.edit.usage", nil), ArgsUsage: env.T("review.group.edit.args", nil),
				Description: env.T("review.group.edit.description", nil),
				Flags: []urfave.Flag{
					language(),
					&urfave.IntFlag{Name: "sentence", Usage: env.T("review.flag.sentence", nil)},
					&urfave.StringFlag{Name: "text", Usage: env.T("review.flag.text", nil)},
				},
				Action: func(c *urfave.Context) error {
					return groupEdit(env, c, 2, "review.group.edit.args", func(a *document.Alignment, n int) (review.Op, error) {
						lang, err := needLanguage(env, c, a)
						if err != nil {
							return nil, err
						}
						if !c.IsSet("text") {
							return nil, env.Usage("review.need-flag", map[string]any{"Flag": "--text"}, "review.args.hint")
						}
						k := c.Int("sentence")
						if !c.IsSet("sentence") {
							if n < 1 || n > len(a.Groups) {
								return nil, &review.NoGroupError{Group: n, Count: len(a.Groups)}
							}
							if len(a.Groups[n-1].Sents[lang]) != 1 {
								return nil, env.Usage("review.need-flag", map[string]any{"Flag": "--sentence K"}, "review.args.hint")
							}
							k = 1
						}
						return review.EditText{Group: n, Lang: lang, Sentence: k, Text: c.String("text")}, nil
					})
				},
			},
			{
				Name: "confirm", Usage: env.T("review.group.confirm.usage", nil), ArgsUsage: env.T("review.group.confirm.args", nil),
				Description: env.T("review.group.confirm.description", nil),
				Action: func(c *urfave.Context) error {
					return rangeEdit(env, c, true)
				},
			},
			{
				Name: "unconfirm", Usage: env.T("review.group.unconfirm.usage", nil), ArgsUsage: env.T("review.group.unconfirm.args", nil),
				Description: env.T("review.group.unconfirm.description", nil),
				Action: func(c *urfave.Context) error {
					return rangeEdit(env, c, false)
				},
			},
			{
				Name: "note", Usage: env.T("review.group.note.usage", nil), ArgsUsage: env.T("review.group.note.args", nil),
				Description: env.T("review.group.note.description", nil),
				Action: func(c *urfave.Context) error {
					return groupEdit(env, c, 3, "review.group.note.args", func(_ *document.Alignment, n int) (review.Op, error) {
						return review.SetNote{Group: n, Note: c.Args().Get(2)}, nil
					})
				},
			},
		},
	}
}

// needLanguage reads --language, which must be one of the alignment's.
func needLanguage(env *console.Env, c *urfave.Context, a *document.Alignment) (string, error) {
	l := c.String("language")
	if l == "" {
		return "", env.Usage("review.need-flag", map[string]any{"Flag": "--language LANG"}, "review.args.hint")
	}
	for _, k := range a.Languages {
		if k == l {
			return l, nil
		}
	}
	return "", &review.LanguageError{Lang: l, Known: a.Languages}
}

// groupEdit runs a subcommand whose arguments are DOC N (and nargs-2 more):
// it builds the op from the current alignment and applies it.
func groupEdit(env *console.Env, c *urfave.Context, nargs int, argsID string, build func(a *document.Alignment, n int) (review.Op, error)) error {
	if c.NArg() != nargs {
		return wantArgs(env, argsID)
	}
	n, err := review.ParseGroup(c.Args().Get(1))
	if err != nil {
		return err
	}
	return edit(env, c.Args().First(), func(a *document.Alignment) (review.Op, error) { return build(a, n) })
}

func rangeEdit(env *console.Env, c *urfave.Context, confirm bool) error {
	args := "review.group.unconfirm.args"
	if confirm {
		args = "review.group.confirm.args"
	}
	if c.NArg() != 2 {
		return wantArgs(env, args)
	}
	return edit(env, c.Args().First(), func(a *document.Alignment) (review.Op, error) {
		groups, err := review.ParseRange(c.Args().Get(1), len(a.Groups))
		if err != nil {
			return nil, err
		}
		return review.SetStatus{Groups: groups, Confirm: confirm}, nil
	})
}

// edit is the one path every change takes: open the document, take the
// workspace lock, build the op against the alignment as it is now, apply
// it (verify, journal, write) and report what changed, glossary findings
// included. The touched groups of an edit that reshapes groups or text are
// drawn on standard output.
func edit(env *console.Env, id string, build func(a *document.Alignment) (review.Op, error)) error {
	ws, d, err := openDoc(env, id)
	if err != nil {
		return err
	}
	unlock, err := env.Lock(ws)
	if err != nil {
		return err
	}
	defer unlock()
	snap, err := review.Load(d)
	if err != nil {
		return err
	}
	op, err := build(snap.Alignment)
	if err != nil {
		return err
	}
	res, err := review.Apply(d, op, review.Options{Marker: loadMarker(env, ws)})
	if err != nil {
		return err
	}
	report(env, d.ID, op, res)
	return nil
}

// report tells what an applied edit did.
func report(env *console.Env, id string, op review.Op, res *review.Result) {
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
	resolved, added := review.DiffFindings(res.Before, res.After)
	l := labels(env)
	for _, m := range resolved {
		env.Say("review.finding-resolved", map[string]any{"Finding": l.Finding(m)})
	}
	for _, m := range added {
		env.Warn("review.finding-added", map[string]any{"Finding": l.Finding(m)})
	}
	if after := review.Findings(res.After); len(after) > 0 || len(resolved) > 0 {
		say(env, "review.findings-now", map[string]any{"Count": len(after), "Groups": review.FormatRange(c.New)})
	}
	// Edits that reshape groups or change text draw what they made; a
	// status or a note needs no picture.
	switch op.(type) {
	case review.Merge, review.Split, review.Move, review.EditText:
		v := view(env, 0, res.Alignment.Languages)
		v.Header(env.Stdout)
		for _, n := range c.New {
			v.Group(env.Stdout, res.Alignment, n, res.After, false)
		}
	}
}
