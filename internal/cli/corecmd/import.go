package corecmd

import (
	"path/filepath"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
)

func importCommand(ap *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "import",
		Usage:       env.T("import.usage", nil),
		ArgsUsage:   env.T("import.args", nil),
		Description: env.T("import.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "title", Usage: env.T("import.flag.title", nil)},
			&urfave.StringFlag{Name: "source", Usage: env.T("import.flag.source", nil)},
			&urfave.BoolFlag{Name: "force", Usage: env.T("import.flag.force", nil)},
			&urfave.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: env.T("import.flag.format", nil)},
			// --lang as export, segment and the group commands take it: a
			// person who gives the content language that way means it.
			&urfave.StringFlag{Name: "lang", Usage: env.T("import.flag.lang", nil)},
		},
		Action: func(c *urfave.Context) error {
			id, lang, file, err := importArgs(env, c.Args().Slice(), c.String("lang"))
			if err != nil {
				if c.NArg() == 2 && c.String("lang") == "" {
					return noLanguage(ap, env, c, err)
				}
				return err
			}
			if err := document.ValidID(id); err != nil {
				return err
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			data, name, err := env.ReadInput(file)
			if err != nil {
				return err
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			source := c.String("source")
			if source == "" && file != "-" {
				source = filepath.Base(file)
			}
			res, err := ap.Import(ws, id, lang, data, name, c.String("format"), document.ImportOptions{Title: c.String("title"), Source: source, Force: c.Bool("force")})
			if err != nil {
				return err
			}
			cli.WarnRecovered(env, res.Recovered)
			d := map[string]any{"ID": id, "Lang": lang}
			switch {
			case res.Unchanged:
				env.Say("import.unchanged", d)
			case res.Created:
				env.Say("import.created", d)
				if res.Near != "" { // a typo makes a second document without a word
					env.Warn("import.near", map[string]any{"ID": id, "Lang": lang, "Near": res.Near})
					env.Hint("import.near.hint", map[string]any{"ID": id, "Lang": lang, "Near": res.Near})
				}
			default:
				env.Say("import.updated", d)
			}
			// Stored, but align cannot cut it into sentences until the
			// rules are given: said as status and check say it.
			if res.NoRules != nil {
				env.WarnError(res.NoRules)
			}
			if res.LooksLike != "" {
				// Said first: a wrong file explains what follows.
				data := map[string]any{"ID": id, "Lang": lang, "Guess": res.LooksLike, "File": name}
				env.Warn("import.looks-like", data)
				env.Hint("import.looks-like.hint", data)
			}
			if res.Empty {
				// Stored all the same (it may be a placeholder), but said:
				// an empty file is most often the wrong file.
				env.Warn("import.empty", map[string]any{"ID": id, "Lang": lang, "File": name})
				env.Hint("import.empty.hint", map[string]any{"ID": id, "Lang": lang, "File": name})
			}
			cli.WarnLostFormatting(env, id, res.LostFormatting)
			// Both say to run align: the warnings first, then one hint.
			if len(res.Lost) > 0 {
				env.Warn("import.detached", map[string]any{"Count": len(res.Lost), "Confirmed": res.LostConfirmed})
			}
			if res.Unaligned > 0 {
				env.Warn("import.unaligned", map[string]any{"Count": res.Unaligned, "ID": id, "Lang": lang})
			}
			switch {
			case len(res.Lost) > 0 && res.Unaligned > 0:
				env.Hint("import.detached-unaligned.hint", d)
			case len(res.Lost) > 0:
				env.Hint("import.detached.hint", d)
			case res.Unaligned > 0:
				env.Hint("import.unaligned.hint", d)
			}
			// What the translation memory already holds of a new text;
			// nothing to say of a text without sentences (the empty file
			// warned of above), nor after "unchanged; nothing to do".
			if res.Unchanged {
				return nil
			}
			if m, ok := ap.CountImportMatches(ws, id, lang, app.TMFromEnv("", env.Getenv)); ok && m.Sentences > 0 {
				env.SayN("tm.import-matches", m.Sentences, map[string]any{"Exact": m.Exact, "Fuzzy": m.Fuzzy})
				// as tm lookup says it: a 100% match that is a sentence of
				// a longer group is one, and said apart
				if m.Within > 0 {
					env.SayN("tm.matches.within", m.Within, nil)
				}
			}
			return nil
		},
	}
}

// noLanguage is the error of import DOC FILE without a language: when
// the file reads and its letters tell one of the workspace's languages,
// it names that language and the command to type; otherwise usage (the
// error importArgs gave).
func noLanguage(ap *app.App, env *console.Env, c *urfave.Context, usage error) error {
	id, file := c.Args().Get(0), c.Args().Get(1)
	ws, err := env.Workspace()
	if err != nil {
		return usage
	}
	data, name, err := env.ReadInput(file)
	if err != nil {
		return usage
	}
	g := ap.GuessImportLanguage(ws, data, name, c.String("format"))
	if g == "" {
		return usage
	}
	return env.Usage("import.no-lang", map[string]any{"File": name, "Guess": g, "ID": id, "Path": file}, "import.no-lang.hint")
}

// importArgs reads DOC LANG FILE, or DOC FILE with the language given as
// --lang (flag); both ways at once must name the same language.
func importArgs(env *console.Env, args []string, flag string) (id, lang, file string, err error) {
	switch {
	case len(args) == 3 && (flag == "" || flag == args[1]):
		return args[0], args[1], args[2], nil
	case len(args) == 3:
		return "", "", "", env.Usage("import.lang-twice", map[string]any{"Arg": args[1], "Flag": flag, "ID": args[0]}, "import.lang-twice.hint")
	case len(args) == 2 && flag != "":
		return args[0], flag, args[1], nil
	}
	return "", "", "", env.Usage("app.want-args", map[string]any{"Command": "import", "Args": env.T("import.args", nil)}, "import.hint")
}
