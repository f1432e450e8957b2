package docformat

import "testing"

// TestMarkdownFrontMatter: the YAML (or Hugo's TOML) block a static site
// generator's article opens with is metadata: it is left out of the text,
// and its title is the article's. It used to become a heading,
// "## title: Floods author: Staff", the document's title too. A thematic
// break before a paragraph is not front matter.
func TestMarkdownFrontMatter(t *testing.T) {
	tests := []struct{ name, in, text, title string }{
		{"yaml", "---\ntitle: Floods\nauthor: Staff\n---\n\n# Floods hit the south\n\nRain fell.\n",
			"# Floods hit the south\n\nRain fell.\n", "Floods"},
		{"yaml quoted title, dots end", "---\ntitle: \"Паводки: итоги\"\ntags: [a, b]\n...\nДождь шёл.\n",
			"Дождь шёл.\n", "Паводки: итоги"},
		{"yaml without title: the heading is", "---\nlayout: post\n---\n# Тасқын\n\nЖаңбыр жауды.\n",
			"# Тасқын\n\nЖаңбыр жауды.\n", "Тасқын"},
		{"toml", "+++\ntitle = 'Floods'\ndate = 2026-12-07\n+++\n\nRain fell.\n",
			"Rain fell.\n", "Floods"},
		{"a nested title key is not the title", "---\nseo:\n  title: SEO text\n---\nRain fell.\n",
			"Rain fell.\n", ""},
		{"thematic break, then a setext heading", "---\nRain fell\n---\n\nMore.\n",
			"## Rain fell\n\nMore.\n", "Rain fell"},
		{"never closed: Markdown", "---\ntitle: Floods\n\nRain fell.\n",
			"title: Floods\n\nRain fell.\n", ""},
		{"not at the start", "Intro.\n\n---\ntitle: x\n---\n",
			"Intro.\n\n## title: x\n", "title: x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := ReadMarkdown(tc.in)
			checkDoc(t, d)
			if d.Text != tc.text {
				t.Errorf("text %q, want %q", d.Text, tc.text)
			}
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
		})
	}
}
