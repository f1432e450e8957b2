package reviewcmd

import (
	"bytes"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// keyReader turns the bytes of a terminal in raw mode into key presses.
// Several keys may arrive in one read (a paste, a fast typist, a test
// driving a pseudo-terminal); they are handed out one at a time, in order.
type keyReader struct {
	r   io.Reader
	buf []byte
	// pasted is the text of the last keyPaste.
	pasted string
}

// maxPaste is the most of a paste that is kept; the rest is read and
// dropped.
const maxPaste = 64 << 10

func (k *keyReader) fill() error {
	var b [256]byte
	n, err := k.r.Read(b[:])
	if n > 0 {
		k.buf = append(k.buf, b[:n]...)
		return nil
	}
	if err == nil {
		err = io.EOF
	}
	return err
}

// next returns the next key: a character, or one of the key constants for
// arrows, Page Up and Page Down, Enter, Backspace, Esc, Ctrl-C, Ctrl-D,
// Ctrl-L and the line editing keys of a prompt (see lineEdit). Other escape sequences and
// control characters come back as keyNone.
func (k *keyReader) next() (rune, error) {
	if len(k.buf) == 0 {
		if err := k.fill(); err != nil {
			return keyEOF, err
		}
	}
	c := k.buf[0]
	switch c {
	case 0x1b:
		if len(k.buf) == 1 {
			k.buf = k.buf[1:]
			return keyEsc, nil
		}
		return k.escape(), nil
	case '\r', '\n':
		k.buf = k.buf[1:]
		if c == '\r' && len(k.buf) > 0 && k.buf[0] == '\n' {
			k.buf = k.buf[1:]
		}
		return keyEnter, nil
	case 0x7f, 0x08:
		k.buf = k.buf[1:]
		return keyBackspace, nil
	case 0x03:
		k.buf = k.buf[1:]
		return keyInterrupt, nil
	case 0x04:
		k.buf = k.buf[1:]
		return keyEOF, nil
	}
	if c < 0x20 {
		k.buf = k.buf[1:]
		return controlKeys[c], nil
	}
	for !utf8.FullRune(k.buf) {
		if err := k.fill(); err != nil {
			k.buf = k.buf[1:]
			return keyNone, nil
		}
	}
	r, n := utf8.DecodeRune(k.buf)
	k.buf = k.buf[n:]
	return r, nil
}

// controlKeys are the keys of the control characters other than Enter,
// Backspace, Esc and Ctrl-C: Ctrl-D, Ctrl-L and the line editing keys
// readline gives them; the others are keyNone.
var controlKeys = [0x20]rune{
	keyNone, keyHome, keyLeft, keyNone, keyEOF, keyEnd, keyRight, keyNone, // ^@ ^A ^B ^C ^D ^E ^F ^G
	keyNone, keyNone, keyNone, keyKillEnd, keyRedraw, keyNone, keyNone, keyNone, // ^H ^I ^J ^K ^L ^M ^N ^O
	keyNone, keyNone, keyNone, keyNone, keyNone, keyKillStart, keyNone, keyKillWord, // ^P ^Q ^R ^S ^T ^U ^V ^W
	keyNone, keyYank, keyNone, keyNone, keyNone, keyNone, keyNone, keyNone, // ^X ^Y ^Z ^[ ^\ ^] ^^ ^_
}

// escape reads an escape sequence from the buffer: CSI (ESC [ … final)
// and SS3 (ESC O x), as arrows, Home, End and Delete send them, and Alt
// with a key (ESC key), as readline's word keys are typed. A sequence
// that arrives in parts (over a slow connection) is read whole.
func (k *keyReader) escape() rune {
	switch k.buf[1] {
	case 'b', 'B':
		k.buf = k.buf[2:]
		return keyWordLeft
	case 'f', 'F':
		k.buf = k.buf[2:]
		return keyWordRight
	case 'd', 'D':
		k.buf = k.buf[2:]
		return keyKillWordRight
	case 0x7f, 0x08:
		k.buf = k.buf[2:]
		return keyKillWordLeft
	case '[', 'O':
	default:
		k.buf = k.buf[1:]
		return keyEsc
	}
	i := 2
	for {
		for i < len(k.buf) && (k.buf[i] < 0x40 || k.buf[i] > 0x7e) {
			i++
		}
		if i < len(k.buf) {
			break
		}
		if i > 16 || k.fill() != nil {
			k.buf = nil
			return keyNone
		}
	}
	params, final := string(k.buf[2:i]), k.buf[i]
	k.buf = k.buf[i+1:]
	if final == '~' && params == "200" {
		return k.paste()
	}
	// With a modifier (1;5 is Ctrl, 1;3 Alt), an arrow moves by words.
	mod := strings.HasSuffix(params, ";5") || strings.HasSuffix(params, ";3")
	switch {
	case final == 'A':
		return keyUp
	case final == 'B':
		return keyDown
	case final == 'C' && mod:
		return keyWordRight
	case final == 'D' && mod:
		return keyWordLeft
	case final == 'C':
		return keyRight
	case final == 'D':
		return keyLeft
	case final == 'H', final == '~' && (params == "1" || params == "7"):
		return keyHome
	case final == 'F', final == '~' && (params == "4" || params == "8"):
		return keyEnd
	case final == '~' && params == "3":
		return keyDelete
	case final == '~' && params == "5":
		return keyPageUp
	case final == '~' && params == "6":
		return keyPageDown
	}
	return keyNone
}

// paste reads a bracketed paste up to its end (ESC [ 201 ~), which may
// come reads later, and keeps its text in k.pasted.
func (k *keyReader) paste() rune {
	const end = "\x1b[201~"
	var text []byte
	for {
		if i := bytes.Index(k.buf, []byte(end)); i >= 0 {
			text = append(text, k.buf[:i]...)
			k.buf = k.buf[i+len(end):]
			break
		}
		// Keep what may be the start of the end marker for the next read.
		keep := min(len(k.buf), len(end)-1)
		text = append(text, k.buf[:len(k.buf)-keep]...)
		k.buf = k.buf[len(k.buf)-keep:]
		if len(text) > maxPaste {
			text = text[:maxPaste]
		}
		if k.fill() != nil {
			text = append(text, k.buf...)
			k.buf = nil
			break
		}
	}
	if len(text) > maxPaste {
		text = text[:maxPaste]
	}
	k.pasted = strings.ToValidUTF8(string(text), "\uFFFD")
	return keyPaste
}

// resizing reads the terminal in the background so that a change of its
// size can come between two keys: it reads as Ctrl-L, which draws the
// screen again at the new size, at once rather than at the next key. The
// background read starts only when a key is asked for, so that between
// keys nothing reads the terminal: the person's editor (the e key) gets
// every key typed in it.
type resizing struct {
	want    chan struct{}
	data    chan chunk
	resize  <-chan os.Signal
	pending bool  // a read asked for has not been handed out yet
	err     error // the read failed: every later one fails so
}

type chunk struct {
	b   []byte
	err error
}

// newResizing reads r, a read at a time, until it fails; resize says the
// size changed.
func newResizing(r io.Reader, resize <-chan os.Signal) *resizing {
	z := &resizing{want: make(chan struct{}, 1), data: make(chan chunk), resize: resize}
	go func() {
		for range z.want {
			b := make([]byte, 256)
			n, err := r.Read(b)
			z.data <- chunk{b[:n], err}
			if err != nil {
				return
			}
		}
	}()
	return z
}

// Read implements io.Reader for a buffer of 256 bytes or more (keyReader's).
func (z *resizing) Read(p []byte) (int, error) {
	if z.err != nil {
		return 0, z.err
	}
	if !z.pending {
		z.want <- struct{}{}
		z.pending = true
	}
	select {
	case c := <-z.data:
		z.pending, z.err = false, c.err
		return copy(p, c.b), c.err
	case <-z.resize:
		p[0] = 0x0c // Ctrl-L
		return 1, nil
	}
}
