package app

import (
	"slices"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
)

// ExportGroupsLangs is the alignment export DOC writes the groups of and
// the languages it writes: given (--langs, workspace languages already),
// or for none every workspace language the alignment has and the
// document has a text in. A document with no groups is refused
// ([export.NotAligned]), and so is a given language the alignment lacks.
func ExportGroupsLangs(d *document.Document, given []string) (*document.Alignment, []string, error) {
	a, err := d.Alignment()
	if err != nil {
		return nil, nil, err
	}
	if a == nil || len(a.Groups) == 0 {
		return nil, nil, export.NotAligned(d.ID)
	}
	langs := given
	if len(langs) == 0 {
		for _, l := range d.WS.Config.Languages {
			if slices.Contains(a.Languages, l) && d.Meta.Versions[l] != nil {
				langs = append(langs, l)
			}
		}
	}
	for _, l := range langs {
		if !slices.Contains(a.Languages, l) {
			return nil, nil, export.BadLang(l, "unknown", a.Languages)
		}
	}
	return a, langs, nil
}

// ExportState is what export DOC warns of before its gate: Stale, the
// alignment's mismatches with the texts (none when they match, or when
// the texts do not read: the export fails on them later), and Unaligned,
// the sentences of each language in no group, which the files leave out.
type ExportState struct {
	Stale     []error
	Unaligned map[string]int
}

// ExportGroupsState is [ExportState] of d's alignment a for the
// languages langs.
func (app *App) ExportGroupsState(d *document.Document, a *document.Alignment, langs []string) (ExportState, error) {
	texts, err := d.Texts()
	if err != nil {
		return ExportState{}, nil
	}
	st := ExportState{Stale: a.Verify(d.WS.Rel(d.AlignmentFile()), texts)}
	if st.Unaligned, err = app.UnalignedOf(d, a, texts, langs); err != nil {
		return ExportState{}, err
	}
	return st, nil
}

// ExportGroupsOptions are the options export DOC writes the groups of d's
// alignment a with, past the gate's verdict v: langs, the TMX units
// (units), the glossary's terms as the anchors of the TMX sentence cut,
// the blockers a forced export went past, and for HTML the findings
// marked, in the words of labels.
func (app *App) ExportGroupsOptions(d *document.Document, a *document.Alignment, v *Verdict, format string, langs []string, units string, labels func(id string, data map[string]any) string) export.Options {
	opt := app.ExportOptions(labels)
	opt.Langs = langs
	opt.Units = units
	if app.Glossary != nil {
		if g, err := app.Glossary(d.WS); err == nil && g != nil {
			opt.Terms = g // anchors for the sentence cut of TMX
		}
	}
	if len(v.Blockers) > 0 {
		opt.Forced = v.Blockers
	}
	if format == "html" {
		opt.Marks = v.Marks(a, langs, func(f check.Finding) string { return findingText(labels, f) })
	}
	return opt
}

// ExportLocalizedLang checks the language export DOC --lang writes the
// text of: a workspace language ([document.BadLanguage]) that d has a
// text in ([document.MissingLanguage]).
func ExportLocalizedLang(d *document.Document, lang string) error {
	if !d.WS.HasLanguage(lang) {
		return document.BadLanguage(lang, d.WS.Config.Languages)
	}
	if d.Meta.Versions[lang] == nil {
		return document.MissingLanguage(d.ID, lang)
	}
	return nil
}
