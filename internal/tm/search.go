package tm

import (
	"context"
	"strings"

	"github.com/tilmash/tilmash/internal/glossary"
)

// Query is a concordance search.
type Query struct {
	Text  string
	Lang  string // "" searches every workspace language
	Limit int    // 0 means 20
}

// Mark is a hit inside a unit: a byte span of its text in Lang.
type Mark struct {
	Lang  string `json:"lang"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Hit is a unit that holds the query, with the hits marked.
type Hit struct {
	Unit  Unit   `json:"unit"`
	Marks []Mark `json:"marks"`
}

// candidateCap bounds the candidates a search reads from the store.
const candidateCap = 2000

// Search finds the query in the memory: every unit whose text holds the
// query's words, in any inflected form for Russian and Kazakh, with the
// hits marked. Confirmed units come first, then the newest.
func (m *Memory) Search(ctx context.Context, q Query) ([]Hit, error) {
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	langs := m.Langs()
	if q.Lang != "" {
		langs = []string{q.Lang}
	}
	g := m.queryGlossary(text, langs)
	matcher := glossary.Compile(g)

	// Candidates: one store query per distinct form and language.
	type key struct{ lang, prefixes string }
	seen := map[key]bool{}
	byID := map[int64]*Unit{}
	var order []int64
	for _, e := range g.Entries {
		for lang, f := range e.Langs {
			for _, form := range f.Accepted() {
				var prefixes []string
				for _, w := range Words(form) {
					prefixes = append(prefixes, stem(w))
				}
				if len(prefixes) == 0 {
					continue
				}
				storeLang := lang
				if q.Lang == "" && e.ID == queryID {
					storeLang = "" // the query itself is searched in every language at once
				}
				k := key{storeLang, strings.Join(prefixes, " ")}
				if seen[k] {
					continue
				}
				seen[k] = true
				units, err := m.Store.Words(ctx, storeLang, prefixes, candidateCap)
				if err != nil {
					return nil, err
				}
				for i := range units {
					u := units[i]
					if _, ok := byID[u.ID]; !ok {
						byID[u.ID] = &u
						order = append(order, u.ID)
					}
				}
			}
		}
	}
	var hits []Hit
	for _, id := range order {
		u := byID[id]
		var marks []Mark
		for _, v := range u.Variants {
			if !contains(langs, v.Lang) {
				continue
			}
			last := -1
			for _, mt := range matcher.Find(v.Lang, v.Text) {
				if mt.Forbidden || mt.Start == last {
					continue // a span that is a form of both query entries
				}
				last = mt.Start
				marks = append(marks, Mark{Lang: v.Lang, Start: mt.Start, End: mt.End})
			}
		}
		if len(marks) > 0 {
			hits = append(hits, Hit{Unit: *u, Marks: marks})
		}
	}
	sortUnits(hits, func(h *Hit) *Unit { return &h.Unit })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

const queryID = "query"

// queryGlossary is the query as glossary entries: once as a person's name
// and once as another kind of name (the two decline differently in
// Russian), in each language searched; plus every entry of the workspace
// glossary of which the whole query is a form, in each language searched.
func (m *Memory) queryGlossary(text string, langs []string) *glossary.Glossary {
	forms := map[string]*glossary.Form{}
	for _, l := range langs {
		forms[l] = &glossary.Form{Term: text}
	}
	entries := []*glossary.Entry{
		{ID: queryID, Kind: glossary.Person, Langs: forms},
		{ID: queryID + "-other", Kind: glossary.Other, Langs: forms},
	}
	if m.Glossary != nil {
		m.once.Do(func() { m.matcher = glossary.Compile(m.Glossary) })
		found := map[string]bool{}
		for _, l := range m.Langs() {
			for _, mt := range m.matcher.Find(l, text) {
				if mt.Start != 0 || mt.End != len(text) || found[mt.EntryID] {
					continue
				}
				found[mt.EntryID] = true
				e := m.Glossary.Lookup(mt.EntryID)
				if e == nil {
					continue
				}
				only := &glossary.Entry{ID: e.ID + "@glossary", Kind: e.Kind, Langs: map[string]*glossary.Form{}}
				for _, sl := range langs {
					if f := e.Langs[sl]; f != nil {
						only.Langs[sl] = &glossary.Form{Term: f.Term, Variants: f.Variants, Inflect: f.Inflect, Forms: f.Forms}
					}
				}
				entries = append(entries, only)
			}
		}
	}
	return glossary.New(langs, entries...)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
