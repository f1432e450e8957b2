// Package journal makes every change of a document's files undoable and
// safe against a crash. It is the one write path for those files: review
// edits, align, import and import-tmx all stage their new files in a [Tx]
// and commit it; undo walks the steps back.
//
// # A step
//
// A commit writes one entry, FOLDER/journal/NNNNNN.yaml, then the files.
// The entry holds, for each file, the sha256 of its content before and
// after the step and the lines that turn the new content back into the old
// one (a line diff, see [Diff]), so a step costs what it changed, not the
// size of the file. The entry is written atomically BEFORE any of the
// files, so at every instant one of these holds:
//
//   - no entry: the step had not started; nothing changed;
//   - an entry, and every file still as before: the step was interrupted
//     before writing; recovery drops the entry;
//   - an entry, some files before and some after: the step (or its undo)
//     was interrupted halfway; recovery puts the old contents back;
//   - an entry, every file after: the step is complete and undo can take
//     it back byte for byte.
//
// The journal is git-ignored, so git can put files back under it (a
// checkout, a stash, a reset). Files in one of the first three states that
// are newer than the entry did not come from a crash (see crashed): they
// are left alone, and so is the entry, which undo then refuses as a step
// whose files changed.
//
// Every writer recovers first ([Journal.Begin]); readers that take no lock
// see the state before an interrupted step ([Journal.Interrupted],
// [Journal.Before]).
//
// Recovering an interrupted step counts as taking it back: undo after a
// crash takes back the crashed step and nothing more.
//
// # Size
//
// A journal keeps at most [MaxSteps] entries and [MaxBytes] bytes of them;
// the oldest are deleted after each commit (the newest is always kept).
// Git keeps the older history.
package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/tilmash/tilmash/internal/workspace"
)

// Folder is the name of the journal folder inside the folder it guards.
const Folder = "journal"

// MaxSteps is how many entries a journal keeps.
const MaxSteps = 100

// MaxBytes bounds the total size of a journal's entries. A step that
// rewrites a whole large alignment may alone be bigger; it is kept, and
// older ones go.
const MaxBytes = 64 << 20

// Journal is the journal of one folder of a workspace.
type Journal struct {
	WS *workspace.Workspace
	// Dir is the folder of the files, relative to the workspace root
	// (documents/DOC).
	Dir string
	// Name names the folder's owner in messages (the document id).
	Name string
	// Valid says which file names a step may write.
	Valid func(name string) bool
	// MaxSteps and MaxBytes override the package limits when positive.
	MaxSteps int
	MaxBytes int64
	// BeforeWrite, when set (by the crash tests), is called before each
	// file of a step (after its entry is written) or of an undo is
	// written, with the file's name: the moment a crash test stops the
	// process.
	BeforeWrite func(name string)
}

func (j *Journal) dir() string { return j.WS.Path(j.Dir, Folder) }

func (j *Journal) rel(step int) string {
	return filepath.Join(j.Dir, Folder, fmt.Sprintf("%06d.yaml", step))
}

func (j *Journal) path(name string) string { return j.WS.Path(j.Dir, name) }

// steps lists the step numbers in the journal, oldest first. Other files
// (an editor's backup, a temporary file left by a crash) are ignored.
func (j *Journal) steps() ([]int, error) {
	entries, err := os.ReadDir(j.dir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		if fi, serr := os.Stat(j.dir()); serr == nil && !fi.IsDir() {
			// A file where the folder should be (a stray copy, a sync
			// tool's conflict): the journal cannot be read, as with a
			// damaged entry, and the file is not tilmash's to remove.
			return nil, &JournalError{File: filepath.Join(j.Dir, Folder), NotFolder: true}
		}
		return nil, err
	}
	return stepNumbers(entries, ""), nil
}

// stepNumbers gives the numbers of the entries named PREFIX, six digits
// or more and .yaml, in order; other files are ignored.
func stepNumbers(entries []os.DirEntry, prefix string) []int {
	var out []int
	for _, e := range entries {
		base, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || e.IsDir() {
			continue
		}
		digits, ok := strings.CutPrefix(base, prefix)
		if !ok || len(digits) < 6 || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		if n, err := strconv.Atoi(digits); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

func (j *Journal) read(step int) (*Entry, error) { return j.readEntry(j.rel(step), step) }

// readEntry reads the entry in rel, which must be of step.
func (j *Journal) readEntry(rel string, step int) (*Entry, error) {
	data, err := j.WS.ReadFile(rel)
	if err != nil {
		return nil, err
	}
	e, err := ParseEntry(rel, data, j.Valid)
	if err != nil {
		return nil, err
	}
	if e.Step != step {
		return nil, &JournalError{File: rel, Line: 1, Reason: fmt.Sprintf("the entry says step %d but its file name says %d", e.Step, step)}
	}
	return e, nil
}

// NewestFile returns the file of the newest entry, relative to the
// workspace, and false when the journal is empty. A reader that keeps
// what it read of the files the journal guards looks at it (with the
// folder) to know that no step began since.
func (j *Journal) NewestFile() (string, bool, error) {
	steps, err := j.steps()
	if err != nil || len(steps) == 0 {
		return "", false, err
	}
	return j.rel(steps[len(steps)-1]), true, nil
}

// Newest returns the newest entry, the step an undo takes back first, or
// nil for an empty journal.
func (j *Journal) Newest() (*Entry, error) { return j.last() }

// last returns the newest entry, or nil for an empty journal.
func (j *Journal) last() (*Entry, error) {
	steps, err := j.steps()
	if err != nil || len(steps) == 0 {
		return nil, err
	}
	return j.read(steps[len(steps)-1])
}

func (j *Journal) remove(step int) error {
	err := os.Remove(j.WS.Path(j.rel(step)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// prune deletes the oldest entries beyond the step and size limits, always
// keeping the newest. The size counts the redo entries too (an undone
// import keeps its whole text there, though its step kept next to
// nothing): when the steps left are not enough, the redo entries that
// redo would put back last go, always keeping the next one.
func (j *Journal) prune() error {
	maxSteps, maxBytes := j.MaxSteps, j.MaxBytes
	if maxSteps <= 0 {
		maxSteps = MaxSteps
	}
	if maxBytes <= 0 {
		maxBytes = MaxBytes
	}
	steps, err := j.steps()
	if err != nil {
		return err
	}
	redo, err := j.redoSteps()
	if err != nil {
		return err
	}
	var total int64
	size := func(rel string) int64 {
		if fi, err := os.Stat(j.WS.Path(rel)); err == nil {
			total += fi.Size()
			return fi.Size()
		}
		return 0
	}
	sizes := make([]int64, len(steps))
	for i, s := range steps {
		sizes[i] = size(j.rel(s))
	}
	redoSizes := make([]int64, len(redo))
	for i, s := range redo {
		redoSizes[i] = size(j.redoRel(s))
	}
	for i := 0; i < len(steps)-1 && (len(steps)-i > maxSteps || total > maxBytes); i++ {
		if err := j.remove(steps[i]); err != nil {
			return err
		}
		total -= sizes[i]
	}
	for i := len(redo) - 1; i > 0 && total > maxBytes; i-- {
		if err := os.Remove(j.WS.Path(j.redoRel(redo[i]))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		total -= redoSizes[i]
	}
	return nil
}

// current reads a file of the folder; ok is false when it is missing.
func (j *Journal) current(name string) (data []byte, ok bool, err error) {
	data, err = j.WS.ReadFile(filepath.Join(j.Dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	return data, err == nil, err
}

// sum returns the sha256 of a file, "" when it is missing.
func (j *Journal) sum(name string) (string, error) {
	data, ok, err := j.current(name)
	if !ok || err != nil {
		return "", err
	}
	return Hash(data), nil
}

// state says how far the files got through an entry's step.
type state int

const (
	applied    state = iota // every file as after the step
	notApplied              // every file as before: the step never started writing
	partial                 // some before, some after: the step (or its undo) was interrupted
	diverged                // some file is neither: changed since, by something else
)

func (j *Journal) state(e *Entry) (state, string, error) {
	before, after := 0, 0
	for _, f := range e.Files {
		sum, err := j.sum(f.Name)
		if err != nil {
			return diverged, f.Name, err
		}
		switch {
		case sum == f.AfterSum:
			after++
		case sum == f.BeforeSum:
			before++
		default:
			return diverged, f.Name, nil
		}
	}
	switch {
	case after == len(e.Files):
		return applied, "", nil
	case before == len(e.Files):
		return notApplied, "", nil
	}
	return partial, "", nil
}

// before returns a file's content before e's step, and false when the
// step created it. The file must be as e left it or as it was before;
// with force, a file changed since has the step's lines put back where
// they still fit, keeping the later change elsewhere.
func (j *Journal) before(e *Entry, f FileState, force bool) ([]byte, bool, error) {
	if f.Created {
		return nil, false, nil
	}
	if f.Full != nil {
		return []byte(*f.Full), true, nil
	}
	cur, ok, err := j.current(f.Name)
	if err != nil {
		return nil, false, err
	}
	sum := ""
	if ok {
		sum = Hash(cur)
	}
	switch {
	case sum == f.BeforeSum:
		return cur, true, nil
	case sum == f.AfterSum:
		out, err := Reverse(cur, f.Undo, false)
		if err == nil && Hash(out) != f.BeforeSum {
			err = &JournalError{File: e.file, Line: 1, Reason: fmt.Sprintf("the undo lines of %s do not give back its sha256", f.Name)}
		}
		return out, true, err
	case !force:
		return nil, false, j.changed(e.Step, f.Name)
	case !ok:
		return nil, false, j.conflict(e.Step, f.Name, 0)
	}
	out, err := Reverse(cur, f.Undo, true)
	var c *conflict
	if errors.As(err, &c) {
		return nil, false, j.conflict(e.Step, f.Name, c.line)
	}
	return out, true, err
}

// content is a file's content, or its absence.
type content struct {
	data   []byte
	exists bool
}

// befores returns the content of every file of e as before its step
// (see before), in e's order. It writes nothing: an undo works them all
// out first, so that a forced undo that meets a conflict in one file
// stops before it has put any other back.
func (j *Journal) befores(e *Entry, force bool) ([]content, error) {
	out := make([]content, len(e.Files))
	for i, f := range e.Files {
		data, exists, err := j.before(e, f, force)
		if err != nil {
			return nil, err
		}
		out[i] = content{data, exists}
	}
	return out, nil
}

// restore puts back the content of every file of e as before its step,
// last file first.
func (j *Journal) restore(e *Entry, force bool) error {
	old, err := j.befores(e, force)
	if err != nil {
		return err
	}
	return j.put(e, old)
}

// put writes old, the contents before e's step (see befores), last file
// first.
func (j *Journal) put(e *Entry, old []content) error {
	for i := len(e.Files) - 1; i >= 0; i-- {
		f := e.Files[i]
		data, exists := old[i].data, old[i].exists
		if sum, err := j.sum(f.Name); err != nil {
			return err
		} else if sum == f.BeforeSum {
			continue // already as before ("" when the step created it)
		}
		if j.BeforeWrite != nil {
			j.BeforeWrite(f.Name)
		}
		if !exists {
			if err := os.Remove(j.path(f.Name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			continue
		}
		if err := j.WS.WriteFile(filepath.Join(j.Dir, f.Name), data); err != nil {
			return err
		}
	}
	return nil
}

// crashed reports whether the files of e, found in state partial or
// notApplied, are as a tilmash killed during e's step or its undo left
// them. An undo leaves a mark beside the entry until it is done (see
// undoMark). A step writes its entry first, then its files, so a crash
// leaves the files it wrote (as after the step) no older than the entry,
// and those it had not reached (as before) no newer. Files put back by
// git (a checkout, a stash, a reset of some files; the journal is
// git-ignored and stays) are newer than the entry whatever their state:
// that is not a crash, and rolling the step back would delete or
// overwrite what the step wrote (a stash keeps an imported text only on
// disk, untracked). Equal times count as a crash, as before this check.
func (j *Journal) crashed(e *Entry) (bool, error) {
	if _, err := os.Stat(j.WS.Path(j.undoMark(e.Step))); err == nil {
		return true, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	st, err := os.Stat(j.WS.Path(j.rel(e.Step)))
	if err != nil {
		return false, err
	}
	stamp := st.ModTime()
	for _, f := range e.Files {
		fi, err := os.Stat(j.path(f.Name))
		if errors.Is(err, fs.ErrNotExist) {
			continue // a file the step creates, as before it: no time
		}
		if err != nil {
			return false, err
		}
		sum, err := j.sum(f.Name)
		if err != nil {
			return false, err
		}
		if sum == f.AfterSum && fi.ModTime().Before(stamp) || sum != f.AfterSum && fi.ModTime().After(stamp) {
			return false, nil
		}
	}
	return true, nil
}

// undoMark is the file an undo of step leaves beside its entry while it
// puts the files back: a crash then leaves files newer than the entry as
// before the step, as git would, and the mark tells the two apart.
func (j *Journal) undoMark(step int) string {
	return filepath.Join(j.Dir, Folder, fmt.Sprintf("%06d.undoing", step))
}

// removeMark removes the undo mark of step, if there is one.
func (j *Journal) removeMark(step int) error {
	if err := os.Remove(j.WS.Path(j.undoMark(step))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Interrupted returns the newest entry when its step stopped halfway
// (some files written, some not), nil otherwise. It writes nothing, so
// readers that take no lock can call it.
func (j *Journal) Interrupted() (*Entry, error) {
	e, err := j.last()
	if err != nil || e == nil {
		return nil, err
	}
	st, _, err := j.state(e)
	if err != nil || st != partial {
		return nil, err
	}
	if ok, err := j.crashed(e); err != nil || !ok {
		return nil, err
	}
	return e, nil
}

// Before returns the content of a file as it was before e's step, for a
// reader showing the state before an interrupted step; ok is false when
// the step created the file.
func (j *Journal) Before(e *Entry, name string) (data []byte, ok bool, err error) {
	for _, f := range e.Files {
		if f.Name == name {
			return j.before(e, f, false)
		}
	}
	return j.current(name)
}

// Recover finishes what a crash interrupted. When the newest entry belongs
// to a step (or an undo) that stopped before all its files were written,
// the files go back to their state before the step and the entry is
// dropped; Recover returns it. It returns nil when there was nothing to
// recover. The caller holds the workspace lock.
func (j *Journal) Recover() (*Entry, error) {
	e, err := j.last()
	if err != nil || e == nil {
		return nil, err
	}
	st, _, err := j.state(e)
	if err != nil || st == applied || st == diverged {
		return nil, err
	}
	if ok, err := j.crashed(e); err != nil || !ok {
		// Not a crash: git (or a person) changed the files since. They
		// are left as they are, and the step too: undo refuses it as a
		// step whose files changed.
		return nil, err
	}
	if st == partial {
		if err := j.restore(e, false); err != nil {
			return nil, err
		}
	}
	if err := j.remove(e.Step); err != nil {
		return nil, err
	}
	return e, j.removeMark(e.Step)
}

// History returns the journal, oldest first.
func (j *Journal) History() ([]*Entry, error) {
	steps, err := j.steps()
	if err != nil {
		return nil, err
	}
	var out []*Entry
	for _, s := range steps {
		e, err := j.read(s)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Undo takes back the newest n steps, newest first, and returns the
// entries it took back. Each step's files must still be as the step left
// them; force takes a step back anyway, keeping what changed the files
// since wherever it does not touch the step's own lines. A step a crash
// interrupted is rolled back first and counts as one of the n: undo after
// a crash takes back the crashed step, not also the one before it. The
// caller holds the workspace lock.
func (j *Journal) Undo(n int, force bool) (undone []*Entry, recovered *Entry, err error) {
	if recovered, err = j.Recover(); err != nil {
		return nil, nil, err
	}
	if recovered != nil {
		n--
	}
	steps, err := j.steps()
	if err != nil {
		return nil, recovered, err
	}
	if n < 0 || n > len(steps) || (n == 0 && recovered == nil) {
		want := n
		if recovered != nil {
			want++
		}
		return nil, recovered, &UndoError{ID: j.Name, Want: want, Have: len(steps)}
	}
	for i := len(steps) - 1; i >= len(steps)-n; i-- {
		e, err := j.read(steps[i])
		if err != nil {
			return undone, recovered, err
		}
		if !force {
			st, name, err := j.state(e)
			if err != nil {
				return undone, recovered, err
			}
			if st != applied {
				if name == "" {
					name = e.Files[0].Name
				}
				return undone, recovered, j.changed(e.Step, name)
			}
		}
		if err := j.writable(e); err != nil {
			return undone, recovered, err
		}
		old, err := j.befores(e, force)
		if err != nil {
			return undone, recovered, err
		}
		// Keep what the undo takes away, so that redo can put it back.
		// It is written before any file: a crash halfway through the undo
		// is rolled back to the files as before the step (see Recover),
		// which is the state the redo entry starts from.
		if err := j.keepRedo(e, old); err != nil {
			return undone, recovered, err
		}
		// Mark the undo before the first file goes back, so that a crash
		// halfway is told from files git changed (see crashed).
		if err := os.WriteFile(j.WS.Path(j.undoMark(e.Step)), nil, 0o666); err != nil {
			return undone, recovered, j.dropRedoStep(e.Step, err)
		}
		if err := j.put(e, old); err != nil {
			// Some files may be back already: the mark makes the next
			// command finish the undo (see Recover), and the redo entry
			// then holds, so it stays.
			return undone, recovered, err
		}
		if err := j.remove(e.Step); err != nil {
			return undone, recovered, err
		}
		if err := j.removeMark(e.Step); err != nil {
			return undone, recovered, err
		}
		undone = append(undone, e)
	}
	// What the undo keeps for redo counts in the journal's size.
	if err := j.prune(); err != nil {
		return undone, recovered, err
	}
	// Taking back the step that created the folder's files leaves an
	// empty journal and folder: remove them (they are removed only when
	// empty), with the steps redo could put back: the folder is gone.
	if err := j.dropRedoIfGone(); err != nil {
		return undone, recovered, err
	}
	_ = os.Remove(j.dir())
	_ = os.Remove(j.WS.Path(j.Dir))
	return undone, recovered, nil
}

// writable refuses, before anything is written, a step whose files
// include one its owner made read-only (workspace.CheckWritable).
func (j *Journal) writable(e *Entry) error {
	for _, f := range e.Files {
		if err := j.WS.CheckWritable(filepath.Join(j.Dir, f.Name)); err != nil {
			return err
		}
	}
	return nil
}

// Tx is a step being prepared: files staged in memory, written by Commit.
type Tx struct {
	j *Journal
	// redo says the step is a redo: the other undone steps stay
	// redoable. Any other step ends them.
	redo bool
	// Recovered is the interrupted step Begin rolled back, if any.
	Recovered *Entry
	order     []string
	staged    map[string][]byte
}

// Begin starts a step. It first recovers a step a crash interrupted, so
// that the files read next are a consistent state. The caller holds the
// workspace lock until Commit returns.
func (j *Journal) Begin() (*Tx, error) {
	rec, err := j.Recover()
	if err != nil {
		return nil, err
	}
	return &Tx{j: j, Recovered: rec, staged: map[string][]byte{}}, nil
}

// Read returns a file as the step would leave it: staged content, or the
// file on disk. ok is false when neither exists. The caller must not
// modify the bytes: they may be a staged text (see [Tx.WriteString]).
func (t *Tx) Read(name string) (data []byte, ok bool, err error) {
	if b, staged := t.staged[name]; staged {
		return b, true, nil
	}
	return t.j.current(name)
}

// Write stages the new content of a file. Files are written in the order
// they were first staged.
func (t *Tx) Write(name string, data []byte) {
	if _, ok := t.staged[name]; !ok {
		t.order = append(t.order, name)
	}
	t.staged[name] = data
}

// WriteString stages text as the new content of a file without copying
// it: the text of a long imported document (76 MB) is then held once, not
// twice. Staged bytes are only ever read (hashed, compared, diffed,
// written), never modified, so viewing the immutable string as bytes is
// safe.
func (t *Tx) WriteString(name, text string) {
	t.Write(name, unsafe.Slice(unsafe.StringData(text), len(text)))
}

// Commit writes the step: its journal entry, then every staged file whose
// bytes change. It returns the step's number, or 0 when nothing changed
// and nothing was written. message and data describe the step (a
// catalogue id and its values); now is recorded, zero meaning time.Now.
func (t *Tx) Commit(message string, data map[string]any, now time.Time) (int, error) {
	j := t.j
	e := &Entry{Message: message, Data: data}
	var contents [][]byte
	for _, name := range t.order {
		if !j.Valid(name) {
			return 0, fmt.Errorf("journal: %s is not a file of %s", name, j.Dir)
		}
		after := t.staged[name]
		cur, ok, err := j.current(name)
		if err != nil {
			return 0, err
		}
		if ok && string(cur) == string(after) {
			continue
		}
		f := FileState{Name: name, AfterSum: Hash(after), Created: !ok}
		if ok {
			f.BeforeSum = Hash(cur)
			f.Undo = Diff(cur, after)
		}
		e.Files = append(e.Files, f)
		contents = append(contents, after)
	}
	if len(e.Files) == 0 {
		return 0, nil
	}
	if now.IsZero() {
		now = time.Now()
	}
	e.Time = now.UTC().Truncate(time.Second)
	steps, err := j.steps()
	if err != nil {
		return 0, err
	}
	e.Step = 1
	if len(steps) > 0 {
		e.Step = steps[len(steps)-1] + 1
	}
	if err := j.writable(e); err != nil {
		return 0, err // nothing written: no step half done
	}
	raw, err := e.Marshal()
	if err != nil {
		return 0, err
	}
	e.file = j.rel(e.Step)
	if err := j.removeMark(e.Step); err != nil {
		return 0, err // a mark an undo of an earlier step of this number left
	}
	if err := j.WS.WriteFile(e.file, raw); err != nil {
		return 0, err
	}
	for i, f := range e.Files {
		if j.BeforeWrite != nil {
			j.BeforeWrite(f.Name)
		}
		if err := j.WS.WriteFile(filepath.Join(j.Dir, f.Name), contents[i]); err != nil {
			// The system refused a file (a full disk, a permission):
			// take back what the step wrote now, so the files are as
			// before and no half-done step waits for the next command to
			// roll it back as after a crash. If that fails too, Recover
			// still will.
			if j.restore(e, false) == nil {
				_ = j.remove(e.Step)
			}
			return 0, err
		}
	}
	if !t.redo {
		if err := j.dropRedo(); err != nil {
			return 0, err
		}
	}
	return e.Step, j.prune()
}
