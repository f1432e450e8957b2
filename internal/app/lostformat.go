package app

import (
	"encoding/hex"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// LostFormattingData is the values of the message formats.lost, t
// localizing, which says that an edit dropped span s because the words
// under it were rewritten: "bold over “…” in ru was lost: the words under
// it were rewritten". The command line and the workbench say it after
// the edit.
func LostFormattingData(t func(id string, data map[string]any) string, s document.LostSpan) map[string]any {
	return map[string]any{"Kind": formattingKind(t, s.Span), "Text": ClipRight(s.Text, 40), "Lang": s.Lang}
}

// UnplacedFormatting returns the spans of formatting of the langs of d
// (every language of d when langs is empty) that can no longer be placed
// in their texts, changed outside tilmash (see
// document.Document.UnplacedFormatting): export and status say them.
// The sums of the texts it read are kept for the next run (FileSumsName),
// as status and publish keep them: a publisher runs export many times,
// and the next export then knows a text is as its formatting was made for
// without reading it.
func (app *App) UnplacedFormatting(d *document.Document, langs []string) ([]document.LostSpan, error) {
	defer app.sums.saveKept(d.WS)
	return app.unplacedFormatting(d, langs)
}

// unplacedFormatting is UnplacedFormatting without keeping the sums:
// publish, which asks it for many documents at once, keeps them when it
// is done.
func (app *App) unplacedFormatting(d *document.Document, langs []string) ([]document.LostSpan, error) {
	if len(langs) == 0 {
		langs = d.Languages()
	}
	var out []document.LostSpan
	var r *workspace.Reader
	for _, l := range langs {
		if d.Meta.Versions[l] == nil {
			continue
		}
		// Most texts have no formatting, and the others are as it was
		// made for: known by the text's sha256, kept across runs while
		// the file is the same, without reading a long text again.
		f, err := d.Formatting(l)
		if err != nil {
			return nil, err
		}
		if f == nil {
			continue
		}
		if r == nil {
			r = d.WS.NewReader()
			defer r.Close()
		}
		if sum, err := app.sums.readerSum(d.WS, r, filepath.Join(document.Folder, d.ID, l+".txt")); err == nil && hex.EncodeToString(sum[:]) == f.Text {
			continue
		}
		text, err := d.Text(l)
		if err != nil {
			return nil, err
		}
		lost, err := d.UnplacedFormatting(l, text)
		if err != nil {
			return nil, err
		}
		out = append(out, lost...)
	}
	return out, nil
}

// LostFormattingMessage is the catalogue id of the message that says s
// was lost: formats.lost for words an edit rewrote, formats.unplaced
// for words a change outside tilmash took away (see
// document.LostSpan.Outside). Both take [LostFormattingData].
func LostFormattingMessage(s document.LostSpan) string {
	if s.Outside {
		return "formats.unplaced"
	}
	return "formats.lost"
}

// formattingKind names the kind of a span of formatting: "bold", "the
// link", "the <sup> element".
func formattingKind(t func(id string, data map[string]any) string, s docformat.Span) string {
	switch s.Kind {
	case docformat.Bold, docformat.Italic, docformat.Code, docformat.Link, docformat.Item, docformat.Ordered, docformat.Quote, docformat.Note:
		return t("formats.kind."+s.Kind, nil)
	case docformat.Element:
		return t("formats.kind.element", map[string]any{"Tag": s.Tag})
	}
	return s.Kind
}

// ClipRight keeps the first n characters of s, to a word's end, with …
// for what it left out: the words a message quotes from a sentence.
func ClipRight(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := 0; i < n; i++ {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > 0 {
		cut = sp
	}
	return s[:cut] + "…"
}
