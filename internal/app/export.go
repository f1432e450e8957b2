package app

import (
	"bytes"
	"slices"
	"strings"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/tmx"
)

// Exported is what an export wrote: the names of its files, in order, and
// the output they went to (the workspace's export folder for several
// XLIFF files asked for on standard output).
type Exported struct {
	Out   *Output
	Names []string
	// NoUnits is a TMX of --units partial written without a unit: no
	// sentence of the document has a target partial in its languages.
	NoUnits bool
}

// ExportGroups writes the alignment a of d in format, in langs, to out.
// XLIFF holds one language pair per file: one file per target language,
// the workspace's source language (or the first of langs) the source.
// Every file is made and checked before the first is written, so a refused
// one leaves none behind. On an error, the files already written are
// returned with it.
func (app *App) ExportGroups(d *document.Document, a *document.Alignment, format string, langs []string, opt export.Options, out *Output) (Exported, error) {
	if !export.PairFormat(format) {
		var pair []string
		if format == "tmx" && len(langs) == 2 && len(d.Languages()) > 2 {
			// One pair of a document of more languages: the name of
			// publish's memory of the pair (see tmxPairs), so that in
			// a folder it neither takes the place of DOC.tmx nor is
			// refused beside it.
			if source, targets := pairLangs(d, langs); len(targets) == 1 {
				pair = []string{source, targets[0]}
			}
		}
		name, err := export.FileName(d.ID, format, pair...)
		if err != nil {
			return Exported{Out: out}, err
		}
		if format == "tmx" && (opt.Units == export.UnitsPartial || opt.Units == export.UnitsGroups) {
			// The partial units alone, or the groups alone: a name of
			// their own, not the memory's (that one, which publish
			// writes, would be replaced).
			name = unitsTMXName(d.ID, opt.Units, pair...)
		}
		data, err := Render(func(b *bytes.Buffer) error { return export.Write(b, format, d, a, opt) })
		if err != nil {
			return Exported{Out: out}, err
		}
		res, err := writeAll(out, []string{name}, [][]byte{data})
		if err == nil && format == "tmx" && opt.Units == export.UnitsPartial {
			t, rerr := tmx.Read(bytes.NewReader(data), name)
			res.NoUnits = rerr == nil && len(t.Units) == 0
		}
		return res, err
	}
	source, targets := pairLangs(d, langs)
	if err := CheckExportOutput(d, format, langs, out); err != nil {
		return Exported{Out: out}, err
	}
	if len(targets) > 1 && out.Path == "" {
		// Several files cannot share standard output: they go to the
		// workspace's export folder, as publish writes them.
		out = ExportFolder(d.WS)
	}
	var names []string
	var files [][]byte
	for _, t := range targets {
		opt.Source, opt.Target = source, t
		name, err := export.FileName(d.ID, format, source, t)
		if err != nil {
			return Exported{Out: out}, err
		}
		data, err := Render(func(b *bytes.Buffer) error { return export.Write(b, format, d, a, opt) })
		if err != nil {
			return Exported{Out: out}, err
		}
		names, files = append(names, name), append(files, data)
	}
	return writeAll(out, names, files)
}

// pairLangs is the source language of a pair format's files (the
// workspace's source language, or the first of langs) and its targets.
func pairLangs(d *document.Document, langs []string) (source string, targets []string) {
	source = langs[0]
	if slices.Contains(langs, d.WS.Config.Source) {
		source = d.WS.Config.Source
	}
	for _, l := range langs {
		if l != source {
			targets = append(targets, l)
		}
	}
	return source, targets
}

// CheckExportOutput refuses, before anything is said or written, an
// export of d's groups in format and langs that out cannot take: XLIFF
// of one language, or of several targets into one file.
func CheckExportOutput(d *document.Document, format string, langs []string, out *Output) error {
	if !export.PairFormat(format) || len(langs) == 0 {
		return nil
	}
	source, targets := pairLangs(d, langs)
	if len(targets) == 0 {
		return locale.NewError("export.xliff-one-lang", map[string]any{"Lang": source}).WithHint("export.xliff.hint").OfKind(locale.Usage)
	}
	if len(targets) > 1 && out.Path != "" && !out.IsDir {
		return locale.NewError("export.xliff-pairs", map[string]any{"Targets": strings.Join(targets, ", "), "Output": out.Given}).
			WithHint("export.xliff.hint").OfKind(locale.Usage)
	}
	return nil
}

// ExportLocalized writes d's text in lang, in format, to out.
func (app *App) ExportLocalized(d *document.Document, format, lang string, opt export.Options, out *Output) (Exported, error) {
	name, err := export.FileName(d.ID, format, lang)
	if err != nil {
		return Exported{Out: out}, err
	}
	data, err := Render(func(b *bytes.Buffer) error { return export.Localized(b, format, d, lang, opt) })
	if err != nil {
		return Exported{Out: out}, err
	}
	return writeAll(out, []string{name}, [][]byte{data})
}

// writeAll checks every file, then writes them in order.
func writeAll(out *Output, names []string, files [][]byte) (Exported, error) {
	res := Exported{Out: out}
	if err := out.Check(names...); err != nil {
		return res, err
	}
	for i, name := range names {
		if _, err := out.Write(name, files[i]); err != nil {
			return res, err
		}
		res.Names = append(res.Names, name)
	}
	return res, nil
}
