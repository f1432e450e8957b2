package corecmd

import (
	"encoding/json"
	"strconv"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/workspace"
)

func statusCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "status",
		Usage:       env.T("status.usage", nil),
		ArgsUsage:   env.T("status.args", nil),
		Description: env.T("status.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "format", Value: "text", Usage: env.T("status.flag.format", nil)},
		},
		Action: func(c *urfave.Context) error {
			format := c.String("format")
			if format != "text" && format != "json" {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": "text, json"}, "")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			ids := c.Args().Slice()
			// Without ids, Status lists the documents (and the folders
			// that lost meta.yaml) and sets the total.
			steps := env.Steps(env.T("status.progress", nil), len(ids))
			defer steps.Done()
			rep, err := a.Status(ws, ids, steps)
			if err != nil {
				return err
			}
			steps.Done()
			if format == "json" {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				out := map[string]any{"workspace": ws.Root, "languages": ws.Config.Languages, "documents": rep.Documents, "totals": rep.Totals}
				if rep.GlossaryErr != nil {
					out["glossary_error"] = rep.GlossaryErr.Error()
				}
				if len(rep.GlossaryGaps) > 0 {
					out["glossary_gaps"] = rep.GlossaryGaps
				}
				if err := enc.Encode(out); err != nil {
					return err
				}
			} else {
				printStatus(env, ws, rep)
			}
			// The findings hold nothing of the glossary's entries in a
			// language they lack: said once per language, as check says it.
			for _, g := range rep.GlossaryGaps {
				env.Warn("check.glossary-gap", map[string]any{"Count": len(g.IDs), "Lang": g.Lang, "IDs": g.Names()})
				env.Hint("check.glossary-gap.hint", map[string]any{"Lang": g.Lang})
			}
			// A language whose texts cannot be cut into sentences: its
			// cells say so, this says what to do, as check says it.
			for _, e := range a.MissingRules(ws) {
				env.WarnError(e)
			}
			// The listing is complete but for the findings, or for the
			// rows of documents that could not be read; the glossary and
			// those documents are bad input, reported (with where they
			// are wrong) after the table: exit 2, as check and publish do
			// for them.
			errs := rep.DocumentErrs
			if rep.GlossaryErr != nil {
				errs = append(errs[:len(errs):len(errs)], rep.GlossaryErr)
			}
			if len(errs) == 0 {
				return nil
			}
			for _, e := range errs[:len(errs)-1] {
				env.Report(e)
			}
			return errs[len(errs)-1]
		},
	}
}

func printStatus(env *console.Env, ws *workspace.Workspace, rep *app.StatusReport) {
	rows := rep.Documents
	if len(rows) == 0 {
		env.Say("status.empty", nil)
		env.Hint("status.empty.hint", nil)
		return
	}
	header := []string{env.T("status.col.document", nil)}
	for _, l := range ws.Config.Languages {
		header = append(header, strings.ToUpper(l))
	}
	header = append(header, env.T("status.col.alignment", nil), env.T("status.col.findings", nil))
	var table [][]string
	var mismatched, unaligned []string
	var unplaced []map[string]any
	for _, r := range rows {
		row := []string{r.ID}
		if r.Err != nil {
			for range ws.Config.Languages {
				row = append(row, "—")
			}
			table = append(table, append(row, env.Paint(console.Red, env.T("status.unreadable", nil)), "—"))
			continue
		}
		for _, l := range ws.Config.Languages {
			ls := r.Languages[l]
			switch {
			case !ls.Imported:
				row = append(row, "—")
			case ls.Stale:
				row = append(row, env.T("status.stale", nil))
			case ls.NoRules:
				row = append(row, env.Paint(console.Yellow, env.T("status.no-rules", nil))+", "+env.N("status.words", ls.Words, nil))
			default:
				row = append(row, env.N("status.sentences", ls.Sentences, nil)+", "+env.N("status.words", ls.Words, nil))
			}
			if n := ls.UnplacedFormatting; n > 0 && ls.Imported {
				row[len(row)-1] += ", " + env.Paint(console.Yellow, env.N("status.unplaced", n, nil))
				unplaced = append(unplaced, map[string]any{"ID": r.ID, "Lang": l})
			}
		}
		if r.Alignment == nil {
			row = append(row, env.T("status.not-aligned", nil))
		} else {
			cell := env.N("status.groups", r.Alignment.Groups, map[string]any{"Confirmed": r.Alignment.Confirmed})
			if r.Alignment.Flagged > 0 {
				cell += ", " + env.N("status.flagged", r.Alignment.Flagged, nil)
			}
			if m := r.Alignment.Mismatches; m > 0 {
				cell += ", " + env.Paint(console.Red, env.N("status.mismatches", m, nil))
				mismatched = append(mismatched, r.ID)
			}
			if len(r.Alignment.Unaligned) > 0 {
				for _, l := range ws.Config.Languages {
					if u := r.Alignment.Unaligned[l]; u > 0 {
						cell += ", " + env.Paint(console.Yellow, env.N("status.unaligned", u, map[string]any{"Lang": l}))
					}
				}
				unaligned = append(unaligned, r.ID)
			}
			row = append(row, cell)
		}
		switch {
		case r.Unchecked:
			row = append(row, env.Paint(console.Yellow, env.T("status.findings-unknown", nil)))
		case r.Findings == nil:
			row = append(row, "—")
		default:
			row = append(row, findingsCell(env, *r.Errors, *r.Warnings))
		}
		table = append(table, row)
	}
	env.Table(header, table)
	env.SayN("status.summary", len(rows), nil)
	for _, id := range mismatched {
		env.Hint("status.mismatches.hint", map[string]any{"ID": id})
	}
	for _, id := range unaligned {
		env.Hint("status.unaligned.hint", map[string]any{"ID": id})
	}
	for _, d := range unplaced {
		env.Hint("status.unplaced.hint", d)
	}
	// The table counts the flagged groups; why each is flagged (a paragraph
	// one version dropped or added, a low score) is for show and review to
	// say. One hint, for the first document with any, says where.
	for _, r := range rows {
		if r.Alignment != nil && r.Alignment.Flagged > 0 {
			env.Hint("status.flagged.hint", map[string]any{"ID": r.ID})
			break
		}
	}
	var others []string
	for _, l := range ws.Config.Languages {
		if l != ws.Config.Source {
			others = append(others, l+" "+strconv.Itoa(rep.Totals.Words[l]))
		}
	}
	env.SayN("status.words-total", rep.Totals.SourceWords, map[string]any{"Source": ws.Config.Source, "Others": strings.Join(others, ", ")})
}

// findingsCell is "0 findings" in green, or the errors (red) and
// warnings (yellow, when there are no errors) of a document.
func findingsCell(env *console.Env, errs, warns int) string {
	if errs+warns == 0 {
		return env.Paint(console.Green, env.N("status.findings", 0, nil))
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, env.N("check.errors", errs, nil))
	}
	if warns > 0 {
		parts = append(parts, env.N("check.warnings", warns, nil))
	}
	color := console.Yellow
	if errs > 0 {
		color = console.Red
	}
	return env.Paint(color, strings.Join(parts, ", "))
}
