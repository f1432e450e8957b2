package document

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/lazy"
)

// This file holds what the alignment codec needs to know about how
// gopkg.in/yaml.v3 (v3.0.1) writes a string: which scalar style its
// emitter picks and the bytes it writes for it. The rules follow the
// emitter's yaml_emitter_analyze_scalar, yaml_emitter_select_scalar_style
// and the scalar writers, and the resolver's resolve, for the encoder
// settings Alignment.marshalYAML uses (indent 2, no line width limit,
// unicode output). The compatibility tests compare every byte with yaml.v3.

// scalarStyle is a scalar's written form.
type scalarStyle int

const (
	stylePlain scalarStyle = iota
	styleSingle
	styleDouble
	styleOther // a block scalar or a multi-line quoted one: the codec leaves it to yaml.v3
)

// scalarFlags is what yaml_emitter_analyze_scalar finds in a value.
type scalarFlags struct {
	multiline                          bool
	flowPlain, blockPlain, single, blk bool
}

func isBreakAt(s string, i int) bool {
	switch s[i] {
	case '\r', '\n':
		return true
	case 0xC2:
		return i+1 < len(s) && s[i+1] == 0x85
	case 0xE2:
		return i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)
	}
	return false
}

func isBlankAt(s string, i int) bool { return s[i] == ' ' || s[i] == '\t' }

// isPrintableAt is yaml.v3's is_printable: LF, ASCII 0x20-0x7E and the
// BMP above 0xA0 except surrogates, U+FEFF, U+FFFE and U+FFFF. Characters
// outside the BMP count as not printable.
func isPrintableAt(s string, i int) bool {
	b := s[i]
	var b1, b2 byte
	if i+1 < len(s) {
		b1 = s[i+1]
	}
	if i+2 < len(s) {
		b2 = s[i+2]
	}
	return b == 0x0A ||
		b >= 0x20 && b <= 0x7E ||
		b == 0xC2 && b1 >= 0xA0 ||
		b > 0xC2 && b < 0xED ||
		b == 0xED && b1 < 0xA0 ||
		b == 0xEE ||
		b == 0xEF && !(b1 == 0xBB && b2 == 0xBF) && !(b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF))
}

func runeWidth(b byte) int {
	switch {
	case b&0x80 == 0:
		return 1
	case b&0xE0 == 0xC0:
		return 2
	case b&0xF0 == 0xE0:
		return 3
	case b&0xF8 == 0xF0:
		return 4
	}
	return 0
}

// analyzeScalar is yaml_emitter_analyze_scalar for valid UTF-8.
func analyzeScalar(s string) scalarFlags {
	if len(s) == 0 {
		return scalarFlags{blockPlain: true, single: true}
	}
	var blockInd, flowInd, lineBreaks, special, tabs bool
	var leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak bool
	var prevSpace, prevBreak bool
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		blockInd, flowInd = true, true
	}
	precededByWS := true
	for i, w := 0, 0; i < len(s); i += w {
		w = runeWidth(s[i])
		followedByWS := i+w >= len(s) || isBlankAt(s, i+w)
		c := s[i]
		if i == 0 {
			switch c {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				flowInd, blockInd = true, true
			case '?', ':':
				flowInd = true
				if followedByWS {
					blockInd = true
				}
			case '-':
				if followedByWS {
					flowInd, blockInd = true, true
				}
			}
		} else {
			switch c {
			case ',', '?', '[', ']', '{', '}':
				flowInd = true
			case ':':
				flowInd = true
				if followedByWS {
					blockInd = true
				}
			case '#':
				if precededByWS {
					flowInd, blockInd = true, true
				}
			}
		}
		// The character's classes; ASCII and the letters of Cyrillic
		// and most scripts decide without a call.
		printable, brk := true, false
		switch {
		case c >= 0x20 && c < 0x7F, c > 0xC2 && c < 0xED && c != 0xE2:
		case c == '\n':
			brk = true
		case c == '\t':
			tabs = true
		case c < 0x80:
			printable, brk = false, c == '\r'
		default:
			printable, brk = isPrintableAt(s, i), isBreakAt(s, i)
		}
		if !printable {
			special = true
		}
		switch {
		case c == ' ':
			if i == 0 {
				leadingSpace = true
			}
			if i+w == len(s) {
				trailingSpace = true
			}
			if prevBreak {
				breakSpace = true
			}
			prevSpace, prevBreak = true, false
		case brk:
			lineBreaks = true
			if i == 0 {
				leadingBreak = true
			}
			if i+w == len(s) {
				trailingBreak = true
			}
			if prevSpace {
				spaceBreak = true
			}
			prevSpace, prevBreak = false, true
		default:
			prevSpace, prevBreak = false, false
		}
		precededByWS = c == ' ' || c == '\t' || c == 0 || brk
	}
	f := scalarFlags{multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, blk: true}
	if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
		f.flowPlain, f.blockPlain = false, false
	}
	if trailingSpace {
		f.blk = false
	}
	if breakSpace {
		f.flowPlain, f.blockPlain, f.single = false, false, false
	}
	if spaceBreak || tabs || special {
		f.flowPlain, f.blockPlain, f.single = false, false, false
	}
	if spaceBreak || special {
		f.blk = false
	}
	if lineBreaks {
		f.flowPlain, f.blockPlain = false, false
	}
	if flowInd {
		f.flowPlain = false
	}
	if blockInd {
		f.blockPlain = false
	}
	return f
}

// strStyle is the style yaml.v3 writes a !!str scalar node of value s in,
// inside a flow collection (flow) or as a simple mapping key (key). The
// value must be valid UTF-8.
func strStyle(s string, flow, key bool) scalarStyle {
	f := analyzeScalar(s)
	style := stylePlain
	switch {
	case strings.Contains(s, "\n"):
		style = styleOther // literal, unless the emitter refuses it below
	case !resolvesToStr(s):
		style = styleDouble // forceQuoting
	}
	if key && f.multiline {
		style = styleDouble
	}
	if style == stylePlain {
		if flow && !f.flowPlain || !flow && !f.blockPlain {
			style = styleSingle
		}
		if len(s) == 0 && (flow || key) {
			style = styleSingle
		}
	}
	if style == styleSingle && !f.single {
		style = styleDouble
	}
	if style == styleOther && (!f.blk || flow || key) {
		style = styleDouble
	}
	if style == styleSingle && f.multiline {
		style = styleOther // written over several lines
	}
	return style
}

// appendScalar appends s as yaml.v3 writes it as a !!str scalar in the
// given context. ok is false when the codec does not write that form
// itself (invalid UTF-8, a block scalar, a multi-line quoted scalar, a
// key yaml.v3 would write in the complex "? " form).
func appendScalar(b []byte, s string, flow, key bool) ([]byte, bool) {
	if !utf8.ValidString(s) || key && (len(s) > 128 || analyzeScalar(s).multiline) {
		return b, false
	}
	switch strStyle(s, flow, key) {
	case stylePlain:
		return append(b, s...), true
	case styleSingle:
		b = append(b, '\'')
		for {
			i := strings.IndexByte(s, '\'')
			if i < 0 {
				break
			}
			b = append(b, s[:i+1]...)
			b = append(b, '\'')
			s = s[i+1:]
		}
		b = append(b, s...)
		return append(b, '\''), true
	case styleDouble:
		return appendDoubleQuoted(b, s), true
	}
	return b, false
}

// appendDoubleQuoted is yaml_emitter_write_double_quoted_scalar without
// line folding (the codec's width is unlimited). Its check for a
// byte-order mark looks at the start of the value for every character, so
// a value that starts with one has every character escaped.
func appendDoubleQuoted(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	escapeAll := strings.HasPrefix(s, "\ufeff")
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if !escapeAll && c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' {
			// the common case, and never escaped
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x7E && s[j] != '"' && s[j] != '\\' {
				j++
			}
			b = append(b, s[i:j]...)
			i = j
			continue
		}
		w := runeWidth(c)
		if !escapeAll && c != '"' && c != '\\' && isPrintableAt(s, i) && !isBreakAt(s, i) {
			b = append(b, s[i:i+w]...)
			i += w
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		i += w
		b = append(b, '\\')
		switch r {
		case 0x00:
			b = append(b, '0')
		case 0x07:
			b = append(b, 'a')
		case 0x08:
			b = append(b, 'b')
		case 0x09:
			b = append(b, 't')
		case 0x0A:
			b = append(b, 'n')
		case 0x0B:
			b = append(b, 'v')
		case 0x0C:
			b = append(b, 'f')
		case 0x0D:
			b = append(b, 'r')
		case 0x1B:
			b = append(b, 'e')
		case 0x22:
			b = append(b, '"')
		case 0x5C:
			b = append(b, '\\')
		case 0x85:
			b = append(b, 'N')
		case 0xA0:
			b = append(b, '_')
		case 0x2028:
			b = append(b, 'L')
		case 0x2029:
			b = append(b, 'P')
		default:
			n := 8
			switch {
			case r <= 0xFF:
				b, n = append(b, 'x'), 2
			case r <= 0xFFFF:
				b, n = append(b, 'u'), 4
			default:
				b = append(b, 'U')
			}
			for k := (n - 1) * 4; k >= 0; k -= 4 {
				b = append(b, hex[(r>>uint(k))&0xF])
			}
		}
	}
	return append(b, '"')
}

// resolvesToStr reports whether yaml.v3 reads s, written plain, as a
// string (its resolve gives !!str): not null, a bool, a number, a
// timestamp or the merge key.
func resolvesToStr(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		return !resolvesToNumber(s)
	case c == '.':
		if isResolveWord(s) {
			return false
		}
		_, err := strconv.ParseFloat(s, 64)
		return err != nil
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		if len(s) > 5 {
			return true
		}
		return !isResolveWord(s)
	}
	return true
}

// isResolveWord reports the plain scalars yaml.v3 resolves from its table.
func isResolveWord(s string) bool {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE",
		"~", "null", "Null", "NULL",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
		"+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return true
	}
	return false
}

var yamlStyleFloat = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
}}

// resolvesToNumber is resolve's branch for a value starting with a sign
// or a digit: a timestamp, an integer (decimal, 0x, 0b, 0o, old octal,
// with underscores) or a float.
func resolvesToNumber(s string) bool {
	if isResolveWord(s) {
		return true
	}
	if isTimestamp(s) {
		return true
	}
	// A number has only digits, signs, '.', '_', hex digits and the
	// letters of 0x, 0o and 0b; most sentences fail here, before the
	// parsers (whose errors allocate).
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("0123456789abcdefABCDEFxXoO_+-.", s[i]) < 0 {
			return false
		}
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return true
	}
	if yamlStyleFloat.Get().MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(plain, "0b"); ok {
		if _, err := strconv.ParseInt(rest, 2, 64); err == nil {
			return true
		}
		if _, err := strconv.ParseUint(rest, 2, 64); err == nil {
			return true
		}
	} else if rest, ok := strings.CutPrefix(plain, "-0b"); ok {
		if _, err := strconv.ParseInt("-"+rest, 2, 64); err == nil {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(plain, "0o"); ok {
		if _, err := strconv.ParseInt(rest, 8, 64); err == nil {
			return true
		}
		if _, err := strconv.ParseUint(rest, 8, 64); err == nil {
			return true
		}
	} else if rest, ok := strings.CutPrefix(plain, "-0o"); ok {
		if _, err := strconv.ParseInt("-"+rest, 8, 64); err == nil {
			return true
		}
	}
	return false
}

var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp is yaml.v3's parseTimestamp: four digits, a dash, then one
// of its layouts.
func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, f := range timestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}
