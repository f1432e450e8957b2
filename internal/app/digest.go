package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// A digest names the inputs of derived data (publish's exports, status's
// summaries): when the digest of the inputs is the one recorded with the
// data, the data would come out the same and need not be made again.
// Inputs are hashed by content, never trusted by their time alone: a file
// edited within the same second, or put back by git with an old time,
// still changes the digest. (A file's sum is taken without reading it
// only when its inode, size and times, the change time among them, are
// those recorded when it was read after it had settled: see
// FileSumsName.)

// digester builds a digest from named parts.
type digester struct{ h hash.Hash }

func newDigester(kind string) *digester {
	d := &digester{sha256.New()}
	d.part(kind, []byte("tilmash digest 1"))
	return d
}

// part adds a named value; the name and the length keep parts apart.
func (d *digester) part(name string, data []byte) {
	d.h.Write([]byte(name))
	d.h.Write([]byte{0})
	d.h.Write([]byte(strconv.Itoa(len(data))))
	d.h.Write([]byte{0})
	d.h.Write(data)
}

// file adds a file of the workspace (rel to its root) by content, or its
// absence.
func (d *digester) file(r *workspace.Reader, rel string) error {
	data, err := r.ReadFile(rel)
	return d.add(rel, data, err)
}

// add adds a file read (rel names it) with its error: a missing file is
// a part saying so.
func (d *digester) add(rel string, data []byte, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.part(rel+" (none)", nil)
		return nil
	case err != nil:
		return err
	}
	d.part(rel, data)
	return nil
}

func (d *digester) sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// buildStamp identifies this build of tilmash: its version and its
// executable's size and modification time, so that derived data a build
// made is not trusted by another one (a developer's rebuild keeps the
// version). It is "" when the executable cannot be found, and then the
// version alone names the build.
func (app *App) buildStamp() string {
	app.stampOnce.Do(func() {
		app.stamp = app.Version
		exe, err := os.Executable()
		if err != nil {
			return
		}
		if info, err := os.Stat(exe); err == nil {
			app.stamp += "\x00" + strconv.FormatInt(info.Size(), 10) + "\x00" + strconv.FormatInt(info.ModTime().UnixNano(), 10)
		}
	})
	return app.stamp
}

// workspaceDigest is the digest of what a document's derived data depends
// on besides the document itself: this build, the settings (tilmash.yaml,
// whole: languages, checks, segmentation, publish), the glossary files
// and word lists, and the segmentation rules file tilmash.yaml may name. extra are more
// parts (the language of the labels of localized exports).
func (app *App) workspaceDigest(ws *workspace.Workspace, r *workspace.Reader, kind string, extra ...string) (string, error) {
	d := newDigester(kind)
	d.part("build", []byte(app.buildStamp()))
	for i, e := range extra {
		d.part("extra "+strconv.Itoa(i), []byte(e))
	}
	if err := d.file(r, workspace.ConfigFile); err != nil {
		return "", err
	}
	files, err := filepath.Glob(filepath.Join(ws.Path(ws.Config.Glossary), "*.yaml"))
	if err != nil {
		return "", err
	}
	// The word lists the spelling check accepts (check.WordsFile).
	words, err := filepath.Glob(filepath.Join(ws.Path(ws.Config.Glossary), check.WordsFile("*")))
	if err != nil {
		return "", err
	}
	files = append(files, words...)
	sort.Strings(files)
	for _, f := range files {
		// By its sha256, streamed: a glossary of 10,000 entries is
		// megabytes, and the compiled glossary cache's key hashes the
		// same files (app.sums hashes each once a process).
		rel := ws.Rel(f)
		sum, err := app.sums.readerSum(ws, r, rel)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			d.part(rel+" (none)", nil)
		case err != nil:
			return "", err
		default:
			d.part(rel+" (sha256)", sum[:])
		}
	}
	if o, err := Overrides(ws); err == nil && o.SRX != "" && filepath.IsLocal(o.SRX) {
		if err := d.file(r, o.SRX); err != nil {
			return "", err
		}
	}
	return d.sum(), nil
}

// documentDigest is the digest of a document's files that publish and
// status read (meta.yaml, the text and formatting of each workspace
// language, the alignment) with the workspace's digest wd.
func (s *fileSums) documentDigest(ws *workspace.Workspace, r *workspace.Reader, id, wd string) (string, error) {
	names := []string{"meta.yaml", document.AlignmentName}
	for _, l := range ws.Config.Languages {
		names = append(names, l+".txt", document.FormatName(l))
	}
	return s.filesDigest(ws, r, id, wd, names)
}

// filesDigest is the digest of the files names of document id, each by
// its sha256 (or its absence), with the workspace's digest wd. The sums
// are kept across runs (see FileSumsName): the caller saves them
// (saveKept) when done.
func (s *fileSums) filesDigest(ws *workspace.Workspace, r *workspace.Reader, id, wd string, names []string) (string, error) {
	if err := document.ValidID(id); err != nil {
		return "", err
	}
	d := newDigester("document")
	d.part("workspace", []byte(wd))
	d.part("id", []byte(id))
	dir := filepath.Join(document.Folder, id)
	// Each file by its sha256, kept across runs while the file is the
	// same (status and align tell every document's changed files apart on
	// every run): a file is looked up, and read (streamed) only when its
	// version is not the one kept.
	sums := make([][32]byte, len(names))
	found := make([]bool, len(names)) // sums[i] holds names[i]'s sum
	var todo []string
	i := 0
	err := r.StatEach(dir, names, func(name string, info fs.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			sums[i], found[i] = s.keptHit(ws, r, filepath.Join(dir, name), info)
		}
		if !found[i] {
			todo = append(todo, name)
		}
		i++
		return nil
	})
	if err != nil {
		return "", err
	}
	read := map[string]*[32]byte{} // nil: no such file
	err = r.OpenEach(dir, todo, func(name string, f *os.File, err error) error {
		rel := filepath.Join(dir, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			s.forget(ws, r, rel)
			read[name] = nil
			return nil
		case err != nil:
			return err
		}
		sum, err := s.keptSum(ws, r, rel, f)
		if err != nil {
			return err
		}
		read[name] = &sum
		return nil
	})
	if err != nil {
		return "", err
	}
	for i, name := range names {
		rel := filepath.Join(dir, name)
		if found[i] {
			d.part(rel+" (sha256)", sums[i][:])
		} else if sum := read[name]; sum != nil {
			d.part(rel+" (sha256)", sum[:])
		} else {
			d.part(rel+" (none)", nil)
		}
	}
	return d.sum(), nil
}

// publishDigest is a document's digest for publish: documentDigest, which
// holds the formatting beside each text (LANG.format.yaml) that the
// article versions put back (bold, links, lists), so that a new
// formatting of the same text publishes them again.
func (s *fileSums) publishDigest(ws *workspace.Workspace, r *workspace.Reader, id, wd string) (string, error) {
	return s.documentDigest(ws, r, id, wd)
}
