package cli

import (
	"github.com/tilmash/tilmash/internal/console"
	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/document"
)

// WarnLostFormatting says, one line each, which formatting an edit
// dropped because the words under it were rewritten: the person sees the
// bold or link is gone before the page or export shows it.
func WarnLostFormatting(env *console.Env, lost []document.LostSpan) {
	for _, s := range lost {
		env.Warn("formats.lost", map[string]any{"Kind": FormattingKind(env, s.Span), "Text": Excerpt(s.Text, 40), "Lang": s.Lang})
	}
}

// FormattingKind names the kind of a span of formatting in the person's
// language: "bold", "link", "the <sup> element".
func FormattingKind(env *console.Env, s docformat.Span) string {
	switch s.Kind {
	case docformat.Bold, docformat.Italic, docformat.Code, docformat.Link, docformat.Item, docformat.Ordered, docformat.Quote, docformat.Note:
		return env.T("formats.kind."+s.Kind, nil)
	case docformat.Element:
		return env.T("formats.kind.element", map[string]any{"Tag": s.Tag})
	}
	return s.Kind
}

// Excerpt is text cut to at most n characters, with "…" where it was cut.
func Excerpt(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}
