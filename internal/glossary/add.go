package glossary

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
	"github.com/tilmash/tilmash/internal/yamlx"
)

// Codes of the errors of [AddEntry], also their message ids.
const (
	CodeAddInvalidID      = "glossary.add.invalid-id"
	CodeAddInvalidKind    = "glossary.add.invalid-kind"
	CodeAddNoForms        = "glossary.add.no-forms"
	CodeAddMissingTerm    = "glossary.add.missing-term"
	CodeAddInvalidInflect = "glossary.add.invalid-inflect"
	CodeAddDuplicateID    = "glossary.add.duplicate-id"
	CodeAddMalformed      = "glossary.add.malformed"
	CodeAddIO             = "glossary.add.io"
)

// addError is an error of [AddEntry]: code is one of the CodeAdd*
// constants, also the message id; data holds the values the message
// names (ID, Lang, Value, Detail; Kinds is always given). Every error of
// AddEntry has a position in the file, so a caller can name the file as
// the person knows it (Pos.File).
func addError(code string, at locale.Pos, data map[string]any, cause error) *locale.Error {
	d := map[string]any{"ID": "", "Lang": "", "Value": "", "Detail": "", "Kinds": KindList()}
	maps.Copy(d, data)
	return locale.NewError(code, d).At(at).Wrap(cause)
}

// FileFor is the file of the glossary folder an entry of kind k goes to
// when nobody names one: the file the house glossary keeps that kind in
// (people.yaml, places.yaml, …); "" for a kind that is not valid.
func FileFor(k Kind) string {
	switch k {
	case Person:
		return "people.yaml"
	case Place:
		return "places.yaml"
	case Organization:
		return "organizations.yaml"
	case Institution:
		return "institutions.yaml"
	case Other:
		return "terms.yaml"
	}
	return ""
}

// ValidFileName reports whether name can name a file of the glossary
// folder: a plain name ending in .yaml, not hidden. The glossary is every
// *.yaml of one folder, and a name with a folder in it could point out of
// the workspace.
func ValidFileName(name string) bool {
	return name != "" && filepath.Base(name) == name && !strings.ContainsAny(name, `/\`) && name[0] != '.' &&
		strings.HasSuffix(name, ".yaml") && name != ".yaml"
}

// validate checks an entry before it is written.
func (e *Entry) validate() *locale.Error {
	if !ValidID(e.ID) {
		return addError(CodeAddInvalidID, locale.Pos{}, map[string]any{"ID": e.ID}, nil)
	}
	if e.Kind != "" && !e.Kind.Valid() {
		return addError(CodeAddInvalidKind, locale.Pos{}, map[string]any{"ID": e.ID, "Value": string(e.Kind)}, nil)
	}
	if len(e.Langs) == 0 {
		return addError(CodeAddNoForms, locale.Pos{}, map[string]any{"ID": e.ID}, nil)
	}
	for _, lang := range sortedLangs(e.Langs) {
		f := e.Langs[lang]
		if f == nil || strings.TrimSpace(f.Term) == "" {
			return addError(CodeAddMissingTerm, locale.Pos{}, map[string]any{"ID": e.ID, "Lang": lang}, nil)
		}
		if ok, _ := validInflect(lang, f.Inflect); !ok {
			return addError(CodeAddInvalidInflect, locale.Pos{}, map[string]any{"ID": e.ID, "Lang": lang, "Value": f.Inflect}, nil)
		}
	}
	return nil
}

// sortedLangs orders languages en, ru, kk first (the house order), then the
// others by code.
func sortedLangs(m map[string]*Form) []string {
	rank := func(l string) int {
		switch l {
		case "en":
			return 0
		case "ru":
			return 1
		case "kk":
			return 2
		}
		return 3
	}
	out := make([]string, 0, len(m))
	for l := range m {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		if rank(out[i]) != rank(out[j]) {
			return rank(out[i]) < rank(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

func scalar(v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
}

func flowList(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, it := range items {
		n.Content = append(n.Content, scalar(it))
	}
	return n
}

// Node returns the entry as a YAML mapping in the style of the glossary
// files: id, kind, note, then one flow mapping per language (en, ru, kk
// first), {term, variants, forbidden, inflect, forms} with empty fields
// left out.
func (e *Entry) Node() *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	kv := func(k string, v *yaml.Node) { n.Content = append(n.Content, scalar(k), v) }
	kv("id", scalar(e.ID))
	kind := e.Kind
	if kind == "" {
		kind = Other
	}
	kv("kind", scalar(string(kind)))
	if e.Note != "" {
		kv("note", scalar(e.Note))
	}
	for _, lang := range sortedLangs(e.Langs) {
		f := e.Langs[lang]
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		add := func(k string, v *yaml.Node) { m.Content = append(m.Content, scalar(k), v) }
		add("term", scalar(f.Term))
		if len(f.Variants) > 0 {
			add("variants", flowList(f.Variants))
		}
		if len(f.Forbidden) > 0 {
			add("forbidden", flowList(f.Forbidden))
		}
		if f.Inflect != "" {
			add("inflect", scalar(f.Inflect))
		}
		if len(f.Forms) > 0 {
			add("forms", flowList(f.Forms))
		}
		kv(lang, m)
	}
	return n
}

// MarshalEntry returns the entry as one item of a glossary's terms list,
// as [AddEntry] writes it ("- id: …").
func MarshalEntry(e *Entry) ([]byte, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{e.Node()}}
	return yamlx.Marshal("", seq)
}

// AddEntry adds e to the glossary file, creating it if needed, and
// writes it atomically (a temporary file in the same folder, renamed over
// the old one), so a crash leaves the old file or the new one, never half
// of one. The entry goes where its id belongs when the terms list is in id
// order (so two editors adding different names to a shared glossary touch
// different lines, and git merges the two), else at the end. The rest of
// the file keeps its bytes, comments and order: the entry is added as text
// (before the comment lines of the entry it precedes) when the terms list
// is the file's last block, as it is in every glossary written by hand or
// by AddEntry; otherwise the file is rewritten through the yaml.v3 node
// tree, which keeps comments and order but may re-indent. AddEntry checks the
// entry (id, kind, a term per language, inflect hints) and that its id is
// not already in this file; checking the other files is the caller's job
// ([Glossary.Lookup]).
func AddEntry(file string, e *Entry) error {
	if err := e.validate(); err != nil {
		err.Pos.File = file
		return err
	}
	data, err := workspace.ReadRegular(file, file)
	perm := fs.FileMode(0o644)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = nil
	case err != nil:
		return addError(CodeAddIO, locale.Pos{File: file}, map[string]any{"Detail": err.Error()}, err)
	default:
		if st, err := os.Stat(file); err == nil {
			perm = st.Mode().Perm()
		}
	}
	out, err := appendEntry(file, data, e)
	if err != nil {
		return err
	}
	if err := workspace.WriteFileAtomicMode(file, out, perm); err != nil {
		return workspace.WriteFailed(file, err)
	}
	return nil
}

// appendEntry returns the file content with e added.
func appendEntry(file string, data []byte, e *Entry) ([]byte, error) {
	doc, err := yamlx.Parse(file, data)
	if yamlx.IsLimit(err) {
		return nil, err
	}
	if err != nil {
		line, col, detail := workspace.YAMLProblem(file, data, err)
		return nil, addError(CodeAddMalformed, locale.Pos{File: file, Line: line, Column: col}, map[string]any{"ID": e.ID, "Detail": detail}, err)
	}
	item, err := MarshalEntry(e)
	if err != nil {
		return nil, addError(CodeAddMalformed, locale.Pos{File: file}, map[string]any{"ID": e.ID, "Detail": err.Error()}, err)
	}
	if len(doc.Content) == 0 {
		// An empty or comment-only file: keep what is there, add the list.
		out := append([]byte(nil), data...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		out = append(out, "terms:\n"...)
		return append(out, indent(item, 2)...), nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, addError(CodeAddMalformed, locale.Pos{File: file, Line: root.Line, Column: root.Column}, map[string]any{"ID": e.ID, "Detail": locale.Msg{ID: "glossary.add.malformed.not-mapping"}}, nil)
	}
	var terms, termsKey *yaml.Node
	last := len(root.Content) >= 2 && root.Content[len(root.Content)-2].Value == "terms"
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "terms" {
			termsKey, terms = root.Content[i], root.Content[i+1]
		}
	}
	if terms != nil && !isNull(terms) && terms.Kind != yaml.SequenceNode {
		return nil, addError(CodeAddMalformed, locale.Pos{File: file, Line: terms.Line, Column: terms.Column}, map[string]any{"ID": e.ID, "Detail": locale.Msg{ID: "glossary.add.malformed.terms-not-list"}}, nil)
	}
	if terms != nil {
		for _, it := range terms.Content {
			it = resolve(it)
			if it.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(it.Content); i += 2 {
				if it.Content[i].Value == "id" && it.Content[i+1].Value == e.ID {
					v := it.Content[i+1]
					return nil, addError(CodeAddDuplicateID, locale.Pos{File: file, Line: v.Line, Column: v.Column}, map[string]any{"ID": e.ID}, nil)
				}
			}
		}
	}
	at := insertAt(terms, e.ID)
	// Fast, byte-preserving path: terms is the last block of a block mapping.
	if terms != nil && last && root.Style&yaml.FlowStyle == 0 {
		switch {
		case terms.Kind == yaml.SequenceNode && terms.Style&yaml.FlowStyle == 0 && at < len(terms.Content):
			if out, ok := insertText(data, terms, at, item); ok && verifyAdded(out, e.ID, at) {
				return out, nil
			}
		case terms.Kind == yaml.SequenceNode && terms.Style&yaml.FlowStyle == 0 && len(terms.Content) > 0:
			col := dashColumn(data, terms.Content[0])
			if col >= 0 {
				out := append([]byte(nil), data...)
				if len(out) > 0 && out[len(out)-1] != '\n' {
					out = append(out, '\n')
				}
				if blankBefore(data, terms.Content[len(terms.Content)-1]) && !bytes.HasSuffix(out, []byte("\n\n")) {
					// The file parts its entries with a blank line.
					out = append(out, '\n')
				}
				out = append(out, indent(item, col)...)
				if verifyAdded(out, e.ID, at) {
					return out, nil
				}
			}
		case isNull(terms) && terms.Value == "" && terms.Line == root.Content[len(root.Content)-2].Line:
			// "terms:" with nothing after it.
			out := append([]byte(nil), data...)
			if len(out) > 0 && out[len(out)-1] != '\n' {
				out = append(out, '\n')
			}
			out = append(out, indent(item, 2)...)
			if verifyAdded(out, e.ID, at) {
				return out, nil
			}
		}
	}
	// General path: edit the node tree and re-encode it.
	if terms == nil {
		terms = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		root.Content = append(root.Content, scalar("terms"), terms)
	} else if isNull(terms) || terms.Kind != yaml.SequenceNode {
		*terms = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", HeadComment: terms.HeadComment, LineComment: terms.LineComment}
	}
	if terms.Style&yaml.FlowStyle != 0 {
		// A block list cannot carry the flow list's line comment; the key
		// can ("terms:  # comment").
		terms.Style &^= yaml.FlowStyle
		if terms.LineComment != "" && termsKey != nil && termsKey.LineComment == "" {
			termsKey.LineComment, terms.LineComment = terms.LineComment, ""
		}
	}
	terms.Content = slices.Insert(terms.Content, min(at, len(terms.Content)), e.Node())
	out, err := yamlx.Marshal("", doc)
	if err != nil {
		return nil, addError(CodeAddMalformed, locale.Pos{File: file}, map[string]any{"ID": e.ID, "Detail": err.Error()}, err)
	}
	return out, nil
}

// dashColumn returns the 0-based byte column of the "-" that starts the
// sequence item n, or -1 when the line does not look like "   - key".
func dashColumn(data []byte, n *yaml.Node) int {
	lines := bytes.Split(data, []byte("\n"))
	if n.Line < 1 || n.Line > len(lines) {
		return -1
	}
	line := lines[n.Line-1]
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '-' {
		return -1
	}
	return i
}

// blankBefore reports whether the line before the sequence item n's
// first line is blank: the file parts its entries with blank lines (the
// workspace's glossary does). A first item says nothing: the line before
// it is the key of the list.
func blankBefore(data []byte, n *yaml.Node) bool {
	lines := bytes.Split(data, []byte("\n"))
	return n.Line >= 2 && n.Line <= len(lines) && len(bytes.TrimSpace(lines[n.Line-2])) == 0
}

// indent prefixes every non-empty line of text with n spaces.
func indent(text []byte, n int) []byte {
	pad := bytes.Repeat([]byte(" "), n)
	var out []byte
	for _, line := range bytes.SplitAfter(text, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			out = append(out, pad...)
		}
		out = append(out, line...)
	}
	return out
}

// verifyAdded re-reads the new content and checks that the terms list
// gained the entry at index at (at the end when at is past it), so the
// text path can never write a file that reads differently from what was
// meant.
func verifyAdded(data []byte, id string, at int) bool {
	g, probs := Parse("check", data, nil)
	for _, p := range probs {
		if p.Code == CodeMalformedYAML || p.Code == CodeWantList || p.Code == CodeWantMapping {
			return false
		}
	}
	if g == nil || len(g.Entries) == 0 {
		return false
	}
	return g.Entries[min(at, len(g.Entries)-1)].ID == id
}

// insertAt is the index in terms where an entry of id belongs: before the
// first entry with a greater id when the list is in id order (every item
// a mapping with an id, each greater than the one before), else the end.
func insertAt(terms *yaml.Node, id string) int {
	if terms == nil || terms.Kind != yaml.SequenceNode {
		return 0
	}
	ids := make([]string, 0, len(terms.Content))
	for _, it := range terms.Content {
		it = resolve(it)
		v := ""
		if it.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(it.Content); i += 2 {
				if it.Content[i].Value == "id" {
					v = it.Content[i+1].Value
				}
			}
		}
		if v == "" || len(ids) > 0 && ids[len(ids)-1] >= v {
			return len(terms.Content) // not in id order: append
		}
		ids = append(ids, v)
	}
	at, _ := slices.BinarySearch(ids, id)
	return at
}

// insertText returns data with item (an entry as MarshalEntry writes it)
// inserted as text before the item at of the block list terms, at that
// item's indent and before the comment lines just above it (they belong
// to it); in a file that parts its entries with blank lines, the new
// entry is parted from the next by one too.
func insertText(data []byte, terms *yaml.Node, at int, item []byte) ([]byte, bool) {
	col := dashColumn(data, terms.Content[at])
	if col < 0 {
		return nil, false
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	// start is the 0-based index of the first line of item i: its "-"
	// line, or the comment lines at its indent or deeper above it.
	start := func(i int) int {
		first := terms.Content[i].Line - 1
		for first > 0 && first <= len(lines) {
			l := lines[first-1]
			t := bytes.TrimLeft(l, " ")
			if len(t) == 0 || t[0] != '#' || len(l)-len(t) < col {
				break
			}
			first--
		}
		return first
	}
	// parted says whether a blank line comes before item i (the first
	// item follows the key of the list, which says nothing).
	parted := func(i int) bool {
		s := start(i)
		return i > 0 && s > 0 && s <= len(lines) && len(bytes.TrimSpace(lines[s-1])) == 0
	}
	first := start(at)
	if first < 0 || first > len(lines) {
		return nil, false
	}
	off := 0
	for _, l := range lines[:first] {
		off += len(l)
	}
	text := indent(item, col)
	if parted(at) || at+1 < len(terms.Content) && parted(at+1) {
		text = append(text, '\n')
	}
	out := make([]byte, 0, len(data)+len(text))
	out = append(out, data[:off]...)
	out = append(out, text...)
	return append(out, data[off:]...), true
}
