package locale

import (
	"errors"
	"fmt"
	"maps"
	"sort"
	"strings"
	"sync"
)

// Error is the one error type for what a person reads: a catalogue message
// (ID and Data), the catalogue id of a hint that knows a fix (rendered with
// the same Data), the place the error is about (Pos), the cause it wraps,
// and its Kind, which decides the exit code.
//
// Domain packages build it with [NewError] and return it as an error. A
// package keeps a named error type only where a caller branches on it with
// errors.As; such a type unwraps to an *Error, so it is printed the same
// way.
type Error struct {
	ID   string         // catalogue id of the message
	Data map[string]any // values of the message and of the hint
	Hint string         // catalogue id of the hint; empty for none
	Pos  *Pos           // where the error is; nil when it is about no place
	Err  error          // the cause, for errors.Is and errors.As; may be nil
	Kind Kind
}

// Kind sorts errors by what the exit code should say.
type Kind int

const (
	// Input is bad input: a file, a value or a state tilmash refuses
	// (exit 2). It is the zero Kind.
	Input Kind = iota
	// Usage is a mistake in how a command was called (exit 2).
	Usage
	// Findings says the command ran and found problems in the content
	// (exit 1).
	Findings
)

// ExitCode is the process exit code of an error of kind k.
func (k Kind) ExitCode() int {
	if k == Findings {
		return 1
	}
	return 2
}

// Pos is a place in a file or in typed input. Line and Column are 1-based
// and 0 when unknown; Offset is a byte offset, meaningful when the message
// names it.
type Pos struct {
	File         string
	Line, Column int
	Offset       int
}

// String renders the known parts as "file:line:column", the one form every
// located message shows: without the file for input read from a stream,
// without line and column when they are unknown.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d:%d", p.Line, p.Column)
	}
	return b.String()
}

// NewError returns an input error with message id and its values; data may
// be nil. Chain [Error.WithHint], [Error.At] and [Error.Wrap] to add the
// rest.
func NewError(id string, data map[string]any) *Error {
	return &Error{ID: id, Data: data}
}

// WithHint sets the catalogue id of the hint and returns e.
func (e *Error) WithHint(id string) *Error {
	e.Hint = id
	return e
}

// At sets the place of the error and returns e.
func (e *Error) At(p Pos) *Error {
	e.Pos = &p
	return e
}

// Wrap sets the cause and returns e.
func (e *Error) Wrap(cause error) *Error {
	e.Err = cause
	return e
}

// OfKind sets the kind and returns e.
func (e *Error) OfKind(k Kind) *Error {
	e.Kind = k
	return e
}

// MessageID names the catalogue message, so an *Error is a [Message].
func (e *Error) MessageID() string { return e.ID }

// TemplateData returns the values of the message and the hint: Data, and,
// for an error with a Pos, File, Line, Column, Offset and Where (the
// position as [Pos.String] renders it). A key of Data wins over the
// position's.
func (e *Error) TemplateData() map[string]any {
	if e.Pos == nil {
		return e.Data
	}
	d := map[string]any{
		"File": e.Pos.File, "Line": e.Pos.Line, "Column": e.Pos.Column,
		"Offset": e.Pos.Offset, "Where": e.Pos.String(),
	}
	maps.Copy(d, e.Data)
	return d
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Error renders the message in English from the catalogue: the Go text of
// an error and the English a person reads are one text.
func (e *Error) Error() string {
	if l := english(); l != nil {
		if s := l.Render(e); s != e.ID {
			return s
		}
	}
	// The catalogue cannot be read (or lacks the id): the id and the
	// values still say what happened.
	data := e.TemplateData()
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(e.ID)
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%v", k, data[k])
	}
	return b.String()
}

// Msg is a catalogue message given as a value of another message: the
// reason in "{{.File}}:{{.Line}}:{{.Column}}: {{.Reason}}", which a reader
// of TMX, XLIFF, TBX and DOCX files each word around the same XML
// problem. A [Localizer] renders it in its own language before the message
// it is in, so that no English reason stands inside a Russian or Kazakh
// message; its Go text (String) is the English one.
type Msg struct {
	ID   string
	Data map[string]any
}

// MessageID names the catalogue message, so a Msg is a [Message].
func (m Msg) MessageID() string { return m.ID }

// TemplateData returns the message's values.
func (m Msg) TemplateData() map[string]any { return m.Data }

// String renders the message in English.
func (m Msg) String() string {
	if l := english(); l != nil {
		return l.Text(m.ID, m.Data)
	}
	return m.ID
}

// ID returns the message id of the first *Error in err's chain, "" when
// there is none. Tests use it; a caller that branches on an error uses the
// named type its package keeps for that.
func ID(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.ID
	}
	return ""
}

var (
	englishOnce sync.Once
	englishLoc  *Localizer
)

func english() *Localizer {
	englishOnce.Do(func() { englishLoc, _ = New("en") })
	return englishLoc
}

// Render renders a message: with the plural form for its count when its
// data holds an int Count (1 group, 2 groups; 1 группа, 2 группы,
// 5 групп), as it is otherwise.
func (l *Localizer) Render(m Message) string {
	return l.Text(m.MessageID(), m.TemplateData())
}

// Text renders message id with data, choosing the plural form for an int
// Count in data.
func (l *Localizer) Text(id string, data map[string]any) string {
	if n, ok := data["Count"].(int); ok {
		return l.N(id, n, data)
	}
	return l.T(id, data)
}

// Explain renders the message and the hint of the first [Message] in err's
// chain. ok is false when the chain holds none, or when the catalogue lacks
// the message: then msg is err's own text. hint is empty when no hint is
// known; it comes from the *Error itself, or, for another Message, from
// the first error in the chain with a Hint() string method.
func (l *Localizer) Explain(err error) (msg, hint string, ok bool) {
	var m Message
	if !errors.As(err, &m) {
		return strings.TrimSpace(err.Error()), "", false
	}
	msg, ok = l.Render(m), true
	if msg == m.MessageID() { // not in the catalogue: better English than an id
		msg, ok = err.Error(), false
	}
	hintID := ""
	if e, isErr := m.(*Error); isErr {
		hintID = e.Hint
	} else if h := (interface{ Hint() string })(nil); errors.As(err, &h) {
		hintID = h.Hint()
	}
	if hintID != "" {
		hint = l.Text(hintID, m.TemplateData())
	}
	return msg, hint, ok
}
