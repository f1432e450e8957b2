package tm

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/tmx"
)

// LookupOptions steer [Memory.Lookup].
type LookupOptions struct {
	Lang string // the language of the new sentences
	Min  int    // the lowest score reported; 0 means 70
	Max  int    // matches per sentence; 0 means 3
	// Exclude leaves out the units of this source (a document looked up
	// against the rest of the memory).
	Exclude string
	// Split, if not nil, cuts a text in a language into sentences (the
	// workspace's segmenter): a unit that holds several sentences in
	// Lang but is not a document's group of several (a group import-tmx
	// made of a paragraph segment, a unit of an imported memory) is cut
	// with it, so that a sentence can match one of them. Without it only
	// documents' groups are.
	Split func(lang, text string) []string
}

// Match is a unit of the memory that resembles a new sentence.
type Match struct {
	Unit    Unit           `json:"unit"`
	Score   int            `json:"score"`
	Numbers []NumberChange `json:"numbers,omitempty"`
	// Part is, for a match with one sentence of a unit that has several
	// in the looked-up language (a document's group, or its text cut by
	// [LookupOptions.Split]), that sentence's number in the unit
	// (1-based), and Parts how many it has; 0 for a match with the whole
	// unit. Sentence then holds that sentence and, in each other language,
	// the text the sentence cut of the TMX export pairs with it
	// ([export.CutGroup]); Partial lists the languages where that text is
	// the translation of more than this sentence (a 2-1 group), to check.
	// Score and Numbers are the sentence's; Unit is the whole unit.
	Part     int       `json:"part,omitempty"`
	Parts    int       `json:"parts,omitempty"`
	Sentence []Variant `json:"sentence,omitempty"`
	Partial  []string  `json:"partial,omitempty"`
}

// TextIn returns the matched text in lang: the sentence's for a match
// with a sentence of the unit, else the unit's.
func (m *Match) TextIn(lang string) string {
	if m.Part == 0 {
		return m.Unit.TextIn(lang)
	}
	for _, v := range m.Sentence {
		if v.Lang == lang {
			return v.Text
		}
	}
	return ""
}

// Result is the matches of one new sentence, best first.
type Result struct {
	Sentence string  `json:"sentence"`
	Matches  []Match `json:"matches"`
	// Segment is, when the new article is known, the sentence as a CAT
	// tool's segment of it shows it, with the codes of its formatting:
	// [Memory.WriteMatches] numbers the matches' codes as its codes, so
	// that the match of a formatted sentence is exact wherever the new
	// article has it. nil writes the memory's own codes.
	Segment *export.Coded `json:"-"`
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
	var cut *cutter // the documents' groups, for matches with a sentence of one
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
			whole := -1
			// The distance is at least the difference in length, so a
			// text much shorter or longer cannot reach the floor.
			if short, long := min(len(toks), len(mtoks)), max(len(toks), len(mtoks)); 100*short/long >= opt.Min {
				if score := scoreTokens(toks, s, mtoks, mt); score >= opt.Min {
					whole = score
					cs = append(cs, scored{Match{Unit: u, Score: score}, sharedTokens(toks, mtoks), false})
				}
			}
			// A longer text of a document holding most of the sentence's
			// words may hold it as one of its sentences: a group of two
			// (a 2-1 or 1-2 bead) scores low as a whole.
			if whole < 100 && len(mtoks) > len(toks) && (u.Document() != "" || opt.Split != nil) && severalSentences(mt) &&
				100*sharedTokens(toks, mtoks) >= opt.Min*len(toks) {
				if cut == nil {
					cut = m.newCutter(ExportOptions{})
				}
				if p, ok := partMatch(cut, &u, opt, toks, s, max(whole, opt.Min-1)); ok {
					cs = append(cs, p)
				}
			}
		}
		// Equal scores: the text holding more of the sentence's words
		// first (the sentence with two words swapped rather than one
		// with two words replaced), then confirmed, then newest.
		sortUnits(cs, func(c *scored) *Unit { return &c.Unit })
		sort.SliceStable(cs, func(a, b int) bool {
			if cs[a].Score != cs[b].Score {
				return cs[a].Score > cs[b].Score
			}
			if cs[a].part != cs[b].part {
				return !cs[a].part // a whole unit before a sentence of one
			}
			return cs[a].shared > cs[b].shared
		})
		var ms []Match
		for _, c := range cs[:min(len(cs), opt.Max)] {
			// The numbers only of the matches shown: pairing them
			// aligns the two texts.
			mt := c.TextIn(opt.Lang)
			mtoks = appendTokens(mtoks[:0], mt)
			c.Numbers = numberChanges(toks, s, mtoks, mt)
			ms = append(ms, c.Match)
		}
		out[i].Matches = ms
	}
	return out, nil
}

// Tally counts the sentences of a look-up by their best match, as its
// rows show it.
type Tally struct {
	// Exact have a 100% match whose translation is the sentence's alone.
	Exact int
	// Within have a 100% match that is one sentence of a longer group
	// whose translation also covers the group's other sentences
	// (Match.Partial): the English is the same, the translation needs
	// cutting before it can go in.
	Within int
	// Fuzzy have a best match below 100%.
	Fuzzy int
}

// TallyOf counts results by their best match: lookup's summary and
// import's report give the 100% matches (Exact and Within) as its rows
// show them ([Tally.Counts]), and say apart how many of them are
// sentences of a longer group (Within).
func TallyOf(results []Result) Tally {
	var t Tally
	for _, r := range results {
		switch {
		case len(r.Matches) == 0:
		case r.Matches[0].Score < 100:
			t.Fuzzy++
		case len(r.Matches[0].Partial) > 0:
			t.Within++
		default:
			t.Exact++
		}
	}
	return t
}

// Counts tells how many sentences have a 100% match and how many only a
// fuzzy one, as lookup's summary and import's report both give them: a
// 100% match that is a sentence of a longer group is a 100% match, as
// its row shows it (Within says how many of them are, for the line that
// says so apart).
func (t Tally) Counts() (exact, fuzzy int) {
	return t.Exact + t.Within, t.Fuzzy
}

// Counts is [TallyOf] results' [Tally.Counts].
func Counts(results []Result) (exact, fuzzy int) {
	return TallyOf(results).Counts()
}

// scored is a match, the words it shares with the sentence, and whether
// it is a sentence of its unit.
type scored struct {
	Match
	shared int
	part   bool
}

// partMatch is the best sentence of u's group in opt.Lang that scores
// above floor against the sentence (toks of s), with its translations as
// the TMX sentence cut gives them; false when none does. The sentences
// are the document's, or else, with opt.Split, the unit's texts cut.
func partMatch(cut *cutter, u *Unit, opt LookupOptions, toks []Token, s string, floor int) (scored, bool) {
	g, err := cut.group(u)
	if err != nil || g == nil || len(g.Sents[opt.Lang]) < 2 {
		// A document that cannot be read now, a unit no longer its
		// group, one of an imported memory, a group of one sentence
		// holding several: its texts as the segmenter cuts them.
		if g = splitUnit(u, opt); g == nil {
			return scored{}, false
		}
	}
	best, at := floor, -1
	var ptoks []Token
	for i, st := range g.Sents[opt.Lang] {
		t := export.SentenceText(st.Text)
		ptoks = appendTokens(ptoks[:0], t)
		if len(ptoks) == 0 || 100*min(len(toks), len(ptoks))/max(len(toks), len(ptoks)) <= best {
			continue
		}
		if sc := scoreTokens(toks, s, ptoks, t); sc > best {
			best, at = sc, i
		}
	}
	if at < 0 {
		return scored{}, false
	}
	cus := export.CutGroup(g, u.Group, opt.Lang, cut.m.Langs(), nil, nil)
	if at >= len(cus) {
		return scored{}, false
	}
	p := scored{Match: Match{Unit: *u, Score: best, Part: at + 1, Parts: len(g.Sents[opt.Lang])}, part: true}
	for _, v := range cus[at].Variants {
		p.Sentence = append(p.Sentence, Variant{Lang: v.Lang, Text: v.Text})
		if _, partial := v.Prop(tmx.PartialProp); partial {
			p.Partial = append(p.Partial, v.Lang)
		}
	}
	p.shared = sharedTokens(toks, appendTokens(ptoks[:0], p.TextIn(opt.Lang)))
	return p, true
}

// splitUnit is u as a group of the sentences opt.Split cuts its texts
// into, or nil when there is no Split or its text in opt.Lang is one
// sentence.
func splitUnit(u *Unit, opt LookupOptions) *document.Group {
	if opt.Split == nil {
		return nil
	}
	g := &document.Group{Status: document.Aligned, Sents: map[string][]document.Sentence{}}
	if u.Confirmed {
		g.Status = document.Confirmed
	}
	for _, v := range u.Variants {
		for _, t := range opt.Split(v.Lang, v.Text) {
			g.Sents[v.Lang] = append(g.Sents[v.Lang], document.Sentence{Text: t})
		}
	}
	if len(g.Sents[opt.Lang]) < 2 {
		return nil
	}
	return g
}

// severalSentences reports whether text may hold more than one sentence:
// a full stop, question or exclamation mark or ellipsis (closing quotes
// and brackets after it allowed) before a space and more text. It only
// spares reading the document of a text that certainly has one.
func severalSentences(text string) bool {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	for i, r := range text {
		if !unicode.IsSpace(r) || i == 0 {
			continue
		}
		j := i
		for j > 0 {
			c, n := utf8.DecodeLastRuneInString(text[:j])
			switch c {
			case '"', '\'', '»', '”', '’', ')', ']':
				j -= n
				continue
			case '.', '!', '?', '…':
				return true
			}
			break
		}
	}
	return false
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
