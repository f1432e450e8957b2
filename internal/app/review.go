package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/qa"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Marker returns the glossary marker of a workspace's review edits, or nil
// (and no error) when the workspace has no glossary. An error is a
// glossary that does not load: the edits still work without it, so a
// caller reports it as a warning and goes on with a nil marker.
func (a *App) Marker(ws *workspace.Workspace) (review.Marker, error) {
	c, err := a.Glossary(ws)
	if err != nil || c == nil {
		return nil, err
	}
	return checkMarker{c}, nil
}

// checkMarker marks glossary terms and findings with the workspace's
// glossary checker: terms are the accepted forms the matcher finds in each
// language of a group, findings what the group check reports.
type checkMarker struct{ c *check.Checker }

// Marks implements review.Marker.
func (m checkMarker) Marks(doc string, a *document.Alignment, groups []int) ([]review.Mark, error) {
	if groups == nil {
		groups = make([]int, len(a.Groups))
		for i := range groups {
			groups[i] = i + 1
		}
	}
	var out []review.Mark
	for _, n := range groups {
		if n < 1 || n > len(a.Groups) {
			continue
		}
		g := a.Groups[n-1]
		for _, l := range a.Languages {
			for _, t := range m.c.Matcher.Find(l, g.Text(l)) {
				if t.Forbidden || t.Homoglyph {
					continue // the group check reports these as findings
				}
				out = append(out, review.Mark{Group: n, Lang: l, Kind: review.Term, Start: t.Start, End: t.End, Text: t.Text, Entry: t.EntryID})
			}
		}
	}
	for _, f := range m.c.Alignment(doc, a, groups) {
		out = append(out, findingMark(a, f))
	}
	return out, nil
}

// findingMark turns a glossary finding into a mark on its group's text. A
// missing term has no place in the language that lacks it (its offsets are
// in the source text), so it is listed under the group instead.
func findingMark(a *document.Alignment, f glossary.Finding) review.Mark {
	m := review.Mark{Group: f.Group, Lang: f.Lang, Kind: review.MarkKind(f.Kind), Start: -1, End: -1,
		Text: f.Text, Entry: f.EntryID, Expected: f.Expected, Message: f.MessageID(), Data: f.TemplateData()}
	if f.Kind != glossary.FindingMissing && f.Group >= 1 && f.Group <= len(a.Groups) {
		m.Start, m.End = review.PlaceFinding(a.Groups[f.Group-1].Text(f.Lang), f.Segment, f.Text, f.Start, f.End)
	}
	return m
}

// ErrAlignmentChanged is returned by [App.Edit] when the alignment on disk
// is no longer the one the caller expected (Expect): someone else edited
// it, and the edit is not made blind.
var ErrAlignmentChanged = errors.New("the alignment changed on disk")

// EditRequest is one review edit: the op Build makes from the document's
// alignment as it is when the edit runs.
type EditRequest struct {
	// Build makes the op; it may refuse the alignment with an error.
	Build func(a *document.Alignment) (review.Op, error)
	// Marker re-checks the touched groups; nil for none.
	Marker review.Marker
	// Expect, when not nil, is the alignment file the caller last read:
	// when the file on disk differs the edit returns ErrAlignmentChanged.
	Expect []byte
	// Version, when not empty, is the [Version] of the document the
	// caller showed: when the files on disk are another version the edit
	// returns ErrAlignmentChanged.
	Version string
	// Snapshot, when not nil, is the document as the caller knows the
	// files hold it now (tilmash serve keeps the snapshots it read and
	// checks them against the files' sizes, times and identities): the
	// edit starts from it instead of reading and parsing the files again.
	// An edit that finds an interrupted edit to recover reads them anyway.
	Snapshot *review.Snapshot
	// Workbench says the edit is tilmash serve's: the findings it
	// resolved and made are those of the workbench's checks (see
	// [WorkbenchChecks]), spelling included, rather than the quick
	// checks review reports.
	Workbench bool
}

// Version names the state of a document as a snapshot reads it: a hash of
// its alignment file and of every stored text. Any edit, undo, import or
// align gives another version, so a change made on a page that showed one
// version is never applied to another (tilmash serve).
func Version(s *review.Snapshot) string {
	h := sha256.New()
	h.Write([]byte(document.AlignmentName))
	h.Write([]byte{0})
	h.Write(s.Raw)
	for _, l := range slices.Sorted(maps.Keys(s.Texts)) {
		h.Write([]byte{0})
		h.Write([]byte(l))
		h.Write([]byte{0})
		h.Write([]byte(s.Texts[l]))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// EditResult is what an applied edit did.
type EditResult struct {
	*review.Result
	// Resolved and Added are the findings the edit resolved and made, when
	// it changed sentences: those of the quick checks (see [QuickChecks]),
	// numbers as well as the glossary's, or the glossary marker's alone
	// when the checks cannot run.
	Resolved, Added []review.Mark
	// Findings counts the findings of the touched groups after the edit,
	// and Kinds counts them by kind.
	Findings int
	Kinds    map[string]int
	// Still are the confirmed groups that still have findings, when the
	// edit confirmed groups; StillCount counts those findings and
	// StillKinds counts them by kind (numbers, missing …). They are the
	// findings of the quick checks (see [QuickChecks]), the glossary's
	// among them, or the glossary marker's alone when the checks cannot
	// run.
	Still      []int
	StillCount int
	StillKinds map[string]int
	// StillErrors counts those of severity error, which hold back export
	// and publish; the others are warnings.
	StillErrors int
	// Joined are the corrected sentences whose new text the workspace's
	// segmenter cuts into several sentences: a correction stores one
	// sentence, so the text is paired and exported whole (see
	// [App.joinedSentences]).
	Joined []JoinedSentence
}

// JoinedSentence is a sentence a correction left reading as Count
// sentences: sentence Sentence (1-based) of Lang in group Group.
type JoinedSentence struct {
	Group, Sentence int
	Lang            string
	Count           int
}

// Edit is the one path every review edit takes (group commands and the
// interactive review): read the alignment as it is now, build the op
// against it, apply it (verify, journal, write) and re-check the touched
// groups. The caller holds the workspace lock.
func (a *App) Edit(d *document.Document, req EditRequest) (*EditResult, error) {
	snap := req.Snapshot
	if snap == nil || snap.Interrupted != nil || snap.Doc == nil || snap.Doc.ID != d.ID {
		var err error
		if snap, err = review.Load(d); err != nil {
			return nil, err
		}
	}
	if req.Expect != nil && !bytes.Equal(snap.Raw, req.Expect) {
		return nil, ErrAlignmentChanged
	}
	if req.Version != "" && Version(snap) != req.Version {
		return nil, ErrAlignmentChanged
	}
	op, err := req.Build(snap.Alignment)
	if err != nil {
		return nil, err
	}
	res, err := review.Apply(d, op, review.Options{Marker: req.Marker, Snapshot: snap, Now: a.now()})
	if err != nil {
		return nil, err
	}
	out := &EditResult{Result: res}
	if res.Step == 0 {
		return out, nil
	}
	c := res.Change
	if !c.Sentences {
		// A status or a note changes no sentence: the findings are what
		// they were. Only a confirmation of groups that still have
		// findings is worth telling.
		if c.Message == "review.done.confirm" {
			a.stillFindings(d, res, out, req.Workbench)
		}
		return out, nil
	}
	before, after := review.Findings(res.Before), review.Findings(res.After)
	if res.Recovered == nil { // else snap is not what the edit started from
		if b, ok := a.groupFindings(d.WS, d.ID, snap.Alignment, c.Old, req.Workbench); ok {
			before = b
			after, _ = a.groupFindings(d.WS, d.ID, res.Alignment, c.New, req.Workbench)
		}
	}
	out.Resolved, out.Added = review.DiffFindings(before, after)
	out.Findings, out.Kinds = len(after), kinds(after)
	out.Joined = a.joinedSentences(d.WS, op, res.Alignment)
	return out, nil
}

// joinedSentences lists the sentences op corrected (group edit, review's
// e key) whose new text reads as several sentences to the workspace's
// segmenter, as import would cut it. The correction stays one sentence:
// cutting it here would change the group's sentences behind a typo fix,
// which keeps the group's status; the caller warns instead.
func (a *App) joinedSentences(ws *workspace.Workspace, op review.Op, al *document.Alignment) []JoinedSentence {
	var edits []review.EditText
	switch e := op.(type) {
	case review.EditText:
		edits = []review.EditText{e}
	case review.EditTexts:
		edits = e
	}
	if a.Segmenter == nil || al == nil {
		return nil
	}
	var out []JoinedSentence
	for _, e := range edits {
		if e.Group < 1 || e.Group > len(al.Groups) {
			continue
		}
		sents := al.Groups[e.Group-1].Sents[e.Lang]
		if e.Sentence < 1 || e.Sentence > len(sents) {
			continue
		}
		seg, err := a.Segmenter(ws, e.Lang)
		if err != nil {
			continue
		}
		if n := len(lookupSentences(seg, review.OneLine(sents[e.Sentence-1].Text))); n > 1 {
			out = append(out, JoinedSentence{Group: e.Group, Sentence: e.Sentence, Lang: e.Lang, Count: n})
		}
	}
	return out
}

// groupFindings runs the quick checks (see [QuickChecks]), or with
// workbench the workbench's (see [WorkbenchChecks]), on groups of a
// (1-based) as a check of the whole document would check them, from the
// groups' own texts: an edit is told of what it changed without checking
// the rest. The findings come as marks with no place in the text. ok is
// false when no check runs, or the glossary (or a word list) does not
// load (the review marker warns of that).
func (a *App) groupFindings(ws *workspace.Workspace, id string, al *document.Alignment, groups []int, workbench bool) ([]review.Mark, bool) {
	load := a.Glossary
	if a.CheckGlossary != nil {
		load = a.CheckGlossary
	}
	c, err := load(ws)
	if err != nil {
		return nil, false
	}
	cfg, langs := QuickChecks(ws), ws.Config.Languages
	if workbench {
		if cfg, err = a.workbenchConfig(ws); err != nil {
			return nil, false
		}
		langs = slices.DeleteFunc(slices.Clone(al.Languages), func(l string) bool { return l == ws.Config.Source })
	}
	suite := check.NewSuite(c, ws.Config.Source, langs, cfg)
	defer suite.Close()
	if suite.Empty() {
		return nil, false
	}
	units := make([]check.Unit, 0, len(groups))
	for _, n := range groups {
		if n < 1 || n > len(al.Groups) {
			continue
		}
		g := al.Groups[n-1]
		u := check.Unit{Number: n, Texts: make(map[string]string, len(al.Languages)), Confirmed: g.Status == document.Confirmed}
		for _, l := range al.Languages {
			u.Texts[l] = g.Text(l)
		}
		units = append(units, u)
	}
	var out []review.Mark
	for _, f := range suite.Units(0, id, ws.Config.Source, check.ScopeGroup, units) {
		out = append(out, review.Mark{Group: f.Group, Lang: f.Lang, Kind: review.MarkKind(f.Kind), Start: -1, End: -1,
			Text: f.Text, Entry: f.EntryID, Expected: f.Expected, Message: f.MessageID(), Data: f.TemplateData(), Error: f.Blocks()})
	}
	return out, true
}

// CheckMarks is the findings of the quick checks in groups of al (see
// groupFindings) but the glossary's, which the review marker gives with
// their place in the text: numbers, links, untranslated text, typography,
// endings. show lists them under their groups, as it lists a missing
// term; nil when no check runs.
func (a *App) CheckMarks(ws *workspace.Workspace, id string, al *document.Alignment, groups []int) []review.Mark {
	ms, ok := a.groupFindings(ws, id, al, groups, false)
	if !ok {
		return nil
	}
	var out []review.Mark
	for _, m := range ms {
		switch string(m.Kind) {
		case glossary.FindingMissing, glossary.FindingForbidden, glossary.FindingHomoglyph, glossary.FindingHidden:
		default:
			out = append(out, m)
		}
	}
	return out
}

// WithCheckMarks adds extra, the marks of [App.CheckMarks], to marks, the
// review marker's, as check reports them: a name an endings finding says
// is written with a wrong ending (Өскеменға) is there, so the marker's
// missing finding of its entry in that group and language goes, and so
// does its finding of the name typed with Russian letters (Алматыга).
func WithCheckMarks(marks, extra []review.Mark) []review.Mark {
	out := slices.Clip(marks)
	for _, e := range extra {
		if e.Kind != review.MarkKind(qa.Endings) {
			continue
		}
		out = slices.DeleteFunc(out, func(m review.Mark) bool {
			return m.Group == e.Group && m.Lang == e.Lang && m.Entry == e.Entry &&
				(m.Kind == review.MarkKind(glossary.FindingMissing) || m.Message == "glossary.check.keyboard")
		})
	}
	return append(out, extra...)
}

// kinds counts findings by kind.
func kinds(findings []review.Mark) map[string]int {
	out := map[string]int{}
	for _, m := range findings {
		out[string(m.Kind)]++
	}
	return out
}

// stillFindings fills out's Still, StillCount and StillKinds with the
// findings of the groups a confirmation touched: every quick check's
// (numbers, untranslated … as well as the glossary's: a group whose
// numbers disagree is no cleaner for having no glossary finding), or,
// when the checks cannot run, the glossary marks the edit made.
func (a *App) stillFindings(d *document.Document, res *review.Result, out *EditResult, workbench bool) {
	findings, ok := a.groupFindings(d.WS, d.ID, res.Alignment, res.Change.New, workbench)
	if !ok {
		findings = review.Findings(res.After)
	}
	for _, m := range findings {
		if m.Error || !ok { // the glossary marker's findings are the terms check's errors
			out.StillErrors++
		}
		if !slices.Contains(out.Still, m.Group) {
			out.Still = append(out.Still, m.Group)
		}
	}
	slices.Sort(out.Still)
	out.StillCount, out.StillKinds = len(findings), kinds(findings)
}

// KindSummary names counts of findings by kind as check's summary does
// ("missing: 1, numbers: 2"), in check's order, t localizing.
func KindSummary(t func(id string, data map[string]any) string, kinds map[string]int) string {
	var parts []string
	for _, k := range check.KindOrder {
		if kinds[k] > 0 {
			parts = append(parts, t("check.kind-count", map[string]any{"Kind": t("check.kind."+k, nil), "Count": kinds[k]}))
		}
	}
	return strings.Join(parts, ", ")
}

// UndoResult is what an undo took back.
type UndoResult struct {
	// Undone are the steps taken back, newest first.
	Undone []*journal.Entry
	// Recovered is an interrupted edit rolled back first; nil for none.
	Recovered *journal.Entry
}

// Undo takes back the last steps edits of d (force: even over changes made
// outside tilmash). When the only thing to take back was an interrupted
// edit, recovering it is the undo, and no error. The caller holds the
// workspace lock.
func (a *App) Undo(d *document.Document, steps int, force bool) (UndoResult, error) {
	if !force {
		if err := removesRedo(d, steps); err != nil {
			return UndoResult{}, err
		}
	}
	undone, rec, err := review.Undo(d, steps, force)
	if recoveredOnly[*journal.UndoError](err, rec, len(undone)) {
		err = nil
	}
	return UndoResult{Undone: undone, Recovered: rec}, err
}

// removesRedo refuses an undo of the last steps of d that takes back
// its first import, the step that made the document's folder, when
// other steps would go with it: those the undo takes back before it, and
// those an earlier undo took back. The folder goes with that undo, and
// with it everything redo could have put back, so one undo too many
// would cost the day's work. Forced, the undo goes ahead. An error
// reading the journal is left to the undo, which reports it.
func removesRedo(d *document.Document, steps int) error {
	hist, err := review.History(d)
	if err != nil || len(hist) == 0 || steps != len(hist) || !makesDocument(hist[0]) {
		return nil
	}
	redo, err := review.RedoCount(d)
	if err != nil {
		return nil
	}
	lost := redo + steps - 1
	if lost == 0 {
		return nil
	}
	return locale.NewError("review.undo-removes-doc", map[string]any{"ID": d.ID, "Step": hist[0].Step, "Count": lost}).
		WithHint("review.undo-removes-doc.hint")
}

// makesDocument says whether step e created the document: its meta.yaml.
func makesDocument(e *journal.Entry) bool {
	for _, f := range e.Files {
		if f.Name == "meta.yaml" && f.Created {
			return true
		}
	}
	return false
}

// recoveredOnly says whether err, an E saying there was nothing to take
// back (or put back), came after the only thing done was rolling back
// rec, an interrupted edit: that recovery is then the result, and no error.
func recoveredOnly[E error](err error, rec *journal.Entry, done int) bool {
	var nothing E
	return err != nil && rec != nil && done == 0 && errors.As(err, &nothing)
}

// Redo puts back the last steps edits of d that undo took back. When the
// only thing to do was rolling back an interrupted edit, that is the
// result, and no error. The caller holds the workspace lock.
func (a *App) Redo(d *document.Document, steps int) (UndoResult, error) {
	redone, rec, err := review.Redo(d, steps, a.now())
	if recoveredOnly[*journal.RedoError](err, rec, len(redone)) {
		err = nil
	}
	return UndoResult{Undone: redone, Recovered: rec}, err
}

// RedoVersion is [App.Redo] of one step for the redo key of review, refused
// with ErrAlignmentChanged when the document is no longer the version the
// caller showed. Like [App.UndoVersion], it puts back only a change of the
// groups: an align or import that was undone is left to tilmash redo.
// The caller holds the workspace lock.
func (a *App) RedoVersion(d *document.Document, version string) (UndoResult, error) {
	snap, err := loadVersion(d, version)
	if err != nil {
		return UndoResult{}, err
	}
	if snap.Interrupted == nil {
		next, err := review.Redoable(d)
		if err != nil {
			return UndoResult{}, err
		}
		if len(next) > 0 && !review.IsEdit(next[0]) {
			return UndoResult{}, locale.NewError("review.redo-not-edit", map[string]any{"ID": d.ID, "Step": next[0].Step}).
				WithHint("review.redo-not-edit.hint")
		}
	}
	return a.Redo(d, 1)
}

// loadVersion loads d's review snapshot, refused with ErrAlignmentChanged
// when it is no longer the version the caller showed.
func loadVersion(d *document.Document, version string) (*review.Snapshot, error) {
	snap, err := review.Load(d)
	if err != nil {
		return nil, err
	}
	if Version(snap) != version {
		return nil, ErrAlignmentChanged
	}
	return snap, nil
}

// UndoVersion is [App.Undo] of the last step, refused with
// ErrAlignmentChanged when the document is no longer the version the
// caller showed: a person undoes the step they saw, never one another
// person made since. It takes back only a change of the groups (the undo
// key of review and of tilmash serve): a step of align, import or
// publish, which made the alignment being reviewed, is refused with a
// message that names tilmash undo, instead of leaving the person with
// the groups gone. An interrupted step is rolled back, whatever it was.
// The caller holds the workspace lock.
func (a *App) UndoVersion(d *document.Document, version string) (UndoResult, error) {
	snap, err := loadVersion(d, version)
	if err != nil {
		return UndoResult{}, err
	}
	if snap.Interrupted == nil {
		e, err := d.Journal().Newest()
		if err != nil {
			return UndoResult{}, err
		}
		if e != nil && !review.IsEdit(e) {
			return UndoResult{}, locale.NewError("review.undo-not-edit", map[string]any{"ID": d.ID, "Step": e.Step}).
				WithHint("review.undo-not-edit.hint")
		}
	}
	return a.Undo(d, 1, false)
}
