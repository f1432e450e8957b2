package review

import (
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
)

// Recover rolls back a change of d a crash interrupted and returns it, nil
// when there was none; see [journal.Journal.Recover]. The caller holds the
// workspace lock.
func Recover(d *document.Document) (*journal.Entry, error) { return d.Journal().Recover() }

// History returns the journal of d, oldest first.
func History(d *document.Document) ([]*journal.Entry, error) { return d.Journal().History() }

// Undo takes back the newest n steps of d's journal, whatever command made
// them (an edit, align, import); see [journal.Journal.Undo]. The caller
// holds the workspace lock.
func Undo(d *document.Document, n int, force bool) (undone []*journal.Entry, recovered *journal.Entry, err error) {
	return d.Journal().Undo(n, force)
}
