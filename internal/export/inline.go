package export

import (
	"slices"
	"sort"
	"strings"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// Inline is the recorded formatting (LANG.format.yaml) of a document's
// texts as the TMX exports write it: TMX 1.4b inline codes (<bpt>/<ept>,
// <it>, <ph>) around the formatted words of each variant, the native code
// being the HTML tilmash's article page writes (Localized html: <strong>,
// <em>, <code>, <a href="…">, <br>, or the element the page the text was
// imported from had: <b>, <i>, <kbd>…; docformat.Span.Tag).
//
// The codes are numbered as OmegaT numbers the tags of an HTML paragraph,
// so that OmegaT, when it shows the tags of external memories (Options →
// External TMXs → Display tags), reads a unit's source exactly as its own
// segment ("The <s0>prison</s0> reform") and gives a 100% match that puts
// the formatting back in the translation: x is the tag's number in its
// paragraph plus one, counted from the paragraph's first tag, and the tags
// that wrap a whole paragraph, which OmegaT leaves out of the segment, are
// not written. A target's codes take the number of the source code of the
// same formatting (the first bold of the target is the first bold of the
// source); a target code with no such source code is left out, keeping its
// text, since OmegaT would write an unknown tag into the translated file as
// text.
type Inline struct {
	source string
	texts  map[string]string
	tags   map[string][]pageTag
	// seg is the new article's segment a variant in its language is
	// matched to ([Inline.WithSegment]); nil for none.
	seg *Coded
}

// Coded is a sentence of an article as a CAT tool's segment of the
// article's page shows it: its text, and the inline codes of its
// formatting numbered as OmegaT numbers them, by their order in the
// sentence's paragraph of that article.
type Coded struct {
	lang string
	c    *codedText
}

// Lang is the sentence's language.
func (s *Coded) Lang() string { return s.lang }

// Text is the sentence's text, as a TMX variant writes it.
func (s *Coded) Text() string { return s.c.text }

// Variant is the sentence as a TMX variant, with its codes.
func (s *Coded) Variant() tmx.Variant {
	v := s.c.variantOf(s.lang)
	v.Codes = slices.Clone(v.Codes)
	return v
}

// pageTag is a tag of the article page tilmash writes for one language.
type pageTag struct {
	at    int          // byte offset into the stored text
	shape tmx.CodeKind // Begin (an opening tag), End (its closing tag) or Standalone
	block int          // the page's block (paragraph, heading, item) it is in
	n     int          // its number in the block, from 0; a closing tag has its opening tag's
	kind  string       // docformat's kind, or "br"
	html  string
}

// NewInline reads the formatting of document d's languages langs, source
// being the language the others are matched to. A language without
// formatting has no codes; a nil *Inline writes none at all.
func NewInline(d *document.Document, langs []string, source string) (*Inline, error) {
	in := &Inline{source: source, texts: map[string]string{}, tags: map[string][]pageTag{}}
	for _, l := range langs {
		f, err := d.Formatting(l)
		if err != nil {
			return nil, err
		}
		if f == nil {
			continue
		}
		text, err := d.Text(l)
		if err != nil {
			return nil, err
		}
		if f, err = f.Apply(text); err != nil {
			return nil, err
		}
		if tags := pageTags(parseArticle(l, text, f)); len(tags) > 0 {
			in.texts[l], in.tags[l] = text, tags
		}
	}
	return in, nil
}

// NewTextInline is [NewInline] for a text in lang and its formatting f
// (nil for none) that no document of the workspace holds: the new
// article tm lookup reads.
func NewTextInline(lang, text string, f *document.Formatting) *Inline {
	in := &Inline{source: lang, texts: map[string]string{}, tags: map[string][]pageTag{}}
	if f == nil {
		return in
	}
	if tags := pageTags(parseArticle(lang, text, f)); len(tags) > 0 {
		in.texts[lang], in.tags[lang] = text, tags
	}
	return in
}

// Sentence is sentence s of lang (its offsets into lang's text) as
// [Coded]: with no codes when it has no formatting.
func (in *Inline) Sentence(lang string, s document.Sentence) *Coded {
	return &Coded{lang: lang, c: in.variant(lang, []document.Sentence{s}, nil)}
}

// WithSegment returns the formatting of in for a match with seg, a
// sentence of a new article: the formatting of the new sentence decides
// the codes. A variant in seg's language whose text is seg's is written as
// seg is, its codes numbered in the new article's paragraph; another one
// in that language (a fuzzy match) keeps only its codes of a formatting
// seg has, numbered as seg's; the translations' codes are matched to
// those, as they are to their source's. A nil seg leaves in as it is.
func (in *Inline) WithSegment(seg *Coded) *Inline {
	if seg == nil {
		return in
	}
	out := &Inline{}
	if in != nil {
		*out = *in
	}
	// The new sentence is the source the other languages' codes are
	// matched to, whatever the memory's source language.
	out.source, out.seg = seg.lang, seg
	return out
}

// pageTags lists the tags of the page's blocks in the order the page
// writes them (block.pieces), but those around a whole block, which a CAT
// tool leaves out of the segment.
func pageTags(a *article) []pageTag {
	var out []pageTag
	for bi, b := range a.blocks {
		n := 0
		var number []int // of each opening piece
		for pi, p := range b.pieces {
			if p.wrap || !p.isTag() && !p.Break {
				continue
			}
			t := pageTag{at: p.at, shape: p.shape, block: bi, n: n, kind: p.kind, html: p.html()}
			if p.kind == docformat.Element {
				t.kind += ":" + p.elem // a <sup> is no <span>
			}
			if p.shape == tmx.End {
				t.n = number[p.pair]
			} else {
				if number == nil {
					number = make([]int, len(b.pieces))
				}
				number[pi] = n
				n++
			}
			out = append(out, t)
		}
	}
	return out
}

// codedText is a variant's text with its codes, and the formatting they
// stand for: one element a Begin and its End, a lone start or end, or a
// line break.
type codedText struct {
	text  string
	codes []tmx.Code
	elems []codeElem
}

type codeElem struct {
	key   string // what it stands for: shape and kind
	x     int
	codes []int // into codes
}

// variant returns the text of sentences ss of lang, joined by a space as
// segText joins them, with their codes; the codes of a target language
// are matched to those of src, the source variant's. With no codes the
// text is segText's.
func (in *Inline) variant(lang string, ss []document.Sentence, src *codedText) *codedText {
	if in != nil && in.seg != nil && src == nil && lang == in.seg.lang {
		seg := in.seg.c
		c := in.coded(lang, ss, seg)
		if c.text == seg.text {
			return &codedText{text: seg.text, codes: slices.Clone(seg.codes), elems: seg.elems}
		}
		return c
	}
	return in.coded(lang, ss, src)
}

// coded is [Inline.variant] without the new segment.
func (in *Inline) coded(lang string, ss []document.Sentence, src *codedText) *codedText {
	plain := &codedText{text: strings.Join(sentTexts(ss), " ")}
	if in == nil || len(in.tags[lang]) == 0 || len(ss) == 0 {
		return plain
	}
	raw, tags := in.texts[lang], in.tags[lang]
	var b strings.Builder
	out := &codedText{}
	var kinds []pageTag // the tag of each code
	type ref struct{ block, n int }
	opened := map[ref]int{}
	for si, s := range ss {
		if s.Start < 0 || s.End > len(raw) || s.Start > s.End || raw[s.Start:s.End] != s.Text {
			return plain // the text changed under the alignment: no codes
		}
		if si > 0 {
			b.WriteByte(' ')
		}
		_, marks := document.Heading(s.Text)
		start := s.Start + marks
		pos := start
		// An opening tag or a line break at [start, End), a closing tag
		// at (start, End]: a tag at a sentence's edge goes with the text
		// it touches. A closing tag after the space before the sentence
		// (<b>Power failed. </b>Lines went down.) goes with it, as
		// OmegaT's segment has it ("</b0>Lines went down.").
		after := start > 0 && raw[start-1] == ' '
		for k := sort.Search(len(tags), func(k int) bool { return tags[k].at >= start }); k < len(tags) && tags[k].at <= s.End; k++ {
			t := tags[k]
			if t.shape == tmx.End && t.at == start && !after || t.shape != tmx.End && t.at == s.End {
				continue
			}
			clean, _ := xmlx.Clean(raw[pos:t.at])
			b.WriteString(clean)
			pos = t.at
			c := tmx.Code{At: b.Len(), Native: t.html, Kind: t.shape}
			switch t.shape {
			case tmx.Begin:
				c.Kind = tmx.BeginAlone
				opened[ref{t.block, t.n}] = len(out.codes)
			case tmx.End:
				c.Kind = tmx.EndAlone
				if j, ok := opened[ref{t.block, t.n}]; ok {
					out.codes[j].Kind, c.Kind = tmx.Begin, tmx.End
					delete(opened, ref{t.block, t.n})
				}
			}
			out.codes = append(out.codes, c)
			kinds = append(kinds, t)
		}
		clean, _ := xmlx.Clean(raw[pos:s.End])
		b.WriteString(clean)
	}
	out.text = b.String()
	if len(out.codes) == 0 {
		return plain
	}
	// The elements, in order of their first code; a Begin's End is found
	// by its block and number. The codes of a variant over several blocks
	// (a group across a paragraph break, which no segment of a CAT tool
	// is) are numbered in order, so that x stays unique in the segment.
	blocks := kinds[0].block != kinds[len(kinds)-1].block
	for i, c := range out.codes {
		t := kinds[i]
		e := codeElem{x: t.n + 1, codes: []int{i}}
		switch c.Kind {
		case tmx.Begin:
			e.key = "pair " + t.kind
			for j := i + 1; j < len(out.codes); j++ {
				if out.codes[j].Kind == tmx.End && kinds[j].block == t.block && kinds[j].n == t.n {
					e.codes = append(e.codes, j)
					break
				}
			}
		case tmx.End:
			continue
		case tmx.BeginAlone:
			e.key = "open " + t.kind
		case tmx.EndAlone:
			e.key = "close " + t.kind
		default:
			e.key = t.kind
		}
		if blocks {
			e.x = len(out.elems) + 1
		}
		out.elems = append(out.elems, e)
	}
	if src != nil {
		out.match(src)
	}
	out.number()
	return out
}

// match gives each element of a target variant the number of the source
// element of the same key and rank, and leaves out those with none. A
// matched bold, italic or code takes the source's element too (a Russian
// <strong> for an English <b>): OmegaT names a tag by its element, and a
// translation whose tag the source segment has not is written into the
// translated file as text.
func (c *codedText) match(src *codedText) {
	seen := map[string]int{}
	drop := map[int]bool{}
	var keep []codeElem
	for _, e := range c.elems {
		k := seen[e.key]
		seen[e.key]++
		x := 0
		for _, se := range src.elems {
			if se.key == e.key {
				if k == 0 {
					x = se.x
					if !strings.HasSuffix(e.key, docformat.Link) {
						for i := range min(len(e.codes), len(se.codes)) {
							c.codes[e.codes[i]].Native = src.codes[se.codes[i]].Native
						}
					}
					break
				}
				k--
			}
		}
		if x == 0 {
			for _, i := range e.codes {
				drop[i] = true
			}
			continue
		}
		e.x = x
		keep = append(keep, e)
	}
	if len(drop) == 0 {
		c.elems = keep
		return
	}
	var codes []tmx.Code
	index := map[int]int{}
	for i, code := range c.codes {
		if !drop[i] {
			index[i] = len(codes)
			codes = append(codes, code)
		}
	}
	for ei := range keep {
		for j, i := range keep[ei].codes {
			keep[ei].codes[j] = index[i]
		}
	}
	c.codes, c.elems = codes, keep
}

// number sets the codes' x from their elements, and numbers the pairs'
// i in order, from 1.
func (c *codedText) number() {
	i := 0
	for _, e := range c.elems {
		first := &c.codes[e.codes[0]]
		first.X = e.x
		if first.Kind == tmx.Begin {
			i++
			first.I = i
			if len(e.codes) > 1 {
				c.codes[e.codes[1]].I = i
			}
		}
	}
}

// variantOf is the tmx.Variant of a coded text.
func (c *codedText) variantOf(lang string) tmx.Variant {
	return tmx.Variant{Lang: lang, Text: c.text, Codes: slices.Clip(c.codes)}
}
