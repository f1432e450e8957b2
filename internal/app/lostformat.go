package app

import (
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
)

// LostFormattingData is the values of the message formats.lost, t
// localizing, which says that an edit dropped span s because the words
// under it were rewritten: "bold over “…” in ru was lost: the words under
// it were rewritten". The command line and the workbench say it after
// the edit.
func LostFormattingData(t func(id string, data map[string]any) string, s document.LostSpan) map[string]any {
	return map[string]any{"Kind": formattingKind(t, s.Span), "Text": ClipRight(s.Text, 40), "Lang": s.Lang}
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
