package journal

import "fmt"

// UndoError is returned by Undo when the journal holds fewer steps than
// asked for.
type UndoError struct {
	ID         string
	Want, Have int
}

func (e *UndoError) Error() string {
	if e.Have == 0 {
		return fmt.Sprintf("nothing to undo in %q", e.ID)
	}
	return fmt.Sprintf("the journal of %q holds %d steps: cannot undo %d", e.ID, e.Have, e.Want)
}

// MessageID names the localized message for e.
func (e *UndoError) MessageID() string {
	if e.Have == 0 {
		return "review.undo-nothing"
	}
	return "review.undo-too-many"
}

// TemplateData gives the values of the localized message.
func (e *UndoError) TemplateData() map[string]any {
	return map[string]any{"ID": e.ID, "Want": e.Want, "Count": e.Have}
}

// ChangedError is returned by Undo when a file changed after the step it
// would undo, by something that did not write the journal (a hand edit,
// a checkout). Restoring would throw that change away.
type ChangedError struct {
	ID   string
	Step int
	File string
}

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s changed after step %d (by hand or by another program): undoing the step would throw that change away", e.File, e.Step)
}

// MessageID names the localized message for e.
func (e *ChangedError) MessageID() string { return "review.undo-changed" }

// TemplateData gives the values of the localized message.
func (e *ChangedError) TemplateData() map[string]any {
	return map[string]any{"ID": e.ID, "Step": e.Step, "File": e.File}
}

// Hint suggests a fix.
func (e *ChangedError) Hint() string { return "review.undo-changed.hint" }

// ConflictError is returned by a forced Undo when a file changed since the
// step in the very lines the step wrote: the journal keeps only those
// lines, so the step cannot be taken back without guessing.
type ConflictError struct {
	ID   string
	Step int
	File string
	Line int // 1-based line of the current file; 0 when the file is gone
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s:%d: cannot undo step %d even with --force: the file changed since in the lines that step wrote", e.File, e.Line, e.Step)
}

// MessageID names the localized message for e.
func (e *ConflictError) MessageID() string { return "review.undo-conflict" }

// TemplateData gives the values of the localized message.
func (e *ConflictError) TemplateData() map[string]any {
	return map[string]any{"ID": e.ID, "Step": e.Step, "File": e.File, "Line": e.Line}
}

// Hint suggests a fix.
func (e *ConflictError) Hint() string { return "review.undo-conflict.hint" }

// JournalError is returned for a journal entry that cannot be read or that
// does not hold what its checksums say.
type JournalError struct {
	File   string
	Line   int
	Reason string
}

func (e *JournalError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// MessageID names the localized message for e.
func (e *JournalError) MessageID() string { return "review.bad-journal" }

// TemplateData gives the values of the localized message.
func (e *JournalError) TemplateData() map[string]any {
	return map[string]any{"File": e.File, "Line": e.Line, "Reason": e.Reason}
}

// Hint suggests a fix.
func (e *JournalError) Hint() string { return "review.bad-journal.hint" }
