package exportcmd

import (
	"strings"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/cli"
	"github.com/tilmash/tilmash/internal/console"
)

// printGate prints the consistency gate's verdict on document id, about to
// be written in formats: a glossary skipped because the export is forced,
// then, when there are blockers, either each of them and the refusal, or
// the warning that the export goes past them (saying which of formats
// cannot record that, since for those it is the only record there is). It
// returns a *console.Findings (exit 1) when the gate refuses.
func printGate(env *console.Env, id string, v *app.Verdict, force bool, formats []string, publishing bool) error {
	if v.Skipped != nil {
		env.Warn("export.gate.glossary-skipped", map[string]any{"Pos": v.Skipped.Problems[0].Pos(), "Count": len(v.Skipped.Problems)})
	}
	printGaps(env, v.Gaps)
	if len(v.Blockers) == 0 {
		return nil
	}
	if v.Refuses(force) {
		line := "export.gate.line"
		if publishing {
			// Publish checks several documents: "group 2 is flagged
			// for review" must say whose.
			line = "export.publish.gate-line"
		}
		for _, m := range gateMessages(env, v) {
			env.Say(line, map[string]any{"ID": id, "Message": m})
		}
		// Said by kind, as a forced export says it: "8 problems" read as
		// errors beside check's "0 errors" when the 8 were flagged groups.
		if publishing {
			// Publish holds the document back and goes on; its own hint
			// after the table says what to do ("export of DOC refused"
			// and export's hint read as if another command had run).
			env.Say("export.publish.gate-held", map[string]any{"ID": id, "What": forcedPast(env, v)})
			return &console.Findings{Count: len(v.Blockers)}
		}
		env.Say("export.gate.refused", map[string]any{"ID": id, "What": forcedPast(env, v)})
		env.Hint("export.gate.hint", map[string]any{"ID": id})
		return &console.Findings{Count: len(v.Blockers)}
	}
	unrecorded := app.Unrecorded(formats)
	data := map[string]any{"Count": len(v.Blockers), "ID": id, "Formats": strings.Join(unrecorded, ", "), "What": forcedPast(env, v)}
	switch {
	case len(unrecorded) == 0:
		env.Warn("export.gate.forced", data)
	case len(formats) == 1:
		env.Warn("export.gate.forced-unrecorded", data)
	default:
		env.Warn("export.gate.forced-some", data)
	}
	return nil
}

// printGaps says, once per language, which glossary entries the gate did
// not check that language's text for (they have no form in it), as check
// and status say it.
func printGaps(env *console.Env, gaps []check.Gap) {
	for _, g := range gaps {
		env.Warn("check.glossary-gap", map[string]any{"Count": len(g.IDs), "Lang": g.Lang, "IDs": g.Names()})
		env.Hint("check.glossary-gap.hint", map[string]any{"Lang": g.Lang})
	}
}

// forcedPast says what a forced export goes past, or what a refused one
// must deal with first, counted by kind: "1 flagged group and 2 error
// findings", "1 error finding".
func forcedPast(env *console.Env, v *app.Verdict) string {
	flagged, findings := len(v.Flagged), len(v.Blockers)-len(v.Flagged)
	f := env.N("export.gate.what.flagged", flagged, map[string]any{"Count": flagged})
	e := env.N("export.gate.what.findings", findings, map[string]any{"Count": findings})
	switch {
	case findings == 0:
		return f
	case flagged == 0:
		return e
	}
	return env.T("export.gate.what.both", map[string]any{"Flagged": f, "Findings": e})
}

// gateMessages are the localized lines describing the blockers, in order.
func gateMessages(env *console.Env, v *app.Verdict) []string {
	var out []string
	for _, b := range v.Flagged {
		// Why, as show --flagged says it, then the person's note.
		why := cli.FlagNotes(env, v.Reasons[b.Group])
		if b.Note != "" {
			why = append(why, env.T("review.note-label", nil)+": "+b.Note)
		}
		if len(why) > 0 {
			out = append(out, env.T("export.gate.flagged-note", map[string]any{"Group": b.Group, "Note": strings.Join(why, "; ")}))
		} else {
			out = append(out, env.T("export.gate.flagged", map[string]any{"Group": b.Group}))
		}
	}
	for _, f := range v.Findings {
		msg := findingText(env, f)
		if f.Group > 0 {
			msg = env.T("export.gate.finding", map[string]any{"Group": f.Group, "Finding": msg})
		}
		out = append(out, msg)
	}
	return out
}

// findingText is a finding's localized message, or its English text when
// the catalogue has none.
func findingText(env *console.Env, f check.Finding) string {
	msg := env.T(f.MessageID(), f.TemplateData())
	if msg == f.MessageID() {
		msg = f.Error()
	}
	return msg
}

// labels renders the texts of localized exports in the UI language.
func labels(env *console.Env) func(id string, data map[string]any) string {
	return func(id string, data map[string]any) string {
		if id == "export.html.lang" {
			return env.Loc.Lang
		}
		return env.T(id, data)
	}
}
