package reviewcmd

import (
	"errors"
	"strconv"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/review"
)

func undoCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "undo",
		Usage:       env.T("review.undo.usage", nil),
		ArgsUsage:   env.T("review.undo.args", nil),
		Description: env.T("review.undo.description", nil),
		Flags: []urfave.Flag{
			&urfave.IntFlag{Name: "steps", Value: 1, Usage: flagUsage(env, "review.undo.flag.steps", "review.ph.n")},
			&urfave.BoolFlag{Name: "force", Usage: env.T("review.undo.flag.force", nil)},
			&urfave.BoolFlag{Name: "list", Usage: env.T("review.undo.flag.list", nil)},
		},
		Action: func(c *urfave.Context) error {
			if err := stepsArg(env, c, "undo"); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return wantArgs(env, "review.undo.args")
			}
			ws, d, err := openDoc(env, c.Args().First())
			if err != nil {
				return err
			}
			if c.Bool("list") {
				return history(env, d.ID, d)
			}
			if n := c.Int("steps"); n < 1 {
				return env.Usage("review.bad-steps", map[string]any{"Steps": n}, "")
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			res, err := a.Undo(d, c.Int("steps"), c.Bool("force"))
			if rec := res.Recovered; rec != nil {
				env.Warn("review.recovered", map[string]any{"What": describe(env, rec), "Step": rec.Step})
			}
			for _, e := range res.Undone {
				env.Say("review.undone", map[string]any{"Step": e.Step, "What": describe(env, e)})
			}
			if err == nil && len(res.Undone) > 0 {
				// Not after taking back a document's first import: the
				// folder went, and redo with it. The hint names --steps
				// when the undo took back several: a bare redo puts back
				// only the last step undone.
				if n, _ := review.RedoCount(d); n > 0 {
					env.Hint("review.undone.hint", map[string]any{"ID": d.ID, "Count": min(n, len(res.Undone))})
				}
			}
			// Nothing left to take back is no mistake of the person's (no
			// bad input, exit 2) and no finding (exit 1): the document is
			// already as far back as the journal goes. It is said, and the
			// exit code is 0, as for an editor's undo at the oldest change.
			// More steps asked for than the journal holds stays a refusal.
			var none *journal.UndoError
			if errors.As(err, &none) && none.Have == 0 {
				env.Say("review.undo-nothing", map[string]any{"ID": d.ID})
				return nil
			}
			return err
		},
	}
}

func redoCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "redo",
		Usage:       env.T("review.redo.usage", nil),
		ArgsUsage:   env.T("review.redo.args", nil),
		Description: env.T("review.redo.description", nil),
		Flags: []urfave.Flag{
			&urfave.IntFlag{Name: "steps", Value: 1, Usage: flagUsage(env, "review.redo.flag.steps", "review.ph.n")},
			&urfave.BoolFlag{Name: "list", Usage: env.T("review.redo.flag.list", nil)},
		},
		Action: func(c *urfave.Context) error {
			if err := stepsArg(env, c, "redo"); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return wantArgs(env, "review.redo.args")
			}
			ws, d, err := openDoc(env, c.Args().First())
			if err != nil {
				return err
			}
			if c.Bool("list") {
				return redoList(env, d)
			}
			if n := c.Int("steps"); n < 1 {
				return env.Usage("review.bad-redo-steps", map[string]any{"Steps": n}, "")
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			res, err := a.Redo(d, c.Int("steps"))
			if rec := res.Recovered; rec != nil {
				env.Warn("review.recovered", map[string]any{"What": describe(env, rec), "Step": rec.Step})
			}
			for _, e := range res.Undone {
				env.Say("review.redone", map[string]any{"Step": e.Step, "What": describe(env, e)})
			}
			// Nothing to put back: said, exit 0, as undo with nothing to
			// take back.
			var none *journal.RedoError
			if errors.As(err, &none) && none.Have == 0 {
				env.Say("review.redo-nothing", map[string]any{"ID": d.ID})
				env.Hint("review.redo-nothing.hint", map[string]any{"ID": d.ID})
				return nil
			}
			return err
		},
	}
}

// redoList prints the steps redo can put back, the next one first.
func redoList(env *console.Env, d *document.Document) error {
	entries, err := review.Redoable(d)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		env.Say("review.redo-list-empty", map[string]any{"ID": d.ID})
		return nil
	}
	var rows [][]string
	for _, e := range entries {
		rows = append(rows, []string{strconv.Itoa(e.Step), e.Time.Local().Format("2006-01-02 15:04"), describe(env, e)})
	}
	env.Table([]string{env.T("review.col.step", nil), env.T("review.col.time", nil), env.T("review.col.what", nil)}, rows)
	return nil
}

// history prints the journal, newest first, as a table on standard output.
func history(env *console.Env, id string, d *document.Document) error {
	entries, err := review.History(d)
	if err != nil {
		return err
	}
	// The steps undone since the last change are not in the journal, but
	// they are not lost either: say so, under the table.
	if n, err := review.RedoCount(d); err == nil && n > 0 {
		defer env.SayN("review.history-redo", n, map[string]any{"ID": id})
	}
	if len(entries) == 0 {
		env.Say("review.history-empty", map[string]any{"ID": id})
		return nil
	}
	var rows [][]string
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		rows = append(rows, []string{strconv.Itoa(e.Step), e.Time.Local().Format("2006-01-02 15:04"), describe(env, e)})
	}
	env.Table([]string{env.T("review.col.step", nil), env.T("review.col.time", nil), env.T("review.col.what", nil)}, rows)
	return nil
}

// stepsArg answers undo DOC 3 (or redo), a count given as an argument:
// the steps are --steps, said with the value meant.
func stepsArg(env *console.Env, c *urfave.Context, name string) error {
	if c.NArg() != 2 || c.IsSet("steps") {
		return nil
	}
	n, err := strconv.Atoi(c.Args().Get(1))
	if err != nil || n < 1 {
		return nil
	}
	data := map[string]any{"Command": name, "ID": c.Args().First(), "Steps": n}
	return env.Usage("review.undo.steps-arg", data, "review.undo.steps-arg.hint")
}
