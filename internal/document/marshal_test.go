package document

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// marshalTree is Marshal as it was: the whole file as one YAML node tree.
// Marshal (the streaming codec) must give the same bytes, also for files of
// several hundred groups.
func (a *Alignment) marshalTree() []byte {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, str(key), v)
	}
	add(root, "document", str(a.Document))
	add(root, "pivot", str(a.Pivot))
	langs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, l := range a.Languages {
		langs.Content = append(langs.Content, str(l))
	}
	add(root, "languages", langs)
	src := &yaml.Node{Kind: yaml.MappingNode}
	for _, l := range a.Languages {
		if h, ok := a.Sources[l]; ok {
			add(src, l, str(h))
		}
	}
	add(root, "sources", src)
	groups := &yaml.Node{Kind: yaml.SequenceNode}
	for _, g := range a.Groups {
		gm := &yaml.Node{Kind: yaml.MappingNode}
		add(gm, "status", str(string(g.Status)))
		add(gm, "score", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(g.Score, 'f', 3, 64)})
		if g.Note != "" {
			add(gm, "note", str(g.Note))
		}
		if g.Detached && g.Status != Confirmed {
			add(gm, "detached", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		for _, l := range a.Languages {
			seq := &yaml.Node{Kind: yaml.SequenceNode}
			if len(g.Sents[l]) == 0 {
				seq.Style = yaml.FlowStyle
			}
			for _, s := range g.Sents[l] {
				sm := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
				add(sm, "at", str(fmt.Sprintf("%d-%d", s.Start, s.End)))
				add(sm, "text", str(s.Text))
				seq.Content = append(seq.Content, sm)
			}
			add(gm, l, seq)
		}
		groups.Content = append(groups.Content, gm)
	}
	add(root, "groups", groups)
	var buf bytes.Buffer
	buf.WriteString(alignmentHeader)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	enc.Encode(root)
	enc.Close()
	return buf.Bytes()
}

// awkward returns a string of pieces YAML must quote, fold or escape.
func awkward(rng *rand.Rand) string {
	parts := []string{"", " ", "  lead", "trail ", "a: b", "# hash", "- dash", "'quote'", "\"dq\"", "\n", "\n\n", "\t", "x\ny",
		"yes", "null", "~", "1.5", "0x1f", "@at", "`tick`", "{b}", "[s]", "&a", "*a", "!t", "%p", "|", ">", "Қазақ", "ру́сский",
		"\u200b", "\x1b[2J", "\u2028", "emoji 😀", strings.Repeat("long words ", 20), "…", "---", "...", "a #b", "a:b", "? q"}
	var b strings.Builder
	for range rng.IntN(5) {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}

func TestMarshalLargeSameBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for trial := range 300 {
		a := &Alignment{Document: awkward(rng), Pivot: "en", Languages: []string{"en", "ru", "kk"}, Sources: map[string]string{"en": awkward(rng), "kk": "x"}}
		n := rng.IntN(4)
		if trial%20 == 0 {
			n = 200 + rng.IntN(700) // several batches
		}
		for range n {
			g := &Group{Status: []Status{Aligned, Flagged, Confirmed}[rng.IntN(3)], Score: rng.Float64(), Sents: map[string][]Sentence{}}
			if rng.IntN(4) == 0 {
				g.Note = awkward(rng)
			}
			g.Detached = rng.IntN(5) == 0
			for _, l := range a.Languages {
				for range rng.IntN(3) {
					g.Sents[l] = append(g.Sents[l], Sentence{Start: rng.IntN(1000), End: rng.IntN(1000), Text: awkward(rng)})
				}
			}
			a.Groups = append(a.Groups, g)
		}
		got, err := a.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if want := a.marshalTree(); !bytes.Equal(got, want) {
			gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
			for k := range min(len(gl), len(wl)) {
				if gl[k] != wl[k] {
					t.Fatalf("trial %d: Marshal differs from the one-tree encoding at line %d:\n%q\n%q", trial, k+1, gl[k], wl[k])
				}
			}
			t.Fatalf("trial %d: %d lines, want %d", trial, len(gl), len(wl))
		}
	}
}
