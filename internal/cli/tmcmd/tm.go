// Package tmcmd holds the tm commands: the translation memory of a
// workspace (concordance, fuzzy look-up, TMX import and export, stats,
// rebuild).
package tmcmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tm"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Commands is the tm command and its subcommands, over a.
func Commands(a *app.App) cli.Group {
	return func(env *console.Env) []*urfave.Command {
		return []*urfave.Command{{
			Name:        "tm",
			Usage:       env.T("tm.usage", nil),
			Description: env.T("tm.description", nil),
			Subcommands: []*urfave.Command{
				searchCommand(a, env),
				lookupCommand(a, env),
				importCommand(a, env),
				exportCommand(a, env),
				statsCommand(a, env),
				rebuildCommand(a, env),
			},
		}}
	}
}

// tmFlag is --tm, which every tm command takes.
func tmFlag(env *console.Env) urfave.Flag {
	return &urfave.StringFlag{Name: "tm", Usage: env.T("tm.flag.tm", nil)}
}

func formatFlag(env *console.Env, id, def string) urfave.Flag {
	return &urfave.StringFlag{Name: "format", Value: def, Usage: env.T(id, nil)}
}

// unitsFlag is --units, how a TMX the memory writes is cut.
func unitsFlag(env *console.Env) urfave.Flag {
	return &urfave.StringFlag{Name: "units", Usage: env.T("export.flag.units", nil)}
}

// checkUnits returns --units in lower case: one of export.Units, and
// given only where a TMX is written (tmx).
func checkUnits(env *console.Env, c *urfave.Context, tmx bool) (string, error) {
	units := strings.ToLower(c.String("units"))
	if units != "" && (!tmx || !slices.Contains(export.Units, units)) {
		return "", env.Usage("export.bad-units", map[string]any{"Units": c.String("units"), "Values": strings.Join(export.Units, ", ")}, "tm.units.hint")
	}
	return units, nil
}

func checkFormat(env *console.Env, format string, formats ...string) error {
	for _, f := range formats {
		if f == format {
			return nil
		}
	}
	return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": strings.Join(formats, ", ")}, "")
}

// tmOptions are the memory's options: --tm, the password from the
// environment, and --wait for another translator's update of a shared one.
func tmOptions(env *console.Env, c *urfave.Context) app.TMOptions {
	opt := app.TMFromEnv(c.String("tm"), env.Getenv)
	opt.LockWait = env.LockWait
	return opt
}

// open finds the workspace and opens its memory, brought up to date when
// update is set.
func open(a *app.App, env *console.Env, c *urfave.Context, update bool) (*workspace.Workspace, *app.Memory, error) {
	ws, err := env.Workspace()
	if err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	m, err := a.OpenMemory(ctx, ws, tmOptions(env, c))
	if err != nil {
		return nil, nil, err
	}
	if update {
		rep, err := a.UpdateMemory(ctx, m)
		if app.MemoryBusy(err) {
			// Another translator's update holds the shared memory: a
			// command that reads it answers from it as it is.
			env.WarnError(err)
			env.Warn("tm.busy.as-is", nil)
			return ws, m, nil
		}
		if err != nil {
			m.Close()
			return nil, nil, err
		}
		sayUpdate(env, rep)
		sayShared(env, rep)
	}
	return ws, m, nil
}

// sayUpdate tells on standard error what an update re-read, when it
// re-read anything.
func sayUpdate(env *console.Env, rep tm.UpdateReport) {
	if rep.Read == 0 && rep.Removed == 0 {
		return
	}
	env.SayN("tm.updated", rep.Read, map[string]any{"Removed": rep.Removed, "Units": rep.Units})
}

// sayShared warns of the documents an update of a shared memory left as
// the memory has them (app.SharedNotes).
func sayShared(env *console.Env, rep tm.UpdateReport) {
	for _, m := range app.SharedNotes(rep) {
		env.Warn(m.ID, m.Data)
	}
}

func writeJSON(env *console.Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// wantArgs refuses a call with fewer than min or more than max arguments.
func wantArgs(env *console.Env, c *urfave.Context, command, argsID string, min, max int) error {
	if c.NArg() < min || c.NArg() > max {
		if max == 0 {
			return env.Usage("app.no-args", map[string]any{"Command": command}, "")
		}
		return env.Usage("app.want-args", map[string]any{"Command": command, "Args": env.T(argsID, nil)}, "tm.hint")
	}
	return nil
}

// langOf checks --lang: a language of the workspace, or "" when allowed.
func langOf(env *console.Env, ws *workspace.Workspace, lang string) error {
	if lang == "" {
		return nil
	}
	for _, l := range ws.Config.Languages {
		if l == lang {
			return nil
		}
	}
	return document.WithMeant(locale.NewError("tm.bad-lang", map[string]any{"Lang": lang, "Langs": strings.Join(ws.Config.Languages, ", ")}), lang, ws.Config.Languages).OfKind(locale.Usage)
}

// status is how text output names a unit's status.
func status(env *console.Env, u *tm.Unit) string {
	if u.Confirmed {
		return env.Paint(console.Green, env.T("tm.confirmed", nil))
	}
	return env.T("tm.unconfirmed", nil)
}

// origin is "DOC #N", or "tmx:NAME #N" for an imported memory.
func origin(u *tm.Unit) string {
	if d := u.Document(); d != "" {
		return d + " #" + strconv.Itoa(u.Group)
	}
	return "tmx:" + strings.TrimPrefix(u.Source, tm.TMXPrefix) + " #" + strconv.Itoa(u.Group)
}

// unitHeader is the first line of a unit in text output: where it comes
// from, whether confirmed, and its date.
func unitHeader(env *console.Env, u *tm.Unit) string {
	parts := []string{env.Paint(console.Bold, origin(u)), status(env, u)}
	if !u.Time.IsZero() {
		parts = append(parts, u.Time.UTC().Format("2006-01-02"))
	}
	return strings.Join(parts, "  ")
}

// printVariants prints a unit's texts, one language a line in the
// workspace's order, the spans of marks highlighted, and after the text
// in each language of partial a note that it translates more.
func printVariants(env *console.Env, ws *workspace.Workspace, indent string, u *tm.Unit, marks []tm.Mark, partial []string) {
	order := map[string]int{}
	for i, l := range ws.Config.Languages {
		order[l] = i
	}
	vs := append([]tm.Variant(nil), u.Variants...)
	sort.SliceStable(vs, func(i, j int) bool {
		oi, ok1 := order[vs[i].Lang]
		oj, ok2 := order[vs[j].Lang]
		if !ok1 {
			oi = len(order)
		}
		if !ok2 {
			oj = len(order)
		}
		return oi < oj
	})
	width := 2
	for _, v := range vs {
		width = max(width, len(v.Lang))
	}
	for _, v := range vs {
		note := ""
		if slices.Contains(partial, v.Lang) {
			note = "  " + env.Paint(console.Yellow, env.T("tm.lookup.partial", nil))
		}
		env.Printf("%s%-*s  %s%s\n", indent, width, v.Lang, marked(env, v, marks), note)
	}
}

// marked is a text with the marks in its language shown: in colour on a
// terminal, else between [ and ].
func marked(env *console.Env, v tm.Variant, marks []tm.Mark) string {
	var spans []tm.Mark
	for _, m := range marks {
		if m.Lang == v.Lang && m.Start >= 0 && m.End <= len(v.Text) && m.Start < m.End {
			spans = append(spans, m)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var b strings.Builder
	at := 0
	for _, m := range spans {
		if m.Start < at {
			continue
		}
		b.WriteString(v.Text[at:m.Start])
		hit := v.Text[m.Start:m.End]
		if env.Color {
			b.WriteString(env.Paint(console.Yellow, hit))
		} else {
			b.WriteString("[" + hit + "]")
		}
		at = m.End
	}
	b.WriteString(v.Text[at:])
	return b.String()
}

func searchCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "search",
		Aliases:     []string{"concordance"}, // the word of OmegaT, Trados and memoQ
		Usage:       env.T("tm.search.usage", nil),
		ArgsUsage:   env.T("tm.search.args", nil),
		Description: env.T("tm.search.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: env.T("tm.search.flag.lang", nil)},
			&urfave.IntFlag{Name: "limit", Value: 20, Usage: env.T("tm.search.flag.limit", nil)},
			formatFlag(env, "tm.search.flag.format", "text"),
			tmFlag(env),
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() < 1 {
				return wantArgs(env, c, "tm search", "tm.search.args", 1, 1)
			}
			query := strings.Join(c.Args().Slice(), " ")
			if strings.TrimSpace(query) == "" {
				// tilmash tm search "$WORD" with $WORD unset: searching for
				// nothing found nothing, and said "0 groups hold".
				return env.Usage("tm.search.empty", nil, "tm.search.empty.hint")
			}
			format := c.String("format")
			if err := checkFormat(env, format, "text", "json"); err != nil {
				return err
			}
			if c.Int("limit") < 1 {
				return env.Usage("tm.bad-limit", map[string]any{"Value": c.Int("limit")}, "")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			if err := langOf(env, ws, c.String("lang")); err != nil {
				return err
			}
			ws, m, err := open(a, env, c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			hits, err := a.SearchMemory(context.Background(), m, tm.Query{Text: query, Lang: c.String("lang"), Limit: c.Int("limit")})
			if err != nil {
				return err
			}
			if format == "json" {
				if hits == nil {
					hits = []tm.Hit{}
				}
				return writeJSON(env, map[string]any{"query": query, "lang": c.String("lang"), "hits": hits})
			}
			for i, h := range hits {
				if i > 0 {
					env.Printf("\n")
				}
				env.Printf("%s\n", unitHeader(env, &h.Unit))
				printVariants(env, ws, "  ", &h.Unit, h.Marks, nil)
			}
			if len(hits) == 0 {
				// "0 groups hold …", "… 0 топта бар": say it in words.
				env.Say("tm.search.none", map[string]any{"Query": query})
				return nil
			}
			env.SayN("tm.search.found", len(hits), map[string]any{"Query": query})
			return nil
		},
	}
}

func lookupCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "lookup",
		Usage:       env.T("tm.lookup.usage", nil),
		ArgsUsage:   env.T("tm.lookup.args", nil),
		Description: env.T("tm.lookup.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: env.T("tm.lookup.flag.lang", nil)},
			&urfave.IntFlag{Name: "min", Value: 70, Usage: env.T("tm.lookup.flag.min", nil)},
			formatFlag(env, "tm.lookup.flag.format", "text"),
			unitsFlag(env),
			&urfave.StringFlag{Name: "langs", Usage: env.T("tm.export.flag.langs", nil)},
			&urfave.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: env.T("tm.flag.output", nil)},
			&urfave.BoolFlag{Name: "force", Usage: env.T("tm.flag.force", nil)},
			tmFlag(env),
		},
		Action: func(c *urfave.Context) error {
			if err := wantArgs(env, c, "tm lookup", "tm.lookup.args", 1, 1); err != nil {
				return err
			}
			format := c.String("format")
			if err := checkFormat(env, format, "text", "jsonl", "tmx"); err != nil {
				return err
			}
			units, err := checkUnits(env, c, format == "tmx")
			if err != nil {
				return err
			}
			if min := c.Int("min"); min < 1 || min > 100 {
				return env.Usage("tm.bad-min", map[string]any{"Value": min}, "")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			lang := c.String("lang")
			if lang == "" {
				lang = ws.Config.Source
			}
			if err := langOf(env, ws, lang); err != nil {
				return err
			}
			langs, err := cli.ParseLangs(ws, c.String("langs"))
			if err != nil {
				return err
			}
			if len(langs) > 0 && format != "tmx" {
				return env.Usage("tm.langs-tmx", map[string]any{"Format": format}, "")
			}
			arg := c.Args().First()
			t, found, err := app.DocumentText(ws, arg, lang)
			if err != nil {
				return err
			}
			if !found {
				data, name, err := env.ReadInput(arg)
				if errors.Is(err, fs.ErrNotExist) && arg != "-" {
					// Neither: most often a sentence typed as the
					// argument, which standard input takes.
					return locale.NewError("tm.lookup.no-input", map[string]any{"Arg": arg}).WithHint("tm.lookup.no-input.hint").Wrap(err)
				}
				if err != nil {
					return err
				}
				if t, err = app.FileText(name, data); err != nil {
					return err
				}
			}
			var out *app.Output
			if o := c.String("output"); o != "" || format == "tmx" {
				if out, err = app.ResolveOutput(ws, o, env.Abs(o), c.Bool("force"), env.Stdout); err != nil {
					return err
				}
			}
			ws, m, err := open(a, env, c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			res, err := a.LookupMemory(context.Background(), m, t, lang, c.Int("min"))
			if err != nil {
				return err
			}
			// The summary counts what the rows show: a sentence of a
			// longer group matched 100% is a 100% match, said apart, as
			// its row says its translation covers more.
			tally := tm.TallyOf(res)
			exact, fuzzy := tally.Counts()
			switch format {
			case "tmx":
				// the codes numbered as the new text's segments show its tags
				if err := a.SegmentMatches(ws, res, t, lang); err != nil {
					return err
				}
				file, n, left, err := a.WriteMatches(m, res, out, units, langs)
				if err != nil {
					return err
				}
				if file != "" {
					env.SayN("tm.wrote", n, map[string]any{"File": shownFile(out, file, "matches.tmx")})
				}
				if left > 0 {
					env.SayN("tm.lookup.partial-left", left, nil)
				}
			case "jsonl":
				var b strings.Builder
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				for _, r := range tm.ShownResults(res) {
					if r.Matches == nil {
						r.Matches = []tm.Match{}
					}
					if err := enc.Encode(r); err != nil {
						return err
					}
				}
				if out != nil {
					file, err := out.Write("matches.jsonl", []byte(b.String()))
					if err != nil {
						return err
					}
					if file != "" {
						env.Say("export.written", map[string]any{"File": shownFile(out, file, "matches.jsonl")})
					}
				} else {
					fmt.Fprint(env.Stdout, b.String())
				}
			default:
				printLookup(env, ws, tm.ShownResults(res))
			}
			env.SayN("tm.lookup.summary", len(res), map[string]any{"Name": t.Name, "Exact": exact, "Fuzzy": fuzzy, "Min": c.Int("min")})
			if tally.Within > 0 {
				env.SayN("tm.matches.within", tally.Within, nil)
			}
			if g := t.LooksLike(lang); g != "" && exact+fuzzy == 0 {
				// --lang is the new text's language; a Russian text looked
				// up as English (the default) matched nothing, silently.
				data := map[string]any{"Name": t.Name, "Lang": lang, "Guess": g}
				env.Warn("tm.lookup.looks-like", data)
				// The hint is a command to run again: the argument as
				// given (-, not "standard input"), quoted for the shell
				// when it needs it.
				data["Name"] = shellArg(arg)
				env.Hint("tm.lookup.looks-like.hint", data)
			}
			return nil
		},
	}
}

// shownFile names the file written for name as the user gave it.
func shownFile(o *app.Output, file, name string) string {
	if o.Given != "" {
		return o.ShownName(name)
	}
	return file
}

// printLookup prints each sentence with its matches: score, origin,
// status, the numbers that differ, and the unit's texts.
func printLookup(env *console.Env, ws *workspace.Workspace, res []tm.Result) {
	for i, r := range res {
		if i > 0 {
			env.Printf("\n")
		}
		env.Printf("%d. %s\n", i+1, env.Paint(console.Bold, r.Sentence))
		if len(r.Matches) == 0 {
			env.Printf("   %s\n", env.T("tm.lookup.no-match", nil))
			continue
		}
		for _, mt := range r.Matches {
			line := fmt.Sprintf("%3d%%  %s", mt.Score, unitHeader(env, &mt.Unit))
			if mt.Part > 0 {
				line += "  " + env.T("tm.lookup.part", map[string]any{"Part": mt.Part, "Parts": mt.Parts})
			}
			if len(mt.Numbers) > 0 {
				var nums []string
				for _, n := range mt.Numbers {
					was, now := n.Was, n.Now
					if was == "" {
						was = "–"
					}
					if now == "" {
						now = "–"
					}
					nums = append(nums, was+" → "+now)
				}
				line += "  " + env.T("tm.lookup.numbers", map[string]any{"Numbers": strings.Join(nums, ", ")})
			}
			env.Printf("   %s\n", line)
			u := mt.Unit
			if mt.Part > 0 {
				u.Variants = mt.Sentence
			}
			printVariants(env, ws, "        ", &u, nil, mt.Partial)
		}
	}
}

func importCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "import",
		Usage:       env.T("tm.import.usage", nil),
		ArgsUsage:   env.T("tm.import.args", nil),
		Description: env.T("tm.import.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "name", Usage: env.T("tm.import.flag.name", nil)},
			tmFlag(env),
		},
		Action: func(c *urfave.Context) error {
			if err := wantArgs(env, c, "tm import", "tm.import.args", 1, 1); err != nil {
				return err
			}
			file := c.Args().First()
			name := c.String("name")
			if name == "" {
				if file == "-" {
					return env.Usage("tm.import.need-name", nil, "")
				}
				name = defaultName(file)
			}
			if !tm.ValidName(name) {
				return &tm.NameError{Name: name}
			}
			if _, err := env.Workspace(); err != nil {
				return err
			}
			data, shown, err := env.ReadInput(file)
			if err != nil {
				return err
			}
			_, m, err := open(a, env, c, false)
			if err != nil {
				return err
			}
			defer m.Close()
			rep, err := a.ImportMemory(context.Background(), m, data, shown, name)
			if err != nil {
				return err
			}
			if rep.Skipped > 0 {
				env.Warn("import-tmx.skipped", map[string]any{"Count": rep.Skipped})
			}
			if rep.Units == 0 && rep.Held > 0 {
				env.Say("tm.import.nothing", map[string]any{"File": shown})
				return nil
			}
			if rep.Derived > 0 {
				env.SayN("tm.import.derived", rep.Derived, nil)
			}
			if rep.Held > 0 {
				env.SayN("tm.import.held", rep.Held, map[string]any{"File": shown})
			}
			env.SayN("tm.import.done", rep.Units, map[string]any{"File": shown, "Name": rep.Name})
			return nil
		},
	}
}

func exportCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "export",
		Usage:       env.T("tm.export.usage", nil),
		Description: env.T("tm.export.description", nil),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: env.T("tm.flag.output", nil)},
			unitsFlag(env),
			&urfave.StringFlag{Name: "langs", Usage: env.T("tm.export.flag.langs", nil)},
			&urfave.BoolFlag{Name: "force", Usage: env.T("tm.flag.force", nil)},
			tmFlag(env),
		},
		Action: func(c *urfave.Context) error {
			if err := wantArgs(env, c, "tm export", "", 0, 0); err != nil {
				return err
			}
			units, err := checkUnits(env, c, true)
			if err != nil {
				return err
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			langs, err := cli.ParseLangs(ws, c.String("langs"))
			if err != nil {
				return err
			}
			given := c.String("output")
			out, err := app.ResolveOutput(ws, given, env.Abs(given), c.Bool("force"), env.Stdout)
			if err != nil {
				return err
			}
			_, m, err := open(a, env, c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			file, n, err := a.ExportMemory(context.Background(), m, out, units, langs)
			if err != nil {
				return err
			}
			if file != "" {
				env.SayN("tm.wrote", n, map[string]any{"File": shownFile(out, file, "memory.tmx")})
			}
			return nil
		},
	}
}

func statsCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "stats",
		Usage:       env.T("tm.stats.usage", nil),
		Description: env.T("tm.stats.description", nil),
		Flags:       []urfave.Flag{formatFlag(env, "tm.stats.flag.format", "text"), tmFlag(env)},
		Action: func(c *urfave.Context) error {
			if err := wantArgs(env, c, "tm stats", "", 0, 0); err != nil {
				return err
			}
			format := c.String("format")
			if err := checkFormat(env, format, "text", "json"); err != nil {
				return err
			}
			ws, m, err := open(a, env, c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			st, err := m.Stats(context.Background())
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(env, map[string]any{"memory": m.Where, "stats": st})
			}
			rows := [][]string{
				{env.T("tm.stats.memory", nil), m.Where},
				{env.T("tm.stats.units", nil), strconv.Itoa(st.Units)},
				{env.T("tm.stats.confirmed", nil), strconv.Itoa(st.Confirmed)},
				{env.T("tm.stats.documents", nil), strconv.Itoa(st.Documents)},
				{env.T("tm.stats.imports", nil), strconv.Itoa(st.Imports)},
			}
			langs := append([]string(nil), ws.Config.Languages...)
			for l := range st.Langs {
				if !contains(langs, l) {
					langs = append(langs, l)
				}
			}
			for _, l := range langs {
				rows = append(rows, []string{env.T("tm.stats.lang", map[string]any{"Lang": l}), strconv.Itoa(st.Langs[l])})
			}
			for _, r := range rows {
				env.Printf("%s: %s\n", r[0], r[1])
			}
			return nil
		},
	}
}

func rebuildCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "rebuild",
		Usage:       env.T("tm.rebuild.usage", nil),
		Description: env.T("tm.rebuild.description", nil),
		Flags:       []urfave.Flag{tmFlag(env)},
		Action: func(c *urfave.Context) error {
			if err := wantArgs(env, c, "tm rebuild", "", 0, 0); err != nil {
				return err
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			m, rep, err := a.RebuildMemory(context.Background(), ws, tmOptions(env, c))
			if err != nil {
				return err
			}
			defer m.Close()
			env.SayN("tm.rebuilt", rep.Units, map[string]any{"Where": m.Where, "Documents": rep.Read, "Imports": rep.Imports})
			sayShared(env, rep)
			if rep.Kept > 0 {
				env.SayN("tm.rebuilt.kept", rep.Kept, nil)
			}
			return nil
		},
	}
}

// defaultName is the memory name made from a file name: its base without
// .tmx, with what a name may not hold turned into '-'.
func defaultName(file string) string {
	base := file
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".tmx"), ".TMX")
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), ".-_")
	if len(name) > 64 {
		name = name[:64]
	}
	return name
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// shellArg is arg as it is typed in a shell command: in single quotes
// when it holds anything but letters, digits and -./_:,+=@%.
func shellArg(arg string) string {
	if arg != "" && strings.IndexFunc(arg, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-./_:,+=@%", r)
	}) < 0 {
		return arg
	}
	return "'" + strings.ReplaceAll(arg, "'", `'\''`) + "'"
}
