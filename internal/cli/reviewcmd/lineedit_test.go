package reviewcmd

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLineEdit: the prompt's line answers the keys readline users type
// without thinking. Before, a prompt knew Backspace alone: a typo early
// in a split or a note meant deleting everything after it.
func TestLineEdit(t *testing.T) {
	tests := []struct {
		name string
		keys []rune
		want string // the line, | at the cursor
	}{
		{"typing", []rune("қате сөз"), "қате сөз|"},
		{"backspace a Kazakh letter", append([]rune("сөз"), keyBackspace), "сө|"},
		{"left, then insert", append([]rune("en:2 ru:"), keyLeft, keyLeft, keyLeft, keyLeft, 'x'), "en:2x| ru:"},
		{"home and end", append([]rune("ru:2"), keyHome, 'e', 'n', ':', '1', ' ', keyEnd, ' ', 'k'), "en:1 ru:2 k|"},
		{"delete under the cursor", append([]rune("абв"), keyHome, keyDelete), "|бв"},
		{"Ctrl-D deletes under the cursor", append([]rune("абв"), keyLeft, keyEOF), "аб|"},
		{"Ctrl-U deletes to the start", append([]rune("неверно верно"), keyWordLeft, keyKillStart), "|верно"},
		{"Ctrl-K deletes to the end", append([]rune("верно неверно"), keyWordLeft, keyKillEnd), "верно |"},
		{"Ctrl-W deletes the word before", append([]rune("проверить дату  "), keyKillWord), "проверить |"},
		{"Ctrl-W takes a split's language with its number", append([]rune("en:2 ru:3"), keyKillWord), "en:2 |"},
		{"Ctrl-W deletes back to a space", append([]rune("дата 東京👍"), keyKillWord), "дата |"},
		{"Alt-Backspace deletes a word", append([]rune("дата 東京, тест"), keyKillWordLeft, keyKillWordLeft), "дата |"},
		{"Alt-D deletes the word after", append([]rune("одно два три"), keyHome, keyWordRight, keyKillWordRight), "одно| три"},
		{"Ctrl-Y puts it back", append([]rune("одно два"), keyKillWord, keyHome, keyYank, ' '), "два |одно "},
		{"word moves", append([]rune("бір екі үш"), keyWordLeft, keyWordLeft, 'X', keyWordRight, 'Y'), "бір XекіY| үш"},
		{"a combining accent goes with its letter", append([]rune("и\u0306а"), keyLeft, keyLeft, 'x', keyRight, keyBackspace), "x|а"},
		{"wide characters", append([]rune("東京👍"), keyLeft, keyBackspace), "東|👍"},
		{"past the ends", append([]rune("аб"), keyRight, keyHome, keyLeft, keyBackspace, keyWordLeft, keyKillWord), "|аб"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e lineEdit
			for _, k := range tt.keys {
				e.key(k)
			}
			if got := string(e.buf[:e.pos]) + "|" + string(e.buf[e.pos:]); got != tt.want {
				t.Errorf("line %q, want %q", got, tt.want)
			}
		})
	}
}

// cursorMove is the move render ends with, to the cursor's column.
var cursorMove = regexp.MustCompile(`\r(?:\x1b\[(\d+)C)?$`)

// TestLineEditRender: the line is drawn in the columns the characters
// take (two for CJK and emoji), never into the last column, scrolled
// sideways when it is longer than the room, and the cursor is put at its
// column. Before, Backspace wrote "\b \b", which on a two-column character
// left half of it on the screen and the cursor out of place.
func TestLineEditRender(t *testing.T) {
	tests := []struct {
		name  string
		label string
		w     int
		line  string
		pos   int    // the cursor, in characters; -1 at the end
		shown string // what is drawn after the label
		col   int    // the cursor's column
	}{
		{"short", "note: ", 40, "қате", -1, "қате", 10},
		{"wide", "note: ", 40, "東京 сот", 2, "東京 сот", 10},
		{"scrolled to the cursor at the end", "> ", 12, "абвгдеёжзийклм", -1, "…жзийклм", 10},
		{"scrolled, more to the right", "> ", 12, "абвгдеёжзийклм", 9, "…гдеёжзи…", 9},
		{"at the start of a long line", "> ", 12, "абвгдеёжзийклм", 0, "абвгдеёж…", 2},
		{"wide characters scrolled", "> ", 12, "東京東京東京東京", -1, "…京東京", 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := lineEdit{buf: []rune(tt.line)}
			e.pos = len(e.buf)
			if tt.pos >= 0 {
				e.pos = tt.pos
			}
			out := e.render(tt.label, tt.w)
			m := cursorMove.FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("render does not end with a move to the cursor: %q", out)
			}
			col, _ := strconv.Atoi(m[1])
			text := strings.TrimSuffix(strings.TrimPrefix(out[:len(out)-len(m[0])], "\r"+tt.label), "\x1b[K")
			if text != tt.shown || col != tt.col {
				t.Errorf("drawn %q, cursor at column %d; want %q, %d", text, col, tt.shown, tt.col)
			}
			if w := width([]rune(tt.label + text)); w > tt.w-1 {
				t.Errorf("%d columns drawn on a terminal %d wide: the terminal wraps", w, tt.w)
			}
		})
	}
}

// FuzzLineEdit: any keys leave the cursor inside the line, and the line
// drawn at any width fits it without reaching the last column.
func FuzzLineEdit(f *testing.F) {
	f.Add([]byte("қате 東京👍 и\u0306\x01\x02x\x15\x19"), 20)
	f.Add([]byte("abc\x05\x0b\x17\x7f"), 3)
	f.Add([]byte("abcdef\x00\x00\x00"), 4)
	f.Fuzz(func(t *testing.T, data []byte, w int) {
		if w < 2 || w > 300 {
			return
		}
		editing := []rune{keyLeft, keyRight, keyHome, keyEnd, keyWordLeft, keyWordRight, keyBackspace, keyDelete,
			keyEOF, keyKillStart, keyKillEnd, keyKillWord, keyKillWordLeft, keyKillWordRight, keyYank}
		var e lineEdit
		for _, r := range string(data) {
			if r < 0x20 {
				r = editing[int(r)%len(editing)]
			}
			e.key(r)
			if e.pos < 0 || e.pos > len(e.buf) {
				t.Fatalf("cursor %d in a line of %d", e.pos, len(e.buf))
			}
			out := e.render("> ", w)
			shown := out[1:strings.Index(out, "\x1b[K")]
			// The label "> " leaves a column at 4.
			if n := width([]rune(shown)); w >= 4 && n > w-1 {
				t.Fatalf("%d columns drawn at width %d: %q", n, w, shown)
			}
		}
	})
}
