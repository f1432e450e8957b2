// Package tmx reads and writes TMX 1.4b translation memories, the exchange
// format every translation tool (OmegaT, Trados, memoQ, Translate Toolkit)
// opens.
//
// The model is deliberately small: a header, and units of language
// variants holding plain text. Inline codes that other tools write inside a
// <seg> (<bpt>, <ept>, <it>, <ph>, <ut>) stand for formatting of the
// tool's own source file, not for text; [Read] leaves them out and keeps
// the text around them, including the text inside <hi>.
//
// [Write] produces a file valid against the TMX 1.4 DTD: it declares
// <!DOCTYPE tmx SYSTEM "tmx14.dtd">, so `xmllint --valid` checks it when
// the DTD lies beside it.
package tmx

import (
	"strings"

	"golang.org/x/text/language"
)

// Version is the TMX version Write declares.
const Version = "1.4"

// Prop is a <prop type="…">value</prop>: tool-defined data. Types that
// tilmash defines start with "x-", as TMX asks of private types.
type Prop struct {
	Type  string
	Value string
}

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
}

// Unit is a <tu>: texts in several languages that translate each other.
type Unit struct {
	ID       string // the tuid attribute; may be empty
	Props    []Prop
	Notes    []string
	Variants []Variant
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
// (see [SameLanguage]), or nil.
func (u *Unit) Variant(lang string) *Variant {
	for i := range u.Variants {
		if SameLanguage(u.Variants[i].Lang, lang) {
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

// BaseLanguage returns the base language of a TMX language code, as the
// two-letter code when there is one: "EN-US" → "en", "kk_KZ" → "kk",
// "kk-Cyrl-KZ" → "kk", and the ISO 639-2/3 codes some tools write, "rus"
// → "ru", "kaz" → "kk", "eng" → "en". Other tools write region codes and
// three-letter codes that a workspace does not use; mapping them the way
// golang.org/x/text/language does keeps import-tmx in agreement with
// check's TMX reader, which uses the same package. A code that is not a
// well-formed tag with a known language ("ru_RU.UTF-8", "x-foo") falls
// back to its first subtag in lower case.
func BaseLanguage(code string) string {
	code = strings.TrimSpace(code)
	if t, err := language.Parse(code); err == nil {
		// Only an exact base: "und" and private-use tags get a guessed
		// one (en), which would file unknown text under English.
		if b, conf := t.Base(); conf == language.Exact {
			return b.String()
		}
	}
	code = strings.ToLower(code)
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	return code
}

// SameLanguage reports whether two language codes name the same language,
// ignoring case and region.
func SameLanguage(a, b string) bool { return BaseLanguage(a) == BaseLanguage(b) }
