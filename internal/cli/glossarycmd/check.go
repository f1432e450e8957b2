package glossarycmd

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/qa"
)

func checkCommand(a *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "check",
		Usage:       env.T("check.usage", nil),
		ArgsUsage:   env.T("check.args", nil),
		Description: env.T("check.description", map[string]any{"Checks": strings.Join(check.Names, ",")}),
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "format", Value: "text", Usage: env.T("check.flag.format-html", nil)},
			&urfave.StringFlag{Name: "checks", Usage: env.T("check.flag.checks", map[string]any{"Checks": strings.Join(check.Names, ",")})},
			&urfave.BoolFlag{Name: "strict", Usage: env.T("check.flag.strict", nil)},
			&urfave.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: env.T("check.flag.output", nil)},
			&urfave.BoolFlag{Name: "force", Usage: env.T("check.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			format := c.String("format")
			if format != "text" && format != "json" && format != "html" {
				return env.Usage("app.bad-format", map[string]any{"Format": format, "Formats": "text, json, html"}, "")
			}
			checks, err := check.ParseChecks(c.String("checks"))
			if err != nil {
				return err
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			if format == "text" && c.String("output") != "" && c.String("output") != "-" {
				return env.Usage("check.output-text", nil, "")
			}
			var out *app.Output
			if format != "text" {
				if out, err = app.ResolveOutput(ws, c.String("output"), env.Abs(c.String("output")), c.Bool("force"), env.Stdout); err != nil {
					return err
				}
				if out.IsDir {
					return env.Usage("check.output-folder", map[string]any{"Path": c.String("output")}, "")
				}
				if err := out.Check(""); err != nil {
					return err
				}
			}
			run, err := a.Check(ws, c.Args().Slice(), app.CheckOptions{Checks: checks, Open: func(arg string) (io.ReadCloser, error) { return openInput(env, arg) }}, func(arg string) ([]byte, error) {
				data, _, err := env.ReadInput(arg)
				return data, err
			})
			if err != nil {
				return err
			}
			for _, g := range run.Gaps {
				env.Warn("check.glossary-gap", map[string]any{"Count": len(g.IDs), "Lang": g.Lang, "IDs": g.Names()})
				env.Hint("check.glossary-gap.hint", map[string]any{"Lang": g.Lang})
			}
			// As status says it: the texts are checked, but align
			// cannot cut them into sentences.
			for _, e := range a.MissingRules(ws) {
				env.WarnError(e)
			}
			for _, n := range run.Notes {
				env.Say(n.MessageID(), n.TemplateData())
			}
			for _, id := range run.Unlisted {
				env.WarnError(document.NoMeta(id))
			}
			reports, targets := run.Reports, run.Targets
			if format != "text" {
				data, err := app.CheckFile(ws, run, format, app.CheckFileOptions{Lang: env.Loc.Lang, Labels: env.T})
				if err != nil {
					return err
				}
				if _, err := out.Write("", data); err != nil {
					return err
				}
			}
			if len(run.Checks) == 0 || run.NoDocuments {
				if run.NoDocuments {
					env.Say("status.empty", nil)
					env.Hint("status.empty.hint", nil)
				} else {
					env.Say("check.no-glossary", map[string]any{"Dir": ws.Config.Glossary})
					env.Hint("check.no-glossary.hint", nil)
				}
				return nil
			}
			if run.NoGlossary && slices.Contains(checks, check.Terms) {
				env.Say("check.no-glossary", map[string]any{"Dir": ws.Config.Glossary})
			}
			if format == "text" {
				// Thousands of findings are thousands of lines: written
				// through a buffer, flushed before each report, whose notes
				// go to standard error, so the two streams keep their order.
				stdout := env.Stdout
				buf := bufio.NewWriterSize(stdout, 64<<10)
				env.Stdout = buf
				for i, r := range reports {
					buf.Flush()
					printReport(env, r, targets[i])
				}
				env.Stdout = stdout
				buf.Flush()
			}
			if out != nil && out.Path != "" {
				env.Say("check.written", map[string]any{"File": out.Given})
			}
			return summary(env, reports, c.Bool("strict"), ws.Config.Glossary)
		},
	}
}

// openInput opens a regular file named on the command line, to be read
// as it is checked; anything else (a missing file, a folder, a pipe) gets
// the error reading it whole gives.
func openInput(env *console.Env, arg string) (io.ReadCloser, error) {
	f, err := os.Open(env.Abs(arg))
	if err == nil {
		if st, serr := f.Stat(); serr == nil && st.Mode().IsRegular() {
			return f, nil
		}
		f.Close()
	}
	if _, _, err := env.ReadInput(arg); err != nil {
		return nil, err
	}
	return nil, console.NewFileError(arg, errors.New("not a regular file"))
}

// printReport writes one report's findings, grouped by unit: a heading
// naming the document (or file) and the unit, then each finding with its
// kind, language, entry, place and offsets, the message, and the text
// around it with the finding marked.
func printReport(env *console.Env, r *check.Report, target app.CheckTarget) {
	if r.Stale {
		env.Warn("check.stale", map[string]any{"ID": r.Name, "Scope": scopeName(env, r.Scope)})
		env.Hint("check.stale.hint", map[string]any{"ID": r.Name})
	} else if r.Format == "document" && r.Scope != check.ScopeGroup {
		env.Say("check.not-aligned", map[string]any{"ID": r.Name, "Scope": scopeName(env, r.Scope)})
	}
	if len(r.Skipped) > 0 {
		env.Warn("check.skipped-langs", map[string]any{"File": r.Name, "Langs": strings.Join(r.Skipped, ", ")})
	}
	last := -1
	p := findingPrinter{env: env, target: target}
	for _, f := range r.Findings {
		if f.Group != last {
			if last != -1 {
				p.b = append(p.b, '\n')
			}
			last = f.Group
			p.b = append(p.b, env.Paint(console.Bold, env.T("check.unit."+string(r.Scope), map[string]any{"Doc": r.Name, "Number": f.Group}))...)
			p.b = append(p.b, '\n')
		}
		p.finding(f)
		if len(p.b) >= 32<<10 {
			p.flush()
		}
	}
	if len(r.Findings) > 0 {
		p.b = append(p.b, '\n')
	}
	p.flush()
}

// findingPrinter writes the findings of one report: their lines are
// gathered in b and written through env.Printf a block at a time (a check
// may print tens of thousands of lines), and what every finding of a kind
// shares is rendered once.
type findingPrinter struct {
	env    *console.Env
	target app.CheckTarget
	b      []byte
	units  unitNames
	// heads holds the start of a finding's first line by kind and
	// severity: the painted kind and the severity
	heads map[[2]string]string
	// data is the template data of the printer's own messages, reused
	data map[string]any
}

// flush writes what b holds. Env.Printf shows every control character
// of it as a visible escape, as it does line by line.
func (p *findingPrinter) flush() {
	if len(p.b) > 0 {
		p.env.Printf("%s", p.b)
		p.b = p.b[:0]
	}
}

// t renders one of the printer's own messages with data key=value pairs.
func (p *findingPrinter) t(id string, kv ...any) string {
	if p.data == nil {
		p.data = map[string]any{}
	}
	clear(p.data)
	for i := 0; i+1 < len(kv); i += 2 {
		p.data[kv[i].(string)] = kv[i+1]
	}
	return p.env.T(id, p.data)
}

// unitNames renders the name of a unit (row 5) once for the findings of
// that unit, which come one after another.
type unitNames struct {
	scope check.Scope
	group int
	text  string
}

func (u *unitNames) name(p *findingPrinter, scope check.Scope, group int) string {
	if u.text == "" || u.scope != scope || u.group != group {
		u.scope, u.group = scope, group
		u.text = p.t("check.unit-of."+string(scope), "Number", group)
	}
	return u.text
}

func scopeName(env *console.Env, s check.Scope) string {
	return env.T("check.scope."+string(s), nil)
}

// head returns the start of the first line of a finding of kind and
// severity: its kind, in colour on a terminal, and its severity.
func (p *findingPrinter) head(kind string, sev check.Severity) string {
	k := [2]string{kind, string(sev)}
	if h, ok := p.heads[k]; ok {
		return h
	}
	colour := console.Red
	if sev != qa.Error {
		colour = console.Yellow
	}
	h := p.env.Paint(colour, p.env.T("check.kind."+kind, nil)) + "  " + p.env.T("check.severity."+string(sev), nil)
	if p.heads == nil {
		p.heads = map[[2]string]string{}
	}
	p.heads[k] = h
	return h
}

// finding writes one finding: its kind, language and entry, then
// where it is. A forbidden form or a look-alike is at a file position, with
// its byte offsets in the unit's text of that language (which is what the
// JSON output's start and end count). A missing term has nothing to point
// at: its position is where the unit's text in the target language starts,
// and the source term's own position follows the source excerpt.
func (p *findingPrinter) finding(f check.Finding) {
	env := p.env
	entry := f.EntryID
	if entry == "" {
		entry = "—"
	}
	unit := p.units.name(p, f.Scope, f.Group)
	b := append(p.b, "  "...)
	b = append(b, p.head(f.Kind, f.Severity)...)
	b = append(append(append(b, "  "...), f.Lang...), "  "...)
	b = append(b, entry...)
	missing := f.InSource
	switch {
	case len(f.Places) > 0:
		// Every place follows the message.
	case !missing:
		if f.File != "" {
			b = appendPosition(append(b, "  "...), f.Position)
		}
		b = append(append(append(b, "  ("...), p.t("check.offsets", "Start", f.Start, "End", f.End, "Lang", f.Lang, "Unit", unit)...), ')')
	default:
		if pos, ok := targetPosition(p.target, f); ok {
			b = appendPosition(append(b, "  "...), pos)
			b = append(append(append(b, "  ("...), p.t("check.missing-at", "Lang", f.Lang, "Unit", unit)...), ')')
		} else {
			b = append(append(append(b, "  ("...), p.t("check.missing-in", "Lang", f.Lang, "Unit", unit)...), ')')
		}
	}
	b = append(append(append(b, "\n    "...), message(env, f)...), '\n')
	if len(f.Places) > 0 {
		p.b = b
		p.places(f)
		return
	}
	srcLang := f.Lang
	if missing {
		srcLang = f.SrcLang
	}
	b = appendExcerpt(env, append(append(append(b, "    "...), srcLang...), ": "...), f.Segment, f.Start, f.End)
	b = append(b, '\n')
	if missing {
		// Where the source term is, under its excerpt.
		b = append(b, "    "...)
		for range utf8.RuneCountInString(srcLang) {
			b = append(b, ' ')
		}
		b = append(b, "  "...)
		if f.File != "" {
			b = append(appendPosition(b, f.Position), "  ("...)
		}
		b = append(b, p.t("check.offsets", "Start", f.Start, "End", f.End, "Lang", f.SrcLang, "Unit", unit)...)
		if f.File != "" {
			b = append(b, ')')
		}
		b = append(b, '\n')
	}
	if !missing && f.Check != check.Terms && f.SrcText != "" {
		// The source beside the translation: the unit's sentence whole,
		// but of a whole text (a document not aligned yet) only the part
		// that corresponds, in proportion, to the finding's place.
		start, end := -1, -1
		if f.Scope == check.ScopeText && utf8.RuneCountInString(f.SrcText) > 2*excerptWidth {
			start = check.CorrespondingAt(f.SrcText, f.Segment, f.Start)
			end = start
		}
		b = appendExcerpt(env, append(append(append(b, "    "...), f.SrcLang...), ": "...), f.SrcText, start, end)
		b = append(b, '\n')
	}
	if missing && f.Target != "" {
		// Nothing in the translation to point at: show it around the place
		// that corresponds, in proportion, to the source's occurrence.
		at := check.CorrespondingAt(f.Target, f.Segment, f.Start)
		b = appendExcerpt(env, append(append(append(b, "    "...), f.Lang...), ": "...), f.Target, at, at)
		b = append(b, '\n')
	}
	p.b = b
}

func targetPosition(target app.CheckTarget, f check.Finding) (check.Position, bool) {
	if target == nil {
		return check.Position{}, false
	}
	return target(f)
}

func appendPosition(b []byte, p check.Position) []byte {
	b = append(append(b, p.File...), ':')
	b = append(strconv.AppendInt(b, int64(p.Line), 10), ':')
	return strconv.AppendInt(b, int64(p.Column), 10)
}

// message is the finding as a sentence, from the glossary's catalogue
// (the same words export's gate uses), in English if the catalogue lacks it.
func message(env *console.Env, f check.Finding) string {
	msg := env.T(f.MessageID(), f.TemplateData())
	if msg == f.MessageID() {
		msg = f.Error()
	}
	return msg
}

// excerptWidth is how many characters of context an excerpt shows on each
// side of the finding: the HTML report's too.
const excerptWidth = check.ExcerptWidth

// appendExcerpt appends text around [start, end) on one line, the span
// marked: in colour on a terminal, otherwise by a line of its own under it
// (^~~~, as compilers point at a place), since any mark put inside the text
// would be read as part of it (» and « are Russian and Kazakh quotation
// marks). Cut ends get "…". b's last line up to here is the excerpt's
// prefix, which the marks line leaves blank.
func appendExcerpt(env *console.Env, b []byte, text string, start, end int) []byte {
	if start < 0 || end > len(text) || start > end {
		return appendOneLine(b, text)
	}
	e := check.CutExcerpt(text, start, end)
	before, span, after, cutBefore, cutAfter := e.Before, e.Span, e.After, e.CutBefore, e.CutAfter
	line := bytes.LastIndexByte(b, '\n') + 1
	if cutBefore {
		b = append(b, "…"...)
	}
	b = appendOneLine(b, before)
	at := len(b)
	if span != "" {
		if env.Color {
			b = append(b, env.Paint(console.Red, span)...)
		} else {
			b = appendOneLine(b, span)
		}
	}
	spanEnd := len(b)
	b = appendOneLine(b, after)
	if cutAfter {
		b = append(b, "…"...)
	}
	if span != "" && !env.Color {
		b = appendMarks(b, string(b[line:at]), string(b[at:spanEnd]))
	}
	return b
}

// appendMarks appends a line that puts ^~~~ under span, which follows
// before on the line above, measured as the console shows them (control
// characters written out as \x1b, wide characters taking two columns).
func appendMarks(b []byte, before, span string) []byte {
	b = append(b, '\n')
	for range runewidth.StringWidth(console.Visible(before)) {
		b = append(b, ' ')
	}
	b = append(b, '^')
	for range runewidth.StringWidth(console.Visible(span)) - 1 {
		b = append(b, '~')
	}
	return b
}

// appendOneLine appends s to b with a space for each line break and tab.
func appendOneLine(b []byte, s string) []byte {
	if !strings.ContainsAny(s, "\r\n\t") {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			b = append(b, ' ')
			i++
		case c == '\n' || c == '\t':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}

// places lists the places of a consistency finding and the
// translations it compares.
//
// Each variant is printed with the places that have it under it: among a
// hundred places of one sentence, the few that differ are seen at once.
// A place whose variant is not known (none is) comes first, as before.
func (p *findingPrinter) places(f check.Finding) {
	b := p.b
	vs, _ := f.TemplateData()["Variants"].([]string)
	place := func(b []byte, pl check.Place, indent string) []byte {
		b = appendPosition(append(b, indent...), pl.Position)
		// The place's unit named alone ("group 6"), not as the genitive
		// "check.unit-of" that ends "bytes … of the ru text of group 6":
		// Russian and Kazakh read "(группы 6)", "(6-топтың)" as cut off.
		return append(append(append(b, "  ("...), p.t("check.place."+string(pl.Scope), "Number", pl.Group)...), ")\n"...)
	}
	for _, pl := range f.Places {
		if pl.Variant < 1 || pl.Variant > len(vs) {
			b = place(b, pl, "    ")
		}
	}
	for i, v := range vs {
		b = append(strconv.AppendInt(append(b, "    "...), int64(i+1), 10), ": "...)
		b = append(appendOneLine(b, v), '\n')
		for _, pl := range f.Places {
			if pl.Variant == i+1 {
				b = place(b, pl, "       ")
			}
		}
	}
	p.b = b
}

// summary says how many inputs were checked and what was found, and turns
// findings of severity error, or any finding when strict, into exit code 1.
// Where spelling flagged words, a hint names the word lists of the glossary
// folder glossary that would accept them.
func summary(env *console.Env, reports []*check.Report, strict bool, glossary string) error {
	t := app.TallyCheck(reports, glossary)
	docs, files, n, errs, kinds := t.Documents, t.Files, t.Findings, t.Errors, t.Kinds
	var inputs []string
	if docs > 0 {
		inputs = append(inputs, env.N("check.documents", docs, nil))
	}
	if files > 0 {
		inputs = append(inputs, env.N("check.files", files, nil))
	}
	var parts []string
	for _, k := range check.KindOrder { // the glossary's kinds, then the editors' checks'
		if kinds[k] > 0 {
			parts = append(parts, env.T("check.kind-count", map[string]any{"Kind": env.T("check.kind."+k, nil), "Count": kinds[k]}))
		}
	}
	d := map[string]any{
		"Inputs": strings.Join(inputs, ", "), "Kinds": strings.Join(parts, ", "),
		"Errors": env.N("check.errors", errs, nil), "Warnings": env.N("check.warnings", n-errs, nil),
	}
	if n == 0 {
		env.Say("check.clean", d)
		return nil
	}
	env.SayN("check.summary", n, d)
	if len(t.WordLists) > 0 {
		env.Hint("check.spelling.words.hint", map[string]any{"Files": strings.Join(t.WordLists, ", ")})
	}
	if errs == 0 && !strict {
		env.Hint("check.warnings-only.hint", nil)
		return nil
	}
	return &console.Findings{Count: n}
}
