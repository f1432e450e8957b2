package journal

import (
	"path/filepath"

	"github.com/tilmash/tilmash/internal/locale"
)

// UndoError is returned by Undo when the journal holds fewer steps than
// asked for. It is a named type because undo branches on it: an
// interrupted edit that was the only thing to take back is not an error.
type UndoError struct {
	ID         string
	Want, Have int
}

func (e *UndoError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *UndoError) Unwrap() error {
	if e.Have == 0 {
		return locale.NewError("review.undo-nothing", map[string]any{"ID": e.ID, "Want": e.Want, "Count": e.Have})
	}
	return locale.NewError("review.undo-too-many", map[string]any{"ID": e.ID, "Want": e.Want, "Count": e.Have}).
		WithHint("review.undo-too-many.hint")
}

// JournalError is returned for a journal entry that cannot be read or that
// does not hold what its checksums say. It is a named type because show
// branches on it: a damaged journal blocks edits and undo, not reading.
type JournalError struct {
	File   string
	Line   int
	Reason string
	// NotFolder is true when File, the journal folder, is a file.
	NotFolder bool
}

func (e *JournalError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *JournalError) Unwrap() error {
	if e.NotFolder {
		return locale.NewError("review.journal-not-folder", nil).
			WithHint("review.journal-not-folder.hint").At(locale.Pos{File: e.File})
	}
	return locale.NewError("review.bad-journal", map[string]any{"Reason": e.Reason}).
		WithHint("review.bad-journal.hint").At(locale.Pos{File: e.File, Line: e.Line})
}

// changed is the error of Undo when file changed after step, by something
// that did not write the journal (a hand edit, a checkout). Restoring
// would throw that change away.
func (j *Journal) changed(step int, file string) error {
	return locale.NewError("review.undo-changed", map[string]any{"ID": j.Name, "Step": step, "File": filepath.Join(j.Dir, file)}).
		WithHint("review.undo-changed.hint")
}

// conflict is the error of a forced Undo when file changed since step in
// the very lines the step wrote: the journal keeps only those lines, so
// the step cannot be taken back without guessing. line is 1-based in the
// current file, 0 when the file is gone.
func (j *Journal) conflict(step int, file string, line int) error {
	return locale.NewError("review.undo-conflict", map[string]any{"ID": j.Name, "Step": step}).
		WithHint("review.undo-conflict.hint").At(locale.Pos{File: filepath.Join(j.Dir, file), Line: line})
}

// RedoError is returned by Redo when fewer undone steps are kept than
// asked for: none after a new step, or none undone.
type RedoError struct {
	ID         string
	Want, Have int
}

func (e *RedoError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *RedoError) Unwrap() error {
	if e.Have == 0 {
		return locale.NewError("review.redo-nothing", map[string]any{"ID": e.ID}).
			WithHint("review.redo-nothing.hint")
	}
	return locale.NewError("review.redo-too-many", map[string]any{"ID": e.ID, "Want": e.Want, "Count": e.Have}).
		WithHint("review.redo-too-many.hint")
}

// changedSinceUndo is the error of Redo when file changed after step was
// undone: putting the step back would throw that change away.
func (j *Journal) changedSinceUndo(step int, file string) error {
	return locale.NewError("review.redo-changed", map[string]any{"ID": j.Name, "Step": step, "File": filepath.Join(j.Dir, file)}).
		WithHint("review.redo-changed.hint")
}
