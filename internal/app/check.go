package app

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// CheckRun is what check found: a report per argument, each with the
// target of its missing terms (nil for TMX and TSV files).
type CheckRun struct {
	// NoGlossary says the workspace has no glossary. With only the
	// glossary check chosen, nothing was checked.
	NoGlossary bool
	// NoDocuments says no argument was given and the workspace has no
	// documents.
	NoDocuments bool
	// Checks are the checks that ran, Severity the severity of each.
	Checks   []string
	Severity map[string]check.Severity
	// Gaps are the glossary's entries with no form in one of the
	// workspace languages, by language: text in that language is not
	// checked for them (see check.Checker.Gaps).
	Gaps []check.Gap
	// Notes are checks that could not run (spelling without hunspell).
	Notes   []qa.Note
	Reports []*check.Report
	Targets []CheckTarget
	// Unlisted are the document folders left out for want of meta.yaml
	// (see document.Unlisted), when every document was checked.
	Unlisted []string
}

// CheckOptions choose what check runs.
type CheckOptions struct {
	// Checks lists the checks by name (--checks); nil runs every check
	// tilmash.yaml leaves on.
	Checks []string
	// Open, when set, opens a TSV or TMX file to be read row by row or
	// unit by unit, so that its size does not matter; otherwise such
	// files are read whole with read.
	Open func(arg string) (io.ReadCloser, error)
}

// Check checks documents (by id; all of them when args is empty) and TMX
// or TSV files (by extension, read with read) with the workspace's
// checks: the glossary and the editors' checks. A bad argument is refused
// before anything is read. Consistency findings are compared across
// every input and reported with the input of their first place.
func (a *App) Check(ws *workspace.Workspace, args []string, opt CheckOptions, read func(arg string) ([]byte, error)) (CheckRun, error) {
	for _, arg := range args {
		if InputFormat(arg) == "" && document.ValidID(arg) != nil {
			return CheckRun{}, locale.NewError("check.bad-arg", map[string]any{"Arg": arg}).WithHint("check.hint").OfKind(locale.Usage)
		}
	}
	checker, err := a.Glossary(ws)
	if err != nil {
		return CheckRun{}, err
	}
	cfg := check.ConfigFor(ws, opt.Checks)
	cfg.Spellers, cfg.DicPath = a.Spellers, a.DicPath
	if err := spellingWords(ws, &cfg); err != nil {
		return CheckRun{}, err
	}
	spell := ws.Config.Languages
	if slices.Contains(cfg.Checks, string(qa.Spelling)) {
		spell = checkSpellLangs(ws, args)
	}
	suite := check.NewSuite(checker, ws.Config.Source, spell, cfg)
	defer suite.Close()
	run := CheckRun{NoGlossary: checker == nil, Notes: suite.Notes, Severity: map[string]check.Severity{}}
	if checker != nil && suite.On(check.Terms) {
		run.Gaps = check.GapsByLang(checker.Gaps)
	}
	for _, n := range check.Names {
		if suite.On(n) && (n != check.Terms || checker != nil) {
			run.Checks = append(run.Checks, n)
			run.Severity[n] = suite.SeverityOf(n)
		}
	}
	if suite.Empty() {
		return run, nil
	}
	if len(args) == 0 {
		if args, run.Unlisted, err = document.Folders(ws); err != nil {
			return CheckRun{}, err
		}
		if len(args) == 0 {
			run.NoDocuments = true
			return run, nil
		}
	}
	for i, arg := range args {
		r, target, err := checkInput(ws, suite, i, arg, opt.Open, read)
		if err != nil {
			return CheckRun{}, err
		}
		run.Reports = append(run.Reports, r)
		run.Targets = append(run.Targets, target)
	}
	cons := make([][]check.Finding, len(run.Reports))
	for _, f := range suite.Consistency() {
		cons[f.Input] = append(cons[f.Input], f)
	}
	for i, r := range run.Reports {
		r.AddByGroup(cons[i])
	}
	return run, nil
}

// checkSpellLangs returns the languages whose dictionaries a check of
// args needs: for documents only (all of them when args is empty), the
// languages some of them has a text in but the source language (see
// [spellLangs]); with a TMX or TSV file, whose columns may be in any
// language, every workspace language. A document that does not open is
// left to the check to report: then every workspace language too, unless
// args names it, whose check then fails before it spells anything (no
// document nosuch), and none is needed.
func checkSpellLangs(ws *workspace.Workspace, args []string) []string {
	ids := args
	if len(ids) == 0 {
		var err error
		if ids, err = document.List(ws); err != nil {
			return ws.Config.Languages
		}
	}
	docs := make([]*document.Document, 0, len(ids))
	file := false
	for _, id := range ids {
		if InputFormat(id) != "" {
			file = true
			continue
		}
		d, err := document.Open(ws, id)
		if err != nil && len(args) > 0 {
			return nil
		}
		if err != nil {
			return ws.Config.Languages
		}
		docs = append(docs, d)
	}
	if file {
		return ws.Config.Languages
	}
	return spellLangs(ws.Config.Source, ws.Config.Languages, docs...)
}

// spellLangs returns the languages of langs, in order, that some of docs
// has a text in, but source: the checks compare each translation with
// the source text and spell only translations. Each dictionary hunspell
// loads costs a tenth of a second or more, so a language with nothing to
// check starts none (and has no note when its dictionary is missing).
func spellLangs(source string, langs []string, docs ...*document.Document) []string {
	out := []string{}
	for _, l := range langs {
		if l == source {
			continue
		}
		for _, d := range docs {
			if _, ok := d.Meta.Versions[l]; ok {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// InputFormat tells a file argument by its extension: "tmx", "tsv", or ""
// for a document id.
func InputFormat(arg string) string {
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".tmx":
		return "tmx"
	case ".tsv", ".tab":
		return "tsv"
	}
	return ""
}

// CheckTarget returns where, in the file of a missing finding's Lang, the
// text of the finding's unit starts: the place the missing term belongs.
// It is nil for TMX and TSV files, and reports false when the unit has no
// text in Lang (the glossary reports no missing term there).
type CheckTarget func(f check.Finding) (check.Position, bool)

// checkInput checks one argument: a TMX or TSV file, or a document.
func checkInput(ws *workspace.Workspace, c *check.Suite, input int, arg string, open func(string) (io.ReadCloser, error), read func(string) ([]byte, error)) (*check.Report, CheckTarget, error) {
	switch format := InputFormat(arg); format {
	case "tsv", "tmx":
		var r io.Reader
		if open != nil {
			f, err := open(arg)
			if err != nil {
				return nil, nil, err
			}
			defer f.Close()
			r = f
		} else {
			data, err := read(arg)
			if err != nil {
				return nil, nil, err
			}
			r = bytes.NewReader(data)
		}
		if format == "tmx" {
			rep, err := c.TMX(input, arg, r, ws.Config.Languages)
			return rep, nil, err
		}
		rep, err := c.TSV(input, arg, r, ws.Config.Languages)
		return rep, nil, err
	}
	d, err := document.Open(ws, arg)
	if err != nil {
		return nil, nil, err
	}
	a, err := d.Alignment()
	if err != nil {
		return nil, nil, err
	}
	r, err := c.Document(input, d, a)
	if err != nil {
		return nil, nil, err
	}
	texts, err := d.Texts()
	if err != nil {
		return nil, nil, err
	}
	return r, documentTarget(d, a, texts, r.Findings), nil
}

// documentTarget returns where, for each missing finding of found (those
// in the source), the unit's text in the finding's language starts in
// the document's file: the first sentence of an aligned group, a
// paragraph, or the start of a whole text. The places are found now, so
// that what the target keeps is a few positions, not the document's
// texts and alignment: check of a workspace keeps every document's target
// until its findings are printed (2,000 news documents: some 140 MB of
// live heap when they were kept whole).
func documentTarget(d *document.Document, a *document.Alignment, texts map[string]string, found []check.Finding) CheckTarget {
	type key struct {
		lang   string
		scope  check.Scope
		group  int
		target string
	}
	type place struct {
		pos check.Position
		ok  bool
	}
	at := unitStart(d, a, texts)
	places := map[key]place{}
	for _, f := range found {
		if !f.InSource {
			continue
		}
		k := key{f.Lang, f.Scope, f.Group, f.Target}
		if _, ok := places[k]; !ok {
			pos, ok := at(f)
			places[k] = place{pos, ok}
		}
	}
	return func(f check.Finding) (check.Position, bool) {
		p := places[key{f.Lang, f.Scope, f.Group, f.Target}]
		return p.pos, p.ok
	}
}

// unitStart finds where a unit's text in a language starts in the
// document's file (see documentTarget).
func unitStart(d *document.Document, a *document.Alignment, texts map[string]string) CheckTarget {
	return func(f check.Finding) (check.Position, bool) {
		text, ok := texts[f.Lang]
		if !ok {
			return check.Position{}, false
		}
		start := -1
		switch f.Scope {
		case check.ScopeGroup:
			if a != nil && f.Group >= 1 && f.Group <= len(a.Groups) {
				if s := a.Groups[f.Group-1].Sents[f.Lang]; len(s) > 0 {
					start = s[0].Start
				}
			}
		case check.ScopeParagraph:
			if f.Target != "" {
				start = strings.Index(text, f.Target)
			}
		case check.ScopeText:
			if text != "" {
				start = 0
			}
		}
		if start < 0 || start > len(text) {
			return check.Position{}, false
		}
		before := text[:start]
		line := strings.Count(before, "\n") + 1
		col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
		return check.Position{File: filepath.Join(document.Folder, d.ID, f.Lang+".txt"), Line: line, Column: col}, true
	}
}
