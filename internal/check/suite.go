package check

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/glossary/morph"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Terms is the name of the glossary check among the checks of a [Suite];
// the others are the [qa.Kind]s.
const Terms = "terms"

// Names lists every check tilmash check runs, in the order documented:
// the glossary first, then the editors' checks of package qa.
// (TestNamesAreTheChecks holds it to qa.Kinds.)
var Names = []string{Terms, string(qa.Numbers), string(qa.Links), string(qa.Untranslated), string(qa.Consistency),
	string(qa.Typography), string(qa.Endings), string(qa.Spelling)}

// Severity of a finding: [qa.Error] findings block export and publish and
// make check exit 1, [qa.Warning] findings are reported.
type Severity = qa.Severity

// Config chooses the checks of a [Suite] and their severities.
type Config struct {
	// Checks lists the checks to run by name ([Names]); nil runs them all.
	Checks []string
	// Severity overrides a check's own severity.
	Severity map[string]Severity
	// Typography configures the typography check.
	Typography qa.TypographyOptions
	// Words are, by language, the words the spelling check accepts
	// besides the dictionary's and the glossary's: the glossary folder's
	// word lists ([WordsFile]).
	Words map[string][]string
	// SpellCache is the folder the spelling check keeps its quick
	// dictionaries in (qa.NewSpellerCached): the workspace's local
	// folder, git-ignored; "" makes a temporary one each check.
	SpellCache string
	// DicPath is the invocation's $DICPATH: the folders the spelling
	// check looks for hunspell's dictionaries in before the installed
	// ones ("": the installed ones only).
	DicPath string
	// Spellers, when not nil, gives the spelling check its hunspell
	// processes and takes them back at Close, for the next check of the
	// same dictionary and words (see qa.Spellers); nil starts them for
	// the suite and ends them at Close.
	Spellers *qa.Spellers
}

// UnknownCheck is a name in a --checks list that is not a check.
type UnknownCheck struct{ Name string }

func (e *UnknownCheck) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads: the valid names, and the
// one meant when the name is near one (term, nubmers) or names what
// the terms check finds (glossary, missing, forbidden …).
func (e *UnknownCheck) Unwrap() error {
	data := map[string]any{"Name": e.Name, "Names": strings.Join(Names, ", ")}
	hint := "check.bad-check.hint"
	if m := meantCheck(e.Name); m != "" {
		data["Meant"], hint = m, "check.bad-check.meant-hint"
	}
	return locale.NewError("check.bad-check", data).WithHint(hint).OfKind(locale.Usage)
}

// meantCheck is the check name a mistyped one stands for: the terms
// check for the glossary and the kinds of finding it reports, else the
// one name within two edits (a missing s, two letters swapped); "" when
// none or several are.
func meantCheck(name string) string {
	if slices.Contains(termsAliases, name) {
		return Terms
	}
	meant := ""
	near := func(word, check string) bool {
		if document.EditDistance(name, word) > 2 || meant == check {
			return true
		}
		if meant != "" {
			return false
		}
		meant = check
		return true
	}
	for _, n := range Names {
		if !near(n, n) {
			return ""
		}
	}
	// The aliases mistyped too (glosary, forbiden), but not the short
	// ones, which more words are near.
	for _, a := range termsAliases {
		if len(a) >= 6 && !near(a, Terms) {
			return ""
		}
	}
	return meant
}

// termsAliases are the names a person may give the terms check: the
// glossary, and the kinds of finding it reports.
var termsAliases = []string{"glossary", "term", "missing", "forbidden", "homoglyph", "look-alike", "hidden", "hidden-character"}

// ParseChecks reads a list of check names (--checks) separated by commas
// or spaces, in any case; an empty list means every check. An empty item
// (a comma at the end, two in a row) is no name: "numbers," is numbers.
func ParseChecks(list string) ([]string, error) {
	var out []string
	for _, n := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		n = strings.ToLower(n)
		if !slices.Contains(Names, n) {
			return nil, &UnknownCheck{Name: n}
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// ConfigFor returns the configuration of a workspace's checks: the checks
// its tilmash.yaml leaves on (among selected, when selected is not nil),
// with the severities and quotation marks it sets.
func ConfigFor(ws *workspace.Workspace, selected []string) Config {
	cfg := Config{Checks: []string{}, Severity: map[string]Severity{}}
	if cache := ws.Path(filepath.Join(workspace.LocalFolder, "hunspell")); workspace.Inside(ws.Root, cache) {
		cfg.SpellCache = cache
	}
	for _, n := range Names {
		if (selected == nil || slices.Contains(selected, n)) && ws.Config.Checks.On(n) {
			cfg.Checks = append(cfg.Checks, n)
		}
		s := ws.Config.Checks.Setting(n)
		if s == nil {
			continue
		}
		if s.Severity != "" {
			cfg.Severity[n] = Severity(s.Severity)
		}
		for lang, q := range s.Quotes {
			r := []rune(q)
			quotes := qa.Quotes{Open: string(r[0]), Close: string(r[1])}
			if len(r) == 4 {
				quotes.InnerOpen, quotes.InnerClose = string(r[2]), string(r[3])
			} else {
				d := qa.DefaultQuotes(lang)
				quotes.InnerOpen, quotes.InnerClose = d.InnerOpen, d.InnerClose
			}
			if cfg.Typography.Quotes == nil {
				cfg.Typography.Quotes = map[string]qa.Quotes{}
			}
			cfg.Typography.Quotes[lang] = quotes
		}
	}
	return cfg
}

// Suite runs the chosen checks over units: the glossary ([Checker]) and
// the editors' checks of package qa. Consistency is collected across
// every unit the suite checks and reported by [Suite.Consistency]. A
// Suite is for one run: it is not safe for concurrent use, and Close ends
// the spelling processes it started.
type Suite struct {
	// Terms is the glossary checker; nil when the workspace has no
	// glossary. Its findings are reported only when the terms check is on.
	Terms  *Checker
	Source string
	// Notes are said once: checks that could not run (spelling without
	// hunspell).
	Notes []qa.Note

	on       map[string]bool
	terms    bool // Terms is set and on
	severity map[string]Severity
	qa       *qa.Checker
	spellers map[string]*qa.Speller
	cons     *qa.ConsistencyIndex
	// places holds a place for every confirmed translation consistency
	// indexes (most are never reported): without pointers, so the
	// collector does not scan them; their documents, scopes and files are
	// in heads. They are kept in blocks of placeBlock: one growing slice
	// would be copied again at every growth, and these are many.
	places  [][]place
	nplaces int
	heads   []placeHead
	source  qa.Source
	qaBuf   []qa.Finding // the findings of one text, reused
	// cfg and langs are what the suite was made with: a kept check
	// ([Checked]) is reused by a suite made alike only.
	cfg   Config
	langs []string
	// keep, while a TSV file is streamed, gives a text of the row being
	// checked a copy that outlives the row (see [sheet.Reader.Keep]); nil
	// otherwise, when texts are strings of their own.
	keep func(string) string
}

// place is a [Place] as the suite keeps it: head indexes Suite.heads.
type place struct {
	head                int32
	group, line, column int
}

// placeHead is what the places of one input in one file share.
type placeHead struct {
	input     int
	doc, file string
	scope     Scope
}

// headOf returns the index in s.heads of h, adding it if it is new. The
// places of one input come one after another: the last head is tried
// first.
func (s *Suite) headOf(h placeHead) int32 {
	for i := len(s.heads) - 1; i >= 0 && i >= len(s.heads)-4; i-- {
		if s.heads[i] == h {
			return int32(i)
		}
	}
	s.heads = append(s.heads, h)
	return int32(len(s.heads) - 1)
}

// placeBlock is how many places a block of Suite.places holds.
const placeBlock = 4096

// addPlace adds p to the places; its index is s.nplaces-1.
func (s *Suite) addPlace(p place) {
	if s.nplaces%placeBlock == 0 {
		s.places = append(s.places, make([]place, 0, placeBlock))
	}
	last := &s.places[len(s.places)-1]
	*last = append(*last, p)
	s.nplaces++
}

// place returns the place p stands for.
func (s *Suite) place(p place) Place {
	h := s.heads[p.head]
	return Place{Input: h.input, Doc: h.doc, Scope: h.scope, Group: p.group, Position: Position{File: h.file, Line: p.line, Column: p.column}}
}

// Place is one of the places a consistency finding lists: a unit of a
// checked input, and where its text of the finding's language starts.
type Place struct {
	Input int    // index of the input among those the suite checked
	Doc   string // the document id or file name
	Scope Scope
	Group int
	Position
	// Variant is the number, from 1, of the finding's variant (the text
	// the other language has) found here; 0 when not known.
	Variant int
}

// NewSuite returns a suite over terms (nil without a glossary) for the
// languages langs, with source as the source language.
func NewSuite(terms *Checker, source string, langs []string, cfg Config) *Suite {
	s := &Suite{Terms: terms, Source: source, on: map[string]bool{}, severity: map[string]Severity{}, cfg: cfg, langs: langs}
	checks := cfg.Checks
	if checks == nil {
		checks = Names
	}
	var kinds []qa.Kind
	for _, n := range checks {
		s.on[n] = true
		if n != Terms {
			kinds = append(kinds, qa.Kind(n))
		}
	}
	sev := map[qa.Kind]qa.Severity{}
	for n, v := range cfg.Severity {
		s.severity[n] = v
		if n != Terms {
			sev[qa.Kind(n)] = v
		}
	}
	var g *glossary.Glossary
	if terms != nil {
		g = terms.Glossary
	}
	s.terms = terms != nil && s.on[Terms]
	if s.on[string(qa.Spelling)] {
		s.startSpellers(langs)
	}
	if s.on[string(qa.Consistency)] {
		s.cons = &qa.ConsistencyIndex{}
	}
	if len(kinds) > 0 {
		var endings *qa.EndingsIndex
		if terms != nil && s.on[string(qa.Endings)] {
			endings = terms.Endings()
		}
		s.qa = qa.NewChecker(qa.Options{Checks: kinds, Severity: sev, Typography: cfg.Typography, Glossary: g, Endings: endings, Spellers: s.spellers})
	}
	return s
}

// startSpellers starts hunspell for each language at once (loading a
// dictionary takes a while), and notes the languages it cannot check.
func (s *Suite) startSpellers(langs []string) {
	s.spellers = map[string]*qa.Speller{}
	spellers := make([]*qa.Speller, len(langs))
	notes := make([]*qa.Note, len(langs))
	var wg sync.WaitGroup
	for i, l := range langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			known := s.Terms.KnownWords(l)
			known = append(known[:len(known):len(known)], s.cfg.Words[l]...)
			spellers[i], notes[i] = s.cfg.Spellers.Get(l, known, s.cfg.SpellCache, s.cfg.DicPath)
		}()
	}
	wg.Wait()
	noted := map[string]bool{}
	for i, l := range langs {
		if n := notes[i]; n != nil {
			// Without hunspell, one note says so for every language.
			if !noted[n.Message] || n.Message != "qa.spelling.no-hunspell" {
				s.Notes = append(s.Notes, *n)
			}
			noted[n.Message] = true
			continue
		}
		s.spellers[l] = spellers[i]
	}
}

// Close ends the spelling processes, or gives them back to
// Config.Spellers.
func (s *Suite) Close() {
	for _, sp := range s.spellers {
		s.cfg.Spellers.Put(sp)
	}
	s.spellers = nil
}

// On reports whether the suite runs the check name.
func (s *Suite) On(name string) bool { return s.on[name] }

// SeverityOf returns the severity of the check name's findings.
func (s *Suite) SeverityOf(name string) Severity {
	if v, ok := s.severity[name]; ok {
		return v
	}
	if name == Terms {
		return qa.Error
	}
	return qa.DefaultSeverity(qa.Kind(name))
}

// Empty reports whether the suite has nothing to run: no check on, or
// only the glossary check without a glossary.
func (s *Suite) Empty() bool {
	for n := range s.on {
		if n != Terms || s.Terms != nil {
			return false
		}
	}
	return true
}

// Units checks units of input number input (for consistency places), in
// src as the source language.
func (s *Suite) Units(input int, name, src string, scope Scope, units []Unit) []Finding {
	var out []Finding
	for i := range units {
		out = s.Unit(out, input, name, src, scope, &units[i])
	}
	return out
}

// Unit appends the findings of one unit to out.
func (s *Suite) Unit(out []Finding, input int, name, src string, scope Scope, u *Unit) []Finding {
	start := len(out)
	if s.terms {
		out = s.Terms.unit(out, name, src, scope, u)
		for i := start; i < len(out); i++ {
			out[i].Check, out[i].Severity = Terms, s.SeverityOf(Terms)
		}
	}
	if s.qa == nil && s.cons == nil {
		return out
	}
	srcText, ok := u.Texts[src]
	if !ok || isBlank(srcText) {
		return out
	}
	// One Source serves every unit in turn: its numbers are read once for
	// all the translations of this unit.
	s.source = qa.Source{Lang: src, Text: srcText}
	source := &s.source
	if s.qa != nil {
		for _, lang := range u.langs() {
			if lang == src {
				continue
			}
			// The qa findings are copied into out: one slice serves
			// every text.
			s.qaBuf, _ = s.qa.AppendSource(s.qaBuf[:0], source, lang, u.Texts[lang])
			for _, f := range s.qaBuf {
				if f.Kind == qa.Endings {
					out = dropMissing(out, start, lang, f.Data["ID"])
				}
				out = append(out, s.fromQA(name, src, scope, u, lang, f))
			}
			clear(s.qaBuf) // nothing of this text kept through it
		}
	}
	s.addConsistency(input, name, src, scope, u)
	return out
}

// addConsistency adds the confirmed translations of u, a unit whose
// source text is not blank, to the consistency index.
func (s *Suite) addConsistency(input int, name, src string, scope Scope, u *Unit) {
	if s.cons == nil || !u.Confirmed {
		return
	}
	srcText := u.Texts[src]
	for _, lang := range u.langs() {
		if text := u.Texts[lang]; lang != src && !isBlank(text) {
			pos := u.position(lang, 0)
			head := s.headOf(placeHead{input: input, doc: name, file: pos.File, scope: scope})
			s.addPlace(place{head: head, group: u.Number, line: pos.Line, column: pos.Column})
			s.cons.AddIndex(s.nplaces-1, src, srcText, lang, text)
		}
	}
}

// dropMissing removes from out[start:] the glossary's missing finding of
// entry id in lang: a name written with a wrong ending is there, and the
// endings finding says what is wrong with it. So for its finding of a name
// typed with Russian letters when they are the ending's only (Алматыга).
func dropMissing(out []Finding, start int, lang string, id any) []Finding {
	for i := start; i < len(out); i++ {
		if out[i].Check == Terms && (out[i].Kind == glossary.FindingMissing || out[i].Keyboard) && out[i].Lang == lang && out[i].EntryID == id {
			return append(out[:i], out[i+1:]...)
		}
	}
	return out
}

// fromQA locates a finding of package qa in a unit.
func (s *Suite) fromQA(name, src string, scope Scope, u *Unit, lang string, f qa.Finding) Finding {
	lf := Finding{Check: string(f.Kind), Severity: f.Severity, Scope: scope, qa: &f, SrcText: u.Texts[src]}
	lf.Doc, lf.Group, lf.Lang, lf.SrcLang, lf.Kind = name, u.Number, lang, src, string(f.Kind)
	lf.Expected = f.Fix
	if id, ok := f.Data["ID"].(string); ok {
		lf.EntryID = id
	}
	text := u.Texts[lang]
	switch {
	case f.Target.Valid() && f.Target.End <= len(text):
		lf.Segment, lf.Start, lf.End = text, f.Target.Start, f.Target.End
		lf.Position = u.position(lang, f.Target.Start)
	case f.Source.Valid() && f.Source.End <= len(lf.SrcText):
		// Nothing in the translation to point at: the source's span, as
		// for a missing term.
		lf.InSource = true
		lf.Segment, lf.Start, lf.End, lf.Target = lf.SrcText, f.Source.Start, f.Source.End, text
		lf.Position = u.position(src, f.Source.Start)
	default:
		lf.Segment, lf.Start, lf.End = text, 0, len(text)
		lf.Position = u.position(lang, 0)
	}
	lf.Text = lf.Segment[lf.Start:lf.End]
	return lf
}

// Consistency returns the consistency findings of every unit checked so
// far, each at its first place (Input says of which input) with every
// place in Places.
func (s *Suite) Consistency() []Finding {
	if s.cons == nil {
		return nil
	}
	var out []Finding
	for _, f := range s.cons.Findings() {
		places := make([]Place, 0, len(f.Places))
		counts, _ := f.Data["VariantPlaces"].([]int)
		variant, left := 0, 0
		for _, p := range f.Places {
			for left == 0 && variant < len(counts) {
				left = counts[variant]
				variant++
			}
			left--
			if i, err := strconv.Atoi(p); err == nil && i >= 0 && i < s.nplaces {
				pl := s.place(s.places[i/placeBlock][i%placeBlock])
				pl.Variant = variant
				places = append(places, pl)
			}
		}
		if len(places) == 0 {
			continue
		}
		if v, ok := s.severity[string(qa.Consistency)]; ok {
			f.Severity = v
		}
		first := places[0]
		lf := Finding{Check: string(qa.Consistency), Severity: f.Severity, Scope: first.Scope, qa: &f, Places: places, Input: first.Input}
		lf.Doc, lf.Group, lf.Lang, lf.SrcLang, lf.Kind = first.Doc, first.Group, f.Lang, f.SrcLang, string(qa.Consistency)
		lf.Position = first.Position
		if vs, ok := f.Data["Variants"].([]string); ok && len(vs) > 0 {
			lf.Text, lf.Segment, lf.End = vs[0], vs[0], len(vs[0])
		}
		out = append(out, lf)
	}
	return out
}

// fixForbidden gives a Kazakh forbidden form found with an ending the
// preferred form with that ending: Токаевқа → Тоқаевқа, not the bare
// nominative; and a Russian one found in a case the preferred form in
// that case: Казакстане → Казахстане.
func (c *Checker) fixForbidden(f *glossary.Finding) {
	if f.Kind != glossary.FindingForbidden || f.Lang != "kk" && f.Lang != "ru" {
		return
	}
	e := c.Glossary.Lookup(f.EntryID)
	if e == nil || e.Langs[f.Lang] == nil {
		return
	}
	form := e.Langs[f.Lang]
	for _, m := range c.Matcher.Find(f.Lang, f.Segment) {
		if m.Start != f.Start || m.End != f.End || !m.Forbidden || m.EntryID != f.EntryID {
			continue
		}
		preferred := termFor(form, m.Form)
		if f.Lang == "ru" {
			// Only a form of as many words as the one to write: the
			// Russian rules decline it word by word.
			if len(strings.Fields(m.Form)) == len(strings.Fields(preferred)) {
				if fix, ok := glossary.FixRussianForbidden(f.Text, m.Form, preferred, e.Kind, form.Inflect); ok {
					f.Expected = fix
				}
			}
			return
		}
		if fix, ok := morph.FixKazakhForbidden(f.Text, m.Form, preferred, morph.Kind(e.Kind), form.Inflect); ok {
			f.Expected = fix
		}
		return
	}
}

// termFor is the form to write for the forbidden form found: the
// preferred term, or the variant of as many words (see
// [glossary.Form.TermFor]) when the forbidden form is a misspelling of it:
// a surname alone (Тоқаев in Russian, Токаев in Kazakh) keeps the words
// the text has, in the right spelling; a forbidden given name alone
// (Қасым-Жомарт) is no spelling of the surname variant, and the whole
// term is written.
func termFor(form *glossary.Form, forbidden string) string {
	v := form.TermFor(len(strings.Fields(forbidden)))
	if v == form.Term {
		return v
	}
	if d := document.EditDistance(strings.ToLower(forbidden), strings.ToLower(v)); 3*d > utf8.RuneCountInString(v) {
		return form.Term
	}
	return v
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0':
		default:
			return false
		}
	}
	return true
}
