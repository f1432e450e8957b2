// Package lexicon holds a word translation lexicon between two languages, learned from aligned
// sentences, for the aligner's lexical evidence.
//
// Words are compared by stem: lower case, cut to the first few letters. Russian and Kazakh
// inflect (Kazakh stacks suffixes: үкімет, үкіметі, үкіметтің), so without a stem every form of a
// word would need its own entry and its own evidence. Cutting to a fixed prefix is crude but has
// no rules to get wrong, and the aligner only needs "these two sentences share translated words",
// not a dictionary a person reads.
//
// Learning counts, over pairs of sentences known to be translations, how often each source stem
// and each target stem occur and how often they occur together, and keeps pairs with a high Dice
// coefficient 2·c(s,t)/(c(s)+c(t)). Time is linear in the number of sentence pairs (each pair
// costs the product of its two word counts, which is bounded).
package lexicon

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entry is one translation pair of stems with its weight in (0, 1].
type Entry struct {
	Src, Tgt string
	Weight   float64
}

// Lexicon maps source stems to target stems. The zero value is empty; use New.
type Lexicon struct {
	SrcLang, TgtLang string
	entries          []Entry
	fwd, bwd         map[string][]int32 // stem → indices into entries
	index            map[[2]string]int32
}

// New returns an empty lexicon from src to tgt.
func New(src, tgt string) *Lexicon {
	return &Lexicon{SrcLang: src, TgtLang: tgt, fwd: map[string][]int32{}, bwd: map[string][]int32{}, index: map[[2]string]int32{}}
}

// Len is the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Entries returns the entries, sorted by source stem, then by falling weight.
func (l *Lexicon) Entries() []Entry {
	out := slices.Clone(l.entries)
	slices.SortFunc(out, func(a, b Entry) int {
		if c := cmp.Compare(a.Src, b.Src); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return cmp.Compare(a.Tgt, b.Tgt)
	})
	return out
}

// Add adds words src and tgt (stemmed here) with a weight; a pair already present keeps the
// larger weight. Words that stem to nothing are ignored.
func (l *Lexicon) Add(src, tgt string, weight float64) {
	s, t := Stem(l.SrcLang, src), Stem(l.TgtLang, tgt)
	if s == "" || t == "" || !(weight > 0) {
		return
	}
	weight = math.Min(weight, 1)
	if k, ok := l.index[[2]string{s, t}]; ok {
		l.entries[k].Weight = math.Max(l.entries[k].Weight, weight)
		return
	}
	k := int32(len(l.entries))
	l.entries = append(l.entries, Entry{Src: s, Tgt: t, Weight: weight})
	l.index[[2]string{s, t}] = k
	l.fwd[s] = append(l.fwd[s], k)
	l.bwd[t] = append(l.bwd[t], k)
}

// Merge adds the entries of o, which must have the same languages or the reverse ones.
func (l *Lexicon) Merge(o *Lexicon) {
	if o == nil {
		return
	}
	rev := o.SrcLang == l.TgtLang && o.TgtLang == l.SrcLang && l.SrcLang != l.TgtLang
	for _, e := range o.entries {
		if rev {
			l.Add(e.Tgt, e.Src, e.Weight)
		} else {
			l.Add(e.Src, e.Tgt, e.Weight)
		}
	}
}

// Lookup returns the ids of the entries whose stem on the side of language lang is the stem of
// word. The ids are those of Entry order in this lexicon; the same id on both sides of a sentence
// pair means the pair shares a translated word. lang must be one of the lexicon's languages.
func (l *Lexicon) Lookup(lang, word string) []int32 {
	if l == nil || len(l.entries) == 0 {
		return nil
	}
	s := Stem(lang, word)
	if s == "" {
		return nil
	}
	if lang == l.SrcLang {
		return l.fwd[s]
	}
	if lang == l.TgtLang {
		return l.bwd[s]
	}
	return nil
}

// Weight is the weight of entry id.
func (l *Lexicon) Weight(id int32) float64 { return l.entries[id].Weight }

// stemLen is how many letters of a word its stem keeps.
const (
	stemLen = 5
	minWord = 3
)

// Stem returns the stem of word in lang: lower case, letters only, cut to the first stemLen
// letters; "" for words shorter than minWord letters, which carry too little to match on.
func Stem(lang, word string) string {
	_ = lang // one rule for every language for now; the parameter leaves room for better ones
	n := 0
	var b strings.Builder
	for _, r := range word {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if n <= stemLen {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	if n < minWord {
		return ""
	}
	return b.String()
}

// Words splits text into its words: runs of letters.
func Words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// Default thresholds of Learner.Lexicon for lexicons learned from confirmed translations (lexicon
// build, and tilmash align from a workspace's confirmed groups): a pair of stems must be seen
// together in at least DefaultMinCount sentence pairs with a Dice coefficient of at least
// DefaultMinDice; each source stem keeps its DefaultPerWord best targets.
const (
	DefaultMinCount = 2
	DefaultMinDice  = 0.3
	DefaultPerWord  = 3
)

// Learner counts stem co-occurrences over sentence pairs.
type Learner struct {
	src, tgt string
	cs, ct   map[string]int
	cst      map[[2]string]int
	pairs    int
}

// NewLearner returns a learner for src→tgt.
func NewLearner(src, tgt string) *Learner {
	return &Learner{src: src, tgt: tgt, cs: map[string]int{}, ct: map[string]int{}, cst: map[[2]string]int{}}
}

// maxWords bounds the words of a side that a pair contributes, so a freak long pair costs a
// bounded amount.
const maxWords = 80

// Observe counts one pair of sentences (or groups of sentences) that translate each other.
func (l *Learner) Observe(src, tgt string) {
	ss, ts := stems(l.src, src), stems(l.tgt, tgt)
	if len(ss) == 0 || len(ts) == 0 {
		return
	}
	l.pairs++
	for _, s := range ss {
		l.cs[s]++
	}
	for _, t := range ts {
		l.ct[t]++
	}
	for _, s := range ss {
		for _, t := range ts {
			l.cst[[2]string{s, t}]++
		}
	}
}

func stems(lang, text string) []string {
	var out []string
	for _, w := range Words(text) {
		if s := Stem(lang, w); s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > maxWords {
		out = out[:maxWords]
	}
	return out
}

// Pairs is the number of sentence pairs observed.
func (l *Learner) Pairs() int { return l.pairs }

// Lexicon returns the pairs seen together at least minCount times with a Dice coefficient of at
// least minDice, at most perWord targets for each source stem (the best), weighted by Dice.
func (l *Learner) Lexicon(minCount int, minDice float64, perWord int) *Lexicon {
	type cand struct {
		t    string
		dice float64
	}
	by := map[string][]cand{}
	for k, c := range l.cst {
		if c < minCount {
			continue
		}
		d := 2 * float64(c) / float64(l.cs[k[0]]+l.ct[k[1]])
		if d >= minDice {
			by[k[0]] = append(by[k[0]], cand{k[1], d})
		}
	}
	out := New(l.src, l.tgt)
	keys := make([]string, 0, len(by))
	for s := range by {
		keys = append(keys, s)
	}
	slices.Sort(keys)
	for _, s := range keys {
		cs := by[s]
		slices.SortFunc(cs, func(a, b cand) int {
			if c := cmp.Compare(b.dice, a.dice); c != 0 {
				return c
			}
			return cmp.Compare(a.t, b.t)
		})
		for _, c := range cs[:min(len(cs), perWord)] {
			out.Add(s, c.t, c.dice)
		}
	}
	return out
}

// Write writes the lexicon as TSV: a comment line naming the languages, then one entry a line,
// source stem, target stem and weight.
func (l *Lexicon) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# tilmash lexicon %s %s: source\ttarget\tweight\n", l.SrcLang, l.TgtLang)
	for _, e := range l.Entries() {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", e.Src, e.Tgt, strconv.FormatFloat(e.Weight, 'f', 3, 64))
	}
	return bw.Flush()
}

// SyntaxError is a line of a lexicon file that is not "source<TAB>target<TAB>weight".
type SyntaxError struct {
	Line, Column int
	Offset       int64
	Text         string
	Reason       string // "fields", "weight" or "utf8"
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d (byte %d): %s: %q", e.Line, e.Column, e.Offset, e.Reason, e.Text)
}

// Read reads a TSV lexicon for src→tgt: one entry a line, source word, target word and an
// optional weight in (0, 1] (1 when absent); blank lines and lines starting with # are skipped.
// Words may be full forms: they are stemmed here.
func Read(r io.Reader, src, tgt string) (*Lexicon, error) {
	l := New(src, tgt)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	var off int64
	for sc.Scan() {
		line++
		raw := sc.Text()
		start := off
		off += int64(len(raw)) + 1
		text := strings.TrimSuffix(raw, "\r")
		if !utf8.ValidString(text) {
			return nil, &SyntaxError{Line: line, Column: 1, Offset: start, Text: text, Reason: "utf8"}
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || len(f) > 3 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, &SyntaxError{Line: line, Column: 1, Offset: start, Text: text, Reason: "fields"}
		}
		w := 1.0
		if len(f) == 3 {
			v, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
			if err != nil || !(v > 0) || v > 1 {
				col := len(f[0]) + len(f[1]) + 3
				return nil, &SyntaxError{Line: line, Column: utf8.RuneCountInString(text[:col-1]) + 1, Offset: start + int64(col-1), Text: text, Reason: "weight"}
			}
			w = v
		}
		l.Add(strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), w)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return l, nil
}
