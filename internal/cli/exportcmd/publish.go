package exportcmd

import (
	"fmt"
	"path/filepath"
	"slices"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

func publishCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "publish",
		Usage:       env.T("publish.usage", nil),
		ArgsUsage:   env.T("publish.args", nil),
		Description: env.T("publish.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "force", Usage: env.T("publish.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			ids := c.Args().Slice()
			for _, id := range ids {
				if err := document.ValidID(id); err != nil {
					return err
				}
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			n, err := app.PublishCount(ws, ids)
			if err != nil {
				return err
			}
			steps := env.Steps(env.T("publish.progress", nil), n)
			defer steps.Done()
			res, err := a.Publish(ws, ids, app.PublishOptions{Force: c.Bool("force"), Labels: labels(env), LabelsID: env.Loc.Lang}, publishReport{steps, env})
			if err != nil {
				return err
			}
			steps.Done()
			for _, id := range res.Unlisted {
				env.WarnError(document.NoMeta(id))
			}
			printPublished(env, ws, res)
			printGaps(env, res.GlossaryGaps)
			// A document whose own files do not read is bad input: said
			// after the summary, with where and what to do, exit 2, as
			// status does for it.
			var errs []error
			for _, r := range res.Rows {
				if r.Reason != nil && r.Reason.Err != nil {
					errs = append(errs, r.Reason.Err)
				}
			}
			if len(errs) > 0 {
				for _, e := range errs[:len(errs)-1] {
					env.Report(e)
				}
				return errs[len(errs)-1]
			}
			if res.Held > 0 {
				return &console.Findings{Count: res.Held}
			}
			return nil
		},
	}
}

// publishReport prints publish's decisions as they are made.
type publishReport struct {
	*console.Steps
	env *console.Env
}

func (r publishReport) Held(id string, h *app.Hold) {
	r.env.Say("publish.held.line", map[string]any{"ID": id, "Reason": holdText(r.env, h)})
}

func (r publishReport) Gate(id string, v *app.Verdict, force bool, formats []string) {
	// The gaps are said once for the run, after the table
	// (PublishResult.GlossaryGaps).
	quiet := *v
	quiet.Gaps = nil
	printGate(r.env, id, &quiet, force, formats, true) // a refusal holds the document back: publish goes on
}

func (r publishReport) Unplaced(id string, lost []document.LostSpan) {
	cli.WarnLostFormatting(r.env, id, lost)
}

// holdText is the localized reason a document was held back.
func holdText(env *console.Env, h *app.Hold) string {
	if h.Count > 0 {
		return env.N("publish.held."+h.Kind, h.Count, h.Data)
	}
	return env.T("publish.held."+h.Kind, h.Data)
}

func printPublished(env *console.Env, ws *workspace.Workspace, res *app.PublishResult) {
	rows, excluded, files := res.Rows, res.Excluded, res.Files
	header := []string{env.T("status.col.document", nil), env.T("publish.col.groups", nil), env.T("publish.col.findings", nil), env.T("publish.col.result", nil)}
	var table [][]string
	done, held := 0, 0
	for _, r := range rows {
		groups := env.N("status.groups", r.Groups, map[string]any{"Confirmed": r.Confirmed})
		if r.Flagged > 0 {
			groups += ", " + env.N("status.flagged", r.Flagged, nil)
		}
		result := env.N("publish.files", r.Files, map[string]any{"Dir": filepath.Join(ws.Config.Export, r.ID)})
		findings := fmt.Sprint(r.Findings)
		if r.Held {
			result = env.T("publish.held", nil)
			if r.Reason != nil {
				result = env.T("publish.held.because", map[string]any{"Reason": holdText(env, r.Reason)})
				findings = "—" // not checked: held back before the consistency gate
				if r.Reason.Kind == "empty" || r.Reason.Kind == "missing" || r.Reason.Kind == "text-changed" || r.Reason.Kind == "unreadable" {
					groups = "—" // held back before it was aligned
				}
			}
			if r.Removed {
				result = env.T("export.publish.held-removed", map[string]any{"Held": result, "Dir": filepath.Join(ws.Config.Export, r.ID)})
			}
			result = env.Paint(console.Red, result)
			held++
		} else {
			done++
		}
		table = append(table, []string{r.ID, groups, findings, result})
	}
	for _, id := range excluded {
		table = append(table, []string{id, "—", "—", env.T("publish.excluded", nil)})
	}
	for _, id := range res.Gone {
		table = append(table, []string{id, "—", "—", env.T("export.publish.gone", map[string]any{
			"Docs": document.Folder + string(filepath.Separator), "Dir": filepath.Join(ws.Config.Export, id)})})
	}
	dir := ws.Config.Export + string(filepath.Separator)
	if res.TermBases > 0 {
		// The glossary's term bases have a row of their own, so that the
		// rows add up to the summary's count of files.
		table = append(table, []string{ws.Config.Glossary + string(filepath.Separator), "—", "—", env.N("publish.files", res.TermBases, map[string]any{"Dir": dir})})
	}
	env.Table(header, table)
	switch {
	case held > 0:
		// "published 0 documents: 0 files" said nothing of the documents
		// held back: the last line says how many of how many, and where
		// the reasons are.
		env.SayN("export.publish.summary-held", done+held, map[string]any{
			"Done":    done,
			"FilesIn": env.N("publish.files", files, map[string]any{"Dir": dir}),
			"Held":    env.N("export.publish.held-count", held, nil),
		})
		if res.Unchanged > 0 {
			env.SayN("publish.summary.unchanged", res.Unchanged, nil)
		}
	case files == 0 && done > 0 && res.Unchanged == done && len(res.Gone) == 0:
		env.SayN("publish.unchanged", done, map[string]any{"Dir": dir})
	default:
		// "N files in DIR" with its own plural ("1 files" it said).
		env.SayN("publish.summary", done, map[string]any{"FilesIn": env.N("publish.files", files, map[string]any{"Dir": dir})})
		if res.Unchanged > 0 {
			env.SayN("publish.summary.unchanged", res.Unchanged, nil)
		}
	}
	// One hint per reason, in the order of the rows: the hint for the
	// consistency gate says nothing useful about a missing translation.
	// The hint to review names the document when it is the only one
	// held back for that reason.
	var hinted []string
	ids := map[string][]string{}
	for _, r := range rows {
		hint := "publish.held.hint"
		if !r.Held || (r.Reason != nil && r.Reason.Err != nil) {
			continue // an unreadable document's error has its own hint
		} else if r.Reason != nil {
			hint = "publish.held." + r.Reason.Kind + ".hint"
		}
		if !slices.Contains(hinted, hint) {
			hinted = append(hinted, hint)
		}
		ids[hint] = append(ids[hint], r.ID)
	}
	for _, hint := range hinted {
		if hint == "publish.held.unconfirmed.hint" && len(ids[hint]) == 1 {
			env.Hint("publish.held.unconfirmed.hint-one", map[string]any{"ID": ids[hint][0]})
		} else {
			env.Hint(hint, nil)
		}
	}
	// A document published with no group confirmed went out unreviewed:
	// said per document, after what was held back and its hints (whose
	// "lines above" are those), unless publish.require holds such
	// documents back (then there is none).
	var unreviewed []string
	for _, r := range rows {
		if !r.Held && r.Groups > 0 && r.Confirmed == 0 {
			env.Warn("publish.no-confirmed", map[string]any{"ID": r.ID})
			unreviewed = append(unreviewed, r.ID)
		}
	}
	switch len(unreviewed) {
	case 0:
	case 1:
		env.Hint("publish.no-confirmed.hint-one", map[string]any{"ID": unreviewed[0]})
	default:
		env.Hint("publish.no-confirmed.hint", nil)
	}
}
