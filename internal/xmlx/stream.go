package xmlx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/tilmash/tilmash/internal/textenc"
)

// NewStreamDecoder returns a Decoder that reads r as the tokens are asked
// for, instead of a whole file's bytes: with [Decoder.Release] after each
// record (a TMX <tu>), a file of any size is read in memory that does not
// grow with it. Encodings, limits and errors are those of [NewDecoder],
// found as the text is read: an invalid byte is reported when the parser
// comes to it, with its line, column and offset.
func NewStreamDecoder(r io.Reader) (*Decoder, error) {
	br := bufio.NewReaderSize(&sizeLimit{r: r}, 64<<10)
	head, _ := br.Peek(4)
	var src io.Reader = br
	switch enc, bom := textenc.Sniff(head); enc {
	case textenc.UTF16LE, textenc.UTF16BE:
		order := unicode.LittleEndian
		if enc == textenc.UTF16BE {
			order = unicode.BigEndian
		}
		br.Discard(bom)
		src = transform.NewReader(br, unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder())
	default:
		br.Discard(bom)
		decl, err := br.Peek(1024)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			var xe *Error
			if errors.As(err, &xe) {
				return nil, xe
			}
			return nil, &Error{Line: 1, Column: 1, Code: CodeEncoding, Detail: err.Error()}
		}
		if m := declared.Get().FindSubmatch(decl); m != nil {
			label := strings.ToLower(string(m[1]))
			if !strings.HasPrefix(label, "utf-8") && !strings.HasPrefix(label, "utf8") && !strings.HasPrefix(label, "utf-16") && !strings.HasPrefix(label, "utf16") {
				e, err := htmlindex.Get(label)
				if err != nil {
					return nil, &Error{Line: 1, Column: 1, Code: CodeEncoding, Value: string(m[1]), Detail: fmt.Sprintf("unsupported encoding %q", string(m[1]))}
				}
				src = transform.NewReader(br, e.NewDecoder())
			}
		}
	}
	w := &window{src: src, line: 1, col: 1, cur: cursor{line: 1, col: 1}}
	d := &Decoder{win: w}
	d.dec = xml.NewDecoder(w)
	d.dec.Strict = true
	d.dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d, nil
}

// Release tells a stream decoder ([NewStreamDecoder]) that no offset
// before off will be asked for again: the text before it is let go. It
// does nothing for a decoder over a whole file.
func (d *Decoder) Release(off int) {
	if d.win != nil {
		d.win.release(off)
	}
}

// sizeLimit fails a file past MaxSize bytes.
type sizeLimit struct {
	r io.Reader
	n int64
}

func (s *sizeLimit) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.n += int64(n)
	if s.n > MaxSize {
		return 0, &Error{Line: 1, Column: 1, Code: CodeTooLarge, Detail: fmt.Sprintf("the file is larger than %d MiB", MaxSize>>20)}
	}
	return n, err
}

// window is the UTF-8 text of a stream from the last release on: what the
// XML parser has been given and what it may ask positions of. It hands
// the parser only bytes it has checked to be UTF-8.
type window struct {
	src       io.Reader
	buf       []byte // the text from offset at on
	at0       int
	base      int // the last release: nothing before it is asked for
	line, col int // the position of base
	checked   int // offset up to which the text is valid UTF-8
	served    int // offset up to which the parser has been given the text
	eof       bool
	err       error // after the checked text: io.EOF or an *Error
	cur       cursor
}

// cursor is a position the locator walked to: offsets asked for mostly
// grow, so it walks on from the last one.
type cursor struct{ off, line, col int }

func (w *window) end() int { return w.at0 + len(w.buf) }

func (w *window) Read(p []byte) (int, error) {
	for w.served == w.checked {
		if w.err != nil {
			return 0, w.err
		}
		w.fill()
	}
	n := copy(p, w.buf[w.served-w.at0:w.checked-w.at0])
	w.served += n
	return n, nil
}

// fill reads more of the source and checks it.
func (w *window) fill() {
	if !w.eof {
		if drop := w.base - w.at0; drop > 0 && drop >= len(w.buf)/2 {
			// The released text goes once it is half the buffer: each
			// byte is moved a few times at most.
			w.buf = w.buf[:copy(w.buf, w.buf[drop:])]
			w.at0 = w.base
		}
		if cap(w.buf)-len(w.buf) < 16<<10 {
			w.buf = append(w.buf, make([]byte, 64<<10)...)[:len(w.buf)]
		}
		n, err := w.src.Read(w.buf[len(w.buf):cap(w.buf)])
		w.buf = w.buf[:len(w.buf)+n]
		switch {
		case errors.Is(err, io.EOF):
			w.eof = true
		case err != nil:
			var xe *Error
			if !errors.As(err, &xe) {
				xe = &Error{Line: 1, Column: 1, Code: CodeEncoding, Detail: err.Error()}
			}
			w.err = xe
			return
		}
	}
	text := w.buf[w.checked-w.at0:]
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if !w.eof && !utf8.FullRune(text[i:]) {
			break // the rest of the character is still to come
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n <= 1 {
			off := w.checked + i
			w.checked = off
			line, col := w.at(off)
			w.err = &Error{Line: line, Column: col, Offset: off, Code: CodeBadUTF8, Value: fmt.Sprintf("0x%02X", c), Detail: fmt.Sprintf("invalid UTF-8 byte 0x%02X", c)}
			return
		}
		i += n
	}
	w.checked += i
	if w.eof && w.checked == w.end() {
		w.err = io.EOF
	}
}

// at returns the line and column of byte offset off, clamped to the text
// from the last release on.
func (w *window) at(off int) (line, col int) {
	if off < w.cur.off || w.cur.off < w.base {
		w.cur = cursor{w.base, w.line, w.col}
	}
	off = min(max(off, w.base), w.end())
	for w.cur.off < off {
		c := w.buf[w.cur.off-w.at0]
		switch {
		case c == '\n':
			w.cur.line++
			w.cur.col = 1
			w.cur.off++
		case c < utf8.RuneSelf:
			w.cur.col++
			w.cur.off++
		default:
			_, n := utf8.DecodeRune(w.buf[w.cur.off-w.at0:])
			w.cur.col++
			w.cur.off += n
		}
	}
	return w.cur.line, w.cur.col
}

// slice returns the text from a to b, clamped to the text from the last
// release on.
func (w *window) slice(a, b int) []byte {
	a, b = min(max(a, w.base), w.end()), min(max(b, w.base), w.end())
	return w.buf[a-w.at0 : max(a, b)-w.at0]
}

// release lets the text before off go.
func (w *window) release(off int) {
	off = min(off, w.served)
	if off <= w.base {
		return
	}
	w.line, w.col = w.at(off)
	w.base = off
}
