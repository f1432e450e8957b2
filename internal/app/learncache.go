package app

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"slices"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/lexicon"
	"github.com/tilmash/tilmash/internal/workspace"
)

// LearnCacheName is the file, in the workspace's local folder (workspace.LocalFolder,
// git-ignored), where align keeps what each document's confirmed groups teach, in the form
// learning takes it: for each pair of languages, the stems of each group's two texts (the
// lexicon.Stem of their words, in order, each once; numbers into one table of the stems) and
// their lengths (align.LengthCounter),
// under the sha256 of the texts they come from (confirmedEntry.Sums). When the confirmed groups
// change (a person confirmed a group in one document), the lexicons are learned again from it,
// and only the documents whose groups changed are parsed and stemmed: at 2,000 documents,
// parsing, stemming and measuring every one was most of an align after a confirmation.
//
// What is learned from it is what learning from the texts gives, byte for byte (the vocabulary
// numbers the stems in the same order: see lexicon.Vocab.StemIDs). It is derived data: a file
// that does not read, whose checksum does not match, or made for other settings or another
// build is ignored and written anew, atomically, when an entry changed.
const LearnCacheName = "learn-cache"

// learnCacheMagic starts the file (frameChecked); the gob follows.
const learnCacheMagic = "tilmash learn cache 2\n" // 2: stems by number

type learnCache struct {
	Workspace string                    // confirmedDigest
	Stems     []string                  // the stems the texts hold, by number
	Docs      map[string][]learnedTexts // by document id, then by pair (confirmed.keys)
	index     map[string]int32          // Stems' numbers, built when first needed
	dirty     bool
}

// learnedTexts are the confirmed groups of one document holding one pair of languages, as
// learning takes them.
type learnedTexts struct {
	Sum            string    // confirmedEntry.Sums[k]: the sha256 of the texts
	Src, Tgt       [][]int32 // each group's stems (numbers into learnCache.Stems)
	SrcLen, TgtLen []int
}

// loadLearnCache reads the cache made for workspace digest wd; an empty one when there is none,
// or it is not to be trusted.
func loadLearnCache(ws *workspace.Workspace, wd string) *learnCache {
	empty := &learnCache{Workspace: wd, Docs: map[string][]learnedTexts{}}
	data, err := ws.ReadFile(filepath.Join(workspace.LocalFolder, LearnCacheName))
	if err != nil {
		return empty
	}
	body, ok := checkedBody(learnCacheMagic, data)
	if !ok {
		return empty
	}
	c := &learnCache{}
	if gob.NewDecoder(bytes.NewReader(body)).Decode(c) != nil || c.Workspace != wd || c.Docs == nil {
		return empty
	}
	n := int32(len(c.Stems))
	for _, e := range c.Docs {
		for _, t := range e {
			for _, text := range append(slices.Clip(t.Src), t.Tgt...) {
				for _, f := range text {
					if f < 0 || f >= n {
						return empty
					}
				}
			}
		}
	}
	return c
}

// save writes the cache, with the documents of ids only, when an entry changed; failing to is
// not an error.
func (c *learnCache) save(ws *workspace.Workspace, ids []string) {
	if !c.dirty {
		return
	}
	kept := make(map[string][]learnedTexts, len(ids))
	for _, id := range ids {
		if e, ok := c.Docs[id]; ok {
			kept[id] = e
		}
	}
	c.Docs = kept
	var body bytes.Buffer
	if gob.NewEncoder(&body).Encode(c) != nil {
		return
	}
	data := frameChecked(learnCacheMagic, body.Bytes())
	if workspace.WriteFileAtomic(ws.Path(workspace.LocalFolder, LearnCacheName), data) == nil {
		c.dirty = false
	}
}

// get returns document id's texts of pair k when they are those whose sha256 is sum.
func (c *learnCache) get(id string, k int, sum string) (learnedTexts, bool) {
	e := c.Docs[id]
	if k < len(e) && e[k].Sum == sum && len(e[k].Src) == len(e[k].Tgt) && len(e[k].Src) == len(e[k].SrcLen) && len(e[k].Src) == len(e[k].TgtLen) {
		return e[k], true
	}
	return learnedTexts{}, false
}

// put keeps document id's texts of pair k, of keys pairs.
func (c *learnCache) put(id string, k, keys int, t learnedTexts) {
	e := c.Docs[id]
	if len(e) != keys {
		e = make([]learnedTexts, keys)
	}
	e[k] = t
	c.Docs[id] = e
	c.dirty = true
}

// newLearnedTexts is what learning takes of pairs, the texts whose sha256 is sum.
func (c *learnCache) newLearnedTexts(pairs [][2]string, sum string, cs, ct *align.LengthCounter) learnedTexts {
	t := learnedTexts{Sum: sum}
	for _, p := range pairs {
		t.Src, t.Tgt = append(t.Src, c.textStems(p[0])), append(t.Tgt, c.textStems(p[1]))
		t.SrcLen, t.TgtLen = append(t.SrcLen, cs.Length(p[0])), append(t.TgtLen, ct.Length(p[1]))
	}
	return t
}

// textStems are the numbers of the stems of text's words (lexicon.Stem), in order, each once.
func (c *learnCache) textStems(text string) []int32 {
	if c.index == nil {
		c.index = make(map[string]int32, len(c.Stems))
		for f, s := range c.Stems {
			c.index[s] = int32(f)
		}
	}
	var out []int32
	for _, w := range lexicon.Words(text) {
		s := lexicon.Stem("", w) // one rule for every language (lexicon.Vocab.IDs)
		if s == "" {
			continue
		}
		f, ok := c.index[s]
		if !ok {
			f = int32(len(c.Stems))
			c.index[s] = f
			c.Stems = append(c.Stems, s)
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// numbered returns the numbers v gives the stems of text (numbers into stems), sorted, each
// once, numbering the new ones in order: what v.IDs gives for the text itself. remap holds the
// number v gave each stem of stems, −1 for none yet.
func numbered(v *lexicon.Vocab, remap *[]int32, stems []string, text []int32) []int32 {
	ids := make([]int32, 0, len(text))
	for _, f := range text {
		for int(f) >= len(*remap) {
			*remap = append(*remap, -1)
		}
		id := (*remap)[f]
		if id < 0 {
			id = v.StemIDs(nil, stems[f:f+1])[0]
			(*remap)[f] = id
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// learn learns the lexicon and the length model of pair k from the confirmed groups of every
// document, taking each document's from the learn cache when it holds them for the same texts,
// and otherwise parsing the document (on workers goroutines) and keeping what it teaches. ok is
// false when the groups are too few to fit a length model. The caller saves the cache.
func (c *confirmed) learn(k int) (*lexicon.Lexicon, align.LengthModel, bool) {
	src, tgt := c.keys[k][0], c.keys[k][1]
	if c.cache == nil {
		c.cache = loadLearnCache(c.ws, c.wd)
	}
	var todo []int
	for i, e := range c.entries {
		if _, ok := c.cache.get(c.ids[i], k, e.Sums[k]); !ok && e.Counts[k] > 0 && c.texts[i] == nil {
			todo = append(todo, i)
		}
	}
	_ = inOrder(len(todo), c.workers, func(j int) {
		i := todo[j]
		c.texts[i], _ = documentConfirmed(c.ws, c.ids[i], c.keys)
	}, func(int) error { return nil })
	vs, vt := lexicon.NewVocab(src), lexicon.NewVocab(tgt)
	cs, ct := align.NewLengthCounter(src), align.NewLengthCounter(tgt)
	var ss, ts [][]int32
	var rs, rt []int32 // the number vs and vt give each stem of the cache
	var as, at []int
	for i, e := range c.entries {
		if e.Counts[k] == 0 {
			continue
		}
		t, ok := c.cache.get(c.ids[i], k, e.Sums[k])
		if !ok {
			if c.texts[i] == nil {
				continue // it cannot be read any more
			}
			t = c.cache.newLearnedTexts(c.texts[i][k], e.Sums[k], cs, ct)
			c.cache.put(c.ids[i], k, len(c.keys), t)
		}
		for j := range t.Src {
			ss = append(ss, numbered(vs, &rs, c.cache.Stems, t.Src[j]))
			ts = append(ts, numbered(vt, &rt, c.cache.Stems, t.Tgt[j]))
		}
		as, at = append(as, t.SrcLen...), append(at, t.TgtLen...)
	}
	lengths, ok := align.FitLengthsOf(src, tgt, as, at)
	return learnIDs(src, tgt, vs, vt, ss, ts), lengths, ok
}
