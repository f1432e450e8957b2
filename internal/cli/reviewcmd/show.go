package reviewcmd

import (
	"errors"
	"math"
	"slices"
	"strings"

	urfave "github.com/urfave/cli/v2"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/review/args"
)

func showCommand(ap *app.App, env *console.Env) *urfave.Command {
	return &urfave.Command{
		Name:        "show",
		Usage:       env.T("review.show.usage", nil),
		ArgsUsage:   env.T("review.show.args", nil),
		Description: env.T("review.show.description", nil),
		Flags: []urfave.Flag{
			&urfave.IntFlag{Name: "from", Value: 1, Usage: flagUsage(env, "review.show.flag.from", "review.ph.n")},
			&urfave.IntFlag{Name: "to", Usage: flagUsage(env, "review.show.flag.to", "review.ph.n"), DefaultText: env.T("review.show.default.to", nil)},
			&urfave.BoolFlag{Name: "flagged", Usage: env.T("review.show.flag.flagged", nil)},
			&urfave.StringFlag{Name: "langs", Usage: flagUsage(env, "review.show.flag.langs", "review.ph.langs")},
			widthFlag(env),
		},
		Action: func(c *urfave.Context) error {
			if c.NArg() == 2 {
				// show DOC 9, as group takes a group: the groups are
				// --from and --to, said with the values meant.
				if gs, err := args.ParseRange(c.Args().Get(1), math.MaxInt32); err == nil && len(gs) > 0 {
					return env.Usage("review.show.group-arg", map[string]any{"ID": c.Args().First(), "From": gs[0], "To": gs[len(gs)-1]}, "review.show.group-arg.hint")
				}
			}
			if c.NArg() != 1 {
				return wantArgs(env, "review.show.args")
			}
			ws, d, err := openDoc(env, c.Args().First())
			if err != nil {
				return err
			}
			snap, err := review.Load(d)
			var je *journal.JournalError
			if errors.As(err, &je) {
				// A damaged journal blocks edits and undo, not reading.
				env.Warn("review.journal-ignored", map[string]any{"Err": localize(env, err)})
				snap, err = review.LoadFiles(d)
			}
			if err != nil {
				return err
			}
			warnState(env, snap)
			a := snap.Alignment
			langs, err := pickLangs(a, c.String("langs"))
			if err != nil {
				return err
			}
			if err := checkWidth(env, c, len(langs)); err != nil {
				return err
			}
			groups, err := span(a, c.Int("from"), c.Int("to"), c.IsSet("from"), c.IsSet("to"))
			if err != nil {
				return err
			}
			var marks []review.Mark
			if m := loadMarker(ap, env, ws); m != nil {
				if marks, err = m.Marks(d.ID, a, groups); err != nil {
					return err
				}
			}
			// The other checks' findings (numbers …), listed under the group.
			marks = app.WithCheckMarks(marks, ap.CheckMarks(ws, d.ID, a, groups))
			if c.Bool("flagged") {
				groups = flagged(a, groups, marks)
			}
			if len(groups) == 0 {
				id := "review.show-none"
				if c.Bool("flagged") && len(a.Groups) > 0 {
					// "no group to show" read as if the document had none.
					id = "review.show-none-flagged"
					if c.IsSet("from") || c.IsSet("to") {
						id = "review.show-none-flagged-range"
					}
				}
				env.Say(id, map[string]any{"ID": d.ID})
				return nil
			}
			v := newView(env, c.Int("width"), langs)
			v.Header(env.Stdout)
			for _, n := range groups {
				v.Group(env.Stdout, a, n, marks, false)
			}
			return nil
		},
	}
}

// warnState tells the reader when what show draws is not simply the files:
// an interrupted edit, or an alignment that no longer matches its texts.
func warnState(env *console.Env, snap *review.Snapshot) {
	if e := snap.Interrupted; e != nil {
		env.Warn("review.interrupted", map[string]any{"What": describe(env, e), "Step": e.Step})
		env.Hint("review.interrupted.hint", map[string]any{"ID": snap.Doc.ID})
	}
	if probs := snap.Verify(); len(probs) > 0 {
		warn(env, "review.show-unverified", map[string]any{"Count": len(probs), "First": localize(env, probs[0])})
		env.HintOf(probs[0]) // align again, or put back a hand edit
	}
}

// pickLangs reads --langs: a comma-separated subset of the alignment's
// languages, in the order to show them. Empty means all.
func pickLangs(a *document.Alignment, flag string) ([]string, error) {
	if strings.TrimSpace(flag) == "" {
		return a.Languages, nil
	}
	var out []string
	for _, l := range strings.Split(flag, ",") {
		l = strings.TrimSpace(l)
		if !slices.Contains(a.Languages, l) {
			return nil, review.BadLanguage(l, a.Languages)
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out, nil
}

// span lists the groups from..to (1-based, inclusive); to is the last
// group unless set. An alignment without groups (its texts are empty) has
// none to list, unless a group was asked for.
func span(a *document.Alignment, from, to int, fromSet, toSet bool) ([]int, error) {
	n := len(a.Groups)
	if n == 0 && !fromSet && !toSet {
		return nil, nil
	}
	if !toSet {
		to = n
	}
	for _, g := range []int{from, to} {
		if g < 1 || g > n {
			return nil, review.NoGroup(g, n)
		}
	}
	if from > to {
		return nil, locale.NewError("review.bad-span", map[string]any{"From": from, "To": to})
	}
	var out []int
	for g := from; g <= to; g++ {
		out = append(out, g)
	}
	return out, nil
}

// flagged keeps the groups that need a look: those the aligner flagged and
// those with glossary findings.
func flagged(a *document.Alignment, groups []int, marks []review.Mark) []int {
	bad := map[int]bool{}
	for _, m := range review.Findings(marks) {
		bad[m.Group] = true
	}
	var out []int
	for _, n := range groups {
		if a.Groups[n-1].Status == document.Flagged || bad[n] {
			out = append(out, n)
		}
	}
	return out
}
