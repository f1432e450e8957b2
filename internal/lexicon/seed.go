package lexicon

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// The seed lexicon: about 3,000 common words of news and general prose (said, year, police,
// election, happen, already, Germany), in English, Russian and Kazakh, written for tilmash. A
// document's own lexicon (learned from the first pass of the aligner) knows only the words it
// repeats, and a short article repeats few; the seed gives every document the common words. The file lists one word a line in the three
// languages, each with its forms; the forms of a line are one sense (see Key), so a sentence pair
// sharing "said" and "деді" shares one piece of evidence however many forms the line lists.
//
//go:embed seed/news.tsv
var seedTSV string

// seedLangs are the columns of seed/news.tsv.
var seedLangs = [...]string{"en", "ru", "kk"}

// seedKey names a cached seed lexicon: the table read for src→tgt as Seed returns it (scale 0),
// or as merged into an empty lexicon with its weights scaled by scale (see parseSeed).
type seedKey struct {
	src, tgt string
	scale    float64
}

// seedCache holds the seed lexicons built so far. A process aligns one or three language pairs,
// so each pair's table is read on first use, not all six at start-up.
var seedCache struct {
	sync.Mutex
	m map[seedKey]*Lexicon
}

// cachedSeed returns the seed lexicon for k, building it on first use.
func cachedSeed(k seedKey) *Lexicon {
	if !slices.Contains(seedLangs[:], k.src) || !slices.Contains(seedLangs[:], k.tgt) || k.src == k.tgt {
		return nil
	}
	seedCache.Lock()
	defer seedCache.Unlock()
	return seedLocked(k)
}

// seedLocked is cachedSeed with seedCache locked.
func seedLocked(k seedKey) *Lexicon {
	if l, ok := seedCache.m[k]; ok {
		return l
	}
	l := parseSeed(seedTSV, k.src, k.tgt, k.scale)
	if k.scale > 0 {
		l.seal() // what MergeScaled gives, shared: a merge copies it whole
	}
	if seedCache.m == nil {
		seedCache.m = map[seedKey]*Lexicon{}
	}
	seedCache.m[k] = l
	return l
}

// Seed returns the seed lexicon from src to tgt (any two of en, ru and kk), nil for other
// languages. The lexicon is shared: do not change it (Merge it into another).
func Seed(src, tgt string) *Lexicon {
	return cachedSeed(seedKey{src: src, tgt: tgt})
}

// SeedScaled returns what MergeScaled(Seed(src, tgt), scale) into New(src, tgt) returns (scale >
// 0), built once and then shared: do not change it. Every alignment merges the seed this way, and
// merging it again each time cost as much as reading the table. It is read from the table
// directly, without Seed's lexicon (see parseSeed).
func SeedScaled(src, tgt string, scale float64) *Lexicon {
	if !(scale > 0) {
		panic("lexicon: SeedScaled: scale must be positive")
	}
	return cachedSeed(seedKey{src: src, tgt: tgt, scale: scale})
}

// parseSeed reads the seed table for src→tgt. Phrases of several words are skipped: stems are
// per word. With scale 0 every entry weighs 1 and each line with a pair of stems has a sense, as
// Seed returns it. With scale > 0 it returns what MergeScaled(parseSeed(text, src, tgt, 0), scale)
// into New(src, tgt) returns, without building the other lexicon first (that was half the cost of
// the seed, which every alignment reads): each entry weighs scale (at most 1), a pair of stems an
// earlier line has is left where it is, and a line's sense is numbered when it gets its first
// entry, so a line whose pairs all came before has none (MergeScaled numbers the senses of the
// entries it adds in order of first use, and stemming a stem again changes nothing).
func parseSeed(text, src, tgt string, scale float64) *Lexicon {
	col := func(lang string) int {
		for k, l := range seedLangs {
			if l == lang {
				return k
			}
		}
		return -1
	}
	cs, ct := col(src), col(tgt)
	l := newSeedLexicon(src, tgt, strings.Count(text, "\n")+1)
	w := 1.0
	if scale > 0 {
		w = scale
	}
	var ss, ts []string
	var buf []byte
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var f [len(seedLangs)]string
		rest, ok := line, true
		for k := range f {
			if !ok {
				panic("lexicon: seed/news.tsv: not three columns: " + line)
			}
			f[k], rest, ok = strings.Cut(rest, "\t")
		}
		if ok {
			panic("lexicon: seed/news.tsv: not three columns: " + line)
		}
		// the stems of each column, once: the pairs of a line are their cross product
		ss, buf = seedStems(ss[:0], buf, src, f[cs])
		ts, buf = seedStems(ts[:0], buf, tgt, f[ct])
		g := int32(-1)
		for _, s := range ss {
			for _, t := range ts {
				if scale > 0 {
					if _, ok := l.index[[2]string{s, t}]; ok {
						continue // MergeScaled would keep its weight, scale, and its sense
					}
					if g < 0 {
						g = l.newSense()
					}
					l.insert(s, t, min(w, 1), g)
					continue
				}
				if g < 0 {
					g = l.newSense()
				}
				l.addSense(s, t, w, g)
			}
		}
	}
	return l
}

// newSeedLexicon is New with room for a seed table of so many lines: each line gives about two
// entries, and one or two stems on each side that no line before had. Grown entry by entry, the
// maps were a quarter of reading the table.
func newSeedLexicon(src, tgt string, lines int) *Lexicon {
	return &Lexicon{SrcLang: src, TgtLang: tgt, fwd: make(map[string][]int32, lines*3/2), bwd: make(map[string][]int32, lines*3/2),
		index: make(map[[2]string]int32, 2*lines), fwdRoot: make(map[string][]int32, lines/4), bwdRoot: make(map[string][]int32, lines/4),
		entries: make([]Entry, 0, 2*lines), group: make([]int32, 0, 2*lines), gweight: make([]float64, 0, lines)}
}

// seedStems appends to dst the stems of the one-word forms of a column of the seed table (forms
// are separated by commas; phrases of several words are left out), each once and none empty (a
// form too short to have one), in the order of the forms: a pair a line gives twice, or with an
// empty stem, would add nothing. buf is scratch space, returned for reuse.
func seedStems(dst []string, buf []byte, lang, col string) ([]string, []byte) {
	for rest, more := col, true; more; {
		var w string
		w, rest, more = strings.Cut(rest, ",")
		if w = strings.TrimSpace(w); w == "" || strings.ContainsAny(w, " -") {
			continue
		}
		buf = appendLangStem(buf[:0], lang, w)
		if len(buf) == 0 || slices.ContainsFunc(dst, func(s string) bool { return s == string(buf) }) {
			continue
		}
		dst = append(dst, string(buf))
	}
	return dst, buf
}
