// Package document stores the language versions of an article and their
// alignment inside a workspace.
//
// # Layout
//
// A document with id DOC lives in documents/DOC/:
//
//	meta.yaml        title, source, import time and sha256 of each language version
//	en.txt, ru.txt…  the text of each version: UTF-8, NFC, LF, no BOM
//	alignment.yaml   the EN–RU–KK groups (see [Alignment])
//
// Every file name is built from a validated id ([ValidID]) and a workspace
// language, never from free text, so no input can name a path outside the
// workspace.
package document

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// Folder is the folder, relative to the workspace root, that holds documents.
const Folder = workspace.DocumentsFolder

// Version describes one imported language version.
type Version struct {
	Title    string    `yaml:"title,omitempty"`
	Source   string    `yaml:"source,omitempty"`
	Imported time.Time `yaml:"imported"`
	SHA256   string    `yaml:"sha256"`
	Bytes    int       `yaml:"bytes"`
}

// Meta is the content of meta.yaml.
type Meta struct {
	ID       string              `yaml:"id"`
	Versions map[string]*Version `yaml:"versions"`
}

// Document is an opened document.
type Document struct {
	WS   *workspace.Workspace
	ID   string
	Meta Meta
}

// Dir returns the document's folder.
func (d *Document) Dir() string { return d.WS.Path(Folder, d.ID) }

// rel returns a path relative to the workspace root for a file of d.
func (d *Document) rel(name string) string { return filepath.Join(Folder, d.ID, name) }

// ReadFile reads a file of the document's folder (meta.yaml, a text, the
// alignment, a journal entry) through [workspace.Workspace.ReadFile]: a
// regular file inside the workspace, never through a link out of it.
func (d *Document) ReadFile(name string) ([]byte, error) {
	data, err := d.WS.ReadFile(d.rel(name))
	if err == nil {
		err = Unmerged(d.ID, d.rel(name), data)
	}
	return textLF(name, data), err
}

// textLF returns data, the content of the document's file name, as
// tilmash stored it when name is a text (LANG.txt): CRLF line ends read as
// LF, and a UTF-8 byte-order mark at the start dropped. tilmash writes its
// texts in LF without a BOM, and alignment.yaml counts their bytes so; a
// clone with core.autocrlf (Git for Windows' default, in a workspace
// without the .gitattributes init writes) puts a CR before every LF, and
// an editor on Windows may add both, which would move every span and make
// every text "changed on disk". The next write of the text through tilmash
// stores it without them.
func textLF(name string, data []byte) []byte {
	if !strings.HasSuffix(name, ".txt") {
		return data
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.Contains(data, []byte("\r\n")) {
		return data
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}

// Unmerged refuses data, a file of document id that file names, when it
// holds the conflict markers of a git merge left unfinished: tilmash
// would otherwise align "<<<<<<< HEAD" as a sentence of LANG.txt, or
// report a YAML parser's complaint a line below the marker. Every read of
// a document's files goes through it. The error is located at the
// opening marker and its hint says how to finish the merge.
func Unmerged(id, file string, data []byte) error {
	off := textenc.ConflictMarker(data)
	if off < 0 && strings.HasSuffix(file, ".yaml") {
		// the base's marker line left alone is never YAML, and
		// would be read as a broken block scalar (a text may hold it)
		return yamlx.CheckConflict(file, data)
	}
	if off < 0 {
		return nil
	}
	line, _ := textenc.Position(data, off)
	return locale.NewError(yamlx.CodeConflict, map[string]any{"ID": id}).
		WithHint("document.conflict-markers.hint").At(locale.Pos{File: file, Line: line, Column: 1})
}

// TextFile returns the path of lang's text. lang must be a workspace language.
func (d *Document) TextFile(lang string) string { return filepath.Join(d.Dir(), lang+".txt") }

// AlignmentFile returns the path of the alignment file.
func (d *Document) AlignmentFile() string { return filepath.Join(d.Dir(), AlignmentName) }

// Languages returns the imported languages in workspace order.
func (d *Document) Languages() []string {
	var out []string
	for _, l := range d.WS.Config.Languages {
		if _, ok := d.Meta.Versions[l]; ok {
			out = append(out, l)
		}
	}
	return out
}

// Open reads the document id.
func Open(ws *workspace.Workspace, id string) (*Document, error) {
	if err := ValidID(id); err != nil {
		return nil, err
	}
	d := &Document{WS: ws, ID: id}
	data, err := d.ReadFile("meta.yaml")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &NotFoundError{ID: id, Near: Near(ws, id)}
	}
	if err != nil {
		return nil, err
	}
	if err := d.parseMeta(data); err != nil {
		return nil, err
	}
	return d, nil
}

// List returns the ids of every document in the workspace, sorted. Folders
// whose names are not valid ids, or that lack meta.yaml, are skipped.
func List(ws *workspace.Workspace) ([]string, error) {
	ids, _, err := Folders(ws)
	return ids, err
}

// Unlisted returns the folders of documents/ that [List] leaves out
// because they lack meta.yaml although they hold a document's files (a
// text of a workspace language, or alignment.yaml): a meta.yaml deleted by
// hand, which would otherwise make the document vanish from every listing
// while its texts and confirmed groups stay on disk. Sorted.
func Unlisted(ws *workspace.Workspace) ([]string, error) {
	_, unlisted, err := Folders(ws)
	return unlisted, err
}

// Folders is [List] and [Unlisted] from one walk of documents/, for a
// caller that wants both. A folder whose meta.yaml cannot be looked at
// (permission denied) is listed, so that opening it says why, rather
// than left out of both: the document vanished from status without a
// word. None when there is no documents/.
func Folders(ws *workspace.Workspace) (ids, unlisted []string, err error) {
	entries, err := os.ReadDir(ws.Path(Folder))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries { // sorted by name
		id := e.Name()
		if ValidID(id) != nil {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			// A document folder that is a link: listed when it leads to
			// a folder, and when it leads nowhere (its target gone, a
			// loop), so that opening it says why rather than the
			// document vanishing from every listing without a word. A
			// link to a file is passed over as a file is.
			if st, err := os.Stat(ws.Path(Folder, id)); err != nil {
				ids = append(ids, id)
				continue
			} else if !st.IsDir() {
				continue
			}
		} else if !e.IsDir() {
			continue
		}
		if _, err := os.Lstat(ws.Path(Folder, id, metaName)); !errors.Is(err, fs.ErrNotExist) {
			ids = append(ids, id)
			continue
		}
		files, err := os.ReadDir(ws.Path(Folder, id))
		if err == nil && slices.ContainsFunc(files, func(f fs.DirEntry) bool {
			lang, text := strings.CutSuffix(f.Name(), ".txt")
			return f.Name() == AlignmentName || text && ws.HasLanguage(lang)
		}) {
			unlisted = append(unlisted, id)
		}
	}
	return ids, unlisted, nil
}

// NoMeta is the error of a document folder that holds a document's files
// but no meta.yaml (see [Unlisted]).
func NoMeta(id string) error {
	return locale.NewError("document.no-meta", map[string]any{"ID": id, "File": filepath.ToSlash(filepath.Join(Folder, id, metaName))}).
		WithHint("document.no-meta.hint")
}

// Text reads the stored text of lang.
func (d *Document) Text(lang string) (string, error) {
	if _, ok := d.Meta.Versions[lang]; !ok {
		return "", MissingLanguage(d.ID, lang)
	}
	b, err := d.ReadFile(lang + ".txt")
	return string(b), err
}

// Texts reads every imported language's text.
func (d *Document) Texts() (map[string]string, error) {
	out := map[string]string{}
	for _, l := range d.Languages() {
		t, err := d.Text(l)
		if err != nil {
			return nil, err
		}
		out[l] = t
	}
	return out, nil
}

// Record returns m with the sha256 and size of each of texts that m
// records otherwise, and whether there was one: align stores it with the
// alignment it made for texts changed outside tilmash (merged by git,
// edited by hand), which status would otherwise call "changed on disk"
// for ever. The titles, sources and import times stay. m is not changed.
func (m Meta) Record(texts map[string]string) (Meta, bool) {
	out, changed := m, false
	out.Versions = make(map[string]*Version, len(m.Versions))
	for l, v := range m.Versions {
		c := *v
		if t, ok := texts[l]; ok && (c.SHA256 != Hash(t) || c.Bytes != len(t)) {
			c.SHA256, c.Bytes, changed = Hash(t), len(t), true
		}
		out.Versions[l] = &c
	}
	return out, changed
}

// Marshal renders meta.yaml. Every writer of meta.yaml stages these bytes
// in a [Change], so the file has one form.
func (m *Meta) Marshal() ([]byte, error) {
	return yamlx.Marshal("", m)
}
