package tm

import (
	"fmt"
	"strings"

	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/tmx"
)

// partCodes gives tu, the <tu> of a match with one sentence of a unit
// (mt.Part), the inline codes of the document's formatting, matched to
// seg, the new sentence: the sentence's unit of the cut
// ([export.CutGroup]) as its codes would be in the new article. A
// variant whose text is not that unit's (the document changed, the unit
// is not a document's group) keeps none.
func (c *cutter) partCodes(tu *tmx.Unit, mt *Match, seg *export.Coded) {
	if seg == nil {
		return
	}
	g, err := c.group(&mt.Unit)
	if err != nil || g == nil {
		return
	}
	in := c.ins[mt.Unit.Document()].WithSegment(seg)
	cus := export.CutGroup(g, mt.Unit.Group, seg.Lang(), c.m.langs(c.opt), c.opt.Terms, in)
	if mt.Part > len(cus) {
		return
	}
	for i := range tu.Variants {
		v := &tu.Variants[i]
		for _, cv := range cus[mt.Part-1].Variants {
			if cv.Lang == v.Lang && cv.Text == v.Text {
				v.Codes = cv.Codes
			}
		}
	}
}

// segmentCodes writes seg, the new sentence, as the variant of tu in its
// language whose text is seg's: a unit the memory has no formatting of
// (one of an imported TMX) is an exact match of a formatted sentence
// too, its translation without codes.
func segmentCodes(tu *tmx.Unit, seg *export.Coded) {
	if seg == nil {
		return
	}
	for i := range tu.Variants {
		v := &tu.Variants[i]
		if v.Lang == seg.Lang() && v.Text == seg.Text() {
			v.Codes = seg.Variant().Codes
		}
	}
}

// codedID is the id of tu, a match, with its codes: [Memory.WriteMatches]
// writes a unit again for a sentence of the new article whose codes are
// numbered otherwise (the same formatted sentence after another formatted
// one), once for each numbering.
func codedID(id string, tu *tmx.Unit) string {
	var b strings.Builder
	b.WriteString(id)
	for _, v := range tu.Variants {
		fmt.Fprintf(&b, "\x00%s %v", v.Lang, v.Codes)
	}
	return b.String()
}
