package reviewcmd

import (
	"errors"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/view"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Commands are show, group, review and undo, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{
			showCommand(a, env),
			groupCommand(a, env),
			reviewCommand(a, env),
			undoCommand(a, env),
			redoCommand(a, env),
		}
	}
}

// openDoc validates the id, finds the workspace and opens the document.
func openDoc(env *console.Env, id string) (*workspace.Workspace, *document.Document, error) {
	if err := document.ValidID(id); err != nil {
		return nil, nil, err
	}
	ws, err := env.Workspace()
	if err != nil {
		return nil, nil, err
	}
	d, err := document.Open(ws, id)
	return ws, d, err
}

// loadMarker returns the glossary marker of the workspace, or nil when
// there is no glossary. A glossary that does not load (lint problems) is
// reported as a warning: the review commands still work, without
// highlighting and re-checks.
func loadMarker(a *app.App, env *console.Env, ws *workspace.Workspace) review.Marker {
	m, err := a.Marker(ws)
	if err != nil {
		env.Warn("review.unchecked", map[string]any{"Err": localize(env, err)})
		return nil
	}
	return m
}

// localize renders an error in the reader's language when it names a
// catalogue message.
func localize(env *console.Env, err error) string {
	var m locale.Message
	if errors.As(err, &m) {
		if s := env.T(m.MessageID(), m.TemplateData()); s != m.MessageID() {
			return s
		}
	}
	return err.Error()
}

// labels localizes the words of the side-by-side view.
func labels(env *console.Env) view.Labels {
	return view.Labels{
		Status:   func(s document.Status) string { return env.T("review.status."+string(s), nil) },
		Note:     env.T("review.note-label", nil),
		Reshaped: env.T("review.reshaped-label", nil),
		Finding: func(m review.Mark) string {
			if m.Message != "" {
				if s := env.T(m.Message, m.Data); s != m.Message {
					return s
				}
			}
			return m.Lang + ": " + m.Text + " (" + string(m.Kind) + ")"
		},
		Was: func(lang string) string {
			return env.T("review.was-label", map[string]any{"Lang": strings.ToUpper(lang)})
		},
		Reasons: func(a *document.Alignment, g *document.Group) []string {
			return cli.FlagNotes(env, app.FlagNotes(a, g))
		},
	}
}

// newView builds the side-by-side view for env: its width is the --width
// flag, else the terminal's, else 100 (a pipe or a file has no width).
// The view is never narrower than view.MinWidth.
func newView(env *console.Env, width int, langs []string) *view.View {
	if width <= 0 {
		width = env.Width
	}
	if width <= 0 {
		width = 100
	}
	return &view.View{Width: width, Langs: langs, Color: env.Color, Paint: env.Paint, Visible: console.Visible, Labels: labels(env)}
}

// checkWidth warns when --width asks for a view narrower than the
// narrowest one drawn for n columns, so the wider output is no surprise.
// A negative width is refused.
func checkWidth(env *console.Env, c *urfave.Context, n int) error {
	w := c.Int("width")
	if !c.IsSet("width") {
		return nil
	}
	if w < 1 {
		return env.Usage("review.bad-width", map[string]any{"Width": w, "Min": view.MinWidth(n)}, "review.args.hint")
	}
	if min := view.MinWidth(n); w < min {
		env.Warn("review.width-clamped", map[string]any{"Width": w, "Min": min, "Count": n})
	}
	return nil
}

// describe renders a journal entry's description.
func describe(env *console.Env, e *journal.Entry) string { return cli.Describe(env, e) }

// text renders a catalogue message, in the plural form of data["Count"]
// when the message has plural forms.
func text(env *console.Env, id string, data map[string]any) string {
	if n, ok := data["Count"].(int); ok {
		if s := env.N(id, n, data); s != id {
			return s
		}
	}
	return env.T(id, data)
}

// say writes a message as "tilmash: …", plural-aware.
func say(env *console.Env, id string, data map[string]any) {
	env.Say("review.text", map[string]any{"Text": text(env, id, data)})
}

// warn writes a warning, plural-aware.
func warn(env *console.Env, id string, data map[string]any) {
	env.Warn("review.text", map[string]any{"Text": text(env, id, data)})
}

// wantArgs returns the usage error for a command called with the wrong
// number of arguments. The name is the command's full name ("group
// merge"), taken from the argument ids' key: review.group.merge.args.
func wantArgs(env *console.Env, argsID string) error {
	name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(argsID, "review."), ".args"), ".", " ")
	return env.Usage("app.want-args", map[string]any{"Command": name, "Args": env.T(argsID, nil)}, "review.args.hint")
}
