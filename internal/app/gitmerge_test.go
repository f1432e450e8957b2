package app_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/app"
	"github.com/tilmash/tilmash/internal/document"
)

// side is one version of a document for the merge driver's tests: its
// texts, a line a sentence, and its groups' statuses and notes (group i
// holds sentence i of every language).
type side struct {
	texts  map[string][]string
	status []document.Status
	notes  []string
}

const sideGroups = 12

func baseSide() side {
	s := side{texts: map[string][]string{}, status: make([]document.Status, sideGroups), notes: make([]string, sideGroups)}
	for _, l := range []string{"en", "ru", "kk"} {
		for i := 0; i < sideGroups; i++ {
			s.texts[l] = append(s.texts[l], fmt.Sprintf("%s sentence number %d.", strings.ToUpper(l), i+1))
		}
	}
	for i := range s.status {
		s.status[i] = document.Aligned
	}
	return s
}

// with returns a copy of s changed by f.
func (s side) with(f func(*side)) side {
	c := side{texts: map[string][]string{}, status: append([]document.Status(nil), s.status...), notes: append([]string(nil), s.notes...)}
	for l, t := range s.texts {
		c.texts[l] = append([]string(nil), t...)
	}
	f(&c)
	return c
}

func (s side) text(l string) string { return strings.Join(s.texts[l], "\n") + "\n" }

// files returns the side's alignment.yaml and meta.yaml as tilmash
// writes them, with spans, sums and sizes worked out from its texts.
func (s side) files(t *testing.T) (alignment, meta []byte) {
	t.Helper()
	langs := []string{"en", "ru", "kk"}
	a := &document.Alignment{Document: "demo", Pivot: "en", Languages: langs, Sources: map[string]string{}}
	m := document.Meta{ID: "demo", Versions: map[string]*document.Version{}}
	for _, l := range langs {
		a.Sources[l] = document.Hash(s.text(l))
		m.Versions[l] = &document.Version{Title: "T " + l, Imported: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}
	}
	m, _ = m.Record(map[string]string{"en": s.text("en"), "ru": s.text("ru"), "kk": s.text("kk")})
	for i := 0; i < sideGroups; i++ {
		g := &document.Group{Status: s.status[i], Score: 0.9, Note: s.notes[i], Sents: map[string][]document.Sentence{}}
		for _, l := range langs {
			start := len(strings.Join(s.texts[l][:i], "\n"))
			if i > 0 {
				start++
			}
			g.Sents[l] = []document.Sentence{{Start: start, End: start + len(s.texts[l][i]), Text: s.texts[l][i]}}
		}
		a.Groups = append(a.Groups, g)
	}
	al, err := a.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	me, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return al, me
}

// TestGitMerge: tilmash's merge driver finishes, in alignment.yaml and
// meta.yaml, the merges of two people's work that git's text merge stops
// on only because offsets, sums and sizes moved, and leaves two changes
// of one thing to a person.
func TestGitMerge(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	base := baseSide()
	confirm := func(g int) func(*side) { return func(s *side) { s.status[g-1] = document.Confirmed } }
	correct := func(l string, g int, text string) func(*side) {
		return func(s *side) { s.texts[l][g-1] = text }
	}
	both := func(fs ...func(*side)) func(*side) {
		return func(s *side) {
			for _, f := range fs {
				f(s)
			}
		}
	}
	for _, c := range []struct {
		name         string
		ours, theirs func(*side)
		// exact: the result is the files of the merged side (spans and
		// sums right); else only its texts and statuses are checked.
		exact bool
		left  int // conflicts left in alignment.yaml
	}{
		{"both confirm different groups", confirm(2), confirm(9), true, 0},
		{"one corrects ru line 3, the other kk line 9",
			correct("ru", 3, "RU sentence number three, corrected."), correct("kk", 9, "KK nine."), true, 0},
		{"both correct ru, far apart, and confirm",
			both(correct("ru", 3, "RU three, corrected."), confirm(3)), both(correct("ru", 9, "RU nine, a longer correction."), confirm(9)), false, 0},
		{"one confirms the group whose sentence the other corrects",
			confirm(5), correct("ru", 5, "RU five."), true, 0},
		{"both change one group's status", confirm(4), func(s *side) { s.status[3] = document.Flagged }, false, 1},
		{"both note one group", func(s *side) { s.notes[6] = "ask the desk" }, func(s *side) { s.notes[6] = "check the date" }, false, 1},
		{"both correct one sentence", correct("ru", 6, "RU six (a)."), correct("ru", 6, "RU six (b)."), false, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			ours, theirs := base.with(c.ours), base.with(c.theirs)
			merged := ours.with(func(m *side) {
				for l := range m.texts {
					for i := range m.texts[l] {
						if theirs.texts[l][i] != base.texts[l][i] {
							m.texts[l][i] = theirs.texts[l][i]
						}
					}
				}
				for i := range m.status {
					if theirs.status[i] != base.status[i] {
						m.status[i] = theirs.status[i]
					}
				}
			})
			ba, bm := base.files(t)
			oa, om := ours.files(t)
			ta, tm := theirs.files(t)
			wa, wm := merged.files(t)
			for _, f := range []struct {
				name           string
				b, o, th, want []byte
			}{{"alignment.yaml", ba, oa, ta, wa}, {"meta.yaml", bm, om, tm, wm}} {
				dir := t.TempDir()
				write := func(name string, data []byte) string {
					p := filepath.Join(dir, name)
					if err := os.WriteFile(p, data, 0o644); err != nil {
						t.Fatal(err)
					}
					return p
				}
				pb, po, pt := write("base", f.b), write("ours", f.o), write("theirs", f.th)
				left, _, err := app.New("test").GitMerge(pb, po, pt, "documents/demo/"+f.name)
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(po)
				if err != nil {
					t.Fatal(err)
				}
				wantLeft := 0
				if f.name == "alignment.yaml" {
					wantLeft = c.left
				}
				if left != wantLeft {
					t.Fatalf("%s: %d conflicts left, want %d:\n%s", f.name, left, wantLeft, got)
				}
				if left > 0 {
					if !strings.Contains(string(got), "<<<<<<< ours\n") || !strings.Contains(string(got), "||||||| base\n") {
						t.Errorf("%s: no conflict markers with the base:\n%s", f.name, got)
					}
					continue
				}
				// meta.yaml is exact unless both sides changed one text.
				if c.exact || f.name == "meta.yaml" && !bothChanged(base, ours, theirs) {
					if string(got) != string(f.want) {
						t.Errorf("%s: merged\n%s\nwant\n%s", f.name, got, f.want)
					}
					continue
				}
				if f.name != "alignment.yaml" {
					continue
				}
				a, err := document.ParseAlignment(f.name, got)
				if err != nil {
					t.Fatalf("%s: %v\n%s", f.name, err, got)
				}
				for i, g := range a.Groups {
					if g.Status != merged.status[i] {
						t.Errorf("group %d: status %s, want %s", i+1, g.Status, merged.status[i])
					}
					for l, ss := range g.Sents {
						if ss[0].Text != merged.texts[l][i] {
							t.Errorf("group %d %s: %q, want %q", i+1, l, ss[0].Text, merged.texts[l][i])
						}
					}
				}
			}
		})
	}
}

// bothChanged says whether ours and theirs both changed one language's
// text of base.
func bothChanged(base, ours, theirs side) bool {
	for l := range base.texts {
		if ours.text(l) != base.text(l) && theirs.text(l) != base.text(l) {
			return true
		}
	}
	return false
}
