// Package yamlx parses the YAML files tilmash reads (tilmash.yaml, the
// glossary, meta.yaml, alignment.yaml, journal entries) with limits, so a
// hostile or broken file is refused with a located error instead of using
// gigabytes or overflowing the stack.
//
// # Why yaml.v3 alone is not enough
//
// An anchor may be used many times (*a), and a merge key (<<: *a) copies a
// mapping into another. yaml.v3 keeps aliases as [yaml.AliasNode] in the
// node tree, but every reader that walks the tree through them (the
// glossary linter follows merge keys) multiplies the work: a 97-byte file
// whose mapping merges itself (&e {<<: *e}) recurses without end, and a few
// kilobytes of nested merges or aliases expand to billions of nodes.
// [Check] walks the tree once, before any reader does, with a budget: it
// follows each anchor once (remembering its expanded size, height and merge
// depth), so its own cost is linear in the file.
//
// The limits are far above anything a person writes or tilmash itself
// writes (tilmash never writes an alias): see [MaxBytes], [MaxAliases],
// [MaxExpansion], [MaxMergeDepth] and [MaxDepth].
//
// yaml.v3's parser is safe on these inputs: it does not expand aliases
// while building the node tree, and it refuses nesting deeper than 10000
// levels itself, so parsing to a node tree first and checking it before
// decoding or walking is enough.
package yamlx

import (
	"bytes"
	"errors"
	"io"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/textenc"
	"gopkg.in/yaml.v3"
)

// The limits every YAML file tilmash reads must keep.
const (
	// MaxBytes is the largest YAML file tilmash reads: the alignment of a
	// long article with two translations is a few tens of megabytes.
	MaxBytes = 128 << 20
	// MaxAliases is the number of aliases (*name) a file may use.
	MaxAliases = 10_000
	// MaxExpansion is the number of nodes aliases may add to a file when
	// they are expanded: each use of an anchor counts the nodes it names.
	MaxExpansion = 100_000
	// MaxMergeDepth is how deeply merge keys (<<) may nest: a mapping
	// merging one that merges another is depth 2.
	MaxMergeDepth = 10
	// MaxDepth is how deeply mappings and lists may nest, aliases
	// expanded.
	MaxDepth = 100
)

// Codes of [LimitError]; each is also the message id in the catalogue.
const (
	CodeTooLarge       = "yaml.too-large"
	CodeAliasCycle     = "yaml.alias-cycle"
	CodeTooManyAliases = "yaml.too-many-aliases"
	CodeExpansion      = "yaml.alias-expansion"
	CodeMergeTooDeep   = "yaml.merge-too-deep"
	CodeTooDeep        = "yaml.too-deep"
)

// LimitError is a YAML file over one of the limits, with the position of
// the node where the limit was passed, or a file that is not text YAML
// can read (CodeNotUTF8, CodeControl, CodeUTF16), with the position of
// the byte. It is a named type because callers
// branch on it (see [IsLimit]): a file over the limits is reported as it
// is, not as a syntax error of their own.
type LimitError struct {
	File         string
	Line, Column int
	Code         string // one of the Code* constants, also the message id
	Anchor       string // the anchor concerned, for a cycle or an alias; the byte or character, for a file that is not text
	Limit        int    // the limit that was passed
}

func (e *LimitError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *LimitError) Unwrap() error {
	return locale.NewError(e.Code, map[string]any{"Anchor": e.Anchor, "Limit": e.Limit}).
		WithHint(e.Code + ".hint").At(locale.Pos{File: e.File, Line: e.Line, Column: e.Column})
}

// IsLimit reports whether err is (or wraps) a [LimitError].
func IsLimit(err error) bool {
	var le *LimitError
	return errors.As(err, &le)
}

// CheckSize refuses data larger than [MaxBytes].
func CheckSize(file string, data []byte) error {
	if len(data) > MaxBytes {
		return &LimitError{File: file, Line: 1, Column: 1, Code: CodeTooLarge, Limit: MaxBytes}
	}
	return nil
}

// CheckConflict refuses data that holds the conflict markers of a merge
// left unfinished ([textenc.ConflictMarker]): a *[LimitError] of code
// [CodeConflict] at the opening marker's line, or of code
// [CodeConflictBase] at a base's marker line left alone
// ([textenc.BaseMarker]), which no YAML file holds otherwise.
func CheckConflict(file string, data []byte) error {
	code, off := CodeConflict, textenc.ConflictMarker(data)
	if off < 0 {
		code, off = CodeConflictBase, textenc.BaseMarker(data)
	}
	if off < 0 {
		return nil
	}
	line, _ := textenc.Position(data, off)
	return &LimitError{File: file, Line: line, Column: 1, Code: code}
}

// Parse reads the first document of data into a node tree, as
// yaml.Unmarshal into a [yaml.Node] does, and [Check]s it. A syntax error
// is yaml.v3's own error; a file over the limits, or a byte that is not
// text (see [ReaderError]), gives a *[LimitError].
// Empty data gives an empty node (no Content).
func Parse(file string, data []byte) (*yaml.Node, error) {
	if err := CheckSize(file, data); err != nil {
		return nil, err
	}
	if err := CheckConflict(file, data); err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		if le := ReaderError(file, data, err); le != nil {
			return nil, le
		}
		return nil, err
	}
	if err := Check(file, &root); err != nil {
		return nil, err
	}
	return &root, nil
}

// Decode decodes the first document of data into v once the file has
// passed [Parse]. With strict, keys v has no field for are errors
// (yaml.Decoder.KnownFields). An empty document leaves v as it is and
// returns nil.
func Decode(file string, data []byte, v any, strict bool) error {
	if _, err := Parse(file, data); err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(strict)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// Check walks a parsed node tree (a document or any node in it) and
// returns a *[LimitError] if it passes one of the limits. Call it before
// decoding a node or walking it through aliases or merge keys.
func Check(file string, n *yaml.Node) error {
	c := checker{file: file, anchors: map[*yaml.Node]*shape{}}
	_, err := c.walk(n, 1)
	return err
}

// shape is what the checker knows of a node once walked: the number of
// nodes it stands for with aliases expanded, its height, and the most
// merge keys (<<) met on one path down from it, aliases followed.
type shape struct {
	size   int
	height int
	merges int
	busy   bool // being walked: an alias to it is a cycle
}

type checker struct {
	file     string
	aliases  int
	expanded int
	// anchors remembers the shape of every anchored node, the only nodes
	// an alias can name, so each is walked once however often it is used.
	anchors map[*yaml.Node]*shape
}

func (c *checker) fail(n *yaml.Node, code, anchor string, limit int) error {
	line, col := n.Line, n.Column
	if line == 0 {
		line, col = 1, 1
	}
	return &LimitError{File: c.file, Line: line, Column: col, Code: code, Anchor: anchor, Limit: limit}
}

// walk returns the shape of n, found at nesting level (1 for the root).
func (c *checker) walk(n *yaml.Node, level int) (shape, error) {
	if n == nil {
		return shape{}, nil
	}
	if level > MaxDepth {
		return shape{}, c.fail(n, CodeTooDeep, "", MaxDepth)
	}
	if n.Kind == yaml.AliasNode {
		return c.alias(n, level)
	}
	var memo *shape
	if n.Anchor != "" {
		if s, ok := c.anchors[n]; ok {
			// Reached again through the tree itself (a node shared by
			// two parents never comes from the parser, but a caller may
			// build one): count it as an alias would.
			if s.busy {
				return shape{}, c.fail(n, CodeAliasCycle, n.Anchor, 0)
			}
			return *s, nil
		}
		memo = &shape{busy: true}
		c.anchors[n] = memo
	}
	s := shape{size: 1, height: 1}
	for i, child := range n.Content {
		cs, err := c.walk(child, level+1)
		if err != nil {
			return shape{}, err
		}
		s.size = addCapped(s.size, cs.size)
		s.height = max(s.height, cs.height+1)
		s.merges = max(s.merges, cs.merges)
		if n.Kind == yaml.MappingNode && i%2 == 1 && isMerge(n.Content[i-1]) {
			// The value's own shape counts the merges inside it.
			m := 1 + cs.merges
			if m > MaxMergeDepth {
				return shape{}, c.fail(n.Content[i-1], CodeMergeTooDeep, "", MaxMergeDepth)
			}
			s.merges = max(s.merges, m)
		}
	}
	if memo != nil {
		*memo = s
	}
	return s, nil
}

func (c *checker) alias(n *yaml.Node, level int) (shape, error) {
	c.aliases++
	if c.aliases > MaxAliases {
		return shape{}, c.fail(n, CodeTooManyAliases, n.Value, MaxAliases)
	}
	t := n.Alias
	if t == nil {
		return shape{size: 1, height: 1}, nil
	}
	if t.Kind == yaml.AliasNode {
		// The parser never makes an alias of an alias; a hand-built tree
		// might, and following it could loop.
		return shape{}, c.fail(n, CodeAliasCycle, n.Value, 0)
	}
	s, ok := c.anchors[t]
	var ts shape
	switch {
	case ok && s.busy:
		return shape{}, c.fail(n, CodeAliasCycle, n.Value, 0)
	case ok:
		ts = *s
	default:
		// An anchor the walk has not met yet (a caller checking part of
		// a tree): walk it now, at the alias's level.
		var err error
		if ts, err = c.walk(t, level); err != nil {
			return shape{}, err
		}
	}
	if level+ts.height-1 > MaxDepth {
		return shape{}, c.fail(n, CodeTooDeep, "", MaxDepth)
	}
	c.expanded = addCapped(c.expanded, ts.size)
	if c.expanded > MaxExpansion {
		return shape{}, c.fail(n, CodeExpansion, n.Value, MaxExpansion)
	}
	return ts, nil
}

// isMerge reports whether a mapping key is the merge key <<, as yaml.v3
// decides it.
func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "" || k.Tag == "!" || k.Tag == "!!merge" || k.Tag == "tag:yaml.org,2002:merge")
}

func addCapped(a, b int) int {
	if s := a + b; s >= a && s <= 1<<40 {
		return s
	}
	return 1 << 40
}

// Marshal renders v (a value or a *yaml.Node) as tilmash writes every
// YAML file: header first (comment lines, or ""), then the document with
// two-space indentation.
func Marshal(header string, v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
