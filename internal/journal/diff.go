package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// Hunk is one piece of a reversible line diff: At and Remove name a run of
// lines of the newer content, Insert the lines of the older content that
// stood in their place. A step stores the hunks that turn what it wrote
// back into what was there before, so that its size follows what it
// changed, not the size of the file.
type Hunk struct {
	At        int    // 0-based index of the first line of the newer content
	Remove    int    // how many lines of the newer content to drop
	RemoveSum string // sha256 of those lines, to check a forced undo
	Insert    string // the older lines, each with its line end
}

// splitLines cuts s into lines, each keeping its "\n"; the last line may
// lack one. Joining the result gives s back.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	out := make([]string, 0, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// sumLines is a short checksum of lines: the first 64 bits of their
// sha256, enough to notice that a forced undo meets lines the step did not
// write (it guards against accidents, not attacks: the whole file's sha256
// does that for an undo that is not forced).
func sumLines(lines []string) string {
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Diff returns the hunks that turn newer back into older. It is a
// patience diff: lines that occur once in both contents anchor the
// comparison, the stretches between anchors are compared again, and
// common first and last lines are always kept. The result need not be the
// smallest possible, only exact: Reverse(newer, Diff(older, newer)) is
// older, always.
func Diff(older, newer []byte) []Hunk {
	// Whole lines the two contents share at the start and at the end are
	// found by comparing bytes, and only the lines between them are split
	// and compared: an edit of one group of a 35 MB alignment then costs
	// a comparison of bytes, not the splitting of a million lines.
	p := 0
	for p < len(older) && p < len(newer) && older[p] == newer[p] {
		p++
	}
	p = bytes.LastIndexByte(newer[:p], '\n') + 1 // back to the start of a line
	s := 0
	for s < len(older)-p && s < len(newer)-p && older[len(older)-1-s] == newer[len(newer)-1-s] {
		s++
	}
	// The shared end must start right after a line end inside it, so that
	// it is whole lines in both contents.
	if i := bytes.IndexByte(newer[len(newer)-s:], '\n'); i >= 0 {
		s -= i + 1
	} else {
		s = 0
	}
	skip := bytes.Count(newer[:p], []byte{'\n'})
	a, b := splitLines(string(newer[p:len(newer)-s])), splitLines(string(older[p:len(older)-s]))
	var out []Hunk
	diffRange(a, b, 0, len(a), 0, len(b), &out)
	for i := range out {
		out[i].At += skip
	}
	return out
}

func diffRange(a, b []string, a0, a1, b0, b1 int, out *[]Hunk) {
	for a0 < a1 && b0 < b1 && a[a0] == b[b0] {
		a0++
		b0++
	}
	for a1 > a0 && b1 > b0 && a[a1-1] == b[b1-1] {
		a1--
		b1--
	}
	if a0 == a1 && b0 == b1 {
		return
	}
	var anchors [][2]int
	if a0 < a1 && b0 < b1 {
		anchors = uniqueAnchors(a[a0:a1], b[b0:b1])
	}
	if len(anchors) == 0 {
		*out = append(*out, Hunk{At: a0, Remove: a1 - a0, RemoveSum: sumLines(a[a0:a1]), Insert: strings.Join(b[b0:b1], "")})
		return
	}
	pa, pb := a0, b0
	for _, p := range anchors {
		diffRange(a, b, pa, a0+p[0], pb, b0+p[1], out)
		pa, pb = a0+p[0]+1, b0+p[1]+1
	}
	diffRange(a, b, pa, a1, pb, b1, out)
}

// uniqueAnchors pairs the lines that occur exactly once in a and once in
// b, and keeps the longest run of pairs in the same order in both.
func uniqueAnchors(a, b []string) [][2]int {
	type seen struct{ na, nb, ia, ib int }
	m := make(map[string]*seen, len(a))
	for i, l := range a {
		s := m[l]
		if s == nil {
			s = &seen{}
			m[l] = s
		}
		s.na++
		s.ia = i
	}
	for i, l := range b {
		if s := m[l]; s != nil {
			s.nb++
			s.ib = i
		}
	}
	var pairs [][2]int
	for i, l := range a {
		if s := m[l]; s.na == 1 && s.nb == 1 {
			pairs = append(pairs, [2]int{i, s.ib})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	// Longest increasing run of b indexes (pairs are in a order).
	tails := []int{} // tails[k]: index in pairs of the smallest end of a run of length k+1
	prev := make([]int, len(pairs))
	for i, p := range pairs {
		k := sort.Search(len(tails), func(k int) bool { return pairs[tails[k]][1] >= p[1] })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	run := make([][2]int, len(tails))
	for i, k := tails[len(tails)-1], len(tails)-1; k >= 0; i, k = prev[i], k-1 {
		run[k] = pairs[i]
	}
	return run
}

// conflict says that a hunk does not fit the content it is applied
// to: the lines it would replace are not the ones the step wrote.
type conflict struct{ line int }

func (c *conflict) Error() string { return fmt.Sprintf("line %d differs", c.line) }

// Reverse applies hunks to newer and returns the older content. With
// check, each hunk's lines must match its RemoveSum (they always do when
// newer is exactly the content the hunks were made from); a mismatch
// gives a *conflict naming the 1-based line.
func Reverse(newer []byte, hunks []Hunk, check bool) ([]byte, error) {
	lines := splitLines(string(newer))
	var buf bytes.Buffer
	buf.Grow(len(newer))
	pos := 0
	for _, h := range hunks {
		if h.At < pos || h.Remove < 0 || h.At+h.Remove > len(lines) {
			return nil, &conflict{line: h.At + 1}
		}
		if check && sumLines(lines[h.At:h.At+h.Remove]) != h.RemoveSum {
			return nil, &conflict{line: h.At + 1}
		}
		for _, l := range lines[pos:h.At] {
			buf.WriteString(l)
		}
		buf.WriteString(h.Insert)
		pos = h.At + h.Remove
	}
	for _, l := range lines[pos:] {
		buf.WriteString(l)
	}
	return buf.Bytes(), nil
}
