package termbase

import (
	"bytes"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/glossary"
)

// Marshal renders entries as a glossary YAML file in the style of the
// workspace glossary files: a comment (each line prefixed with "# "), then
// a terms list with one flow mapping per language.
func Marshal(entries []*glossary.Entry, comment string) ([]byte, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, e := range entries {
		seq.Content = append(seq.Content, e.Node())
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "terms"}, seq,
	}}
	var buf bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(comment), "\n") {
		if comment != "" {
			buf.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
