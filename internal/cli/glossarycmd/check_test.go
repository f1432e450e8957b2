package glossarycmd

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/tilmash/tilmash/internal/console"
)

// oldExcerpt is the excerpt check printed before it wrote into one buffer:
// through []rune, and a strings.Replacer for the line breaks, with the span
// between \x00 and \x01.
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
		b.WriteString("\x00" + oneLine(span) + "\x01")
	}
	b.WriteString(oneLine(after))
	if cutAfter {
		b.WriteString("…")
	}
	return b.String()
}

// TestAppendExcerpt: the excerpt written into the printer's buffer is the
// one check printed before, for UTF-8 text, for text with bytes that are
// not UTF-8 (which the []rune cut wrote as U+FFFD), and with line breaks;
// without colour, a line under it marks the span from its first column to
// its last, after the prefix already on the line.
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
		"東京 and Алматы\x1b[2J with \u202e in it",
	}
	env := &console.Env{}
	const prefix = "    kk: "
	for _, text := range texts {
		for _, sp := range [][2]int{{-1, -1}, {0, 0}, {len(text) / 2, len(text)/2 + 1}, {len(text), len(text)}, {len(text) / 3, 2 * len(text) / 3}} {
			start, end := sp[0], sp[1]
			if start >= 0 && (start > len(text) || end > len(text)) {
				continue
			}
			old := oldExcerpt(text, start, end)
			want := strings.NewReplacer("\x00", "", "\x01", "").Replace(old)
			if i := strings.IndexByte(old, 0); i >= 0 {
				j := strings.IndexByte(old, 1)
				col := runewidth.StringWidth(console.Visible(prefix + old[:i]))
				width := runewidth.StringWidth(console.Visible(old[i+1 : j]))
				want += "\n" + strings.Repeat(" ", col) + "^" + strings.Repeat("~", width-1)
			}
			if got := string(appendExcerpt(env, []byte("earlier line\n"+prefix), text, start, end)); got != "earlier line\n"+prefix+want {
				t.Errorf("appendExcerpt(%q, %d, %d)\n got %q\nwant %q", text, start, end, got, "earlier line\n"+prefix+want)
			}
		}
	}
}

// TestExcerptMarks: the marks line stands under the span as a terminal
// shows the line, with wide characters and escaped control characters.
func TestExcerptMarks(t *testing.T) {
	for _, tt := range []struct {
		text, span string
		want       string
	}{
		{"бюджет в 59 млн тенге.", "59 млн", "" +
			"ru: бюджет в 59 млн тенге.\n" +
			"             ^~~~~~"},
		{"план \"реалистичным\".", "\"", "" +
			"ru: план \"реалистичным\".\n" +
			"         ^"},
		{"東京でАлматыге барды", "Алматыге", "" +
			"ru: 東京でАлматыге барды\n" +
			"          ^~~~~~~~"},
		{"clear\x1b[2J Almata here", "Almata", "" +
			`ru: clear\x1b[2J Almata here` + "\n" +
			"                 ^~~~~~"},
	} {
		start := strings.Index(tt.text, tt.span)
		got := console.Visible(string(appendExcerpt(&console.Env{}, []byte("ru: "), tt.text, start, start+len(tt.span))))
		if got != tt.want {
			t.Errorf("excerpt of %q at %q:\n%s\nwant\n%s", tt.text, tt.span, got, tt.want)
		}
	}
}
