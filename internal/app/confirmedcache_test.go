package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/workspace"
)

// confirmedWorkspace is pubWorkspace with n documents aligned and every
// other group of each confirmed.
func confirmedWorkspace(t testing.TB, n int) (*App, *workspace.Workspace) {
	t.Helper()
	ws, err := workspace.Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	ap := New("test")
	ap.Workers = 2
	for i := 1; i <= n; i++ {
		addConfirmed(t, ap, ws, i)
	}
	return ap, ws
}

// addConfirmed imports document i of pubTexts, aligns it and confirms
// every other group.
func addConfirmed(t testing.TB, ap *App, ws *workspace.Workspace, i int) {
	t.Helper()
	id := fmt.Sprintf("doc%d", i)
	for _, l := range ws.Config.Languages {
		if _, err := document.Import(ws, id, l, []byte(pubTexts(i, false)[l]), l+".txt", document.ImportOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ap.AlignWith(ws, id, AlignOptions{NoLexicon: true}); err != nil {
		t.Fatal(err)
	}
	setConfirmed(t, ws, id, func(k int) bool { return k%2 == 0 })
}

// setConfirmed confirms the groups k of document id for which confirm is
// true, and makes the others aligned.
func setConfirmed(t testing.TB, ws *workspace.Workspace, id string, confirm func(k int) bool) {
	t.Helper()
	d, err := document.Open(ws, id)
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil || a == nil {
		t.Fatalf("alignment of %s: %v", id, err)
	}
	for k, g := range a.Groups {
		g.Detached = false
		if confirm(k) {
			g.Status = document.Confirmed
		} else {
			g.Status = document.Aligned
		}
	}
	if err := d.SaveAlignment(a); err != nil {
		t.Fatal(err)
	}
}

// learnedFiles runs Learned and returns the stored lexicons by name, each
// with what Learned returned for it.
func learnedFiles(t *testing.T, ap *App, ws *workspace.Workspace) map[string]string {
	t.Helper()
	pairs, err := ap.Learned(ws, ws.Config.Languages)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range pairs {
		if p.Groups == 0 {
			continue
		}
		data, err := os.ReadFile(ws.Path(p.File))
		if err != nil {
			t.Fatal(err)
		}
		// And what Learned returned, which the app may remember.
		var lex strings.Builder
		if err := p.Lexicon.Write(&lex); err != nil {
			t.Fatal(err)
		}
		out[p.File] = fmt.Sprintf("%d groups\n%s\nreturned: %+v\n%s", p.Groups, data, p.Lengths, lex.String())
	}
	return out
}

// TestConfirmedCache: the lexicons align learns from the confirmed groups
// come out byte for byte the same with the cache of each document's
// confirmed groups as without it, after a document's alignment changes,
// a document is removed and one is added; a document whose files did not
// change is not parsed again.
func TestConfirmedCache(t *testing.T) {
	ap, ws := confirmedWorkspace(t, 4)
	cacheFile := ws.Path(workspace.LocalFolder, ConfirmedCacheName)
	lexFolder := ws.Path(lexiconFolder)
	learnFile := ws.Path(workspace.LocalFolder, LearnCacheName)
	// fresh learns without the caches and without the stored lexicons.
	fresh := func() map[string]string {
		t.Helper()
		saved := cacheFile + ".saved"
		os.Rename(cacheFile, saved)
		os.Rename(learnFile, learnFile+".saved")
		os.RemoveAll(lexFolder)
		defer func() {
			os.RemoveAll(lexFolder)
			os.Rename(saved, cacheFile)
			os.Rename(learnFile+".saved", learnFile)
		}()
		return learnedFiles(t, New("test"), ws)
	}
	check := func(when string) {
		t.Helper()
		got := learnedFiles(t, ap, ws)
		if len(got) != 3 {
			t.Fatalf("%s: %d lexicons learned, want 3", when, len(got))
		}
		want := fresh()
		for f, w := range want {
			if got[f] != w {
				t.Errorf("%s: %s differs from the one learned without the cache:\n%.300s\n---\n%.300s", when, f, got[f], w)
			}
		}
		// And learned again from the cache, with the stored lexicons gone.
		os.RemoveAll(lexFolder)
		if again := learnedFiles(t, ap, ws); fmt.Sprint(again) != fmt.Sprint(got) {
			t.Errorf("%s: learned again from the cache, the lexicons differ", when)
		}
	}
	check("first")
	if _, err := os.Stat(cacheFile); err != nil {
		t.Fatalf("no cache: %v", err)
	}

	// A workspace that did not change: no document is parsed again.
	c, err := ap.confirmedPairs(ws)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.texts {
		if c.texts[i] != nil {
			t.Errorf("unchanged workspace: %s parsed again", c.ids[i])
		}
	}

	// align keeps the cache up to date for the document it wrote, and
	// learning for fewer languages (a document without Kazakh) uses the
	// same cache: still no document is parsed again.
	d, err := document.Open(ws, "doc1")
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.Alignment()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range a.Groups {
		if g.Status != document.Confirmed {
			g.Score = 0.01 // align works the score out again
		}
	}
	if err := d.SaveAlignment(a); err != nil {
		t.Fatal(err)
	}
	learnedFiles(t, ap, ws)
	if _, err := ap.Learned(ws, []string{"en", "ru"}); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(ws.Path(document.Folder, "doc1", document.AlignmentName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ap.AlignWith(ws, "doc1", AlignOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(ws.Path(document.Folder, "doc1", document.AlignmentName)); string(after) == string(before) {
		t.Fatal("align did not change doc1's alignment")
	}
	c, err = ap.confirmedPairs(ws)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.texts {
		if c.texts[i] != nil {
			t.Errorf("after align of doc1 and learning en-ru: %s parsed again", c.ids[i])
		}
	}
	check("doc1 aligned again")

	// A document's alignment changes: more of its groups confirmed.
	setConfirmed(t, ws, "doc2", func(int) bool { return true })
	c, err = ap.confirmedPairs(ws)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range c.ids {
		if parsed := c.texts[i] != nil; parsed != (id == "doc2") {
			t.Errorf("after doc2 changed: %s parsed %v", id, parsed)
		}
	}
	// Learning again takes the other documents' groups from the learn
	// cache: still only doc2 is parsed.
	if _, err := os.Stat(learnFile); err != nil {
		t.Fatalf("no learn cache: %v", err)
	}
	for k := range c.keys {
		c.learn(k)
	}
	for i, id := range c.ids {
		if parsed := c.texts[i] != nil; parsed != (id == "doc2") {
			t.Errorf("after doc2 changed, learning: %s parsed %v", id, parsed)
		}
	}
	check("doc2 confirmed")

	// A confirmed group becomes aligned again.
	setConfirmed(t, ws, "doc3", func(k int) bool { return k == 0 })
	check("doc3 unconfirmed")

	// A document's alignment removed, then the whole document.
	if err := os.Remove(ws.Path(document.Folder, "doc1", document.AlignmentName)); err != nil {
		t.Fatal(err)
	}
	check("doc1's alignment removed")
	if err := os.RemoveAll(ws.Path(document.Folder, "doc4")); err != nil {
		t.Fatal(err)
	}
	check("doc4 removed")

	// A document added.
	addConfirmed(t, ap, ws, 5)
	check("doc5 added")

	// A corrupt cache is ignored and written anew.
	if err := os.WriteFile(cacheFile, []byte("tilmash confirmed cache 1\n00\n{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("corrupt cache")
	data, err := os.ReadFile(learnFile)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 1
	if err := os.WriteFile(learnFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	setConfirmed(t, ws, "doc2", func(k int) bool { return k%2 == 0 })
	check("corrupt learn cache")
}

// BenchmarkLearned: what align learns from the confirmed groups of 200
// documents (copies of four), with the cache of each document's confirmed
// groups and the stored lexicons as a second align finds them ("kept"),
// after one document changed ("one-changed": the lexicons are learned
// again), and without the cache ("uncached": every alignment parsed, the
// lexicons read back).
func BenchmarkLearned(b *testing.B) {
	ap, ws := confirmedWorkspace(b, 4)
	for i := 5; i <= 200; i++ {
		from, to := fmt.Sprintf("doc%d", (i-1)%4+1), fmt.Sprintf("doc%d", i)
		if err := os.MkdirAll(ws.Path(document.Folder, to), 0o755); err != nil {
			b.Fatal(err)
		}
		for _, name := range []string{"meta.yaml", document.AlignmentName, "en.txt", "ru.txt", "kk.txt"} {
			data, err := os.ReadFile(ws.Path(document.Folder, from, name))
			if err != nil {
				b.Fatal(err)
			}
			data = []byte(strings.ReplaceAll(string(data), from+"\n", to+"\n"))
			if err := os.WriteFile(ws.Path(document.Folder, to, name), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	learn := func(b *testing.B) {
		if _, err := ap.Learned(ws, ws.Config.Languages); err != nil {
			b.Fatal(err)
		}
	}
	cacheFile := ws.Path(workspace.LocalFolder, ConfirmedCacheName)
	b.Run("kept", func(b *testing.B) {
		learn(b)
		for b.Loop() {
			learn(b)
		}
	})
	b.Run("one-changed", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			setConfirmed(b, ws, "doc7", func(k int) bool { return k%2 == i%2 })
			b.StartTimer()
			learn(b)
		}
	})
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			os.Remove(cacheFile)
			b.StartTimer()
			learn(b)
		}
	})
}
