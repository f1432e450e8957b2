package reviewcmd

import (
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/review"
)

// checkMarker marks glossary terms and findings with the workspace's
// glossary checker: terms are the accepted forms the matcher finds in each
// language of a group, findings what the group check reports.
type checkMarker struct{ c *check.Checker }

// Marks implements review.Marker.
func (m checkMarker) Marks(doc string, a *document.Alignment, groups []int) ([]review.Mark, error) {
	if groups == nil {
		groups = make([]int, len(a.Groups))
		for i := range groups {
			groups[i] = i + 1
		}
	}
	var out []review.Mark
	for _, n := range groups {
		if n < 1 || n > len(a.Groups) {
			continue
		}
		g := a.Groups[n-1]
		for _, l := range a.Languages {
			for _, t := range m.c.Matcher.Find(l, g.Text(l)) {
				if t.Forbidden || t.Homoglyph {
					continue // the group check reports these as findings
				}
				out = append(out, review.Mark{Group: n, Lang: l, Kind: review.Term, Start: t.Start, End: t.End, Text: t.Text, Entry: t.EntryID})
			}
		}
	}
	for _, f := range m.c.Alignment(doc, a, groups) {
		out = append(out, findingMark(a, f))
	}
	return out, nil
}

// findingMark turns a glossary finding into a mark on its group's text. A
// missing term has no place in the language that lacks it (its offsets are
// in the source text), so it is listed under the group instead.
func findingMark(a *document.Alignment, f glossary.Finding) review.Mark {
	m := review.Mark{Group: f.Group, Lang: f.Lang, Kind: review.MarkKind(f.Kind), Start: -1, End: -1,
		Text: f.Text, Entry: f.EntryID, Expected: f.Expected, Message: f.MessageID(), Data: f.TemplateData()}
	if f.Kind != glossary.FindingMissing && f.Group >= 1 && f.Group <= len(a.Groups) {
		m.Start, m.End = review.PlaceFinding(a.Groups[f.Group-1].Text(f.Lang), f.Segment, f.Text, f.Start, f.End)
	}
	return m
}
