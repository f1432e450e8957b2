package app

import (
	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
)

// LostFormattingData is the values of the message formats.lost, t
// localizing, which says that an edit dropped span s because the words
// under it were rewritten: "bold over “…” in ru was lost: the words under
// it were rewritten". The command line and the workbench say it after
// the edit.
func LostFormattingData(t func(id string, data map[string]any) string, s document.LostSpan) map[string]any {
	return map[string]any{"Kind": formattingKind(t, s.Span), "Text": excerpt(s.Text, 40), "Lang": s.Lang}
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

// excerpt is text cut to at most n characters, with "…" where it was cut.
func excerpt(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}
