package document

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/docformat"
	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// TestParseFormattingBadSpans: a span no tilmash writes is refused with
// the file, the line and column of the span, and the byte at fault, as are
// spans that cross where they cannot (two links, two bolds, two blocks);
// a span that is only out of date (past the text, over other
// words) is read and left to Formatting.For.
func TestParseFormattingBadSpans(t *testing.T) {
	const head = "text: x\nspans:\n  - {start: 0, end: 3, kind: bold, text: \"abc\"}\n"
	for _, c := range []struct {
		name, span, id string
		col            int
	}{
		// "ж" is D0 B6: text[1:2] of "жаңа" is the lone B6, as !!binary can write it
		{"mid-character", "  - {start: 1, end: 2, kind: bold, text: !!binary tg==}", "document.bad-span-text", 5},
		{"negative start", "  - {start: -1, end: 2, kind: bold, text: ab}", "document.bad-span-offsets", 5},
		{"empty", "  - {start: 2, end: 2, kind: bold, text: \"\"}", "document.bad-span-offsets", 5},
		{"end before start", "  - {start: 3, end: 1, kind: italic, text: ab}", "document.bad-span-offsets", 5},
		{"block style", "  - start: 3\n    end: -9\n    kind: link\n    text: ab", "document.bad-span-offsets", 5},
		{"links crossing", "  - {start: 0, end: 3, kind: link, href: a, text: abc}\n  - {start: 2, end: 6, kind: link, href: b, text: cdef}", "document.crossing-spans", 5},
		{"blocks crossing", "  - {start: 0, end: 3, kind: item, text: abc}\n  - {start: 1, end: 5, kind: quote, text: bcde}", "document.crossing-spans", 5},
		{"bolds crossing", "  - {start: 1, end: 5, kind: bold, text: bcde}", "document.crossing-spans", 5},
		{"bold crossing <b>", "  - {start: 1, end: 5, kind: bold, tag: b, text: bcde}", "", 0},
		{"same elements crossing", "  - {start: 0, end: 3, kind: element, tag: sup, text: abc}\n  - {start: 1, end: 5, kind: element, tag: sup, text: bcde}", "", 0},
		{"bold crossing italic", "  - {start: 1, end: 5, kind: italic, text: bcde}", "", 0},
		{"bold inside a link", "  - {start: 0, end: 9, kind: link, href: x, text: abcdefghi}", "", 0},
		{"other elements crossing", "  - {start: 0, end: 3, kind: element, tag: sup, text: abc}\n  - {start: 1, end: 5, kind: element, tag: span, text: bcde}", "", 0},
		{"past the text", "  - {start: 900, end: 902, kind: bold, text: ab}", "", 0},
		{"other words", "  - {start: 0, end: 2, kind: bold, text: zz}", "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := ParseFormatting("d/kk.format.yaml", []byte(head+c.span+"\n"))
			if c.id == "" {
				if n := 1 + strings.Count(c.span, "- {"); err != nil || len(f.Spans) != n {
					t.Fatalf("got %v, %v; want the %d spans read", f, err, n)
				}
				if v := f.Valid("жаңа"); len(v) != 0 {
					t.Fatalf("Valid kept %v", v)
				}
				return
			}
			var le *locale.Error
			if !errors.As(err, &le) || le.ID != c.id {
				t.Fatalf("got %v, want %s", err, c.id)
			}
			// crossing spans: at the later one
			line := 4 + strings.Count(c.span, "  - ") - 1
			if le.Pos == nil || le.Pos.File != "d/kk.format.yaml" || le.Pos.Line != line || le.Pos.Column != c.col {
				t.Fatalf("at %+v, want d/kk.format.yaml:%d:%d", le.Pos, line, c.col)
			}
			if msg := err.Error(); !strings.Contains(msg, "d/kk.format.yaml:"+strconv.Itoa(line)+":") {
				t.Fatalf("message %q names no place", msg)
			}
		})
	}
}

// FuzzParseFormatting: any formatting file is read or refused with a
// located error, never a panic, and every span it reads is a stretch of
// bytes with UTF-8 text, so that Valid keeps only spans between the
// characters of a text.
func FuzzParseFormatting(f *testing.F) {
	f.Add("text: x\nspans:\n  - {start: 1, end: 2, kind: bold, text: !!binary tg==}\n", "жаңа")
	f.Add("text: x\nfrom: md\nspans:\n  - {start: 0, end: 4, kind: bold, text: жа}\n", "жаңа")
	f.Add("spans: [{start: 2, end: 6, kind: link, href: \"a\", text: аңа}]", "жаңа")
	f.Add("spans: {a: 1}", "x")
	f.Add("text: x\nspans:\n  - {start: 0, end: 4, kind: link, text: жа}\n  - {start: 2, end: 6, kind: link, text: аң}\n", "Тағы жаңа: жаң")
	f.Add("# tilmash\ntext: ab\nfrom: docx\nspans:\n  - {start: 0, end: 4, kind: element, tag: \"sup\", space: \"end\", href: \"h\\\"\", text: \"\\x41\\u0430\\0\\N\"}\n", "жаңа")
	f.Add("text: ab\nspans: []\n", "")
	f.Add("text: ab\nspans:\n  - {start: 0, end: 4, kind: null, text: \"жа\"}\n", "жаңа")
	f.Fuzz(func(t *testing.T, data, text string) {
		// The line reader reads what yaml.v3 reads, or leaves the file
		// to it.
		if fast, ok := parseFormattingFast([]byte(data)); ok {
			var want Formatting
			if err := yamlx.Decode("kk.format.yaml", []byte(data), &want, false); err != nil {
				t.Fatalf("read %q, which yaml.v3 refuses: %v", data, err)
			}
			if fast.Text != want.Text || fast.From != want.From || !slices.Equal(fast.Spans, want.Spans) || (fast.Spans == nil) != (want.Spans == nil) {
				t.Fatalf("%q read as\n%+v, yaml.v3 reads\n%+v", data, fast, want)
			}
		}
		fm, err := ParseFormatting("kk.format.yaml", []byte(data))
		if err != nil {
			var le *locale.Error
			if errors.As(err, &le) && (strings.HasPrefix(le.ID, "document.bad-span") || le.ID == "document.crossing-spans") && (le.Pos == nil || le.Pos.File == "" || le.Pos.Line < 1) {
				t.Fatalf("%v: no file", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			return // a stored text is UTF-8
		}
		for _, s := range fm.Valid(text) {
			if !utf8.ValidString(text[s.Start:s.End]) || s.Start < len(text) && !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
				t.Fatalf("span %+v cuts a character of %q", s, text)
			}
		}
		// Found again in text (the file's hash is another text's), or
		// refused at a place when made for it: every span kept is over
		// its words, and none crosses where a file cannot.
		for _, h := range []string{fm.Text, Hash(text)} {
			fm.Text = h
			kept, lost, err := fm.For(text)
			if err != nil {
				var le *locale.Error
				if h != Hash(text) || !errors.As(err, &le) || le.Pos == nil || le.Pos.Line < 1 {
					t.Fatalf("For: %v", err)
				}
				continue
			}
			if len(kept)+len(lost) != len(fm.Spans) {
				t.Fatalf("%d kept and %d lost of %d spans", len(kept), len(lost), len(fm.Spans))
			}
			for _, s := range kept {
				if s.End > len(text) || text[s.Start:s.End] != s.Text {
					t.Fatalf("span %+v kept over %q", s, text)
				}
			}
			if a, b, ok := crossing(kept); ok {
				t.Fatalf("%+v crosses %+v", kept[a], kept[b])
			}
		}
	})
}

// TestParseFormattingFastAgrees: every file Marshal writes, whatever its
// texts and links hold (quotes, backslashes, control characters, line
// breaks, Kazakh letters, bytes that are not UTF-8), is read by the line
// reader, as yaml.v3 reads it.
func TestParseFormattingFastAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 6))
	alphabet := []string{"a", "ә", "қ", " ", "\"", "\\", "\n", "\t", "\x00", "\x1b", "\x7f", "\u0085", "\u2028", "\ufeff", "«", "»", "#", ": ", "{", "}", ",", "'", "\xff", "😀"}
	str := func() string {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	kinds := []string{docformat.Bold, docformat.Italic, docformat.Link, docformat.Item, docformat.Element, "true", "no"}
	for round := range 2000 {
		f := &Formatting{Text: Hash(str()), From: []string{"", "md", "docx", "html"}[rng.IntN(4)]}
		for range rng.IntN(5) {
			s := docformat.Span{Start: rng.IntN(1000), Kind: kinds[rng.IntN(len(kinds))], Text: str()}
			s.End = s.Start + rng.IntN(100)
			if rng.IntN(3) == 0 {
				s.Tag, s.Space, s.Href = str(), str(), str()
			}
			f.Spans = append(f.Spans, s)
		}
		data := f.Marshal("kk")
		fast, ok := parseFormattingFast(data)
		if !ok {
			t.Fatalf("round %d: the line reader refused\n%s", round, data)
		}
		var want Formatting
		if err := yamlx.Decode("kk.format.yaml", data, &want, false); err != nil {
			t.Fatalf("round %d: %v\n%s", round, err, data)
		}
		if fast.Text != want.Text || fast.From != want.From || !slices.Equal(fast.Spans, want.Spans) {
			t.Fatalf("round %d: read as\n%+v, yaml.v3 reads\n%+v\n%s", round, fast, want, data)
		}
	}
}
