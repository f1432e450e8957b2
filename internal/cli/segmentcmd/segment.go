package segmentcmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Commands are segment, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command { return []*urfave.Command{segmentCommand(a, env)} }
}

func segmentCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "segment",
		Usage:       env.T("segment.usage", nil),
		ArgsUsage:   env.T("segment.args", nil),
		Description: env.T("segment.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "lang", Usage: env.T("segment.flag.lang", nil)},
			&urfave.StringFlag{Name: "format", Value: "text", Usage: env.T("segment.flag.format", nil)},
			&urfave.StringFlag{Name: "srx", Usage: env.T("segment.flag.srx", nil)},
			&urfave.BoolFlag{Name: "export-srx", Usage: env.T("segment.flag.export-srx", nil)},
		},
		Action: func(c *urfave.Context) error {
			// Outside a workspace the built-in rules apply; a workspace
			// whose tilmash.yaml is broken is an error, not a fallback, or
			// segment would cut differently from import and align.
			ws, err := workspace.Find(env.WorkspaceDir, env.Getenv(workspace.EnvVar), env.Dir)
			if _, none := err.(*workspace.NotFoundError); none && env.WorkspaceDir == "" && env.Getenv(workspace.EnvVar) == "" {
				ws, err = nil, nil
			}
			if err != nil {
				return err
			}
			if c.Bool("export-srx") {
				rules, err := app.Rules(ws)
				if err != nil {
					return err
				}
				return segment.WriteSRX(env.Stdout, rules)
			}
			if c.NArg() != 1 {
				return env.Usage("app.want-args", map[string]any{"Command": "segment", "Args": env.T("segment.args", nil)}, "segment.hint")
			}
			lang, format := c.String("lang"), c.String("format")
			if lang == "" {
				return env.Usage("segment.need-lang", nil, "segment.hint")
			}
			if format != "text" && format != "jsonl" {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": "text, jsonl"}, "")
			}
			data, name, err := env.ReadInput(c.Args().First())
			if err != nil {
				return err
			}
			// Offsets refer to the input as given, so the text is only
			// checked here, not normalised: a reader can slice its own
			// file with them.
			if _, err := document.Normalize(name, data); err != nil {
				return err
			}
			// Rules from --srx, else the workspace's (with its overrides),
			// else the built-in ones.
			seg, err := segmenter(a, env, ws, lang, c.String("srx"))
			if err != nil {
				return err
			}
			return write(env.Stdout, format, string(data), seg.Segment(string(data)))
		},
	}
}

// line is one line of --format jsonl.
type line struct {
	I     int    `json:"i"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// write prints the segments: one sentence a line (inner line breaks
// become spaces, so the count of lines is the count of sentences), or one
// JSON object a line with byte offsets into the input.
func write(w io.Writer, format, text string, segs []segment.Segment) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
	for i, s := range segs {
		if format == "jsonl" {
			if err := enc.Encode(line{I: i, Start: s.Start, End: s.End, Text: s.Text}); err != nil {
				return err
			}
			continue
		}
		bw.WriteString(flat.Replace(s.Text))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// segmenter picks the rules: an SRX file given with --srx, else the
// workspace's, else the built-in ones.
func segmenter(a *app.App, env *console.Env, ws *workspace.Workspace, lang, srx string) (*segment.Segmenter, error) {
	if srx == "" {
		return a.Segmenter(ws, lang)
	}
	data, err := workspace.ReadRegular(env.Abs(srx), srx)
	if workspace.IsReadError(err) {
		return nil, err
	}
	if err != nil {
		return nil, console.NewFileError(srx, err)
	}
	sets, err := segment.ReadSRX(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	r, ok := sets[lang]
	if !ok {
		return nil, env.Usage("segment.srx-no-lang", map[string]any{"File": srx, "Lang": lang}, "")
	}
	return segment.Compile(r)
}
