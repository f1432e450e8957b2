package docformat

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
	"github.com/tilmash/tilmash/internal/xmlx"
)

// xmlScanner reads the XML of a DOCX part as a stream of start tags, end
// tags and character data, the tokens encoding/xml's RawToken gives, in a
// window of the input: memory follows the longest tag, not the part.
// It is what the DOCX reader needs and no more, and is much faster than
// encoding/xml (no allocation a token, no interfaces): a 110 MB
// document.xml takes a fraction of a second.
//
// It checks what a strict XML parser checks of the tokens it reads:
// names, quoted attribute values, entity and character references (only
// the five predefined entities: there is no DTD), characters outside XML's
// range and bad UTF-8, "--" in comments, "]]>" outside CDATA, end tags
// that do not match their start tag, the nesting depth, an unfinished
// document; and it refuses a DTD or any other <!…> declaration. Line ends
// in text and attribute values are normalized (CR LF and CR to LF).
type xmlScanner struct {
	src    io.Reader
	buf    []byte
	window int   // the window's size: buf's, unless a long tag grew it
	r, w   int   // the unread bytes are buf[r:w]
	base   int64 // input offset of buf[0]
	eof    bool
	err    error // a read error of src

	// line and col are the position of buf[0].
	line, col int

	kind    tokKind
	name    []byte // the element's qualified name (start and end tags)
	attrs   []xattr
	text    []byte // character data
	tokOff  int64  // input offset of the token
	pending bool   // a self-closing tag's end is the next token

	stack   []byte // the names of the open elements, one after another
	ends    []int  // the end of each open element's name in stack
	scratch []byte // decoded text or attribute values
	vals    []byte
	// nfcSafe says that the text (or value) decode gave last is made
	// only of characters that are in NFC whatever stands around them
	// (textenc.IsNFC's plain starters: ASCII, Latin, Cyrillic, general
	// punctuation), so the reader need not check its normalization.
	nfcSafe bool
}

type tokKind int

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// xattr is an attribute of a start tag; its value is decoded.
type xattr struct {
	name, value []byte
}

// maxTag is the longest tag, comment or processing instruction read.
const maxTag = 1 << 20

// scanWindow is the size of the window the input is read through, and
// minWindow the least: a part smaller than the window is read through a
// window of its size (clearing 256 KB for every small part of a DOCX —
// styles, numbering, notes, relationships — cost more than reading them).
const (
	scanWindow = 256 << 10
	minWindow  = 4 << 10
)

// errScan is a syntax error of the part at an input offset.
type errScan struct {
	off    int64
	line   int
	col    int
	reason string     // in English, as encoding/xml words it
	msg    locale.Msg // the scanner's own problems in the catalogue's words
}

// msgOf returns what is wrong as a catalogue message: the scanner's own,
// else the one xmlx finds for encoding/xml's words.
func (e *errScan) msgOf() locale.Msg {
	if e.msg.ID != "" {
		return e.msg
	}
	return xmlx.SyntaxReason(e.reason)
}

// failMsg is fail with the catalogue message id and data of the problem.
func (s *xmlScanner) failMsg(off int64, reason, id string, data map[string]any) error {
	err := s.fail(off, reason).(*errScan)
	err.msg = locale.Msg{ID: id, Data: data}
	return err
}

func (e *errScan) Error() string { return e.reason }

// newXMLScanner returns a scanner of src, whose size is size bytes, or
// unknown when size is negative: the window is no larger than the input
// (and one byte to see its end) needs.
func newXMLScanner(src io.Reader, size int64) *xmlScanner {
	window := scanWindow
	if size >= 0 && size < scanWindow {
		window = max(int(size)+1, minWindow)
	}
	return newXMLScannerWindow(src, window)
}

// newXMLScannerWindow returns a scanner of src that reads it through a
// window of window bytes.
func newXMLScannerWindow(src io.Reader, window int) *xmlScanner {
	return &xmlScanner{src: src, buf: make([]byte, window), window: window, line: 1, col: 1}
}

// fail returns the syntax error at input offset off (inside the window).
func (s *xmlScanner) fail(off int64, reason string) error {
	i := int(min(max(off-s.base, 0), int64(s.w)))
	l, c := textenc.Position(s.buf[:i], i)
	if l == 1 {
		l, c = s.line, s.col+c-1
	} else {
		l = s.line + l - 1
	}
	return &errScan{off: off, line: l, col: c, reason: reason}
}

// fill reads more input into the window, keeping buf[r:w] and making room
// for at least need more bytes in all. It reports false at the end of the
// input.
func (s *xmlScanner) fill(need int) bool {
	if s.eof {
		return false
	}
	if s.r > 0 {
		gone := s.buf[:s.r]
		if n := bytes.Count(gone, []byte{'\n'}); n > 0 {
			s.line += n
			s.col = 1 + runeCount(gone[bytes.LastIndexByte(gone, '\n')+1:])
		} else {
			s.col += runeCount(gone)
		}
		n := copy(s.buf, s.buf[s.r:s.w])
		s.base += int64(s.r)
		s.r, s.w = 0, n
	}
	if need > len(s.buf) {
		nb := make([]byte, max(need, 2*len(s.buf)))
		copy(nb, s.buf[:s.w])
		s.buf = nb
	}
	for s.w < len(s.buf) {
		n, err := s.src.Read(s.buf[s.w:])
		s.w += n
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.err = err
			}
			s.eof = true
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	return true
}

// runeCount counts the characters of p, valid UTF-8 (what the scanner has
// checked): its bytes that are not continuation bytes, eight at a time.
func runeCount(p []byte) int {
	const hi, lo7 = 0x8080808080808080, 0x4040404040404040
	cont := 0
	i := 0
	for ; i+8 <= len(p); i += 8 {
		x := binary.LittleEndian.Uint64(p[i:])
		// A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
		cont += bits.OnesCount64(x & hi & ^((x & lo7) << 1))
	}
	for ; i < len(p); i++ {
		if p[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(p) - cont
}

// Next reads the next token into s.kind, s.name, s.attrs, s.text. It
// returns io.EOF at a good end of the input.
func (s *xmlScanner) Next() error {
	if s.pending {
		s.pending = false
		s.kind = tokEnd
		return s.pop()
	}
	for {
		if s.r >= s.w && !s.fill(0) {
			if s.err != nil {
				return s.err
			}
			if len(s.ends) > 0 {
				return s.fail(s.base+int64(s.r), "unexpected EOF")
			}
			return io.EOF
		}
		s.tokOff = s.base + int64(s.r)
		if s.buf[s.r] != '<' {
			return s.chars()
		}
		// A markup construct: read it whole into the window.
		end, err := s.markupEnd()
		if err != nil {
			return err
		}
		m := s.buf[s.r:end]
		s.r = end
		ok, err := s.markup(m)
		if err != nil || ok {
			return err
		}
	}
}

// markupEnd returns the end (after its last byte) of the markup starting
// at s.r, reading more input as needed.
func (s *xmlScanner) markupEnd() (int, error) {
	for {
		p := s.buf[s.r:s.w]
		var end int
		switch {
		case len(p) > 1 && p[1] != '!' && p[1] != '?':
			end = tagEnd(p) // a start or end tag: nearly every markup
		case bytes.HasPrefix(p, []byte("<!--")):
			end = indexEnd(p, 4, "-->")
		case bytes.HasPrefix(p, []byte("<![CDATA[")):
			end = indexEnd(p, 9, "]]>")
		case bytes.HasPrefix(p, []byte("<?")):
			end = indexEnd(p, 2, "?>")
		case len(p) < 9 && !s.eof && (bytes.HasPrefix([]byte("<![CDATA["), p) || bytes.HasPrefix([]byte("<!--"), p)):
			end = -1 // too short to know yet
		default:
			end = tagEnd(p)
		}
		if end >= 0 {
			return s.r + end, nil
		}
		if s.w-s.r > maxTag {
			return 0, s.failMsg(s.tokOff, fmt.Sprintf("markup longer than %d bytes", maxTag), "formats.docx.long-markup", map[string]any{"Limit": maxTag})
		}
		if !s.fill(s.w - s.r + s.window) {
			if s.err != nil {
				return 0, s.err
			}
			return 0, s.fail(s.base+int64(s.w), "unexpected EOF")
		}
	}
}

// indexEnd returns the end of the first sep in p at or after i, or -1.
func indexEnd(p []byte, i int, sep string) int {
	if k := bytes.Index(p[i:], []byte(sep)); k >= 0 {
		return i + k + len(sep)
	}
	return -1
}

// tagEnd returns the end of the tag p starts with (after its '>'), or -1:
// a '>' inside a quoted attribute value does not end it.
func tagEnd(p []byte) int {
	var quote byte
	for i := 1; i < len(p); i++ {
		switch c := p[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// markup reads one markup construct m, whole. ok says it is a token.
func (s *xmlScanner) markup(m []byte) (ok bool, err error) {
	switch {
	case m[1] != '!' && m[1] != '?' && m[1] != '/':
		return true, s.startTag(m[1 : len(m)-1])
	case bytes.HasPrefix(m, []byte("<!--")):
		body := m[4 : len(m)-3]
		if len(m) < 7 || bytes.Contains(body, []byte("--")) || bytes.HasSuffix(body, []byte("-")) {
			return false, s.fail(s.tokOff, `invalid sequence "--" not allowed in comments`)
		}
		return false, nil
	case bytes.HasPrefix(m, []byte("<![CDATA[")):
		if len(m) < 12 {
			return false, s.fail(s.tokOff, "unexpected EOF in CDATA section")
		}
		t, err := s.decode(m[9:len(m)-3], 0, true, s.tokOff+9)
		if err != nil {
			return false, err
		}
		s.kind, s.text = tokText, t
		return true, nil
	case bytes.HasPrefix(m, []byte("<?")):
		return false, s.procInst(m[2 : len(m)-2])
	case bytes.HasPrefix(m, []byte("<!")):
		return false, s.failMsg(s.tokOff, "a DTD (<!DOCTYPE …>) is not allowed in a DOCX part", "formats.docx.dtd", nil)
	case bytes.HasPrefix(m, []byte("</")):
		name, rest := splitName(m[2 : len(m)-1])
		if !isXMLName(name) {
			return false, s.fail(s.tokOff, "expected element name after </")
		}
		if len(bytes.TrimLeft(rest, " \t\r\n")) > 0 {
			return false, s.fail(s.tokOff, "invalid characters between </"+string(name)+" and >")
		}
		s.kind, s.name = tokEnd, name
		return true, s.pop()
	}
	return true, s.startTag(m[1 : len(m)-1])
}

// procInst checks a processing instruction: the XML declaration's version
// and encoding.
func (s *xmlScanner) procInst(p []byte) error {
	target, rest := splitName(p)
	if !isXMLName(target) {
		return s.fail(s.tokOff, "expected target name after <?")
	}
	if len(rest) > 0 && !isSpaceByte(rest[0]) {
		return s.fail(s.tokOff, "expected target name after <?")
	}
	if string(target) == "xml" {
		content := string(rest)
		if v := procInst("version", content); v != "" && v != "1.0" {
			return s.fail(s.tokOff, fmt.Sprintf("unsupported version %q; only version 1.0 is supported", v))
		}
		if enc := strings.ToLower(procInst("encoding", content)); enc != "" && enc != "utf-8" && enc != "utf8" {
			return s.fail(s.tokOff, fmt.Sprintf("unsupported encoding %q", enc))
		}
	}
	return nil
}

// procInst returns the value of param in the content of an XML
// declaration, as encoding/xml reads it.
func procInst(param, s string) string {
	// It is a pseudo-attribute: param="value" or param='value'.
	param = param + "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// startTag reads the inside of a start tag, between < and >.
func (s *xmlScanner) startTag(p []byte) error {
	name, rest := splitName(p)
	if !isXMLName(name) {
		return s.fail(s.tokOff, "expected element name after <")
	}
	s.kind, s.name, s.attrs = tokStart, name, s.attrs[:0]
	s.vals = s.vals[:0]
	off := s.tokOff + 1 + int64(len(name))
	for {
		n := len(rest)
		rest = trimSpace(rest)
		off += int64(n - len(rest))
		if len(rest) == 0 {
			break
		}
		if len(rest) == 1 && rest[0] == '/' {
			s.pending = true
			break
		}
		if n == len(rest) {
			return s.fail(off, "expected space before attribute in element <"+string(name)+">")
		}
		an, r := splitName(rest)
		if !isXMLName(an) {
			return s.fail(off, "expected attribute name in element")
		}
		r = trimSpace(r)
		if len(r) == 0 || r[0] != '=' {
			return s.fail(off, "attribute name without = in element")
		}
		r = trimSpace(r[1:])
		if len(r) == 0 || (r[0] != '"' && r[0] != '\'') {
			return s.fail(off, "unquoted or missing attribute value in element")
		}
		q := r[0]
		k := bytes.IndexByte(r[1:], q)
		if k < 0 {
			return s.fail(off, "unexpected EOF")
		}
		raw := r[1 : 1+k]
		voff := s.tokOff + int64(len(p)-len(r)) + 2
		if bytes.IndexByte(raw, '<') >= 0 {
			return s.fail(voff, "unescaped < inside quoted string")
		}
		v, err := s.decode(raw, q, false, voff)
		if err != nil {
			return err
		}
		if len(s.scratch) > 0 && len(v) > 0 && &v[0] == &s.scratch[0] {
			// Decoded into the scratch buffer: keep a copy, the next
			// value reuses it.
			at := len(s.vals)
			s.vals = append(s.vals, v...)
			v = s.vals[at:len(s.vals):len(s.vals)]
		}
		s.attrs = append(s.attrs, xattr{name: an, value: v})
		rest = r[2+k:]
		off = s.tokOff + 1 + int64(len(p)-len(rest))
	}
	if len(s.ends) >= maxXMLDepth {
		return s.failMsg(s.tokOff, fmt.Sprintf("elements nest deeper than %d levels", maxXMLDepth), "formats.xml.too-deep", map[string]any{"Limit": maxXMLDepth})
	}
	s.stack = append(s.stack, name...)
	s.ends = append(s.ends, len(s.stack))
	return nil
}

// pop closes the innermost open element, which must be s.name.
func (s *xmlScanner) pop() error {
	n := len(s.ends)
	if n == 0 {
		return s.fail(s.tokOff, "unexpected end element </"+string(s.name)+">")
	}
	from := 0
	if n > 1 {
		from = s.ends[n-2]
	}
	open := s.stack[from:s.ends[n-1]]
	if !bytes.Equal(open, s.name) {
		return s.fail(s.tokOff, "element <"+string(open)+"> closed by </"+string(s.name)+">")
	}
	s.name = open
	s.stack, s.ends = s.stack[:from], s.ends[:n-1]
	return nil
}

// chars reads character data up to the next markup, or a piece of it when
// it is longer than the window.
func (s *xmlScanner) chars() error {
	for {
		p := s.buf[s.r:s.w]
		k := bytes.IndexByte(p, '<')
		if k < 0 && !s.eof && len(p) < s.window/2 {
			s.fill(0)
			continue
		}
		if k < 0 {
			k = len(p)
			if !s.eof {
				// A piece: cut before a reference or "]]" that may go on
				// past the window, and at the start of a character.
				if a := bytes.LastIndexByte(p[max(k-16, 0):], '&'); a >= 0 {
					k = max(k-16, 0) + a
				}
				for k > 0 && (p[k-1] == ']' || p[k-1] == '\r') {
					k--
				}
				if k < len(p) {
					for k > 0 && p[k]&0xC0 == 0x80 {
						k--
					}
				} else {
					j := k
					for j > 0 && k-j < utf8.UTFMax && p[j-1]&0xC0 == 0x80 {
						j--
					}
					if j > 0 && !utf8.FullRune(p[j-1:k]) {
						k = j - 1
					}
				}
				if k == 0 {
					k = len(p) // cannot happen with a window of this size
				}
			}
		}
		t, err := s.decode(p[:k], 0, false, s.tokOff)
		if err != nil {
			return err
		}
		s.r += k
		s.kind, s.text = tokText, t
		return nil
	}
}

// decode checks and decodes text (quote 0, or CDATA when called from
// markup) or an attribute value quoted with quote: references replaced,
// line ends normalized. The result is p itself when nothing changes, else
// the scratch buffer. off is p's input offset, for errors.
func (s *xmlScanner) decode(p []byte, quote byte, cdata bool, off int64) ([]byte, error) {
	i := 0
	safe := true
	for ; i < len(p); i++ {
		c := p[i]
		// The common characters first, by a table: one load and jump
		// for each character of a Cyrillic text.
		switch decodeClass[c] {
		case dcPlain:
			continue
		case dcStarter2:
			if i+1 < len(p) && p[i+1]&0xC0 == 0x80 {
				i++
				continue
			}
		case dcCheck2:
			if i+1 < len(p) && p[i+1]&0xC0 == 0x80 {
				if !nfcStarter2(c, p[i+1]) {
					safe = false
				}
				i++
				continue
			}
		}
		if c == ']' {
			if !cdata && quote == 0 && i+2 < len(p) && p[i+1] == ']' && p[i+2] == '>' {
				return nil, s.fail(off+int64(i), "unescaped ]]> not in CDATA section")
			}
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(p[i:])
			if r == utf8.RuneError && n == 1 {
				return nil, s.fail(off+int64(i), "invalid UTF-8")
			}
			if !inCharRange(r) {
				return nil, s.fail(off+int64(i), fmt.Sprintf("illegal character code %U", r))
			}
			if r < 0x2010 || r > 0x2064 {
				safe = false
			}
			i += n - 1
			continue
		}
		if c == '&' && cdata {
			continue
		}
		if c == '&' || c == '\r' {
			break
		}
		return nil, s.fail(off+int64(i), fmt.Sprintf("illegal character code %U", rune(c)))
	}
	if i == len(p) {
		s.nfcSafe = safe
		return p, nil
	}
	s.nfcSafe = false // references may give any character
	out := append(s.scratch[:0], p[:i]...)
	for ; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(p) && p[i+1] == '\n' {
				i++
			}
		case c == '&' && !cdata:
			r, n, ok := entity(p[i:])
			if !ok {
				e := p[i:min(i+n, len(p))]
				ent := string(e)
				if !bytes.HasSuffix(e, []byte(";")) {
					ent += " (no semicolon)"
				}
				return nil, s.fail(off+int64(i), "invalid character entity "+ent)
			}
			if !inCharRange(r) {
				return nil, s.fail(off+int64(i), fmt.Sprintf("illegal character code %U", r))
			}
			out = utf8.AppendRune(out, r)
			i += n - 1
		case c == ']':
			if !cdata && quote == 0 && i+2 < len(p) && p[i+1] == ']' && p[i+2] == '>' {
				return nil, s.fail(off+int64(i), "unescaped ]]> not in CDATA section")
			}
			out = append(out, c)
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(p[i:])
			if r == utf8.RuneError && n == 1 {
				return nil, s.fail(off+int64(i), "invalid UTF-8")
			}
			if !inCharRange(r) {
				return nil, s.fail(off+int64(i), fmt.Sprintf("illegal character code %U", r))
			}
			out = append(out, p[i:i+n]...)
			i += n - 1
		case c < 0x20 && c != '\t' && c != '\n':
			return nil, s.fail(off+int64(i), fmt.Sprintf("illegal character code %U", rune(c)))
		default:
			out = append(out, c)
		}
	}
	s.scratch = out
	return out, nil
}

// The classes of decodeClass.
const (
	dcOther    = iota // looked at one by one
	dcPlain           // ASCII that text holds as it is: not &, ], CR or a control character
	dcStarter2        // the first byte of U+0080–U+02FF, U+0400–U+047F, U+04C0–U+04FF
	dcCheck2          // the first byte of another two-byte character
)

// decodeClass is the class of each byte for decode: static data, 32
// bytes a line, which TestDecodeClassTable holds to its definition.
var decodeClass = [256]byte{
	0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x0
	1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x20
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, // 0x40
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x60
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x80
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xa0
	0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 2, 2, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, // 0xc0
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0xe0
}

// nfcStarter2 reports whether the two-byte character c, c1 (c from 0xCC
// on) is U+0400–U+0482 or U+048A–U+052F, plain starters that no
// normalization changes (see textenc.IsNFC).
func nfcStarter2(c, c1 byte) bool {
	switch c {
	case 0xD0, 0xD1, 0xD3: // U+0400–U+047F, U+04C0–U+04FF
		return true
	case 0xD2: // U+0480–U+04BF, but the combining U+0483–U+0489
		return c1 < 0x83 || c1 > 0x89
	case 0xD4: // U+0500–U+052F
		return c1 < 0xB0
	}
	return false
}

// entity reads the reference p starts with: one of the five predefined
// entities or a character reference. n is its length (up to where it
// went wrong when !ok).
func entity(p []byte) (r rune, n int, ok bool) {
	semi := bytes.IndexByte(p[:min(len(p), 32)], ';')
	if semi < 0 {
		k := 1
		for k < len(p) && k < 32 && (isNameByte(p[k]) || p[k] == '#') {
			k++
		}
		return 0, k, false
	}
	ref := p[1:semi]
	n = semi + 1
	if len(ref) > 1 && ref[0] == '#' {
		base, digits := 10, ref[1:]
		if digits[0] == 'x' {
			base, digits = 16, digits[1:]
		}
		if len(digits) == 0 {
			return 0, n, false
		}
		for _, c := range digits {
			if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
				return 0, n, false
			}
		}
		v, err := strconv.ParseUint(string(digits), base, 64)
		if err != nil || v > unicode.MaxRune {
			return 0, n, false
		}
		return rune(v), n, true
	}
	switch string(ref) {
	case "lt":
		return '<', n, true
	case "gt":
		return '>', n, true
	case "amp":
		return '&', n, true
	case "apos":
		return '\'', n, true
	case "quot":
		return '"', n, true
	}
	return 0, n, false
}

// inCharRange reports whether r is a character XML allows.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// splitName cuts the name p starts with (up to a byte that names do not
// hold: white space, '/', '>', '=', quotes…) from the rest.
func splitName(p []byte) (name, rest []byte) {
	i := 0
	for i < len(p) && (p[i] >= utf8.RuneSelf || isNameByte(p[i])) {
		i++
	}
	return p[:i], p[i:]
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// trimSpace is bytes.TrimLeft(p, " \t\r\n") without building a set
// each call.
func trimSpace(p []byte) []byte {
	for len(p) > 0 && isSpaceByte(p[0]) {
		p = p[1:]
	}
	return p
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// isXMLName reports whether p is an XML name with at most one colon, not
// first or last: an ASCII letter, '_' or a Unicode letter first, then
// those, digits, '.', '-' and combining marks.
func isXMLName(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	if c := bytes.Count(p, []byte{':'}); c > 1 {
		return false
	}
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if i == 0 && ('0' <= c && c <= '9' || c == '.' || c == '-') {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if !unicode.IsLetter(r) && (i == 0 || !unicode.In(r, unicode.Digit, unicode.Mn, unicode.Mc, unicode.Me, unicode.Lm)) {
			return false
		}
		i += n
	}
	return true
}

// prefix splits a qualified name into its prefix and local part as
// encoding/xml does: a name without a colon, or with one first or last,
// has no prefix.
func prefix(q []byte) (pfx, local []byte) {
	i := bytes.IndexByte(q, ':')
	if i <= 0 || i == len(q)-1 {
		return nil, q
	}
	return q[:i], q[i+1:]
}
