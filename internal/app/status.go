package app

import (
	"errors"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/wordcount"
	"github.com/tilmash/tilmash/internal/workspace"
)

// LanguageStatus is one cell of the status table.
type LanguageStatus struct {
	Imported  bool   `json:"imported"`
	Title     string `json:"title,omitempty"`
	Sentences int    `json:"sentences"`
	// Words counts the words of the text (package wordcount: numbers
	// count, a hyphenated word counts once).
	Words int  `json:"words"`
	Stale bool `json:"stale,omitempty"` // the text on disk differs from what meta.yaml recorded
	// NoRules says the language has no segmentation rules (none built
	// in, no SRX file giving them: see MissingRules): its text is not cut
	// into sentences, Sentences is 0 and Words counts the whole text.
	NoRules bool `json:"no_segmentation_rules,omitempty"`
	// UnplacedFormatting counts the spans of the text's formatting that
	// can no longer be placed in it: the text was changed outside tilmash
	// and no longer has their words (see
	// document.Document.UnplacedFormatting). export names them.
	UnplacedFormatting int `json:"unplaced_formatting,omitempty"`
}

// AlignmentStatus summarises a document's alignment.
type AlignmentStatus struct {
	Groups    int `json:"groups"`
	Confirmed int `json:"confirmed"`
	Flagged   int `json:"flagged"`
	// Mismatches counts the sentences of the alignment that its texts no
	// longer hold (see document.Alignment.Verify): a text or the
	// alignment file changed behind tilmash's back, and the group
	// commands refuse the document until it is aligned again or put back.
	Mismatches int `json:"mismatches,omitempty"`
	// Unaligned counts, per language, the sentences of its text that no
	// group holds (see Unaligned): a language imported after the
	// alignment, sentences a new version added. align places them.
	Unaligned map[string]int `json:"unaligned,omitempty"`
}

// DocumentStatus is one row of the status table, and one object of
// status --format json.
type DocumentStatus struct {
	ID        string                     `json:"id"`
	Languages map[string]*LanguageStatus `json:"languages"`
	// SourceWords are the words of the source language's text: what CAT
	// tools quote the work of translating the document by.
	SourceWords int              `json:"source_words"`
	Alignment   *AlignmentStatus `json:"alignment"`
	// Findings counts the findings of the quick checks (every check on
	// but spelling and consistency: see QuickChecks); nil when no check
	// is on, or the glossary does not load. Errors and Warnings split it
	// by severity.
	Findings *int `json:"findings"`
	Errors   *int `json:"errors"`
	Warnings *int `json:"warnings"`
	// Unchecked says the findings are unknown: the glossary did not load.
	Unchecked bool `json:"-"`
	// Err is why the document could not be read (a text deleted by
	// hand, a bad byte in its alignment.yaml); the row holds only the
	// id then. Error is its message in English, for JSON.
	Err   error  `json:"-"`
	Error string `json:"error,omitempty"`
}

// StatusReport is the state of a workspace's documents.
type StatusReport struct {
	Documents []*DocumentStatus
	// Totals sums the words of the documents.
	Totals Totals
	// GlossaryErr is why the glossary did not load (a YAML typo in one of
	// its files, say). It is not a reason to show nothing: the documents
	// are listed with their findings unknown, and the caller reports the
	// error after them.
	GlossaryErr error
	// GlossaryGaps are the glossary's entries with no form in a workspace
	// language, by language (see check.Checker.Gaps): the findings do not
	// count that language's text against them. Known from the status
	// cache when the workspace is as it was, like the rows.
	GlossaryGaps []check.Gap
	// DocumentErrs are why documents could not be read, in the order of
	// their rows (see DocumentStatus.Err): one broken document is no
	// reason to show nothing of the others either.
	DocumentErrs []error
}

// Totals are the words of every document listed, per language, and of
// their source texts.
type Totals struct {
	Words       map[string]int `json:"words"`
	SourceWords int            `json:"source_words"`
}

// Status collects the state of the documents ids, or of every document
// when ids is empty.
func (app *App) Status(ws *workspace.Workspace, ids []string, p Progress) (*StatusReport, error) {
	var unlisted []string
	if len(ids) == 0 {
		var err error
		if ids, unlisted, err = document.Folders(ws); err != nil {
			return nil, err
		}
		if t, ok := p.(interface{ SetTotal(int) }); ok {
			t.SetTotal(len(ids)) // the caller could not know it: one walk of documents/
		}
	}
	rep := &StatusReport{Documents: []*DocumentStatus{}, Totals: Totals{Words: map[string]int{}}}
	// Each document's status, from the status cache when its files did
	// not change (statuscache.go).
	gaps, err := app.cachedStatuses(ws, ids, p, func(id string, st *DocumentStatus, err error) error {
		var gerr *glossaryError
		var missing *document.NotFoundError
		switch {
		case errors.As(err, &gerr):
			rep.GlossaryErr = gerr.err
		case errors.As(err, &missing):
			return err // a document asked for by a wrong id
		case err != nil:
			rep.Documents = append(rep.Documents, &DocumentStatus{ID: id, Err: err, Error: err.Error()})
			rep.DocumentErrs = append(rep.DocumentErrs, err)
			return nil
		}
		rep.Documents = append(rep.Documents, st)
		for l, ls := range st.Languages {
			rep.Totals.Words[l] += ls.Words
		}
		rep.Totals.SourceWords += st.SourceWords
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.GlossaryGaps = gaps
	if len(unlisted) > 0 {
		// Folders that lost their meta.yaml: rows of their own, in id
		// order with the others, so that the document does not vanish.
		for _, id := range unlisted {
			err := document.NoMeta(id)
			rep.Documents = append(rep.Documents, &DocumentStatus{ID: id, Err: err, Error: err.Error()})
		}
		slices.SortStableFunc(rep.Documents, func(a, b *DocumentStatus) int { return strings.Compare(a.ID, b.ID) })
		rep.DocumentErrs = rep.DocumentErrs[:0]
		for _, d := range rep.Documents {
			if d.Err != nil {
				rep.DocumentErrs = append(rep.DocumentErrs, d.Err)
			}
		}
	}
	return rep, nil
}

// MissingRules returns, for each language of the workspace that has no
// segmentation rules (none built in, and no SRX file giving them), the
// error that says so and what to do (segment.lang.unsupported). status
// and check warn of them: its texts are listed and checked whole, but
// align cannot cut them into sentences.
func (app *App) MissingRules(ws *workspace.Workspace) []error {
	var errs []error
	for _, l := range ws.Config.Languages {
		if slices.Contains(segment.Languages(), l) {
			continue // built in: nothing to compile to know it (status may read every row from its cache)
		}
		if _, err := app.Segmenter(ws, l); segment.IsUnsupported(err) {
			errs = append(errs, err)
		}
	}
	return errs
}

// DocumentStatus collects the state of one document. When only the
// glossary fails to load, it returns the status with Unchecked set and a
// *glossaryError.
func (app *App) DocumentStatus(ws *workspace.Workspace, id string) (*DocumentStatus, error) {
	d, err := document.Open(ws, id)
	if err != nil {
		return nil, err
	}
	st := &DocumentStatus{ID: id, Languages: map[string]*LanguageStatus{}}
	texts := map[string]string{}
	sentences := map[string][]segment.Segment{}
	for _, l := range ws.Config.Languages {
		v, ok := d.Meta.Versions[l]
		ls := &LanguageStatus{Imported: ok}
		st.Languages[l] = ls
		if !ok {
			continue
		}
		ls.Title = v.Title
		text, err := d.Text(l)
		if err != nil {
			return nil, err
		}
		texts[l] = text
		ls.Stale = document.Hash(text) != v.SHA256
		lost, err := d.UnplacedFormatting(l, text)
		if err != nil {
			return nil, err
		}
		ls.UnplacedFormatting = len(lost)
		seg, err := app.Segmenter(ws, l)
		if segment.IsUnsupported(err) {
			// Not the document's fault: the row is shown, the
			// language's cell says what is missing, and the caller
			// says once what to do (MissingRules).
			ls.NoRules = true
			ls.Words = wordcount.Count(l, text)
			if l == ws.Config.Source {
				st.SourceWords = ls.Words
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		sents := seg.Segment(text)
		sentences[l] = sents
		ls.Sentences = len(sents)
		for _, s := range sents {
			ls.Words += wordcount.Count(l, s.Text)
		}
		if l == ws.Config.Source {
			st.SourceWords = ls.Words
		}
	}
	a, err := d.Alignment()
	if err != nil {
		return nil, err
	}
	if a != nil {
		n, conf, flag := a.Counts()
		st.Alignment = &AlignmentStatus{Groups: n, Confirmed: conf, Flagged: flag,
			Mismatches: len(a.Verify(d.WS.Rel(d.AlignmentFile()), texts))}
		// Where the alignment does not match its texts, its spans say
		// nothing about them: the mismatches are reported instead.
		for l, sents := range sentences {
			if u := Unaligned(a, l, sents); u > 0 && st.Alignment.Mismatches == 0 && !st.Languages[l].Stale {
				if st.Alignment.Unaligned == nil {
					st.Alignment.Unaligned = map[string]int{}
				}
				st.Alignment.Unaligned[l] = u
			}
		}
	}
	errs, warns, ok, err := app.countFindings(ws, d, a)
	var gerr *glossaryError
	switch {
	case errors.As(err, &gerr):
		st.Unchecked = true
		return st, gerr
	case err != nil:
		return nil, err
	case ok:
		n := errs + warns
		st.Findings, st.Errors, st.Warnings = &n, &errs, &warns
	}
	return st, nil
}
