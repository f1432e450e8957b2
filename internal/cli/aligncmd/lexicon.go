package aligncmd

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/lexicon"
)

func lexiconCommand(env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:  "lexicon",
		Usage: env.T("lexicon.usage", nil),
		Subcommands: []*urfave.Command{
			{
				Name:      "build",
				Usage:     env.T("lexicon.build.usage", nil),
				ArgsUsage: env.T("align-files.args", nil),
				Flags: []urfave.Flag{
					&urfave.StringFlag{Name: "src-lang", Usage: env.T("align-files.flag.src-lang", nil), Value: "en"},
					&urfave.StringFlag{Name: "tgt-lang", Usage: env.T("align-files.flag.tgt-lang", nil)},
				},
				Action: func(c *urfave.Context) error {
					if c.NArg() != 2 {
						return env.Usage("app.want-args", map[string]any{"Command": "lexicon build", "Args": env.T("align-files.args", nil)}, "lexicon.build.hint")
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
					l := lexicon.NewLearner(srcLang, tgtLang)
					for k := range src {
						l.Observe(src[k], tgt[k])
					}
					return l.Lexicon(lexicon.DefaultMinCount, lexicon.DefaultMinDice, lexicon.DefaultPerWord).Write(env.Stdout)
				},
			},
			{
				Name:      "show",
				Usage:     env.T("lexicon.show.usage", nil),
				ArgsUsage: env.T("lexicon.show.args", nil),
				Flags: []urfave.Flag{
					&urfave.StringFlag{Name: "src-lang", Usage: env.T("align-files.flag.src-lang", nil), Value: "en"},
					&urfave.StringFlag{Name: "tgt-lang", Usage: env.T("align-files.flag.tgt-lang", nil)},
				},
				Action: func(c *urfave.Context) error {
					if c.NArg() < 1 || c.NArg() > 2 {
						return env.Usage("app.want-args", map[string]any{"Command": "lexicon show", "Args": env.T("lexicon.show.args", nil)}, "")
					}
					lex, err := readLexicon(env, c.Args().Get(0), c.String("src-lang"), c.String("tgt-lang"))
					if err != nil {
						return err
					}
					word := c.Args().Get(1)
					stem := lexicon.Stem(lex.SrcLang, word)
					w := bufio.NewWriter(env.Stdout)
					n := 0
					for _, e := range lex.Entries() {
						if word != "" && e.Src != stem {
							continue
						}
						fmt.Fprintf(w, "%s\t%s\t%.3f\n", e.Src, e.Tgt, e.Weight)
						n++
					}
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
