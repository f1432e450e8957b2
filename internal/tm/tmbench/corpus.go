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

// Synthetic makes units of random sentences built from the corpus's words
// in each language: as many as a newsroom archive holds, each source a
// document of groupsPerDoc groups. The same seed gives the same units.
type Synthetic struct {
	words map[string][]string
	rng   *rand.Rand
}

// NewSynthetic collects the corpus's words.
func NewSynthetic(c *Corpus, seed uint64) *Synthetic {
	s := &Synthetic{words: map[string][]string{}, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, l := range Langs {
		seen := map[string]bool{}
		for _, line := range c.Sents[l] {
			for _, w := range strings.Fields(line) {
				w = strings.Trim(w, ".,;:!?\"'«»()")
				if w != "" && !seen[w] {
					seen[w] = true
					s.words[l] = append(s.words[l], w)
				}
			}
		}
	}
	return s
}

// Sentence is a random sentence of 6 to 20 words in lang.
func (s *Synthetic) Sentence(lang string) string {
	ws := s.words[lang]
	n := 6 + s.rng.IntN(15)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = ws[s.rng.IntN(len(ws))]
	}
	return strings.Join(parts, " ") + "."
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
