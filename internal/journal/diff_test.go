package journal

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomText makes lines from a small vocabulary, so that lines repeat
// (the hard case for a patience diff) and some are unique.
func randomText(r *rand.Rand, n int) string {
	words := []string{"  - status: confirmed\n", "    en:\n", "score: 0.5\n", "Сот.\n", "東京\n", "\n", "a\r\n", "x"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, "line %d\n", r.IntN(1000))
		} else {
			b.WriteString(words[r.IntN(len(words))])
		}
	}
	return b.String()
}

// mutate edits some lines of s: inserts, deletes, replacements.
func mutate(r *rand.Rand, s string) string {
	lines := splitLines(s)
	for k := r.IntN(6); k >= 0; k-- {
		i := 0
		if len(lines) > 0 {
			i = r.IntN(len(lines) + 1)
		}
		switch r.IntN(3) {
		case 0:
			lines = append(lines[:i], append([]string{fmt.Sprintf("new %d\n", r.IntN(50))}, lines[i:]...)...)
		case 1:
			if i < len(lines) {
				lines = append(lines[:i], lines[i+1:]...)
			}
		default:
			if i < len(lines) {
				lines[i] = "changed\n"
			}
		}
	}
	return strings.Join(lines, "")
}

func checkDiff(t *testing.T, older, newer string) {
	t.Helper()
	h := Diff([]byte(older), []byte(newer))
	back, err := Reverse([]byte(newer), h, true)
	if err != nil || string(back) != older {
		t.Fatalf("Reverse(Diff) = %q, %v; want %q (newer %q, hunks %+v)", back, err, older, newer, h)
	}
	size := 0
	for _, x := range h {
		size += len(x.Insert)
	}
	if size > len(older) {
		t.Fatalf("the hunks keep %d bytes of a %d-byte file", size, len(older))
	}
}

// TestDiffReverses is Diff's property: the hunks always give the older
// content back exactly, and never hold more than it.
func TestDiffReverses(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		older := randomText(r, r.IntN(40))
		newer := mutate(r, older)
		if r.IntN(10) == 0 {
			newer = randomText(r, r.IntN(40))
		}
		checkDiff(t, older, newer)
	}
}

func TestDiffKeepsOnlyWhatChanged(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "  - status: aligned\n    en:\n      - {at: %d-%d, text: Sentence %d.}\n", i*10, i*10+9, i)
	}
	older := b.String()
	newer := strings.Replace(older, "Sentence 5000.}\n", "Sentence 5000.}\n    note: checked\n", 1)
	newer = strings.Replace(newer, "Sentence 17.}", "Sentence seventeen.}", 1)
	h := Diff([]byte(older), []byte(newer))
	if len(h) != 2 || h[0].Insert != "      - {at: 170-179, text: Sentence 17.}\n" || h[1].Insert != "" || h[1].Remove != 1 {
		t.Fatalf("hunks %+v", h)
	}
	checkDiff(t, older, newer)
}

func TestReverseRefusesHunksThatDoNotFit(t *testing.T) {
	h := Diff([]byte("a\nb\nc\n"), []byte("a\nB\nc\n"))
	if _, err := Reverse([]byte("a\nX\nc\n"), h, true); err == nil {
		t.Error("a hunk was applied over lines it did not write")
	}
	if _, err := Reverse([]byte("a\n"), h, false); err == nil {
		t.Error("a hunk past the end was applied")
	}
	if back, err := Reverse([]byte("z\na\nB\nc\n"), []Hunk{{At: 2, Remove: 1, RemoveSum: h[0].RemoveSum, Insert: "b\n"}}, true); err != nil || string(back) != "z\na\nb\nc\n" {
		t.Errorf("got %q, %v", back, err)
	}
}

// FuzzDiff runs the same property on contents the fuzzer picks.
func FuzzDiff(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd")
	f.Add("", "x\n")
	f.Add("same\nsame\n", "same\n")
	f.Fuzz(func(t *testing.T, older, newer string) {
		checkDiff(t, older, newer)
	})
}
