package glossarycmd

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/console"
)

// oldExcerpt is the excerpt check printed before it wrote into one buffer:
// through []rune, and a strings.Replacer for the line breaks.
func oldExcerpt(text string, start, end int) string {
	oneLine := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace
	if start < 0 || end > len(text) || start > end {
		return oneLine(text)
	}
	before, span, after := text[:start], text[start:end], text[end:]
	cutBefore, cutAfter := false, false
	if utf8.RuneCountInString(before) > excerptWidth {
		r := []rune(before)
		before = string(r[len(r)-excerptWidth:])
		if i := strings.IndexByte(before, ' '); i >= 0 && i < len(before)/2 {
			before = before[i+1:]
		}
		cutBefore = true
	}
	if utf8.RuneCountInString(after) > excerptWidth {
		r := []rune(after)
		after = string(r[:excerptWidth])
		if i := strings.LastIndexByte(after, ' '); i > len(after)/2 {
			after = after[:i]
		}
		cutAfter = true
	}
	var b strings.Builder
	if cutBefore {
		b.WriteString("…")
	}
	b.WriteString(oneLine(before))
	if span != "" {
		b.WriteString("»" + oneLine(span) + "«")
	}
	b.WriteString(oneLine(after))
	if cutAfter {
		b.WriteString("…")
	}
	return b.String()
}

// TestAppendExcerpt: the excerpt written into the printer's buffer is the
// one check printed before, for UTF-8 text, for text with bytes that are
// not UTF-8 (which the []rune cut wrote as U+FFFD), and with line breaks.
func TestAppendExcerpt(t *testing.T) {
	long := strings.Repeat("Қазақстан Республикасының Үкіметі ", 5)
	texts := []string{
		"",
		"short text",
		long + "»95«" + long,
		long + "\xff\xfe" + long + "\xc3",
		"line one\r\nline two\nthree\tfour\r" + long,
		strings.Repeat("ә", 200),
		strings.Repeat("x", 61) + "\xe2\x80" + strings.Repeat("y", 70),
	}
	env := &console.Env{}
	for _, text := range texts {
		for _, sp := range [][2]int{{-1, -1}, {0, 0}, {len(text) / 2, len(text)/2 + 1}, {len(text), len(text)}, {len(text) / 3, 2 * len(text) / 3}} {
			start, end := sp[0], sp[1]
			if start >= 0 && (start > len(text) || end > len(text)) {
				continue
			}
			want := oldExcerpt(text, start, end)
			if got := string(appendExcerpt(env, nil, text, start, end)); got != want {
				t.Errorf("appendExcerpt(%q, %d, %d)\n got %q\nwant %q", text, start, end, got, want)
			}
		}
	}
}
