package document

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/yamlx"
)

// The alignment codec: alignment.yaml of a long document holds tens of
// thousands of groups, and every edit reads and writes the whole file.
// yaml.v3 needs seconds and gigabytes for that (its emitter keeps every
// event of the document, its parser a node per scalar), so tilmash writes
// and reads the file's own form directly:
//
//   - Marshal writes exactly the bytes yaml.v3 writes for the alignment
//     (marshalYAML stays as the reference). A group the codec cannot write
//     itself (a note over several lines, invalid UTF-8…) is written by
//     yaml.v3 on its own, and the few header values the same way for the
//     whole file.
//   - ParseAlignment reads the form Marshal writes, line by line. Anything
//     else (a comment, another indentation, a flow list, an error to
//     report) sends the whole file to yaml.v3 (parseAlignmentYAML), so a
//     hand-edited file means what YAML says it means, with the same
//     located errors and the same limits (yamlx) on size and aliases.
//
// The compatibility tests check both against yaml.v3 on every alignment
// in the repository, on random alignments and under fuzzing.

// Marshal renders the alignment file. The output is deterministic, so
// re-saving an unchanged alignment gives the same bytes.
func (a *Alignment) Marshal() ([]byte, error) {
	if b, ok := a.appendFile(make([]byte, 0, a.sizeHint())); ok {
		return b, nil
	}
	return a.marshalYAML()
}

// sizeHint estimates the size of the file, to allocate it once.
func (a *Alignment) sizeHint() int {
	n := len(alignmentHeader) + 512
	for _, g := range a.Groups {
		n += 64 + len(g.Note)
		for _, ss := range g.Sents {
			for _, s := range ss {
				n += 40 + len(s.Text) + len(s.Text)/8
			}
		}
	}
	return n
}

// appendFile appends the file; ok is false when a header value needs
// yaml.v3.
func (a *Alignment) appendFile(b []byte) ([]byte, bool) {
	ok := true
	scalar := func(s string, flow, key bool) {
		if ok {
			b, ok = appendScalar(b, s, flow, key)
		}
	}
	b = append(b, alignmentHeader...)
	b = append(b, "document: "...)
	scalar(a.Document, false, false)
	b = append(b, "\npivot: "...)
	scalar(a.Pivot, false, false)
	b = append(b, "\nlanguages: ["...)
	for i, l := range a.Languages {
		if i > 0 {
			b = append(b, ", "...)
		}
		scalar(l, true, false)
	}
	b = append(b, "]\nsources:"...)
	n := 0
	for _, l := range a.Languages {
		if h, found := a.Sources[l]; found {
			b = append(b, "\n  "...)
			scalar(l, false, true)
			b = append(b, ": "...)
			scalar(h, false, false)
			n++
		}
	}
	if n == 0 {
		b = append(b, " {}"...)
	}
	if !ok {
		return nil, false
	}
	if len(a.Groups) == 0 {
		return append(b, "\ngroups: []\n"...), true
	}
	b = append(b, "\ngroups:\n"...)
	for _, g := range a.Groups {
		mark := len(b)
		var gok bool
		if b, gok = appendGroup(b, g, a.Languages); !gok {
			var err error
			if b, err = appendGroupYAML(b[:mark], g, a.Languages); err != nil {
				return nil, false // marshalYAML reports the error
			}
		}
	}
	return b, true
}

// appendGroup appends one group as an item of the groups list; ok is false
// when some value of it needs yaml.v3.
func appendGroup(b []byte, g *Group, langs []string) ([]byte, bool) {
	ok := true
	b = append(b, "  - status: "...)
	if b, ok = appendScalar(b, string(g.Status), false, false); !ok {
		return b, false
	}
	if math.IsNaN(g.Score) || math.IsInf(g.Score, 0) {
		return b, false // yaml.v3 writes these with a !!float tag
	}
	b = append(b, "\n    score: "...)
	b = strconv.AppendFloat(b, g.Score, 'f', 3, 64)
	if g.dated() {
		b = append(b, "\n    confirmed: "...)
		b = g.ConfirmedAt.UTC().AppendFormat(b, time.RFC3339)
	}
	if g.Note != "" {
		b = append(b, "\n    note: "...)
		if b, ok = appendScalar(b, g.Note, false, false); !ok {
			return b, false
		}
	}
	if g.Detached && g.Status != Confirmed {
		b = append(b, "\n    detached: true"...)
		if g.hasWas(langs) {
			b = append(b, "\n    was:"...)
			for _, l := range langs {
				if len(g.Was[l]) == 0 {
					continue
				}
				b = append(b, "\n      "...)
				if b, ok = appendScalar(b, l, false, true); !ok {
					return b, false
				}
				b = append(b, ':')
				for _, t := range g.Was[l] {
					b = append(b, "\n        - "...)
					if b, ok = appendScalar(b, t, false, false); !ok {
						return b, false
					}
				}
			}
		}
	}
	if g.Reshaped && g.Status != Confirmed {
		b = append(b, "\n    reshaped: true"...)
	}
	for _, l := range langs {
		b = append(b, "\n    "...)
		if b, ok = appendScalar(b, l, false, true); !ok {
			return b, false
		}
		ss := g.Sents[l]
		if len(ss) == 0 {
			b = append(b, ": []"...)
			continue
		}
		b = append(b, ':')
		for _, s := range ss {
			b = append(b, "\n      - {at: "...)
			if s.Start >= 0 && s.End >= 0 {
				b = strconv.AppendInt(b, int64(s.Start), 10)
				b = append(b, '-')
				b = strconv.AppendInt(b, int64(s.End), 10)
			} else if b, ok = appendScalar(b, strconv.Itoa(s.Start)+"-"+strconv.Itoa(s.End), true, false); !ok {
				return b, false
			}
			b = append(b, ", text: "...)
			if b, ok = appendScalar(b, s.Text, true, false); !ok {
				return b, false
			}
			b = append(b, '}')
		}
	}
	return append(b, '\n'), true
}

// appendGroupYAML appends one group as yaml.v3 writes it in the groups
// list. An item of a block list is written the same whatever comes before
// it, so the group is encoded as the only item of a groups list and cut
// out of that.
func appendGroupYAML(b []byte, g *Group, langs []string) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	root.Content = append(root.Content, str("groups"), &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{groupNode(g, langs)}})
	data, err := yamlx.Marshal("", root)
	if err != nil {
		return nil, err
	}
	return append(b, bytes.TrimPrefix(data, []byte("groups:\n"))...), nil
}

// ParseAlignment reads an alignment file. file names it in errors.
func ParseAlignment(file string, data []byte) (*Alignment, error) {
	// The fast reader takes no aliases, anchors or deep nesting, so of
	// the YAML limits only the size applies to it.
	if err := yamlx.CheckSize(file, data); err != nil {
		return nil, err
	}
	if a, ok := parseFast(data); ok {
		return a, nil
	}
	return parseAlignmentYAML(file, data)
}

// lines walks a file line by line; every line must end in a newline.
type lines struct {
	s    string
	pos  int
	n    int    // number of the current line, from 1
	line string // the current line, without its newline; "" past the end
	eof  bool   // past the last line
}

func (l *lines) next() {
	i := strings.IndexByte(l.s[l.pos:], '\n')
	if i < 0 {
		l.line, l.eof = "", true
		return
	}
	l.line = l.s[l.pos : l.pos+i]
	l.pos += i + 1
	l.n++
}

// header reads the current line as "key: value", a string scalar of the
// form Marshal writes, into dst and moves to the next line; false for any
// other line.
func (l *lines) header(key string, dst *string) bool {
	rest, found := strings.CutPrefix(l.line, key+": ")
	if !found {
		return false
	}
	v, plain, ok := blockScalar(rest)
	if !ok || plain && !resolvesToStr(v) {
		return false
	}
	*dst = v
	l.next()
	return true
}

// parseFast reads the form Marshal writes. ok is false for anything else,
// and for a file with an error to report: yaml.v3 reads those.
func parseFast(data []byte) (a *Alignment, ok bool) {
	if !plainText(data) {
		return nil, false
	}
	l := &lines{s: string(data)}
	// The header comment, or any comment lines.
	for l.next(); strings.HasPrefix(l.line, "#"); l.next() {
	}
	a = &Alignment{Sources: map[string]string{}}
	if !l.header("document", &a.Document) || !l.header("pivot", &a.Pivot) {
		return nil, false
	}
	list, found := strings.CutPrefix(l.line, "languages: [")
	if list, ok = strings.CutSuffix(list, "]"); !found || !ok || list == "" {
		return nil, false
	}
	isLang := map[string]bool{}
	for _, lang := range strings.Split(list, ", ") {
		if !validLanguageCode(lang) || isLang[lang] {
			return nil, false
		}
		isLang[lang] = true
		a.Languages = append(a.Languages, lang)
	}
	l.next()
	switch l.line {
	case "sources: {}":
		l.next()
	case "sources:":
		// An empty value would be null, which yaml.v3 decodes as a nil map.
		for l.next(); strings.HasPrefix(l.line, "  "); l.next() {
			k, v, found := strings.Cut(l.line[2:], ": ")
			if !found || !validLanguageCode(k) {
				return nil, false
			}
			if _, dup := a.Sources[k]; dup {
				return nil, false
			}
			h, plain, ok := blockScalar(v)
			if !ok || plain && !resolvesToStr(h) {
				return nil, false
			}
			a.Sources[k] = h
		}
		if len(a.Sources) == 0 {
			return nil, false
		}
	default:
		return nil, false
	}
	switch l.line {
	case "groups: []":
		// A last line without a newline is not read as a line: it must
		// not be there either.
		l.next()
		return a, l.eof && l.pos == len(l.s)
	case "groups:":
	default:
		return nil, false
	}
	for l.next(); !l.eof; {
		g, ok := parseGroup(l, a.Languages)
		if !ok {
			return nil, false
		}
		a.Groups = append(a.Groups, g)
	}
	if a.Groups == nil || l.pos != len(l.s) {
		return nil, false
	}
	return a, true
}

// parseGroup reads the group starting at the current line and leaves l on
// the line after it.
func parseGroup(l *lines, langs []string) (*Group, bool) {
	rest, found := strings.CutPrefix(l.line, "  - status: ")
	if !found {
		return nil, false
	}
	g := &Group{Sents: map[string][]Sentence{}, Line: l.n}
	v, _, ok := blockScalar(rest)
	if g.Status = Status(v); !ok || !g.Status.valid() {
		return nil, false
	}
	// field reads "    key: value" from the next line, and moves past it.
	field := func(key string) (string, bool) {
		l.next()
		rest, found := strings.CutPrefix(l.line, "    "+key+": ")
		if !found {
			return "", false
		}
		v, _, ok := blockScalar(rest)
		return v, ok
	}
	score, ok := field("score")
	if !ok {
		return nil, false
	}
	f, err := strconv.ParseFloat(score, 64)
	if err != nil || !(f >= 0 && f <= 1) { // NaN too
		return nil, false
	}
	g.Score = f
	if strings.HasPrefix(l.s[l.pos:], "    confirmed: ") {
		v, ok := field("confirmed")
		if !ok {
			return nil, false
		}
		if g.ConfirmedAt, ok = parseConfirmed(v); !ok {
			return nil, false // yaml.v3's reader says what is wrong
		}
	}
	if strings.HasPrefix(l.s[l.pos:], "    note: ") {
		if g.Note, ok = field("note"); !ok {
			return nil, false
		}
	}
	if strings.HasPrefix(l.s[l.pos:], "    detached: ") {
		v, ok := field("detached")
		if !ok || v != "true" && v != "false" {
			return nil, false
		}
		g.Detached = v == "true"
		if g.Detached && strings.HasPrefix(l.s[l.pos:], "    was:\n") {
			if g.Was, ok = parseWas(l, langs); !ok {
				return nil, false
			}
		}
	}
	if strings.HasPrefix(l.s[l.pos:], "    reshaped: ") {
		v, ok := field("reshaped")
		if !ok || v != "true" && v != "false" {
			return nil, false
		}
		g.Reshaped = v == "true"
	}
	l.next()
	for _, lang := range langs {
		key, found := strings.CutPrefix(l.line, "    "+lang+":")
		if !found {
			return nil, false
		}
		l.next()
		if key == " []" {
			continue
		}
		if key != "" {
			return nil, false
		}
		var ss []Sentence
		for ; strings.HasPrefix(l.line, "      - {at: "); l.next() {
			s, ok := parseSentenceLine(l.line[len("      - {at: "):])
			if !ok {
				return nil, false
			}
			s.Line = l.n
			ss = append(ss, s)
		}
		if ss == nil {
			return nil, false
		}
		g.Sents[lang] = ss
	}
	if !l.eof && !strings.HasPrefix(l.line, "  - ") {
		return nil, false
	}
	return g, true
}

// parseWas reads the was: of a detached group, whose line is next, as
// appendGroup writes it: its languages in the order of langs, each with
// the texts it lost, each text in the form appendScalar gives it (any
// other form is left to yaml.v3). It leaves l on the last line read.
func parseWas(l *lines, langs []string) (map[string][]string, bool) {
	l.next() // "    was:"
	was := map[string][]string{}
	k := 0
	for strings.HasPrefix(l.s[l.pos:], "      ") && !strings.HasPrefix(l.s[l.pos:], "      -") {
		l.next()
		key, found := strings.CutSuffix(strings.TrimPrefix(l.line, "      "), ":")
		for k < len(langs) && langs[k] != key {
			k++
		}
		if !found || k == len(langs) {
			return nil, false
		}
		k++
		for strings.HasPrefix(l.s[l.pos:], "        - ") {
			l.next()
			rest := l.line[len("        - "):]
			v, _, ok := blockScalar(rest)
			if !ok {
				return nil, false
			}
			if again, ok := appendScalar(nil, v, false, false); !ok || string(again) != rest {
				return nil, false
			}
			was[key] = append(was[key], v)
		}
		if len(was[key]) == 0 {
			return nil, false
		}
	}
	if len(was) == 0 {
		return nil, false
	}
	return was, true
}

// parseSentenceLine reads "START-END, text: TEXT}", the rest of a
// sentence line.
func parseSentenceLine(rest string) (Sentence, bool) {
	var s Sentence
	at, text, found := strings.Cut(rest, ", text: ")
	if !found {
		return s, false
	}
	a, b, found := strings.Cut(at, "-")
	var err1, err2 error
	s.Start, err1 = strconv.Atoi(a)
	s.End, err2 = strconv.Atoi(b)
	if !found || err1 != nil || err2 != nil || s.Start < 0 || s.End < s.Start || !digits(a) || !digits(b) {
		return s, false
	}
	var ok bool
	switch {
	case strings.HasPrefix(text, "'"):
		var tail string
		if s.Text, tail, ok = singleQuoted(text); !ok || tail != "}" {
			return s, false
		}
	case strings.HasPrefix(text, `"`):
		var tail string
		if s.Text, tail, ok = doubleQuoted(text); !ok || tail != "}" {
			return s, false
		}
	default:
		if s.Text, ok = strings.CutSuffix(text, "}"); !ok || s.Text == "" || !analyzeScalar(s.Text).flowPlain {
			return s, false
		}
	}
	return s, true
}

func digits(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validLanguageCode is workspace.ValidLanguage: two or three lowercase
// letters, which YAML always reads as the same plain string.
func validLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// blockScalar reads the value of a block mapping, the rest of its line:
// plain, single-quoted or double-quoted. plain says which; ok is false for
// anything YAML would not read as exactly one string on this line.
func blockScalar(rest string) (v string, plain, ok bool) {
	switch {
	case rest == "":
		return "", false, false
	case rest[0] == '\'':
		v, tail, ok := singleQuoted(rest)
		return v, false, ok && tail == ""
	case rest[0] == '"':
		v, tail, ok := doubleQuoted(rest)
		return v, false, ok && tail == ""
	}
	return rest, true, analyzeScalar(rest).blockPlain
}

// singleQuoted reads a single-quoted scalar at the start of s, on one
// line, and returns the rest of s after it.
func singleQuoted(s string) (v, tail string, ok bool) {
	var b []byte
	start := 1
	for i := 1; i < len(s); i++ {
		if s[i] != '\'' {
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			b = append(b, s[start:i+1]...)
			i++
			start = i + 1
			continue
		}
		if b == nil {
			return s[1:i], s[i+1:], true
		}
		return string(append(b, s[start:i]...)), s[i+1:], true
	}
	return "", "", false
}

// doubleQuoted reads a double-quoted scalar at the start of s, on one
// line, with YAML's escapes, and returns the rest of s after it.
func doubleQuoted(s string) (v, tail string, ok bool) {
	var b []byte
	start := 1
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			if b == nil {
				return s[1:i], s[i+1:], true
			}
			return string(append(b, s[start:i]...)), s[i+1:], true
		case '\\':
			b = append(b, s[start:i]...)
			if i+1 >= len(s) {
				return "", "", false
			}
			i++
			if r, ok := simpleEscape(s[i]); ok {
				b = utf8.AppendRune(b, r)
				start = i + 1
				continue
			}
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[i]]
			if n == 0 || i+n >= len(s) {
				return "", "", false
			}
			code, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || strings.ContainsAny(s[i+1:i+1+n], "+-_") || code >= 0xD800 && code <= 0xDFFF || code > 0x10FFFF {
				return "", "", false
			}
			b = utf8.AppendRune(b, rune(code))
			i += n
			start = i + 1
		}
	}
	return "", "", false
}

// simpleEscape returns what YAML's one-letter escape \c in double quotes
// stands for.
func simpleEscape(c byte) (rune, bool) {
	switch c {
	case '0':
		return 0, true
	case 'a':
		return '\a', true
	case 'b':
		return '\b', true
	case 't', '\t':
		return '\t', true
	case 'n':
		return '\n', true
	case 'v':
		return '\v', true
	case 'f':
		return '\f', true
	case 'r':
		return '\r', true
	case 'e':
		return 0x1B, true
	case ' ', '"', '/', '\\':
		return rune(c), true
	case 'N':
		return 0x85, true
	case '_':
		return 0xA0, true
	case 'L':
		return 0x2028, true
	case 'P':
		return 0x2029, true
	}
	return 0, false
}

// plainText reports whether data is UTF-8 that yaml.v3 reads without
// complaint and without line breaks other than LF: no byte-order mark, no
// control characters but tab and LF, none of CR, NEL, LS, PS, U+FFFE,
// U+FFFF.
func plainText(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	// Valid UTF-8 has no surrogates, so the rest are byte patterns.
	for i, c := range data {
		switch {
		case c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' || c >= 0x80 && c != 0xC2 && c != 0xE2 && c != 0xEF:
		case c < 0x80:
			return false // other controls and DEL
		case c == 0xC2:
			if data[i+1] < 0xA0 {
				return false // C1 controls, NEL
			}
		case c == 0xE2:
			if data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
				return false // LS, PS
			}
		case c == 0xEF:
			if data[i+1] == 0xBB && data[i+2] == 0xBF || data[i+1] == 0xBF && data[i+2] >= 0xBE {
				return false // U+FEFF, U+FFFE, U+FFFF
			}
		}
	}
	return true
}
