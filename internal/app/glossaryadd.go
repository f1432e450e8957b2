package app

import (
	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/locale"
)

// GlossaryAddFile checks an entry glossary add is given, before the
// workspace is looked for, and returns the glossary file it goes in: file,
// or for "" the file of its kind ([glossary.FileFor]). A bad id, an
// unknown kind and a file name that is no plain *.yaml name are refused as
// usage (exit 2), with a hint at what was meant where there is one.
func GlossaryAddFile(e *glossary.Entry, file string) (string, error) {
	if !glossary.ValidID(e.ID) {
		return "", BadEntryID(e.ID)
	}
	if !e.Kind.Valid() {
		return "", BadKind(e.Kind)
	}
	if file == "" {
		file = glossary.FileFor(e.Kind)
	}
	if !glossary.ValidFileName(file) {
		return "", locale.NewError("check.add.bad-file", map[string]any{"File": file}).WithHint("check.add.bad-file.hint").OfKind(locale.Usage)
	}
	return file, nil
}

// PersonFiledAsOther reports whether entry e is filed as other while its
// Russian term reads as a person's name ([glossary.LooksLikePerson]):
// other's Russian forms decline as a common noun's, so a text that
// declines the name (Армана Касымова) would have it reported missing.
func PersonFiledAsOther(e *glossary.Entry) bool {
	return e.Kind == glossary.Other && glossary.LooksLikePerson(e)
}
