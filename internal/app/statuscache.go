package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/workspace"
)

// StatusCacheName is the file, in the workspace's local folder
// (workspace.LocalFolder, git-ignored), where status keeps each
// document's row with the digest of what it was made from
// (documentDigest: the document's files, with the settings, the glossary
// and this build of tilmash). status then reads again only the documents
// whose files changed: the others cost a read of their files, not a
// parse, a segmentation and a glossary check.
//
// The cache is derived data: a file that does not read, whose checksum
// does not match, or made for other settings or another build is ignored
// and written anew. It is written atomically, and only when a row
// changed.
const StatusCacheName = "status-cache"

// statusCacheMagic starts the file; the sha256 of the rest follows on its
// own line, then the JSON.
const statusCacheMagic = "tilmash status cache 4\n" // 2: AlignmentStatus.Mismatches; 3: Unaligned; 4: UnplacedFormatting

type statusCache struct {
	Workspace string                 `json:"workspace"`
	Documents map[string]statusEntry `json:"documents"`
	// Glossary is what status says of the glossary of the workspace
	// digest (its gaps), nil until known: with every row kept, status
	// does not load the glossary.
	Glossary *statusGlossary `json:"glossary,omitempty"`
}

type statusGlossary struct {
	Gaps []check.Gap `json:"gaps"`
}

type statusEntry struct {
	Digest string          `json:"digest"`
	Status *DocumentStatus `json:"status"`
}

// loadStatusCache reads the cache made for workspace digest wd; an empty
// one when there is none, or it is not to be trusted.
func loadStatusCache(r *workspace.Reader, wd string) *statusCache {
	empty := &statusCache{Workspace: wd, Documents: map[string]statusEntry{}}
	data, err := r.ReadFile(filepath.Join(workspace.LocalFolder, StatusCacheName))
	if err != nil {
		return empty
	}
	c, ok := decodeStatusCache(data)
	if !ok || c.Workspace != wd {
		return empty
	}
	return c
}

// decodeStatusCache checks the magic line and the checksum, then decodes
// the JSON.
func decodeStatusCache(data []byte) (*statusCache, bool) {
	c := &statusCache{}
	if !decodeChecked(statusCacheMagic, data, c) || c.Documents == nil {
		return nil, false
	}
	for id, e := range c.Documents {
		if e.Status == nil || e.Status.ID != id || e.Status.Languages == nil || e.Status.Unchecked {
			return nil, false
		}
		for _, ls := range e.Status.Languages {
			if ls == nil {
				return nil, false
			}
		}
	}
	return c, true
}

// encodeStatusCache is the file's content.
func encodeStatusCache(c *statusCache) ([]byte, error) {
	return encodeChecked(statusCacheMagic, c)
}

// decodeChecked decodes into v the JSON of a derived file written by
// encodeChecked with magic, when its magic line and checksum are right.
func decodeChecked(magic string, data []byte, v any) bool {
	body, ok := checkedBody(magic, data)
	return ok && json.Unmarshal(body, v) == nil
}

// encodeChecked is the content of a derived file holding v as JSON (see
// frameChecked).
func encodeChecked(magic string, v any) ([]byte, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return frameChecked(magic, body), nil
}

// frameChecked is the content of a derived file of .tilmash/ holding
// body: the magic line (naming the file and its format), the sha256 of
// body on a line of its own, then body. A file cut short or damaged then
// reads as missing (checkedBody), and is made again.
func frameChecked(magic string, body []byte) []byte {
	sum := sha256.Sum256(body)
	out := make([]byte, 0, len(magic)+65+len(body))
	out = append(out, magic...)
	out = append(out, hex.EncodeToString(sum[:])...)
	out = append(out, '\n')
	return append(out, body...)
}

// checkedBody returns the body of data, a file frameChecked made with
// magic, when its magic line and checksum are right.
func checkedBody(magic string, data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, false
	}
	sum, body, ok := bytes.Cut(rest, []byte("\n"))
	if want := sha256.Sum256(body); !ok || string(sum) != hex.EncodeToString(want[:]) {
		return nil, false
	}
	return body, true
}

// cachedStatuses gives each, in the order of ids, the id and status of each
// document (as DocumentStatus does, with its error) from the cache when
// the document's digest is the one recorded, and otherwise collects it on
// one of app.workers() goroutines. It stops at the first error each
// returns. It returns the glossary's gaps (App.glossaryGaps), which the
// cache keeps beside the rows: with every row kept, the glossary is not
// loaded. The cache is written back when a row or the gaps are new;
// failing to write it is not an error (status works without).
func (app *App) cachedStatuses(ws *workspace.Workspace, ids []string, p Progress, each func(string, *DocumentStatus, error) error) ([]check.Gap, error) {
	r := ws.NewReader()
	defer r.Close()
	defer app.sums.saveKept(ws)
	wd, err := app.workspaceDigest(ws, r, "status")
	if err != nil {
		return nil, err
	}
	cache := loadStatusCache(r, wd)
	type slot struct {
		st     *DocumentStatus
		err    error
		digest string // "" when the row is not to be cached
		miss   bool
	}
	slots := make([]slot, len(ids))
	updates := map[string]statusEntry{}
	err = inOrder(len(ids), app.workers(), func(i int) {
		id, s := ids[i], &slots[i]
		before, derr := app.sums.documentDigest(ws, r, id, wd)
		if e, ok := cache.Documents[id]; ok && derr == nil && e.Digest == before {
			s.st = e.Status
			return
		}
		s.miss = true
		s.st, s.err = app.DocumentStatus(ws, id)
		if derr != nil || s.err != nil {
			return
		}
		// Cached only when the files did not change while they were
		// read (status takes no lock).
		if after, err := app.sums.documentDigest(ws, r, id, wd); err == nil && after == before {
			s.digest = before
		}
	}, func(i int) error {
		step(p, ids[i])
		s := &slots[i]
		if err := each(ids[i], s.st, s.err); err != nil {
			return err
		}
		if s.miss && s.digest != "" {
			// Not into cache.Documents: the workers read it meanwhile.
			updates[ids[i]] = statusEntry{Digest: s.digest, Status: s.st}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var gaps []check.Gap
	dirty := len(updates) > 0
	if cache.Glossary != nil {
		gaps = cache.Glossary.Gaps
	} else if g, ok := app.glossaryGaps(ws); ok {
		gaps = g
		// Kept only when the glossary (in the workspace digest) did not
		// change while it was read, as the rows.
		if after, err := app.workspaceDigest(ws, r, "status"); err == nil && after == wd {
			cache.Glossary, dirty = &statusGlossary{Gaps: g}, true
		}
	}
	if dirty {
		maps.Copy(cache.Documents, updates)
		if data, err := encodeStatusCache(cache); err == nil {
			_ = workspace.WriteFileAtomic(ws.Path(workspace.LocalFolder, StatusCacheName), data)
		}
	}
	return gaps, nil
}

// KeptStatuses returns, of the documents ids, the rows the status cache
// holds for their files as they are now (status made them, and nothing
// changed since), computing none: a caller that shows many
// documents (serve's workspace page) takes these and collects the others
// itself. Nil when there is no cache to trust.
func (app *App) KeptStatuses(ws *workspace.Workspace, ids []string) map[string]*DocumentStatus {
	r := ws.NewReader()
	defer r.Close()
	defer app.sums.saveKept(ws)
	wd, err := app.workspaceDigest(ws, r, "status")
	if err != nil {
		return nil
	}
	cache := loadStatusCache(r, wd)
	if len(cache.Documents) == 0 {
		return nil
	}
	out := map[string]*DocumentStatus{}
	for _, id := range ids {
		e, ok := cache.Documents[id]
		if !ok {
			continue
		}
		if digest, err := app.sums.documentDigest(ws, r, id, wd); err == nil && digest == e.Digest {
			out[id] = e.Status
		}
	}
	return out
}
