package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// GlossaryLint is what glossary lint found.
type GlossaryLint struct {
	// Glossary is nil when the workspace has no glossary folder.
	Glossary *glossary.Glossary
	Problems []glossary.Problem
	Files    int // the glossary's files
	Entries  int
}

// LintGlossary reads the workspace glossary with every lint problem.
// Problems are data, not an error: the caller shows them, and turns them
// into the failure with [LintFailed].
func (a *App) LintGlossary(ws *workspace.Workspace) (GlossaryLint, error) {
	g, probs, files, err := check.ReadGlossary(ws)
	if err != nil {
		return GlossaryLint{}, err
	}
	r := GlossaryLint{Glossary: g, Problems: probs, Files: files}
	if g != nil {
		r.Entries = len(g.Entries)
	}
	return r, nil
}

// LintFailed is the error of a lint that found problems; nil when it found
// none. Entries that only lack a language (glossary.Problem.Gap) and terms
// two entries share (glossary.Problem.Warning) are findings (exit 1),
// said as such: check still enforces the glossary. Any other problem
// keeps it from being enforced (exit 2).
func (r GlossaryLint) LintFailed() error {
	if len(r.Problems) == 0 {
		return nil
	}
	data := map[string]any{"Count": len(r.Problems), "Files": r.Files}
	if blocking, _ := glossary.SplitGaps(r.Problems); len(blocking) > 0 {
		return locale.NewError("check.lint.failed", data).OfKind(locale.Usage)
	}
	return locale.NewError("check.lint.findings", data).OfKind(locale.Findings)
}

// BrowseGlossary reads the glossary for list and show. They still work on
// a glossary with lint problems (that is when one needs to look at it):
// the problems are returned for a warning. A workspace without a glossary
// folder has an empty glossary.
func (a *App) BrowseGlossary(ws *workspace.Workspace) (*glossary.Glossary, []glossary.Problem, error) {
	g, probs, _, err := check.ReadGlossary(ws)
	if err != nil {
		return nil, nil, err
	}
	if g == nil {
		g = glossary.New(ws.Config.Languages)
	}
	return g, probs, nil
}

// GlossaryList is glossary list: the entries of one kind (all for ""),
// sorted by their term in Lang, and the languages of its columns, Lang
// first.
type GlossaryList struct {
	Lang     string
	Langs    []string
	Entries  []*glossary.Entry
	Problems []glossary.Problem
}

// ListGlossary lists the glossary in lang (the source language for "").
func (a *App) ListGlossary(ws *workspace.Workspace, lang string, kind glossary.Kind) (GlossaryList, error) {
	if lang == "" {
		lang = ws.Config.Source
	}
	if !ws.HasLanguage(lang) {
		return GlossaryList{}, document.WithMeant(locale.NewError("check.list.bad-lang", map[string]any{"Lang": lang, "Known": strings.Join(ws.Config.Languages, ", ")}), lang, ws.Config.Languages).OfKind(locale.Usage)
	}
	if kind != "" && !kind.Valid() {
		return GlossaryList{}, BadKind(kind)
	}
	g, probs, err := a.BrowseGlossary(ws)
	if err != nil {
		return GlossaryList{}, err
	}
	langs := []string{lang}
	for _, l := range ws.Config.Languages {
		if l != lang {
			langs = append(langs, l)
		}
	}
	return GlossaryList{Lang: lang, Langs: langs, Entries: g.Sorted(lang, kind), Problems: probs}, nil
}

// BadKind is the usage error of an entry kind the glossary does not know,
// with a hint at the kind most likely meant ([MeantKind]) and what that
// kind holds, when there is one.
func BadKind(kind glossary.Kind) error {
	e := locale.NewError("check.list.bad-kind", map[string]any{"Kind": kind, "Kinds": glossary.KindList()}).OfKind(locale.Usage)
	switch MeantKind(string(kind)) {
	case glossary.Person:
		e.WithHint("check.list.bad-kind.person")
	case glossary.Place:
		e.WithHint("check.list.bad-kind.place")
	case glossary.Organization:
		e.WithHint("check.list.bad-kind.organization")
	case glossary.Institution:
		e.WithHint("check.list.bad-kind.institution")
	case glossary.Other:
		e.WithHint("check.list.bad-kind.other")
	}
	return e
}

// MeantKind is the kind of entry s most likely means, "" when none: the
// kind s is in another letter case (Place), the kind of a common word for
// what an entry names (city: place; company: organization; ministry:
// institution; [glossary.KindNamedBy]), the kind s begins (inst), or the
// kind at most two edits from s (organisation, perosn).
func MeantKind(s string) glossary.Kind {
	w := strings.ToLower(strings.TrimSpace(s))
	if k := glossary.Kind(w); k.Valid() {
		return k
	}
	if k := glossary.KindNamedBy(w); k != "" {
		return k
	}
	if utf8.RuneCountInString(w) >= 3 {
		for _, k := range glossary.Kinds {
			if strings.HasPrefix(string(k), w) {
				return k
			}
		}
	}
	var meant glossary.Kind
	best := 3
	for _, k := range glossary.Kinds {
		if d := document.EditDistance(w, string(k)); d < best {
			meant, best = k, d
		}
	}
	return meant
}

// BadEntryID is the usage error of an entry id that is not a lower-case
// slug, with a hint at the id meant: id in lower case (Shymkent:
// shymkent), or else the slug of it (Nurlan Saparov: nurlan-saparov),
// when that is a valid id.
func BadEntryID(id string) error {
	e := locale.NewError(glossary.CodeAddInvalidID, map[string]any{"ID": id}).OfKind(locale.Usage)
	meant := strings.ToLower(strings.TrimSpace(id))
	if !glossary.ValidID(meant) {
		meant = document.Slug(id, 64)
	}
	if glossary.ValidID(meant) {
		e.Data["Meant"] = meant
		e.WithHint("check.add.bad-id.meant")
	}
	return e
}

// ShownEntry is the entry glossary show prints. Via is set when it was
// found by a form of it (a name as an editor reads it in a text, inflected
// or forbidden: Тоқаевтың) rather than by its id, and ViaLangs are the
// languages whose form it is (Алматы: ru and kk); an accepted form is
// preferred to a forbidden one (Қазақстан is forbidden in ru, the term in kk).
//
// Langs are the languages of the entry in the order show lists them (the
// workspace's, then any other the entry has), and Generated the forms the
// glossary makes of it in each by declension, as the workbench's glossary
// page lists them ([glossary.GeneratedForms]).
type ShownEntry struct {
	*glossary.Entry
	Via       *glossary.Match
	ViaLangs  []string
	Langs     []string
	Generated map[string][]string
}

// withForms is shown with its Langs and Generated forms in workspace ws.
func withForms(ws *workspace.Workspace, shown ShownEntry) ShownEntry {
	e := shown.Entry
	shown.Generated = map[string][]string{}
	for _, l := range ws.Config.Languages {
		if e.Langs[l] != nil {
			shown.Langs = append(shown.Langs, l)
		}
	}
	var other []string
	for l, f := range e.Langs {
		if f != nil && !ws.HasLanguage(l) {
			other = append(other, l)
		}
	}
	slices.Sort(other)
	shown.Langs = append(shown.Langs, other...)
	for _, l := range shown.Langs {
		if gen := glossary.GeneratedForms(e, l); len(gen) > 0 {
			shown.Generated[l] = gen
		}
	}
	return shown
}

// ShowGlossary returns the entry id of the glossary, with the glossary's
// lint problems for a warning. An id no entry has is looked up as a form:
// when the whole of it is a form (accepted, forbidden, inflected) of one
// entry in some of the workspace languages, that entry is shown.
func (a *App) ShowGlossary(ws *workspace.Workspace, id string) (ShownEntry, []glossary.Problem, error) {
	g, probs, err := a.BrowseGlossary(ws)
	if err != nil {
		return ShownEntry{}, nil, err
	}
	if e := g.Lookup(id); e != nil {
		return withForms(ws, ShownEntry{Entry: e}), probs, nil
	}
	var found []glossary.Match // whole-text matches, by language
	var ids []string
	if text := strings.TrimSpace(id); text != "" && len(probs) == 0 {
		// The workspace's compiled glossary (kept in .tilmash/ for a large
		// one), or this one compiled.
		var m *glossary.Matcher
		if a.Glossary != nil {
			if c, err := a.Glossary(ws); err == nil && c != nil {
				m = c.Matcher
			}
		}
		if m == nil {
			m = glossary.Compile(g)
		}
		for _, lang := range ws.Config.Languages {
			// The matches that cover the whole text (a form of two
			// entries is two matches of one span).
			for _, f := range m.Find(lang, text) {
				if f.Start == 0 && f.End == len(text) {
					found = append(found, f)
					if !slices.Contains(ids, f.EntryID) {
						ids = append(ids, f.EntryID)
					}
				}
			}
		}
	}
	switch len(ids) {
	case 0:
		if near := nearEntries(g, ws.Config.Languages, id); len(near) > 0 {
			return ShownEntry{}, probs, locale.NewError("check.show.not-found", map[string]any{"ID": id, "Near": strings.Join(near, ", ")}).
				WithHint("check.show.not-found.near")
		}
		return ShownEntry{}, probs, locale.NewError("check.show.not-found", map[string]any{"ID": id}).WithHint("check.show.not-found.hint")
	case 1:
	default:
		return ShownEntry{}, probs, locale.NewError("check.show.not-found", map[string]any{"ID": id, "IDs": strings.Join(ids, ", ")}).
			WithHint("check.show.not-found.several")
	}
	// The accepted forms, or the forbidden ones when it is no accepted one.
	if slices.ContainsFunc(found, func(f glossary.Match) bool { return !f.Forbidden }) {
		found = slices.DeleteFunc(found, func(f glossary.Match) bool { return f.Forbidden })
	}
	shown := ShownEntry{Entry: g.Lookup(ids[0]), Via: &found[0]}
	for _, f := range found {
		if !slices.Contains(shown.ViaLangs, f.Lang) {
			shown.ViaLangs = append(shown.ViaLangs, f.Lang)
		}
	}
	return withForms(ws, shown), probs, nil
}

// nearEntries is glossary show's "did you mean": the entries of
// [NearGlossaryEntries], one found by a form given as "id (form)".
func nearEntries(g *glossary.Glossary, langs []string, text string) []string {
	var out []string
	for _, n := range NearGlossaryEntries(g, langs, text) {
		if n.Form != "" {
			out = append(out, n.ID+" ("+n.Form+")")
		} else {
			out = append(out, n.ID)
		}
	}
	return out
}

// NearEntry is an entry close to a text that is none of its forms: Form is
// the accepted form (in full) by which it was found, "" when by its id.
type NearEntry struct {
	ID, Form string
}

// NearGlossaryEntries returns up to three entries whose id or accepted
// form (in one of langs) is close to text: a few edits away (one for up
// to five letters, two up to ten, three beyond; letter case aside), or
// beginning with it or begun by it (three letters at least), the closest
// first, then in the glossary's order. A word (4+ letters) of a form of
// several words counts too, after whole forms: the surname a text writes
// alone with an ending (Сапаровқа, Сапарова for Нұрлан Сапаров). glossary
// show offers them as "did you mean", the workbench's glossary search
// lists them when nothing matches.
func NearGlossaryEntries(g *glossary.Glossary, langs []string, text string) []NearEntry {
	query := strings.ToLower(strings.TrimSpace(text))
	n := utf8.RuneCountInString(query)
	if n < 3 {
		return nil
	}
	maxD := 1
	if n > 10 {
		maxD = 3
	} else if n > 5 {
		maxD = 2
	}
	// score is how close s is to the query: an edit distance within maxD,
	// then prefixes by how many letters they differ in; -1 when neither.
	score := func(s string) int {
		s = strings.ToLower(s)
		m := utf8.RuneCountInString(s)
		if abs(m-n) <= maxD {
			if d := document.EditDistance(query, s); d <= maxD {
				return d
			}
		}
		if m >= 3 && (strings.HasPrefix(s, query) || strings.HasPrefix(query, s)) {
			return maxD + abs(m-n)
		}
		return -1
	}
	type near struct {
		shown NearEntry
		score int
	}
	var found []near
	for _, e := range g.Entries {
		best := near{score: -1}
		if d := score(e.ID); d >= 0 {
			best = near{shown: NearEntry{ID: e.ID}, score: d}
		}
		for _, l := range langs {
			f := e.Langs[l]
			if f == nil {
				continue
			}
			for _, form := range f.Accepted() {
				if d := score(form); d >= 0 && (best.score < 0 || d < best.score) {
					best = near{shown: NearEntry{ID: e.ID, Form: form}, score: d}
				}
				// A word of a name of several, as a text writes it alone
				// (Сапаровқа, Сапарова for Нұрлан Сапаров): after the
				// whole forms.
				if words := strings.Fields(form); len(words) > 1 {
					for _, w := range words {
						if utf8.RuneCountInString(w) < 4 {
							continue
						}
						if d := score(w); d >= 0 && (best.score < 0 || d+1 < best.score) {
							best = near{shown: NearEntry{ID: e.ID, Form: form}, score: d + 1}
						}
					}
				}
			}
		}
		if best.score >= 0 {
			found = append(found, best)
		}
	}
	slices.SortStableFunc(found, func(a, b near) int { return a.score - b.score })
	var out []NearEntry
	for _, f := range found[:min(3, len(found))] {
		out = append(out, f.shown)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// AddGlossaryEntry writes entry e into the glossary file name (a plain
// *.yaml name, checked by the caller). The entry is first added to a
// scratch copy of the glossary folder with glossary.AddEntry and the copy
// linted: an entry that would bring a problem the glossary did not have (a
// form that another entry forbids, a missing language, …) is refused,
// nothing is written, and the new problems are returned with the error.
// Otherwise the very bytes that were linted replace the file, atomically,
// and the new warnings it brings (a term another entry prefers too, see
// glossary.Problem.Warning) are returned for the caller to show.
// It returns the file's path relative to the workspace root. The caller
// holds the workspace lock.
func (a *App) AddGlossaryEntry(ws *workspace.Workspace, name string, e *glossary.Entry) (string, []glossary.Problem, error) {
	before, probs, _, err := check.ReadGlossary(ws)
	if err != nil {
		return "", nil, err
	}
	relDir := ws.Config.Glossary
	rel := filepath.Join(relDir, name)
	if before != nil {
		if old := before.Lookup(e.ID); old != nil {
			pos := old.File + ":" + strconv.Itoa(old.Line) + ":" + strconv.Itoa(old.Column)
			return "", nil, locale.NewError("check.add.duplicate", map[string]any{"ID": e.ID, "Pos": pos}).WithHint("check.add.duplicate.hint")
		}
	}
	scratch, err := os.MkdirTemp("", "tilmash-glossary-add-")
	if err != nil {
		return "", nil, err
	}
	defer os.RemoveAll(scratch)
	files, _ := filepath.Glob(filepath.Join(ws.Path(relDir), "*.yaml"))
	for _, f := range files {
		data, err := workspace.ReadFileIn(ws.Path(relDir), filepath.Base(f))
		if err != nil {
			return "", nil, err
		}
		if err := os.WriteFile(filepath.Join(scratch, filepath.Base(f)), data, 0o644); err != nil {
			return "", nil, err
		}
	}
	if err := glossary.AddEntry(filepath.Join(scratch, name), e); err != nil {
		if ae := (*locale.Error)(nil); errors.As(err, &ae) && ae.Pos != nil {
			ae.Pos.File = rel
		}
		var le *yamlx.LimitError
		if errors.As(err, &le) {
			le.File = rel
		}
		return "", nil, err
	}
	_, after, err := glossary.Load(scratch, ws.Config.Languages)
	if err != nil {
		return "", nil, err
	}
	fresh := newProblems(probs, after)
	refused := slices.ContainsFunc(fresh, func(p glossary.Problem) bool { return !p.Warning() })
	for i := range fresh {
		p := &fresh[i]
		if r, err := filepath.Rel(scratch, p.File); err == nil {
			p.File = filepath.Join(relDir, r)
		}
		p.Other = strings.ReplaceAll(p.Other, scratch+string(filepath.Separator), relDir+string(filepath.Separator))
	}
	if refused {
		// Nothing is written: what lint would only warn of is no reason,
		// and is said when the entry is added.
		fresh = slices.DeleteFunc(fresh, glossary.Problem.Warning)
		// The entry may have gone before others (a list in id order):
		// their lines are named as they are on disk.
		var onDisk func(int) int
		if old, err := workspace.ReadFileIn(ws.Path(relDir), name); err == nil {
			if added, err := os.ReadFile(filepath.Join(scratch, name)); err == nil {
				onDisk = linesOnDisk(old, added)
			}
		}
		for i := range fresh {
			p := &fresh[i]
			if onDisk != nil && p.File == rel {
				p.Line = onDisk(p.Line)
			}
			if f, l, ok := strings.Cut(p.Other, rel+":"); onDisk != nil && ok && f == "" {
				if n, c, ok := strings.Cut(l, ":"); ok {
					if n, err := strconv.Atoi(n); err == nil {
						p.Other = rel + ":" + strconv.Itoa(onDisk(n)) + ":" + c
					}
				}
			}
			// A conflict with an entry in the files is named there,
			// not where the refused entry would have been.
			*p = p.AgainstNew(e.ID)
		}
		return "", fresh, locale.NewError("check.add.refused", map[string]any{"Count": len(fresh), "ID": e.ID}).
			WithHint("check.add.refused.hint").OfKind(locale.Usage)
	}
	data, err := os.ReadFile(filepath.Join(scratch, name))
	if err != nil {
		return "", nil, err
	}
	if err := ws.WriteFile(rel, data); err != nil {
		return "", nil, err
	}
	return rel, fresh, nil
}

// linesOnDisk maps a line of added, old with lines inserted in one place,
// back to old: a line after the inserted ones moves up by their number;
// the others (before them, or the inserted lines, where the entry would
// be) stay. nil when added is not old with lines inserted.
func linesOnDisk(old, added []byte) func(int) int {
	o, a := bytes.SplitAfter(old, []byte("\n")), bytes.SplitAfter(added, []byte("\n"))
	n := len(a) - len(o)
	if n <= 0 {
		return nil
	}
	k := 0
	for k < len(o) && bytes.Equal(o[k], a[k]) {
		k++
	}
	for i := k; i < len(o); i++ {
		if !bytes.Equal(o[i], a[i+n]) {
			return nil
		}
	}
	return func(line int) int {
		if line > k+n {
			return line - n
		}
		return line
	}
}

// newProblems returns the problems of after that before did not have,
// compared by what they say rather than where: adding an entry may move
// nothing else, but a problem keyed by position would not survive a
// rewrite through the node tree.
func newProblems(before, after []glossary.Problem) []glossary.Problem {
	key := func(p glossary.Problem) string {
		return strings.Join([]string{filepath.Base(p.File), p.Code, p.ID, p.Lang, p.Field, p.Form, p.Value, p.OtherID}, "\x00")
	}
	have := map[string]int{}
	for _, p := range before {
		have[key(p)]++
	}
	var out []glossary.Problem
	for _, p := range after {
		k := key(p)
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, p)
	}
	return out
}
