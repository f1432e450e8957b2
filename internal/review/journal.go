package review

import (
	"time"

	"errors"
	"io/fs"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
)

// Recover rolls back a change of d a crash interrupted and returns it, nil
// when there was none; see [journal.Journal.Recover]. The caller holds the
// workspace lock.
func Recover(d *document.Document) (*journal.Entry, error) { return d.Journal().Recover() }

// History returns the journal of d, oldest first.
func History(d *document.Document) ([]*journal.Entry, error) { return d.Journal().History() }

// IsEdit reports whether e is a step of a review op (confirm, merge,
// split, move, a sentence's correction, a note), not one of align, import
// or publish, which make the alignment the review works on.
func IsEdit(e *journal.Entry) bool {
	switch e.Message {
	case "review.done.confirm", "review.done.unconfirm",
		"review.done.merge", "review.done.split",
		"review.done.move", "review.done.move-next", "review.done.move-prev", "review.done.move-removed",
		"review.done.edit", "review.done.edits", "review.done.edits-groups", "review.done.note", "review.done.note-cleared":
		return true
	}
	return false
}

// Undo takes back the newest n steps of d's journal, whatever command made
// them (an edit, align, import); see [journal.Journal.Undo]. The caller
// holds the workspace lock.
// A file of d that a git merge left unfinished (conflict markers) stops it
// before anything is written, even with force: taking a step back into it
// would write a file that still holds the markers, or stop halfway.
func Undo(d *document.Document, n int, force bool) (undone []*journal.Entry, recovered *journal.Entry, err error) {
	if err := readable(d); err != nil {
		return nil, nil, err
	}
	return d.Journal().Undo(n, force)
}

// Redo puts back the last n steps of d that undo took back; see
// [journal.Journal.Redo]; now is the time the journal records. The caller
// holds the workspace lock. A file a git merge left unfinished stops it, as
// it stops Undo.
func Redo(d *document.Document, n int, now time.Time) (redone []*journal.Entry, recovered *journal.Entry, err error) {
	if err := readable(d); err != nil {
		return nil, nil, err
	}
	return d.Journal().Redo(n, now)
}

// Redoable returns the steps of d that redo can put back, the next one
// first.
func Redoable(d *document.Document) ([]*journal.Entry, error) { return d.Journal().Redoable() }

// RedoCount returns how many steps of d redo can put back.
func RedoCount(d *document.Document) (int, error) { return d.Journal().RedoCount() }

// readable reads every file of d a step may write, and returns the first
// error: conflict markers of an unfinished git merge among them.
func readable(d *document.Document) error {
	names := []string{document.AlignmentName}
	for _, l := range d.Languages() {
		names = append(names, l+".txt", document.FormatName(l))
	}
	for _, name := range names {
		if _, err := d.ReadFile(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
