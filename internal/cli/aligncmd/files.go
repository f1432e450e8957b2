package aligncmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/lexicon"
	"github.com/tilmash/tilmash/internal/textenc"
)

func alignFilesCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "align-files",
		Usage:       env.T("align-files.usage", nil),
		ArgsUsage:   env.T("align-files.args", nil),
		Description: env.T("align-files.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "presegmented", Usage: env.T("align-files.flag.presegmented", nil)},
			&urfave.StringFlag{Name: "src-lang", Usage: env.T("align-files.flag.src-lang", nil), Value: "en"},
			&urfave.StringFlag{Name: "tgt-lang", Usage: env.T("align-files.flag.tgt-lang", nil)},
			&urfave.StringFlag{Name: "glossary", Usage: env.T("align-files.flag.glossary", nil)},
			&urfave.StringFlag{Name: "format", Usage: env.T("align-files.flag.format", nil), Value: "tsv"},
			&urfave.StringFlag{Name: "lexicon", Usage: env.T("align-files.flag.lexicon", nil)},
			&urfave.BoolFlag{Name: "no-realign", Usage: env.T("align-files.option.no-realign", nil)},
			&urfave.BoolFlag{Name: "no-seed", Usage: env.T("align-files.option.no-seed", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() != 2 {
				return env.Usage("app.want-args", map[string]any{"Command": "align-files", "Args": env.T("align-files.args", nil)}, "align-files.hint")
			}
			format := c.String("format")
			if format != "tsv" && format != "jsonl" && format != "ladder" {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": "tsv, jsonl, ladder"}, "")
			}
			srcLang, tgtLang := c.String("src-lang"), c.String("tgt-lang")
			if tgtLang == "" {
				return env.Usage("align-files.need-tgt", nil, "align-files.hint")
			}
			if c.Args().Get(0) == "-" && c.Args().Get(1) == "-" {
				return env.Usage("align-files.two-stdin", nil, "")
			}
			src, err := readSide(a, env, c.Args().Get(0), srcLang, c.Bool("presegmented"))
			if err != nil {
				return err
			}
			tgt, err := readSide(a, env, c.Args().Get(1), tgtLang, c.Bool("presegmented"))
			if err != nil {
				return err
			}
			o := app.AlignFilesOptions{SrcLang: srcLang, TgtLang: tgtLang, NoRealign: c.Bool("no-realign"), NoSeed: c.Bool("no-seed")}
			if dir := c.String("glossary"); dir != "" {
				o.Glossary = env.Abs(dir)
			}
			if file := c.String("lexicon"); file != "" {
				data, name, err := env.ReadInput(file)
				if err != nil {
					return err
				}
				o.Lexicon = &app.Input{Name: name, Data: data}
			}
			var beads []align.Bead
			env.Busy(env.T("align-files.progress", nil), func() { beads, err = a.AlignFiles(src, tgt, o) })
			if err != nil {
				return err
			}
			return writeBeads(env.Stdout, format, beads, src, tgt)
		},
	}
}

// readLexicon reads a lexicon file for lexicon show (see app.ReadLexicon).
func readLexicon(env *console.Env, file, srcLang, tgtLang string) (*lexicon.Lexicon, error) {
	data, name, err := env.ReadInput(file)
	if err != nil {
		return nil, err
	}
	return app.ReadLexicon(app.Input{Name: name, Data: data}, srcLang, tgtLang)
}

// readSide reads one side of align-files (see app.FileSentences).
func readSide(a *app.App, env *console.Env, file, lang string, preseg bool) ([]align.Sentence, error) {
	data, name, err := env.ReadInput(file)
	if err != nil {
		return nil, err
	}
	return a.FileSentences(app.Input{Name: name, Data: data}, lang, preseg)
}

// A line of --format jsonl is one bead. Benchmarks read it, so its shape is fixed:
// {"src":[0,1],"tgt":[0],"score":0.93,"src_text":[…],"tgt_text":[…]}, as encoding/json wrote it
// from a struct of those fields (appendBead writes the same bytes without its reflection).

// writeBeads prints the alignment:
//   - jsonl: one bead a line as above;
//   - tsv: source text, target text and score a line, sentences of a side
//     joined with a space (what LF Aligner users paste into a spreadsheet);
//   - ladder: hunalign's ladder, "i<TAB>j<TAB>score" for each rung, the
//     last rung at (n, m).
func writeBeads(w io.Writer, format string, beads []align.Bead, src, tgt []align.Sentence) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	texts := func(idx []int, side []align.Sentence) []string {
		out := make([]string, len(idx))
		for k, i := range idx {
			out[k] = side[i].Text
		}
		return out
	}
	switch format {
	case "jsonl":
		var buf []byte
		for _, b := range beads {
			var err error
			if buf, err = appendBead(buf[:0], b, src, tgt); err != nil {
				return err
			}
			bw.Write(buf) // a write error stays in bw and Flush returns it
		}
	case "tsv":
		clean := strings.NewReplacer("\t", " ", "\n", " ")
		for _, b := range beads {
			fmt.Fprintf(bw, "%s\t%s\t%.3f\n", clean.Replace(strings.Join(texts(b.Src, src), " ")), clean.Replace(strings.Join(texts(b.Tgt, tgt), " ")), b.Score)
		}
	case "ladder":
		i, j := 0, 0
		for _, b := range beads {
			fmt.Fprintf(bw, "%d\t%d\t%.3f\n", i, j, b.Score)
			i += len(b.Src)
			j += len(b.Tgt)
		}
		fmt.Fprintf(bw, "%d\t%d\t%.3f\n", i, j, 0.0)
	}
	return bw.Flush()
}

// appendBead appends the --format jsonl line of b, newline included, as encoding/json writes
// {"src":…,"tgt":…,"score":…,"src_text":…,"tgt_text":…} with HTML escaping off: writing 20,000
// beads through its reflection (and a slice of texts for each side of each) was a thirtieth of
// align-files.
func appendBead(buf []byte, b align.Bead, src, tgt []align.Sentence) ([]byte, error) {
	ints := func(idx []int) {
		if idx == nil {
			buf = append(buf, "null"...)
			return
		}
		buf = append(buf, '[')
		for k, i := range idx {
			if k > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(i), 10)
		}
		buf = append(buf, ']')
	}
	texts := func(idx []int, side []align.Sentence) {
		buf = append(buf, '[')
		for k, i := range idx {
			if k > 0 {
				buf = append(buf, ',')
			}
			buf = textenc.AppendJSONString(buf, side[i].Text)
		}
		buf = append(buf, ']')
	}
	buf = append(buf, `{"src":`...)
	ints(b.Src)
	buf = append(buf, `,"tgt":`...)
	ints(b.Tgt)
	buf = append(buf, `,"score":`...)
	score := float64(int(b.Score*1000+0.5)) / 1000
	if score == 0 || score >= 1e-6 && score < 1e21 {
		buf = strconv.AppendFloat(buf, score, 'f', -1, 64)
	} else {
		// never for a score in [0, 1]; encoding/json's exponent form, or its error for NaN
		js, err := json.Marshal(score)
		if err != nil {
			return buf, err
		}
		buf = append(buf, js...)
	}
	buf = append(buf, `,"src_text":`...)
	texts(b.Src, src)
	buf = append(buf, `,"tgt_text":`...)
	texts(b.Tgt, tgt)
	return append(buf, "}\n"...), nil
}
