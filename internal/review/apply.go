package review

import (
	"errors"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/journal"
)

// Snapshot is a document's alignment and texts as read together.
type Snapshot struct {
	Doc       *document.Document
	Alignment *document.Alignment
	Raw       []byte            // the alignment file's bytes
	Texts     map[string]string // the stored text of each imported language
	// Interrupted is set when an edit was interrupted by a crash and not
	// yet recovered: the snapshot then shows the files as they were before
	// it, read from the journal, and leaves the files alone.
	Interrupted *journal.Entry
}

// AlignmentFile returns the alignment's path relative to the workspace,
// for messages.
func (s *Snapshot) AlignmentFile() string {
	return filepath.Join(document.Folder, s.Doc.ID, document.AlignmentName)
}

// Verify checks the alignment against the texts.
func (s *Snapshot) Verify() []error { return s.Alignment.Verify(s.AlignmentFile(), s.Texts) }

// Load reads the alignment and texts of d without writing anything, so
// that readers such as show need no lock. When the journal shows an
// interrupted edit, Load returns the state before it. A document without an
// alignment gives a NotAlignedError.
func Load(d *document.Document) (*Snapshot, error) { return load(d, true) }

// LoadFiles reads the alignment and texts of d as the files are, without
// looking at the journal: for a reader that could not read the journal
// (a damaged entry) and still wants to show the document.
func LoadFiles(d *document.Document) (*Snapshot, error) { return load(d, false) }

// load is Load; checkJournal false skips the look at the journal, for a
// caller that has just recovered.
func load(d *document.Document, checkJournal bool) (*Snapshot, error) {
	j := d.Journal()
	var interrupted *journal.Entry
	if checkJournal {
		var err error
		if interrupted, err = j.Interrupted(); err != nil {
			return nil, err
		}
	}
	read := func(name string) ([]byte, error) {
		if interrupted == nil {
			return d.ReadFile(name)
		}
		data, ok, err := j.Before(interrupted, name)
		if err == nil && !ok {
			err = fs.ErrNotExist
		}
		return data, err
	}
	raw, err := read(document.AlignmentName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notAligned(d.ID)
	}
	if err != nil {
		return nil, err
	}
	s := &Snapshot{Doc: d, Raw: raw, Texts: map[string]string{}, Interrupted: interrupted}
	if s.Alignment, err = document.ParseAlignment(s.AlignmentFile(), raw); err != nil {
		return nil, err
	}
	for _, l := range d.Languages() {
		t, err := read(l + ".txt")
		if err != nil {
			return nil, err
		}
		s.Texts[l] = string(t)
	}
	return s, nil
}

// Options tune Apply.
type Options struct {
	// Marker re-checks the touched groups; nil skips the check.
	Marker Marker
	// Now is the time recorded in the journal, and the date of the
	// confirmations the edit makes (see [document.StampConfirmed]); zero
	// means time.Now.
	Now time.Time
	// Snapshot, when set, is what Load gave the caller under the same
	// lock. Apply edits it instead of reading and parsing the files again
	// (the long part of an edit on a long document), unless an interrupted
	// edit had to be recovered first.
	Snapshot *Snapshot
}

// Result says what Apply did.
type Result struct {
	Change *Change
	// Step is the journal step of the edit; 0 when the edit changed
	// nothing, and nothing was written.
	Step int
	// Before and After are the marks of the touched groups before and
	// after the edit (nil without a Marker).
	Before, After []Mark
	// Recovered is an interrupted change that was rolled back first.
	Recovered *journal.Entry
	// Alignment is the alignment after the edit.
	Alignment *document.Alignment
	// LostFormatting are the spans of formatting the edit dropped: the
	// words under them were rewritten (see [document.Rebase]).
	LostFormatting []document.LostSpan

	// after is what the edit wrote: the document (its meta.yaml), the
	// alignment file and the texts, for [Result.Snapshot].
	afterDoc   *document.Document
	afterRaw   []byte
	afterTexts map[string]string
}

// Snapshot is the document as the edit left it, what [Load] would read
// right after it: taken from the bytes the edit wrote, without reading the
// files again (a caller that keeps snapshots, such as tilmash serve, spares
// the next reader the whole file). The alignment is parsed from those
// bytes, not the edited one in memory, so that its line numbers are the
// file's. nil when the edit changed nothing.
func (r *Result) Snapshot() (*Snapshot, error) {
	if r.afterRaw == nil {
		return nil, nil
	}
	s := &Snapshot{Doc: r.afterDoc, Raw: r.afterRaw, Texts: r.afterTexts}
	var err error
	if s.Alignment, err = document.ParseAlignment(s.AlignmentFile(), s.Raw); err != nil {
		return nil, err
	}
	return s, nil
}

// Apply runs op on the alignment of d and stores the result, journaled.
// The caller holds the workspace lock.
//
// In order: an interrupted earlier edit is recovered; the alignment is read
// and verified against the texts (an alignment that does not match them is
// refused, untouched); op runs on it; if any bytes change, the journal
// entry is written, then the new texts, alignment and meta.yaml. A crash
// anywhere leaves a state that Recover, Load and Undo understand.
func Apply(d *document.Document, op Op, opt Options) (*Result, error) {
	c, err := document.Begin(d.WS, d.ID)
	if err != nil {
		return nil, err
	}
	if d, err = c.Document(); err != nil { // recovery may have restored meta.yaml
		return nil, err
	}
	snap := opt.Snapshot
	if snap == nil || c.Recovered != nil || snap.Interrupted != nil || snap.Doc.ID != d.ID {
		if snap, err = load(d, false); err != nil {
			return nil, err
		}
	}
	if probs := snap.Verify(); len(probs) > 0 {
		return nil, notVerified(d.ID, probs)
	}
	res := &Result{Recovered: c.Recovered}
	before := snap.Alignment
	after := clone(before)
	if res.Change, err = op.Apply(after, snap.Texts); err != nil {
		return nil, namingDoc(err, d.ID)
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	document.StampConfirmed(before, after, now)
	res.Alignment = after
	if opt.Marker != nil {
		if res.Before, err = opt.Marker.Marks(d.ID, before, res.Change.Old); err != nil {
			return nil, err
		}
		if res.After, err = opt.Marker.Marks(d.ID, after, res.Change.New); err != nil {
			return nil, err
		}
	}
	if err := stage(c, d, snap, after, res.Change.Texts); err != nil {
		return nil, err
	}
	// What the change leaves, as the files will hold it (meta.yaml is
	// small: read from the change, staged or not).
	raw, err := c.Raw(document.AlignmentName)
	if err != nil {
		return nil, err
	}
	ad, err := c.Document()
	if err != nil {
		return nil, err
	}
	res.Step, err = c.Commit(res.Change.Message, res.Change.Data, opt.Now)
	if err == nil && res.Step > 0 {
		texts := maps.Clone(snap.Texts)
		maps.Copy(texts, res.Change.Texts)
		res.afterDoc = ad
		res.afterRaw, res.afterTexts = raw, texts
		res.LostFormatting = c.LostFormatting
	}
	return res, err
}

// clone returns a deep copy of a, so that an op can change one copy while
// the other keeps the state before it.
func clone(a *document.Alignment) *document.Alignment {
	c := *a
	c.Languages = slices.Clone(a.Languages)
	c.Sources = maps.Clone(a.Sources)
	c.Groups = make([]*document.Group, len(a.Groups))
	for i, g := range a.Groups {
		h := *g
		h.Sents = make(map[string][]document.Sentence, len(g.Sents))
		for l, s := range g.Sents {
			h.Sents[l] = slices.Clone(s)
		}
		if g.Was != nil {
			h.Was = make(map[string][]string, len(g.Was))
			for l, ts := range g.Was {
				h.Was[l] = slices.Clone(ts)
			}
		}
		c.Groups[i] = &h
	}
	return &c
}

// stage puts the files an edit replaces into the change, in the order to
// write them: texts, then the alignment, then meta.yaml. The commit leaves
// out files whose bytes do not change.
func stage(c *document.Change, d *document.Document, snap *Snapshot, after *document.Alignment, texts map[string]string) error {
	meta := d.Meta
	meta.Versions = map[string]*document.Version{}
	for l, v := range d.Meta.Versions {
		c := *v
		meta.Versions[l] = &c
	}
	for _, l := range d.Languages() {
		t, ok := texts[l]
		if !ok {
			continue
		}
		if err := c.SetText(l, t); err != nil {
			return err
		}
		v := meta.Versions[l]
		v.SHA256, v.Bytes = document.Hash(t), len(t)
		// A title import took from the heading follows the heading's fix.
		if v.Title == document.Title([]byte(snap.Texts[l])) {
			v.Title = document.Title([]byte(t))
		}
	}
	if err := c.SetAlignment(after); err != nil {
		return err
	}
	if len(texts) > 0 {
		return c.SetMeta(&meta)
	}
	return nil
}
