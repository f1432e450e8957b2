package app

import (
	"slices"
	"testing"

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
	if got := names(); len(got) != 19 {
		t.Errorf("every format: %d files %v, want 19", len(got), got)
	}
	got := names("article-docx")
	want := []string{"story.en.docx", "story.ru.docx", "story.kk.docx"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	got = names("xliff", "article-html", "tmx")
	want = []string{"story.tmx", "story.en-ru.xlf", "story.en-kk.xlf", "story.en.html", "story.ru.html", "story.kk.html"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := publishFormats(workspace.Publish{Formats: []string{"html", "article-html", "csv", "article-docx"}}); !slices.Equal(got, []string{"html", "csv", "docx"}) {
		t.Errorf("gate formats %v", got)
	}
}
