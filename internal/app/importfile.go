package app

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// ImportTMXFileOptions tune [App.ImportTMXFile].
type ImportTMXFileOptions struct {
	// ID is the document; empty means the one a CAT tool's memory
	// translates, else the one the file's name makes (see [TMXSlug]).
	ID string
	// File is the file's path as given, "" for standard input: its base
	// name is recorded as the texts' source.
	File string
	// Force is [ImportTMXOptions.Force].
	Force bool
}

// TMXFile is a TMX file import-tmx read, parsed: [ReadTMXFile] reads it before the workspace is
// locked, so a bad file is refused at once, with where it goes wrong, whoever holds the lock.
type TMXFile struct {
	tmx  *tmx.TMX
	name string
}

// ReadTMXFile parses the TMX file in (a located error for a bad one).
func ReadTMXFile(in Input) (*TMXFile, error) {
	m, err := tmx.Read(bytes.NewReader(in.Data), in.Name)
	if err != nil {
		return nil, err
	}
	return &TMXFile{tmx: m, name: in.Name}, nil
}

// ImportTMXFile is import-tmx: it brings the TMX file f into the workspace with [App.ImportTMX].
// With no opt.ID, a file named as tilmash names a document's TMX files (DOC.groups.tmx,
// DOC.partial.tmx, DOC.en-kk.tmx) whose header names that document goes back into it; any other
// makes its id of the file's name ([TMXSlug]). The caller holds the workspace lock.
func (app *App) ImportTMXFile(ws *workspace.Workspace, f *TMXFile, opt ImportTMXFileOptions) (*ImportTMXResult, error) {
	slug := ""
	if opt.ID == "" {
		var err error
		if slug, err = TMXSlug(opt.File, f.name); err != nil {
			return nil, err
		}
		slug = namedSlug(f.tmx, opt.File, slug)
	}
	source := ""
	if opt.File != "" {
		source = filepath.Base(opt.File)
	}
	return app.ImportTMX(ws, f.tmx, f.name, ImportTMXOptions{ID: opt.ID, Slug: slug, Source: source, Force: opt.Force})
}

// TMXSlug is the document id import-tmx makes of the name of file (the
// path as given) when it is given no id. Standard input (file "") and a
// name that makes no id are refused (exit 2) with name, what the error
// calls the file, and a hint to give the id.
func TMXSlug(file, name string) (string, error) {
	slug := ""
	if file != "" {
		slug = document.Slug(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), 64)
	}
	if slug == "" {
		return "", locale.NewError("import-tmx.need-doc", map[string]any{"File": name}).WithHint("import-tmx.hint").OfKind(locale.Usage)
	}
	return slug, nil
}

// namedSlug is the document a TMX of file is imported as when no id is
// given: the one its x-document names when the file bears one of the
// names tilmash gives that document's TMX files (DOC.groups.tmx,
// DOC.partial.tmx, DOC.en-kk.tmx: the document's id, a dot, more), else
// slug, made from the file's name. A file renamed by hand keeps its name.
func namedSlug(m *tmx.TMX, file, slug string) string {
	doc, ok := m.Header.Prop(tmx.DocumentProp)
	stem := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if ok && document.ValidID(doc) == nil && strings.HasPrefix(stem, doc+".") {
		return doc
	}
	return slug
}
