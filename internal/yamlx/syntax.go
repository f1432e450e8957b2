package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/lazy"
	"github.com/tilmash/tilmash/internal/locale"
)

// SyntaxError is a YAML syntax error located at the line where the file
// stops being YAML. yaml.v3 names, for its "did not find expected …"
// problems, the line where the block or flow left open starts (and that
// line 0-based), which is often many lines above the line at fault (a key
// indented one space too few), and it never gives a column.
type SyntaxError struct {
	File         string
	Line, Column int    // 1-based; Column in characters
	Problem      string // yaml.v3's words: "did not find expected key"
	Err          error  // yaml.v3's error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Problem)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Detail is the problem as the value of a catalogue message: a
// [locale.Msg] in the reader's language for the problems a person editing
// a file by hand meets, yaml.v3's English words for the others.
func (e *SyntaxError) Detail() any { return SyntaxDetail(e.Problem) }

// syntaxID returns the catalogue message of one of yaml.v3's scanner and
// parser problems (scannerc.go, parserc.go) that a hand edit causes.
func syntaxID(problem string) (string, bool) {
	switch problem {
	case "did not find expected key":
		return "yaml.syntax.expected-key", true
	case "did not find expected '-' indicator":
		return "yaml.syntax.expected-dash", true
	case "mapping values are not allowed in this context":
		return "yaml.syntax.colon-in-value", true
	case "block sequence entries are not allowed in this context":
		return "yaml.syntax.dash-in-value", true
	case "found character that cannot start any token":
		return "yaml.syntax.bad-start", true
	case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
		return "yaml.syntax.tab", true
	case "could not find expected ':'":
		return "yaml.syntax.expected-colon", true
	case "did not find expected ',' or '}'":
		return "yaml.syntax.expected-brace", true
	case "did not find expected ',' or ']'":
		return "yaml.syntax.expected-bracket", true
	case "found unknown escape character":
		return "yaml.syntax.escape", true
	case "did not find expected node content":
		return "yaml.syntax.expected-value", true
	case "found unexpected end of stream":
		return "yaml.syntax.end", true
	case "did not find expected comment or line break":
		return "yaml.syntax.line-end", true
	case "did not find expected alphabetic or numeric character":
		return "yaml.syntax.anchor", true
	case "found undefined tag handle":
		return "yaml.syntax.tag", true
	}
	return "", false
}

// SyntaxDetail returns problem, yaml.v3's words for a syntax error, as
// [SyntaxError.Detail] does.
func SyntaxDetail(problem string) any {
	if id, ok := syntaxID(problem); ok {
		return locale.Msg{ID: id}
	}
	return problem
}

// yamlLine reads yaml.v3's "yaml: line N: problem".
var yamlLine = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
}}

// maxSearch is the size of file past which [LocateSyntax] keeps the line
// yaml.v3 names: the search parses the file's first lines some twenty
// times, and a file this large is one tilmash wrote (an alignment), not
// one a person edits.
const maxSearch = 1 << 20

// LocateSyntax returns the *SyntaxError of err, the error yaml.v3 gave for
// data, or nil when err is no syntax error (a value of the wrong type, a
// reader error: see [ReaderError]). The line is the first one whose
// addition makes the lines before it fail with the same problem: once the
// line at fault is in, every longer part of the file fails alike, so a
// binary search between the line yaml.v3 names and the end finds it.
func LocateSyntax(file string, data []byte, err error) *SyntaxError {
	if err == nil {
		return nil
	}
	m := yamlLine.Get().FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	line, _ := strconv.Atoi(m[1])
	problem := m[2]
	for _, p := range readerProblems {
		if problem == p {
			return nil
		}
	}
	ends := lineEnds(data)
	line = max(1, min(line, len(ends)))
	if len(data) <= maxSearch && len(ends) > 0 {
		fails := func(k int) bool { return parseProblem(data[:ends[k-1]]) == problem }
		// The named line is 0-based for parser problems: search from the
		// line before it.
		lo, hi := max(1, line-1), len(ends)
		if fails(hi) {
			for lo < hi {
				mid := (lo + hi) / 2
				if fails(mid) {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			line = hi
		}
	}
	return &SyntaxError{File: file, Line: line, Column: column(data, ends, line, problem), Problem: problem, Err: err}
}

// lineEnds returns the offset just past each line of data (past its "\n",
// or the end of data for a last line without one).
func lineEnds(data []byte) []int {
	var ends []int
	for off := 0; off < len(data); {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			ends = append(ends, len(data))
			break
		}
		off += i + 1
		ends = append(ends, off)
	}
	return ends
}

// parseProblem reads every document of data and returns the problem of
// the first syntax error, "" when there is none.
func parseProblem(data []byte) string {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return ""
		}
		if err != nil {
			if m := yamlLine.Get().FindStringSubmatch(err.Error()); m != nil {
				return m[2]
			}
			return err.Error()
		}
	}
}

// column is the column (in characters, 1-based) to point at on the line:
// the last { or [ left open for those problems, the tab of a tab in the
// indentation, else where the indentation ends.
func column(data []byte, ends []int, line int, problem string) int {
	if line < 1 || line > len(ends) {
		return 1
	}
	start := 0
	if line > 1 {
		start = ends[line-2]
	}
	text := strings.TrimRight(string(data[start:ends[line-1]]), "\r\n")
	at := -1
	switch id, _ := syntaxID(problem); id {
	case "yaml.syntax.expected-brace":
		at = strings.LastIndexByte(text, '{')
	case "yaml.syntax.expected-bracket":
		at = strings.LastIndexByte(text, '[')
	case "yaml.syntax.tab":
		at = strings.IndexByte(text, '\t')
	}
	if at < 0 {
		at = len(text) - len(strings.TrimLeft(text, " "))
		if at == len(text) {
			return 1
		}
	}
	return utf8.RuneCountInString(text[:at]) + 1
}
