package app

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// ConfirmedCacheName is the file, in the workspace's local folder
// (workspace.LocalFolder, git-ignored), where align keeps, for each
// document, the digest of its files (meta.yaml and the alignment) and,
// for each pair of languages, how many confirmed groups it holds and the
// sha256 of their texts. The learned lexicons (reviewLexicon) are keyed by
// those sums, so align parses only the documents whose files changed, and
// all of them only when the confirmed groups changed and the lexicons are
// learned again: in a workspace of 2,000 documents, reading and parsing
// every alignment on every align was most of its time. (The texts
// themselves are not kept: for 1,800 confirmed documents they were 81 MB
// of JSON, slower to read than the alignments.)
//
// It is derived data, kept as the status cache is (encodeChecked): a file
// that does not read, whose checksum does not match, or made for other
// settings, languages or another build is ignored and written anew,
// atomically, and only when an entry changed.
const ConfirmedCacheName = "confirmed-cache"

// confirmedCacheMagic starts the file.
const confirmedCacheMagic = "tilmash confirmed cache 1\n"

type confirmedCache struct {
	Workspace string                    `json:"workspace"`
	Documents map[string]confirmedEntry `json:"documents"`
}

// confirmedEntry is one document's confirmed groups: for the pair of
// languages k (in the order confirmedPairs walks them: en-ru, en-kk, ru-kk
// for en ru kk), Counts[k] groups hold both, and Sums[k] is the sha256 of
// their texts (pairsSum).
type confirmedEntry struct {
	Digest string   `json:"digest"`
	Counts []int    `json:"counts"`
	Sums   []string `json:"sums"`
}

// pairsSum is the sha256 of the texts of pairs, in hex.
func pairsSum(pairs [][2]string) string {
	h := sha256.New()
	for _, p := range pairs {
		h.Write([]byte(p[0]))
		h.Write([]byte{0})
		h.Write([]byte(p[1]))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// confirmedDigest is the digest of what the confirmed groups of every
// document depend on besides its own files: this build and the settings
// (the languages among them: the cache holds every pair of the
// workspace's languages, whichever a caller asks for).
func (app *App) confirmedDigest(r *workspace.Reader) (string, error) {
	d := newDigester("confirmed")
	d.part("build", []byte(app.buildStamp()))
	if err := d.file(r, workspace.ConfigFile); err != nil {
		return "", err
	}
	return d.sum(), nil
}

// languagePairs are the pairs of langs, in their order: en-ru, en-kk,
// ru-kk for en ru kk.
func languagePairs(langs []string) [][2]string {
	var out [][2]string
	for x, s := range langs {
		for _, t := range langs[x+1:] {
			out = append(out, [2]string{s, t})
		}
	}
	return out
}

// loadConfirmedCache reads the cache made for workspace digest wd; an
// empty one when there is none, or it is not to be trusted.
func loadConfirmedCache(r *workspace.Reader, wd string) *confirmedCache {
	c := &confirmedCache{}
	if data, err := r.ReadFile(filepath.Join(workspace.LocalFolder, ConfirmedCacheName)); err != nil ||
		!decodeChecked(confirmedCacheMagic, data, c) || c.Workspace != wd || c.Documents == nil {
		return &confirmedCache{Workspace: wd, Documents: map[string]confirmedEntry{}}
	}
	return c
}

// saveConfirmedCache writes the cache; failing to is not an error.
func saveConfirmedCache(ws *workspace.Workspace, c *confirmedCache) {
	if data, err := encodeChecked(confirmedCacheMagic, c); err == nil {
		_ = workspace.WriteFileAtomic(ws.Path(workspace.LocalFolder, ConfirmedCacheName), data)
	}
}

// newConfirmedEntry is the entry of a document whose confirmed groups
// have texts (documentConfirmed), without its digest.
func newConfirmedEntry(texts [][][2]string) confirmedEntry {
	e := confirmedEntry{Counts: make([]int, len(texts)), Sums: make([]string, len(texts))}
	for k, ps := range texts {
		e.Counts[k] = len(ps)
		if len(ps) > 0 {
			e.Sums[k] = pairsSum(ps)
		}
	}
	return e
}

// keepConfirmed brings the cache's entry of document id up to date after
// align wrote it (the caller holds the lock), so that the next align does
// not find it changed and write the cache again. Nothing is done when
// there is no cache for these settings.
func (app *App) keepConfirmed(ws *workspace.Workspace, id string) {
	app.confirmedMu.Lock()
	defer app.confirmedMu.Unlock()
	r := ws.NewReader()
	defer r.Close()
	defer app.sums.saveKept(ws)
	wd, err := app.confirmedDigest(r)
	if err != nil {
		return
	}
	cache := loadConfirmedCache(r, wd)
	if len(cache.Documents) == 0 {
		return
	}
	digest, err := app.sums.filesDigest(ws, r, id, wd, confirmedFiles)
	if err != nil {
		return
	}
	if e, ok := cache.Documents[id]; ok && e.Digest == digest {
		return
	}
	texts, ok := documentConfirmed(ws, id, languagePairs(ws.Config.Languages))
	if !ok {
		return
	}
	e := newConfirmedEntry(texts)
	e.Digest = digest
	cache.Documents[id] = e
	saveConfirmedCache(ws, cache)
}

// confirmedFiles are the files of a document its confirmed groups are read
// from.
var confirmedFiles = []string{"meta.yaml", document.AlignmentName}

// confirmed is what confirmedPairs found: the documents that can be read,
// what each holds, and the texts of those it parsed.
type confirmed struct {
	ws      *workspace.Workspace
	wd      string      // confirmedDigest
	cache   *learnCache // loaded when first learning (learn)
	workers int
	keys    [][2]string
	ids     []string
	entries []confirmedEntry
	texts   [][][][2]string // texts[i][k]: document i's, nil when not parsed yet
}

// key returns how many confirmed groups hold the pair k, and the sha256
// of their texts in document order (the sums of the documents that hold
// any).
func (c *confirmed) key(k int) (groups int, sum []byte) {
	h := sha256.New()
	for _, e := range c.entries {
		if e.Counts[k] > 0 {
			groups += e.Counts[k]
			h.Write([]byte(e.Sums[k]))
			h.Write([]byte{0})
		}
	}
	return groups, h.Sum(nil)
}

// confirmedPairs finds the confirmed groups of every document that can be
// read, for each pair of the workspace's languages (languagePairs). A document whose
// files are the ones the cache recorded is not parsed; the cache is written
// back when an entry changed (the caller holds the lock). Failing to read or
// write the cache is not an error: what comes out is the same without it.
func (app *App) confirmedPairs(ws *workspace.Workspace) (*confirmed, error) {
	app.confirmedMu.Lock()
	defer app.confirmedMu.Unlock()
	ids, err := document.List(ws)
	if err != nil {
		return nil, err
	}
	r := ws.NewReader()
	defer r.Close()
	defer app.sums.saveKept(ws)
	wd, err := app.confirmedDigest(r)
	if err != nil {
		return nil, err
	}
	cache := loadConfirmedCache(r, wd)
	c := &confirmed{ws: ws, wd: wd, workers: app.workers(), keys: languagePairs(ws.Config.Languages)}
	type slot struct {
		e     confirmedEntry
		texts [][][2]string
		ok    bool // e holds the document's groups
		miss  bool // e was not in the cache
	}
	slots := make([]slot, len(ids))
	kept := make(map[string]confirmedEntry, len(ids))
	changed := false
	err = inOrder(len(ids), app.workers(), func(i int) {
		id, s := ids[i], &slots[i]
		digest, derr := app.sums.filesDigest(ws, r, id, wd, confirmedFiles)
		if e, ok := cache.Documents[id]; ok && derr == nil && e.Digest == digest && len(e.Counts) == len(c.keys) && len(e.Sums) == len(c.keys) {
			s.e, s.ok = e, true
			return
		}
		s.miss = true
		texts, ok := documentConfirmed(ws, id, c.keys)
		if !ok {
			return
		}
		s.texts, s.ok, s.e = texts, true, newConfirmedEntry(texts)
		// Kept only when the files did not change while they were read.
		if derr == nil {
			if after, err := app.sums.filesDigest(ws, r, id, wd, confirmedFiles); err == nil && after == digest {
				s.e.Digest = digest
			}
		}
	}, func(i int) error {
		s := &slots[i]
		if !s.ok {
			return nil
		}
		c.ids = append(c.ids, ids[i])
		c.entries = append(c.entries, s.e)
		c.texts = append(c.texts, s.texts)
		if s.e.Digest != "" {
			kept[ids[i]] = s.e
			changed = changed || s.miss
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A document removed (or no longer kept) changes the cache too.
	if changed || len(kept) != len(cache.Documents) {
		cache.Documents = kept
		saveConfirmedCache(ws, cache)
	}
	return c, nil
}

// documentConfirmed returns the texts of the confirmed groups of document
// id for each pair of languages of keys; ok is false when the document
// cannot be read. A document that cannot be read (a git merge of it left
// unfinished, a file broken by hand) teaches nothing: it does not stop
// align of another document, nor align finishing its merge. Its own
// commands name the problem.
func documentConfirmed(ws *workspace.Workspace, id string, keys [][2]string) (pairs [][][2]string, ok bool) {
	d, err := document.Open(ws, id)
	if err != nil {
		return nil, false
	}
	a, err := d.Alignment()
	if err != nil {
		return nil, false
	}
	pairs = make([][][2]string, len(keys))
	if a == nil {
		return pairs, true
	}
	for _, g := range a.Groups {
		if g.Status != document.Confirmed {
			continue
		}
		for k, st := range keys {
			s, t := st[0], st[1]
			if len(g.Sents[s]) > 0 && len(g.Sents[t]) > 0 {
				pairs[k] = append(pairs[k], [2]string{g.Text(s), g.Text(t)})
			}
		}
	}
	return pairs, true
}
