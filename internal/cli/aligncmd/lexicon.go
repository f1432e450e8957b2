package aligncmd

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
)

// lexiconCommand is lexicon build and lexicon show: on files, or, without them, on what align
// learned from the workspace's confirmed groups.
func lexiconCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:  "lexicon",
		Usage: env.T("lexicon.usage", nil),
		Subcommands: []*urfave.Command{
			{
				Name:      "build",
				Usage:     env.T("lexicon.build.usage", nil),
				ArgsUsage: env.T("lexicon.build.args", nil),
				Flags: []urfave.Flag{
					&urfave.StringFlag{Name: "src-lang", Usage: env.T("align-files.flag.src-lang", nil), Value: "en"},
					&urfave.StringFlag{Name: "tgt-lang", Usage: env.T("align-files.flag.tgt-lang", nil)},
				},
				Action: func(c *urfave.Context) error {
					if c.NArg() == 0 {
						return learnedTable(a, env)
					}
					if c.NArg() != 2 {
						return env.Usage("app.want-args", map[string]any{"Command": "lexicon build", "Args": env.T("lexicon.build.args", nil)}, "lexicon.build.hint")
					}
					srcLang, tgtLang := c.String("src-lang"), c.String("tgt-lang")
					if tgtLang == "" {
						return env.Usage("align-files.need-tgt", nil, "lexicon.build.hint")
					}
					src, err := readLines(env, c.Args().Get(0))
					if err != nil {
						return err
					}
					tgt, err := readLines(env, c.Args().Get(1))
					if err != nil {
						return err
					}
					if len(src) != len(tgt) {
						return env.Usage("lexicon.build.lines", map[string]any{"Src": len(src), "Tgt": len(tgt)}, "lexicon.build.hint")
					}
					return app.LearnLexicon(srcLang, tgtLang, src, tgt).Write(env.Stdout)
				},
			},
			{
				Name:      "show",
				Usage:     env.T("lexicon.show.usage", nil),
				ArgsUsage: env.T("lexicon.show.args", nil),
				Flags: []urfave.Flag{
					&urfave.StringFlag{Name: "src-lang", Usage: env.T("lexicon.show.flag.src-lang", nil), Value: "en"},
					&urfave.StringFlag{Name: "tgt-lang", Usage: env.T("lexicon.show.flag.tgt-lang", nil)},
				},
				Action: func(c *urfave.Context) error {
					if c.NArg() == 0 {
						tgt := c.String("tgt-lang")
						src := ""
						if tgt != "" {
							src = c.String("src-lang")
						}
						return showLearned(a, env, src, tgt)
					}
					if c.NArg() > 2 {
						return env.Usage("app.want-args", map[string]any{"Command": "lexicon show", "Args": env.T("lexicon.show.args", nil)}, "")
					}
					lex, err := readLexicon(env, c.Args().Get(0), c.String("src-lang"), c.String("tgt-lang"))
					if errors.Is(err, fs.ErrNotExist) {
						// Most commands take a document, and lexicon show
						// without a file shows the workspace's: a document id
						// or a word typed here is taken for a file.
						return locale.NewError("lexicon.show.no-file", map[string]any{"File": c.Args().Get(0)}).
							WithHint("lexicon.show.no-file.hint").Wrap(err)
					}
					if err != nil {
						return err
					}
					w := bufio.NewWriter(env.Stdout)
					entries := app.LexiconEntries(lex, c.Args().Get(1))
					for _, e := range entries {
						fmt.Fprintf(w, "%s\t%s\t%.3f\n", e.Src, e.Tgt, e.Weight)
					}
					n := len(entries)
					if err := w.Flush(); err != nil {
						return err
					}
					env.SayN("lexicon.show.count", n, map[string]any{"Count": n})
					return nil
				},
			},
		},
	}
}

// learned opens the workspace and returns what align learns from its confirmed groups, learning
// again what is out of date (under the lock: the stored copies are rewritten then).
func learned(a *app.App, env *console.Env) ([]app.LearnedPair, error) {
	ws, unlock, err := env.LockedWorkspace()
	if err != nil {
		return nil, err
	}
	defer unlock()
	return a.Learned(ws, ws.Config.Languages)
}

// learnedTable is lexicon build without files: it brings the workspace's learned lexicons up to
// date and says, for each pair of languages, how many confirmed groups taught it, how many word
// pairs it learned and the length ratio it fitted.
func learnedTable(a *app.App, env *console.Env) error {
	pairs, err := learned(a, env)
	if err != nil {
		return err
	}
	groups := 0
	var rows [][]string
	for _, p := range pairs {
		groups += p.Groups
		words, ratio := "0", "—"
		if p.Lexicon != nil {
			words = fmt.Sprint(p.Lexicon.Len())
		}
		if p.Lengths.Pairs > 0 {
			ratio = strconv.FormatFloat(p.Lengths.Ratio, 'f', 2, 64)
		}
		rows = append(rows, []string{p.Src + "-" + p.Tgt, fmt.Sprint(p.Groups), words, ratio})
	}
	if groups == 0 {
		env.Say("lexicon.learned.none", nil)
		env.Hint("lexicon.learned.none.hint", nil)
		return nil
	}
	env.Table([]string{env.T("lexicon.col.pair", nil), env.T("lexicon.col.groups", nil), env.T("lexicon.col.words", nil), env.T("lexicon.col.lengths", nil)}, rows)
	env.Say("lexicon.learned.stored", map[string]any{"Folder": filepath.Dir(pairs[0].File)})
	return nil
}

// showLearned is lexicon show without a file: the word pairs align learned from the workspace's
// confirmed groups for src-tgt, as a lexicon file (align-files --lexicon reads it), or for every
// pair of the workspace when tgt is empty.
func showLearned(a *app.App, env *console.Env, src, tgt string) error {
	pairs, err := learned(a, env)
	if err != nil {
		return err
	}
	if tgt != "" {
		var names []string
		found := false
		for _, p := range pairs {
			names = append(names, p.Src+"-"+p.Tgt)
			if p.Src == src && p.Tgt == tgt {
				pairs, found = []app.LearnedPair{p}, true
				break
			}
		}
		if !found {
			return env.Usage("lexicon.learned.no-pair", map[string]any{"Pair": src + "-" + tgt, "Pairs": strings.Join(names, ", ")}, "lexicon.learned.no-pair.hint")
		}
	}
	n := 0
	w := bufio.NewWriter(env.Stdout)
	for _, p := range pairs {
		if p.Lexicon == nil || p.Lexicon.Len() == 0 {
			env.Say("lexicon.learned.pair-none", map[string]any{"Pair": p.Src + "-" + p.Tgt})
			continue
		}
		if err := p.Lexicon.Write(w); err != nil {
			return err
		}
		n += p.Lexicon.Len()
	}
	if err := w.Flush(); err != nil {
		return err
	}
	env.SayN("lexicon.show.count", n, map[string]any{"Count": n})
	return nil
}

// readLines reads a file of one sentence a line, normalised as import does.
func readLines(env *console.Env, file string) ([]string, error) {
	data, name, err := env.ReadInput(file)
	if err != nil {
		return nil, err
	}
	text, err := document.Normalize(name, data)
	if err != nil {
		return nil, err
	}
	t := strings.TrimSuffix(string(text), "\n")
	if t == "" {
		return nil, nil
	}
	return strings.Split(string(bytes.TrimSuffix([]byte(t), []byte("\n"))), "\n"), nil
}
