package tm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Memory is the translation memory of a workspace kept in a store.
type Memory struct {
	WS    *workspace.Workspace
	Store Store
	// Glossary, when set, widens a concordance query that names one of its
	// entries to that entry's forms in every language.
	Glossary *glossary.Glossary
	// Shared is set for a memory other workspaces update too (on a
	// server): an update compares each document three ways, with the
	// version this workspace and the memory last agreed on (see
	// [SharedStateName]), and a rebuild keeps the imported memories this
	// workspace has no copy of, which another machine added.
	Shared bool
	// Now is the clock that dates an import of a TMX whose units give no
	// changedate; nil means time.Now.
	Now func() time.Time

	once    sync.Once
	matcher *glossary.Matcher
}

// New returns the memory of ws kept in store.
func New(ws *workspace.Workspace, store Store) *Memory { return &Memory{WS: ws, Store: store} }

// now reads the memory's clock.
func (m *Memory) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

// Langs are the workspace languages.
func (m *Memory) Langs() []string { return m.WS.Config.Languages }

// UpdateReport says what an update or rebuild did.
type UpdateReport struct {
	Read      int // documents read (new or changed)
	Unchanged int // documents whose files had not changed
	Removed   int // sources removed
	// RemovedDocs are the first few documents removed (ids, sorted).
	RemovedDocs []string
	// Of a [Memory.Shared] memory (see [SharedStateName]): Newer counts
	// the documents another machine changed or removed there that this
	// workspace has not pulled (the memory's kept), NewerDocs names the
	// first few; Conflicts and ConflictDocs the documents changed both
	// here and there since they last agreed (the memory's kept); Others
	// the documents only the memory has, which this workspace never saw.
	Newer        int
	NewerDocs    []string
	Conflicts    int
	ConflictDocs []string
	Others       int
	Units        int // units written
	Imports      int // imported memories re-read (rebuild only)
	Kept         int // imported memories of other machines kept (a shared memory's rebuild)
}

// Update brings the memory up to date with the documents: only those whose
// meta.yaml or alignment.yaml changed since the last update are read, and
// documents that were deleted leave the memory. All changes are applied in
// one transaction. The caller holds the workspace lock, or accepts that a
// document being written is read either before or after the write. A
// [Memory.Shared] memory keeps what other machines published (see
// [SharedStateName]).
func (m *Memory) Update(ctx context.Context) (UpdateReport, error) {
	return m.sync(ctx, false)
}

// Rebuild derives the memory again from scratch: every document and every
// imported memory kept under [Folder] is read, and the store is replaced in
// one transaction. A [Memory.Shared] memory keeps the imported memories
// this workspace has no copy of, and the documents that are not this
// workspace's to publish (see [SharedStateName]).
func (m *Memory) Rebuild(ctx context.Context) (UpdateReport, error) {
	return m.sync(ctx, true)
}

func (m *Memory) sync(ctx context.Context, rebuild bool) (UpdateReport, error) {
	if m.Shared {
		return m.syncShared(ctx, rebuild)
	}
	var rep UpdateReport
	local, err := m.localDocs()
	if err != nil {
		return rep, err
	}
	known := map[string]Source{}
	if !rebuild {
		srcs, err := m.Store.Sources(ctx)
		if err != nil {
			return rep, err
		}
		for _, s := range srcs {
			known[s.Name] = s
		}
	}
	var jobs []docJob
	present := map[string]bool{}
	for _, d := range local {
		name := DocPrefix + d.id
		present[name] = true
		old, has := known[name]
		if has && old.Stamp == d.stamp && d.stamp != "" {
			rep.Unchanged++
			continue
		}
		jobs = append(jobs, docJob{id: d.id, stamp: d.stamp, old: old, has: has})
	}
	var removed []Change
	for name := range known {
		if strings.HasPrefix(name, DocPrefix) && !present[name] {
			removed = append(removed, Change{Source: Source{Name: name}, Remove: true})
		}
	}
	slices.SortFunc(removed, func(a, b Change) int { return strings.Compare(a.Source.Name, b.Source.Name) })
	var imports []Change
	if rebuild {
		if imports, err = m.rebuildImports(known, &rep); err != nil {
			return rep, err
		}
	}
	if len(jobs) == 0 && len(removed) == 0 && !rebuild {
		return rep, nil
	}
	// The documents are read in chunks, each on every core, and streamed
	// to the store in order: a rebuild never holds the whole memory.
	stream := func(yield func(Change, error) bool) {
		ok := m.readDocs(jobs, func(c Change, err error) bool {
			if err == nil && c.KeepUnits {
				rep.Unchanged++
			} else if err == nil {
				rep.Read++
				rep.Units += len(c.Units)
			}
			return yield(c, err)
		})
		if !ok {
			return
		}
		rep.yieldRest(removed, imports, yield)
	}
	base := rep
	if err := m.Store.Apply(ctx, rebuild, stream); err != nil {
		return base, err
	}
	return rep, nil
}

// docJob is a document an update reads: its id, the stamp of its files,
// and the memory's record of it (old) when it has one (has).
type docJob struct {
	id    string
	stamp string
	old   Source
	has   bool
}

// readDocs reads the documents of jobs, in chunks, each on every core,
// and yields their changes in order; false when yield stopped it (after
// an error, which it yields once).
func (m *Memory) readDocs(jobs []docJob, yield func(Change, error) bool) bool {
	workers := runtime.GOMAXPROCS(0)
	for start := 0; start < len(jobs); start += readChunk {
		chunk := jobs[start:min(start+readChunk, len(jobs))]
		changes := make([]Change, len(chunk))
		errs := make([]error, len(chunk))
		var wg sync.WaitGroup
		for w := 0; w < min(workers, len(chunk)); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(chunk); i += workers {
					j := chunk[i]
					changes[i], errs[i] = m.readDocument(j.id, j.stamp, j.old, j.has)
				}
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			yield(Change{}, err)
			return false
		}
		for _, c := range changes {
			if !yield(c, nil) {
				return false
			}
		}
	}
	return true
}

// localDoc is a document of the workspace and the stamp of its files.
type localDoc struct {
	id    string
	stamp string
}

// localDocs lists the workspace's documents with their stamps, sorted by
// id. A folder without meta.yaml is not a document (stamp tells, with the
// stat it needs anyway).
func (m *Memory) localDocs() ([]localDoc, error) {
	entries, err := os.ReadDir(m.WS.Path(document.Folder))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// Two stats a document, on every core: at 10,000 documents they are
	// most of an update that finds one changed.
	var ids []string
	for _, e := range entries {
		// A link may be a document's folder, as document.Folders lists
		// it; stamp tells (a link to nothing or to a file has no meta.yaml).
		if id := e.Name(); (e.IsDir() || e.Type()&fs.ModeSymlink != 0) && document.ValidID(id) == nil {
			ids = append(ids, id)
		}
	}
	stamps := make([]string, len(ids))
	isDocs := make([]bool, len(ids))
	st := openStamper(m.WS.Path(document.Folder))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ids); i += workers {
				stamps[i], isDocs[i] = m.stamp(st, ids[i])
			}
		}()
	}
	wg.Wait()
	st.close()
	out := make([]localDoc, 0, len(ids))
	for i, id := range ids {
		if isDocs[i] {
			out = append(out, localDoc{id: id, stamp: stamps[i]})
		}
	}
	return out, nil
}

// rebuildImports are the imported memories a rebuild writes again: those
// kept under [Folder]. On a shared memory (known holds its sources), an
// import of the same name with another text is another machine's since:
// it is kept, not replaced, and so are those this workspace has no copy
// of; rep.Kept counts them.
func (m *Memory) rebuildImports(known map[string]Source, rep *UpdateReport) ([]Change, error) {
	imports, err := m.keptImports()
	if err != nil {
		return nil, err
	}
	imports = slices.DeleteFunc(imports, func(c Change) bool {
		old, ok := known[c.Source.Name]
		return ok && old.Hash != c.Source.Hash
	})
	for name := range known {
		if strings.HasPrefix(name, TMXPrefix) && !slices.ContainsFunc(imports, func(c Change) bool { return c.Source.Name == name }) {
			rep.Kept++
		}
	}
	return imports, nil
}

// yieldRest yields, after an update's documents, the sources it removes and then the TMX files
// it imports again, counting them in rep, until yield asks for no more.
func (rep *UpdateReport) yieldRest(removed, imports []Change, yield func(Change, error) bool) {
	for _, c := range removed {
		rep.Removed++
		if len(rep.RemovedDocs) < removedShown {
			rep.RemovedDocs = append(rep.RemovedDocs, strings.TrimPrefix(c.Source.Name, DocPrefix))
		}
		if !yield(c, nil) {
			return
		}
	}
	for _, c := range imports {
		rep.Imports++
		rep.Units += len(c.Units)
		if !yield(c, nil) {
			return
		}
	}
}

// removedShown is how many removed documents an UpdateReport names.
const removedShown = 5

// readChunk is how many documents an update reads before handing them to
// the store.
const readChunk = 64

// stamp is the size and modification time of a document's meta.yaml and
// alignment.yaml: while it is the same, the document is not read again.
// "" when a file cannot be examined (the document is then read). isDoc
// is false for a folder without meta.yaml, which is no document.
func (m *Memory) stamp(st *stamper, id string) (stamp string, isDoc bool) {
	var b strings.Builder
	docs := m.WS.Path(document.Folder)
	for i, name := range []string{"meta.yaml", document.AlignmentName} {
		exists, err := st.stat(&b, docs, id, name)
		switch {
		case err != nil:
			return "", true
		case !exists && i == 0:
			return "", false
		case !exists:
			b.WriteString("-;")
		}
	}
	return b.String(), true
}

// statPath writes the size and modification time of a document's file
// name to b, found by its path.
func statPath(b *strings.Builder, docs, id, name string) (exists bool, err error) {
	fi, err := os.Stat(filepath.Join(docs, id, name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	}
	fmt.Fprintf(b, "%d.%d;", fi.Size(), fi.ModTime().UnixNano())
	return true, nil
}

// readDocument reads a document's groups as units. When the memory has it
// (has, its record old) with the same hash, the files were only touched:
// the change keeps the units and records the new stamp, and nothing is
// parsed. On a memory a team shares, each machine's files have their own
// stamps, so every update after another machine's finds every document
// touched: hashing alone is what keeps those updates cheap.
func (m *Memory) readDocument(id, stamp string, old Source, has bool) (Change, error) {
	if err := document.ValidID(id); err != nil {
		return Change{}, err
	}
	alData, hash, err := m.readVersion(id)
	if err != nil {
		return Change{}, err
	}
	rel := func(name string) string { return filepath.Join(document.Folder, id, name) }
	if has && hash == old.Hash {
		src := old
		src.Stamp = stamp
		return Change{Source: src, KeepUnits: true}, nil
	}
	d, err := document.Open(m.WS, id)
	if err != nil {
		return Change{}, err
	}
	var a *document.Alignment
	if alData != nil {
		a, err = document.ParseAlignment(rel(document.AlignmentName), alData)
		if err != nil {
			return Change{}, err
		}
	}
	var t time.Time
	for _, v := range d.Meta.Versions {
		if v != nil && v.Imported.After(t) {
			t = v.Imported
		}
	}
	src := Source{Name: DocPrefix + id, Hash: hash, Stamp: stamp, Time: t.UTC()}
	var units []Unit
	if a != nil {
		units = make([]Unit, 0, len(a.Groups))
		for gi, g := range a.Groups {
			u := Unit{Source: src.Name, Group: gi + 1, Confirmed: g.Status == document.Confirmed, Time: src.Time, Note: g.Note}
			if u.Confirmed {
				// A confirmation after the import makes the unit newer.
				u.Time = later(u.Time, g.ConfirmedAt.UTC())
			}
			for _, l := range a.Languages {
				if txt := g.Text(l); strings.TrimSpace(txt) != "" {
					u.Variants = append(u.Variants, Variant{Lang: l, Text: txt})
				}
			}
			if len(u.Variants) > 0 {
				units = append(units, u)
			}
		}
	}
	src.Units = len(units)
	return Change{Source: src, Units: units}, nil
}

// readVersion reads document id's alignment.yaml (nil when it has none)
// and returns it with the document's version: the sha256 of its meta.yaml
// and alignment.yaml.
func (m *Memory) readVersion(id string) (alData []byte, hash string, err error) {
	rel := func(name string) string { return filepath.Join(document.Folder, id, name) }
	metaData, err := m.WS.ReadFile(rel("meta.yaml"))
	if err != nil {
		return nil, "", err
	}
	h := sha256.New()
	h.Write(metaData)
	alData, err = m.WS.ReadFile(rel(document.AlignmentName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		alData = nil
	case err != nil:
		return nil, "", err
	default:
		h.Write([]byte{0})
		h.Write(alData)
	}
	return alData, hex.EncodeToString(h.Sum(nil)), nil
}

// sortUnits orders units confirmed first, then newest, then by source and
// group.
func sortUnits[T any](s []T, unit func(*T) *Unit) {
	sort.SliceStable(s, func(i, j int) bool {
		a, b := unit(&s[i]), unit(&s[j])
		if a.Confirmed != b.Confirmed {
			return a.Confirmed
		}
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Group < b.Group
	})
}

// Stats counts the memory's units.
func (m *Memory) Stats(ctx context.Context) (Stats, error) { return m.Store.Stats(ctx) }
