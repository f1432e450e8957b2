package serve_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/review/reviewtest"
	"github.com/tilmash/tilmash/internal/serve"
)

// TestEditWrappedSentence: a sentence of a hard-wrapped text (plain text
// wrapped at a width, a Markdown hard break) holds a line break. Its box
// showed the break, and saving the sentence, even unchanged but for a
// word, was refused as "on two lines". The box now shows it on one line,
// and the saved text keeps the break where the words around it are
// unchanged, as review's e and group edit do.
func TestEditWrappedSentence(t *testing.T) {
	ws, err := reviewtest.Workspace(t.TempDir(), "news", reviewtest.OneToOne)
	if err != nil {
		t.Fatal(err)
	}
	if err := reviewtest.Wrapped(ws, "wrap", reviewtest.OneToOne); err != nil {
		t.Fatal(err)
	}
	f := fixtureOn(t, serve.NewTestApp("test"), ws)
	c := f.client()
	_, page := c.get("/doc/wrap")
	if !strings.Contains(page, `maxlength="20000">A court in Aralsk heard the fishermen&#39;s case on Monday.</textarea>`) {
		t.Fatalf("the sentence's box does not show it on one line:\n%s", page)
	}
	csrf, version := formKeys(t, page)
	res, _ := c.post("wrap", csrf, version, "op", "edit", "group", "2", "lang", "en", "sentence", "1",
		"text", "A court in Aralsk heard the fishermen's appeal on Monday.")
	_, body := c.follow(res)
	if strings.Contains(body, `class="error"`) {
		t.Fatalf("the edit was refused:\n%s", text(body))
	}
	stored, err := os.ReadFile(filepath.Join(ws.Root, "documents", "wrap", "en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(stored), "A court in Aralsk\nheard the fishermen's appeal on Monday.") {
		t.Errorf("the stored text lost its line break or the change:\n%s", stored)
	}
}
