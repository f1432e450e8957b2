package export

import (
	"io"
	"strconv"

	"github.com/tilmash/tilmash/internal/tmx"
)

// writeTMX writes one <tu> per group with a <tuv> for each language that
// has text in it, the source language first. Props carry what other tools
// ignore but import-tmx reads back: x-document in the header, x-status and
// x-score on each unit, x-paragraph on each variant that opens a paragraph
// or heading, and x-forced in the header of a forced export.
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
	if !p.opt.Date.IsZero() {
		m.Header.CreationDate = p.opt.Date.UTC().Format("20060102T150405Z")
	}
	if len(p.opt.Forced) > 0 {
		m.Header.Props = append(m.Header.Props, tmx.Prop{Type: tmx.ForcedProp, Value: Summary(p.opt.Forced)})
	}
	paras := map[string][]string{}
	for _, l := range p.langs {
		paras[l] = paragraphStarts(p.a, l, p.texts[l])
	}
	for i, g := range p.a.Groups {
		u := tmx.Unit{
			ID: strconv.Itoa(i + 1),
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
			v := tmx.Variant{Lang: l, Text: text(g, l)}
			if ps := paras[l]; ps != nil && ps[i] != "" {
				v.Props = []tmx.Prop{{Type: tmx.ParagraphProp, Value: ps[i]}}
			}
			u.Variants = append(u.Variants, v)
		}
		if len(u.Variants) == 0 {
			continue // no text in the languages asked for
		}
		m.Units = append(m.Units, u)
	}
	_, err := tmx.Write(w, m)
	return err
}
