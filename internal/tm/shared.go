package tm

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tilmash/tilmash/internal/document"
)

// A memory several workspaces update (on a server, [Memory.Shared]) is
// brought up to date by a three-way comparison, as Unison or git compare
// two replicas with their last common state. Each workspace keeps, in its
// git-ignored [Folder] ([SharedStateName]), the version (hash) of every
// document on which it and the shared memory last agreed: the base. For
// each document, with L this workspace's version, M the memory's and B the
// base (any of them may be "none"):
//
//   - L = M: nothing to write; the base becomes L.
//   - M = B, L ≠ B: this workspace changed (or deleted) it: L is written
//     (or the document removed), and becomes the base.
//   - L = B, M ≠ B: another machine changed or removed it, and this
//     workspace has not pulled that yet: the memory's is kept, and the
//     update says so ([UpdateReport.Newer]). A document only the memory
//     has and this workspace never saw is another machine's new one: kept
//     ([UpdateReport.Others]).
//   - otherwise both changed since they last agreed: the memory's is kept
//     and the update says so ([UpdateReport.Conflicts]); the base stays,
//     so the next update says it again until the versions agree (after a
//     git pull, or another machine's update) or a rebuild publishes this
//     workspace's.
//
// In the last two cases, when the memory's version is one the document
// had in this workspace's git history (HEAD's newest commits that touched
// it), this workspace has moved on from it (pulled and merged it, or
// changed it since): its own version is the newer, and is written. That
// resolves a conflict once it is merged, and undoes an older version that
// a machine behind published with a rebuild. A workspace not in git can
// not tell, and keeps the memory's.
//
// A rebuild writes every document again where this workspace's version is
// the one to keep (the first two rules, and a conflict: a rebuild is how
// a person says "mine"), and still keeps another machine's newer versions
// and new documents.
//
// A workspace without a base (its first update of this memory, its
// [Folder] deleted, or another memory: the memory's identity changed)
// has B = none for every document: its new documents are written, the
// others' are kept, and a document that differs is a conflict, kept as
// the memory has it, never overwritten.
//
// The comparison is made under the store's update lock ([SharedStore]), with
// the memory as it is then: two updates at once are decided one after the
// other, the second on what the first wrote.

// SharedStateName is the file, in [Folder], of a workspace's bases for its
// shared memory.
const SharedStateName = "tm-shared.json"

// Current is a shared memory as an update finds it under the store's lock.
type Current struct {
	// ID names the memory: a memory made anew (or another server's) has
	// another one, and a workspace's bases of the old one do not apply.
	ID      string
	Sources []Source
}

// SharedStore is a [Store] that several workspaces update: the changes of
// an update are decided under the lock its Apply holds.
type SharedStore interface {
	Store
	// Current reads the memory as it is, without the lock: an update
	// that finds nothing to write takes no lock, and does not wait for
	// another's.
	Current(ctx context.Context) (Current, error)
	// ApplyPlanned calls plan with the memory as it is under the update
	// lock and applies the changes plan returns (none when nil) in the
	// same transaction, as Apply does.
	ApplyPlanned(ctx context.Context, plan func(Current) (iter.Seq2[Change, error], error)) error
}

// applyPlanned plans on the memory as it is and, when the plan writes
// something, plans again under the update lock ([SharedStore.ApplyPlanned])
// and applies. A plan that writes nothing holds for the memory it read
// (the last committed one): then no lock is taken, so a command that only
// reads the memory never waits for another machine's update. A store that
// is not a SharedStore (an embedded one: nothing else writes it) applies
// the first plan.
func applyPlanned(ctx context.Context, st Store, plan func(Current) (iter.Seq2[Change, error], error)) error {
	ss, shared := st.(SharedStore)
	var cur Current
	var err error
	if shared {
		cur, err = ss.Current(ctx)
	} else {
		cur.Sources, err = st.Sources(ctx)
	}
	if err != nil {
		return err
	}
	changes, err := plan(cur)
	if err != nil || changes == nil {
		return err
	}
	if shared {
		return ss.ApplyPlanned(ctx, plan)
	}
	return st.Apply(ctx, false, changes)
}

// sharedState is a workspace's [SharedStateName].
type sharedState struct {
	// Memory is the [Current.ID] of the memory the bases are of.
	Memory string `json:"memory"`
	// Documents are the bases, and the local versions' cache, by id.
	Documents map[string]docState `json:"documents"`
}

// docState is what a workspace knows of one document of its shared memory.
type docState struct {
	// Base is the version this workspace and the memory last agreed on
	// ("" for none).
	Base string `json:"base,omitempty"`
	// Stamp and Hash are the local files' stamp and version when last
	// hashed: while the stamp is the same, the hash is.
	Stamp string `json:"stamp,omitempty"`
	Hash  string `json:"hash,omitempty"`
	// Searched is a memory version that is not in this workspace's git
	// history, as found while its version was Hash: not searched again
	// at every command until one of them changes.
	Searched string `json:"searched,omitempty"`
}

// loadShared reads the workspace's bases; a file that is missing or cannot
// be read is no bases (as on a new machine: nothing is overwritten).
func (m *Memory) loadShared() sharedState {
	st := sharedState{Documents: map[string]docState{}}
	data, err := os.ReadFile(m.WS.Path(Folder, SharedStateName))
	if err != nil || json.Unmarshal(data, &st) != nil || st.Documents == nil {
		return sharedState{Documents: map[string]docState{}}
	}
	return st
}

// saveShared writes the workspace's bases atomically.
func (m *Memory) saveShared(st sharedState) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(m.WS.Path(Folder), 0o755); err != nil {
		return err
	}
	return m.WS.WriteFile(filepath.Join(Folder, SharedStateName), data)
}

// action is what an update does to a document in the shared memory.
type action int

const (
	keep action = iota
	write
	remove
)

// verdict is the three-way decision for one document.
type verdict struct {
	act action
	// synced: this workspace and the memory agree afterwards, on the
	// local version, which becomes the base.
	synced bool
	// newer: the memory holds another machine's later version (or has
	// removed it), which this workspace has not pulled; other: a
	// document only the memory has, which this workspace never saw.
	newer, other bool
	// conflict: both changed since they last agreed; the memory's is kept.
	conflict bool
}

// decide applies the rules above to one document: base, local and mem are
// its versions ("" for none).
func decide(base, local, mem string, rebuild bool) verdict {
	mine := func() verdict {
		if local == "" {
			return verdict{act: remove, synced: true}
		}
		return verdict{act: write, synced: true}
	}
	switch {
	case local == mem:
		if rebuild && local != "" {
			return verdict{act: write, synced: true}
		}
		return verdict{synced: true}
	case mem == base:
		return mine()
	case local == base && local == "":
		return verdict{other: true}
	case local == base:
		return verdict{newer: true}
	case rebuild:
		return mine()
	}
	return verdict{conflict: true}
}

// hashDocument is the version of document id: the sha256 of its
// meta.yaml and alignment.yaml, as [Memory.readDocument] computes it.
func (m *Memory) hashDocument(id string) (string, error) {
	if err := document.ValidID(id); err != nil {
		return "", err
	}
	_, hash, err := m.readVersion(id)
	return hash, err
}

// cachedHashes returns the version of each local document whose stamp is
// the one tm-shared.json records with it; the others are hashed when the
// comparison needs them ([Memory.hashDocuments]).
func cachedHashes(local []localDoc, st sharedState) map[string]string {
	out := make(map[string]string, len(local))
	for _, d := range local {
		if c, ok := st.Documents[d.id]; ok && d.stamp != "" && c.Stamp == d.stamp && c.Hash != "" {
			out[d.id] = c.Hash
		}
	}
	return out
}

// hashDocuments adds the version of each of ids to hashes, hashed on
// every core.
func (m *Memory) hashDocuments(ids []string, hashes map[string]string) error {
	out := make([]string, len(ids))
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < min(workers, len(ids)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ids); i += workers {
				out[i], errs[i] = m.hashDocument(ids[i])
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, id := range ids {
		hashes[id] = out[i]
	}
	return nil
}

// unhashed stands for the version of a local document that neither this
// workspace's bases nor the memory have: whatever it is, the document is
// written ([decide]), and reading it to write it gives its version. A
// machine's first update of a shared memory read every document twice,
// once to hash it here.
const unhashed = "unhashed"

// syncShared is [Memory.Update] and [Memory.Rebuild] of a shared memory:
// the three-way comparison above.
func (m *Memory) syncShared(ctx context.Context, rebuild bool) (UpdateReport, error) {
	var rep UpdateReport
	local, err := m.localDocs()
	if err != nil {
		return rep, err
	}
	st := m.loadShared()
	hashes := cachedHashes(local, st)
	stamps := make(map[string]string, len(local))
	for _, d := range local {
		stamps[d.id] = d.stamp
	}
	var next sharedState
	pasts := map[string]map[string]bool{}
	past := func(id string) map[string]bool {
		p, ok := pasts[id]
		if !ok {
			p = m.pastVersions(ctx, id)
			pasts[id] = p
		}
		return p
	}
	plan := func(cur Current) (iter.Seq2[Change, error], error) {
		rep = UpdateReport{}
		bases := st.Documents
		if cur.ID != st.Memory {
			bases = nil // another memory: nothing of it was seen here
		}
		next = sharedState{Memory: cur.ID, Documents: map[string]docState{}}
		known := map[string]Source{}
		mem := map[string]string{}
		var ids []string
		for _, s := range cur.Sources {
			known[s.Name] = s
			if id, ok := strings.CutPrefix(s.Name, DocPrefix); ok {
				mem[id] = s.Hash
				ids = append(ids, id)
			}
		}
		var todo []string
		for id := range stamps {
			if _, ok := mem[id]; !ok {
				ids = append(ids, id)
			}
			if _, ok := hashes[id]; !ok && (mem[id] != "" || bases[id].Base != "") {
				todo = append(todo, id)
			}
		}
		slices.Sort(ids)
		// Hashed once, for this plan and the one under the lock.
		if err := m.hashDocuments(todo, hashes); err != nil {
			return nil, err
		}
		var jobs []docJob
		var removed []Change
		name := func(list *[]string, id string) {
			if len(*list) < removedShown {
				*list = append(*list, id)
			}
		}
		for _, id := range ids {
			l, b, mv := hashes[id], bases[id].Base, mem[id]
			if _, local := stamps[id]; local && l == "" {
				l = unhashed // b and mv are none: it is written
			}
			v := decide(b, l, mv, rebuild)
			searched := ""
			if (v.conflict || v.newer) && mv != "" {
				// The memory's version may be one this workspace has
				// moved on from (pulled and changed since, merged): then
				// its own is the newer.
				if old := st.Documents[id]; old.Searched == mv && old.Hash == l && l != "" {
					searched = mv
				} else if past(id)[mv] {
					v = decide(mv, l, mv, rebuild)
				} else {
					searched = mv
				}
			}
			switch v.act {
			case write:
				jobs = append(jobs, docJob{id: id, stamp: stamps[id]})
			case remove:
				removed = append(removed, Change{Source: Source{Name: DocPrefix + id}, Remove: true})
			default:
				if v.synced && l != "" {
					rep.Unchanged++
				}
			}
			switch {
			case v.newer:
				rep.Newer++
				name(&rep.NewerDocs, id)
			case v.other:
				rep.Others++
			case v.conflict:
				rep.Conflicts++
				name(&rep.ConflictDocs, id)
			}
			ds := docState{Base: b, Stamp: stamps[id], Hash: l}
			if v.synced {
				ds.Base = l
			} else {
				ds.Searched = searched
			}
			if ds.Base != "" || l != "" {
				next.Documents[id] = ds
			}
		}
		var imports []Change
		if rebuild {
			var err error
			if imports, err = m.rebuildImports(known, &rep); err != nil {
				return nil, err
			}
		}
		if len(jobs) == 0 && len(removed) == 0 && len(imports) == 0 {
			return nil, nil
		}
		return func(yield func(Change, error) bool) {
			ok := m.readDocs(jobs, func(c Change, err error) bool {
				if err == nil {
					rep.Read++
					rep.Units += len(c.Units)
					// What was written is the base, also when the files
					// changed since they were hashed.
					id := strings.TrimPrefix(c.Source.Name, DocPrefix)
					next.Documents[id] = docState{Base: c.Source.Hash, Stamp: stamps[id], Hash: c.Source.Hash}
				}
				return yield(c, err)
			})
			if !ok {
				return
			}
			rep.yieldRest(removed, imports, yield)
		}, nil
	}
	if err := applyPlanned(ctx, m.Store, plan); err != nil {
		return UpdateReport{}, err
	}
	if next.Memory == st.Memory && maps.Equal(next.Documents, st.Documents) {
		return rep, nil // nothing new to record: no write at every command
	}
	return rep, m.saveShared(next)
}
