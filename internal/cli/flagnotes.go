package cli

import (
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/locale"
)

// FlagNotes renders why a group is flagged (app.FlagNotesAt), each note in
// the plural form of its Count: the one wording of show, review, align and
// the export gate.
func FlagNotes(env *console.Env, notes []locale.Message) []string {
	out := make([]string, 0, len(notes))
	for _, m := range notes {
		out = append(out, env.T(m.MessageID(), m.TemplateData()))
	}
	return out
}
