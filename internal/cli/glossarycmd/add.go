package glossarycmd

import (
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/glossary"
)

// addLangs are the languages glossary add has flags for: --en, --en-variant
// and so on. The flags are built before the workspace is known, so they
// cover the house languages; an entry in other languages is written by
// hand.
var addLangs = []string{"en", "ru", "kk"}

func addCommand(a *app.App, env *console.Env) *urfave.Command {
	flags := []urfave.Flag{
		&urfave.StringFlag{Name: "id", Usage: env.T("check.add.flag.id", nil)},
		&urfave.StringFlag{Name: "kind", Value: string(glossary.Other), Usage: env.T("check.add.flag.kind", map[string]any{"Kinds": glossary.KindList()})},
		&urfave.StringFlag{Name: "note", Usage: env.T("check.add.flag.note", nil)},
		&urfave.StringFlag{Name: "file", Usage: env.T("check.add.flag.file", nil)},
	}
	for _, l := range addLangs {
		d := map[string]any{"Lang": l}
		flags = append(flags,
			&urfave.StringFlag{Name: l, Usage: env.T("check.add.flag.term", d)},
			&urfave.GenericFlag{Name: l + "-variant", Value: &multi{}, Usage: env.T("check.add.flag.variant", d)},
			&urfave.GenericFlag{Name: l + "-forbidden", Value: &multi{}, Usage: env.T("check.add.flag.forbidden", d)},
			&urfave.GenericFlag{Name: l + "-form", Value: &multi{}, Usage: env.T("check.add.flag.form", d)},
			&urfave.StringFlag{Name: l + "-inflect", Usage: env.T("check.add.flag.inflect", d)},
		)
	}
	return &urfave.Command{
		Name:        "add",
		Usage:       env.T("check.add.usage", nil),
		Description: env.T("check.add.description", nil),
		Flags:       flags,
		Action: func(c *urfave.Context) error {
			if c.NArg() > 0 {
				return env.Usage("app.no-args", map[string]any{"Command": "glossary add"}, "check.add.hint")
			}
			e := &glossary.Entry{ID: c.String("id"), Kind: glossary.Kind(c.String("kind")), Note: c.String("note"), Langs: map[string]*glossary.Form{}}
			if e.ID == "" {
				return env.Usage("check.add.need-id", nil, "check.add.hint")
			}
			for _, l := range addLangs {
				f := &glossary.Form{
					Term:      strings.TrimSpace(c.String(l)),
					Variants:  *c.Generic(l + "-variant").(*multi),
					Forbidden: *c.Generic(l + "-forbidden").(*multi),
					Forms:     *c.Generic(l + "-form").(*multi),
					Inflect:   c.String(l + "-inflect"),
				}
				if f.Term != "" || len(f.Variants)+len(f.Forbidden)+len(f.Forms) > 0 || f.Inflect != "" {
					e.Langs[l] = f
				}
			}
			name, err := app.GlossaryAddFile(e, c.String("file"))
			if err != nil {
				return err
			}
			ws, unlock, err := env.LockedWorkspace()
			if err != nil {
				return err
			}
			defer unlock()
			rel, probs, err := a.AddGlossaryEntry(ws, name, e)
			if err != nil {
				for _, p := range probs {
					env.Say("check.add.problem", map[string]any{"Problem": problemText(env, p)})
				}
				return err
			}
			env.Say("check.add.done", map[string]any{"ID": e.ID, "File": rel})
			// No --kind files the entry as other, whose Russian forms
			// decline as a common noun's: a person's name given so would
			// be reported missing where a text declines it (Армана
			// Касымова).
			if !c.IsSet("kind") && app.PersonFiledAsOther(e) {
				d := map[string]any{"ID": e.ID, "Term": e.Langs["ru"].Term, "File": rel}
				env.Warn("check.add.kind-other", d)
				env.Hint("check.add.kind-other.hint", d)
			}
			// Written, with what glossary lint will warn of.
			for _, p := range probs {
				env.Warn("check.add.problem", map[string]any{"Problem": problemText(env, p)})
				if h := problemHint(env, p); h != "" {
					env.Hint("check.add.problem", map[string]any{"Problem": h})
				}
			}
			return nil
		},
	}
}
