package export

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLocalizedCSSIsUsed: the localized page (export --lang L --format
// html, one article) carried the side-by-side page's CSS, tables, marks,
// banner and legend it never has. Each element and class its style names
// now occurs in one of them (a page without a title has no <h1>).
func TestLocalizedCSSIsUsed(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "localized", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no localized pages: %v", err)
	}
	rule := regexp.MustCompile(`([^{}]+)\{[^{}]*\}`)
	tag := regexp.MustCompile(`(?:^|[\s>+~,])([a-z][a-z0-9]*)`)
	class := regexp.MustCompile(`\.([A-Za-z][\w-]*)`)
	var css, bodies string
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		style, body, ok := strings.Cut(string(data), "</style>")
		if !ok {
			t.Fatalf("%s: no style element", p)
		}
		_, style, _ = strings.Cut(style, "<style>")
		if css == "" {
			css = style
		} else if style != css {
			t.Errorf("%s: its style differs from %s's", p, pages[0])
		}
		bodies += body
	}
	for _, m := range rule.FindAllStringSubmatch(css, -1) {
		sel := strings.TrimSpace(m[1])
		for _, tm := range tag.FindAllStringSubmatch(sel, -1) {
			if !strings.Contains(bodies, "<"+tm[1]) {
				t.Errorf("the style names <%s> (%s), which no localized page has", tm[1], sel)
			}
		}
		for _, cm := range class.FindAllStringSubmatch(sel, -1) {
			if !regexp.MustCompile(`class="(?:[^"]* )?` + regexp.QuoteMeta(cm[1]) + `[ "]`).MatchString(bodies) {
				t.Errorf("the style names .%s (%s), which no localized page has", cm[1], sel)
			}
		}
	}
}

// TestArticleHeadlineLargest: the article page's headline (h1) was set to
// 1.4rem by the side-by-side page's style, smaller than the 1.5em a
// browser's default gives the article's h2 (its text is 1.05rem), so the
// subheadings stood above the headline. The page's h1 rule inside the
// article is now larger than that.
func TestArticleHeadlineLargest(t *testing.T) {
	m := regexp.MustCompile(`(?m)^article h1\{font-size:([0-9.]+)em`).FindStringSubmatch(articleCSS)
	if m == nil {
		t.Fatalf("the article's style sets no font-size in em for its h1:\n%s", articleCSS)
	}
	if size, err := strconv.ParseFloat(m[1], 64); err != nil || size <= 1.5 {
		t.Errorf("article h1 is %sem, not larger than a browser's h2 (1.5em)", m[1])
	}
}
