package exportcmd

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/tmx"
)

func importTMXCommand(env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "import-tmx",
		Usage:       env.T("import-tmx.usage", nil),
		ArgsUsage:   env.T("import-tmx.args", nil),
		Description: env.T("import-tmx.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "force", Usage: env.T("import-tmx.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() < 1 || c.NArg() > 2 {
				return env.Usage("app.want-args", map[string]any{"Command": "import-tmx", "Args": env.T("import-tmx.args", nil)}, "import-tmx.hint")
			}
			file := c.Args().Get(0)
			id := c.Args().Get(1)
			if id == "" {
				if file == "-" {
					return env.Usage("import-tmx.need-doc", map[string]any{"File": env.T("app.stdin", nil)}, "import-tmx.hint")
				}
				id = Slug(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
				if id == "" {
					return env.Usage("import-tmx.need-doc", map[string]any{"File": file}, "import-tmx.hint")
				}
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
			m, err := tmx.Read(bytes.NewReader(data), name)
			if err != nil {
				return err
			}
			mem, err := export.FromTMX(m, name, ws.Config.Languages, ws.Config.Source)
			if err != nil {
				return err
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			change, err := document.Begin(ws, id)
			if err != nil {
				return err
			}
			cli.WarnRecovered(env, change.Recovered)
			created := false
			if old, err := change.Alignment(); err != nil {
				return err
			} else if old != nil && len(old.Groups) > 0 && !c.Bool("force") {
				n, conf, _ := old.Counts()
				return &replaceError{ID: id, Groups: n, Confirmed: conf}
			}
			if _, err := change.Document(); err != nil {
				if _, missing := err.(*document.NotFoundError); !missing {
					return err
				}
				created = true
			}
			source := filepath.Base(file)
			if file == "-" {
				source = ""
			}
			for _, l := range mem.Langs {
				// Force: the alignment is replaced below, so groups the
				// old one would lose do not matter.
				if _, err := change.Import(l, []byte(mem.Texts[l]), name, document.ImportOptions{Source: source, Force: true}); err != nil {
					return err
				}
			}
			d, err := change.Document()
			if err != nil {
				return err
			}
			texts, err := change.Texts(d)
			if err != nil {
				return err
			}
			a := mem.Alignment
			a.Document = id
			for _, l := range mem.Langs {
				a.Sources[l] = document.Hash(texts[l])
			}
			if errs := a.Verify(d.WS.Rel(d.AlignmentFile()), texts); len(errs) > 0 {
				// The texts were built from these very segments; a
				// mismatch is a bug, and no alignment is better than a
				// wrong one.
				return fmt.Errorf("import-tmx: internal error: %v", errs[0])
			}
			if err := change.SetAlignment(a); err != nil {
				return err
			}
			if _, err := change.Commit("review.done.import-tmx", map[string]any{"Langs": strings.Join(mem.Langs, ", ")}, time.Time{}); err != nil {
				return err
			}
			if len(mem.OtherLangs) > 0 {
				env.Warn("import-tmx.other-langs", map[string]any{"Langs": strings.Join(mem.OtherLangs, ", ")})
			}
			if mem.Skipped > 0 {
				env.Warn("import-tmx.skipped", map[string]any{"Count": mem.Skipped})
			}
			if mem.Duplicates > 0 {
				env.Warn("import-tmx.duplicates", map[string]any{"Count": mem.Duplicates})
			}
			if mem.Flattened > 0 {
				env.Warn("import-tmx.flattened", map[string]any{"Count": mem.Flattened})
			}
			n, conf, flag := a.Counts()
			msg := "import-tmx.updated"
			if created {
				msg = "import-tmx.created"
			}
			env.SayN(msg, n, map[string]any{"ID": id, "Langs": strings.Join(mem.Langs, ", "), "Confirmed": conf, "Flagged": flag})
			return nil
		},
	}
}

// Slug makes a document id from a file name: lower-case ASCII letters and
// digits, every other run of characters one hyphen, at most 64 bytes.
// Letters outside ASCII are dropped, so a name of only Cyrillic letters
// gives "" and the caller must ask for an id.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 64 {
		s = strings.TrimRight(s[:64], "-")
	}
	return s
}

// replaceError refuses to replace an existing alignment without --force.
type replaceError struct {
	ID                string
	Groups, Confirmed int
}

func (e *replaceError) Error() string {
	return fmt.Sprintf("document %q already has an alignment of %d groups (%d confirmed); import-tmx would replace it", e.ID, e.Groups, e.Confirmed)
}

// MessageID names the localized message for e.
func (e *replaceError) MessageID() string { return "import-tmx.would-replace" }

// TemplateData gives the values of the localized message.
func (e *replaceError) TemplateData() map[string]any {
	return map[string]any{"ID": e.ID, "Groups": e.Groups, "Confirmed": e.Confirmed}
}

// Hint suggests a fix.
func (e *replaceError) Hint() string { return "import-tmx.would-replace.hint" }
