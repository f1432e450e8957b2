package aligncmd

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/workspace"
)

func init() { cli.Register(commands) }

func commands(env *console.Env) []*urfave.Command {
	return []*urfave.Command{alignCommand(env), alignFilesCommand(env)}
}

func alignCommand(env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "align",
		Usage:       env.T("align.usage", nil),
		ArgsUsage:   env.T("align.args", nil),
		Description: env.T("align.description", nil),
		Flags: []urfave.Flag{
			&urfave.BoolFlag{Name: "force", Usage: env.T("align.flag.force", nil)},
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() == 0 {
				return env.Usage("app.want-args", map[string]any{"Command": "align", "Args": env.T("align.args", nil)}, "align.hint")
			}
			ws, err := env.Workspace()
			if err != nil {
				return err
			}
			ids := c.Args().Slice()
			for _, id := range ids {
				if err := document.ValidID(id); err != nil {
					return err
				}
			}
			unlock, err := env.Lock(ws)
			if err != nil {
				return err
			}
			defer unlock()
			steps := env.Steps(env.T("align.progress", nil), len(ids))
			defer steps.Done()
			for _, id := range ids {
				steps.Step(id)
				res, err := DocumentWith(ws, id, Options{Force: c.Bool("force")})
				if err != nil {
					return err
				}
				report(env, res)
			}
			return nil
		},
	}
}

// Result says what Document did.
type Result struct {
	Doc       *document.Document
	Alignment *document.Alignment
	Rebased   []string       // languages whose text had changed under the old alignment
	Lost      []int          // groups that lost sentences to a changed text
	Kinds     map[string]int // groups by shape, such as "1-1-2"
	// Step is the journal step that saved the alignment (undo takes it
	// back), 0 when the alignment did not change.
	Step int
	// Recovered is a change a crash had interrupted, rolled back first.
	Recovered *journal.Entry
}

// Document aligns a workspace document and saves the alignment as one
// journal step, so that undo takes it back. Confirmed
// groups are kept exactly; only the stretches between them are aligned
// again. A language text that changed since the last alignment (edited by
// hand, or a crash between the writes of an import) is first rebased as
// import does: when that would take sentences from confirmed groups,
// Document refuses with a document.TextChanged error unless force, and
// with force those groups are kept, flagged and marked detached. The
// caller holds the lock.
func Document(ws *workspace.Workspace, id string) (*Result, error) {
	return DocumentWith(ws, id, Options{})
}

// Options tune DocumentWith.
type Options struct {
	// Force lets a changed text take sentences from confirmed groups,
	// which are then kept flagged and detached for review.
	Force bool
}

// DocumentWith is Document with options.
func DocumentWith(ws *workspace.Workspace, id string, opt Options) (*Result, error) {
	force := opt.Force
	c, err := document.Begin(ws, id)
	if err != nil {
		return nil, err
	}
	d, err := c.Document()
	if err != nil {
		return nil, err
	}
	pivot := ws.Config.Source
	if _, ok := d.Meta.Versions[pivot]; !ok {
		return nil, document.MissingLanguage(id, pivot)
	}
	langs := d.Languages()
	texts, err := c.Texts(d)
	if err != nil {
		return nil, err
	}
	res := &Result{Doc: d, Kinds: map[string]int{}, Recovered: c.Recovered}
	old, err := c.Alignment()
	if err != nil {
		return nil, err
	}
	if err := supported(pivot, langs); err != nil {
		return nil, err
	}
	if old != nil {
		for _, l := range langs {
			if old.Sources[l] != document.Hash(texts[l]) {
				lost, confirmed := old.Rebase(l, texts[l])
				if confirmed > 0 && !force {
					return nil, document.TextChanged(id, l, lost, confirmed)
				}
				res.Lost = append(res.Lost, lost...)
				res.Rebased = append(res.Rebased, l)
			}
		}
		if errs := old.Verify(d.AlignmentFile(), texts); len(errs) > 0 {
			return nil, errs[0]
		}
	}
	segs := map[string]func(string) []document.Piece{}
	for _, l := range langs {
		seg, err := cli.Segmenter(ws, l)
		if err != nil {
			return nil, err
		}
		segs[l] = func(text string) []document.Piece {
			var out []document.Piece
			for _, s := range seg.Segment(text) {
				out = append(out, document.Piece{Sentence: document.Sentence{Start: s.Start, End: s.End, Text: s.Text}, Para: s.Para})
			}
			return out
		}
	}
	cut := func(lang, text string, base int) []document.Piece {
		ps := segs[lang](text)
		for i := range ps {
			ps[i].Start += base
			ps[i].End += base
		}
		return ps
	}
	terms := termFinder(ws)
	a, err := document.Realign(old, id, pivot, langs, texts, cut, func(p map[string][]document.Piece, fixed []map[string][]int) []document.Proposal {
		return group(pivot, langs, p, fixed, terms)
	})
	if err != nil {
		return nil, err
	}
	for _, g := range a.Groups {
		res.Kinds[g.Kind(langs)]++
	}
	if err := c.SetAlignment(a); err != nil {
		return nil, err
	}
	if res.Step, err = c.Commit("review.done.align", nil, time.Time{}); err != nil {
		return nil, err
	}
	res.Alignment = a
	return res, nil
}

// TermFinder, when set by the glossary command group, gives the aligner the
// workspace glossary's matches as anchors.
var TermFinder func(ws *workspace.Workspace) align.TermFinder

func termFinder(ws *workspace.Workspace) align.TermFinder {
	if TermFinder == nil {
		return nil
	}
	return TermFinder(ws)
}

func sentences(ps []document.Piece) []align.Sentence {
	out := make([]align.Sentence, len(ps))
	for i, p := range ps {
		out[i] = align.Sentence{Text: p.Text, Para: p.Para}
	}
	return out
}

// LanguagesError is returned by Document for a document whose languages
// the aligner cannot combine: it aligns English with Russian and Kazakh
// (through English), or any two languages.
type LanguagesError struct {
	Pivot string
	Langs []string
}

func (e *LanguagesError) Error() string {
	return fmt.Sprintf("cannot align %s with %s as the source language", strings.Join(e.Langs, ", "), e.Pivot)
}

// MessageID names the localized message for e.
func (e *LanguagesError) MessageID() string { return "align.languages" }

// TemplateData gives the values of the localized message.
func (e *LanguagesError) TemplateData() map[string]any {
	return map[string]any{"Pivot": e.Pivot, "Langs": strings.Join(e.Langs, ", ")}
}

// Hint suggests a fix.
func (e *LanguagesError) Hint() string { return "align.languages.hint" }

// supported says whether group can align these languages. Three languages
// are aligned through English only; silently aligning the pivot with just
// one of two other languages would drop the third.
func supported(pivot string, langs []string) error {
	switch {
	case len(langs) <= 2:
		return nil
	case len(langs) == 3 && pivot == "en" && slices.Contains(langs, "ru") && slices.Contains(langs, "kk"):
		return nil
	}
	return &LanguagesError{Pivot: pivot, Langs: langs}
}

// group aligns one stretch, with the confirmed groups inside it that lack
// a language as fixed groups. English, Russian and Kazakh go through
// align.Three; a workspace with two languages through align.Pair.
func group(pivot string, langs []string, p map[string][]document.Piece, fixed []map[string][]int, terms align.TermFinder) []document.Proposal {
	var out []document.Proposal
	if len(langs) == 3 && pivot == "en" && slices.Contains(langs, "ru") && slices.Contains(langs, "kk") {
		opt := align.ThreeOptions{Terms: terms}
		for _, f := range fixed {
			opt.Fixed = append(opt.Fixed, align.Group{En: f["en"], Ru: f["ru"], Kk: f["kk"]})
		}
		for _, g := range align.Three(sentences(p["en"]), sentences(p["ru"]), sentences(p["kk"]), opt) {
			out = append(out, document.Proposal{Idx: map[string][]int{"en": g.En, "ru": g.Ru, "kk": g.Kk}, Score: g.Score, Flagged: g.Flagged})
		}
		return out
	}
	other := ""
	for _, l := range langs {
		if l != pivot {
			other = l
		}
	}
	if other == "" {
		// One language: a sentence a group. Every confirmed group has
		// sentences in it, so none is fixed inside a stretch.
		for i := range p[pivot] {
			out = append(out, document.Proposal{Idx: map[string][]int{pivot: {i}}, Score: 1})
		}
		return out
	}
	opt := align.Options{SrcLang: pivot, TgtLang: other, Terms: terms}
	for _, f := range fixed {
		opt.Fixed = append(opt.Fixed, align.Fixed{Src: f[pivot], Tgt: f[other]})
	}
	for _, b := range align.Pair(sentences(p[pivot]), sentences(p[other]), opt) {
		out = append(out, document.Proposal{Idx: map[string][]int{pivot: b.Src, other: b.Tgt}, Score: b.Score, Flagged: align.NeedsReview(b.Score, 0, align.Side{Lang: pivot, Sentences: len(b.Src)}, align.Side{Lang: other, Sentences: len(b.Tgt)})})
	}
	return out
}

func report(env *console.Env, r *Result) {
	cli.WarnRecovered(env, r.Recovered)
	n, confirmed, flagged := r.Alignment.Counts()
	if len(r.Rebased) > 0 {
		env.Warn("align.rebased", map[string]any{"Langs": strings.Join(r.Rebased, ", "), "Count": len(r.Lost)})
	}
	kinds := make([]string, 0, len(r.Kinds))
	for k := range r.Kinds {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if r.Kinds[kinds[i]] != r.Kinds[kinds[j]] {
			return r.Kinds[kinds[i]] > r.Kinds[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	langs := strings.ToUpper(strings.Join(r.Alignment.Languages, "–"))
	var rows [][]string
	for _, k := range kinds {
		rows = append(rows, []string{k, fmt.Sprint(r.Kinds[k])})
	}
	env.Printf("%s\n", r.Doc.ID)
	env.Table([]string{env.T("align.col.kind", map[string]any{"Langs": langs}), env.T("align.col.groups", nil)}, rows)
	env.Say("align.summary", map[string]any{"ID": r.Doc.ID, "Groups": env.N("align.groups", n, nil), "Flagged": flagged, "Confirmed": confirmed})
	if flagged > 0 {
		env.Hint("align.flagged.hint", map[string]any{"ID": r.Doc.ID})
	}
	if Findings != nil {
		Findings(env, r.Doc, r.Alignment)
	}
}

// Findings, when set by the glossary command group, reports the glossary
// check of a freshly aligned document.
var Findings func(env *console.Env, d *document.Document, a *document.Alignment)
