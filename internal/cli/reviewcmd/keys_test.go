package reviewcmd

import (
	"bytes"
	"io"
	"os"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// chunks hands out its parts one Read at a time, as a terminal does.
type chunks struct{ parts []string }

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.parts[0])
	c.parts[0] = c.parts[0][n:]
	if c.parts[0] == "" {
		c.parts = c.parts[1:]
	}
	return n, nil
}

func TestKeyReader(t *testing.T) {
	tests := []struct {
		name  string
		parts []string
		want  []rune
	}{
		{"letters in one read", []string{"cmq"}, []rune{'c', 'm', 'q'}},
		{"arrows", []string{"\x1b[C\x1b[D\x1bOA\x1b[B"}, []rune{keyRight, keyLeft, keyUp, keyDown}},
		{"lone escape", []string{"\x1b", "q"}, []rune{keyEsc, 'q'}},
		{"other sequences are ignored", []string{"\x1b[15~x\x1b[1;2P"}, []rune{keyNone, 'x', keyNone}},
		{"controls", []string{"\r\n\x7f\x08\x03\x04\x0c\x00\x1f"}, []rune{keyEnter, keyBackspace, keyBackspace, keyInterrupt, keyEOF, keyRedraw, keyNone, keyNone}},
		{"readline's control keys", []string{"\x01\x05\x02\x06\x15\x0b\x17\x19"}, []rune{keyHome, keyEnd, keyLeft, keyRight, keyKillStart, keyKillEnd, keyKillWord, keyYank}},
		{"Home, End, Delete as terminals send them", []string{"\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~\x1b[3~"},
			[]rune{keyHome, keyEnd, keyHome, keyEnd, keyHome, keyEnd, keyHome, keyEnd, keyDelete}},
		{"words: Ctrl and Alt arrows, Alt keys", []string{"\x1b[1;5C\x1b[1;5D\x1b[1;3C\x1b[1;3D\x1bb\x1bf\x1bd\x1b\x7f"},
			[]rune{keyWordRight, keyWordLeft, keyWordRight, keyWordLeft, keyWordLeft, keyWordRight, keyKillWordRight, keyKillWordLeft}},
		// Over a slow link a sequence comes in parts: its tail was typed
		// as letters ("C" into a note) before.
		{"a sequence split across reads", []string{"\x1b[1;", "5Cx"}, []rune{keyWordRight, 'x'}},
		{"a Kazakh letter split across reads", []string{"\xd2", "\x9b"}, []rune{'қ'}},
		{"CR LF is one Enter", []string{"a\r\nb"}, []rune{'a', keyEnter, 'b'}},
		{"Page Up and Page Down", []string{"\x1b[5~\x1b[6~", "\x1b[6", "~"}, []rune{keyPageUp, keyPageDown, keyPageDown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := &keyReader{r: &chunks{parts: append([]string(nil), tt.parts...)}}
			var got []rune
			for {
				r, err := k.next()
				if err != nil {
					break
				}
				got = append(got, r)
			}
			if string(got) != string(tt.want) {
				t.Errorf("keys = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzKeyReader: any bytes end in a finite number of keys, without a
// panic, and every key is a character or one of the key constants.
func FuzzKeyReader(f *testing.F) {
	for _, s := range []string{"cmq", "\x1b[", "\x1b[1;5C", "\xd2", "\x1bO", "s en:2\r"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		k := &keyReader{r: bytes.NewReader(data)}
		for i := 0; ; i++ {
			r, err := k.next()
			if err != nil {
				return
			}
			if i > len(data) {
				t.Fatalf("more keys than bytes from %q", data)
			}
			if r < keyPaste {
				t.Fatalf("bad key %d", r)
			}
		}
	})
}

// TestResizing: a change of the terminal's size reads as Ctrl-L (a
// redraw) between the keys, and the keys still come in order, up to the
// end of the input.
func TestResizing(t *testing.T) {
	keys, more := io.Pipe()
	resize := make(chan os.Signal, 1)
	k := &keyReader{r: newResizing(keys, resize)}
	go func() { _, _ = more.Write([]byte("c")) }()
	if r, err := k.next(); r != 'c' || err != nil {
		t.Fatalf("first key %q, %v", r, err)
	}
	resize <- syscall.Signal(28)
	if r, err := k.next(); r != keyRedraw || err != nil {
		t.Fatalf("after a resize: key %q, %v; want a redraw", r, err)
	}
	go func() { _, _ = more.Write([]byte("mq")); more.Close() }()
	for _, want := range []rune{'m', 'q', keyEOF} {
		if r, _ := k.next(); r != want {
			t.Fatalf("key %q, want %q", r, want)
		}
	}
}

// countingReader counts the reads of a terminal that always has a key.
type countingReader struct{ n atomic.Int32 }

func (c *countingReader) Read(p []byte) (int, error) {
	c.n.Add(1)
	p[0] = 'x'
	return 1, nil
}

// TestResizingReadsOnlyWhenAsked: between keys nothing reads the
// terminal, so that the editor the e key starts gets every key typed in
// it. The reader used to read ahead at once, and the first key typed in
// the editor went to the review instead.
func TestResizingReadsOnlyWhenAsked(t *testing.T) {
	r := &countingReader{}
	z := newResizing(r, nil)
	time.Sleep(20 * time.Millisecond)
	if n := r.n.Load(); n != 0 {
		t.Fatalf("%d reads before a key was asked for", n)
	}
	var p [256]byte
	if n, err := z.Read(p[:]); n != 1 || err != nil {
		t.Fatalf("read %d, %v", n, err)
	}
	time.Sleep(20 * time.Millisecond)
	if n := r.n.Load(); n != 1 {
		t.Fatalf("%d reads after one key was asked for, want 1", n)
	}
}

// TestKeyReaderPaste: a bracketed paste is one key, its text kept, even
// when it and its end marker come in parts.
func TestKeyReaderPaste(t *testing.T) {
	for _, parts := range [][]string{
		{"\x1b[200~cm\r\nс\x1b[201~q"},
		{"\x1b[200~c", "m\r\n", "с\x1b[2", "01~q"},
		{"\x1b[200~cm\r\nс\x1b", "[201~", "q"},
	} {
		k := &keyReader{r: &chunks{parts: append([]string(nil), parts...)}}
		if r, err := k.next(); r != keyPaste || err != nil || k.pasted != "cm\r\nс" {
			t.Errorf("%q: key %q, %v, pasted %q", parts, r, err, k.pasted)
		}
		if r, _ := k.next(); r != 'q' {
			t.Errorf("%q: after the paste %q, want q", parts, r)
		}
	}
}
