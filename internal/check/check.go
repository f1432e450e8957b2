// Package check enforces a workspace's glossary on its documents and on
// translation memories brought in from other tools. Every command that
// reports glossary findings goes through it (check, status, align), so they
// agree on what a finding is and compile the glossary once per process.
//
// # What is checked
//
// A document that is aligned is checked group by group: every entry found
// in the source-language text of a group must be found, in an accepted
// form, in each other language's text of that group; forbidden forms and
// words that mix Latin and Cyrillic letters are reported wherever they are
// ([glossary.Matcher.CheckGroup]).
//
// A document that is not aligned yet (or whose alignment no longer matches
// its texts) has no groups, so the check falls back to the next best unit:
//
//   - When every language version has the same number of paragraphs
//     (blocks of lines separated by blank lines), paragraph N of each
//     language is taken as translating paragraph N of the others, and each
//     paragraph is checked like a group. Newsroom translations keep the
//     paragraphs of the original far more often than its sentences, so this
//     finds a name dropped from one paragraph even when the same name is
//     used correctly elsewhere in the text.
//   - Otherwise the whole text of each language is one unit: forbidden
//     forms and look-alikes are found all the same, but a missing entry is
//     only reported when the target text never names it at all.
//
// Translation memories (TMX as OmegaT and Trados write it) and TSV files
// with a header row of language codes are checked unit by unit: a <tu> or
// a row is a group.
package check

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Checker checks texts against one compiled glossary. It is safe for
// concurrent use.
type Checker struct {
	Glossary *glossary.Glossary
	Matcher  *glossary.Matcher
	// Source is the pivot language: the language whose entries the other
	// languages must carry.
	Source string
	// Langs are the languages the glossary was loaded for (the workspace
	// languages); empty when any language was accepted.
	Langs []string
	// Gaps are the entries with no form in one of Langs (lint problems of
	// code glossary.CodeMissingLanguage, see glossary.Problem.Gap): they
	// are checked in the languages they have, and text in the language
	// they lack is not checked for them. Callers say so once.
	Gaps []glossary.Problem

	endingsOnce sync.Once
	endings     *qa.EndingsIndex
	// known memoizes KnownWords by language, guarded by knownMu.
	knownMu sync.Mutex
	known   map[string][]string
}

// KnownWords is the glossary's KnownWords of lang (the words of its
// forms, which the spelling check accepts), made once for each language
// and kept with the glossary: tilmash serve makes a suite for every page
// and edit. The slice is shared: a caller appends to a copy.
func (c *Checker) KnownWords(lang string) []string {
	if c == nil || c.Glossary == nil {
		return nil
	}
	c.knownMu.Lock()
	defer c.knownMu.Unlock()
	if w, ok := c.known[lang]; ok {
		return w
	}
	w := c.Glossary.KnownWords(lang)
	if c.known == nil {
		c.known = map[string][]string{}
	}
	c.known[lang] = w
	return w
}

// Endings is the index of the glossary's Kazakh names for the endings
// check, built on first use and kept with the glossary: status and
// publish make a suite for each document they check.
func (c *Checker) Endings() *qa.EndingsIndex {
	c.endingsOnce.Do(func() { c.endings = qa.NewEndingsIndex(c.Glossary) })
	return c.endings
}

// SetEndings gives the checker the index of its glossary's names, read
// from the compiled glossary cache, before its first use: Endings returns
// it rather than building one.
func (c *Checker) SetEndings(x *qa.EndingsIndex) {
	c.endingsOnce.Do(func() { c.endings = x })
}

// New returns a Checker over an already loaded glossary.
func New(g *glossary.Glossary, source string) *Checker {
	return &Checker{Glossary: g, Matcher: glossary.Compile(g), Source: source, Langs: g.Langs}
}

// Gap is what a glossary lacks in one language: the ids of its entries
// with no form in Lang, in the order of the files.
type Gap struct {
	Lang string   `json:"lang"`
	IDs  []string `json:"ids"`
}

// GapsByLang groups gaps (see Checker.Gaps) by language, in the order the
// languages first come, so that a caller says once per language which
// entries its text is not checked for.
func GapsByLang(gaps []glossary.Problem) []Gap {
	var out []Gap
	for _, p := range gaps {
		i := slices.IndexFunc(out, func(g Gap) bool { return g.Lang == p.Lang })
		if i < 0 {
			out = append(out, Gap{Lang: p.Lang})
			i = len(out) - 1
		}
		out[i].IDs = append(out[i].IDs, p.ID)
	}
	return out
}

// Names returns the ids of g for a message: the first three, and "…" when
// there are more.
func (g Gap) Names() string {
	if len(g.IDs) > 3 {
		return strings.Join(g.IDs[:3], ", ") + ", …"
	}
	return strings.Join(g.IDs, ", ")
}

// LintError is returned by [Load] when the glossary has lint problems: the
// check would enforce a glossary that contradicts itself, so it does not
// run. It names the first problem's position and the number of problems;
// `tilmash glossary lint` lists them all.
type LintError struct {
	Dir      string
	Problems []glossary.Problem
}

// Error names the first problem as well: status --format json shows this
// text.
func (e *LintError) Error() string {
	p := e.Problems[0]
	return fmt.Sprintf("%s: the glossary has %d problem(s), the first: %s", p.Pos(), len(e.Problems), strings.TrimPrefix(p.Error(), p.Pos()+": "))
}

// Unwrap returns the message a person reads. LintError is a named type
// because the export gate branches on it: with --force it warns and goes
// on.
func (e *LintError) Unwrap() error {
	p := e.Problems[0]
	return locale.NewError("check.glossary-invalid", map[string]any{"Dir": e.Dir, "Pos": p.Pos(), "Count": len(e.Problems)}).
		WithHint("check.glossary-invalid.hint").At(locale.Pos{File: p.File, Line: p.Line, Column: p.Column})
}

// dirError is the error of [LoadDir] for a folder dir that cannot be read
// (err) or holds no glossary entries (err is nil).
func dirError(dir string, err error) error {
	if err == nil {
		return locale.NewError("check.glossary-empty", map[string]any{"Dir": dir})
	}
	return locale.NewError("check.glossary-unreadable", map[string]any{"Dir": dir, "Err": err.Error()}).Wrap(err)
}

// ReadGlossary loads the workspace glossary with every lint problem, file
// names made relative to the workspace root. It returns a nil glossary and
// no error when the glossary folder does not exist.
func ReadGlossary(ws *workspace.Workspace) (*glossary.Glossary, []glossary.Problem, int, error) {
	dir := ws.Path(ws.Config.Glossary)
	if st, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		// No glossary, unless the folder is a link whose target is gone:
		// then the glossary checks would be skipped without a word.
		return nil, nil, 0, ws.Dangling(ws.Config.Glossary)
	} else if err == nil && !st.IsDir() { // glossary: glossary/places.yaml read as a folder of no files
		return nil, nil, 0, locale.NewError("check.glossary-not-folder", map[string]any{"Dir": ws.Config.Glossary}).WithHint("check.glossary-not-folder.hint")
	}
	if !workspace.Inside(ws.Root, dir) {
		target, _ := filepath.EvalSymlinks(dir)
		return nil, nil, 0, &workspace.ReadError{Path: ws.Config.Glossary, Code: workspace.CodeReadEscape, Target: target}
	}
	rel := func(p string) string {
		if r, err := filepath.Rel(ws.Root, p); err == nil && filepath.IsLocal(r) {
			return r
		}
		return p
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	g, probs, err := glossary.Load(dir, ws.Config.Languages)
	if re := (*workspace.ReadError)(nil); errors.As(err, &re) {
		re.Path = rel(re.Path)
	}
	if err != nil {
		return nil, nil, 0, err
	}
	prefix := ws.Root + string(filepath.Separator)
	for i := range probs {
		probs[i].File = rel(probs[i].File)
		probs[i].Other = strings.TrimPrefix(probs[i].Other, prefix)
	}
	for _, e := range g.Entries {
		e.File = rel(e.File)
	}
	return g, probs, len(files), nil
}

// Cache holds compiled checkers, so that status over many documents, or
// align followed by its check, compiles the glossary once. An entry is
// reused only while the glossary files keep their names and versions
// (see [Stamp]), and their contents while they may still change within
// one tick of the clock (see [Snapshot]). The zero Cache is ready to use; an app keeps one for
// its run (internal/app), [Load] and [LoadDir] share one for the process.
type Cache struct {
	// Snapshots tells whether a glossary is still as it was compiled
	// (the zero value: the files' versions, the system clock).
	Snapshots Snapshots

	mu sync.Mutex
	m  map[string]*cached
}

// shared is the cache of Load and LoadDir.
var shared Cache

type cached struct {
	snap Snapshot
	c    *Checker
	err  error
}

func (cache *Cache) load(key, dir string, load func() (*Checker, error)) (*Checker, error) {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if c, ok := cache.m[key]; ok && cache.Snapshots.Current(dir, &c.snap) {
		return c.c, c.err
	}
	snap := cache.Snapshots.Take(dir)
	c, err := load()
	if cache.m == nil {
		cache.m = map[string]*cached{}
	}
	cache.m[key] = &cached{snap: snap, c: c, err: err}
	return c, err
}

// Load returns the checker of the workspace glossary (the folder
// ws.Config.Glossary, for the workspace languages, with ws.Config.Source as
// the source language). It returns nil and no error when the folder is
// missing or has no entries: there is nothing to enforce. A glossary with
// lint problems gives a *[LintError], but for entries that only lack a
// language (Checker.Gaps): the glossary is enforced where they have forms.
func Load(ws *workspace.Workspace) (*Checker, error) { return shared.Load(ws) }

// Load is [Load] through the cache.
func (cache *Cache) Load(ws *workspace.Workspace) (*Checker, error) {
	dir := ws.Path(ws.Config.Glossary)
	key := "ws\x00" + ws.Root + "\x00" + dir + "\x00" + strings.Join(ws.Config.Languages, ",") + "\x00" + ws.Config.Source
	return cache.load(key, dir, func() (*Checker, error) {
		g, probs, _, err := ReadGlossary(ws)
		if err != nil {
			return nil, err
		}
		blocking, gaps := glossary.SplitGaps(probs)
		if len(blocking) > 0 {
			// Every problem is counted, as lint counts them; the first
			// named is one that keeps the glossary from being enforced.
			return nil, &LintError{Dir: ws.Config.Glossary, Problems: append(blocking, gaps...)}
		}
		if g == nil || len(g.Entries) == 0 {
			return nil, nil
		}
		c := New(g, ws.Config.Source)
		c.Gaps = gaps
		return c, nil
	})
}

// LoadDir returns the checker of a glossary folder outside any workspace
// (align-files --glossary). Every language of the files is accepted and
// none is required, since the caller aligns only two of them; source is the
// source language. Unlike [Load], a missing or empty folder is an error:
// the caller named it.
func LoadDir(dir, source string) (*Checker, error) { return shared.LoadDir(dir, source) }

// LoadDir is [LoadDir] through the cache.
func (cache *Cache) LoadDir(dir, source string) (*Checker, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return cache.load("dir\x00"+abs+"\x00"+source, abs, func() (*Checker, error) {
		st, err := os.Stat(abs)
		if err == nil && !st.IsDir() {
			err = errors.New("not a folder")
		}
		if err != nil {
			return nil, dirError(dir, unwrapPath(err))
		}
		g, probs, err := glossary.Load(abs, nil)
		if err != nil {
			return nil, dirError(dir, err)
		}
		// No language is required, so there are no gaps; a warning
		// (glossary.Problem.Warning) leaves the glossary enforced.
		if probs, _ = glossary.SplitGaps(probs); len(probs) > 0 {
			for i := range probs {
				if r, err := filepath.Rel(abs, probs[i].File); err == nil {
					probs[i].File = filepath.Join(dir, r)
				}
			}
			return nil, &LintError{Dir: dir, Problems: probs}
		}
		if len(g.Entries) == 0 {
			return nil, dirError(dir, nil)
		}
		return New(g, source), nil
	})
}

// unwrapPath drops the operation and path of an *fs.PathError, which the
// message repeats already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// FindTerms returns the ids of the glossary entries found in text. It
// satisfies align.TermFinder, so the aligner can use names as anchors.
func (c *Checker) FindTerms(lang, text string) []string {
	return c.Matcher.FindTerms(lang, text)
}

// Text checks one text on its own: forbidden forms and words that mix
// Latin and Cyrillic letters. With no other language to compare with,
// nothing can be missing.
func (c *Checker) Text(lang, text string) []glossary.Finding {
	return c.Matcher.CheckGroup(lang, map[string]string{lang: text})
}

// Alignment checks the groups of an alignment, numbered from 1 (nil means
// every group; numbers out of range are ignored). Doc and Group of each
// finding are filled in; offsets are into the group's text in each
// language, its sentences joined by spaces ([document.Group.Text]).
func (c *Checker) Alignment(docID string, a *document.Alignment, groups []int) []glossary.Finding {
	var out []glossary.Finding
	check := func(n int) {
		if n < 1 || n > len(a.Groups) {
			return
		}
		g := a.Groups[n-1]
		texts := make(map[string]string, len(a.Languages))
		for _, l := range a.Languages {
			texts[l] = g.Text(l)
		}
		for _, f := range c.Matcher.CheckGroup(c.Source, texts) {
			f.Doc, f.Group = docID, n
			out = append(out, f)
		}
	}
	if groups == nil {
		for n := 1; n <= len(a.Groups); n++ {
			check(n)
		}
		return out
	}
	for _, n := range groups {
		check(n)
	}
	return out
}

// Document checks a workspace document with the workspace glossary: by
// aligned group when a is a current alignment of its texts, otherwise by
// paragraph or whole text (see the package documentation), in which case
// the findings' Group is 0 ([Report.Plain]). It returns no findings and no
// error when the workspace has no glossary.
func Document(ws *workspace.Workspace, d *document.Document, a *document.Alignment) ([]glossary.Finding, error) {
	c, err := Load(ws)
	if err != nil || c == nil {
		return nil, err
	}
	r, err := c.Document(d, a)
	if err != nil {
		return nil, err
	}
	return r.Plain(), nil
}
