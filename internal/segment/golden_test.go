package segment

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/")

// checkTiling fails unless the segments are in order, each Text is the
// slice of the input it claims, and everything between them is white
// space: joining segments and separators gives back the input.
func checkTiling(t testing.TB, in string, segs []Segment) {
	t.Helper()
	var b strings.Builder
	prev := 0
	for i, s := range segs {
		if s.Start < prev || s.End <= s.Start || s.End > len(in) {
			t.Fatalf("segment %d [%d,%d) out of order or empty (previous end %d)", i, s.Start, s.End, prev)
		}
		if s.Text != in[s.Start:s.End] {
			t.Fatalf("segment %d text %q is not input[%d:%d]", i, s.Text, s.Start, s.End)
		}
		if sep := in[prev:s.Start]; !isBlank(sep) {
			t.Fatalf("separator before segment %d is not white space: %q", i, sep)
		}
		if i > 0 && s.Para < segs[i-1].Para {
			t.Fatalf("segment %d: paragraph index goes back from %d to %d", i, segs[i-1].Para, s.Para)
		}
		b.WriteString(in[prev:s.Start])
		b.WriteString(s.Text)
		prev = s.End
	}
	if !isBlank(in[prev:]) {
		t.Fatalf("text after the last segment is not white space: %q", in[prev:])
	}
	b.WriteString(in[prev:])
	if b.String() != in {
		t.Fatal("segments and separators do not rebuild the input")
	}
}

// formatSegments renders segments one a line for golden files: paragraph
// index, H for a heading, and the text with line breaks shown as ⏎.
func formatSegments(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		h := "-"
		if s.Heading {
			h = "H"
		}
		fmt.Fprintf(&b, "%2d %s %s\n", s.Para, h, strings.ReplaceAll(s.Text, "\n", "⏎"))
	}
	return b.String()
}

// TestGolden segments the article fixtures of testdata/ (NAME.LANG.txt or
// NAME.LANG.md) and compares with NAME.LANG.golden; -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.*.*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".txt" && ext != ".md" {
			continue
		}
		n++
		base := strings.TrimSuffix(f, ext)
		lang := strings.TrimPrefix(filepath.Ext(base), ".")
		t.Run(filepath.Base(f), func(t *testing.T) {
			seg, err := ForLanguage(lang)
			if err != nil {
				t.Fatal(err)
			}
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			segs := seg.Segment(string(in))
			checkTiling(t, string(in), segs)
			got := formatSegments(segs)
			golden := base + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("segments of %s differ from %s:\n--- got\n%s--- want\n%s", f, golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no fixtures in testdata/")
	}
}

// fixtureTexts returns the article fixtures of testdata/, for tests that
// compare two ways of segmenting.
func fixtureTexts(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.txt", "*.md"} {
		files, _ := filepath.Glob(filepath.Join("testdata", pat))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(data))
		}
	}
	if len(out) == 0 {
		t.Fatal("no fixtures in testdata/")
	}
	return out
}
