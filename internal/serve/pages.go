package serve

import (
	"cmp"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/tm"
)

// ---- workspace

type wsPage struct {
	base
	Root      string
	Langs     []string
	Docs      []wsRow
	Unchecked string
}

type wsRow struct {
	ID        string
	Cells     []wsCell
	Aligned   bool
	Alignment string
	Findings  string
	HasIssues bool
}

type wsCell struct {
	Imported, Stale bool
	Title           string
	Sentences       int
	Words           int
}

func (s *Server) workspacePage(w http.ResponseWriter, r *http.Request) {
	b := s.newBase(r, "workspace", "")
	b.Title = b.loc.Text("serve.ws.heading", nil)
	ids, err := document.List(s.ws)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	p := &wsPage{base: b, Root: s.ws.Root, Langs: s.ws.Config.Languages}
	// The glossary is compiled once while its files do not change; the
	// findings of a document are counted once for each version of it.
	ch, gerr := s.app.Glossary(s.ws)
	if gerr != nil {
		p.Unchecked = errText(b.loc, gerr)
	}
	// The files are looked at once; a document is read (meta.yaml parsed)
	// only when what is kept of it is not of these files: a page of 2,000
	// documents, loaded again, reads none of them.
	all := make([][]stamp, len(ids))
	for i, id := range ids {
		all[i] = stamps(&document.Document{WS: s.ws, ID: id})
	}
	s.keepStatuses(ids, all, ch)
	for i, id := range ids {
		d, st := &document.Document{WS: s.ws, ID: id}, all[i]
		sum, err := s.summary(d, st)
		if err != nil {
			s.failErr(w, r, http.StatusInternalServerError, err)
			return
		}
		row := wsRow{ID: id, Cells: sum.Cells, Aligned: sum.Aligned}
		if sum.Aligned {
			row.Alignment = b.loc.Text("serve.ws.alignment-state", map[string]any{"Count": sum.Groups, "Confirmed": sum.Confirmed, "Flagged": sum.Flagged})
			row.HasIssues = sum.Flagged > 0
		}
		switch {
		case gerr != nil:
			row.Findings = "?"
		default:
			n, ok := s.findingsCount(id, st, ch)
			if !ok && sum.Groups <= eagerFindings {
				var res app.AlignCheck
				if d, err = document.Open(s.ws, id); err == nil && sum.Aligned {
					res, err = s.quickFindings(d, st, ch)
				} else if err == nil {
					// Not aligned yet: the checks run on its texts, as
					// tilmash status counts them, not "—" beside
					// status's "3 errors".
					if res = s.app.CheckAligned(d, nil); res.Err == nil {
						s.keepFindings(d, st, ch, countOf(res))
					}
				}
				if err != nil {
					s.failErr(w, r, http.StatusInternalServerError, err)
					return
				}
				if res.Err != nil {
					row.Findings = "?"
					break
				}
				n, ok = countOf(res), true
			}
			if ok {
				row.Findings = countText(b.loc, n)
				row.HasIssues = row.HasIssues || n.Errors+n.Warnings > 0
			} else {
				// A long document is checked when its findings are
				// looked at: the link says so.
				row.Findings = b.loc.Text("serve.ws.count-findings", nil)
			}
		}
		p.Docs = append(p.Docs, row)
	}
	s.render(w, http.StatusOK, "workspace", p)
}

// failUnaligned answers with the error page of err, why document d's
// groups could not be shown; for a document not aligned yet it says, too,
// the findings tilmash status counts on its texts alone, so that the page
// does not seem to say there is nothing to see before align.
func (s *Server) failUnaligned(w http.ResponseWriter, r *http.Request, d *document.Document, err error) {
	p := s.errPage(r, err)
	if a, aerr := d.Alignment(); aerr == nil && a == nil {
		if res := s.app.CheckAligned(d, nil); res.Err == nil {
			if n := countOf(res); n.Errors+n.Warnings > 0 {
				p.Note = p.loc.Text("serve.doc.unaligned-findings", map[string]any{"Count": countText(p.loc, n), "ID": d.ID})
			}
		}
	}
	s.render(w, http.StatusConflict, "error", p)
}

// quickFindings runs on d, as it is now (stamped st), the checks tilmash
// status counts (app.QuickChecks), for the workspace page's count, and
// keeps that count for this version of d and the glossary checker ch:
// the check of a document page (spelling too, see [Server.checkAligned])
// is not run on every document of the workspace. When the document's
// page has checked this version, its findings are counted instead. A
// check that could not run (the glossary does not load) is res.Err.
func (s *Server) quickFindings(d *document.Document, st []stamp, ch *check.Checker) (app.AlignCheck, error) {
	if res, current := s.keptCheck(d.ID, st, ch, s.wordStamps()); current {
		return quickOf(res), nil
	}
	snap, _, _, err := s.snapshot(d)
	if err != nil {
		return app.AlignCheck{}, err
	}
	res := s.app.CheckAligned(snap.Doc, snap.Alignment)
	if res.Err == nil {
		s.keepFindings(d, st, ch, countOf(res))
	}
	return res, nil
}

// docFindings runs on d, as it is now, the checks of the workbench
// ([app.App.WorkbenchCheck]: the quick checks of [app.QuickChecks], the
// glossary's and the editors' alike, and spelling), and keeps the count
// status gives for this version of d and the glossary checker ch. A
// check that could not run (the glossary does not load) is res.Err.
func (s *Server) docFindings(d *document.Document, ch *check.Checker) (snap *review.Snapshot, res app.AlignCheck, err error) {
	st := stamps(d)
	snap, _, warns, err := s.snapshot(d)
	if err != nil {
		return nil, res, err
	}
	return snap, s.checkAligned(d, st, ch, snap, warns), nil
}

// checkAligned runs the checks of [Server.docFindings] on snap, read from
// d after d was stamped st with warnings warns, and keeps the count of
// the quick checks' findings (see quickOf) for the workspace page.
// The findings themselves are kept too, for the same state of d's files,
// ch and the word lists, when snap is what those files say: read without
// a warning (a damaged journal) and with no interrupted edit. The
// findings kept of an earlier state of d (before an edit) spare the
// check of the groups the edit did not change ([app.App.WorkbenchCheck]):
// only those are spelt again.
func (s *Server) checkAligned(d *document.Document, st []stamp, ch *check.Checker, snap *review.Snapshot, warns []error) app.AlignCheck {
	keep := len(warns) == 0 && snap.Interrupted == nil
	words := s.wordStamps()
	var prev app.AlignCheck
	if keep {
		res, current := s.keptCheck(d.ID, st, ch, words)
		if current {
			return res
		}
		prev = res
	}
	res := func() app.AlignCheck {
		s.checking <- struct{}{}
		defer func() { <-s.checking }()
		return s.app.WorkbenchCheck(d, snap.Alignment, prev)
	}()
	if res.Err == nil {
		s.keepFindings(d, st, ch, countOf(quickOf(res)))
		if keep {
			s.keepCheck(d.ID, st, ch, words, res)
		}
	}
	return res
}

// quickOf is res, a check of the workbench, with the findings of the
// quick checks only (those status counts): without spelling's.
func quickOf(res app.AlignCheck) app.AlignCheck {
	res.Findings = app.QuickOnly(res.Findings)
	return res
}

// countOf counts the errors and warnings of a check, as status does.
func countOf(res app.AlignCheck) findingCount {
	n := findingCount{Checked: res.Checked}
	for _, f := range res.Findings {
		if f.Blocks() {
			n.Errors++
		} else {
			n.Warnings++
		}
	}
	return n
}

// countText is a count of findings as status writes it: "5 errors, 77
// warnings", "0 findings", or "—" when no check is on.
func countText(loc *locale.Localizer, n findingCount) string {
	if !n.Checked {
		return "—"
	}
	if n.Errors+n.Warnings == 0 {
		return loc.N("status.findings", 0, nil)
	}
	var parts []string
	if n.Errors > 0 {
		parts = append(parts, loc.N("check.errors", n.Errors, nil))
	}
	if n.Warnings > 0 {
		parts = append(parts, loc.N("check.warnings", n.Warnings, nil))
	}
	return strings.Join(parts, ", ")
}

// ---- a document

type docPage struct {
	base
	ID, Heading string
	Version     string
	Langs       []string
	Counts      string
	PageNo      int
	Pages       int
	From, To    int
	Count       int
	First, Prev string
	Next, Last  string
	Rows        []groupRow
	Warnings    []string
	// CanRedo says the journal holds a step undo took back: the redo
	// button (and its key, r) is there only then.
	CanRedo bool
	// Range is the range of a refused confirm-range, put back.
	Range string
	// Work is the language of the person's own column (see the keys);
	// Cols are the columns of the languages, each with its key.
	Work string
	Cols []column
}

type column struct {
	Lang string
	Key  int
	Work bool
}

type groupRow struct {
	N                  int
	Status             string
	StatusLabel        string
	Confirmed, Flagged bool
	IsFirst, IsLast    bool
	Score              string
	Reasons            []string
	// Was is the text a new version of a translation took from the group
	// (document.Group.Was), by language, with its label.
	Was []wasRow
	// Findings are those of the checks in the group, its errors first;
	// Severity is the gravest of them (error, warning), "" for none.
	Findings []findingRow
	Severity string
	// Note is what the note's field holds: the saved note (Saved, shown
	// whole beside the group), or the text of a refused change of it
	// (NoteDraft: its field is then open).
	Note      string
	Saved     string
	NoteDraft bool
	Cells     []langCell
	// Key says what the group holds (groupKey): its forms carry it, so
	// that a change refused because the document changed finds it again.
	Key string
}

type wasRow struct{ Label, Text string }

type langCell struct {
	Lang  string
	Sents []sentence
}

type sentence struct {
	K               int
	Heading         int // the level of a heading, 0 for none
	Pieces          []export.Piece
	Text            string
	IsFirst, IsLast bool
	// Draft says Text is what a refused edit of this sentence carried:
	// its tools are open, with that text.
	Draft bool
}

// Rows is the height of the sentence's box: enough for its text in a
// column of the page (about 40 characters a line), 2 to 10 lines, so that
// a long sentence is seen whole while it is corrected.
func (s sentence) Rows() int {
	return min(max(utf8.RuneCountInString(s.Text)/40+1+strings.Count(s.Text, "\n"), 2), 10)
}

// openDoc validates the id of the request's path and opens the document:
// any other id, "../" and its encodings included, is a 404 before a file
// is touched.
func (s *Server) openDoc(w http.ResponseWriter, r *http.Request) (*document.Document, bool) {
	id := r.PathValue("id")
	if document.ValidID(id) != nil {
		s.notFound(w, r)
		return nil, false
	}
	d, err := document.Open(s.ws, id)
	var nf *document.NotFoundError
	if errors.As(err, &nf) {
		s.notFound(w, r)
		return nil, false
	}
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return nil, false
	}
	return d, true
}

// load reads the document's snapshot as show does: a damaged journal
// blocks edits, not reading.
func load(d *document.Document) (*review.Snapshot, []error, error) {
	snap, err := review.Load(d)
	var je *journal.JournalError
	if errors.As(err, &je) {
		var warn []error
		snap, err = review.LoadFiles(d)
		return snap, append(warn, je), err
	}
	return snap, nil, err
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	d, ok := s.openDoc(w, r)
	if !ok {
		return
	}
	st := stamps(d)
	snap, version, warns, err := s.snapshot(d)
	if err != nil {
		s.failUnaligned(w, r, d, err)
		return
	}
	a := snap.Alignment
	b := s.newBase(r, "document", "")
	n := len(a.Groups)
	size := s.opt.PageSize
	pages := max(1, (n+size-1)/size)
	page := 1
	if g, err := strconv.Atoi(r.URL.Query().Get("g")); err == nil && g >= 1 {
		// A jump to a group: its page, at its anchor.
		g = min(g, max(n, 1))
		page = (g-1)/size + 1
		http.Redirect(w, r, s.docURL(d.ID, page, g), http.StatusSeeOther)
		return
	}
	if v, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil {
		page = min(max(v, 1), pages)
	}
	from, to := (page-1)*size+1, min(page*size, n)
	title := docTitle(d, a.Languages)
	b.Title = title
	groups, confirmed, flagged := a.Counts()
	p := &docPage{base: b, ID: d.ID, Heading: title, Version: version, Langs: a.Languages,
		Counts: b.loc.Text("serve.ws.alignment-state", map[string]any{"Count": groups, "Confirmed": confirmed, "Flagged": flagged}),
		PageNo: page, Pages: pages, From: from, To: to, Count: n}
	// The person's own column, where s opens a sentence: the interface's
	// language when the document has it (a Russian translator reads the
	// pages in Russian), else the first; the keys 1, 2, 3 pick another,
	// which the script remembers.
	if slices.Contains(a.Languages, b.Lang) {
		p.Work = b.Lang
	} else if len(a.Languages) > 0 {
		p.Work = a.Languages[0]
	}
	for i, l := range a.Languages {
		p.Cols = append(p.Cols, column{Lang: l, Key: i + 1, Work: l == p.Work})
	}
	if page > 1 {
		p.First, p.Prev = s.docURL(d.ID, 1, 0), s.docURL(d.ID, page-1, 0)
	}
	if page < pages {
		p.Next, p.Last = s.docURL(d.ID, page+1, 0), s.docURL(d.ID, pages, 0)
	}
	for _, e := range warns {
		msg, _, _ := b.loc.Explain(e)
		p.Warnings = append(p.Warnings, msg)
	}
	// Counted, not read: an undone align keeps megabytes.
	if n, err := review.RedoCount(d); err == nil && n > 0 {
		p.CanRedo = true
	}
	if e := snap.Interrupted; e != nil {
		p.Warnings = append(p.Warnings, b.loc.Text("review.interrupted", map[string]any{"What": describe(b.loc, e), "Step": e.Step}))
	} else if len(warns) == 0 {
		// Sentences no group holds (a language imported after align, the
		// sentences a new version added) are on no row of this page and in
		// no export: said, as import, status and export say it.
		un, err := s.unaligned(snap)
		if err != nil {
			p.Warnings = append(p.Warnings, errText(b.loc, err))
		}
		for _, l := range snap.Doc.Languages() {
			if n := un[l]; n > 0 {
				p.Warnings = append(p.Warnings, b.loc.Text("import.unaligned", map[string]any{"Count": n, "Lang": l, "ID": d.ID}))
			}
		}
		if len(un) > 0 {
			p.Warnings = append(p.Warnings, b.loc.Text("import.unaligned.hint", map[string]any{"ID": d.ID}))
		}
	}
	var nums []int
	for k := from; k <= to; k++ {
		nums = append(nums, k)
	}
	// The glossary's terms and findings are marked in the text of the
	// page's groups; every group is marked with the findings of the
	// workbench's checks (those status counts, and spelling: the whole
	// document is checked once a version, which also brings its count on
	// the workspace page up to date).
	var marks []review.Mark
	found := map[int][]check.Finding{}
	if len(nums) > 0 {
		ch, err := s.app.Glossary(s.ws)
		var m review.Marker
		if err == nil && ch != nil {
			m, err = s.app.Marker(s.ws)
		}
		var res app.AlignCheck
		if err == nil {
			res = s.checkAligned(d, st, ch, snap, warns)
			err = res.Err
		}
		if err != nil {
			p.Warnings = append(p.Warnings, b.loc.Text("review.unchecked", map[string]any{"Err": errText(b.loc, err)}))
		}
		// Spelling without hunspell or a dictionary: said once, the
		// other findings shown all the same.
		for _, n := range res.Notes {
			p.Warnings = append(p.Warnings, b.loc.Text(n.MessageID(), n.TemplateData()))
		}
		if m != nil {
			if marks, err = m.Marks(d.ID, a, nums); err != nil {
				s.failErr(w, r, http.StatusInternalServerError, err)
				return
			}
		}
		for _, f := range res.Findings {
			if f.Group >= from && f.Group <= to {
				found[f.Group] = append(found[f.Group], f)
			}
		}
	}
	byGroup := map[int][]review.Mark{}
	for _, m := range marks {
		byGroup[m.Group] = append(byGroup[m.Group], m)
	}
	for _, k := range nums {
		p.Rows = append(p.Rows, s.row(b.loc, a, k, byGroup[k], found[k]))
	}
	p.putDraft()
	s.render(w, http.StatusOK, "document", p)
}

// putDraft puts the text of a refused change back into the field it was
// typed in, so that a refusal (a sentence on two lines, a busy workspace,
// a mistyped range) never loses it. That is done only on the version of
// the document the change was made on, where the group numbers are the
// same; on another (a second editor changed it meanwhile) the text is
// given back in a note instead.
func (p *docPage) putDraft() {
	d := p.draft
	if d == nil {
		return
	}
	if d.Version != p.Version {
		p.Notes = append(p.Notes, note{"warn", p.loc.Text("serve.doc.draft-moved", map[string]any{"Text": d.Text})})
		return
	}
	switch d.Op {
	case "confirm-range", "unconfirm-range":
		p.Range = d.Text
		return
	}
	for i := range p.Rows {
		row := &p.Rows[i]
		if row.N != d.Group {
			continue
		}
		if d.Op == "note" {
			row.Note, row.NoteDraft = d.Text, true
			return
		}
		for _, c := range row.Cells {
			if c.Lang != d.Lang {
				continue
			}
			for k := range c.Sents {
				if c.Sents[k].K == d.Sentence {
					c.Sents[k].Text, c.Sents[k].Draft = d.Text, true
					return
				}
			}
		}
	}
	// The field is not on this page (the group has gone): said, not lost.
	p.Notes = append(p.Notes, note{"warn", p.loc.Text("serve.doc.draft-moved", map[string]any{"Text": d.Text})})
}

// docURL is the page of a document, at group g's anchor when g > 0.
func (s *Server) docURL(id string, page, g int) string {
	u := "/doc/" + url.PathEscape(id)
	if page > 1 {
		u += "?page=" + strconv.Itoa(page)
	}
	if g > 0 {
		u += "#g" + strconv.Itoa(g)
	}
	return u
}

// row lays out group n with its marks (the glossary's terms and findings
// in its text) and found, the findings of the checks in it.
func (s *Server) row(loc *locale.Localizer, a *document.Alignment, n int, marks []review.Mark, found []check.Finding) groupRow {
	g := a.Groups[n-1]
	r := groupRow{N: n, Status: string(g.Status), StatusLabel: loc.Text("review.status."+string(g.Status), nil),
		Confirmed: g.Status == document.Confirmed, Flagged: g.Status == document.Flagged,
		IsFirst: n == 1, IsLast: n == len(a.Groups), Score: strconv.FormatFloat(g.Score, 'f', 2, 64), Note: g.Note, Saved: g.Note, Key: groupKey(a, g)}
	for _, reason := range app.FlagNotes(a, g) {
		r.Reasons = append(r.Reasons, loc.Render(reason))
	}
	// As show and review: a group a person regrouped shows that in place of
	// a machine's score until it is confirmed, and a group a new version
	// changed shows the text it had.
	// A group a new version emptied has no score to show: nothing in it was aligned.
	if g.Reshaped && !g.Detached && g.Status != document.Confirmed {
		r.Score = loc.Text("review.reshaped-label", nil)
	} else if g.Empty() {
		r.Score = ""
	}
	for _, b := range g.Before(a.Languages) {
		r.Was = append(r.Was, wasRow{loc.Text("review.was-label", map[string]any{"Lang": strings.ToUpper(b.Lang)}), b.Text})
	}
	found = slices.Clone(found)
	slices.SortStableFunc(found, func(x, y check.Finding) int {
		return cmp.Compare(severityRank(x), severityRank(y))
	})
	byLang := map[string][]export.Mark{}
	// The glossary check's findings by the words they are about: the
	// marker's mark on those words says what the finding says (the form
	// the sentence needs), not the marker's own words (the entry's term).
	type span struct {
		lang       string
		start, end int
	}
	var termSaid map[span]string
	for _, f := range found {
		row := checkRow(loc, f, nil)
		r.Findings = append(r.Findings, row)
		// A term the translation lacks (missing) is about the source's
		// words: those are marked with it.
		at := f.Lang
		if f.InSource {
			at = f.SrcLang
		}
		if f.Check == check.Terms && f.Start < f.End && at != "" && f.Segment == g.Text(at) {
			if termSaid == nil {
				termSaid = map[span]string{}
			}
			k, what := span{at, f.Start, f.End}, row.What
			if said := termSaid[k]; said != "" && said != what {
				what = said + "; " + what // missing in ru and in kk
			}
			termSaid[k] = what
		}
		if r.Severity == "" || f.Blocks() {
			r.Severity = string(f.Severity)
		}
		if start, end, ok := inText(g, f); ok {
			byLang[f.Lang] = append(byLang[f.Lang], export.Mark{Group: n, Lang: f.Lang, Start: start, End: end, Class: export.MarkFinding, Title: row.What})
		}
	}
	for _, m := range marks {
		if !m.Placed() {
			continue
		}
		em := export.Mark{Group: n, Lang: m.Lang, Start: m.Start, End: m.End, Class: export.MarkTerm, Title: m.Entry}
		said, ok := termSaid[span{m.Lang, m.Start, m.End}]
		switch {
		case ok:
			em.Class, em.Title = export.MarkFinding, said
		case m.Kind.Finding():
			em.Class, em.Title = export.MarkFinding, findingText(loc, m)
		}
		byLang[m.Lang] = append(byLang[m.Lang], em)
	}
	for _, l := range a.Languages {
		c := langCell{Lang: l}
		off := 0
		sents := g.Sents[l]
		for i, st := range sents {
			// The marks are placed in the group's text, its sentences
			// joined by one space: each sentence gets those inside it.
			var in []export.Mark
			for _, m := range byLang[l] {
				if m.Start >= off && m.End <= off+len(st.Text) {
					m.Start -= off
					m.End -= off
					in = append(in, m)
				}
			}
			heading, pieces := export.Cell(st.Text, in)
			c.Sents = append(c.Sents, sentence{K: i + 1, Heading: heading, Pieces: pieces, Text: review.OneLine(st.Text), IsFirst: i == 0, IsLast: i == len(sents)-1})
			off += len(st.Text) + 1
		}
		r.Cells = append(r.Cells, c)
	}
	return r
}

// inText returns where in group g's text of its language (the sentences
// joined by one space) finding f is, when it points at words of that text:
// a finding of a check by group with a span in the translation. The
// glossary's findings are marked by the glossary's marker already; one
// about the source text (a number the translation lacks) has nothing in
// the translation to mark, and is listed under the group only.
func inText(g *document.Group, f check.Finding) (start, end int, ok bool) {
	if f.Check == check.Terms || f.Scope != check.ScopeGroup || f.InSource || f.Start >= f.End {
		return 0, 0, false
	}
	if f.Segment != g.Text(f.Lang) || f.End > len(f.Segment) {
		return 0, 0, false
	}
	return f.Start, f.End, true
}

// severityRank orders findings errors first.
func severityRank(f check.Finding) int {
	if f.Blocks() {
		return 0
	}
	return 1
}

// findingText is a finding as a person reads it: the glossary check's own
// sentence.
func findingText(loc *locale.Localizer, m review.Mark) string {
	if m.Message != "" {
		if s := loc.Text(m.Message, m.Data); s != m.Message {
			return s
		}
	}
	return m.Lang + ": " + m.Text + " (" + string(m.Kind) + ")"
}

// describe renders what a journal step did.
func describe(loc *locale.Localizer, e *journal.Entry) string { return loc.Text(e.Message, e.Data) }

// ---- findings of a document

type findingsPage struct {
	base
	ID      string
	Back    string
	JSON    string
	Flagged []findingRow
	// Count sums up Findings as status does ("5 errors, 77 warnings").
	Count    string
	Findings []findingRow
}

type findingRow struct {
	N          int
	URL        string
	Lang, What string
	// Check and Severity name the check that found it and how grave it
	// is (error, warning): Kind and Level in the page's language.
	Check, Severity string
	Kind, Level     string
	// Context is the finding in its sentence (the findings page): the
	// words it is about are Hit; Target is what the translation says when
	// the finding points at the source (a number missing from it).
	Context, Target *excerpt
	// Focus says the link to the group has the focus when the page opens.
	Focus bool
	// Entry is the glossary entry the finding is about, EntryURL its place
	// on the glossary page; "" for the other checks' findings.
	Entry, EntryURL string
	// Word is the word of a spelling finding, which its button adds to
	// the word list of Lang (see addWord); "" for the other findings.
	Word string
}

// excerpt is a finding's sentence, cut to about contextRunes characters
// either side of the words it is about (Hit).
type excerpt struct {
	Lang, Before, Hit, After string
}

const contextRunes = 80

// contextOf is finding f in its text: the text of the group (in the source
// language when the finding points there), the words it is about marked
// when it names them; nil when the finding carries no text.
func contextOf(f check.Finding, source string) (ctx, target *excerpt) {
	seg := f.Segment
	if strings.TrimSpace(seg) == "" {
		return nil, nil
	}
	lang := f.Lang
	if f.InSource {
		lang = cmp.Or(f.SrcLang, source)
		if strings.TrimSpace(f.Target) != "" {
			target = &excerpt{Lang: f.Lang, Before: app.ClipRight(f.Target, 2*contextRunes)}
		}
	}
	if f.Start >= 0 && f.Start < f.End && f.End <= len(seg) && utf8.RuneStart(seg[f.Start]) && (f.End == len(seg) || utf8.RuneStart(seg[f.End])) {
		return &excerpt{Lang: lang, Before: clipLeft(seg[:f.Start], contextRunes), Hit: seg[f.Start:f.End], After: app.ClipRight(seg[f.End:], contextRunes)}, target
	}
	return &excerpt{Lang: lang, Before: app.ClipRight(seg, 2*contextRunes)}, target
}

// clipLeft keeps the last n characters of s, from a word's start, with …
// for what it left out.
func clipLeft(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := len(s)
	for i := 0; i < n; i++ {
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	if sp := strings.IndexByte(s[cut:], ' '); sp >= 0 && sp < len(s)-cut-1 {
		cut += sp + 1
	}
	return "…" + s[cut:]
}

// docTitle is what a page names document d by: the title of its first
// version in langs (the alignment's language order) that has one, else
// its id.
func docTitle(d *document.Document, langs []string) string {
	for _, l := range langs {
		if v := d.Meta.Versions[l]; v != nil && v.Title != "" {
			return v.Title
		}
	}
	return d.ID
}

// headingTitle is a document's title as a part of a heading: without the
// final stop of a title that is the text's first sentence (a document
// without a heading), which would stand before the colon of a heading
// that puts the title first ("… 2024.: кемшіліктер"). An ellipsis, ? and
// ! are kept.
func headingTitle(title string) string {
	t := strings.TrimSpace(title)
	if s, ok := strings.CutSuffix(t, "."); ok && s != "" && !strings.HasSuffix(s, ".") {
		return strings.TrimSpace(s)
	}
	return t
}

func (s *Server) findingsPage(w http.ResponseWriter, r *http.Request) {
	d, ok := s.openDoc(w, r)
	if !ok {
		return
	}
	snap, res, err := s.checkDoc(d)
	if err != nil {
		s.failErr(w, r, http.StatusConflict, err)
		return
	}
	a := snap.Alignment
	b := s.newBase(r, "findings", "")
	b.Title = b.loc.Text("serve.findings.heading", map[string]any{"Title": headingTitle(docTitle(d, a.Languages))})
	if res.Err != nil {
		b.Notes = append(b.Notes, note{Kind: "warn", Text: b.loc.Text("review.unchecked", map[string]any{"Err": errText(b.loc, res.Err)})})
	}
	for _, n := range res.Notes {
		b.Notes = append(b.Notes, note{Kind: "warn", Text: b.loc.Text(n.MessageID(), n.TemplateData())})
	}
	p := &findingsPage{base: b, ID: d.ID, Back: s.docURL(d.ID, 1, 0), JSON: "/doc/" + url.PathEscape(d.ID) + "/findings.json"}
	at := func(n int) string { return s.docURL(d.ID, (n-1)/s.opt.PageSize+1, n) }
	for i, g := range a.Groups {
		if g.Status != document.Flagged {
			continue
		}
		var why []string
		for _, reason := range app.FlagNotes(a, g) {
			why = append(why, b.loc.Render(reason))
		}
		p.Flagged = append(p.Flagged, findingRow{N: i + 1, URL: at(i + 1), What: strings.Join(why, "; ")})
	}
	if res.Err == nil {
		p.Count = countText(b.loc, countOf(res))
	}
	for _, f := range res.Findings {
		row := checkRow(b.loc, f, at)
		row.Context, row.Target = contextOf(f, s.ws.Config.Source)
		p.Findings = append(p.Findings, row)
	}
	// The page opened from group from of the document (its link carries
	// it) goes back there, and gives the focus to the first group to look
	// at from there on (Enter opens it, Tab goes on to the next): after a
	// fix, the next finding, not the first of the document. Without it, or
	// past the last, the first group has the focus.
	from, err := strconv.Atoi(r.URL.Query().Get("from"))
	if err != nil || from < 1 || from > len(a.Groups) {
		from = 0
	}
	if from > 0 {
		p.Back = s.docURL(d.ID, (from-1)/s.opt.PageSize+1, from)
	}
	if focus := firstFrom(p.Flagged, p.Findings, from); focus != nil {
		focus.Focus = true
	} else if focus := firstFrom(p.Flagged, p.Findings, 0); focus != nil {
		focus.Focus = true
	}
	s.render(w, http.StatusOK, "findings", p)
}

// firstFrom is the row of the first group from group from on, among the
// flagged groups and the findings (a flagged group first at one number),
// that links to its group; nil for none.
func firstFrom(flagged, findings []findingRow, from int) *findingRow {
	var first *findingRow
	for _, rows := range [][]findingRow{flagged, findings} {
		for i := range rows {
			if r := &rows[i]; r.URL != "" && r.N >= from && (first == nil || r.N < first.N) {
				first = r
			}
		}
	}
	return first
}

// checkDoc reads d and runs on it the checks of [Server.docFindings]; when
// the glossary does not load, nothing is checked and res.Err says why.
func (s *Server) checkDoc(d *document.Document) (snap *review.Snapshot, res app.AlignCheck, err error) {
	ch, gerr := s.app.Glossary(s.ws)
	if gerr != nil {
		snap, _, _, err = s.snapshot(d)
		return snap, app.AlignCheck{Err: gerr}, err
	}
	return s.docFindings(d, ch)
}

// checkRow is a finding of the checks as the findings page lists it: its
// group, language, check, severity and message in loc's language.
func checkRow(loc *locale.Localizer, f check.Finding, at func(int) string) findingRow {
	// The kind, not the check, names it as check does: the glossary's
	// findings (check "terms") are of kind missing, forbidden, ….
	row := findingRow{N: f.Group, Lang: f.Lang, Check: f.Check, Severity: string(f.Severity),
		Kind: loc.Text("check.kind."+f.Kind, nil), Level: loc.Text("check.severity."+string(f.Severity), nil),
		What: loc.Text(f.MessageID(), f.TemplateData()), Word: spellingWord(f)}
	if f.Group >= 1 && at != nil {
		row.URL = at(f.Group)
	}
	// A finding about a glossary entry (a missing or forbidden term, a
	// Kazakh ending after a name) links to the entry on the glossary page.
	if f.EntryID != "" {
		row.Entry = f.EntryID
		row.EntryURL = "/glossary?" + url.Values{"q": {f.EntryID}}.Encode() + "#e-" + url.PathEscape(f.EntryID)
	}
	return row
}

// findingsJSON is the findings of one document as /doc/ID/findings.json
// gives them: the counts status prints and every finding, its message in
// the language of the interface.
type findingsJSON struct {
	Document string `json:"document"`
	// Checked is false when no check ran: none is on, or the glossary
	// does not load (Unchecked says why).
	Checked   bool   `json:"checked"`
	Unchecked string `json:"unchecked,omitempty"`
	// Notes are the checks that could not run (spelling without
	// hunspell or its dictionary), each said once.
	Notes    []string      `json:"notes,omitempty"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings []findingJSON `json:"findings"`
}

type findingJSON struct {
	Group    int    `json:"group"`
	Lang     string `json:"lang"`
	Check    string `json:"check"`
	Severity string `json:"severity"`
	Text     string `json:"text,omitempty"`
	Message  string `json:"message"`
}

func (s *Server) findingsJSON(w http.ResponseWriter, r *http.Request) {
	d, ok := s.openDoc(w, r)
	if !ok {
		return
	}
	_, res, err := s.checkDoc(d)
	if err != nil {
		s.failErr(w, r, http.StatusConflict, err)
		return
	}
	lang, _ := r.Context().Value(ctxLang).(string)
	loc, ok := s.locs[lang]
	if !ok {
		loc = s.locs["en"]
	}
	n := countOf(res)
	out := findingsJSON{Document: d.ID, Checked: n.Checked, Errors: n.Errors, Warnings: n.Warnings, Findings: []findingJSON{}}
	if res.Err != nil {
		out.Unchecked = errText(loc, res.Err)
	}
	for _, n := range res.Notes {
		out.Notes = append(out.Notes, loc.Text(n.MessageID(), n.TemplateData()))
	}
	for _, f := range res.Findings {
		row := checkRow(loc, f, func(int) string { return "" })
		out.Findings = append(out.Findings, findingJSON{Group: f.Group, Lang: f.Lang, Check: f.Check, Severity: string(f.Severity), Text: f.Text, Message: row.What})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(append(data, '\n'))
}

func errText(loc *locale.Localizer, err error) string {
	msg, _, _ := loc.Explain(err)
	return msg
}

// ---- glossary

type glossaryPage struct {
	base
	Query    string
	Langs    []string
	Entries  []glossaryEntry
	Total    int
	More     string
	Problems int
	// Near says no entry matches Query and Entries are the nearest ones.
	Near bool
	// Empty says the glossary has no entry at all; Dir is its folder.
	Empty bool
	Dir   string
	// Add is the form that adds an entry.
	Add addForm
}

type glossaryEntry struct {
	ID, Kind, Note string
	Forms          []glossaryForms
}

type glossaryForms struct {
	Lang, Term                 string
	Variants, Forbidden, Extra []string
	Generated                  []string
	HasVariants, HasForbidden  bool
	HasExtra                   bool
}

// glossaryShown is how many entries the glossary page shows at once.
const glossaryShown = 100

func (s *Server) glossaryPage(w http.ResponseWriter, r *http.Request) {
	b := s.newBase(r, "glossary", "")
	p, err := s.glossaryData(r, b, r.URL.Query().Get("q"))
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	s.render(w, http.StatusOK, "glossary", p)
}

// glossaryData is the glossary page for the search q: the entries that
// match it and the form that adds one, filled from q when nothing does.
func (s *Server) glossaryData(r *http.Request, b base, q string) (*glossaryPage, error) {
	b.Title = b.loc.Text("serve.gl.heading", nil)
	g, probs, err := s.app.BrowseGlossary(s.ws)
	if err != nil {
		return nil, err
	}
	q = strings.TrimSpace(q)
	if len(q) > 200 {
		q = strings.ToValidUTF8(q[:200], "")
	}
	p := &glossaryPage{base: b, Query: q, Langs: s.ws.Config.Languages, Problems: len(probs)}
	needle := strings.ToLower(q)
	// A word as a text writes it (министра, Тоқаевқа) finds its entry too:
	// the matcher check uses finds the entries whose forms, the generated
	// ones included, are in the query, in any of the languages.
	// The entries a form of which is the whole query (Алматы облысында:
	// almaty-region) come first, before those it only holds a form of
	// (almaty).
	found, whole := map[string]bool{}, map[string]bool{}
	if q != "" {
		if ch, err := s.app.Glossary(s.ws); err == nil && ch != nil {
			for _, l := range p.Langs {
				for _, id := range ch.FindTerms(l, q) {
					found[id] = true
				}
				for _, m := range ch.Matcher.Find(l, q) {
					if m.Start == 0 && m.End == len(q) {
						whole[m.EntryID] = true
					}
				}
			}
		}
	}
	matches := func(e *glossary.Entry) bool {
		if needle == "" || found[e.ID] || strings.Contains(strings.ToLower(e.ID), needle) || strings.Contains(strings.ToLower(e.Note), needle) {
			return true
		}
		for _, f := range e.Langs {
			for _, v := range append(append(f.Accepted(), f.Forbidden...), f.Term) {
				if strings.Contains(strings.ToLower(v), needle) {
					return true
				}
			}
		}
		return false
	}
	limit := glossaryShown
	if v, err := strconv.Atoi(r.URL.Query().Get("n")); err == nil && v > limit {
		limit = min(v, 10*glossaryShown)
	}
	all := g.Sorted(s.ws.Config.Source, "")
	ordered := all
	if len(whole) > 0 {
		ordered = make([]*glossary.Entry, 0, len(all))
		for _, first := range []bool{true, false} {
			for _, e := range all {
				if whole[e.ID] == first {
					ordered = append(ordered, e)
				}
			}
		}
	}
	var shown []*glossary.Entry
	for _, e := range ordered {
		if !matches(e) {
			continue
		}
		p.Total++
		if len(shown) < limit {
			shown = append(shown, e)
		}
	}
	// Nothing matches: the entries glossary show offers as "did you mean",
	// the entry of a full name for its surname with an ending (Сапарова:
	// Нұрлан Сапаров) among them, rather than a form that invites a
	// duplicate.
	if p.Total == 0 && q != "" {
		for _, n := range app.NearGlossaryEntries(g, p.Langs, q) {
			if e := g.Lookup(n.ID); e != nil {
				shown = append(shown, e)
			}
		}
		p.Total = len(shown)
		p.Near = p.Total > 0
	}
	for _, e := range shown {
		ge := glossaryEntry{ID: e.ID, Kind: kindName(b.loc, e.Kind), Note: e.Note}
		langs := slices.Clone(p.Langs)
		for l := range e.Langs {
			if !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
		for _, l := range langs {
			f := e.Langs[l]
			if f == nil {
				continue
			}
			ge.Forms = append(ge.Forms, glossaryForms{Lang: l, Term: f.Term, Variants: f.Variants, Forbidden: f.Forbidden, Extra: f.Forms,
				Generated: glossary.GeneratedForms(e, l), HasVariants: len(f.Variants) > 0, HasForbidden: len(f.Forbidden) > 0, HasExtra: len(f.Forms) > 0})
		}
		p.Entries = append(p.Entries, ge)
	}
	// No entry at all is not a search that missed: the page says how a
	// glossary is started, whatever was searched.
	p.Empty = len(all) == 0
	p.Dir = filepath.ToSlash(s.ws.Config.Glossary)
	if p.Total > len(p.Entries) {
		v := url.Values{}
		if q != "" {
			v.Set("q", q)
		}
		v.Set("n", strconv.Itoa(min(limit+glossaryShown, 10*glossaryShown)))
		p.More = "/glossary?" + v.Encode()
	}
	p.Add = s.addForm(b.loc, q, p.Total == 0)
	return p, nil
}

// kindName is an entry's kind in loc's language; a kind the glossary
// does not know (lint says it) as the file has it.
func kindName(loc *locale.Localizer, k glossary.Kind) string {
	switch k {
	case glossary.Person:
		return loc.Text("serve.gl.kind.person", nil)
	case glossary.Place:
		return loc.Text("serve.gl.kind.place", nil)
	case glossary.Organization:
		return loc.Text("serve.gl.kind.organization", nil)
	case glossary.Institution:
		return loc.Text("serve.gl.kind.institution", nil)
	case glossary.Other:
		return loc.Text("serve.gl.kind.other", nil)
	}
	return string(k)
}

// ---- concordance

type concordancePage struct {
	base
	Query, Lang string
	Langs       []string
	// NoMemory is set when the workspace has no memory yet: the page
	// says how to build one.
	NoMemory bool
	// Failed is why the memory could not answer, FailedHint what to do.
	Failed, FailedHint string
	// Busy says that another translator's update holds the shared
	// memory: the hits are from the memory as it is.
	Busy string
	// Shared tells of documents a shared memory keeps as another
	// machine published them (app.SharedNotes), as tm commands warn.
	Shared   []string
	Searched bool
	Hits     []concordanceHit
}

type concordanceHit struct {
	Source, Doc, URL string
	Group            int
	Confirmed        bool
	Variants         []concordanceText
}

type concordanceText struct {
	Lang   string
	Pieces []hitPiece
}

// hitPiece is a run of a unit's text, Hit when the query matched it.
type hitPiece struct {
	Text string
	Hit  bool
}

// concordanceShown is how many groups a concordance search shows.
const concordanceShown = 50

// concordancePage searches the translation memory as tilmash tm search
// does, through the app (which brings the memory up to date first). A
// workspace whose memory is the embedded file and has none yet is told
// how to build it: a page view does not create one.
func (s *Server) concordancePage(w http.ResponseWriter, r *http.Request) {
	b := s.newBase(r, "concordance", "")
	b.Title = b.loc.Text("serve.cc.heading", nil)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 200 {
		q = q[:200]
	}
	// "in", not "lang": lang is the language of the interface.
	lang := r.URL.Query().Get("in")
	if !slices.Contains(s.ws.Config.Languages, lang) {
		lang = ""
	}
	p := &concordancePage{base: b, Query: q, Lang: lang, Langs: s.ws.Config.Languages}
	if s.opt.TM.ServerURL(s.ws) == "" {
		if _, err := os.Stat(s.ws.Path(tm.Folder, tm.DBName)); err != nil {
			p.NoMemory = true
			s.render(w, http.StatusOK, "concordance", p)
			return
		}
	}
	if q == "" {
		s.render(w, http.StatusOK, "concordance", p)
		return
	}
	ctx := r.Context()
	m, err := s.app.OpenMemory(ctx, s.ws, s.opt.TM)
	if err != nil {
		p.Failed, p.FailedHint, _ = b.loc.Explain(err)
		s.render(w, http.StatusOK, "concordance", p)
		return
	}
	defer m.Close()
	var hits []tm.Hit
	rep, err := s.app.UpdateMemory(ctx, m)
	for _, n := range app.SharedNotes(rep) {
		p.Shared = append(p.Shared, b.loc.Text(n.ID, n.Data))
	}
	if app.MemoryBusy(err) {
		// As tm search does: the memory as it is, and why.
		msg, _, _ := b.loc.Explain(err)
		p.Busy = msg + " — " + b.loc.Text("tm.busy.as-is", nil)
		err = nil
	}
	if err == nil {
		hits, err = s.app.SearchMemory(ctx, m, tm.Query{Text: q, Lang: lang, Limit: concordanceShown})
	}
	if err != nil {
		p.Failed, p.FailedHint, _ = b.loc.Explain(err)
		s.render(w, http.StatusOK, "concordance", p)
		return
	}
	p.Searched = true
	for _, h := range hits {
		u := &h.Unit
		ch := concordanceHit{Source: u.Source, Group: u.Group, Confirmed: u.Confirmed}
		if id := u.Document(); id != "" && document.ValidID(id) == nil {
			ch.Doc = id
			ch.URL = "/doc/" + url.PathEscape(id) + "?g=" + strconv.Itoa(u.Group)
		}
		langs := slices.Clone(s.ws.Config.Languages)
		for _, v := range u.Variants {
			if !slices.Contains(langs, v.Lang) {
				langs = append(langs, v.Lang)
			}
		}
		for _, l := range langs {
			text := u.TextIn(l)
			if text == "" {
				continue
			}
			var spans [][2]int
			for _, mk := range h.Marks {
				if mk.Lang == l {
					spans = append(spans, [2]int{mk.Start, mk.End})
				}
			}
			ch.Variants = append(ch.Variants, concordanceText{Lang: l, Pieces: hitPieces(text, spans)})
		}
		p.Hits = append(p.Hits, ch)
	}
	s.render(w, http.StatusOK, "concordance", p)
}

// hitPieces cuts text at the spans (byte offsets, in any order, perhaps
// overlapping); a span outside the text or not on a character boundary
// is left out.
func hitPieces(text string, spans [][2]int) []hitPiece {
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var out []hitPiece
	at := 0
	for _, sp := range spans {
		start, end := max(sp[0], at), sp[1]
		if start >= end || end > len(text) || !utf8.RuneStart(text[start]) || (end < len(text) && !utf8.RuneStart(text[end])) {
			continue
		}
		if start > at {
			out = append(out, hitPiece{Text: text[at:start]})
		}
		out = append(out, hitPiece{Text: text[start:end], Hit: true})
		at = end
	}
	if at < len(text) {
		out = append(out, hitPiece{Text: text[at:]})
	}
	return out
}
