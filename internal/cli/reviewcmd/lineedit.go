package reviewcmd

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
)

// lineEdit is the line a prompt reads, with the keys readline and the
// shells give a person: the arrows, Home and End (Ctrl-A, Ctrl-E) move;
// Alt-B and Alt-F or Ctrl with an arrow move by words; Backspace, Delete
// and Ctrl-D delete a character; Ctrl-U deletes to the start, Ctrl-K to
// the end, Ctrl-W back to the space before the cursor's word (as the shells
// do: "en:2" or "東京👍" at once), Alt-Backspace and Alt-D the word
// before and after it; Ctrl-Y puts back what they deleted last. The cursor
// moves by characters as a person sees them: a combining accent goes
// with its letter.
type lineEdit struct {
	buf  []rune
	pos  int    // the cursor, an index into buf
	kill []rune // what the last deletion of a stretch took, for Ctrl-Y
	off  int    // the first character shown, when the line is scrolled
}

// key applies an editing key and reports whether it was one; Enter, Esc,
// Ctrl-C and Ctrl-D on an empty line are the prompt's.
func (e *lineEdit) key(k rune) bool {
	switch k {
	case keyLeft:
		e.pos = e.left(e.pos)
	case keyRight:
		e.pos = e.right(e.pos)
	case keyHome:
		e.pos = 0
	case keyEnd:
		e.pos = len(e.buf)
	case keyWordLeft:
		e.pos = e.wordLeft()
	case keyWordRight:
		e.pos = e.wordRight()
	case keyBackspace:
		e.cut(e.left(e.pos), e.pos, false)
	case keyDelete, keyEOF:
		e.cut(e.pos, e.right(e.pos), false)
	case keyKillStart:
		e.cut(0, e.pos, true)
	case keyKillEnd:
		e.cut(e.pos, len(e.buf), true)
	case keyKillWord:
		e.cut(e.spaceLeft(), e.pos, true)
	case keyKillWordLeft:
		e.cut(e.wordLeft(), e.pos, true)
	case keyKillWordRight:
		e.cut(e.pos, e.wordRight(), true)
	case keyYank:
		e.insert(e.kill...)
	default:
		if k < ' ' {
			return false
		}
		e.insert(k)
	}
	return true
}

func (e *lineEdit) insert(rs ...rune) {
	e.buf = append(e.buf[:e.pos], append(append([]rune(nil), rs...), e.buf[e.pos:]...)...)
	e.pos += len(rs)
}

// cut deletes buf[from:to]; with keep, Ctrl-Y can put it back.
func (e *lineEdit) cut(from, to int, keep bool) {
	if from >= to {
		return
	}
	if keep {
		e.kill = append([]rune(nil), e.buf[from:to]...)
	}
	e.buf = append(e.buf[:from], e.buf[to:]...)
	e.pos = from
}

// left and right step over one character as shown: a letter and the
// combining marks after it.
func (e *lineEdit) left(i int) int {
	for i > 0 {
		i--
		if !zeroWidth(e.buf[i]) {
			break
		}
	}
	return i
}

func (e *lineEdit) right(i int) int {
	if i < len(e.buf) {
		i++
	}
	for i < len(e.buf) && zeroWidth(e.buf[i]) {
		i++
	}
	return i
}

func zeroWidth(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200d' || (r >= '\ufe00' && r <= '\ufe0f')
}

// spaceLeft is where Ctrl-W deletes back to: the start of what stands
// before the cursor between spaces.
func (e *lineEdit) spaceLeft() int {
	i := e.pos
	for i > 0 && unicode.IsSpace(e.buf[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(e.buf[i-1]) {
		i--
	}
	return i
}

// wordLeft is the start of the word before the cursor (spaces and
// punctuation between words are skipped), as Alt-B and Alt-Backspace
// find it.
func (e *lineEdit) wordLeft() int {
	i := e.pos
	for i > 0 && !wordRune(e.buf[i-1]) {
		i--
	}
	for i > 0 && wordRune(e.buf[i-1]) {
		i--
	}
	return i
}

func (e *lineEdit) wordRight() int {
	i := e.pos
	for i < len(e.buf) && !wordRune(e.buf[i]) {
		i++
	}
	for i < len(e.buf) && wordRune(e.buf[i]) {
		i++
	}
	return i
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || zeroWidth(r) || r == '_' || r == '\''
}

// render returns what draws the line after label on a terminal w columns
// wide, from the start of the screen line, and leaves the cursor at the
// cursor of the line. It never writes into the last column, so that the
// terminal does not wrap: a line longer than the room after the label
// scrolls sideways, "…" marking what is out of view, as readline's
// horizontal scrolling does; the columns are those of the characters
// (a CJK character or an emoji takes two).
func (e *lineEdit) render(label string, w int) string {
	lw := runewidth.StringWidth(label)
	room := w - 1 - lw
	if room < 1 {
		room = 1
	}
	if e.pos < e.off {
		e.off = e.pos
	}
	// The cursor in view, and a column for "…" on each side that has
	// more, when there is room for them and a character.
	marks := room >= 3
	for e.off < e.pos && width(e.buf[e.off:e.pos])+mark(marks && e.off > 0)+mark(marks && e.pos < len(e.buf)) >= room {
		e.off = e.right(e.off)
	}
	e.off = min(e.off, e.pos)
	var b strings.Builder
	b.WriteString("\r" + label)
	col := lw
	if marks && e.off > 0 {
		b.WriteString("…")
		col++
	}
	cursor := col + width(e.buf[e.off:e.pos])
	end := e.off
	for end < len(e.buf) {
		next := e.right(end)
		more := mark(marks && next < len(e.buf))
		if col+width(e.buf[end:next])+more > lw+room {
			break
		}
		b.WriteString(string(e.buf[end:next]))
		col += width(e.buf[end:next])
		end = next
	}
	if marks && end < len(e.buf) {
		b.WriteString("…")
	}
	b.WriteString("\x1b[K\r")
	if cursor > 0 {
		b.WriteString("\x1b[" + strconv.Itoa(cursor) + "C")
	}
	return b.String()
}

func mark(b bool) int {
	if b {
		return 1
	}
	return 0
}

func width(rs []rune) int { return runewidth.StringWidth(string(rs)) }
