package segmentcmd

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/textenc"
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
			arg := c.Args().First()
			f, err := env.OpenInput(arg)
			if err != nil {
				return err
			}
			if f != nil {
				defer f.Close()
				// A file of plain UTF-8 (the usual case) is read twice,
				// a chunk at a time: checked to the end before anything
				// is printed, then cut as it is read again. Memory stays
				// small whatever the size of the file.
				plain, err := plainUTF8(f)
				if err != nil {
					return console.NewFileError(arg, err)
				}
				if plain {
					if _, err := f.Seek(0, io.SeekStart); err != nil {
						return console.NewFileError(arg, err)
					}
					seg, err := segmenter(a, env, ws, lang, c.String("srx"))
					if err != nil {
						return err
					}
					var readErr error
					err = write(env.Stdout, format, func(yield func(segment.Segment)) { readErr = seg.EachReader(f, yield) })
					if readErr != nil {
						return console.NewFileError(arg, readErr)
					}
					return err
				}
				// Anything else is read whole, for document.Check to
				// explain what is wrong with it.
			}
			data, name, err := env.ReadInput(arg)
			if err != nil {
				return err
			}
			// Offsets refer to the input as given, so the text is only
			// checked here, not normalised: a reader can slice its own
			// file with them.
			if err := document.Check(name, data); err != nil {
				return err
			}
			// Rules from --srx, else the workspace's (with its overrides),
			// else the built-in ones.
			seg, err := segmenter(a, env, ws, lang, c.String("srx"))
			if err != nil {
				return err
			}
			// The input is not changed from here on: the text shares its
			// bytes rather than copying them (often tens of megabytes).
			text := unsafe.String(unsafe.SliceData(data), len(data))
			return write(env.Stdout, format, func(yield func(segment.Segment)) { seg.Each(text, yield) })
		},
	}
}

// plainUTF8 reports whether the file holds valid UTF-8 that is not taken
// for UTF-16 (see textenc.Sniff), of at most workspace.MaxFileSize bytes:
// a file that document.Check accepts and whose bytes are the text. It
// reads f to its end.
func plainUTF8(f io.Reader) (bool, error) {
	buf := make([]byte, 256<<10)
	carry, total := 0, 0
	for first := true; ; first = false {
		n, err := io.ReadFull(f, buf[carry:])
		end := carry + n
		total += n
		if first {
			if enc, _ := textenc.Sniff(buf[:end]); enc != textenc.UTF8 {
				return false, nil
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return total <= workspace.MaxFileSize && textenc.InvalidUTF8(buf[:end]) < 0, nil
		}
		if err != nil {
			return false, err
		}
		if total > workspace.MaxFileSize {
			return false, nil
		}
		// A rune cut at the end of the buffer is checked with the next.
		cut := end
		for i := end - 1; i >= max(0, end-utf8.UTFMax+1); i-- {
			if utf8.RuneStart(buf[i]) {
				if !utf8.FullRune(buf[i:end]) {
					cut = i
				}
				break
			}
		}
		if textenc.InvalidUTF8(buf[:cut]) >= 0 {
			return false, nil
		}
		carry = copy(buf, buf[cut:end])
	}
}

// write prints the segments: one sentence a line (inner line breaks
// become spaces, so the count of lines is the count of sentences), or one
// JSON object a line with byte offsets into the input:
// {"i":0,"start":0,"end":12,"text":"…"}, written by textenc.AppendJSONString as
// encoding/json would write it, without its reflection.
func write(w io.Writer, format string, each func(yield func(segment.Segment))) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
	var buf []byte
	i := 0
	each(func(s segment.Segment) {
		if format == "jsonl" {
			buf = append(buf[:0], `{"i":`...)
			buf = strconv.AppendInt(buf, int64(i), 10)
			buf = append(buf, `,"start":`...)
			buf = strconv.AppendInt(buf, int64(s.Start), 10)
			buf = append(buf, `,"end":`...)
			buf = strconv.AppendInt(buf, int64(s.End), 10)
			buf = append(buf, `,"text":`...)
			buf = textenc.AppendJSONString(buf, s.Text)
			buf = append(buf, "}\n"...)
			bw.Write(buf) // a write error stays in bw and Flush returns it
		} else {
			if strings.ContainsAny(s.Text, "\r\n") {
				bw.WriteString(flat.Replace(s.Text))
			} else {
				bw.WriteString(s.Text)
			}
			bw.WriteByte('\n')
		}
		i++
	})
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
	return app.SegmenterFromSRX(app.Input{Name: srx, Data: data}, lang)
}
