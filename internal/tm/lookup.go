package tm

import (
	"context"
	"sort"
)

// LookupOptions steer [Memory.Lookup].
type LookupOptions struct {
	Lang string // the language of the new sentences
	Min  int    // the lowest score reported; 0 means 70
	Max  int    // matches per sentence; 0 means 3
	// Exclude leaves out the units of this source (a document looked up
	// against the rest of the memory).
	Exclude string
}

// Match is a unit of the memory that resembles a new sentence.
type Match struct {
	Unit    Unit           `json:"unit"`
	Score   int            `json:"score"`
	Numbers []NumberChange `json:"numbers,omitempty"`
}

// Result is the matches of one new sentence, best first.
type Result struct {
	Sentence string  `json:"sentence"`
	Matches  []Match `json:"matches"`
}

// similarCap is how many candidates the store gives for each sentence.
const similarCap = 24

// Lookup finds, for each sentence, the units of the memory whose text in
// opt.Lang scores at least opt.Min, best first: highest score, then
// confirmed, then newest.
func (m *Memory) Lookup(ctx context.Context, sentences []string, opt LookupOptions) ([]Result, error) {
	if opt.Min <= 0 {
		opt.Min = 70
	}
	if opt.Max <= 0 {
		opt.Max = 3
	}
	out := make([]Result, len(sentences))
	var mtoks []Token // a candidate's, the buffer kept for the next
	var cs []scored
	for i, s := range sentences {
		out[i].Sentence = s
		toks := Tokens(s)
		if len(toks) == 0 {
			continue
		}
		cands, err := m.Store.Similar(ctx, opt.Lang, s, similarCap)
		if err != nil {
			return nil, err
		}
		cs = cs[:0]
		for _, u := range cands {
			if opt.Exclude != "" && u.Source == opt.Exclude {
				continue
			}
			mt := u.TextIn(opt.Lang)
			mtoks = appendTokens(mtoks[:0], mt)
			// The distance is at least the difference in length, so a
			// text much shorter or longer cannot reach the floor.
			if short, long := min(len(toks), len(mtoks)), max(len(toks), len(mtoks)); 100*short/long < opt.Min {
				continue
			}
			score := scoreTokens(toks, s, mtoks, mt)
			if score < opt.Min {
				continue
			}
			cs = append(cs, scored{Match{Unit: u, Score: score}, sharedTokens(toks, mtoks)})
		}
		// Equal scores: the text holding more of the sentence's words
		// first (the sentence with two words swapped rather than one
		// with two words replaced), then confirmed, then newest.
		sortUnits(cs, func(c *scored) *Unit { return &c.Unit })
		sort.SliceStable(cs, func(a, b int) bool {
			if cs[a].Score != cs[b].Score {
				return cs[a].Score > cs[b].Score
			}
			return cs[a].shared > cs[b].shared
		})
		var ms []Match
		for _, c := range cs[:min(len(cs), opt.Max)] {
			// The numbers only of the matches shown: pairing them
			// aligns the two texts.
			mtoks = appendTokens(mtoks[:0], c.Unit.TextIn(opt.Lang))
			c.Numbers = numberChanges(toks, mtoks)
			ms = append(ms, c.Match)
		}
		out[i].Matches = ms
	}
	return out, nil
}

// Counts tells how many results have a 100% match and how many only a
// fuzzy one (what import reports for a new version).
func Counts(results []Result) (exact, fuzzy int) {
	for _, r := range results {
		if len(r.Matches) == 0 {
			continue
		}
		if r.Matches[0].Score == 100 {
			exact++
		} else {
			fuzzy++
		}
	}
	return exact, fuzzy
}

// scored is a match and the words it shares with the sentence.
type scored struct {
	Match
	shared int
}

// sharedTokens counts the words of a that b holds as often.
func sharedTokens(a, b []Token) int {
	n := 0
	used := make([]bool, len(b))
	for _, t := range a {
		for j, u := range b {
			if !used[j] && u.Key == t.Key {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}
