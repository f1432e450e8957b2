package cli

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// LanguageStatus is one cell of the status table.
type LanguageStatus struct {
	Imported  bool   `json:"imported"`
	Title     string `json:"title,omitempty"`
	Sentences int    `json:"sentences"`
	Stale     bool   `json:"stale,omitempty"` // the text on disk differs from what meta.yaml recorded
}

// AlignmentStatus summarises a document's alignment.
type AlignmentStatus struct {
	Groups    int `json:"groups"`
	Confirmed int `json:"confirmed"`
	Flagged   int `json:"flagged"`
}

// DocumentStatus is one row of the status table, and one object of
// status --format json.
type DocumentStatus struct {
	ID        string                     `json:"id"`
	Languages map[string]*LanguageStatus `json:"languages"`
	Alignment *AlignmentStatus           `json:"alignment"`
	Findings  *int                       `json:"findings"` // nil when there is no glossary to check against, or it does not load
	// Unchecked says the findings are unknown: the glossary did not load.
	Unchecked bool `json:"-"`
}

// CountFindings fills in a document's glossary findings. The glossary
// command group sets it; without it status shows no findings column values.
// A glossary that does not load is returned as a *GlossaryError.
var CountFindings func(ws *workspace.Workspace, d *document.Document, a *document.Alignment) (int, bool, error)

// GlossaryError is a workspace glossary that does not load (a YAML typo in
// one of its files, say). For status it is not a reason to show nothing:
// the documents are listed with their findings unknown, and the error is
// reported once, after them.
type GlossaryError struct{ Err error }

func (e *GlossaryError) Error() string { return e.Err.Error() }
func (e *GlossaryError) Unwrap() error { return e.Err }

func statusCommand(env *console.Env) *cli.Command {
	return &cli.Command{
		Name:        "status",
		Usage:       env.T("status.usage", nil),
		ArgsUsage:   env.T("status.args", nil),
		Description: env.T("status.description", nil),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: env.T("status.flag.format", nil)},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "text" && format != "json" {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": "text, json"}, "")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			ids := c.Args().Slice()
			if len(ids) == 0 {
				if ids, err = document.List(ws); err != nil {
					return err
				}
			}
			var rows []*DocumentStatus
			var glossaryErr *GlossaryError
			steps := env.Steps(env.T("status.progress", nil), len(ids))
			defer steps.Done()
			for _, id := range ids {
				steps.Step(id)
				st, err := Status(ws, id)
				if err != nil && !errors.As(err, &glossaryErr) {
					return err
				}
				rows = append(rows, st)
			}
			steps.Done()
			if format == "json" {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				if rows == nil {
					rows = []*DocumentStatus{}
				}
				out := map[string]any{"workspace": ws.Root, "languages": ws.Config.Languages, "documents": rows}
				if glossaryErr != nil {
					out["glossary_error"] = glossaryErr.Error()
				}
				if err := enc.Encode(out); err != nil {
					return err
				}
			} else {
				printStatus(env, ws, rows)
			}
			// The listing is complete but for the findings; the glossary
			// is bad input, reported (with where it is wrong) as such:
			// exit 2, as check and publish do for it.
			if glossaryErr != nil {
				return glossaryErr.Err
			}
			return nil
		},
	}
}

// Status collects the state of one document. When only the glossary
// fails to load, it returns the status with Unchecked set and a
// *GlossaryError.
func Status(ws *workspace.Workspace, id string) (*DocumentStatus, error) {
	d, err := document.Open(ws, id)
	if err != nil {
		return nil, err
	}
	st := &DocumentStatus{ID: id, Languages: map[string]*LanguageStatus{}}
	for _, l := range ws.Config.Languages {
		v, ok := d.Meta.Versions[l]
		ls := &LanguageStatus{Imported: ok}
		st.Languages[l] = ls
		if !ok {
			continue
		}
		ls.Title = v.Title
		text, err := d.Text(l)
		if err != nil {
			return nil, err
		}
		ls.Stale = document.Hash(text) != v.SHA256
		seg, err := Segmenter(ws, l)
		if err != nil {
			return nil, err
		}
		ls.Sentences = len(seg.Segment(text))
	}
	a, err := d.Alignment()
	if err != nil {
		return nil, err
	}
	if a != nil {
		n, conf, flag := a.Counts()
		st.Alignment = &AlignmentStatus{Groups: n, Confirmed: conf, Flagged: flag}
	}
	if CountFindings != nil {
		n, ok, err := CountFindings(ws, d, a)
		var gerr *GlossaryError
		switch {
		case errors.As(err, &gerr):
			st.Unchecked = true
			return st, gerr
		case err != nil:
			return nil, err
		case ok:
			st.Findings = &n
		}
	}
	return st, nil
}

func printStatus(env *console.Env, ws *workspace.Workspace, rows []*DocumentStatus) {
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
	for _, r := range rows {
		row := []string{r.ID}
		for _, l := range ws.Config.Languages {
			ls := r.Languages[l]
			switch {
			case !ls.Imported:
				row = append(row, "—")
			case ls.Stale:
				row = append(row, env.T("status.stale", nil))
			default:
				row = append(row, env.N("status.sentences", ls.Sentences, nil))
			}
		}
		if r.Alignment == nil {
			row = append(row, env.T("status.not-aligned", nil))
		} else {
			cell := env.N("status.groups", r.Alignment.Groups, map[string]any{"Confirmed": r.Alignment.Confirmed})
			if r.Alignment.Flagged > 0 {
				cell += ", " + env.N("status.flagged", r.Alignment.Flagged, nil)
			}
			row = append(row, cell)
		}
		switch {
		case r.Unchecked:
			row = append(row, env.Paint(console.Yellow, env.T("status.findings-unknown", nil)))
		case r.Findings == nil:
			row = append(row, "—")
		default:
			row = append(row, env.Paint(findingColor(*r.Findings), env.N("status.findings", *r.Findings, nil)))
		}
		table = append(table, row)
	}
	env.Table(header, table)
	env.SayN("status.summary", len(rows), nil)
}

func findingColor(n int) string {
	if n == 0 {
		return console.Green
	}
	return console.Red
}
