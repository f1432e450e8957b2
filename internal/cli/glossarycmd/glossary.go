package glossarycmd

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/workspace"
)

// problemText renders a lint problem as "file:line:column: message", the
// message from the glossary catalogue (English from the problem itself if
// the catalogue lacks it).
func problemText(env *console.Env, p glossary.Problem) string {
	return p.Text(env.T)
}

// problemHint renders the problem's hint, or "" when the catalogue has none.
func problemHint(env *console.Env, p glossary.Problem) string {
	h := env.T(p.HintID(), p.TemplateData())
	if h == p.HintID() {
		return ""
	}
	return h
}

// jsonProblem is one problem of glossary lint --format json.
type jsonProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Code    string `json:"code"`
	ID      string `json:"id,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	// Blocking says the problem keeps the glossary from being enforced
	// (exit 2); false for an entry missing a language and for a term two
	// entries share, which are findings (exit 1).
	Blocking bool `json:"blocking"`
}

func checkFormat(env *console.Env, format string) error {
	if format != "text" && format != "json" {
		return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": "text, json"}, "")
	}
	return nil
}

// begin checks the call of a glossary command that takes no arguments and
// a --format, and finds the workspace.
func begin(env *console.Env, c *urfave.Context, command string) (*workspace.Workspace, string, error) {
	if c.NArg() > 0 {
		return nil, "", env.Usage("app.no-args", map[string]any{"Command": command}, "")
	}
	format := c.String("format")
	if err := checkFormat(env, format); err != nil {
		return nil, "", err
	}
	ws, err := env.Workspace()
	return ws, format, err
}

func formatFlag(env *console.Env, id string) urfave.Flag {
	return &urfave.StringFlag{Name: "format", Value: "text", Usage: env.T(id, nil)}
}

func writeJSON(env *console.Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func lintCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "lint",
		Usage:       env.T("check.lint.usage", nil),
		Description: env.T("check.lint.description", nil),
		Flags:       []urfave.Flag{formatFlag(env, "check.flag.format")},
		Action: func(c *urfave.Context) error {
			ws, format, err := begin(env, c, "glossary lint")
			if err != nil {
				return err
			}
			r, err := a.LintGlossary(ws)
			if err != nil {
				return err
			}
			probs, files, entries := r.Problems, r.Files, r.Entries
			if format == "json" {
				out := []jsonProblem{}
				for _, p := range probs {
					msg := problemText(env, p)
					out = append(out, jsonProblem{File: p.File, Line: p.Line, Column: p.Column, Code: p.Code, ID: p.ID,
						Message: strings.TrimPrefix(msg, p.Pos()+": "), Hint: problemHint(env, p), Blocking: !p.Gap() && !p.Warning()})
				}
				if err := writeJSON(env, map[string]any{"glossary": ws.Config.Glossary, "files": files, "entries": entries, "problems": out}); err != nil {
					return err
				}
			} else {
				for _, p := range probs {
					env.Printf("%s\n", problemText(env, p))
					if h := problemHint(env, p); h != "" {
						env.Printf("    %s: %s\n", env.T("console.hint", nil), h)
					}
				}
			}
			if err := r.LintFailed(); err != nil {
				return err
			}
			if r.Glossary == nil {
				env.Say("check.lint.no-folder", map[string]any{"Dir": ws.Config.Glossary})
				return nil
			}
			env.SayN("check.lint.clean", entries, map[string]any{"Files": env.N("check.files", files, nil)})
			return nil
		},
	}
}

// warnProblems warns that list and show work on a glossary with lint
// problems.
func warnProblems(env *console.Env, probs []glossary.Problem) {
	if len(probs) > 0 {
		env.Warn("check.browse.problems", map[string]any{"Count": len(probs), "Pos": probs[0].Pos()})
	}
}

// jsonEntry is an entry of glossary list and show --format json.
type jsonEntry struct {
	ID     string              `json:"id"`
	Kind   string              `json:"kind"`
	Note   string              `json:"note,omitempty"`
	File   string              `json:"file,omitempty"`
	Line   int                 `json:"line,omitempty"`
	Column int                 `json:"column,omitempty"`
	Forms  map[string]jsonForm `json:"forms"`
}

// jsonForm is an entry's forms in one language, named as in the YAML.
type jsonForm struct {
	Term      string   `json:"term"`
	Variants  []string `json:"variants,omitempty"`
	Forbidden []string `json:"forbidden,omitempty"`
	Inflect   string   `json:"inflect,omitempty"`
	Forms     []string `json:"forms,omitempty"`
	// Generated is what glossary show adds: the forms the glossary makes
	// by declension, as the workbench's glossary page lists them
	// ([app.ShownEntry]). list leaves it out: it would repeat a dozen
	// forms per entry and language.
	Generated []string `json:"generated,omitempty"`
}

// toJSON is e as data; each language carries the forms generated gives
// for it (nil for none).
func toJSON(e *glossary.Entry, generated map[string][]string) jsonEntry {
	forms := map[string]jsonForm{}
	for l, f := range e.Langs {
		forms[l] = jsonForm{Term: f.Term, Variants: f.Variants, Forbidden: f.Forbidden, Inflect: f.Inflect, Forms: f.Forms, Generated: generated[l]}
	}
	return jsonEntry{ID: e.ID, Kind: string(e.Kind), Note: e.Note, File: e.File, Line: e.Line, Column: e.Column, Forms: forms}
}

func listCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "list",
		Usage:       env.T("check.list.usage", nil),
		Description: env.T("check.list.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "lang", Usage: env.T("check.list.flag.lang", nil)},
			&urfave.StringFlag{Name: "kind", Usage: env.T("check.list.flag.kind", map[string]any{"Kinds": glossary.KindList()})},
			formatFlag(env, "check.flag.format"),
		},
		Action: func(c *urfave.Context) error {
			ws, format, err := begin(env, c, "glossary list")
			if err != nil {
				return err
			}
			l, err := a.ListGlossary(ws, c.String("lang"), glossary.Kind(c.String("kind")))
			if err != nil {
				return err
			}
			warnProblems(env, l.Problems)
			entries, langs := l.Entries, l.Langs
			if format == "json" {
				out := []jsonEntry{}
				for _, e := range entries {
					out = append(out, toJSON(e, nil))
				}
				return writeJSON(env, out)
			}
			if len(entries) == 0 {
				env.Say("check.list.empty", nil)
				env.Hint("check.list.empty.hint", nil)
				return nil
			}
			var header []string
			for _, l := range langs {
				header = append(header, strings.ToUpper(l))
			}
			header = append(header, env.T("check.col.id", nil), env.T("check.col.kind", nil))
			var rows [][]string
			for _, e := range entries {
				var row []string
				for _, l := range langs {
					cell := "—"
					if f := e.Langs[l]; f != nil && f.Term != "" {
						cell = f.Term
					}
					row = append(row, cell)
				}
				rows = append(rows, append(row, e.ID, string(e.Kind)))
			}
			env.Table(header, rows)
			env.SayN("check.list.summary", len(entries), nil)
			return nil
		},
	}
}

func showCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "show",
		Usage:       env.T("check.show.usage", nil),
		ArgsUsage:   env.T("check.show.args", nil),
		Description: env.T("check.show.description", nil),
		Flags:       []urfave.Flag{formatFlag(env, "check.flag.format")},
		Action: func(c *urfave.Context) error {
			if c.NArg() != 1 {
				return env.Usage("app.want-args", map[string]any{"Command": "glossary show", "Args": env.T("check.show.args", nil)}, "check.show.hint")
			}
			format := c.String("format")
			if err := checkFormat(env, format); err != nil {
				return err
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			shown, probs, err := a.ShowGlossary(ws, c.Args().First())
			warnProblems(env, probs)
			if err != nil {
				return err
			}
			if v := shown.Via; v != nil {
				id := "check.show.via-form"
				if v.Forbidden {
					id = "check.show.via-forbidden"
				}
				env.Say(id, map[string]any{"Text": v.Text, "Lang": strings.Join(shown.ViaLangs, ", "), "ID": v.EntryID, "Form": v.Form})
			}
			if format == "json" {
				return writeJSON(env, toJSON(shown.Entry, shown.Generated))
			}
			showEntry(env, shown)
			return nil
		},
	}
}

// showEntry prints an entry: its id, kind, note and place, then a table of
// its forms, one a row, in the order of shown.Langs, then per language the
// forms the glossary generates from them, as the workbench's glossary page
// shows them.
func showEntry(env *console.Env, shown app.ShownEntry) {
	e := shown.Entry
	env.Printf("%s\n", env.Paint(console.Bold, e.ID))
	field := func(id, value string) {
		if value != "" {
			env.Printf("  %s: %s\n", env.T(id, nil), value)
		}
	}
	field("check.show.kind", string(e.Kind))
	field("check.show.note", e.Note)
	if e.File != "" {
		field("check.show.file", e.File+":"+strconv.Itoa(e.Line)+":"+strconv.Itoa(e.Column))
	}
	env.Printf("\n")
	var rows [][]string
	for _, l := range shown.Langs {
		f := e.Langs[l]
		add := func(use string, forms ...string) {
			for _, s := range forms {
				rows = append(rows, []string{l, s, env.T("check.show.use."+use, nil)})
			}
		}
		add("term", f.Term)
		add("variant", f.Variants...)
		add("form", f.Forms...)
		add("forbidden", f.Forbidden...)
		if f.Inflect != "" {
			add("inflect", f.Inflect)
		}
	}
	env.Table([]string{env.T("check.col.lang", nil), env.T("check.col.form", nil), env.T("check.col.use", nil)}, rows)
	for _, l := range shown.Langs {
		gen := shown.Generated[l]
		if len(gen) == 0 {
			continue
		}
		env.Printf("\n%s\n", env.N("check.show.generated", len(gen), map[string]any{"Lang": l}))
		for _, line := range wrapForms(gen, generatedWidth) {
			env.Printf("  %s\n", line)
		}
	}
}

// generatedWidth is the display width show wraps the generated forms to,
// the two spaces of indent left out: a line fits an 80-column terminal.
const generatedWidth = 76

// wrapForms joins forms with " · " as the glossary page does, into lines
// of at most width columns (a longer form has a line to itself); a line
// breaks only between forms, so a phrase stays whole.
func wrapForms(forms []string, width int) []string {
	const sep = " · "
	var lines []string
	var b strings.Builder
	w := 0
	for _, f := range forms {
		fw := runewidth.StringWidth(f)
		if w > 0 && w+len([]rune(sep))+fw > width {
			lines = append(lines, b.String())
			b.Reset()
			w = 0
		}
		if w > 0 {
			b.WriteString(sep)
			w += len([]rune(sep))
		}
		b.WriteString(f)
		w += fw
	}
	if w > 0 {
		lines = append(lines, b.String())
	}
	return lines
}

// multi is a repeatable string flag. Unlike urfave's StringSliceFlag it
// does not split values at commas: a name may hold one.
type multi []string

func (m *multi) Set(v string) error { *m = append(*m, v); return nil }
func (m *multi) String() string     { return fmt.Sprint([]string(*m)) }
