package document_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/tmx"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestMergeTMXOmegaTPartial: the golden project memory
// testdata/omegat/project_save.tmx (written by OmegaT in internal/export's
// TestOmegaTReuse, EN→KK) translates every English sentence of
// zarechnoye-videos except those tilmash's sentence-cut TMX gives no
// translation of their own: the sentences of a group whose Kazakh the
// aligner could not cut between them (a 2-1 merge). Their units carry the
// whole target (x-partial) and go to OmegaT's tm/, whose matches OmegaT
// offers and leaves to the translator, so OmegaT's memory lacks them, and
// MergeTMX leaves their groups alone. Which sentences those are is derived
// from the alignment by export.CutGroup, the cut the TMX export makes; a
// memory that lacks a sentence with a translation of its own fails.
func TestMergeTMXOmegaTPartial(t *testing.T) {
	const id = "zarechnoye-videos"
	f, err := os.Open(filepath.Join("testdata", "omegat", "project_save.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := tmx.Read(f, "project_save.tmx")
	if err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(ws.Root, document.Folder, id), os.DirFS(filepath.Join("..", "..", document.Folder, id))); err != nil {
		t.Fatal(err)
	}
	d, err := document.Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	partial, full := partialSentences(a, "en", "kk")
	if len(partial) == 0 {
		t.Fatalf("%s has no sentence with only a partial translation: the test checks nothing", id)
	}
	if err := untranslatedArePartial(m, a, partial); err != nil {
		t.Error(err)
	}

	// The check fails on a memory that lacks one sentence with a
	// translation of its own.
	missing := full[len(full)/2]
	cut := *m
	cut.Units = slices.DeleteFunc(slices.Clone(m.Units), func(u tmx.Unit) bool {
		v := u.Variant("EN-US")
		return v != nil && document.SourceKey(v.Text) == missing
	})
	if len(cut.Units) == len(m.Units) {
		t.Fatalf("the memory has no unit for %q", missing)
	}
	if err := untranslatedArePartial(&cut, a, partial); err == nil {
		t.Errorf("a memory without %q passed the check", missing)
	}

	res, err := document.MergeTMX(ws, id, m, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	inDoc := 0
	for _, g := range a.Groups {
		for _, s := range g.Sents["en"] {
			if partial[document.SourceKey(s.Text)] {
				inDoc++
			}
		}
	}
	if res.Matched != res.Sentences-inDoc {
		t.Errorf("MergeTMX: the memory translates %d of %d source sentences, want all but the %d partial ones", res.Matched, res.Sentences, inDoc)
	}
}

// partialSentences returns, by [document.SourceKey], the sentences of
// source whose only translation into target in the sentence-cut TMX is
// partial (an x-partial unit of export.CutGroup), and, in document order,
// those that have a translation of their own.
func partialSentences(a *document.Alignment, source, target string) (partial map[string]bool, full []string) {
	partial = map[string]bool{}
	own := map[string]bool{}
	for gi, g := range a.Groups {
		if len(g.Sents[target]) == 0 {
			continue
		}
		cut := export.CutGroup(g, gi+1, source, []string{source, target}, nil, nil)
		if cut == nil {
			for _, s := range g.Sents[source] {
				own[document.SourceKey(s.Text)] = true
				full = append(full, document.SourceKey(s.Text))
			}
			continue
		}
		for _, u := range cut {
			key := document.SourceKey(u.Variant(source).Text)
			if _, p := u.Prop(tmx.PartialProp); p {
				partial[key] = true
			} else {
				own[key] = true
				full = append(full, key)
			}
		}
	}
	for k := range own {
		delete(partial, k) // a sentence repeated elsewhere with its own translation
	}
	return partial, full
}

// untranslatedArePartial says which sentences of a's source the CAT memory
// m translates against the expectation: every sentence but those of
// partial.
func untranslatedArePartial(m *tmx.TMX, a *document.Alignment, partial map[string]bool) error {
	tr := document.FromCATMemory(m, []string{"en", "ru", "kk"}, "en")
	var wrong []string
	for _, g := range a.Groups {
		for _, s := range g.Sents["en"] {
			key := document.SourceKey(s.Text)
			_, ok := tr.Found["kk"][key]
			switch {
			case ok && partial[key]:
				wrong = append(wrong, "translated, though only partially in tilmash's TMX: "+key)
			case !ok && !partial[key]:
				wrong = append(wrong, "untranslated: "+key)
			}
		}
	}
	if len(wrong) > 0 {
		return fmt.Errorf("OmegaT's memory:\n%s", strings.Join(wrong, "\n"))
	}
	return nil
}
