package document

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

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
			g.Reshaped = rng.IntN(5) == 0
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
		want, err := a.marshalYAML()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
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
