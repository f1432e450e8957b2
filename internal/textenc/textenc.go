// Package textenc turns the bytes of an input file into UTF-8 text and
// finds places in that text. Every reader of outside files (TMX, TBX, SRX,
// CSV and TSV, imported documents) decodes with [Decode], so they agree on
// which files are UTF-16 and on what a byte-order mark is; and they turn
// byte offsets into line:column with [Locator], so their positions agree
// with what an editor shows.
//
// # What is recognised
//
//   - A UTF-8 byte-order mark (EF BB BF) is dropped.
//   - A UTF-16 byte-order mark (FF FE little endian, FE FF big endian)
//     switches to UTF-16 of that order.
//   - Without a mark, a file whose first two characters are UTF-16 code
//     units with a zero high byte and a non-zero low byte (one zero byte in
//     each two-byte unit: "<\0?\0" or "e\0n\0") is UTF-16 of the order
//     that zero byte gives, as in appendix F of the XML specification.
//     UTF-8 text never holds a zero byte there, so UTF-8 is never taken
//     for UTF-16; Trados and spreadsheets' "Unicode text" write such files.
//   - Anything else is taken as it is (UTF-8, or an encoding an XML
//     declaration names, which the XML reader handles).
package textenc

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Encoding names what [Decode] found.
type Encoding string

// The encodings [Decode] recognises.
const (
	UTF8    Encoding = "UTF-8"
	UTF16LE Encoding = "UTF-16LE"
	UTF16BE Encoding = "UTF-16BE"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Sniff reports the encoding of data and the length of its byte-order
// mark (0 when there is none).
func Sniff(data []byte) (Encoding, int) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return UTF8, 3
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return UTF16LE, 2
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return UTF16BE, 2
	case zeroHigh(data, 1):
		return UTF16LE, 0
	case zeroHigh(data, 0):
		return UTF16BE, 0
	}
	return UTF8, 0
}

// zeroHigh reports whether data starts with two UTF-16 code units whose
// high byte is zero and low byte is not. zero is where the high byte sits
// in each unit: 0 for big endian, 1 for little endian.
func zeroHigh(data []byte, zero int) bool {
	if len(data) < 4 {
		return false
	}
	for i := 0; i < 4; i += 2 {
		if data[i+zero] != 0 || data[i+1-zero] == 0 {
			return false
		}
	}
	return true
}

// Decode returns data as text without a byte-order mark: UTF-16 is
// converted to UTF-8, other input is returned as it is (without a UTF-8
// mark), so an offset into UTF-8 input is the offset in the file minus the
// mark's length. It does not check that UTF-8 input is valid; see
// [InvalidUTF8].
func Decode(data []byte) ([]byte, Encoding, error) {
	enc, bom := Sniff(data)
	switch enc {
	case UTF16LE, UTF16BE:
		order := unicode.LittleEndian
		if enc == UTF16BE {
			order = unicode.BigEndian
		}
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data[bom:])
		if err != nil {
			return nil, enc, fmt.Errorf("bad %s: %v", enc, err)
		}
		return out, enc, nil
	}
	return data[bom:], UTF8, nil
}

// InvalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1.
//
// It is one pass, with fast paths for runs of ASCII and for two-byte
// sequences (Cyrillic, accented Latin), where utf8.Valid decodes rune by
// rune: checking tens of megabytes of Russian or Kazakh text before
// segmenting it took as long as a third of the segmentation.
func InvalidUTF8(data []byte) int {
	n := len(data)
	for i := 0; i < n; {
		if i+8 <= n {
			x := binary.LittleEndian.Uint64(data[i:])
			if x&0x8080808080808080 == 0 {
				i += 8
				continue
			}
			if k := validShort(x); k > 0 {
				i += k
				continue
			}
		}
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// A lead byte C2-DF and a continuation byte are always a valid
		// rune (U+0080-U+07FF).
		if c >= 0xC2 && c <= 0xDF && i+1 < n && data[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// validShort returns how many of the eight bytes of x (the first in its low byte) are whole
// characters of one or two bytes, ASCII or a lead byte C2-DF followed by a continuation byte:
// 8, or 7 when the last is such a lead byte, or 0 when some byte is not such a character. Russian
// and Kazakh text is such characters and spaces, so it is checked eight bytes at a time wherever
// its words and spaces fall, where a check of eight ASCII bytes at a time stopped at every word.
func validShort(x uint64) int {
	const top = 0x8080808080808080
	hi := x & top         // bit 7 of each byte
	b6 := (x << 1) & top  // bit 6
	b5 := (x << 2) & top  // bit 5
	cont := hi &^ b6      // 10xxxxxx
	lead := hi & b6 &^ b5 // 110xxxxx
	// a lead byte of C0 or C1 (bits 4 to 1 clear) encodes ASCII in two bytes: not UTF-8
	low := (x<<3 | x<<4 | x<<5 | x<<6) & top
	switch {
	case hi&b6&b5 != 0 || lead&^low != 0 || cont != lead<<8:
		return 0
	case lead>>56 != 0:
		return 7 // the last byte starts a character the next eight bytes hold
	}
	return 8
}

// Locator turns byte offsets of a UTF-8 text into 1-based lines and
// columns, the column counted in characters (what editors show). Offsets
// asked for mostly grow, so it walks on from the last one: locating every
// segment of a file, even one long line of minified XML, costs one pass.
// An offset before the last one is walked to from the start of its line,
// found among the line starts passed so far: the findings of a table's
// rows, asked for row by row but each row's languages in any order, cost
// a walk along a line each, not along the file (a TSV memory of 3,000 rows
// walked its whole text back and forth for each).
// Its zero value is not usable; see [NewLocator].
type Locator struct {
	data      []byte
	off       int
	line, col int
	// starts holds the byte offset of the start of every line after the
	// first that the walk has reached, in order: line k+2 starts at
	// starts[k].
	starts []int
}

// NewLocator returns a Locator over data.
func NewLocator(data []byte) *Locator { return &Locator{data: data, line: 1, col: 1} }

// At returns the line and column of byte offset off (clamped to the text).
func (l *Locator) At(off int) (line, col int) {
	off = min(max(off, 0), len(l.data))
	if off < l.off {
		// Back to the start of off's line: the last start at or before
		// off (line 1 starts at 0).
		k := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
		l.off, l.line, l.col = 0, k+1, 1
		if k > 0 {
			l.off = l.starts[k-1]
		}
	}
	for l.off < off {
		c := l.data[l.off]
		switch {
		case c == '\n':
			l.line++
			l.col = 1
			l.off++
			if n := len(l.starts); n == 0 || l.starts[n-1] < l.off {
				l.starts = append(l.starts, l.off)
			}
		case c < utf8.RuneSelf:
			l.col++
			l.off++
		default:
			_, n := utf8.DecodeRune(l.data[l.off:])
			l.col++
			l.off += n
		}
	}
	return l.line, l.col
}

// Position returns the line and column of byte offset off of text.
func Position(text []byte, off int) (line, col int) { return NewLocator(text).At(off) }

// IsNFC reports whether s is in Unicode normalization form C. Text in
// the scripts of tilmash's languages is checked rune by rune without
// tables: ASCII, Latin-1 and the Latin letters below U+0300, the Cyrillic
// letters (Kazakh ә ғ қ ң ө ұ ү һ і among them) and the general
// punctuation (dashes, quotes, ellipsis) are starters that no
// normalization changes. From the first other rune on, the norm
// package decides. A long article is checked at memory speed rather
// than through the normalization tables.
func IsNFC[T string | []byte](s T) bool {
	prev := 0 // where the last rune known to be a plain starter begins
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// Eight bytes at a time while they are ASCII and letters of the Russian alphabet
			// (U+0400-U+047F, lead byte D0 or D1): checked one rune at a time, Russian text
			// took a hundredth of align-files.
			t := s[i : i+8]
			x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			// Each byte ASCII, or a lead byte D0 or D1 (110100 0x) followed by a continuation
			// byte: validShort's test, with the lead bytes' bits 4 to 1 as well, inlined (a
			// call cost as much as the steps saved).
			const top = 0x8080808080808080
			hi, b6, b5 := x&top, (x<<1)&top, (x<<2)&top
			cont, lead := hi&^b6, hi&b6&^b5
			if hi&b6&b5 == 0 && cont == lead<<8 && lead&^(x<<3) == 0 && lead&(x<<4|x<<5|x<<6) == 0 {
				k := 8
				if lead>>56 != 0 {
					k = 7 // the last byte starts a letter the next eight bytes hold
				}
				prev = i + k - 1 // the last rune's start: its only byte, or its lead byte
				if t[k-1] >= utf8.RuneSelf {
					prev--
				}
				i += k
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			prev = i
			i++
			continue
		}
		// Two- and three-byte sequences decoded by hand: s may be
		// either type, and a conversion would copy.
		r, n := rune(-1), 1
		switch {
		case c&0xE0 == 0xC0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		}
		if r >= 0x80 && r < 0x300 && n == 2 || r >= 0x400 && r <= 0x482 || r >= 0x48A && r <= 0x52F || r >= 0x2010 && r <= 0x2064 && n == 3 {
			prev = i
			i += n
			continue
		}
		return norm.NFC.IsNormalString(string(s[prev:]))
	}
	return true
}

// ValidNFC reports whether s is valid UTF-8 in normalization form C: in
// one pass, for the runes [IsNFC] decodes by hand are valid UTF-8 already.
func ValidNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c&0xE0 == 0xC0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F); r >= 0x80 && r < 0x300 || r >= 0x400 && r <= 0x482 || r >= 0x48A && r <= 0x52F {
				i += 2
				continue
			}
		}
		// Back to the last ASCII byte, a starter that never composes
		// with what comes before it, for the rest.
		j := i
		for j > 0 && s[j-1] >= utf8.RuneSelf {
			j--
		}
		if j > 0 {
			j--
		}
		return utf8.ValidString(s[j:]) && IsNFC(s[j:])
	}
	return true
}

// AppendJSONString appends s as a JSON string the way encoding/json writes
// it with HTML escaping off: \" \\ \b \f \n \r \t, other control characters
// as \u00XX, U+2028 and U+2029 escaped, and every byte of invalid UTF-8 as
// \ufffd (TestAppendJSONString compares the two).
func AppendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		// Two-byte sequences (Cyrillic) are always valid and never
		// U+2028 or U+2029: no need to decode them.
		if b := s[i]; b >= 0xC2 && b <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// ConflictMarker returns the byte offset of the line that opens a merge
// conflict git (or another version control tool) left in data, -1 when
// there is none. A conflict is a line beginning with seven '<' followed by
// a space or the line's end, then a line of exactly seven '=', then a line
// beginning with seven '>' (a space or the end after them), in that order:
// all three, so a Markdown heading underlined with "=======" or a quote
// of ">>>>>>>" alone is never taken for one. A carriage return before the
// line feed is allowed (a file checked out with CRLF line endings).
func ConflictMarker(data []byte) int {
	if !bytes.Contains(data, []byte("<<<<<<<")) {
		return -1 // the common case, at memchr speed
	}
	open, sep, at := -1, false, -1
	eachLine(data, func(off int, line []byte) bool {
		switch {
		case markerLine(line, '<'):
			open, sep = off, false
		case open >= 0 && string(line) == "=======":
			sep = true
		case open >= 0 && sep && markerLine(line, '>'):
			at = open
			return false
		}
		return true
	})
	return at
}

// BaseMarker returns the byte offset of a line that opens the base's lines
// of a conflict as git writes them with merge.conflictStyle diff3 (and
// tilmash's merge driver always): seven '|' followed by a space or the
// line's end; -1 when there is none. Alone, after a person deleted the
// other markers of a conflict, it is no longer a [ConflictMarker]; in a
// YAML file such a line can be nothing else, so its readers ask for it.
func BaseMarker(data []byte) int {
	if !bytes.Contains(data, []byte("|||||||")) {
		return -1
	}
	at := -1
	eachLine(data, func(off int, line []byte) bool {
		if markerLine(line, '|') {
			at = off
			return false
		}
		return true
	})
	return at
}

// eachLine calls f with the byte offset and the text of each line of data
// (without its "\n", or "\r\n"), in order, until f returns false.
func eachLine(data []byte, f func(off int, line []byte) bool) {
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		if !f(off, bytes.TrimSuffix(data[off:end], []byte{'\r'})) {
			return
		}
		off = end + 1
	}
}

// markerLine reports whether line begins with seven c and then a space or
// nothing.
func markerLine(line []byte, c byte) bool {
	if len(line) < 7 || len(line) > 7 && line[7] != ' ' {
		return false
	}
	for _, b := range line[:7] {
		if b != c {
			return false
		}
	}
	return true
}
