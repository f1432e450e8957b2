package reviewcmd

import (
	"io"
	"os"
	"unicode/utf8"
)

// keyReader turns the bytes of a terminal in raw mode into key presses.
// Several keys may arrive in one read (a paste, a fast typist, a test
// driving a pseudo-terminal); they are handed out one at a time, in order.
type keyReader struct {
	r   io.Reader
	buf []byte
}

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
// arrows, Enter, Backspace, Esc, Ctrl-C, Ctrl-D and Ctrl-L. Other escape
// sequences and control characters come back as keyNone.
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
	case 0x0c:
		k.buf = k.buf[1:]
		return keyRedraw, nil
	}
	if c < 0x20 {
		k.buf = k.buf[1:]
		return keyNone, nil
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

// escape reads an escape sequence from the buffer: CSI (ESC [ … final)
// and SS3 (ESC O x), as arrow keys send them.
func (k *keyReader) escape() rune {
	if k.buf[1] != '[' && k.buf[1] != 'O' {
		k.buf = k.buf[1:]
		return keyEsc
	}
	i := 2
	for i < len(k.buf) && (k.buf[i] < 0x40 || k.buf[i] > 0x7e) {
		i++
	}
	if i >= len(k.buf) {
		k.buf = nil
		return keyNone
	}
	final := k.buf[i]
	k.buf = k.buf[i+1:]
	switch final {
	case 'A':
		return keyUp
	case 'B':
		return keyDown
	case 'C':
		return keyRight
	case 'D':
		return keyLeft
	}
	return keyNone
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
