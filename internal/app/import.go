package app

import (
	"errors"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/textenc"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Imported is what Import did: the document's result and the format the
// input was read as.
type Imported struct {
	*document.ImportResult
	Format docformat.Format
	// Unaligned counts the sentences of the imported text that no group
	// of the document's alignment holds (see Unaligned): the document was
	// aligned before this language came, or the new version adds
	// sentences. align places them; until then export leaves them out.
	Unaligned int
	// LooksLike is the language the text's letters say it is in, when
	// that is not the one it was imported as (a Kazakh file imported as
	// ru): see document.GuessLanguage. "" when they agree or cannot tell.
	LooksLike string
	// NoRules is the error of a language align cannot cut into sentences
	// until its rules are given (segment.IsUnsupported): the text is
	// stored all the same. nil when it can.
	NoRules error
}

// Import stores a file as the lang version of document id: the file is
// read as format ("" to detect it from name and the content, see
// docformat.Detect), converted to the stored text, and imported with its
// formatting (document.Import). Plain text is stored as it is. A binary
// file read as text or Markdown is refused as such, not as bad UTF-8.
// The caller holds the workspace lock.
func (app *App) Import(ws *workspace.Workspace, id, lang string, data []byte, name, format string, opt document.ImportOptions) (*Imported, error) {
	f := docformat.Detect(name, data)
	if format != "" {
		var ok bool
		if f, ok = docformat.ParseFormat(format); !ok {
			return nil, docformat.BadFormat(format)
		}
	}
	if err := document.ValidID(id); err != nil {
		return nil, err
	}
	if !ws.HasLanguage(lang) {
		return nil, badImportLanguage(ws, lang)
	}
	doc, err := readArticle(f, name, data)
	if err != nil {
		return nil, err
	}
	// The import time is the app's clock (SOURCE_DATE_EPOCH when set): it
	// is the date TMX and XLIFF 1.2 exports carry (export.Options.Dated).
	if opt.Now.IsZero() && app.Now != nil {
		opt.Now = app.Now()
	}
	var res *document.ImportResult
	var sample string // the start of the text, for GuessLanguage
	if doc == nil {
		if enc, _ := textenc.Sniff(data); enc == textenc.UTF8 { // the letters of UTF-16 are not read as such
			sample = string(data[:min(len(data), guessBytes)])
		}
		res, err = document.Import(ws, id, lang, data, name, opt)
	} else {
		sample = doc.Text[:min(len(doc.Text), guessBytes)]
		opt.Formatting = &document.Formatting{From: string(f), Spans: doc.Spans}
		opt.Stored = true // the readers build the stored form
		if opt.Title == "" {
			opt.Title = doc.Title
		}
		res, err = document.ImportText(ws, id, lang, doc.Text, name, opt)
	}
	if err != nil {
		return nil, err
	}
	out := &Imported{ImportResult: res, Format: f}
	if _, err := app.Segmenter(ws, lang); segment.IsUnsupported(err) {
		out.NoRules = err
	}
	if res.Unchanged {
		return out, nil
	}
	if slices.Contains(guessed, lang) {
		if g := document.GuessLanguage(sample); g != "" && g != lang {
			out.LooksLike = g
		}
	}
	if !res.Created { // a new document has no alignment
		if out.Unaligned, err = app.unalignedAfterImport(ws, id, lang); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// GuessImportLanguage says which of the workspace's languages data
// (named name, read as format as Import would read it) looks written in,
// by its letters (document.GuessLanguage), or "" when it cannot tell,
// the file does not read or the language is not one of the workspace's:
// import without a language says what to type.
func (app *App) GuessImportLanguage(ws *workspace.Workspace, data []byte, name, format string) string {
	f := docformat.Detect(name, data)
	if format != "" {
		var ok bool
		if f, ok = docformat.ParseFormat(format); !ok {
			return ""
		}
	}
	doc, err := readArticle(f, name, data)
	if err != nil {
		return ""
	}
	var sample string
	if doc != nil {
		sample = doc.Text[:min(len(doc.Text), guessBytes)]
	} else if enc, _ := textenc.Sniff(data); enc == textenc.UTF8 {
		sample = string(data[:min(len(data), guessBytes)])
	}
	if g := document.GuessLanguage(sample); g != "" && ws.HasLanguage(g) {
		return g
	}
	return ""
}

// readArticle reads data (named name) in format f as import stores it:
// the text and formatting the format's reader makes of it, or nil for
// plain text, which is stored as it is. A binary file read as text or
// Markdown is refused as such, not as bad UTF-8.
func readArticle(f docformat.Format, name string, data []byte) (*docformat.Doc, error) {
	switch f {
	case docformat.TXT, docformat.MD:
		if kind := docformat.Binary(data); kind != "" {
			return nil, docformat.NotText(name, kind)
		}
		if err := docformat.Controls(name, data); err != nil {
			return nil, err
		}
		if f == docformat.TXT {
			return nil, nil
		}
		text, err := document.Normalize(name, data)
		if err != nil {
			return nil, document.NotImported(err)
		}
		doc := docformat.ReadMarkdown(string(text))
		if err := docformat.CheckReferences(name, text, doc); err != nil {
			return nil, err
		}
		return doc, nil
	}
	return docformat.Read(f, name, data)
}

// badImportLanguage is the error of an import into a language the
// workspace does not keep. Beside a language it most likely meant (kz:
// kk), its hint says how to add one: the line of tilmash.yaml to write,
// and, for a language tilmash has no sentence rules for, that they are
// given in an SRX file; or, for no language code at all, what one is.
func badImportLanguage(ws *workspace.Workspace, lang string) error {
	known := ws.Config.Languages
	err := document.BadLanguage(lang, known)
	var le *locale.Error
	if !errors.As(err, &le) || le.Hint != "" {
		return err // did you mean …
	}
	if ok, _ := langtag.Language(lang); !ok || !workspace.ValidLanguage(lang) {
		return le.WithHint("import.bad-language.code-hint")
	}
	le.Data["Languages"] = strings.Join(append(slices.Clip(known), lang), ", ")
	le.Data["Segmented"] = strings.Join(segment.Languages(), ", ")
	if slices.Contains(segment.Languages(), lang) {
		return le.WithHint("import.bad-language.add-hint")
	}
	return le.WithHint("import.bad-language.add-srx-hint")
}
