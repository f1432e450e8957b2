package align

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the beads sections of testdata/golden/*.txtar")

// TestGolden aligns the small bitexts in testdata/golden and compares the beads with the
// archive's beads section (written by hand to the true alignment, and checked against it when
// -update rewrites them). Together they cover every bead shape.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	seen := map[string]bool{}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]*txtar.File{}
			for k := range ar.Files {
				sec[ar.Files[k].Name] = &ar.Files[k]
			}
			for _, name := range []string{"langs", "src", "tgt", "beads"} {
				if sec[name] == nil {
					t.Fatalf("%s: no %q section", file, name)
				}
			}
			langs := strings.Fields(string(sec["langs"].Data))
			if len(langs) != 2 {
				t.Fatalf("%s: langs section must name two languages", file)
			}
			src, tgt := goldenLines(sec["src"].Data), goldenLines(sec["tgt"].Data)
			beads := Pair(src, tgt, Options{SrcLang: langs[0], TgtLang: langs[1]})
			got := renderBeads(beads)
			for _, b := range beads {
				seen[fmt.Sprintf("%d-%d", len(b.Src), len(b.Tgt))] = true
			}
			if *update {
				sec["beads"].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(sec["beads"].Data); got != want {
				t.Errorf("%s: beads differ\ngot:\n%swant:\n%s", file, got, want)
			}
		})
	}
	if !*update {
		for _, sh := range shapes {
			if sh.di+sh.dj > 1 && (sh.di == 0 || sh.dj == 0) {
				continue // a run comes out as beads of one sentence (TestRunBeads)
			}
			if k := fmt.Sprintf("%d-%d", sh.di, sh.dj); !seen[k] {
				t.Errorf("no golden file has a %s bead", k)
			}
		}
	}
}

func goldenLines(data []byte) []Sentence {
	var out []Sentence
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		out = append(out, Sentence{Text: l})
	}
	return out
}

// renderBeads writes one bead a line: source indices, a bar, target indices ("-" for none).
func renderBeads(beads []Bead) string {
	var b bytes.Buffer
	side := func(idx []int) string {
		if len(idx) == 0 {
			return "-"
		}
		return strings.Trim(fmt.Sprint(idx), "[]")
	}
	for _, bd := range beads {
		fmt.Fprintf(&b, "%s | %s\n", side(bd.Src), side(bd.Tgt))
	}
	return b.String()
}
