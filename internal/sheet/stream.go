package sheet

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/tilmash/tilmash/internal/textenc"
)

// MaxRow is the longest row, in bytes, a [Reader] accepts: no table of
// translations has a longer one, and a file that does (a binary file, one
// record whose quote never closes) is refused at its place instead of
// filling the memory.
const MaxRow = 4 << 20

// Reader reads a table file in a quoted dialect ([TSV], [CSV]) one row at
// a time, holding only that row: a file of any size is read in memory
// that does not grow with it. It is the one reader of those dialects;
// [ReadTable] collects its rows. Rows whose cells are all blank are left
// out. Lines and columns are computed only when asked for
// ([Reader.Position]), for the row just read.
type Reader struct {
	comma byte
	br    *bufio.Reader
	// the row just read: its text, where it starts, and its cells
	line  int // line where the next row starts
	off   int // offset in the decoded text where the next row starts
	rec   []byte
	recAt int
	recLn int
	// A record of one line read whole from the buffer is copied once,
	// into str, the string its cells are cut from, and rec reads that
	// string's bytes (never written); a record of more lines, or longer
	// than the buffer, is gathered in own.
	str   string
	inStr bool
	own   []byte
	row   Row
	plain [][2]int // unquoted and exact quoted cells of the row: index and end in rec
	valid int      // rec[:valid] is known to be UTF-8
	err   error
	// With reuse (see [Reader.ReuseBuffers]), the cells are cut from own
	// and, for quoted cells that are not the file's bytes (a doubled
	// quote, CR LF), from unq: the cell's index, and its start and end
	// there. kept is the row copied by [Reader.Keep], once.
	// oneLine says the row just read is one line of the file (rec has no
	// newline but at its end); col is the column of byte colAt of rec,
	// the last place Position counted to
	oneLine    bool
	colAt, col int
	reuse      bool
	inBuf      bool   // rec is a view of br's buffer (with reuse)
	qbuf       []byte // the text of a quoted cell, unquoted
	unq        []byte
	unquote    [][3]int
	kept       string
	// width is the number of cells of the first row (the header), by
	// which a line tells whether a quote opens a quoted cell (quotedCell);
	// 0 until it is read.
	width int
}

// NewReader returns a reader of r in dialect d, which must be quoted. The
// bytes are decoded as [textenc.Decode] does: a byte-order mark dropped,
// UTF-16 converted; offsets count in the decoded text.
func NewReader(r io.Reader, d Dialect) *Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	rd := &Reader{comma: byte(d.Comma), line: 1}
	head, _ := br.Peek(4)
	enc, bom := textenc.Sniff(head)
	switch enc {
	case textenc.UTF16LE, textenc.UTF16BE:
		order := unicode.LittleEndian
		if enc == textenc.UTF16BE {
			order = unicode.BigEndian
		}
		br.Discard(bom)
		rd.br = bufio.NewReaderSize(transform.NewReader(br, unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()), 64<<10)
	default:
		br.Discard(bom)
		rd.br = br
	}
	return rd
}

// ReuseBuffers makes the reader cut the texts of the cells of every row
// from buffers it reuses for the next row, instead of one new string per
// row: a file is read with no allocation a row. The cells' texts are then
// valid only until the next call of [Reader.Read], like the row; what a
// caller keeps beyond it, it keeps through [Reader.Keep] (or
// strings.Clone). Call it before the first Read.
func (r *Reader) ReuseBuffers() { r.reuse = true }

// Keep returns s, a text of the row just read or a part of one, as a
// string that stays valid after the next Read: with [Reader.ReuseBuffers],
// the same part of a copy of the row, made once for all the texts of the
// row kept; s itself for any other string (one that is not a view of the
// row, or every string without ReuseBuffers).
func (r *Reader) Keep(s string) string {
	if !r.reuse || len(s) == 0 {
		return s
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	at := -1
	if len(r.rec) > 0 {
		if base := uintptr(unsafe.Pointer(unsafe.SliceData(r.rec))); p >= base && p+uintptr(len(s)) <= base+uintptr(len(r.rec)) {
			at = int(p - base)
		}
	}
	if at < 0 && len(r.unq) > 0 {
		if base := uintptr(unsafe.Pointer(unsafe.SliceData(r.unq))); p >= base && p+uintptr(len(s)) <= base+uintptr(len(r.unq)) {
			at = len(r.rec) + int(p-base)
		}
	}
	if at < 0 {
		return s
	}
	if r.kept == "" {
		var b strings.Builder
		b.Grow(len(r.rec) + len(r.unq))
		b.Write(r.rec)
		b.Write(r.unq)
		r.kept = b.String()
	}
	return r.kept[at : at+len(s)]
}

// Read returns the next row that is not blank, or io.EOF. The row and its
// cells are valid until the next call (and, with [Reader.ReuseBuffers],
// so are the cells' texts); a cell's Offset counts from the start of the
// decoded text. An error is a *[ReadError].
func (r *Reader) Read() (*Row, error) {
	for {
		if r.err != nil {
			return nil, r.err
		}
		ok, err := r.record()
		if err != nil {
			r.err = err
			return nil, err
		}
		if !ok {
			r.err = io.EOF
			return nil, io.EOF
		}
		if !blank(r.row.Cells) {
			if r.width == 0 {
				r.width = len(r.row.Cells)
			}
			return &r.row, nil
		}
	}
}

// Position returns the line and column (in characters) of byte offset off
// of the text, which must lie in the row just read.
func (r *Reader) Position(off int) (line, col int) {
	rel := min(max(off-r.recAt, 0), len(r.rec))
	if r.oneLine && rel <= r.valid {
		// A record of one line: the column only, counted on from the
		// place asked for before in the row when it comes before (a
		// finding in each cell, consistency's place in each).
		if r.colAt > rel {
			r.colAt, r.col = 0, 1
		}
		r.col += runeCount(r.rec[r.colAt:rel])
		r.colAt = rel
		return r.recLn, r.col
	}
	before := r.rec[:rel]
	line = r.recLn + bytes.Count(before, []byte{'\n'})
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	if rel <= r.valid {
		return line, runeCount(before) + 1
	}
	return line, utf8.RuneCount(before) + 1
}

// runeCount is utf8.RuneCount of valid UTF-8: the bytes that are not
// continuation bytes, counted eight at a time.
func runeCount(b []byte) int {
	n := len(b)
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		// A continuation byte is 10xxxxxx: its top bit set, the next clear.
		n -= bits.OnesCount64(w & ^(w << 1) & 0x8080808080808080)
		b = b[8:]
	}
	for _, c := range b {
		if c&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// validUTF8 is utf8.Valid with the one- and two-byte sequences of Latin
// and Cyrillic text checked eight bytes at a time, and the others inline.
func validUTF8(b []byte) bool {
	const top = 0x8080808080808080
	for i := 0; i < len(b); {
		if i+8 <= len(b) {
			// b[i] starts a character. In the eight bytes from it, each
			// 11xxxxxx (a lead) must be 110xxxxx but not C0 or C1 (bits
			// 4-1 not all clear) and be followed by a 10xxxxxx (a
			// continuation), which nothing else may be; a lead in the last
			// byte is left for the next round.
			w := binary.LittleEndian.Uint64(b[i:])
			hi := w & top
			if hi == 0 {
				i += 8
				continue
			}
			b6 := w << 1 & top
			lead, cont := hi&b6, hi&^b6
			nz := (w&0x1E1E1E1E1E1E1E1E + 0x7F7F7F7F7F7F7F7F) & top
			if lead&(w<<2) == 0 && cont == lead<<8 && lead&^nz == 0 {
				i += 8 - int(lead>>63)
				continue
			}
		}
		c := b[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c < 0xE0:
			if i+1 >= len(b) || b[i+1]&0xC0 != 0x80 {
				return false
			}
			i += 2
		default:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				return false
			}
			i += n
		}
	}
	return true
}

// Place returns the byte offset in the text of byte offset off of c's
// text, c a cell of the row just read: see [Table.Place].
func (r *Reader) Place(c Cell, off int) int {
	if c.Exact {
		return c.Offset + off
	}
	p := c.Offset - r.recAt
	for i := 0; i < off && i < len(c.Text) && p < len(r.rec); i++ {
		switch {
		case c.Text[i] == '"' && p+1 < len(r.rec) && r.rec[p+1] == '"':
			p += 2
		case c.Text[i] == '\n' && r.rec[p] == '\r':
			p += 2
		default:
			p++
		}
	}
	return p + r.recAt
}

func (r *Reader) fail(off int, code, value, detail string) error {
	line, col := r.Position(off)
	return &ReadError{Line: line, Column: col, Offset: off, Code: code, Value: value, Detail: detail}
}

// physical appends the next line of the file, with its newline, to r.rec.
// It returns false at the end of the file.
func (r *Reader) physical() (bool, error) {
	if r.inBuf {
		// The record goes on past its first line, a view of the
		// buffer the next read overwrites: gathered in own first.
		r.own = append(r.own[:0], r.rec...)
		r.rec, r.inBuf = r.own, false
	}
	start := len(r.rec)
	for {
		chunk, err := r.br.ReadSlice('\n')
		if start == 0 && len(r.rec) == 0 && err == nil && r.reuse && validUTF8(chunk) {
			// With reuse, a whole line in the buffer that starts a record
			// is read in place: its cells are views of the buffer, good
			// until the next read, as they would be of own.
			r.rec, r.inBuf, r.valid = chunk, true, len(chunk)
			return r.controls(0)
		}
		if start == 0 && len(r.rec) == 0 && err == nil && !r.reuse {
			// A whole line in the buffer that starts a record: copied
			// once, into the string its cells are cut from.
			if !validUTF8(chunk) {
				r.rec = append(r.own[:0], chunk...)
				r.own = r.rec
			} else {
				r.str, r.inStr = string(chunk), true
				r.rec = unsafe.Slice(unsafe.StringData(r.str), len(r.str))
				r.valid = len(r.rec)
				return r.controls(0)
			}
		} else {
			if r.inStr {
				// A record going on over more lines: gathered in own.
				r.own = append(r.own[:0], r.rec...)
				r.rec, r.inStr = r.own, false
			}
			r.rec = append(r.rec, chunk...)
			r.own = r.rec
		}
		if len(r.rec) > MaxRow {
			r.rec = r.rec[:MaxRow]
			return false, r.fail(r.recAt, "too-long", "", fmt.Sprintf("a row longer than %d MiB: not a table of texts", MaxRow>>20))
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF:
			if len(r.rec) == start {
				return false, nil
			}
		default:
			var dec *ReadError
			if errors.As(err, &dec) {
				return false, err
			}
			return false, r.fail(r.recAt+len(r.rec), "encoding", "", err.Error())
		}
		line := r.rec[start:]
		if !validUTF8(line) {
			i := textenc.InvalidUTF8(line)
			r.valid = start + i
			return false, r.fail(r.recAt+start+i, "bad-utf8", fmt.Sprintf("0x%02X", line[i]), fmt.Sprintf("invalid UTF-8 byte 0x%02X", line[i]))
		}
		r.valid = len(r.rec)
		return r.controls(start)
	}
}

// controls refuses the line of r.rec from start on when it holds a control
// character other than tab, LF and CR (see [ControlAt]).
func (r *Reader) controls(start int) (bool, error) {
	if i := ControlAt(r.rec[start:]); i >= 0 {
		c := r.rec[start+i]
		return false, r.fail(r.recAt+start+i, "control", fmt.Sprintf("U+%04X", c), fmt.Sprintf("control character U+%04X", c))
	}
	return true, nil
}

// ControlAt returns the index of the first control character of b other
// than tab, LF and CR (a NUL, a vertical tab: no text of a table holds
// one), or -1. Eight bytes at a time: a word is looked at byte by byte
// only when one of its bytes is below 0x20, the tabs and newlines of a
// table's lines.
func ControlAt(b []byte) int {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if (w-0x20*ones)&^w&top == 0 {
			continue
		}
		for k, c := range b[i : i+8] {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i + k
			}
		}
	}
	for k, c := range b[i:] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return i + k
		}
	}
	return -1
}

// record reads the next record into r.row: its cells, quoted as
// encoding/csv reads them (RFC 4180), but for a double quote inside a
// cell that does not start with one, which is text, as with encoding/csv's
// LazyQuotes, and one that starts a cell its line shows is not quoted
// (see quotedCell). Empty lines are skipped as encoding/csv skips them.
func (r *Reader) record() (bool, error) {
	for {
		r.recAt, r.recLn = r.off, r.line
		r.rec, r.valid, r.str, r.inStr, r.inBuf = r.own[:0], 0, "", false, false
		r.oneLine = false
		r.unq, r.unquote, r.kept = r.unq[:0], r.unquote[:0], ""
		ok, err := r.physical()
		if err != nil || !ok {
			return false, err
		}
		if len(r.rec) == 1 && r.rec[0] == '\n' || len(r.rec) == 2 && r.rec[0] == '\r' && r.rec[1] == '\n' {
			r.off += len(r.rec)
			r.line++
			continue
		}
		break
	}
	r.row.Line = r.recLn
	r.row.Cells = r.row.Cells[:0]
	buf := r.qbuf[:0]
	defer func() { r.qbuf = buf[:0] }()
	pos := 0
	for {
		if pos < len(r.rec) && r.rec[pos] == '"' && r.quotedCell(pos) {
			// A quoted field: to the closing quote, over line breaks.
			buf = buf[:0]
			start := pos + 1
			i := start
			q := -1 // the next quote at or after i, or where the search for one stopped
			for {
				if i < len(r.rec) {
					// The bytes up to the next quote or CR are the text as
					// they are; each byte is searched once for a quote.
					if q < i || q >= len(r.rec) || r.rec[q] != '"' {
						q = len(r.rec)
						if k := bytes.IndexByte(r.rec[i:], '"'); k >= 0 {
							q = i + k
						}
					}
					run := r.rec[i:q]
					if k := bytes.IndexByte(run, '\r'); k >= 0 {
						run = run[:k]
					}
					buf = append(buf, run...)
					i += len(run)
				}
				if i >= len(r.rec) {
					ok, err := r.physical()
					if err != nil {
						return false, err
					}
					if !ok {
						end := len(r.rec)
						if end > 0 && r.rec[end-1] == '\n' {
							end--
						}
						return false, r.fail(r.recAt+end, "malformed", "", csv.ErrQuote.Error())
					}
					continue
				}
				c := r.rec[i]
				if c == '"' {
					if i+1 < len(r.rec) && r.rec[i+1] == '"' {
						buf = append(buf, '"')
						i += 2
						continue
					}
					i++
					break
				}
				if c == '\r' && i+1 < len(r.rec) && r.rec[i+1] == '\n' {
					buf = append(buf, '\n')
					i += 2
					continue
				}
				buf = append(buf, c)
				i++
			}
			if len(buf) == i-1-start {
				// Exact: cut from the row's string below, like an
				// unquoted cell.
				r.row.Cells = append(r.row.Cells, Cell{Offset: start, Exact: true})
				r.plain = append(r.plain, [2]int{len(r.row.Cells) - 1, i - 1})
			} else if r.reuse {
				// Cut below, when unq has stopped growing.
				r.row.Cells = append(r.row.Cells, Cell{Offset: r.recAt + start})
				r.unquote = append(r.unquote, [3]int{len(r.row.Cells) - 1, len(r.unq), len(r.unq) + len(buf)})
				r.unq = append(r.unq, buf...)
			} else {
				r.row.Cells = append(r.row.Cells, cell(string(buf), r.recAt+start, false))
			}
			pos = i
			switch {
			case pos < len(r.rec) && r.rec[pos] == r.comma:
				pos++
				continue
			case r.lineEnd(pos):
			default:
				return false, r.fail(r.recAt+pos, "malformed", "", csv.ErrQuote.Error())
			}
			break
		}
		// An unquoted field: to the separator or the end of the line.
		// The record is one line here: its only newline ends it.
		end := len(r.rec)
		if i := bytes.IndexByte(r.rec[pos:], r.comma); i >= 0 {
			end = pos + i
		} else if end > pos && r.rec[end-1] == '\n' {
			end--
		}
		// A double quote in it is a character of its text (encoding/csv's
		// LazyQuotes, what spreadsheets read): a TSV written by paste or
		// copied from a spreadsheet has cells like 'He said "yes".'.
		stop := end
		if end < len(r.rec) && r.rec[end] == '\n' && end > pos && r.rec[end-1] == '\r' {
			stop = end - 1
		}
		// The text is filled in below, from one string of the whole row.
		r.row.Cells = append(r.row.Cells, Cell{Offset: pos, Exact: true})
		r.plain = append(r.plain, [2]int{len(r.row.Cells) - 1, stop})
		if end < len(r.rec) && r.rec[end] == r.comma {
			pos = end + 1
			continue
		}
		break
	}
	if len(r.plain) > 0 {
		str := r.str
		switch {
		case r.reuse:
			str = unsafe.String(unsafe.SliceData(r.rec), len(r.rec))
		case !r.inStr:
			str = string(r.rec)
		}
		for _, p := range r.plain {
			c := &r.row.Cells[p[0]]
			*c = cell(str[c.Offset:p[1]], r.recAt+c.Offset, true)
		}
		r.plain = r.plain[:0]
	}
	for _, q := range r.unquote {
		c := &r.row.Cells[q[0]]
		var text string
		if q[2] > q[1] {
			text = unsafe.String(&r.unq[q[1]], q[2]-q[1])
		}
		*c = cell(text, c.Offset, false)
	}
	r.off += len(r.rec)
	n := bytes.Count(r.rec, []byte{'\n'})
	r.line += n
	r.oneLine = n == 0 || n == 1 && r.rec[len(r.rec)-1] == '\n'
	r.colAt, r.col = 0, 1
	return true, nil
}

// quotedCell reports whether the cell starting with a double quote at pos
// is quoted, as RFC 4180 writes a cell (over lines when its text has line
// breaks), or the quote is text of an unquoted cell, as a TSV made with
// paste from news copy has it: "Historically, ..." Mr. Adams said. (a
// sentence that opens with a quotation), or a quotation closed in a later
// row. Its line tells:
//
//   - a closing quote (the first that is not doubled) followed by the
//     separator or the line's end quotes the cell; followed by text, it
//     does not;
//   - with none, a line whose separators after the quote are just those
//     the row has left (by the first row's cells) completes the row: the
//     quote is text; other counts are a quoted text over lines;
//   - in the last column, with none, the first closing quote that follows
//     decides (see closesLater).
func (r *Reader) quotedCell(pos int) bool {
	line := r.rec[pos+1:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	if found, closes := r.firstClose(line); found {
		return closes
	}
	seps := bytes.Count(line, []byte{r.comma})
	if r.width == 0 {
		return seps == 0 // the first row: no count to go by
	}
	left := r.width - 1 - len(r.row.Cells)
	switch {
	case seps != left:
		return true
	case left > 0:
		return false
	}
	return r.closesLater()
}

// closesLater reports whether the first double quote in the input after
// the record read so far that is not doubled is followed by the separator
// or a line end, looking ahead in the reader's buffer (64 KiB) without
// reading: a quote that closes no cell there, or none, makes the quote
// that opens the last cell text.
func (r *Reader) closesLater() bool {
	if r.inBuf {
		// A view of the buffer, which looking ahead may move: copied.
		r.own = append(r.own[:0], r.rec...)
		r.rec, r.inBuf = r.own, false
	}
	ahead, _ := r.br.Peek(r.br.Size())
	_, closes := r.firstClose(ahead)
	return closes
}

// firstClose finds the first double quote of b that is not doubled: found
// is false when there is none, and closes says whether what follows it
// ends a cell (the separator, a line end, or the end of b).
func (r *Reader) firstClose(b []byte) (found, closes bool) {
	for i := 0; i < len(b); i++ {
		if b[i] != '"' {
			continue
		}
		if i+1 < len(b) && b[i+1] == '"' {
			i++
			continue
		}
		rest := b[i+1:]
		return true, len(rest) == 0 || rest[0] == r.comma || rest[0] == '\n' || len(rest) >= 2 && rest[0] == '\r' && rest[1] == '\n'
	}
	return false, false
}

// lineEnd reports whether the record ends at pos: a newline, CR LF, or the
// end of the file.
func (r *Reader) lineEnd(pos int) bool {
	rest := r.rec[pos:]
	return len(rest) == 0 || rest[0] == '\n' || len(rest) >= 2 && rest[0] == '\r' && rest[1] == '\n'
}
