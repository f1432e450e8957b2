package aligncmd

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
)

// Commands are align, align-files and lexicon, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{alignCommand(a, env), alignFilesCommand(a, env), lexiconCommand(a, env)}
	}
}

func alignCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "align",
		Usage:       env.T("align.usage", nil),
		ArgsUsage:   env.T("align.args", nil),
		Description: env.T("align.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "force", Usage: env.T("align.flag.force", nil)},
			&urfave.BoolFlag{Name: "no-lexicon", Usage: env.T("align.option.no-lexicon", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() == 0 {
				return env.Usage("app.want-args", map[string]any{"Command": "align", "Args": env.T("align.args", nil)}, "align.hint")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			ids := c.Args().Slice()
			// Every document must exist before the first is aligned: a
			// typo in the last id must not leave the others aligned
			// behind an error.
			// (Only a missing one: a meta.yaml left mid-merge is align's
			// to finish.)
			for _, id := range ids {
				if err := document.ValidID(id); err != nil {
					return err
				}
				var missing *document.NotFoundError
				if _, err := document.Open(ws, id); errors.As(err, &missing) {
					return err
				}
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			steps := env.Steps(env.T("align.progress", nil), len(ids))
			defer steps.Done()
			for _, id := range ids {
				steps.Step(id)
				res, err := a.AlignWith(ws, id, app.AlignOptions{Force: c.Bool("force"), NoLexicon: c.Bool("no-lexicon")})
				if err != nil {
					return err
				}
				report(env, res)
				reportCheck(env, res.Doc, a.CheckAligned(res.Doc, res.Alignment))
			}
			return nil
		},
	}
}

func report(env *console.Env, r *app.AlignResult) {
	cli.WarnRecovered(env, r.Recovered)
	if len(r.Merged) > 0 {
		env.SayN("align.merge-finished", len(r.Merged), map[string]any{"Files": strings.Join(r.Merged, ", ")})
	}
	n, confirmed, flagged := r.Alignment.Counts()
	switch {
	case len(r.Rebased) > 0 && len(r.Lost) > 0:
		env.Warn("align.rebased", map[string]any{"Langs": strings.Join(r.Rebased, ", "), "Count": len(r.Lost)})
	case len(r.Rebased) > 0:
		// Sentences added, none lost: no warning ("0 groups lost").
		env.Say("align.rebased-none", map[string]any{"Langs": strings.Join(r.Rebased, ", ")})
	}
	kinds := make([]string, 0, len(r.Kinds))
	for k := range r.Kinds {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if r.Kinds[kinds[i]] != r.Kinds[kinds[j]] {
			return r.Kinds[kinds[i]] > r.Kinds[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	langs := strings.ToUpper(strings.Join(r.Alignment.Languages, "–"))
	var rows [][]string
	for _, k := range kinds {
		rows = append(rows, []string{k, fmt.Sprint(r.Kinds[k])})
	}
	env.Printf("%s\n", r.Doc.ID)
	env.Table([]string{env.T("align.col.kind", map[string]any{"Langs": langs}), env.T("align.col.groups", nil)}, rows)
	env.Say("align.summary", map[string]any{"ID": r.Doc.ID, "Groups": env.N("align.groups", n, nil), "Flagged": flagged, "Confirmed": confirmed})
	if langs := r.Alignment.Languages; len(langs) == 1 {
		// One text makes groups of one sentence each: nothing was aligned.
		env.Warn("align.one-language", map[string]any{"ID": r.Doc.ID, "Lang": langs[0]})
		env.Hint("align.one-language.hint", map[string]any{"ID": r.Doc.ID})
	}
	reshaped := 0
	for _, g := range r.Alignment.Groups {
		// A group kept reshaped and detached is one confirmed before a
		// language had a text, which took that text's sentences (see
		// app.AlignResult.Unconfirmed): not merged, split or moved.
		if g.Reshaped && !g.Detached {
			reshaped++
		}
	}
	if r.Unconfirmed > 0 {
		env.Warn("align.new-language", map[string]any{"ID": r.Doc.ID, "Langs": strings.Join(r.NewLangs, ", "), "Count": r.Unconfirmed})
	}
	if len(r.Reopened) > 0 {
		env.Warn("align.omission-filled", map[string]any{"ID": r.Doc.ID, "Langs": strings.Join(r.ReopenedLangs, ", "), "Count": len(r.Reopened)})
	}
	if reshaped > 0 {
		env.SayN("align.kept-reshaped", reshaped, nil)
	}
	shown := 0
	for i := range r.Alignment.Groups {
		// The notes show gives, a detached group's among them.
		rs := app.FlagNotesAt(r.Alignment, i)
		if len(rs) == 0 {
			continue
		}
		if shown++; shown > 10 {
			break // the hint shows where to see them all
		}
		env.Say("export.gate.flagged-note", map[string]any{"Group": i + 1, "Note": strings.Join(cli.FlagNotes(env, rs), "; ")})
	}
	if flagged > 0 {
		env.Hint("align.flagged.hint", map[string]any{"ID": r.Doc.ID})
	}
}

// reportCheck reports, after align, the quick checks of the fresh
// alignment (app.QuickChecks) in one line: how many errors and warnings in
// which groups, and how to see them.
func reportCheck(env *console.Env, d *document.Document, r app.AlignCheck) {
	if r.Err != nil {
		reason := r.Err.Error()
		var m locale.Message
		if errors.As(r.Err, &m) {
			reason = env.T(m.MessageID(), m.TemplateData())
		}
		env.Warn("check.align.not-checked", map[string]any{"ID": d.ID, "Reason": reason})
		return
	}
	if !r.Checked {
		return
	}
	if len(r.Findings) == 0 {
		env.Say("check.align.clean", map[string]any{"ID": d.ID})
		return
	}
	groups, list := groupList(r.Findings)
	errs := 0
	for _, f := range r.Findings {
		if f.Blocks() {
			errs++
		}
	}
	var summary []string
	if errs > 0 {
		summary = append(summary, env.N("check.errors", errs, nil))
	}
	if n := len(r.Findings) - errs; n > 0 {
		summary = append(summary, env.N("check.warnings", n, nil))
	}
	env.SayN("check.align.findings", groups, map[string]any{"ID": d.ID, "Groups": list, "Summary": strings.Join(summary, ", ")})
	env.Hint("check.align.hint", map[string]any{"ID": d.ID})
}

// groupList counts the groups of findings and names them: "3, 8, 12", or
// the first ten and "…".
func groupList(fs []check.Finding) (int, string) {
	seen := map[int]bool{}
	var gs []int
	for _, f := range fs {
		if !seen[f.Group] {
			seen[f.Group] = true
			gs = append(gs, f.Group)
		}
	}
	sort.Ints(gs)
	var parts []string
	for i, g := range gs {
		if i == 10 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(g))
	}
	return len(gs), strings.Join(parts, ", ")
}
