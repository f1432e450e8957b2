package document

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tilmash/tilmash/internal/locale"
)

// The errors of document are *locale.Error values, built by these
// functions, except NotFoundError: import branches on it (a document that
// does not exist yet is created).

// NotFoundError is returned by Open for a document that does not exist.
type NotFoundError struct{ ID string }

func (e *NotFoundError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *NotFoundError) Unwrap() error {
	return locale.NewError("document.not-found", map[string]any{"ID": e.ID}).WithHint("document.not-found.hint")
}

// MissingLanguage is the error for a language version of document id that
// has not been imported.
func MissingLanguage(id, lang string) error {
	return locale.NewError("document.missing-language", map[string]any{"ID": id, "Lang": lang}).
		WithHint("document.missing-language.hint")
}

// BadLanguage is the error for a language the workspace does not keep;
// known lists those it does.
func BadLanguage(lang string, known []string) error {
	return locale.NewError("document.bad-language", map[string]any{"Lang": lang, "Known": strings.Join(known, ", ")})
}

// TextChanged is the error of align when the lang text of document id
// changed since it was aligned (edited outside tilmash, or a crash between
// the writes of an import) in a way that takes sentences from confirmed
// groups: confirmed of them, among groups.
func TextChanged(id, lang string, groups []int, confirmed int) error {
	return locale.NewError("document.text-changed", map[string]any{"ID": id, "Lang": lang, "Count": confirmed, "Groups": groupList(groups)}).
		WithHint("document.text-changed.hint")
}

// wouldLose is the error of Import when a changed text would detach groups
// (confirmed of them) and Force was not given.
func wouldLose(id, lang string, groups []int, confirmed int) error {
	return locale.NewError("document.would-lose", map[string]any{"ID": id, "Lang": lang, "Count": len(groups), "Confirmed": confirmed, "Groups": groupList(groups)}).
		WithHint("document.would-lose.hint")
}

// badID is the error of ValidID for an id that is not a lowercase slug;
// offset is the byte offset of the first bad character, -1 when the id is
// empty or too long.
func badID(id string, offset int) error {
	return locale.NewError("document.bad-id", map[string]any{"ID": id}).
		WithHint("document.bad-id.hint").At(locale.Pos{Offset: offset})
}

// badUTF8 is the error of Normalize for input that is not UTF-8, at the
// first invalid byte b. It says only what is wrong and where: segment,
// align-files, lexicon and tm lookup read the file and import nothing.
func badUTF8(at locale.Pos, b byte) error {
	return locale.NewError("document.bad-utf8", map[string]any{"Byte": fmt.Sprintf("0x%02x", b)}).
		WithHint("document.bad-utf8.hint").At(at)
}

// NotImported is err, an error of [Normalize], as import reports it: the
// refusal of invalid UTF-8 adds that nothing was imported. Any other error
// is returned as it is.
func NotImported(err error) error {
	var e *locale.Error
	if !errors.As(err, &e) || e.ID != "document.bad-utf8" {
		return err
	}
	c := *e
	c.ID = "document.bad-utf8.not-imported"
	return &c
}

// formatError is the error for a file of the document (an alignment, its
// meta.yaml) that is not valid, at the place of the problem; reason is in
// English.
func formatError(file string, line, col int, reason string) error {
	return locale.NewError("document.bad-alignment", map[string]any{"Reason": reason}).
		WithHint("document.bad-alignment.hint").At(locale.Pos{File: file, Line: line, Column: col})
}

func groupList(g []int) string {
	parts := make([]string, 0, len(g))
	for i, n := range g {
		if i == 12 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprint(n))
	}
	return strings.Join(parts, ", ")
}
