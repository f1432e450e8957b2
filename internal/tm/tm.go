// Package tm is the translation memory of a workspace: every group of every
// document (confirmed groups as approved units, the others as unapproved)
// and the TMX files a person imports, searchable by concordance and by
// fuzzy match.
//
// The documents stay the truth. The memory is an index derived from them:
// [Memory.Update] re-reads only the documents whose meta.yaml or
// alignment.yaml changed (size and modification time first, then a sha256
// of the bytes), [Memory.Rebuild] derives it again from scratch. Every
// change is applied by a [Store] in one transaction, so a crash during an
// update leaves the memory as it was before it, never half-updated: the
// next update simply does the work again.
//
// A [Store] keeps units and finds candidates; the scoring is done here, the
// same for every store, so the embedded store (package sqlitestore) and
// the shared one (package pgstore) give the same results whenever their
// candidates include the same units. Package storetest holds the suite both
// pass.
//
// # Concordance
//
// [Memory.Search] finds a word or phrase in any language. The query is
// compiled as a one-entry glossary ([glossary.Compile]), so a Russian or
// Kazakh name matches in every inflected form the glossary generates
// (Тоқаев finds Тоқаевқа, Астана finds Астане); when the query is a form
// of an entry of the workspace glossary, that entry's forms in every
// language are searched as well. The store returns candidates holding the
// stems of the query's words; the glossary matcher keeps the real hits and
// marks them as byte spans.
//
// # Fuzzy matches
//
// [Memory.Lookup] scores each sentence of a new text against candidates by
// token edit distance, as OmegaT and Trados do: words are compared case
// folded, punctuation and spacing ignored; the score is
// 100·(1 − distance / longer length), rounded down, and a match that
// differs only in case loses one point. 100% means the same sentence up to
// spaces and punctuation. Numbers that differ are reported as the
// difference ([Match.Numbers]).
package tm

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/tilmash/tilmash/internal/workspace"
)

// Folder is the workspace folder, relative to its root, that holds the
// memory. It is local state: init's .gitignore lists it.
const Folder = workspace.LocalFolder

// DBName is the file of the embedded memory inside [Folder].
const DBName = "memory.sqlite"

// ImportsFolder, inside [Folder], keeps a copy of every imported TMX so
// that a rebuild from scratch brings them back.
const ImportsFolder = "tm-imports"

// Source prefixes: a unit comes from a document or from an imported TMX.
const (
	DocPrefix = "doc/"
	TMXPrefix = "tmx/"
)

// Variant is the text of a unit in one language.
type Variant struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// Unit is one entry of the memory: a group of a document, or a <tu> of an
// imported TMX.
type Unit struct {
	ID        int64     `json:"-"`      // the store's id
	Source    string    `json:"source"` // "doc/ID" or "tmx/NAME"
	Group     int       `json:"group"`  // the group number (1-based), or the <tu>'s position
	Confirmed bool      `json:"confirmed"`
	Time      time.Time `json:"time"` // when the source was last imported
	Note      string    `json:"note,omitempty"`
	Variants  []Variant `json:"variants"`
}

// TextIn returns the unit's text in lang, or "".
func (u *Unit) TextIn(lang string) string {
	for _, v := range u.Variants {
		if v.Lang == lang {
			return v.Text
		}
	}
	return ""
}

// Document returns the id of the unit's document, or "" for a unit of an
// imported TMX.
func (u *Unit) Document() string {
	if len(u.Source) > len(DocPrefix) && u.Source[:len(DocPrefix)] == DocPrefix {
		return u.Source[len(DocPrefix):]
	}
	return ""
}

// Source is one input of the memory as the store last saw it.
type Source struct {
	Name  string    // "doc/ID" or "tmx/NAME"
	Hash  string    // sha256 of the bytes the units were read from
	Stamp string    // size and modification time of those files: unchanged means not re-read
	Time  time.Time // when the source was imported
	Units int       // how many units it gave
}

// Change replaces the units of one source.
type Change struct {
	Source Source
	// Units replace the source's units. Ignored when Remove or KeepUnits.
	Units []Unit
	// Remove deletes the source and its units.
	Remove bool
	// KeepUnits updates only the source's record (a file touched but not
	// changed gets its new stamp), and only while the record still has
	// Source.Hash: when another update (another translator's, on a shared
	// memory) replaced or removed the source since it was read, the record
	// is left as that update made it, so the next update reads the source
	// again instead of vouching for units it no longer holds.
	KeepUnits bool
}

// Stats describes the memory.
type Stats struct {
	Units     int            `json:"units"`
	Confirmed int            `json:"confirmed"`
	Documents int            `json:"documents"`
	Imports   int            `json:"imports"`
	Langs     map[string]int `json:"langs"` // units with text in each language
}

// Store keeps the units of a memory and finds candidates for a query.
// Every method is safe to call from one goroutine at a time; Apply is one
// transaction, and a store whose Apply fails or is interrupted is left as
// it was.
type Store interface {
	// Sources lists every source with its record.
	Sources(ctx context.Context) ([]Source, error)
	// Apply makes the changes in one transaction. With reset, every unit
	// and source is removed first. changes is read once, as a stream (a
	// rebuild of a million groups never holds them all); when it yields an
	// error, Apply rolls back and returns it.
	Apply(ctx context.Context, reset bool, changes iter.Seq2[Change, error]) error
	// Words returns units with a text (in lang, or in any language when
	// lang is "") holding, for each of prefixes, a word that starts with
	// it (case folded; a store may return more: a substring match), in the
	// order of a concordance: confirmed units first, then the newest, then
	// the last stored; of that order, the limit units after the first
	// offset. Prefixes are lower case.
	Words(ctx context.Context, lang string, prefixes []string, offset, limit int) ([]Unit, error)
	// Similar returns up to limit units whose text in lang shares the most
	// with text, the likeliest fuzzy matches first.
	Similar(ctx context.Context, lang, text string, limit int) ([]Unit, error)
	// All calls fn for every unit, in source then group order.
	All(ctx context.Context, fn func(*Unit) error) error
	// Stats counts the units.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// InOrder returns the units of byID in the order of ids, leaving out the
// ids it lacks: a store that loads units by id in one query, which gives
// them in any order, returns them as they were asked for.
func InOrder(ids []int64, byID map[int64]Unit) []Unit {
	out := make([]Unit, 0, len(ids))
	for _, id := range ids {
		if u, ok := byID[id]; ok {
			out = append(out, u)
		}
	}
	return out
}

// Changes streams a list of changes for [Store.Apply].
func Changes(cs ...Change) iter.Seq2[Change, error] {
	return func(yield func(Change, error) bool) {
		for _, c := range cs {
			if !yield(c, nil) {
				return
			}
		}
	}
}

// NameError is a memory name (tm import --name) that cannot be used.
type NameError struct{ Name string }

func (e *NameError) Error() string {
	return fmt.Sprintf("%q is not a memory name: use letters, digits, '.', '_' and '-', at most 64, starting with a letter or digit", e.Name)
}

// MessageID names the localized message for e.
func (e *NameError) MessageID() string { return "tm.bad-name" }

// TemplateData gives the values of the localized message.
func (e *NameError) TemplateData() map[string]any { return map[string]any{"Name": e.Name} }

// TakenError is a tm import into a shared memory under a name another
// machine's import already has: it would replace a colleague's memory.
type TakenError struct{ Name string }

func (e *TakenError) Error() string {
	return fmt.Sprintf("the shared memory already holds an import named %s from another machine", e.Name)
}

// MessageID names the localized message for e.
func (e *TakenError) MessageID() string { return "tm.import.taken" }

// TemplateData gives the values of the localized message.
func (e *TakenError) TemplateData() map[string]any { return map[string]any{"Name": e.Name} }

// Hint names the localized hint for e.
func (e *TakenError) Hint() string { return "tm.import.taken.hint" }

// ValidName reports whether name can name an imported memory: it becomes a
// file name under [Folder].
func ValidName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for i, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case (r == '.' || r == '_' || r == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}
