package glossarycmd

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// addLangs are the languages glossary add has flags for: --en, --en-variant
// and so on. The flags are built before the workspace is known, so they
// cover the house languages; an entry in other languages is written by
// hand.
var addLangs = []string{"en", "ru", "kk"}

// fileForKind is where an entry goes when --file is not given: the file
// the house glossary keeps that kind in.
var fileForKind = map[glossary.Kind]string{
	glossary.Person:       "people.yaml",
	glossary.Place:        "places.yaml",
	glossary.Organization: "organizations.yaml",
	glossary.Institution:  "institutions.yaml",
	glossary.Other:        "terms.yaml",
}

func addCommand(env *console.Env) *urfave.Command {
	flags := []urfave.Flag{
		&urfave.StringFlag{Name: "id", Usage: env.T("check.add.flag.id", nil)},
		&urfave.StringFlag{Name: "kind", Value: string(glossary.Other), Usage: env.T("check.add.flag.kind", map[string]any{"Kinds": kinds()})},
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
			if !e.Kind.Valid() {
				return env.Usage("check.list.bad-kind", map[string]any{"Kind": e.Kind, "Kinds": kinds()}, "")
			}
			name := c.String("file")
			if name == "" {
				name = fileForKind[e.Kind]
			}
			if err := validFileName(name); err != nil {
				return env.Usage("check.add.bad-file", map[string]any{"File": name}, "check.add.bad-file.hint")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			rel, err := add(env, ws, name, e)
			if err != nil {
				return err
			}
			env.Say("check.add.done", map[string]any{"ID": e.ID, "File": rel})
			return nil
		},
	}
}

// validFileName accepts a plain file name ending in .yaml: the glossary is
// every *.yaml of one folder, and a name with a folder in it could point
// out of the workspace.
func validFileName(name string) error {
	if name == "" || filepath.Base(name) != name || strings.ContainsAny(name, `/\`) || name[0] == '.' || !strings.HasSuffix(name, ".yaml") || name == ".yaml" {
		return errors.New("bad glossary file name")
	}
	return nil
}

// duplicateError is an id that the glossary already has.
type duplicateError struct {
	ID, Pos string
}

func (e *duplicateError) Error() string {
	return e.Pos + ": id " + e.ID + " is already in the glossary"
}
func (e *duplicateError) MessageID() string { return "check.add.duplicate" }
func (e *duplicateError) TemplateData() map[string]any {
	return map[string]any{"ID": e.ID, "Pos": e.Pos}
}
func (e *duplicateError) Hint() string { return "check.add.duplicate.hint" }

// add writes entry e into the glossary file name. The entry is first added
// to a scratch copy of the glossary folder with glossary.AddEntry and the
// copy linted: an entry that would bring a problem the glossary did not
// have (a form that another entry forbids, a missing language, …) is
// refused, and nothing is written. Otherwise the very bytes that were
// linted replace the file, atomically. It returns the file's path relative
// to the workspace root.
func add(env *console.Env, ws *workspace.Workspace, name string, e *glossary.Entry) (string, error) {
	before, probs, _, err := check.ReadGlossary(ws)
	if err != nil {
		return "", err
	}
	relDir := ws.Config.Glossary
	rel := filepath.Join(relDir, name)
	if before != nil {
		if old := before.Lookup(e.ID); old != nil {
			return "", &duplicateError{ID: e.ID, Pos: old.File + ":" + strconv.Itoa(old.Line) + ":" + strconv.Itoa(old.Column)}
		}
	}
	scratch, err := os.MkdirTemp("", "tilmash-glossary-add-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(scratch)
	files, _ := filepath.Glob(filepath.Join(ws.Path(relDir), "*.yaml"))
	for _, f := range files {
		data, err := workspace.ReadFileIn(ws.Path(relDir), filepath.Base(f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(scratch, filepath.Base(f)), data, 0o644); err != nil {
			return "", err
		}
	}
	if err := glossary.AddEntry(filepath.Join(scratch, name), e); err != nil {
		if ae := (*locale.Error)(nil); errors.As(err, &ae) && ae.Pos != nil {
			ae.Pos.File = rel
		}
		var le *yamlx.LimitError
		if errors.As(err, &le) {
			le.File = rel
		}
		return "", err
	}
	_, after, err := glossary.Load(scratch, ws.Config.Languages)
	if err != nil {
		return "", err
	}
	if fresh := newProblems(probs, after); len(fresh) > 0 {
		for _, p := range fresh {
			if r, err := filepath.Rel(scratch, p.File); err == nil {
				p.File = filepath.Join(relDir, r)
			}
			p.Other = strings.ReplaceAll(p.Other, scratch+string(filepath.Separator), relDir+string(filepath.Separator))
			env.Say("check.add.problem", map[string]any{"Problem": problemText(env, p)})
		}
		return "", &console.UsageError{
			Msg:  env.N("check.add.refused", len(fresh), map[string]any{"ID": e.ID}),
			Hint: env.T("check.add.refused.hint", nil),
		}
	}
	data, err := os.ReadFile(filepath.Join(scratch, name))
	if err != nil {
		return "", err
	}
	if err := ws.WriteFile(rel, data); err != nil {
		return "", err
	}
	return rel, nil
}

// newProblems returns the problems of after that before did not have,
// compared by what they say rather than where: adding an entry may move
// nothing else, but a problem keyed by position would not survive a
// rewrite through the node tree.
func newProblems(before, after []glossary.Problem) []glossary.Problem {
	key := func(p glossary.Problem) string {
		return strings.Join([]string{filepath.Base(p.File), p.Code, p.ID, p.Lang, p.Field, p.Form, p.Value, p.OtherID}, "\x00")
	}
	have := map[string]int{}
	for _, p := range before {
		have[key(p)]++
	}
	var out []glossary.Problem
	for _, p := range after {
		k := key(p)
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, p)
	}
	return out
}
