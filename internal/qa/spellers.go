package qa

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

// Spellers keeps the spellers that checks are done with, for a later
// check of the same dictionary and session words: loading a dictionary is
// most of what a hunspell process costs (0.1 s of processor time for the
// Russian one), and publish runs the gate, spelling included when
// tilmash.yaml makes it an error, once for each document. A Speller taken
// with [Spellers.Get] is the caller's alone until [Spellers.Put] gives it
// back; its answers do not depend on what it checked before (its caches
// hold hunspell's verdicts and suggestions, which depend on the
// dictionary and the session words only, and both are in the key).
//
// A nil *Spellers keeps nothing: Get starts a speller, Put closes it.
// Spellers is safe for concurrent use.
type Spellers struct {
	max  int
	mu   sync.Mutex
	idle []*Speller // the least recently given back first
}

// NewSpellers returns a pool that keeps at most max idle spellers,
// closing the least recently used beyond that.
func NewSpellers(max int) *Spellers {
	return &Spellers{max: max}
}

// Get returns a speller for lang that knows the session words known, as
// [NewSpellerCached] starts one: an idle one started for the same
// language, hunspell program, installed dictionary and session words, or
// a new one. cache is where this check keeps its dictionary copies (see
// NewSpellerCached); an idle speller's copies are made there as a new
// one's would be. dicpath is the invocation's $DICPATH (see
// NewSpellerCached).
func (p *Spellers) Get(lang string, known []string, cache, dicpath string) (*Speller, *Note) {
	if p == nil {
		return NewSpellerCached(lang, known, cache, dicpath)
	}
	key := spellerKey(lang, known, dicpath)
	if key != "" {
		p.mu.Lock()
		for i := len(p.idle) - 1; i >= 0; i-- {
			if s := p.idle[i]; s.key == key {
				p.idle = append(p.idle[:i], p.idle[i+1:]...)
				p.mu.Unlock()
				s.useCache(cache)
				return s, nil
			}
		}
		p.mu.Unlock()
	}
	s, note := NewSpellerCached(lang, known, cache, dicpath)
	if s != nil {
		s.key = key
	}
	return s, note
}

// Put gives back a speller Get returned. One whose hunspell failed, or
// that has no key, is closed; so are the least recently used beyond the
// pool's bound.
func (p *Spellers) Put(s *Speller) {
	if s == nil {
		return
	}
	if p == nil || s.key == "" || s.failed || p.max <= 0 {
		s.Close()
		return
	}
	p.mu.Lock()
	p.idle = append(p.idle, s)
	var out []*Speller
	if n := len(p.idle) - p.max; n > 0 {
		out = append(out, p.idle[:n]...)
		p.idle = append(p.idle[:0], p.idle[n:]...)
	}
	p.mu.Unlock()
	for _, s := range out {
		s.Close()
	}
}

// Close closes the idle spellers. The pool can still be used.
func (p *Spellers) Close() error {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	var err error
	for _, s := range idle {
		if e := s.Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// Idle reports how many spellers the pool keeps.
func (p *Spellers) Idle() int {
	if p == nil {
		return 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.idle)
}

// useCache makes cache the folder s (and the Russian speller a Kazakh one
// starts) makes its dictionary copies in from now on, and makes the quick
// copy there as a new speller would (see [quickDictionary]).
//
// A speller given back and taken again for the same cache (tilmash
// serve's, request after request) has made its copies there already:
// nothing is read again (the affix files, derived anew, cost tilmash
// serve a third of an edit's time).
func (s *Speller) useCache(cache string) {
	if cache == s.cache {
		return
	}
	s.cache = cache
	if s.ru != nil {
		s.ru.cache = cache
	}
	if cache == "" {
		return
	}
	if temp, _, ok := quickDictionary(s.dict, cache, s.dicpath); ok && temp != "" {
		os.RemoveAll(temp)
	}
}

// spellerKey is what a speller for lang with the session words known
// answers by: the language, the hunspell program and the installed
// dictionary found on dicpath or installed (its affix file, and its word
// list's path, size and time, as [cachedQuick] keys its copies), and the
// words. "" when there is no such dictionary or program: such a speller
// is not kept.
func spellerKey(lang string, known []string, dicpath string) string {
	l := baseLang(lang)
	dict, ok := hunspellDict(l)
	if !ok {
		return ""
	}
	path, err := exec.LookPath("hunspell")
	if err != nil {
		return ""
	}
	prog, err := os.Stat(path)
	if err != nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00", l, path, prog.Size(), prog.ModTime().UnixNano())
	found := false
	for _, d := range dictionaryFolders(dicpath) {
		aff, err := os.ReadFile(filepath.Join(d, dict+".aff"))
		if err != nil {
			continue
		}
		dic, err := filepath.Abs(filepath.Join(d, dict+".dic"))
		if err != nil {
			return ""
		}
		st, err := os.Stat(dic)
		if err != nil {
			continue
		}
		h.Write(aff)
		fmt.Fprintf(h, "\x00%s\x00%d\x00%d", dic, st.Size(), st.ModTime().UnixNano())
		found = true
		break
	}
	if !found {
		return ""
	}
	for _, w := range known {
		h.Write([]byte{0})
		h.Write([]byte(w))
	}
	return hex.EncodeToString(h.Sum(nil))
}
