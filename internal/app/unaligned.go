package app

import (
	"cmp"
	"slices"
	"sort"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/segment"
	"github.com/tilmash/tilmash/internal/workspace"
)

// Unaligned counts the sentences of sents (the lang text of the document
// whose alignment is a, cut as align cuts it) that no group of a holds: a
// language imported after the document was aligned, or the sentences a
// new version of a text brought (import --force), until align places
// them. export leaves them out, so status and import say so.
func Unaligned(a *document.Alignment, lang string, sents []segment.Segment) int {
	var spans [][2]int
	for _, g := range a.Groups {
		for _, s := range g.Sents[lang] {
			spans = append(spans, [2]int{s.Start, s.End})
		}
	}
	slices.SortFunc(spans, func(x, y [2]int) int { return cmp.Compare(x[0], y[0]) })
	// reach[i] is the furthest end of spans[:i+1]: a sentence overlaps a
	// span when one that starts before the sentence ends reaches past its
	// start.
	reach := make([]int, len(spans))
	for i, s := range spans {
		reach[i] = s[1]
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	n := 0
	for _, s := range sents {
		i := sort.Search(len(spans), func(i int) bool { return spans[i][0] >= s.End })
		if i == 0 || reach[i-1] <= s.Start {
			n++
		}
	}
	return n
}

// unalignedAfterImport counts the sentences of the lang text of document
// id that its alignment does not hold, 0 when it has no alignment (a
// first language): see Unaligned.
func (app *App) unalignedAfterImport(ws *workspace.Workspace, id, lang string) (int, error) {
	d, err := document.Open(ws, id)
	if err != nil {
		return 0, err
	}
	a, err := d.Alignment()
	if err != nil || a == nil {
		return 0, err
	}
	text, err := d.Text(lang)
	if err != nil {
		return 0, err
	}
	seg, err := app.Segmenter(ws, lang)
	if err != nil {
		return 0, err
	}
	return Unaligned(a, lang, seg.Segment(text)), nil
}

// UnalignedOf counts, by language, the sentences of the langs texts of d
// (texts, as d.Texts reads them) that no group of its alignment a holds,
// leaving out the languages that have none. export leaves those
// sentences out, so it says so. A text changed since its import, or an
// alignment that does not match its texts, is left to the warnings that
// say that (its spans say nothing of the text).
func (app *App) UnalignedOf(d *document.Document, a *document.Alignment, texts map[string]string, langs []string) (map[string]int, error) {
	if len(a.Verify(d.WS.Rel(d.AlignmentFile()), texts)) > 0 {
		return nil, nil
	}
	var out map[string]int
	for _, l := range langs {
		text, ok := texts[l]
		v := d.Meta.Versions[l]
		if !ok || v == nil || document.Hash(text) != v.SHA256 {
			continue
		}
		seg, err := app.Segmenter(d.WS, l)
		if err != nil {
			return nil, err
		}
		if n := Unaligned(a, l, seg.Segment(text)); n > 0 {
			if out == nil {
				out = map[string]int{}
			}
			out[l] = n
		}
	}
	return out, nil
}

// guessed are the languages document.GuessLanguage tells apart; an import
// as one of them is compared with the guess.
var guessed = []string{"en", "ru", "kk"}

// guessBytes is how much of an imported text the guess reads: the start
// of an article tells its language (GuessLanguage reads 20,000 letters at
// most), and a text of 76 MB is not copied for it.
const guessBytes = 128 << 10
