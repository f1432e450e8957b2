package tm

import "github.com/tilmash/tilmash/internal/document"

// Shown returns u as a person reads it: each text without the Markdown
// heading marks a document stores before a heading ("# Title" is shown
// as "Title"), and marks moved with their text. The memory itself keeps
// the stored text, which the sentence cut of its TMX export compares
// with the documents' groups.
func Shown(u Unit, marks []Mark) (Unit, []Mark) {
	var cut map[string]int
	for i, v := range u.Variants {
		_, k := document.Heading(v.Text)
		if k == 0 {
			continue
		}
		if cut == nil {
			cut = map[string]int{}
			u.Variants = append([]Variant(nil), u.Variants...)
		}
		cut[v.Lang] = k
		u.Variants[i].Text = v.Text[k:]
	}
	if cut == nil {
		return u, marks
	}
	out := make([]Mark, 0, len(marks))
	for _, m := range marks {
		if k := cut[m.Lang]; k > 0 {
			if m.End <= k {
				continue // a mark on the heading marks alone
			}
			m.Start, m.End = max(m.Start-k, 0), m.End-k
		}
		out = append(out, m)
	}
	return u, out
}

// ShownResults returns the results of a look-up as a person reads them:
// the new sentences and the matched units without heading marks (see
// [Shown]). res is not changed.
func ShownResults(res []Result) []Result {
	out := make([]Result, len(res))
	for i, r := range res {
		r.Sentence = document.StripHeading(r.Sentence)
		if len(r.Matches) > 0 {
			ms := make([]Match, len(r.Matches))
			for j, mt := range r.Matches {
				mt.Unit, _ = Shown(mt.Unit, nil)
				ms[j] = mt
			}
			r.Matches = ms
		}
		out[i] = r
	}
	return out
}
