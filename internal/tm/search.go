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

// candidateCap bounds the candidates a search reads from the store for
// each form it searches.
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

	var hits []Hit
	done := map[int64]bool{}
	// marks finds the real hits in a candidate: a form of the query (or
	// of its glossary entry) in a language searched.
	marks := func(u *Unit) []Mark {
		var out []Mark
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
				out = append(out, Mark{Lang: v.Lang, Start: mt.Start, End: mt.End})
			}
		}
		return out
	}
	// The forms of each entry, by the language the store searches.
	type formSet struct {
		lang  string
		forms [][]string
	}
	var sets []formSet
	byLang := map[string]int{}
	for _, e := range g.Entries {
		for _, lang := range langs {
			f := e.Langs[lang]
			if f == nil {
				continue
			}
			storeLang := lang
			if q.Lang == "" && strings.HasPrefix(e.ID, queryID) {
				storeLang = "" // the query itself is searched in every language at once
			}
			i, ok := byLang[storeLang]
			if !ok {
				i = len(sets)
				byLang[storeLang] = i
				sets = append(sets, formSet{lang: storeLang})
			}
			for _, form := range f.Accepted() {
				if ws := Words(form); len(ws) > 0 {
					sets[i].forms = append(sets[i].forms, ws)
				}
			}
		}
	}
	// Candidates: one store query for each set of prefixes the forms
	// share. The store gives candidates in the concordance's order, so the
	// first limit real hits of each query are all the search can show:
	// pages are read until they are found.
	for _, set := range sets {
		for _, prefixes := range prefixGroups(set.forms) {
			found := 0
			for offset, page := 0, 2*limit; offset < candidateCap && page > 0; offset, page = offset+page, min(2*page, candidateCap-offset-page) {
				units, err := m.Store.Words(ctx, set.lang, prefixes, offset, page)
				if err != nil {
					return nil, err
				}
				for i := range units {
					u := &units[i]
					if done[u.ID] {
						continue
					}
					done[u.ID] = true
					if ms := marks(u); len(ms) > 0 {
						hits = append(hits, Hit{Unit: *u, Marks: ms})
						found++
					}
				}
				if len(units) < page || found >= limit {
					break
				}
			}
		}
	}
	sortUnits(hits, func(h *Hit) *Unit { return &h.Unit })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

const queryID = "query"

// prefixGroups turns the forms of a query (each a list of folded words)
// into the word prefixes the store is asked for: forms of as many words
// share one query whose prefixes are their words' longest common
// prefixes (Тоқаев, Тоқаевқа, Тоқаевтың: "тоқаев"), as long as each keeps
// three letters (or the whole of a shorter word); forms that share less
// are asked for each by its words' stems.
func prefixGroups(forms [][]string) [][]string {
	var out [][]string
	seen := map[string]bool{}
	add := func(p []string) {
		k := strings.Join(p, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	byLen := map[int][][]string{}
	var lens []int
	for _, f := range forms {
		if _, ok := byLen[len(f)]; !ok {
			lens = append(lens, len(f))
		}
		byLen[len(f)] = append(byLen[len(f)], f)
	}
	for _, n := range lens {
		group := byLen[n]
		common := make([]string, n)
		ok := true
		for i := 0; i < n && ok; i++ {
			lcp := []rune(group[0][i])
			shortest := len(lcp)
			for _, f := range group[1:] {
				r := []rune(f[i])
				shortest = min(shortest, len(r))
				k := 0
				for k < len(lcp) && k < len(r) && lcp[k] == r[k] {
					k++
				}
				lcp = lcp[:k]
			}
			if len(lcp) < min(3, shortest) || len(lcp) == 0 {
				ok = false
			}
			common[i] = string(lcp)
		}
		if ok {
			add(common)
			continue
		}
		for _, f := range group {
			p := make([]string, len(f))
			for i, w := range f {
				p[i] = stem(w)
			}
			add(p)
		}
	}
	return out
}

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
