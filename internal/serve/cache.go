package serve

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
	"github.com/tilmash/tilmash/internal/review"
	"github.com/tilmash/tilmash/internal/wordcount"
)

// The document cache spares a page the re-reading and parsing of a whole
// alignment (most of a page's time on a long document), the workspace
// page the segmenting of every text and the checks of every group. What
// it keeps is valid for one state of the document's files: before
// anything kept is used, the files (meta.yaml, the alignment, the texts)
// are looked at again, and any difference of size, modification time or
// identity (a file replaced by rename) makes the entry be built anew. An
// edit through this server, by tilmash in a terminal or by any other
// program is therefore seen by the next request.

// snapshotsKept is how many parsed documents are kept (the least recently
// used goes first); a 10,000-group document takes some 20 MB.
const snapshotsKept = 8

// eagerFindings is the largest document (in groups) whose findings the
// workspace page counts itself; a longer one is counted when its findings
// are looked at, and shows the count from then on.
const eagerFindings = 2000

// stamp is what a file looked like: it changes when the file does.
type stamp struct {
	name  string
	found bool
	size  int64
	mod   time.Time
	info  os.FileInfo
}

func (a stamp) same(b stamp) bool {
	if a.name != b.name || a.found != b.found {
		return false
	}
	if !a.found {
		return true
	}
	return a.size == b.size && a.mod.Equal(b.mod) && os.SameFile(a.info, b.info)
}

func sameStamps(a, b []stamp) bool { return slices.EqualFunc(a, b, stamp.same) }

// stamps looks at the files d is read from, and at its journal: the
// folder and the newest entry, so that a step begun since (an edit that
// stopped half-way, with its files as before) is seen too, without
// reading the entry. It is taken before they are read: a file changed
// while being read leaves a stamp that no longer matches, and the next
// request reads it again.
func stamps(d *document.Document) []stamp {
	names := []string{"meta.yaml", document.AlignmentName}
	for _, l := range d.WS.Config.Languages {
		names = append(names, l+".txt")
	}
	dir := d.Dir()
	paths := make([]string, len(names), len(names)+2)
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	names = append(names, journal.Folder)
	paths = append(paths, filepath.Join(dir, journal.Folder))
	if newest, ok, err := d.Journal().NewestFile(); ok && err == nil {
		names = append(names, newest)
		paths = append(paths, d.WS.Path(newest))
	}
	out := make([]stamp, len(names))
	for i, n := range names {
		out[i].name = n
		fi, err := os.Stat(paths[i])
		if err != nil {
			continue
		}
		out[i] = stamp{name: n, found: true, size: fi.Size(), mod: fi.ModTime(), info: fi}
	}
	return out
}

// docCache keeps parsed documents and their summaries, for one server.
type docCache struct {
	mu    sync.Mutex
	snaps []*snapEntry // most recently used last
	sums  map[string]*sumEntry
	found map[string]*foundEntry
	// checks keeps the findings themselves of the documents last looked
	// at, most recently used last: a page of a long document marks its
	// groups without checking the whole document again.
	checks []*checkEntry
}

// checkEntry is the result of the checks on one state of a document's
// files with one glossary checker.
type checkEntry struct {
	id      string
	stamps  []stamp
	checker *check.Checker
	// words are the stamps of the glossary folder's word lists, which
	// the spelling check accepts (see wordStamps).
	words []stamp
	res   app.AlignCheck
}

type snapEntry struct {
	id      string
	stamps  []stamp
	snap    *review.Snapshot
	version string
	// unaligned is app.UnalignedOf of snap, once counted (see
	// Server.unaligned).
	unaligned map[string]int
	counted   bool
}

// sumEntry is what the workspace page shows of a document, for one state
// of its files.
type sumEntry struct {
	stamps []stamp
	sum    *docSummary
}

// foundEntry counts the findings of the quick checks (those status
// counts: app.QuickChecks; the workspace page shows these, the pages of
// a document spelling too) in one state of a document's files with one
// compiled glossary (the app's cache gives a new checker when the
// glossary's files change; nil when there is no glossary).
type foundEntry struct {
	stamps  []stamp
	checker *check.Checker
	count   findingCount
}

// findingCount is how many errors and warnings the checks found; not
// Checked when no check is on.
type findingCount struct {
	Checked          bool
	Errors, Warnings int
}

type docSummary struct {
	Cells     []wsCell
	Aligned   bool
	Groups    int
	Confirmed int
	Flagged   int
}

// snapshot is load(d) through the cache, with the document's version. A
// document whose journal is damaged or holds an interrupted edit is read
// afresh every time (those show the files as the journal says, with a
// warning): only a snapshot read without either is kept, and its stamps
// cover the journal, so that one begun since is seen.
func (s *Server) snapshot(d *document.Document) (*review.Snapshot, string, []error, error) {
	st := stamps(d)
	c := &s.cache
	c.mu.Lock()
	for i, e := range c.snaps {
		if e.id == d.ID && sameStamps(e.stamps, st) {
			c.snaps = append(append(c.snaps[:i:i], c.snaps[i+1:]...), e)
			c.mu.Unlock()
			return e.snap, e.version, nil, nil
		}
	}
	c.mu.Unlock()
	// meta.yaml says which texts there are: read it again after the
	// stamps, so that what is kept is not older than they are.
	d, err := document.Open(d.WS, d.ID)
	if err != nil {
		return nil, "", nil, err
	}
	snap, warns, err := load(d)
	if err != nil || len(warns) > 0 || snap.Interrupted != nil {
		if err != nil {
			return nil, "", warns, err
		}
		return snap, app.Version(snap), warns, nil
	}
	return snap, s.keepSnapshot(st, snap), nil, nil
}

// keepSnapshot keeps snap, what the files of its document held when
// stamped st (before they were read, or after an edit this server made
// under the workspace lock wrote them), and returns its version.
func (s *Server) keepSnapshot(st []stamp, snap *review.Snapshot) string {
	id := snap.Doc.ID
	e := &snapEntry{id: id, stamps: st, snap: snap, version: app.Version(snap)}
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	c.snaps = slices.DeleteFunc(c.snaps, func(o *snapEntry) bool { return o.id == id })
	if len(c.snaps) >= snapshotsKept {
		c.snaps = slices.Delete(c.snaps, 0, len(c.snaps)-snapshotsKept+1)
	}
	c.snaps = append(c.snaps, e)
	return e.version
}

// unaligned counts, by language, the sentences of snap's texts that no
// group holds (app.UnalignedOf): once for each snapshot the cache keeps,
// since it cuts every text into sentences (a 10,000-group document's page
// took three times as long counting them at each view).
func (s *Server) unaligned(snap *review.Snapshot) (map[string]int, error) {
	c := &s.cache
	c.mu.Lock()
	for _, e := range c.snaps {
		if e.snap == snap && e.counted {
			c.mu.Unlock()
			return e.unaligned, nil
		}
	}
	c.mu.Unlock()
	un, err := s.app.UnalignedOf(snap.Doc, snap.Alignment, snap.Texts, snap.Doc.Languages())
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	for _, e := range c.snaps {
		if e.snap == snap {
			e.unaligned, e.counted = un, true
		}
	}
	c.mu.Unlock()
	return un, nil
}

// summary is what the workspace page shows of d, whose files were just
// stamped st: computed once for each state of its files. d need not have
// been opened (only its WS and ID are used when st is that of the
// summary kept); otherwise it is opened, and an error opening it returned.
func (s *Server) summary(d *document.Document, st []stamp) (*docSummary, error) {
	c := &s.cache
	c.mu.Lock()
	if e := c.sums[d.ID]; e != nil && sameStamps(e.stamps, st) {
		c.mu.Unlock()
		return e.sum, nil
	}
	c.mu.Unlock()
	d, err := document.Open(d.WS, d.ID)
	if err != nil {
		return nil, err
	}
	sum := &docSummary{}
	for _, l := range d.WS.Config.Languages {
		v, ok := d.Meta.Versions[l]
		if !ok {
			sum.Cells = append(sum.Cells, wsCell{})
			continue
		}
		text, err := d.Text(l)
		if err != nil {
			return nil, err
		}
		seg, err := s.app.Segmenter(d.WS, l)
		if err != nil {
			return nil, err
		}
		cell := wsCell{Imported: true, Title: v.Title, Stale: document.Hash(text) != v.SHA256}
		for _, sent := range seg.Segment(text) {
			cell.Sentences++
			cell.Words += wordcount.Count(l, sent.Text)
		}
		sum.Cells = append(sum.Cells, cell)
	}
	a, err := d.Alignment()
	if err != nil {
		return nil, err
	}
	if a != nil {
		sum.Aligned = true
		sum.Groups, sum.Confirmed, sum.Flagged = a.Counts()
	}
	c.mu.Lock()
	if c.sums == nil {
		c.sums = map[string]*sumEntry{}
	}
	c.sums[d.ID] = &sumEntry{stamps: st, sum: sum}
	c.mu.Unlock()
	return sum, nil
}

// keepStatuses takes from the status cache of tilmash status
// ([app.App.KeptStatuses]) the rows of the documents ids, their files
// just stamped st, that the server has not summarised or counted for
// these files and the glossary checker ch: the first workspace page of a
// server started on 2,000 documents that status has seen reads their
// counts instead of segmenting and checking every one.
func (s *Server) keepStatuses(ids []string, st [][]stamp, ch *check.Checker) {
	var miss []string
	c := &s.cache
	c.mu.Lock()
	for i, id := range ids {
		sum, found := c.sums[id], c.found[id]
		if sum == nil || !sameStamps(sum.stamps, st[i]) || found == nil || found.checker != ch || !sameStamps(found.stamps, st[i]) {
			miss = append(miss, id)
		}
	}
	c.mu.Unlock()
	if len(miss) == 0 {
		return
	}
	rows := s.app.KeptStatuses(s.ws, miss)
	if len(rows) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sums == nil {
		c.sums = map[string]*sumEntry{}
	}
	if c.found == nil {
		c.found = map[string]*foundEntry{}
	}
	for i, id := range ids {
		row := rows[id]
		if row == nil {
			continue
		}
		sum := &docSummary{}
		for _, l := range s.ws.Config.Languages {
			ls := row.Languages[l]
			if ls == nil || !ls.Imported {
				sum.Cells = append(sum.Cells, wsCell{})
				continue
			}
			sum.Cells = append(sum.Cells, wsCell{Imported: true, Title: ls.Title, Stale: ls.Stale, Sentences: ls.Sentences, Words: ls.Words})
		}
		if a := row.Alignment; a != nil {
			sum.Aligned, sum.Groups, sum.Confirmed, sum.Flagged = true, a.Groups, a.Confirmed, a.Flagged
		}
		c.sums[id] = &sumEntry{stamps: st[i], sum: sum}
		n := findingCount{}
		if row.Errors != nil && row.Warnings != nil {
			n = findingCount{Checked: true, Errors: *row.Errors, Warnings: *row.Warnings}
		}
		c.found[id] = &foundEntry{stamps: st[i], checker: ch, count: n}
	}
}

// findingsCount is the count of the findings of document id as it is
// now, its files just stamped st, when known for the glossary checker ch.
func (s *Server) findingsCount(id string, st []stamp, ch *check.Checker) (findingCount, bool) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.found[id]
	if e == nil || e.checker != ch || !sameStamps(e.stamps, st) {
		return findingCount{}, false
	}
	return e.count, true
}

// keepFindings notes the count n of the findings of d as it was when
// stamped st (before it was read), with the checker ch.
func (s *Server) keepFindings(d *document.Document, st []stamp, ch *check.Checker, n findingCount) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.found == nil {
		c.found = map[string]*foundEntry{}
	}
	c.found[d.ID] = &foundEntry{stamps: st, checker: ch, count: n}
}

// wordStamps looks at the word lists of the workspace's languages in
// its glossary folder (glossary/words.LANG.txt): a word added to one
// changes what the spelling check finds in every document.
func (s *Server) wordStamps() []stamp {
	out := make([]stamp, len(s.ws.Config.Languages))
	for i, l := range s.ws.Config.Languages {
		name := filepath.Join(s.ws.Config.Glossary, check.WordsFile(l))
		out[i].name = name
		if fi, err := os.Stat(s.ws.Path(name)); err == nil {
			out[i] = stamp{name: name, found: true, size: fi.Size(), mod: fi.ModTime(), info: fi}
		}
	}
	return out
}

// keptCheck is the result of the checks on document id kept for the
// glossary checker ch; current says it is of the state stamped st, with
// the word lists stamped words, not of an earlier one (the zero
// AlignCheck when none is kept).
func (s *Server) keptCheck(id string, st []stamp, ch *check.Checker, words []stamp) (res app.AlignCheck, current bool) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range c.checks {
		if e.id == id && e.checker == ch {
			c.checks = append(append(c.checks[:i:i], c.checks[i+1:]...), e)
			return e.res, sameStamps(e.stamps, st) && sameStamps(e.words, words)
		}
	}
	return app.AlignCheck{}, false
}

// keepCheck keeps res, the checks on document id as it was when stamped st
// (before it was read), with the checker ch and the word lists stamped
// words: one entry a document, for the snapshotsKept documents last
// looked at.
func (s *Server) keepCheck(id string, st []stamp, ch *check.Checker, words []stamp, res app.AlignCheck) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checks = slices.DeleteFunc(c.checks, func(o *checkEntry) bool { return o.id == id })
	if len(c.checks) >= snapshotsKept {
		c.checks = slices.Delete(c.checks, 0, len(c.checks)-snapshotsKept+1)
	}
	c.checks = append(c.checks, &checkEntry{id: id, stamps: st, checker: ch, words: words, res: res})
}
