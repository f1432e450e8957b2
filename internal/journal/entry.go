package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
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
	Name      string     `yaml:"name"`
	Created   bool       `yaml:"created,omitempty"`
	BeforeSum string     `yaml:"before-sha256,omitempty"`
	AfterSum  string     `yaml:"after-sha256"`
	Undo      []hunkYAML `yaml:"undo,omitempty"`
	Before    yaml.Node  `yaml:"before,omitempty"` // old entries: the whole content
}

type hunkYAML struct {
	Line      int       `yaml:"line"`
	Remove    int       `yaml:"remove"`
	RemoveSum string    `yaml:"remove-sha256,omitempty"`
	Insert    yaml.Node `yaml:"insert,omitempty"`
}

const entryHeader = "# tilmash journal entry: how to take back one step. For each file it\n" +
	"# replaced: the lines to put back (\"undo\": at line, remove that many lines\n" +
	"# of the current file and insert the old ones) and the sha256 of the file\n" +
	"# before and after. tilmash undo uses it. Delete the folder to forget the history.\n"

// Marshal renders the entry file.
func (e *Entry) Marshal() ([]byte, error) {
	y := entryYAML{Step: e.Step, Time: e.Time, Message: e.Message, Data: e.Data}
	for _, f := range e.Files {
		fy := fileYAML{Name: f.Name, Created: f.Created, BeforeSum: f.BeforeSum, AfterSum: f.AfterSum}
		if f.Full != nil {
			n, err := exactScalar(*f.Full)
			if err != nil {
				return nil, err
			}
			fy.Before = *n
		}
		for _, h := range f.Undo {
			hy := hunkYAML{Line: h.At + 1, Remove: h.Remove, RemoveSum: h.RemoveSum}
			if h.Insert != "" {
				n, err := exactScalar(h.Insert)
				if err != nil {
					return nil, err
				}
				hy.Insert = *n
			}
			fy.Undo = append(fy.Undo, hy)
		}
		y.Files = append(y.Files, fy)
	}
	var buf bytes.Buffer
	buf.WriteString(entryHeader)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&y); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
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
	e := &Entry{Step: y.Step, Time: y.Time, Message: y.Message, Data: y.Data, file: file, size: int64(len(data))}
	for i, f := range y.Files {
		line := fileLine(root.Content[0], i)
		if !valid(f.Name) {
			return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("%q is not a file an edit changes", f.Name)}
		}
		fs := FileState{Name: f.Name, BeforeSum: f.BeforeSum, AfterSum: f.AfterSum, Created: f.Created}
		switch {
		case f.Created:
			if f.BeforeSum != "" || f.Before.Kind != 0 || len(f.Undo) > 0 {
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
		at := 0
		for _, h := range f.Undo {
			var ins string
			if h.Insert.Kind != 0 {
				if err := h.Insert.Decode(&ins); err != nil {
					return nil, &JournalError{File: file, Line: h.Insert.Line, Reason: err.Error()}
				}
			}
			if h.Line-1 < at || h.Remove < 0 {
				return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("the undo lines of %s are out of order", f.Name)}
			}
			fs.Undo = append(fs.Undo, Hunk{At: h.Line - 1, Remove: h.Remove, RemoveSum: h.RemoveSum, Insert: ins})
			at = h.Line - 1 + h.Remove
		}
		e.Files = append(e.Files, fs)
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
