// Package tmbench builds translation memories from the shared corpora for
// the quality evaluation and the benchmarks of package tm: real parallel
// sentences (../shared/corpora), and synthetic growth to any size made of
// their words.
package tmbench

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/tm"
)

// Langs are the corpus languages.
var Langs = []string{"en", "ru", "kk"}

// Corpus is the parallel sentences of ntrex-dev and udhr, line i of each
// language translating line i of the others.
type Corpus struct {
	Sents map[string][]string
}

// Load reads the corpora under dir (../shared/corpora).
func Load(dir string) (*Corpus, error) {
	c := &Corpus{Sents: map[string][]string{}}
	for _, set := range []string{"ntrex-dev", "udhr"} {
		for _, l := range Langs {
			lines, err := readLines(filepath.Join(dir, set, l+".txt"))
			if err != nil {
				return nil, err
			}
			c.Sents[l] = append(c.Sents[l], lines...)
		}
	}
	n := len(c.Sents["en"])
	for _, l := range Langs {
		if len(c.Sents[l]) != n {
			return nil, fmt.Errorf("corpus: %d %s lines, %d en", len(c.Sents[l]), l, n)
		}
	}
	return c, nil
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, strings.TrimSpace(sc.Text()))
	}
	return out, sc.Err()
}

// Unit is line i of the corpus as a unit of document doc.
func (c *Corpus) Unit(i int, source string, group int) tm.Unit {
	u := tm.Unit{Source: source, Group: group, Confirmed: i%2 == 0, Time: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, l := range Langs {
		if s := c.Sents[l][i]; s != "" {
			u.Variants = append(u.Variants, tm.Variant{Lang: l, Text: s})
		}
	}
	return u
}

// Without returns the corpus without lines from to to-1 (sentences a test
// keeps out of the memory and of the synthetic growth).
func (c *Corpus) Without(from, to int) *Corpus {
	out := &Corpus{Sents: map[string][]string{}}
	for _, l := range Langs {
		out.Sents[l] = append(append([]string(nil), c.Sents[l][:from]...), c.Sents[l][to:]...)
	}
	return out
}

// Synthetic makes units of new sentences recombined from the corpus's
// sentences in each language, as many as a newsroom archive holds, each
// source a document of groupsPerDoc groups. A synthetic sentence is the
// start of one corpus sentence (at most 60% of it) followed by the end of
// another, sometimes with a word of a third: real phrases with the real
// frequencies of words (the, и, мен are everywhere, names are rare), so
// the index's doclists are as long as an archive's and no synthetic
// sentence is a near copy of a corpus one. The same seed gives the same
// units.
type Synthetic struct {
	sents map[string][][]string
	words map[string][]string
	rng   *rand.Rand
}

// NewSynthetic splits the corpus's sentences into words.
func NewSynthetic(c *Corpus, seed uint64) *Synthetic {
	s := &Synthetic{sents: map[string][][]string{}, words: map[string][]string{}, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, l := range Langs {
		for _, line := range c.Sents[l] {
			if w := strings.Fields(line); len(w) >= 4 {
				s.sents[l] = append(s.sents[l], w)
				s.words[l] = append(s.words[l], w...)
			}
		}
	}
	return s
}

// Sentence is a new sentence in lang made of two different corpus
// sentences.
func (s *Synthetic) Sentence(lang string) string {
	ss := s.sents[lang]
	// Two different sentences: the start and the end of one sentence
	// would be a near copy of it (a word dropped or said twice).
	ai, bi := s.rng.IntN(len(ss)), s.rng.IntN(len(ss)-1)
	if bi >= ai {
		bi++
	}
	a, b := ss[ai], ss[bi]
	k := 2 + s.rng.IntN(max(1, len(a)*6/10-1)) // a's first k words
	j := s.rng.IntN(max(1, len(b)*6/10))       // b's words from j
	parts := make([]string, 0, k+len(b)-j)
	parts = append(append(parts, a[:k]...), b[j:]...)
	if s.rng.IntN(3) == 0 {
		ws := s.words[lang]
		parts[s.rng.IntN(len(parts))] = strings.Trim(ws[s.rng.IntN(len(ws))], ".,;:!?\"'«»()")
	}
	return strings.Join(parts, " ")
}

// Changes makes docs documents of groups synthetic units each, as store
// changes.
func (s *Synthetic) Changes(prefix string, docs, groups int) []tm.Change {
	out := make([]tm.Change, 0, docs)
	t := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := 0; d < docs; d++ {
		name := fmt.Sprintf("%s%s-%06d", tm.DocPrefix, prefix, d)
		units := make([]tm.Unit, groups)
		for g := range units {
			u := tm.Unit{Source: name, Group: g + 1, Confirmed: s.rng.IntN(3) == 0, Time: t.Add(time.Duration(d) * time.Hour)}
			for _, l := range Langs {
				u.Variants = append(u.Variants, tm.Variant{Lang: l, Text: s.Sentence(l)})
			}
			units[g] = u
		}
		out = append(out, tm.Change{Source: tm.Source{Name: name, Hash: name, Stamp: name, Time: t, Units: groups}, Units: units})
	}
	return out
}
