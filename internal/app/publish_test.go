package app

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/export"
	"github.com/tilmash/tilmash/internal/workspace"
)

// TestPublishFormatsAreExports: tilmash.yaml's publish.formats (checked by
// package workspace, which cannot import export) names exactly the
// formats publish can write: export's bilingual formats, and article-F
// for each localized format F (article-docx on request only).
func TestPublishFormatsAreExports(t *testing.T) {
	want := slices.Clone(export.Formats)
	for _, f := range export.LocalizedAll {
		want = append(want, articlePrefix+f)
	}
	if !slices.Equal(workspace.PublishFormats, want) {
		t.Errorf("workspace.PublishFormats = %v, want %v", workspace.PublishFormats, want)
	}
}

// TestPublishPlanFormats: publish.formats chooses the files of a document.
func TestPublishPlanFormats(t *testing.T) {
	langs := []string{"en", "ru", "kk"}
	names := func(formats ...string) []string {
		p := workspace.Publish{Formats: formats}
		plan, err := publishPlan("story", "en", langs, p.Writes, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range plan {
			out = append(out, f.name)
		}
		return out
	}
	if got := names(); len(got) != 21 {
		t.Errorf("every format: %d files %v, want 21", len(got), got)
	}
	got := names("article-docx")
	want := []string{"story.en.docx", "story.ru.docx", "story.kk.docx"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	got = names("xliff", "article-html", "tmx")
	want = []string{"story.tmx", "story.en-ru.tmx", "story.en-kk.tmx", "story.en-ru.xlf", "story.en-kk.xlf", "story.en.html", "story.ru.html", "story.kk.html"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := publishFormats(workspace.Publish{Formats: []string{"html", "article-html", "csv", "article-docx"}}); !slices.Equal(got, []string{"html", "csv", "docx"}) {
		t.Errorf("gate formats %v", got)
	}
}

// editOutside changes the first old in the lang text of document id to
// new, as a person's editor does behind tilmash's back.
func editOutside(t *testing.T, ws *workspace.Workspace, id, lang, old, new string) {
	t.Helper()
	text := ws.Path(document.Folder, id, lang+".txt")
	data, err := os.ReadFile(text)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(text, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPublishRepeatsUnplaced: while a document's files leave out
// formatting a change outside tilmash took the words of, every publish
// says so, also one that leaves the files as they are (status keeps
// counting it); once the formatting is dealt with, nothing is said.
func TestPublishRepeatsUnplaced(t *testing.T) {
	ap, ws := pubWorkspace(t, 1, 1)
	md := []byte("# Tokayev speaks, part 1\n\nTokayev spoke on **Tuesday**. He promised reform number 1.\n")
	if _, err := ap.Import(ws, "doc1", "en", md, "en.md", "", document.ImportOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	editOutside(t, ws, "doc1", "en", "Tuesday", "Monday")
	for i := 1; i <= 3; i++ {
		res, lines := publish(t, ap, ws, false)
		if !slices.Contains(lines, "unplaced doc1 1") {
			t.Errorf("publish %d does not say the unplaced bold: %q", i, lines)
		}
		if i > 1 && (res.Unchanged != 1 || res.Files != 0) {
			t.Errorf("publish %d wrote files again: %+v", i, res)
		}
	}
	// Dealt with: the Markdown imported again.
	md = bytes.Replace(md, []byte("Tuesday"), []byte("Monday"), 1)
	if _, err := ap.Import(ws, "doc1", "en", md, "en.md", "", document.ImportOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		if _, lines := publish(t, ap, ws, false); slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "unplaced") }) {
			t.Errorf("publish %d after the import: %q", i, lines)
		}
	}
}
