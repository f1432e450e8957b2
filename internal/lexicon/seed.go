package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

// The seed lexicon: a few hundred words every news text uses (said, year, police, election), in
// English, Russian and Kazakh, written for tilmash. A document's own lexicon (learned from the
// first pass of the aligner) knows only the words it repeats, and a short article repeats few;
// the seed gives every document the common words. The file lists one word a line in the three
// languages, each with its forms; the forms of a line are one sense (see Key), so a sentence pair
// sharing "said" and "деді" shares one piece of evidence however many forms the line lists.
//
//go:embed seed/news.tsv
var seedTSV string

// seedLangs are the columns of seed/news.tsv.
var seedLangs = [...]string{"en", "ru", "kk"}

var seeds = sync.OnceValue(func() map[[2]string]*Lexicon {
	m := map[[2]string]*Lexicon{}
	for _, a := range seedLangs {
		for _, b := range seedLangs {
			if a != b {
				m[[2]string{a, b}] = parseSeed(seedTSV, a, b)
			}
		}
	}
	return m
})

// Seed returns the seed lexicon from src to tgt (any two of en, ru and kk), nil for other
// languages. The lexicon is shared: do not change it (Merge it into another).
func Seed(src, tgt string) *Lexicon {
	return seeds()[[2]string{src, tgt}]
}

// parseSeed reads the seed table for src→tgt. Phrases of several words are skipped: stems are
// per word.
func parseSeed(text, src, tgt string) *Lexicon {
	col := func(lang string) int {
		for k, l := range seedLangs {
			if l == lang {
				return k
			}
		}
		return -1
	}
	cs, ct := col(src), col(tgt)
	l := New(src, tgt)
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(seedLangs) {
			panic("lexicon: seed/news.tsv: not three columns: " + line)
		}
		g := int32(-1)
		for _, a := range seedForms(f[cs]) {
			for _, b := range seedForms(f[ct]) {
				s, t := Stem(src, a), Stem(tgt, b)
				if s == "" || t == "" {
					continue
				}
				if g < 0 {
					g = l.newSense()
				}
				l.addSense(s, t, 1, g)
			}
		}
	}
	return l
}

// seedForms splits a column of the seed table into its one-word forms.
func seedForms(col string) []string {
	var out []string
	for _, w := range strings.Split(col, ",") {
		w = strings.TrimSpace(w)
		if w != "" && !strings.ContainsAny(w, " -") {
			out = append(out, w)
		}
	}
	return out
}
