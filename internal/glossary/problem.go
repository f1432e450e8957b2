package glossary

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/yamlx"
)

// Lint codes: the message id of each kind of [Problem]. The CLI renders
// them from locales/glossary.*.yaml, where CODE.hint tells what to do.
const (
	CodeMalformedYAML = "glossary.lint.malformed-yaml"
	// CodeUnclosedQuote is malformed YAML whose parser reached the end of
	// the file inside a quoted text: the problem is where the quotation
	// mark (Value) opened it, not the end of the file the parser names.
	CodeUnclosedQuote   = "glossary.lint.unclosed-quote"
	CodeUnknownField    = "glossary.lint.unknown-field"
	CodeDuplicateField  = "glossary.lint.duplicate-field"
	CodeWantMapping     = "glossary.lint.want-mapping"
	CodeWantList        = "glossary.lint.want-list"
	CodeWantText        = "glossary.lint.want-text"
	CodeMissingID       = "glossary.lint.missing-id"
	CodeInvalidID       = "glossary.lint.invalid-id"
	CodeDuplicateID     = "glossary.lint.duplicate-id"
	CodeInvalidKind     = "glossary.lint.invalid-kind"
	CodeMissingLanguage = "glossary.lint.missing-language"
	CodeMissingTerm     = "glossary.lint.missing-term"
	CodeEmptyForm       = "glossary.lint.empty-form"
	CodeInvalidInflect  = "glossary.lint.invalid-inflect"
	CodeFormConflict    = "glossary.lint.form-conflict"
	CodeSelfConflict    = "glossary.lint.accepted-and-forbidden"
	// CodeLookAlike is an accepted form with a word that mixes Latin and
	// Cyrillic letters (Value is the form in one alphabet);
	// CodeLookAlikeUnfixable one with a letter that has no twin in the
	// other alphabet, so no correction is offered.
	CodeLookAlike          = "glossary.lint.look-alike"
	CodeLookAlikeUnfixable = "glossary.lint.look-alike-unfixable"
	// CodeSharedTerm is an entry whose preferred form in a language is
	// the preferred form of an earlier entry too (OtherID, at Other): a
	// warning, see [Problem.Warning].
	CodeSharedTerm = "glossary.lint.shared-term"
	// CodeAddForbidsAccepted and CodeAddAcceptsForbidden are a
	// CodeFormConflict between an entry glossary add refused (OtherID)
	// and the entry of the glossary it conflicts with (ID), located at
	// that entry's form: see [Problem.AgainstNew].
	CodeAddForbidsAccepted  = "glossary.add.forbids-accepted"
	CodeAddAcceptsForbidden = "glossary.add.accepts-forbidden"
)

// Problem is one lint finding of [Load]: where it is (File, 1-based Line
// and Column), what it is (Code, also its message id) and the values the
// message needs. Fields a code does not use are empty.
type Problem struct {
	File   string
	Line   int
	Column int
	Code   string

	ID    string // the entry's id, when known
	Lang  string // the language of the form concerned
	Field string // the field name (unknown, duplicate or of the wrong type)
	Form  string // the form concerned
	Value string // the invalid value (id, kind, inflect)
	// Other locates the earlier definition (duplicate id or field) or the
	// accepted form a forbidden one conflicts with, as file:line:column.
	Other   string
	OtherID string // the entry that accepts a conflicting form
	Detail  string // the YAML parser's own words, for malformed YAML
	Allowed string // the valid values, for an invalid kind or inflect hint
	Limit   int    // the limit passed, for a file over the YAML limits (Value is the anchor)
}

// Gap reports whether p leaves the glossary usable: an entry with no form
// in one of the workspace languages (a two-language term base imported
// into a three-language workspace). The matcher checks such an entry in
// the languages it has and passes over text in the one it lacks; every
// other problem makes the glossary contradict itself, and it cannot be
// enforced.
func (p Problem) Gap() bool { return p.Code == CodeMissingLanguage }

// Warning reports whether p is for the editor's eyes only: two entries
// that prefer the same form in one language (CodeSharedTerm). The
// glossary is enforced as it is, a text's form of the two satisfying
// either entry, which is seldom what the editor meant: glossary lint
// reports it as a finding, every other command passes over it.
func (p Problem) Warning() bool { return p.Code == CodeSharedTerm }

// SplitGaps parts probs into the problems that keep the glossary from
// being enforced and its gaps (see [Problem.Gap]), each in order.
// Warnings (see [Problem.Warning]) are in neither.
func SplitGaps(probs []Problem) (blocking, gaps []Problem) {
	for _, p := range probs {
		if p.Warning() {
			continue
		}
		if p.Gap() {
			gaps = append(gaps, p)
		} else {
			blocking = append(blocking, p)
		}
	}
	return blocking, gaps
}

// AgainstNew rewrites a problem that a new entry, newID, would bring to
// the glossary, for the refusal of glossary add: a conflict of its forms
// with another entry is named at that entry's form, which is in the
// files, rather than at the place the new entry would have taken, which
// is not. Other problems are returned as they are.
func (p Problem) AgainstNew(newID string) Problem {
	if p.Code != CodeFormConflict {
		return p
	}
	switch {
	case p.ID == newID && p.OtherID != newID:
		// The new entry forbids a form the other accepts, at Other.
		file, line, col, ok := splitPos(p.Other)
		if !ok {
			return p
		}
		return Problem{Code: CodeAddForbidsAccepted, File: file, Line: line, Column: col, ID: p.OtherID, OtherID: newID, Lang: p.Lang, Form: p.Form}
	case p.OtherID == newID && p.ID != newID:
		// The other entry forbids, where p is, a form the new one accepts.
		q := p
		q.Code, q.Other = CodeAddAcceptsForbidden, ""
		return q
	}
	return p
}

// splitPos reads "file:line:column".
func splitPos(pos string) (file string, line, col int, ok bool) {
	i := strings.LastIndexByte(pos, ':')
	if i < 0 {
		return "", 0, 0, false
	}
	j := strings.LastIndexByte(pos[:i], ':')
	if j < 0 {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(pos[j+1 : i])
	col, err2 := strconv.Atoi(pos[i+1:])
	if err1 != nil || err2 != nil {
		return "", 0, 0, false
	}
	return pos[:j], line, col, true
}

// MessageID returns the catalogue id of the message: the Code.
func (p Problem) MessageID() string { return p.Code }

// HintID returns the catalogue id of the hint that tells what to do.
func (p Problem) HintID() string { return p.Code + ".hint" }

// Pos returns "file:line:column".
func (p Problem) Pos() string {
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// TemplateData returns the values the message templates use.
func (p Problem) TemplateData() map[string]any {
	return map[string]any{
		"File": p.File, "Line": p.Line, "Column": p.Column, "Pos": p.Pos(),
		"ID": p.ID, "Lang": p.Lang, "Field": p.Field, "Form": p.Form,
		"Value": p.Value, "Other": p.Other, "OtherID": p.OtherID,
		"Detail": p.detail(), "Allowed": p.Allowed,
		"Anchor": p.Value, "Limit": p.Limit,
	}
}

// Error returns the English message, prefixed by the position. It matches
// the English catalogue; a test keeps the two in step.
// Text is p as a person reads it, "file:line:column: message", with the
// message from text (a catalogue's lookup of an id and its values) and
// the English of [Problem.Error] when the catalogue lacks it. The
// command line and the workbench both name problems with it.
func (p Problem) Text(text func(id string, data map[string]any) string) string {
	msg := text(p.MessageID(), p.TemplateData())
	if msg == p.MessageID() {
		msg = strings.TrimPrefix(p.Error(), p.Pos()+": ")
	}
	if strings.HasPrefix(msg, p.Pos()) {
		return msg
	}
	return p.Pos() + ": " + msg
}

// detail is the value of the message's Detail: yaml.v3's problem of a
// malformed file as a catalogue message (see [yamlx.SyntaxDetail]).
func (p Problem) detail() any {
	if p.Code == CodeMalformedYAML {
		return yamlx.SyntaxDetail(p.Detail)
	}
	return p.Detail
}

func (p Problem) Error() string {
	return p.Pos() + ": " + p.message()
}

func (p Problem) message() string {
	switch p.Code {
	case CodeMalformedYAML:
		return fmt.Sprintf("malformed YAML: %v", p.detail())
	case CodeUnclosedQuote:
		return fmt.Sprintf("malformed YAML: the quotation mark %s opened here is never closed", p.Value)
	case CodeUnknownField:
		return fmt.Sprintf("unknown field %s", p.Field)
	case CodeDuplicateField:
		return fmt.Sprintf("field %s is given twice (first at %s)", p.Field, p.Other)
	case CodeWantMapping:
		return fmt.Sprintf("%s must be a mapping of fields", p.Field)
	case CodeWantList:
		return fmt.Sprintf("%s must be a list", p.Field)
	case CodeWantText:
		return fmt.Sprintf("%s must be text", p.Field)
	case CodeMissingID:
		return "entry has no id"
	case CodeInvalidID:
		return fmt.Sprintf("invalid id %q", p.Value)
	case CodeDuplicateID:
		return fmt.Sprintf("duplicate id %s (first defined at %s)", p.ID, p.Other)
	case CodeInvalidKind:
		return fmt.Sprintf("entry %s has unknown kind %q (use one of: %s)", p.ID, p.Value, p.Allowed)
	case CodeMissingLanguage:
		return fmt.Sprintf("entry %s has no %s form", p.ID, p.Lang)
	case CodeMissingTerm:
		return fmt.Sprintf("entry %s: the %s form has no term", p.ID, p.Lang)
	case CodeEmptyForm:
		return fmt.Sprintf("entry %s: empty %s form in %s", p.ID, p.Lang, p.Field)
	case CodeInvalidInflect:
		return fmt.Sprintf("entry %s: unknown %s inflect hint %q (use one of: %s)", p.ID, p.Lang, p.Value, p.Allowed)
	case CodeFormConflict:
		return fmt.Sprintf("entry %s forbids %s form %q, which entry %s accepts at %s", p.ID, p.Lang, p.Form, p.OtherID, p.Other)
	case CodeSelfConflict:
		return fmt.Sprintf("entry %s both accepts and forbids %s form %q (accepted at %s)", p.ID, p.Lang, p.Form, p.Other)
	case CodeLookAlike:
		return fmt.Sprintf("entry %s: %s form %q mixes Latin and Cyrillic letters: write %q", p.ID, p.Lang, p.Form, p.Value)
	case CodeLookAlikeUnfixable:
		return fmt.Sprintf("entry %s: %s form %q mixes Latin and Cyrillic letters", p.ID, p.Lang, p.Form)
	case CodeAddForbidsAccepted:
		return fmt.Sprintf("entry %s accepts %s form %q, which the new entry %s would forbid", p.ID, p.Lang, p.Form, p.OtherID)
	case CodeAddAcceptsForbidden:
		return fmt.Sprintf("entry %s forbids %s form %q, which the new entry %s would accept", p.ID, p.Lang, p.Form, p.OtherID)
	case CodeSharedTerm:
		return fmt.Sprintf("entry %s has the same %s term %q as entry %s at %s", p.ID, p.Lang, p.Form, p.OtherID, p.Other)
	}
	if strings.HasPrefix(p.Code, "yaml.") {
		le := &yamlx.LimitError{File: p.File, Line: p.Line, Column: p.Column, Code: p.Code, Anchor: p.Value, Limit: p.Limit}
		return strings.TrimPrefix(le.Error(), p.Pos()+": ")
	}
	return p.Code
}
