package docformat

import "testing"

// TestMarkdownInlineHTML: raw inline HTML in a Markdown article (Hugo and
// pandoc pass it through) of the elements the HTML reader knows is
// formatting, read as from an HTML page: a span with its tag, bold,
// italic, a link, a line break. It used to be stored as text, the tags
// among the words to translate, and the Markdown article then showed
// them escaped (&lt;span class=”x”>). A <…> that is no known element
// stays text, as do the Cyrillic ones.
func TestMarkdownInlineHTML(t *testing.T) {
	tests := []struct{ name, in, text, spans string }{
		{"span with attributes", "Roads were closed <span class=\"x\">overnight</span>.\n",
			"Roads were closed overnight.\n", "element:span:overnight"},
		{"sup and b", "E = mc<sup>2</sup>, <b>важно</b>.\n",
			"E = mc2, важно.\n", "element:sup:2 bold:b:важно"},
		{"strong and em", "<strong>Алматы</strong> and <em>Astana</em>\n",
			"Алматы and Astana\n", "bold::Алматы italic::Astana"},
		{"link", "See <a href=\"https://gov.kz/?a=1&amp;b=2\">the site</a>.\n",
			"See the site.\n", "link::the site"},
		{"anchor without a link", "<a name=\"x\">here</a>\n", "here\n", "element:a:here"},
		{"line break", "First line<br>second line<br/>third\n", "First line\nsecond line\nthird\n", ""},
		{"not an element", "three years <not two>, <а не два>\n", "three years <not two>, <а не два>\n", ""},
		{"unclosed tag stays open to the end", "<i>Tengrinews reports\n", "Tengrinews reports\n", "italic:i:Tengrinews reports"},
		{"a comparison is text", "if a <b and c> d\n", "if a <b and c> d\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := ReadMarkdown(tc.in)
			checkDoc(t, d)
			if d.Text != tc.text {
				t.Errorf("text %q, want %q", d.Text, tc.text)
			}
			if g := spanList(d, true); g != tc.spans {
				t.Errorf("spans %q, want %q", g, tc.spans)
			}
		})
	}
}
