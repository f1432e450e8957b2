package app

import (
	"path"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/lexicon"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// AlignResult says what Align did.
type AlignResult struct {
	Doc       *document.Document
	Alignment *document.Alignment
	Rebased   []string       // languages whose text had changed under the old alignment
	Lost      []int          // groups that lost sentences to a changed text
	Kinds     map[string]int // groups by shape, such as "1-1-2"
	// Step is the journal step that saved the alignment (undo takes it
	// back), 0 when the alignment did not change.
	Step int
	// Recovered is a change a crash had interrupted, rolled back first.
	Recovered *journal.Entry
	// Unconfirmed counts the groups confirmed before a language had a text
	// that got its sentences, and are flagged again (see placeNewLanguage);
	// NewLangs are those languages.
	Unconfirmed int
	NewLangs    []string
	// Reopened are the groups (numbered as before align) confirmed
	// without a language (an omission) where its new text has sentences,
	// which are aligned again with them and flagged (see
	// reopenOmissions); ReopenedLangs are those languages.
	Reopened      []int
	ReopenedLangs []string
	// Merged are the files (relative to the workspace) of a git merge
	// that stopped on derived values and that align finished; git still
	// lists them as unmerged until they are added.
	Merged []string
}

// Align aligns a workspace document and saves the alignment as one
// journal step, so that undo takes it back. Confirmed
// groups are kept exactly; only the stretches between them are aligned
// again. A language text that changed since the last alignment (edited by
// hand, or a crash between the writes of an import) is first rebased as
// import does: when that would take sentences from confirmed groups,
// Align refuses with a document.TextChanged error unless force, and
// with force those groups are kept, flagged and marked detached. The
// caller holds the lock.
func (app *App) Align(ws *workspace.Workspace, id string) (*AlignResult, error) {
	return app.AlignWith(ws, id, AlignOptions{})
}

// AlignOptions tune AlignWith.
type AlignOptions struct {
	// Force lets a changed text take sentences from confirmed groups,
	// which are then kept flagged and detached for review.
	Force bool
	// NoLexicon aligns without what was learned: neither the lexicon and
	// length models learned from the workspace's confirmed groups
	// (ReviewLexicons) nor the lexicon the aligner learns from its own
	// first pass.
	NoLexicon bool
}

// AlignWith is Align with options.
func (app *App) AlignWith(ws *workspace.Workspace, id string, opt AlignOptions) (*AlignResult, error) {
	force := opt.Force
	c, err := document.Begin(ws, id)
	if err != nil {
		return nil, err
	}
	// A git merge that stopped only on offsets and sums (two corrections
	// of the document's texts) is finished here: align works them out
	// again from the merged texts below, in the same journal step.
	merged, err := c.FinishMerge()
	if err != nil {
		return nil, err
	}
	d, err := c.Document()
	if err != nil {
		return nil, err
	}
	pivot := ws.Config.Source
	if _, ok := d.Meta.Versions[pivot]; !ok {
		return nil, document.MissingLanguage(id, pivot)
	}
	langs := d.Languages()
	texts, err := c.Texts(d)
	if err != nil {
		return nil, err
	}
	res := &AlignResult{Doc: d, Kinds: map[string]int{}, Recovered: c.Recovered}
	for _, name := range merged {
		res.Merged = append(res.Merged, path.Join(document.Folder, id, name))
	}
	old, err := c.Alignment()
	if err != nil {
		return nil, err
	}
	if err := supported(pivot, langs); err != nil {
		return nil, err
	}
	if old != nil {
		for _, l := range langs {
			if old.Sources[l] != document.Hash(texts[l]) {
				lost, confirmed := old.Rebase(l, texts[l])
				if confirmed > 0 && !force {
					return nil, document.TextChanged(id, l, lost, confirmed)
				}
				res.Lost = append(res.Lost, lost...)
				res.Rebased = append(res.Rebased, l)
			}
		}
		if errs := old.Verify(d.WS.Rel(d.AlignmentFile()), texts); len(errs) > 0 {
			return nil, errs[0]
		}
	}
	segs := map[string]func(string) []document.Piece{}
	for _, l := range langs {
		seg, err := app.Segmenter(ws, l)
		if err != nil {
			return nil, err
		}
		segs[l] = func(text string) []document.Piece {
			var out []document.Piece
			for _, s := range seg.Segment(text) {
				out = append(out, document.Piece{Sentence: document.Sentence{Start: s.Start, End: s.End, Text: s.Text}, Para: s.Para})
			}
			return out
		}
	}
	cut := func(lang, text string, base int) []document.Piece {
		ps := segs[lang](text)
		for i := range ps {
			ps[i].Start += base
			ps[i].End += base
		}
		return ps
	}
	lx := learned{off: opt.NoLexicon, terms: app.termFinder(ws)}
	if !opt.NoLexicon {
		if lx.Reviewed, err = app.ReviewLexicons(ws, langs); err != nil {
			return nil, err
		}
	}
	for _, l := range langs {
		if l == pivot {
			continue
		}
		if n := placeNewLanguage(old, pivot, l, texts, cut, lx); n > 0 {
			res.Unconfirmed += n
			res.NewLangs = append(res.NewLangs, l)
		}
		if took := reopenOmissions(old, pivot, l, texts, cut); len(took) > 0 {
			for _, n := range took {
				if !slices.Contains(res.Reopened, n) {
					res.Reopened = append(res.Reopened, n)
				}
			}
			res.ReopenedLangs = append(res.ReopenedLangs, l)
		}
	}
	a, err := document.Realign(old, id, pivot, langs, texts, cut, func(p map[string][]document.Piece, fixed []map[string][]int) []document.Proposal {
		return group(pivot, langs, p, fixed, lx)
	})
	if err != nil {
		return nil, err
	}
	for _, g := range a.Groups {
		res.Kinds[g.Kind(langs)]++
	}
	if err := c.SetAlignment(a); err != nil {
		return nil, err
	}
	if m, changed := d.Meta.Record(texts); changed {
		if err := c.SetMeta(&m); err != nil {
			return nil, err
		}
	}
	if res.Step, err = c.Commit("review.done.align", nil, app.now()); err != nil {
		return nil, err
	}
	res.Alignment = a
	app.keepConfirmed(ws, id)
	return res, nil
}

// termFinder gives the aligner the workspace glossary's matches as
// anchors. A glossary that cannot be loaded gives none: align still works,
// and its check (AlignCheck) says why the glossary was not used.
func (app *App) termFinder(ws *workspace.Workspace) align.TermFinder {
	c, err := app.Glossary(ws)
	if err != nil || c == nil {
		return nil
	}
	return c
}

func sentences(ps []document.Piece) []align.Sentence {
	out := make([]align.Sentence, len(ps))
	for i, p := range ps {
		out[i] = align.Sentence{Text: p.Text, Para: p.Para}
	}
	return out
}

// supported says whether group can align these languages: English with
// Russian and Kazakh (through English), or any two languages. Three languages
// are aligned through English only; silently aligning the pivot with just
// one of two other languages would drop the third.
func supported(pivot string, langs []string) error {
	switch {
	case len(langs) <= 2:
		return nil
	case len(langs) == 3 && pivot == "en" && slices.Contains(langs, "ru") && slices.Contains(langs, "kk"):
		return nil
	}
	data := map[string]any{"Pivot": pivot, "Langs": strings.Join(langs, ", ")}
	var extra []string
	for _, l := range langs {
		if l != "en" && l != "ru" && l != "kk" {
			extra = append(extra, l)
		}
	}
	if len(extra) == 0 {
		// en, ru and kk with another source: the source is what to change.
		return locale.NewError("align.languages", data).WithHint("align.languages.hint")
	}
	// Another language besides: no source makes it work in this
	// workspace; a workspace of two languages does.
	data["Extra"], data["First"] = strings.Join(extra, ", "), extra[0]
	if pivot == extra[0] && len(extra) == 1 {
		data["Pivot"] = "en"
	}
	return locale.NewError("align.languages", data).WithHint("align.languages.own-workspace.hint")
}

// learned is the evidence group gives the aligner besides the text: the
// glossary, the lexicons and length models learned from review, and whether the aligner may
// learn a lexicon of its own (off turns both lexicons off).
type learned struct {
	terms align.TermFinder
	Reviewed
	off bool
}

// lexicon returns the lexicon of src and tgt (in either order), or nil.
func (lx learned) lexicon(src, tgt string) *lexicon.Lexicon {
	for _, l := range lx.Lexicons {
		if l.SrcLang == src && l.TgtLang == tgt || l.SrcLang == tgt && l.TgtLang == src {
			return l
		}
	}
	return nil
}

// group aligns one stretch, with the confirmed groups inside it that lack
// a language as fixed groups. English, Russian and Kazakh go through
// align.Three; a workspace with two languages through align.Pair.
func group(pivot string, langs []string, p map[string][]document.Piece, fixed []map[string][]int, lx learned) []document.Proposal {
	var out []document.Proposal
	terms := lx.terms
	if len(langs) == 3 && pivot == "en" && slices.Contains(langs, "ru") && slices.Contains(langs, "kk") {
		opt := align.ThreeOptions{Terms: terms, Lexicons: lx.Lexicons, Lengths: lx.Lengths, NoRealign: lx.off}
		for _, f := range fixed {
			opt.Fixed = append(opt.Fixed, align.Group{En: f["en"], Ru: f["ru"], Kk: f["kk"]})
		}
		for _, g := range align.Three(sentences(p["en"]), sentences(p["ru"]), sentences(p["kk"]), opt) {
			out = append(out, document.Proposal{Idx: map[string][]int{"en": g.En, "ru": g.Ru, "kk": g.Kk}, Score: g.Score, Flagged: g.Flagged})
		}
		return out
	}
	other := ""
	for _, l := range langs {
		if l != pivot {
			other = l
		}
	}
	if other == "" {
		// One language: a sentence a group. Every confirmed group has
		// sentences in it, so none is fixed inside a stretch.
		for i := range p[pivot] {
			out = append(out, document.Proposal{Idx: map[string][]int{pivot: {i}}, Score: 1})
		}
		return out
	}
	opt := align.Options{SrcLang: pivot, TgtLang: other, Terms: terms, Lexicon: lx.lexicon(pivot, other), Lengths: lx.Lengths, NoRealign: lx.off}
	for _, f := range fixed {
		opt.Fixed = append(opt.Fixed, align.Fixed{Src: f[pivot], Tgt: f[other]})
	}
	for _, b := range align.Pair(sentences(p[pivot]), sentences(p[other]), opt) {
		out = append(out, document.Proposal{Idx: map[string][]int{pivot: b.Src, other: b.Tgt}, Score: b.Score, Flagged: align.NeedsReview(b.Score, 0, align.Side{Lang: pivot, Sentences: len(b.Src)}, align.Side{Lang: other, Sentences: len(b.Tgt)})})
	}
	return out
}

// FlagReasons says why group g of a is flagged, by the aligner's rule:
// the languages it has no sentence in, and a low score. It is empty for a
// group that is not flagged, and for one flagged for another reason (a
// detached group, or one a person flagged).
func FlagReasons(a *document.Alignment, g *document.Group) []align.Reason {
	if g.Status != document.Flagged {
		return nil
	}
	for i, x := range a.Groups {
		if x == g {
			return FlagReasonsAt(a, i)
		}
	}
	return FlagReasonsAt(&document.Alignment{Languages: a.Languages, Groups: []*document.Group{g}}, 0)
}

// FlagNotes is what a person reads of why group g of a is flagged: the
// aligner's reasons (FlagReasons), after the note that its part of the
// document changed with a new version of a text, for a detached group (one
// that lost sentences to a re-import, or a group re-aligned in the stretch
// of one: see document.Realign), which the aligner has no reason for: show
// and the workbench drew such a group as flagged without a word of why.
func FlagNotes(a *document.Alignment, g *document.Group) []locale.Message {
	for i, x := range a.Groups {
		if x == g {
			return FlagNotesAt(a, i)
		}
	}
	return FlagNotesAt(&document.Alignment{Languages: a.Languages, Groups: []*document.Group{g}}, 0)
}

// FlagNotesAt is FlagNotes for the group at index i of a: what show, the
// workbench and align's list of flagged groups say of it.
func FlagNotesAt(a *document.Alignment, i int) []locale.Message {
	var out []locale.Message
	g := a.Groups[i]
	if g.Status == document.Flagged && g.Detached {
		// A group a new version left with no sentence at all (a paragraph
		// only that version had) says which version no longer has its
		// text, and nothing else: it has no reason of the aligner's, its
		// score and its empty sides are what it had. A group that still
		// has sentences may take the new text at align: it says its part
		// of the document changed.
		empty := true
		for _, l := range a.Languages {
			empty = empty && len(g.Sents[l]) == 0
		}
		for _, l := range a.Languages {
			if empty && len(g.Was[l]) > 0 {
				out = append(out, goneNote(l))
			}
		}
		switch {
		case len(out) > 0:
			return out
		case g.Reshaped && len(g.Was) == 0:
			// Only placeNewLanguage leaves a group both reshaped and detached (a text that
			// changed ends the Reshaped mark of the groups it detaches), and it takes nothing.
			out = append(out, locale.NewError("review.flag.late-text", nil))
		default:
			out = append(out, locale.NewError("review.flag.detached", nil))
		}
	}
	return append(out, joinReasons(FlagReasonsAt(a, i))...)
}

// goneNote says that the new version of lang no longer has the text of a
// detached group left with no sentence.
func goneNote(lang string) locale.Message {
	switch lang {
	case "en":
		return locale.NewError("review.flag.gone-en", nil)
	case "ru":
		return locale.NewError("review.flag.gone-ru", nil)
	case "kk":
		return locale.NewError("review.flag.gone-kk", nil)
	}
	return locale.NewError("review.flag.gone-lang", map[string]any{"Lang": lang})
}

// joinedReasons are the pairs of the aligner's reasons that say the same
// of two languages, and the one reason that says it of both: a Kazakh
// run without English and without Russian counterpart read "2 Kazakh
// sentences in a row have no English counterpart; 2 Kazakh sentences in
// a row have no Russian counterpart".
var joinedReasons = []struct{ first, second, both string }{
	{"align.flag.run-ru-no-en", "align.flag.run-ru-no-kk", "review.flag.run-ru-no-en-kk"},
	{"align.flag.run-kk-no-en", "align.flag.run-kk-no-ru", "review.flag.run-kk-no-en-ru"},
	{"align.flag.run-en-no-ru", "align.flag.run-en-no-kk", "review.flag.run-en-no-ru-kk"},
	{"align.flag.no-ru", "align.flag.no-kk", "review.flag.no-ru-kk"},
}

// joinReasons gives two reasons that say the same of two languages (with
// the same count) as one, in the place of the first.
func joinReasons(rs []align.Reason) []locale.Message {
	out := make([]locale.Message, 0, len(rs))
	skip := map[int]bool{}
	for k, r := range rs {
		if skip[k] {
			continue
		}
		var m locale.Message = r
		for _, j := range joinedReasons {
			if r.MessageID() != j.first {
				continue
			}
			for l := k + 1; l < len(rs); l++ {
				if rs[l].MessageID() == j.second && rs[l].TemplateData()["Count"] == r.TemplateData()["Count"] {
					m, skip[l] = locale.NewError(j.both, r.TemplateData()), true
					break
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// FlagReasonsAt is FlagReasons for the group at index i of a. A group
// without sentences in a language, among neighbours that lack it too
// and have sentences in the same languages, is one of a run: the reason
// says how many sentences in a row have no counterpart ("4 Kazakh
// sentences in a row have no English counterpart").
func FlagReasonsAt(a *document.Alignment, i int) []align.Reason {
	g := a.Groups[i]
	if g.Status != document.Flagged {
		return nil
	}
	same := func(h *document.Group) bool {
		if h.Status == document.Confirmed {
			return false
		}
		for _, l := range a.Languages {
			if (len(h.Sents[l]) > 0) != (len(g.Sents[l]) > 0) {
				return false
			}
		}
		return true
	}
	present := ""
	for _, l := range a.Languages {
		if len(g.Sents[l]) > 0 {
			present = l
			break
		}
	}
	run := 0
	if present != "" {
		lo, hi := i, i
		for lo > 0 && same(a.Groups[lo-1]) {
			lo--
		}
		for hi+1 < len(a.Groups) && same(a.Groups[hi+1]) {
			hi++
		}
		for _, h := range a.Groups[lo : hi+1] {
			run += len(h.Sents[present])
		}
	}
	sides := make([]align.Side, len(a.Languages))
	for k, l := range a.Languages {
		sides[k] = align.Side{Lang: l, Sentences: len(g.Sents[l])}
		if len(g.Sents[l]) == 0 {
			sides[k].Run = run
		}
	}
	return align.FlagReasons(g.Score, 0, sides...)
}
