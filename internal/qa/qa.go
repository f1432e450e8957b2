// Package qa holds the editors' quality checks beyond the glossary: numbers
// compared by value, web and e-mail addresses and @handles, text left untranslated or in the wrong language,
// inconsistent translations across a workspace, typography, Kazakh endings
// after glossary names and spelling through Hunspell.
//
// The package knows nothing of files, groups or the command line: a check
// gets the texts of a source and a translation (and their language codes
// en, ru, kk) and returns [Finding]s whose spans are byte offsets into those
// texts. The caller locates them (file:line:col, group) and prints them
// through the locale catalogues with [Finding.MessageID] and
// [Finding.TemplateData] (locales/qa.*.yaml).
package qa

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Kind names a check.
type Kind string

// The checks.
const (
	Numbers      Kind = "numbers"
	Links        Kind = "links"
	Untranslated Kind = "untranslated"
	Consistency  Kind = "consistency"
	Typography   Kind = "typography"
	Endings      Kind = "endings"
	Spelling     Kind = "spelling"
)

// Kinds lists every check in the order they are documented.
var Kinds = []Kind{Numbers, Links, Untranslated, Consistency, Typography, Endings, Spelling}

// Severity tells whether a finding blocks publishing.
type Severity string

// The severities: errors gate export and publish, warnings are reported.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// DefaultSeverity returns the severity a check's findings have unless a
// workspace changes it.
func DefaultSeverity(k Kind) Severity {
	switch k {
	case Numbers, Links, Untranslated:
		return Error
	}
	return Warning
}

// Span is a byte range of a text; a Span with Start < 0 is no span.
type Span struct {
	Start, End int
}

// NoSpan is the span of a finding that points at nothing in that text.
var NoSpan = Span{-1, -1}

// Valid reports whether s points into a text.
func (s Span) Valid() bool { return s.Start >= 0 && s.End >= s.Start }

// Finding is one problem found by a check.
//
// Lang is the language of the text the finding is about (the translation,
// or the source for findings about the source alone) and SrcLang the
// source's. Source and Target are spans in the source text and in the text
// of Lang (either may be [NoSpan]). Message and Data are the catalogue
// message and its values; Fix, when set, is the text that should replace
// the Target span. Places lists the caller's place ids for findings about
// several groups (consistency).
//
// The findings of a [Checker] may leave Data nil and have TemplateData
// make it (see lazyData); those of the exported check functions have it.
type Finding struct {
	Kind     Kind
	Severity Severity
	Lang     string
	SrcLang  string
	Source   Span
	Target   Span
	Message  string
	Data     map[string]any
	Fix      string
	Places   []string

	// lazy, when Data is nil, says which values TemplateData makes
	// from the finding (text is its Text): a typography finding, which a
	// large file has by the ten thousand, holds no map until its message
	// is rendered.
	lazy lazyData
	text string
}

// lazyData is the kind of Data a finding with a nil Data stands for.
type lazyData uint8

const (
	eagerData     lazyData = iota // Data is the data
	typoData                      // Lang, Text, and Expected (Fix) when Fix is set
	typoFinalData                 // Lang, Text and Expected (Fix), even empty
)

// MessageID returns the catalogue id of the finding's message.
func (f Finding) MessageID() string { return f.Message }

// TemplateData returns the values of the message template.
func (f Finding) TemplateData() map[string]any {
	if f.Data == nil && f.lazy != eagerData {
		return f.makeData()
	}
	return f.Data
}

// makeData returns the Data a lazy finding stands for.
func (f *Finding) makeData() map[string]any {
	d := map[string]any{"Lang": f.Lang, "Text": f.text}
	if f.lazy == typoFinalData || f.Fix != "" {
		d["Expected"] = f.Fix
	}
	return d
}

// materialize gives a lazy finding its Data: it is then what the
// finding's check made before findings were lazy.
func (f *Finding) materialize() {
	if f.Data == nil && f.lazy != eagerData {
		f.Data = f.makeData()
	}
	f.lazy, f.text = eagerData, ""
}

// Keep passes every text the finding holds through keep, so that a
// finding about a text that is a view of a reused buffer (a streamed
// row) can be kept past it: keep returns a copy of the texts in the
// buffer and the others as they are.
func (f *Finding) Keep(keep func(string) string) {
	f.Kind, f.Severity = Kind(keep(string(f.Kind))), Severity(keep(string(f.Severity)))
	f.Lang, f.SrcLang, f.Message, f.Fix = keep(f.Lang), keep(f.SrcLang), keep(f.Message), keep(f.Fix)
	f.text = keep(f.text)
	for i, p := range f.Places {
		f.Places[i] = keep(p)
	}
	for k, v := range f.Data {
		switch v := v.(type) {
		case string:
			// Stored again only when it changes: a string put in an
			// interface is allocated.
			if w := keep(v); unsafe.StringData(w) != unsafe.StringData(v) {
				f.Data[k] = w
			}
		case []string:
			for i, s := range v {
				v[i] = keep(s)
			}
		}
	}
}

// Note is something a caller may print once: a check that could not run.
type Note struct {
	Kind    Kind
	Message string
	Data    map[string]any
}

// MessageID returns the catalogue id of the note's message.
func (n Note) MessageID() string { return n.Message }

// TemplateData returns the values of the message template.
func (n Note) TemplateData() map[string]any { return n.Data }

func baseLang(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return strings.ToLower(lang)
}

// decode is utf8.DecodeRuneInString(s[i:]) with ASCII inline and the
// two-byte (Cyrillic) case without the general decoder: the checks decode
// every rune of every text.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return decodeMulti(s, i)
}

func decodeMulti(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}
