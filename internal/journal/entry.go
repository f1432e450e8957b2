package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/yamlx"
)

// Entry is one step of a journal: a change and everything needed to take
// it back.
type Entry struct {
	Step    int
	Time    time.Time
	Message string         // catalogue id of what the step did
	Data    map[string]any // its values
	Files   []FileState    // in the order the step writes them

	file string // the entry's path relative to the workspace, for messages
	size int64  // bytes the entry takes on disk
}

// File returns the entry's path relative to the workspace root.
func (e *Entry) File() string { return e.file }

// FileState is one file a step replaced: its name in the journal's
// folder, the sha256 of its content before and after the step, and how to
// get the content before back from the content after.
type FileState struct {
	Name      string
	BeforeSum string
	AfterSum  string
	// Created says the file did not exist before the step: undo removes
	// it. BeforeSum is then "".
	Created bool
	// Undo turns the content after the step into the content before.
	Undo []Hunk
	// Full is the whole content before the step, as entries written by
	// tilmash before journal steps were stored as diffs hold it; nil in a
	// new entry.
	Full *string
}

// entryYAML is the stored form of an Entry.
type entryYAML struct {
	Step    int            `yaml:"step"`
	Time    time.Time      `yaml:"time"`
	Message string         `yaml:"message"`
	Data    map[string]any `yaml:"data,omitempty"`
	Files   []fileYAML     `yaml:"files"`
}

type fileYAML struct {
	Name      string    `yaml:"name"`
	Created   bool      `yaml:"created,omitempty"`
	BeforeSum string    `yaml:"before-sha256,omitempty"`
	AfterSum  string    `yaml:"after-sha256"`
	Undo      yaml.Node `yaml:"undo,omitempty"`   // one hunk a line: "LINE REMOVE BYTES SUM"
	Before    yaml.Node `yaml:"before,omitempty"` // old entries: the whole content
}

const entryHeader = "# tilmash journal entry: how to take back one step. For each file it\n" +
	"# replaced: the sha256 of the file before and after, and the lines to put\n" +
	"# back: each line of \"undo\" says at which line of the current file to\n" +
	"# remove how many lines, how many bytes of the saved lines to insert there,\n" +
	"# and a checksum of the removed lines. The saved lines follow the line\n" +
	"# \"--- saved lines\", in order. tilmash undo uses this; delete the folder\n" +
	"# to forget the history.\n"

// bodyMark starts the saved lines: raw bytes, so that they need no YAML
// escaping and read back exactly. The YAML above never holds it at the
// start of a line (a string with line ends is written indented).
const bodyMark = "--- saved lines\n"

// Marshal renders the entry file.
func (e *Entry) Marshal() ([]byte, error) {
	y := entryYAML{Step: e.Step, Time: e.Time, Message: e.Message, Data: e.Data}
	var body bytes.Buffer
	for _, f := range e.Files {
		fy := fileYAML{Name: f.Name, Created: f.Created, BeforeSum: f.BeforeSum, AfterSum: f.AfterSum}
		if f.Full != nil {
			n, err := exactScalar(*f.Full)
			if err != nil {
				return nil, err
			}
			fy.Before = *n
		}
		if len(f.Undo) > 0 {
			var table strings.Builder
			for _, h := range f.Undo {
				fmt.Fprintf(&table, "%d %d %d %s\n", h.At+1, h.Remove, len(h.Insert), h.RemoveSum)
				body.WriteString(h.Insert)
			}
			fy.Undo = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.LiteralStyle, Value: table.String()}
		}
		y.Files = append(y.Files, fy)
	}
	out, err := yamlx.Marshal(entryHeader, &y)
	if err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(out)
	if body.Len() > 0 {
		buf.WriteString(bodyMark)
		buf.Write(body.Bytes())
	}
	return buf.Bytes(), nil
}

// exactScalar returns a YAML scalar that reads back as exactly s. A
// literal block keeps saved lines readable in the journal, but YAML
// cannot write every string that way (a lone newline, trailing blanks,
// control characters), nor always in double quotes; each style is tried
// by reading it back, and base64 is the last resort.
func exactScalar(s string) (*yaml.Node, error) {
	for _, style := range []yaml.Style{yaml.LiteralStyle, yaml.DoubleQuotedStyle} {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: style}
		out, err := yaml.Marshal(map[string]*yaml.Node{"v": n})
		if err != nil {
			continue
		}
		var back map[string]string
		if yaml.Unmarshal(out, &back) == nil && back["v"] == s {
			return n, nil
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!binary", Value: base64.StdEncoding.EncodeToString([]byte(s))}, nil
}

// Hash returns the hex sha256 of data.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ParseEntry reads a journal entry, in the current form or the older one
// that kept whole files. file names it in errors. valid says which file
// names an entry may restore; everything else is refused, so a hand-edited
// journal cannot make undo write outside its folder. A whole saved file
// must match its recorded checksum.
func ParseEntry(file string, data []byte, valid func(string) bool) (*Entry, error) {
	size := int64(len(data))
	var body []byte
	if i := bytes.Index(data, []byte("\n"+bodyMark)); i >= 0 {
		data, body = data[:i+1], data[i+1+len(bodyMark):]
	} else if bytes.HasPrefix(data, []byte(bodyMark)) {
		data, body = nil, data[len(bodyMark):]
	}
	root, err := yamlx.Parse(file, data)
	if yamlx.IsLimit(err) {
		return nil, err
	}
	if err != nil {
		return nil, &JournalError{File: file, Line: yamlLine(err), Reason: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) == 0 {
		return nil, &JournalError{File: file, Line: 1, Reason: "the entry is empty"}
	}
	var y entryYAML
	if err := root.Content[0].Decode(&y); err != nil {
		return nil, &JournalError{File: file, Line: yamlLine(err), Reason: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if y.Step < 1 || y.Message == "" || len(y.Files) == 0 {
		return nil, &JournalError{File: file, Line: root.Content[0].Line, Reason: "an entry needs a step, a message and files"}
	}
	e := &Entry{Step: y.Step, Time: y.Time, Message: y.Message, Data: y.Data, file: file, size: size}
	for i, f := range y.Files {
		line := fileLine(root.Content[0], i)
		if !valid(f.Name) {
			return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("%q is not a file an edit changes", f.Name)}
		}
		fs := FileState{Name: f.Name, BeforeSum: f.BeforeSum, AfterSum: f.AfterSum, Created: f.Created}
		switch {
		case f.Created:
			if f.BeforeSum != "" || f.Before.Kind != 0 || f.Undo.Kind != 0 {
				return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("%s is marked created but has an earlier content", f.Name)}
			}
		case f.Before.Kind != 0:
			var before string
			if err := f.Before.Decode(&before); err != nil {
				return nil, &JournalError{File: file, Line: f.Before.Line, Reason: err.Error()}
			}
			if Hash([]byte(before)) != f.BeforeSum {
				return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("the saved copy of %s does not match its sha256", f.Name)}
			}
			fs.Full = &before
		case f.BeforeSum == "":
			return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("%s has no before-sha256", f.Name)}
		}
		var table string
		if f.Undo.Kind != 0 {
			if err := f.Undo.Decode(&table); err != nil {
				return nil, &JournalError{File: file, Line: f.Undo.Line, Reason: err.Error()}
			}
		}
		at := 0
		for k, row := range splitLines(table) {
			bad := func(why string) error {
				return &JournalError{File: file, Line: f.Undo.Line + 1 + k, Reason: fmt.Sprintf("undo line %d of %s: %s", k+1, f.Name, why)}
			}
			fields := strings.Fields(row)
			if len(fields) != 4 {
				return nil, bad("want LINE REMOVE BYTES SUM")
			}
			var n [3]int
			for i := range n {
				v, err := strconv.Atoi(fields[i])
				if err != nil || v < 0 {
					return nil, bad(fmt.Sprintf("%q is not a count", fields[i]))
				}
				n[i] = v
			}
			if n[0]-1 < at {
				return nil, bad("the lines are out of order")
			}
			if n[2] > len(body) {
				return nil, bad("the saved lines are cut short")
			}
			fs.Undo = append(fs.Undo, Hunk{At: n[0] - 1, Remove: n[1], RemoveSum: fields[3], Insert: string(body[:n[2]])})
			body = body[n[2]:]
			at = n[0] - 1 + n[1]
		}
		e.Files = append(e.Files, fs)
	}
	if len(body) > 0 {
		return nil, &JournalError{File: file, Line: 1, Reason: fmt.Sprintf("%d bytes of saved lines belong to no file", len(body))}
	}
	return e, nil
}

// fileLine finds the line of the i-th item of files, for messages.
func fileLine(m *yaml.Node, i int) int {
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value == "files" && i < len(m.Content[k+1].Content) {
			return m.Content[k+1].Content[i].Line
		}
	}
	return m.Line
}

func yamlLine(err error) int {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		var n int
		if _, e := fmt.Sscanf(msg[i:], "line %d", &n); e == nil {
			return n
		}
	}
	return 1
}
