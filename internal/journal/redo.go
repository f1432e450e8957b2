package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// # Redo
//
// An undo keeps what it takes away: beside the entries, as
// FOLDER/journal/redo-NNNNNN.yaml, an entry of the same form whose "step"
// is the undo itself (from the files as the step left them to the files
// as before it), so that taking back the undo, which is a redo, is the
// same code as an undo. Redo puts the newest undone step back (the one
// with the lowest number: an undo goes newest first) as a new step of
// the journal, which gets the number it had, and removes its redo entry.
// Any other step (an edit, an align, an import) ends the history redo
// could put back, as in every editor: its redo entries are removed.

const redoPrefix = "redo-"

func (j *Journal) redoRel(step int) string {
	return filepath.Join(j.Dir, Folder, fmt.Sprintf("%s%06d.yaml", redoPrefix, step))
}

// redoSteps lists the steps redo can put back, the next one first.
func (j *Journal) redoSteps() ([]int, error) {
	entries, err := os.ReadDir(j.dir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return stepNumbers(entries, redoPrefix), nil
}

func (j *Journal) readRedo(step int) (*Entry, error) { return j.readEntry(j.redoRel(step), step) }

// keepRedo writes the redo entry of e before an undo puts old (the
// contents before e's step) in place of the files as they are now.
func (j *Journal) keepRedo(e *Entry, old []content) error {
	r := &Entry{Step: e.Step, Time: e.Time, Message: e.Message, Data: e.Data}
	for i, f := range e.Files {
		cur, ok, err := j.current(f.Name)
		if err != nil {
			return err
		}
		if !ok {
			continue // a forced undo of a file gone since: nothing to put back
		}
		b := old[i]
		if b.exists && string(b.data) == string(cur) {
			continue // already as before: the undo leaves it alone
		}
		rf := FileState{Name: f.Name, BeforeSum: Hash(cur), Undo: Diff(cur, b.data)}
		if b.exists {
			rf.AfterSum = Hash(b.data)
		}
		r.Files = append(r.Files, rf)
	}
	if len(r.Files) == 0 {
		return nil
	}
	raw, err := r.Marshal()
	if err != nil {
		return err
	}
	return j.WS.WriteFile(j.redoRel(e.Step), raw)
}

// dropRedoStep removes the redo entry of step after its undo failed, and
// returns err.
func (j *Journal) dropRedoStep(step int, err error) error {
	_ = os.Remove(j.WS.Path(j.redoRel(step)))
	return err
}

// dropRedo removes every redo entry: a new step ends what redo could put
// back.
func (j *Journal) dropRedo() error {
	steps, err := j.redoSteps()
	if err != nil {
		return err
	}
	for _, s := range steps {
		if err := os.Remove(j.WS.Path(j.redoRel(s))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// dropRedoIfGone removes the redo entries when the undo took the folder's
// files away with the step that created them (the first import of a
// document): there is no document left to redo into, and the folder goes.
func (j *Journal) dropRedoIfGone() error {
	steps, err := j.steps()
	if err != nil || len(steps) > 0 {
		return err
	}
	entries, err := os.ReadDir(j.WS.Path(j.Dir))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, e := range entries {
		if e.Name() != Folder {
			return nil
		}
	}
	return j.dropRedo()
}

// RedoCount returns how many steps redo can put back, without reading
// them (an undone align of a long document keeps megabytes).
func (j *Journal) RedoCount() (int, error) {
	steps, err := j.redoSteps()
	return len(steps), err
}

// Redoable returns the steps redo can put back, the next one first.
func (j *Journal) Redoable() ([]*Entry, error) {
	steps, err := j.redoSteps()
	if err != nil {
		return nil, err
	}
	var out []*Entry
	for _, s := range steps {
		e, err := j.readRedo(s)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Redo puts back the last n steps undo took back, the last one undone
// first, each as a new step of the journal, and returns their entries. A
// step whose files changed since its undo (by hand, by git) is refused:
// putting it back would throw that change away. A step a crash
// interrupted is rolled back first. now is the time recorded for the new
// steps, zero meaning time.Now. The caller holds the workspace lock.
func (j *Journal) Redo(n int, now time.Time) (redone []*Entry, recovered *Entry, err error) {
	if recovered, err = j.Recover(); err != nil {
		return nil, nil, err
	}
	if err := j.dropRedone(); err != nil {
		return nil, recovered, err
	}
	steps, err := j.redoSteps()
	if err != nil {
		return nil, recovered, err
	}
	if n < 1 || n > len(steps) {
		return nil, recovered, &RedoError{ID: j.Name, Want: n, Have: len(steps)}
	}
	for _, s := range steps[:n] {
		r, err := j.readRedo(s)
		if err != nil {
			return redone, recovered, err
		}
		st, name, err := j.state(r)
		if err != nil {
			return redone, recovered, err
		}
		if st != applied {
			if name == "" {
				name = r.Files[0].Name
			}
			return redone, recovered, j.changedSinceUndo(s, name)
		}
		tx := &Tx{j: j, staged: map[string][]byte{}, redo: true}
		for _, f := range r.Files {
			data, exists, err := j.before(r, f, false)
			if err != nil {
				return redone, recovered, err
			}
			if !exists {
				return redone, recovered, &JournalError{File: r.file, Line: 1, Reason: fmt.Sprintf("%s would be removed, which no step does", f.Name)}
			}
			tx.Write(f.Name, data)
		}
		step, err := tx.Commit(r.Message, r.Data, now)
		if err != nil {
			return redone, recovered, err
		}
		if err := os.Remove(j.WS.Path(j.redoRel(s))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return redone, recovered, err
		}
		if step == 0 {
			continue
		}
		e, err := j.read(step)
		if err != nil {
			return redone, recovered, err
		}
		redone = append(redone, e)
	}
	return redone, recovered, nil
}

// dropRedone removes the next redo entry when its step is back already:
// a redo writes its step, then removes the entry, and a crash in between
// leaves an entry whose files are as it would make them. Putting it back
// again would be refused as a change since the undo.
func (j *Journal) dropRedone() error {
	steps, err := j.redoSteps()
	if err != nil || len(steps) == 0 {
		return err
	}
	r, err := j.readRedo(steps[0])
	if err != nil {
		return err
	}
	if st, _, err := j.state(r); err != nil || st != notApplied {
		return err
	}
	if err := os.Remove(j.WS.Path(j.redoRel(steps[0]))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
