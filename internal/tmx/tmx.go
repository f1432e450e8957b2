// Package tmx reads and writes TMX 1.4b translation memories, the exchange
// format every translation tool (OmegaT, Trados, memoQ, Translate Toolkit)
// opens.
//
// The model is deliberately small: a header, and units of language
// variants holding plain text. Inline codes inside a <seg> (<bpt>, <ept>,
// <it>, <ph>, <ut>) stand for formatting of a source file, not for text;
// [Read] leaves them out and keeps the text around them, including the
// text inside <hi>. [Write] writes a variant's [Code]s, the formatting of
// tilmash's own article, between its text.
//
// [Write] produces a file valid against the TMX 1.4 DTD: it declares
// <!DOCTYPE tmx SYSTEM "tmx14.dtd">, so `xmllint --valid` checks it when
// the DTD lies beside it.
package tmx

import "github.com/tilmash/tilmash/internal/langtag"

// Version is the TMX version Write declares.
const Version = "1.4"

// The props tilmash writes, and import-tmx reads back. ParagraphProp is
// on a variant whose group starts a paragraph ("p") or a heading ("h1" …
// "h6") in that language's stored text; StatusProp and ScoreProp on each
// unit; DocumentProp and ForcedProp (what a forced export went past) in
// the header.
const (
	ParagraphProp = "x-paragraph"
	StatusProp    = "x-status"
	ScoreProp     = "x-score"
	DocumentProp  = "x-document"
	ForcedProp    = "x-forced"
)

// The props of the units a sentence-level export adds after a group's own
// unit (package export), one unit per source sentence: CutProp on a unit
// whose every target the aligner gave that sentence alone, PartialProp on
// a unit with a target that is the whole target of several source
// sentences (a match to check, not a finished translation), and on that
// target's variant. Both hold the group's number. SentencesProp on a
// variant of the group's unit lists the lengths, in characters, of its
// sentences, joined in the text by one space each, so that import-tmx gets
// the sentences back. Import-tmx skips cut and partial units: the group's
// own unit holds all their text.
const (
	CutProp       = "x-cut"
	PartialProp   = "x-partial"
	SentencesProp = "x-sentences"
)

// Prop is a <prop type="…">value</prop>: tool-defined data. Types that
// tilmash defines start with "x-", as TMX asks of private types.
type Prop struct {
	Type  string
	Value string
}

// DateLayout is the layout of TMX's dates (creationdate, changedate):
// YYYYMMDDThhmmssZ, in UTC.
const DateLayout = "20060102T150405Z"

// Header is the <header> of a TMX file. Write needs every attribute the
// DTD requires: CreationTool, CreationToolVersion, SegType, OTMF,
// AdminLang, SrcLang and DataType.
type Header struct {
	CreationTool        string
	CreationToolVersion string
	SegType             string // block, paragraph, sentence or phrase
	OTMF                string // the tool's own memory format
	AdminLang           string
	SrcLang             string // a language code, or "*all*"
	DataType            string // "plaintext" for tilmash
	CreationDate        string // optional, as YYYYMMDDThhmmssZ
	Props               []Prop
	Notes               []string
}

// Variant is a <tuv>: the text of a unit in one language.
type Variant struct {
	Lang  string
	Props []Prop
	Notes []string
	Text  string
	// Codes are the inline codes [Write] puts into the text, in the order
	// they stand (by At; codes at one offset in their order here). [Read]
	// does not fill them.
	Codes []Code
	// Where the variant was read ([Read]); zero for one built in code.
	Tuv Position // the <tuv> start tag
	Seg Position // the first character of its <seg>'s content
	// Exact reports that Text stands in the file from Seg on exactly as
	// it is (no entity, markup, CDATA, comment or CR), so a byte offset
	// into Text added to Seg.Offset is one into the file's text.
	Exact bool
}

// CodeKind is the element of an inline [Code].
type CodeKind int

// The inline codes of TMX 1.4b: Begin and End are a <bpt> and its <ept>
// (the same I); BeginAlone and EndAlone are an <it pos="begin|end">, the
// start or end of formatting whose other end is outside the segment;
// Standalone is a <ph> (a line break).
const (
	Begin CodeKind = iota
	End
	BeginAlone
	EndAlone
	Standalone
)

// Code is an inline code of a variant: the native markup Native (for
// tilmash, the HTML of its article page, "<strong>") standing before byte
// At of Text. I pairs a Begin with its End in the segment; X, when not 0,
// matches the code with the code of the other variants that stands for
// the same formatting (an End has none: its Begin carries it). OmegaT,
// when it shows the tags of other tools' TMX, numbers a code X-1 and
// names it by the first letter of Native.
type Code struct {
	At     int
	Kind   CodeKind
	I, X   int
	Native string
}

// Position is a place in the text a TMX file decodes to: 1-based line and
// column (the column counted in characters, as editors show it) and the
// byte offset.
type Position struct {
	Line, Column int
	Offset       int
}

// Unit is a <tu>: texts in several languages that translate each other.
type Unit struct {
	ID string // the tuid attribute; may be empty
	// ChangeDate is the changedate attribute, in DateLayout: when the
	// unit was last changed (tilmash writes when a person confirmed its
	// group); may be empty.
	ChangeDate string
	Props      []Prop
	Notes      []string
	Variants   []Variant
	// Line is the line of the <tu> in the file it was read from, for
	// messages; 0 for a unit built in code.
	Line int
}

// TMX is a whole translation memory.
type TMX struct {
	Header Header
	Units  []Unit
}

// Prop returns the value of the first prop of that type.
func (u *Unit) Prop(typ string) (string, bool) { return findProp(u.Props, typ) }

// Prop returns the value of the first prop of that type.
func (v *Variant) Prop(typ string) (string, bool) { return findProp(v.Props, typ) }

// Prop returns the value of the first header prop of that type.
func (h *Header) Prop(typ string) (string, bool) { return findProp(h.Props, typ) }

// Variant returns the unit's first variant whose language matches lang
// (ignoring case and region: package langtag), or nil.
func (u *Unit) Variant(lang string) *Variant {
	for i := range u.Variants {
		if langtag.Same(u.Variants[i].Lang, lang) {
			return &u.Variants[i]
		}
	}
	return nil
}

func findProp(props []Prop, typ string) (string, bool) {
	for _, p := range props {
		if p.Type == typ {
			return p.Value, true
		}
	}
	return "", false
}
