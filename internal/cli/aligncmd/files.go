package aligncmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
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
			opt := align.Options{SrcLang: srcLang, TgtLang: tgtLang, NoRealign: c.Bool("no-realign"), NoSeed: c.Bool("no-seed")}
			if dir := c.String("glossary"); dir != "" {
				if opt.Terms, err = a.TermsFromDir(env.Abs(dir), []string{srcLang, tgtLang}); err != nil {
					return err
				}
			}
			if file := c.String("lexicon"); file != "" {
				if opt.Lexicon, err = readLexicon(env, file, srcLang, tgtLang); err != nil {
					return err
				}
			}
			var beads []align.Bead
			env.Busy(env.T("align-files.progress", nil), func() { beads = align.Pair(src, tgt, opt) })
			return writeBeads(env.Stdout, format, beads, src, tgt)
		},
	}
}

// readLexicon reads a lexicon file (TSV: source word, target word, weight)
// for --lexicon; a bad line is refused with its position.
func readLexicon(env *console.Env, file, srcLang, tgtLang string) (*lexicon.Lexicon, error) {
	data, name, err := env.ReadInput(file)
	if err != nil {
		return nil, err
	}
	lex, err := lexicon.Read(bytes.NewReader(data), srcLang, tgtLang)
	var se *lexicon.SyntaxError
	if errors.As(err, &se) {
		return nil, env.Usage("lexicon.bad-line", map[string]any{"File": name, "Line": se.Line, "Column": se.Column, "Offset": se.Offset, "Text": se.Text}, "lexicon.bad-line.hint")
	}
	return lex, err
}

// readSide reads one side: one sentence a line with presegmented (empty
// lines count, so indices match line numbers), else the text cut by the
// segmenter, with its paragraphs. Either way bad UTF-8 is refused with its
// offset, as import does.
func readSide(a *app.App, env *console.Env, file, lang string, preseg bool) ([]align.Sentence, error) {
	data, name, err := env.ReadInput(file)
	if err != nil {
		return nil, err
	}
	// data is ours alone: its text is kept for the sentences, not copied (see NormalizeOwned)
	text, err := document.NormalizeOwned(name, data)
	if err != nil {
		return nil, err
	}
	var out []align.Sentence
	if preseg {
		t := strings.TrimSuffix(text, "\n")
		if t == "" {
			return nil, nil
		}
		out = make([]align.Sentence, 0, strings.Count(t, "\n")+1)
		for line := range strings.SplitSeq(t, "\n") {
			out = append(out, align.Sentence{Text: line})
		}
		return out, nil
	}
	seg, err := a.Segmenter(nil, lang)
	if err != nil {
		return nil, err
	}
	segs := seg.Segment(text)
	out = make([]align.Sentence, 0, len(segs))
	for _, s := range segs {
		out = append(out, align.Sentence{Text: s.Text, Para: s.Para})
	}
	return out, nil
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
