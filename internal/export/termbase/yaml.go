package termbase

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tilmash/tilmash/internal/glossary"
	"github.com/tilmash/tilmash/internal/yamlx"
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
	var header strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(comment), "\n") {
		if comment != "" {
			header.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	return yamlx.Marshal(header.String(), root)
}
