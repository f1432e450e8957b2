package serve_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/serve"
)

// TestSentenceBoxRows: a sentence's box is tall enough for the sentence
// (before, every box had 2 rows, and a long sentence scrolled inside it
// while it was being corrected); short ones keep 2, the longest 10.
func TestSentenceBoxRows(t *testing.T) {
	f := newFixture(t, serve.Options{})
	c := f.client()
	long := strings.Repeat("A rather long sentence of a news article. ", 6) // 252 characters
	_, page := c.get("/doc/news")
	csrf, version := formKeys(t, page)
	if res, _ := c.post("news", csrf, version, "op", "edit", "group", "2", "lang", "en", "sentence", "1", "text", strings.TrimSpace(long)); res.StatusCode != 303 {
		t.Fatalf("edit: status %d", res.StatusCode)
	}
	_, page = c.get("/doc/news")
	re := regexp.MustCompile(`<textarea name="text" rows="(\d+)"[^>]*>([^<]*)</textarea>`)
	seen := 0
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		want := "2"
		if strings.HasPrefix(m[2], "A rather long") {
			want, seen = "7", seen+1
		}
		if m[1] != want {
			t.Errorf("a box of %d bytes has %s rows, want %s", len(m[2]), m[1], want)
		}
	}
	if seen != 1 {
		t.Fatalf("the long sentence's box is not on the page (%d)", seen)
	}
}
