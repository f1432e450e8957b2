// Package xliff reads XLIFF 2.0 and 1.2 files back: the files tilmash's
// export writes (package export), after a translator edited them in a CAT
// tool (OmegaT, Trados, memoQ, Translate Toolkit's editors).
//
// The model is small: the file's languages and the document it names, and
// per unit its id, source and target text, the state the tool left and the
// notes, each with where it was read (line, column and byte offset in the
// text the file decodes to), so that a caller can point at a unit.
//
// # What the tools add
//
// Readers of CAT tools' output must tolerate what they add, and [Read] does:
//
//   - inline codes keep their text. tilmash writes plain text, so any code
//     in a target was made by the tool out of that text (a code finder that
//     turned "<b>" into a <ph>): the text inside <g>, <pc>, <mrk>, <ph>,
//     <bpt>, <ept>, <it> and <sub> is kept, and an XLIFF 2.0 code that
//     refers to <originalData> (<ph dataRef>, <pc dataRefStart>, <sc>,
//     <ec>) is replaced by that data; an empty code with no data (<x/>,
//     <bx/>, <ex/>, a <ph/> without dataRef) adds nothing;
//   - <alt-trans> (1.2 matches from a memory) and <seg-source> are left
//     out: the unit's own <source> and <target> count; the <mrk mtype="seg">
//     segments that Okapi and Trados put in a 1.2 target are joined;
//   - a 2.0 unit split into several <segment>s (and <ignorable>s) is joined
//     back in order;
//   - language codes in any case (kk-KZ, KK) are kept as written: the caller
//     matches them (package langtag).
//
// Like every reader of outside files it goes through package xmlx: UTF-8 or
// UTF-16 or any declared encoding, no DTD or external entity fetched,
// limits on depth and size, and every error located.
package xliff

// Version is the XLIFF version of a file: "1.2" (also for 1.0 and 1.1,
// which share its structure) or "2.0".
type Version string

// The versions Read understands.
const (
	V12 Version = "1.2"
	V20 Version = "2.0"
)

// State is what a unit's state says of its translation, in tilmash's terms.
type State int

// The states of a unit.
const (
	// StateNone: the file says nothing (no state attribute, no approved).
	StateNone State = iota
	// Unconfirmed: a state short of final (1.2: new, translated,
	// needs-review-translation …, or approved="no"; 2.0: initial or
	// translated).
	Unconfirmed
	// Confirmed: 1.2 state final or signed-off, or approved="yes" (unless
	// approved="no" says otherwise); 2.0 reviewed or final.
	Confirmed
)

// Position is a place in the text the file decodes to: 1-based line and
// column (in characters) and the byte offset.
type Position struct {
	Line, Column int
	Offset       int
}

// File is an XLIFF file as Read returns it.
type File struct {
	Name       string // the name errors and reports use
	Version    Version
	SourceLang string // as written: srcLang or source-language
	TargetLang string // as written: trgLang or target-language
	// Originals are the document names the file gives, in order: the
	// <file> original (a path's last element) and, in 2.0, the file id.
	Originals []string
	Units     []Unit
}

// Unit is one <trans-unit> (1.2) or <unit> (2.0).
type Unit struct {
	ID  string
	Pos Position // the unit's start tag
	// NoTranslate is translate="no".
	NoTranslate bool
	Source      string
	SourcePos   Position // the first character of the source's content
	// HasTarget says the unit has a <target> element (possibly empty).
	HasTarget bool
	Target    string
	TargetPos Position // the target's content, or the unit when it has none
	State     State
	// StateText is the state as written ("signed-off", "final",
	// `approved="yes"`), for messages; empty for StateNone.
	StateText string
	// Notes are the unit's notes in order, trimmed; empty ones are left out.
	Notes []string
	// HasNotes is true when the unit has a <note> element, even an empty
	// one: only then does the file say what the notes are. A tool that
	// drops notes it does not know (xliff2po keeps only the translator's
	// and the developer's) writes a unit without any.
	HasNotes bool
	// Mark is what tilmash's export recorded of the unit (see [Mark]);
	// HasMark is false when the file has none (another tool's file, an
	// older export, or a tool that dropped it).
	Mark    Mark
	HasMark bool
}
