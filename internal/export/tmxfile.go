package export

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/align"
	"github.com/tilmash/tilmash/internal/align/subsent"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// The ways TMX export cuts a document into units (Options.Units).
//
// UnitsSentences (the default) is for CAT tools, which cut their source
// files into sentences and look each one up: after the unit of every group
// whose source holds several sentences comes a unit for each of its source
// sentences, with the target the aligner gives that sentence alone where it
// is confident (x-cut), or else the whole target of the sentences it could
// not split (x-partial), so that every source sentence stands alone in
// some unit (see CutGroup).
//
// UnitsGroups writes the groups only: for tools that segment by paragraph,
// and for lossless exchange with another tilmash.
//
// The sentence cut leaves out the units with a partial target (x-partial):
// a CAT tool fills in a memory's exact matches (OmegaT those of tm/auto/,
// Trados and memoQ in pre-translation), and a partial target filled into
// each of the sentences it covers says the same thing twice in the
// translation, or says more than a sentence repeated alone in a new
// article does. UnitsPartial writes those units alone, for the place where
// a tool offers a memory's matches without filling them in (OmegaT's tm/,
// outside tm/auto/).
const (
	UnitsSentences = "sentences"
	UnitsGroups    = "groups"
	UnitsPartial   = "partial"
)

// Units lists the values of Options.Units, the default first.
var Units = []string{UnitsSentences, UnitsGroups, UnitsPartial}

// KeepCut returns the units of cut (CutGroup's) that the file of units
// holds: those without a partial target in the sentence cut, only those
// with one for UnitsPartial, none for UnitsGroups.
func KeepCut(cut []tmx.Unit, units string) []tmx.Unit {
	var out []tmx.Unit
	for _, u := range cut {
		_, partial := u.Prop(tmx.PartialProp)
		if units != UnitsGroups && partial == (units == UnitsPartial) {
			out = append(out, u)
		}
	}
	return out
}

// writeTMX writes one <tu> per group with a <tuv> for each language that
// has text in it (in a memory of some of the languages, none for a group
// without source text), the source language first, and in the sentence cut the
// units of the group's pieces after it (see UnitsSentences). Props carry
// what other tools ignore but import-tmx reads back: x-document in the
// header, x-status and x-score on each unit, x-paragraph on each variant
// that opens a paragraph or heading, x-sentences on each variant of
// several sentences, and x-forced in the header of a forced export.
func writeTMX(w io.Writer, p *plan) error {
	m := &tmx.TMX{Header: tmx.Header{
		CreationTool:        Tool,
		CreationToolVersion: p.opt.Version,
		SegType:             "sentence",
		OTMF:                Tool,
		AdminLang:           "en",
		SrcLang:             p.source,
		DataType:            "plaintext",
		Props:               []tmx.Prop{{Type: tmx.DocumentProp, Value: p.doc.ID}},
	}}
	if date := p.date(); !date.IsZero() {
		m.Header.CreationDate = date.UTC().Format(tmx.DateLayout)
	}
	if len(p.opt.Forced) > 0 {
		m.Header.Props = append(m.Header.Props, tmx.Prop{Type: tmx.ForcedProp, Value: Summary(p.opt.Forced)})
	}
	paras := map[string][]string{}
	for _, l := range p.langs {
		paras[l] = paragraphStarts(p.a, l, p.texts[l])
	}
	in, err := NewInline(p.doc, p.langs, p.source)
	if err != nil {
		return err
	}
	for i, g := range p.a.Groups {
		if p.part && len(g.Sents[p.source]) == 0 {
			// A memory of some of the languages is a CAT tool's: a unit
			// with no source text is nothing it can match (OmegaT warns
			// that it cannot locate its source, and Translate Toolkit
			// takes a target for the source). The TMX of every language
			// keeps it, so that import-tmx gives the document back whole.
			continue
		}
		u := tmx.Unit{
			ID:         strconv.Itoa(i + 1),
			ChangeDate: changeDate(g),
			Props: []tmx.Prop{
				{Type: tmx.StatusProp, Value: string(g.Status)},
				{Type: tmx.ScoreProp, Value: strconv.FormatFloat(g.Score, 'f', 3, 64)},
			},
		}
		if g.Note != "" {
			u.Notes = []string{g.Note}
		}
		for _, l := range p.langs {
			if len(g.Sents[l]) == 0 {
				continue
			}
			v := GroupVariant(g, l, in)
			if ps := paras[l]; ps != nil && ps[i] != "" {
				v.Props = append([]tmx.Prop{{Type: tmx.ParagraphProp, Value: ps[i]}}, v.Props...)
			}
			u.Variants = append(u.Variants, v)
		}
		if len(u.Variants) == 0 {
			continue // no text in the languages asked for
		}
		if p.opt.Units != UnitsPartial {
			m.Units = append(m.Units, u)
		}
		if p.opt.Units != UnitsGroups {
			m.Units = append(m.Units, KeepCut(p.opt.Cuts.group(g, i+1, p.source, p.langs, p.opt.Terms, in), p.opt.Units)...)
		}
	}
	_, err = tmx.Write(w, m)
	return err
}

// GroupVariant is group g's variant in lang as a TMX unit of the group
// carries it, in the document's export and in the memory's (package tm):
// the text a CAT tool's filter sees (segText), with the inline codes of
// its formatting (in, which may be nil: see [Inline]) and an x-sentences
// prop giving the lengths of its sentences when it has several.
func GroupVariant(g *document.Group, lang string, in *Inline) tmx.Variant {
	var src *codedText
	if in != nil && lang != in.source {
		src = in.variant(in.source, g.Sents[in.source], nil)
	}
	v := in.variant(lang, g.Sents[lang], src).variantOf(lang)
	if len(g.Sents[lang]) > 1 {
		v.Props = []tmx.Prop{{Type: tmx.SentencesProp, Value: sentenceLengths(g.Sents[lang])}}
	}
	return v
}

// CutGroup returns the units the sentence cut adds after the unit of group
// g, number n (see UnitsSentences): none for a group with fewer than two
// sentences in source, else one unit per source sentence, with a variant
// in each language of langs that the group has. For each target language
// the group's sentences are aligned again (package subsent): where the
// sentence is alone in its piece, the variant is the piece's target; where
// it shares its piece with other source sentences, the variant is the
// piece's whole target, marked with an x-partial prop. A unit with a
// partial variant is marked x-partial (a match to check), the others x-cut,
// both with the group's number. Every target language of the group is in
// every unit (OmegaT takes any other language of a unit as the translation
// when the project's target is missing), and a group without any has
// units of the source alone, as its own unit is. terms may be nil.
//
// It is the one implementation of the cut: the document's TMX export and
// the memory's (tm export, tm lookup --format tmx) both call it. Its
// variants carry the inline codes of in (nil for none; see [Inline]).
func CutGroup(g *document.Group, n int, source string, langs []string, terms align.TermFinder, in *Inline) []tmx.Unit {
	var c *Cuts
	return c.group(g, n, source, langs, terms, in)
}

// Cuts keeps the pieces of the sentence cut (the aligner run again on a
// group's sentences, subsent.Cut) between the TMX exports of one document
// and alignment with the same terms: publish writes several (every
// language, each pair, their partial units), which cut the same groups
// into the same pieces. A nil *Cuts cuts afresh. Not for concurrent use.
type Cuts struct{ pieces map[cutKey][]subsent.Piece }

type cutKey struct {
	g            *document.Group
	source, lang string
}

// NewCuts returns an empty Cuts.
func NewCuts() *Cuts { return &Cuts{pieces: map[cutKey][]subsent.Piece{}} }

// cut is subsent.Cut of group g's sentences in source and lang, kept.
func (c *Cuts) cut(g *document.Group, source, lang string, src, tgt []string, terms align.TermFinder) []subsent.Piece {
	if c == nil {
		return subsent.Cut(src, tgt, align.Options{SrcLang: source, TgtLang: lang, Terms: terms})
	}
	k := cutKey{g, source, lang}
	ps, ok := c.pieces[k]
	if !ok {
		ps = subsent.Cut(src, tgt, align.Options{SrcLang: source, TgtLang: lang, Terms: terms})
		c.pieces[k] = ps
	}
	return ps
}

// group is CutGroup, its pieces kept in c.
func (c *Cuts) group(g *document.Group, n int, source string, langs []string, terms align.TermFinder, in *Inline) []tmx.Unit {
	src := sentTexts(g.Sents[source])
	if len(src) < 2 {
		return nil
	}
	type piece struct {
		sents   []document.Sentence
		score   float64
		partial bool
	}
	byLang := map[string][]piece{} // by source sentence
	for _, l := range langs {
		if l == source || len(g.Sents[l]) == 0 {
			continue
		}
		tgt := sentTexts(g.Sents[l])
		ps := make([]piece, len(src))
		for _, pc := range c.cut(g, source, l, src, tgt, terms) {
			var parts []document.Sentence
			for _, j := range pc.Tgt {
				parts = append(parts, g.Sents[l][j])
			}
			for _, i := range pc.Src {
				ps[i] = piece{sents: parts, score: pc.Score, partial: len(pc.Src) > 1}
			}
		}
		byLang[l] = ps
	}
	group := strconv.Itoa(n)
	var out []tmx.Unit
	for i, s := range src {
		u := tmx.Unit{ID: group + "." + strconv.Itoa(i+1), ChangeDate: changeDate(g), Props: []tmx.Prop{{Type: tmx.StatusProp, Value: string(g.Status)}}}
		sv := in.variant(source, g.Sents[source][i:i+1], nil)
		if sv.text != s {
			sv = &codedText{text: s}
		}
		u.Variants = append(u.Variants, sv.variantOf(source))
		score, partial := 1.0, false
		for _, l := range langs {
			ps, ok := byLang[l]
			if !ok {
				continue
			}
			v := in.variant(l, ps[i].sents, sv).variantOf(l)
			if ps[i].partial {
				partial = true
				v.Props = []tmx.Prop{{Type: tmx.PartialProp, Value: group}}
			} else {
				score = min(score, ps[i].score)
			}
			u.Variants = append(u.Variants, v)
		}
		if partial {
			u.Props = append(u.Props, tmx.Prop{Type: tmx.PartialProp, Value: group})
		} else {
			u.Props = append(u.Props, tmx.Prop{Type: tmx.ScoreProp, Value: strconv.FormatFloat(score, 'f', 3, 64)}, tmx.Prop{Type: tmx.CutProp, Value: group})
		}
		out = append(out, u)
	}
	return out
}

// SentenceText is the text of a sentence as every group export writes it:
// cleaned of the characters XML cannot carry, and without the Markdown
// marks of a heading ("## Title" → "Title"; [document.Heading]). Where the
// format has a place for it, the export marks the heading its own way.
func SentenceText(s string) string {
	s, _ = xmlx.Clean(document.StripHeading(s))
	return s
}

func sentTexts(ss []document.Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = SentenceText(s.Text)
	}
	return out
}

// segText is group g's text in lang as the bilingual exports write it: its
// sentences' SentenceText joined by a space, as Group.Text joins them.
func segText(g *document.Group, lang string) string {
	return strings.Join(sentTexts(g.Sents[lang]), " ")
}

// sentenceLengths is the value of the x-sentences prop: the length in
// characters of each sentence as segText writes it.
func sentenceLengths(ss []document.Sentence) string {
	parts := make([]string, len(ss))
	for i, t := range sentTexts(ss) {
		parts[i] = strconv.Itoa(utf8.RuneCountInString(t))
	}
	return strings.Join(parts, " ")
}

// changeDate is a unit's changedate: when a person confirmed its group,
// "" when the alignment does not record it.
func changeDate(g *document.Group) string {
	if g.Status != document.Confirmed || g.ConfirmedAt.IsZero() {
		return ""
	}
	return g.ConfirmedAt.UTC().Format(tmx.DateLayout)
}
