package review

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// JournalFolder is the folder, inside a document's folder, that holds its
// journal entries.
const JournalFolder = "journal"

// MaxSteps is how many journal entries a document keeps. Each entry holds
// a whole copy of the alignment (tens of kilobytes for a long article), so
// a hundred steps cost a few megabytes at most, and a review session rarely
// wants to go back further; git keeps the older history.
const MaxSteps = 100

// Entry is one step of the journal: an edit and everything needed to take
// it back.
type Entry struct {
	Step    int
	Time    time.Time
	Message string         // catalogue id of what the edit did
	Data    map[string]any // its values
	Files   []FileState    // in the order the edit writes them

	file string // the entry's path relative to the workspace, for messages
}

// FileState is one file an edit replaced: its name in the document folder,
// its whole content before the edit, and the sha256 of that content and of
// the content that replaced it.
type FileState struct {
	Name      string `yaml:"name"`
	BeforeSum string `yaml:"before-sha256"`
	AfterSum  string `yaml:"after-sha256"`
	Before    string `yaml:"before"`
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
	BeforeSum string    `yaml:"before-sha256"`
	AfterSum  string    `yaml:"after-sha256"`
	Before    yaml.Node `yaml:"before"`
}

const entryHeader = "# tilmash journal entry: the files one edit replaced, as they were before it.\n" +
	"# tilmash undo restores them. Delete the folder to forget the history.\n"

// Marshal renders the entry file.
func (e *Entry) Marshal() ([]byte, error) {
	y := entryYAML{Step: e.Step, Time: e.Time, Message: e.Message, Data: e.Data}
	for _, f := range e.Files {
		n, err := exactScalar(f.Before)
		if err != nil {
			return nil, err
		}
		y.Files = append(y.Files, fileYAML{Name: f.Name, BeforeSum: f.BeforeSum, AfterSum: f.AfterSum, Before: *n})
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
// literal block keeps a saved file readable in the journal, but YAML
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

// ParseEntry reads a journal entry. file names it in errors. validName says
// which file names an entry may restore; everything else is refused, so a
// hand-edited journal cannot make undo write outside the document folder.
// The content of each file must match its recorded checksum.
func ParseEntry(file string, data []byte, validName func(string) bool) (*Entry, error) {
	root, err := yamlx.Parse(file, data)
	if yamlx.IsLimit(err) {
		return nil, err
	}
	if err != nil {
		line, _, reason := yamlLine(err)
		return nil, &JournalError{File: file, Line: line, Reason: reason}
	}
	if len(root.Content) == 0 {
		return nil, &JournalError{File: file, Line: 1, Reason: "the entry is empty"}
	}
	var y entryYAML
	if err := root.Content[0].Decode(&y); err != nil {
		line, _, reason := yamlLine(err)
		return nil, &JournalError{File: file, Line: line, Reason: reason}
	}
	if y.Step < 1 || y.Message == "" || len(y.Files) == 0 {
		return nil, &JournalError{File: file, Line: root.Content[0].Line, Reason: "an entry needs a step, a message and files"}
	}
	e := &Entry{Step: y.Step, Time: y.Time, Message: y.Message, Data: y.Data, file: file}
	for i, f := range y.Files {
		line := fileLine(root.Content[0], i)
		if !validName(f.Name) {
			return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("%q is not a file an edit changes", f.Name)}
		}
		var before string
		if f.Before.Kind != 0 {
			if err := f.Before.Decode(&before); err != nil {
				return nil, &JournalError{File: file, Line: f.Before.Line, Reason: err.Error()}
			}
		}
		if document.Hash(before) != f.BeforeSum {
			return nil, &JournalError{File: file, Line: line, Reason: fmt.Sprintf("the saved copy of %s does not match its sha256", f.Name)}
		}
		e.Files = append(e.Files, FileState{Name: f.Name, BeforeSum: f.BeforeSum, AfterSum: f.AfterSum, Before: before})
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

func yamlLine(err error) (line, col int, reason string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line = 1
	if i := strings.Index(msg, "line "); i >= 0 {
		var n int
		if _, e := fmt.Sscanf(msg[i:], "line %d", &n); e == nil {
			line = n
		}
	}
	return line, 1, msg
}

// journal is the journal of one document.
type journal struct{ d *document.Document }

func (j journal) dir() string { return filepath.Join(j.d.Dir(), JournalFolder) }

func (j journal) rel(step int) string {
	return filepath.Join(document.Folder, j.d.ID, JournalFolder, fmt.Sprintf("%06d.yaml", step))
}

// validName accepts the files an edit may replace: the alignment, the
// meta file and the text of a workspace language.
func (j journal) validName(name string) bool {
	if name == document.AlignmentName || name == "meta.yaml" {
		return true
	}
	lang, ok := strings.CutSuffix(name, ".txt")
	return ok && j.d.WS.HasLanguage(lang) && !strings.ContainsAny(lang, `/\.`)
}

// steps lists the step numbers in the journal, oldest first. Other files
// (an editor's backup, a temporary file left by a crash) are ignored.
func (j journal) steps() ([]int, error) {
	entries, err := os.ReadDir(j.dir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []int
	for _, e := range entries {
		base, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || len(base) < 6 || strings.Trim(base, "0123456789") != "" || e.IsDir() {
			continue
		}
		if n, err := strconv.Atoi(base); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

func (j journal) read(step int) (*Entry, error) {
	rel := j.rel(step)
	data, err := j.d.WS.ReadFile(rel)
	if err != nil {
		return nil, err
	}
	e, err := ParseEntry(rel, data, j.validName)
	if err != nil {
		return nil, err
	}
	if e.Step != step {
		return nil, &JournalError{File: rel, Line: 1, Reason: fmt.Sprintf("the entry says step %d but its file name says %d", e.Step, step)}
	}
	return e, nil
}

// last returns the newest entry, or nil for an empty journal.
func (j journal) last() (*Entry, error) {
	steps, err := j.steps()
	if err != nil || len(steps) == 0 {
		return nil, err
	}
	return j.read(steps[len(steps)-1])
}

func (j journal) write(e *Entry) error {
	data, err := e.Marshal()
	if err != nil {
		return err
	}
	e.file = j.rel(e.Step)
	return j.d.WS.WriteFile(e.file, data)
}

func (j journal) remove(step int) error {
	err := os.Remove(j.d.WS.Path(j.rel(step)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// prune deletes the oldest entries beyond keep.
func (j journal) prune(keep int) error {
	steps, err := j.steps()
	if err != nil {
		return err
	}
	for len(steps) > keep {
		if err := j.remove(steps[0]); err != nil {
			return err
		}
		steps = steps[1:]
	}
	return nil
}

// fileSum returns the sha256 of a document file, "" when it is missing.
func (j journal) fileSum(name string) (string, error) {
	b, err := j.d.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return document.Hash(string(b)), nil
}

// entryState says how far the files got through an entry's edit.
type entryState int

const (
	applied    entryState = iota // every file as after the edit
	notApplied                   // every file as before: the edit never started writing
	partial                      // some before, some after: the edit (or its undo) was interrupted
	diverged                     // some file is neither: changed since, by something else
)

func (j journal) state(e *Entry) (entryState, string, error) {
	before, after := 0, 0
	for _, f := range e.Files {
		sum, err := j.fileSum(f.Name)
		if err != nil {
			return diverged, f.Name, err
		}
		switch sum {
		case f.AfterSum:
			after++
		case f.BeforeSum:
			before++
		default:
			return diverged, f.Name, nil
		}
	}
	switch {
	case after == len(e.Files):
		return applied, "", nil
	case before == len(e.Files):
		return notApplied, "", nil
	}
	return partial, "", nil
}

// restore writes the before contents of every file of e back.
func (j journal) restore(e *Entry) error {
	for i := len(e.Files) - 1; i >= 0; i-- {
		f := e.Files[i]
		if beforeWrite != nil {
			beforeWrite(f.Name)
		}
		if err := j.d.WS.WriteFile(filepath.Join(document.Folder, j.d.ID, f.Name), []byte(f.Before)); err != nil {
			return err
		}
	}
	return nil
}

// Recover finishes what a crash interrupted. When the newest journal entry
// belongs to an edit (or an undo) that stopped before all its files were
// written, the files go back to their state before the edit and the entry
// is dropped; Recover returns it. It returns nil when there was nothing to
// recover. The caller holds the workspace lock.
func Recover(d *document.Document) (*Entry, error) {
	j := journal{d}
	e, err := j.last()
	if err != nil || e == nil {
		return nil, err
	}
	st, _, err := j.state(e)
	if err != nil || st == applied || st == diverged {
		return nil, err
	}
	if st == partial {
		if err := j.restore(e); err != nil {
			return nil, err
		}
	}
	return e, j.remove(e.Step)
}

// History returns the journal of d, oldest first.
func History(d *document.Document) ([]*Entry, error) {
	j := journal{d}
	steps, err := j.steps()
	if err != nil {
		return nil, err
	}
	var out []*Entry
	for _, s := range steps {
		e, err := j.read(s)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Undo reverts the newest n steps of d's journal, newest first, and returns
// the entries it reverted. Each step's files must still be as the step left
// them; force restores them anyway, throwing away whatever changed them
// since. An interrupted edit is recovered first and does not count as a
// step. The caller holds the workspace lock.
func Undo(d *document.Document, n int, force bool) (undone []*Entry, recovered *Entry, err error) {
	if recovered, err = Recover(d); err != nil {
		return nil, nil, err
	}
	j := journal{d}
	steps, err := j.steps()
	if err != nil {
		return nil, recovered, err
	}
	if n < 1 || n > len(steps) {
		return nil, recovered, &UndoError{ID: d.ID, Want: n, Have: len(steps)}
	}
	for i := len(steps) - 1; i >= len(steps)-n; i-- {
		e, err := j.read(steps[i])
		if err != nil {
			return undone, recovered, err
		}
		if !force {
			st, name, err := j.state(e)
			if err != nil {
				return undone, recovered, err
			}
			if st != applied {
				if name == "" {
					name = document.AlignmentName
				}
				return undone, recovered, &ChangedError{ID: d.ID, Step: e.Step, File: filepath.Join(document.Folder, d.ID, name)}
			}
		}
		if err := j.restore(e); err != nil {
			return undone, recovered, err
		}
		if err := j.remove(e.Step); err != nil {
			return undone, recovered, err
		}
		undone = append(undone, e)
	}
	return undone, recovered, nil
}
