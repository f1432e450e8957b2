package document

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tilmash/tilmash/internal/langtag"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

// The errors of document are *locale.Error values, built by these
// functions, except NotFoundError: import branches on it (a document that
// does not exist yet is created).

// NotFoundError is returned by Open for a document that does not exist.
// Near, when set, is the one document whose id is close to ID (a typo, a
// number cut short): the hint asks whether that was meant.
type NotFoundError struct{ ID, Near string }

func (e *NotFoundError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *NotFoundError) Unwrap() error {
	if e.Near != "" {
		return locale.NewError("document.not-found", map[string]any{"ID": e.ID, "Near": e.Near}).WithHint("document.not-found.near-hint")
	}
	return locale.NewError("document.not-found", map[string]any{"ID": e.ID}).WithHint("document.not-found.hint")
}

// Near returns the one document of ws whose id is close to id, "" when
// there is none or more than one: an id that begins the other's or that
// the other begins (the end of a long id left off, at least three letters
// kept), or one a single edit away (a letter left out, added, changed, or
// two swapped). It is for hints only.
func Near(ws *workspace.Workspace, id string) string {
	return near(ws, id, false)
}

// nearTypo is Near without the ids that differ only in one digit
// (upi-176265 and upi-176266 are two articles more often than a typo):
// import warns of a new document with it, and a warning that is most often
// wrong would teach people to skip it.
func nearTypo(ws *workspace.Workspace, id string) string {
	return near(ws, id, true)
}

func near(ws *workspace.Workspace, id string, noDigit bool) string {
	ids, err := List(ws)
	if err != nil || len(id) < 3 {
		return ""
	}
	found := ""
	for _, other := range ids {
		if other == id {
			return ""
		}
		prefix := strings.HasPrefix(other, id) || strings.HasPrefix(id, other)
		if !prefix && (EditDistance(id, other) > 1 || noDigit && digitOff(id, other)) {
			continue
		}
		if prefix && len(other) < 3 {
			continue
		}
		if found != "" {
			return "" // two as close: no guess
		}
		found = other
	}
	return found
}

// digitOff reports whether a and b differ only in one digit.
func digitOff(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := -1
	for i := range len(a) {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	return diff >= 0 && isDigit(a[diff]) && isDigit(b[diff])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// EditDistance is the optimal string alignment distance of two strings, by
// rune: insertions, deletions, substitutions and swaps of two neighbours
// count one each. It is for "did you mean" hints (document ids here,
// glossary ids and names in glossary show).
func EditDistance(a, b string) int {
	return editDistance([]rune(a), []rune(b))
}

func editDistance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// MissingLanguage is the error for a language version of document id that
// has not been imported.
func MissingLanguage(id, lang string) error {
	return locale.NewError("document.missing-language", map[string]any{"ID": id, "Lang": lang}).
		WithHint("document.missing-language.hint")
}

// BadLanguage is the error for a language the workspace does not keep;
// known lists those it does. Its hint names the one of them lang most
// likely meant (kz: kk), when there is one.
func BadLanguage(lang string, known []string) error {
	return WithMeant(locale.NewError("document.bad-language", map[string]any{"Lang": lang, "Known": strings.Join(known, ", ")}), lang, known)
}

// WithMeant adds to e, an error about language lang that is not among
// known, the hint document.bad-language.hint naming the language of known
// lang most likely meant ([langtag.Meant]), when there is one; e's data
// gets it as Meant. It returns e.
func WithMeant(e *locale.Error, lang string, known []string) *locale.Error {
	if m := langtag.Meant(lang, known); m != "" {
		if e.Data == nil {
			e.Data = map[string]any{}
		}
		e.Data["Meant"] = m
		e.WithHint("document.bad-language.hint")
	}
	return e
}

// TextChanged is the error of align when the lang text of document id
// changed since it was aligned (edited outside tilmash, or a crash between
// the writes of an import) in a way that takes sentences from confirmed
// groups: confirmed of them, among groups.
func TextChanged(id, lang string, groups []int, confirmed int) error {
	return &TextChangedError{ID: id, Lang: lang, Groups: groups, Confirmed: confirmed}
}

// TextChangedError is the error TextChanged returns. publish branches on
// it: such a document is held back, with the reason, and the others are
// still published.
type TextChangedError struct {
	ID, Lang  string
	Groups    []int // the groups that would lose sentences
	Confirmed int   // how many of them are confirmed
}

func (e *TextChangedError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *TextChangedError) Unwrap() error {
	return locale.NewError("document.text-changed", e.Data()).WithHint("document.text-changed.hint")
}

// Data is the values of the message: ID, Lang, Count (the confirmed
// groups) and Groups (the list, shortened).
func (e *TextChangedError) Data() map[string]any {
	return map[string]any{"ID": e.ID, "Lang": e.Lang, "Count": e.Confirmed, "Groups": groupList(e.Groups)}
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

// formatError is the error for an alignment.yaml that is not valid, at
// the place of the problem: reason is catalogue message id with its
// values, so that it reads in the user's language (it was English in ru
// and kk).
func formatError(file string, line, col int, id string, data map[string]any) error {
	return fileError(file, line, col, "document.bad-alignment.hint", id, data)
}

// fileError is formatError for any file of the document, with hint, the
// advice for that file (meta.yaml must not be removed, alignment.yaml
// may be).
func fileError(file string, line, col int, hint, id string, data map[string]any) error {
	return locale.NewError("document.bad-alignment", map[string]any{"Reason": locale.Msg{ID: id, Data: data}}).
		WithHint(hint).At(locale.Pos{File: file, Line: line, Column: col})
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
